//! Tests of classes made at run time: MRO, errors as CPython words them,
//! version tags, slot inheritance.

use super::attrmap::AttrMap;
use super::slots::Runtime;
use super::test_support::NoVm;
use super::*;

fn class(heap: &Heap, name: &str, bases: &[Value]) -> Result<Value, PyErr> {
    heap.new_class(heap.types().type_, name, bases, AttrMap::new())
}

fn ty(v: Value) -> Gc<TypeObj> {
    Gc::<TypeObj>::from_value(v).unwrap()
}

fn mro_names(v: Value) -> Vec<String> {
    ty(v).mro().iter().map(|&t| ty(t).name()).collect()
}

#[test]
fn c3_diamond() {
    let heap = Heap::new();
    let a = class(&heap, "A", &[]).unwrap();
    let b = class(&heap, "B", &[a]).unwrap();
    let c = class(&heap, "C", &[a]).unwrap();
    let d = class(&heap, "D", &[b, c]).unwrap();
    assert_eq!(mro_names(d), ["D", "B", "C", "A", "object"]);
    let e = class(&heap, "E", &[heap.types().value_error]).unwrap();
    assert_eq!(mro_names(e), ["E", "ValueError", "Exception", "BaseException", "object"]);
    assert_eq!(ty(e).layout(), ObjKind::Exception);
    assert!(ty(d).is_subtype(ty(a)));
    assert!(!ty(a).is_subtype(ty(d)));
}

#[test]
fn class_errors_match_cpython() {
    let heap = Heap::new();
    let a = class(&heap, "A", &[]).unwrap();
    let b = class(&heap, "B", &[a]).unwrap();
    let err = class(&heap, "C", &[a, b]).unwrap_err();
    assert_eq!(err.type_name(), "TypeError");
    assert_eq!(
        err.message(),
        "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
    );
    let x = class(&heap, "X", &[]).unwrap();
    let y = class(&heap, "Y", &[]).unwrap();
    let p = class(&heap, "P", &[x, y]).unwrap();
    let q = class(&heap, "Q", &[y, x]).unwrap();
    assert_eq!(
        class(&heap, "R", &[p, q]).unwrap_err().message(),
        "Cannot create a consistent method resolution\norder (MRO) for bases X, Y"
    );
    assert_eq!(class(&heap, "S", &[a, a]).unwrap_err().message(), "duplicate base class A");
    assert_eq!(
        class(&heap, "T", &[heap.types().bool]).unwrap_err().message(),
        "type 'bool' is not an acceptable base type"
    );
    let err = class(&heap, "U", &[heap.types().int, heap.types().str]).unwrap_err();
    assert_eq!(err.message(), "multiple bases have instance lay-out conflict");
    let err =
        heap.type_set_attr(ty(heap.types().int), heap.intern("x"), Some(Value::NONE)).unwrap_err();
    assert_eq!(err.message(), "can't set attributes of built-in/extension type 'int'");
}

#[test]
fn versions_change_with_dicts_of_the_type_and_its_bases() {
    let heap = Heap::new();
    let a = class(&heap, "A", &[]).unwrap();
    let b = class(&heap, "B", &[a]).unwrap();
    let other = class(&heap, "Other", &[]).unwrap();
    let (va, vb, vo) = (ty(a).version(), ty(b).version(), ty(other).version());
    let f = heap.intern("f");
    heap.type_set_attr(ty(a), f, Some(Value::from_small_int(1).unwrap())).unwrap();
    assert_ne!(ty(a).version(), va);
    assert_ne!(ty(b).version(), vb, "a base's change invalidates subclasses");
    assert_eq!(ty(other).version(), vo);
    assert_eq!(ty(b).lookup(f), Some(Value::from_small_int(1).unwrap()));
    assert_eq!(heap.lookup(ty(b), f), Some(Value::from_small_int(1).unwrap()));
    let vb = ty(b).version();
    heap.type_set_attr(ty(a), f, None).unwrap();
    assert_ne!(ty(b).version(), vb);
    assert_eq!(ty(b).lookup(f), None);
    assert_eq!(heap.lookup(ty(b), f), None, "the cache sees the new version");
    heap.type_set_attr(ty(b), f, Some(Value::TRUE)).unwrap();
    assert_eq!(heap.lookup_in_type_of(heap.new_instance(ty(b)), f), Some(Value::TRUE));
    let list = ty(heap.types().list);
    let v = list.version();
    heap.type_set_builtin_attr(list, "append", Value::TRUE);
    assert_ne!(list.version(), v);
    assert_eq!(heap.lookup(list, heap.intern("append")), Some(Value::TRUE));
    let err = heap.type_set_attr(ty(a), f, None).unwrap_err();
    assert_eq!(
        (err.type_name(), err.message()),
        ("AttributeError".into(), "type object 'A' has no attribute 'f'".into())
    );
}

fn native_neg(rt: &mut dyn Runtime, v: Value) -> Result<Value, PyErr> {
    Ok(rt.heap().new_int_i64(-v.as_small_int().unwrap_or(0)))
}

#[test]
fn slots_are_inherited_unless_overridden() {
    let heap = Heap::new();
    let int = ty(heap.types().int);
    int.slots.neg.set(Some(native_neg));
    let plain = class(&heap, "MyInt", &[int.value()]).unwrap();
    let neg = ty(plain).slots.neg.get().expect("inherited");
    let mut rt = NoVm(&heap);
    assert_eq!(
        neg(&mut rt, Value::from_small_int(5).unwrap()).unwrap(),
        Value::from_small_int(-5).unwrap()
    );
    let mut dict = AttrMap::new();
    dict.insert(heap.intern("__neg__"), Value::NONE);
    let overriding = heap.new_class(heap.types().type_, "Neg", &[int.value()], dict).unwrap();
    assert!(ty(overriding).slots.neg.get().is_none());
    // Defining the dunder later empties the slot in the class and below.
    let sub = class(&heap, "Sub", &[plain]).unwrap();
    heap.type_set_attr(ty(plain), heap.intern("__neg__"), Some(Value::NONE)).unwrap();
    assert!(ty(plain).slots.neg.get().is_none());
    assert!(ty(sub).slots.neg.get().is_none());
    heap.type_set_attr(ty(plain), heap.intern("__neg__"), None).unwrap();
    assert!(ty(sub).slots.neg.get().is_some(), "deleting the override re-exposes the native slot");
}

#[test]
fn errors_carry_exceptions() {
    let heap = Heap::new();
    let err = PyErr::zero_division_error(&heap, "division by zero");
    assert_eq!(format!("{err:?}"), "ZeroDivisionError: division by zero");
    assert!(err.matches(&heap, heap.types().arithmetic_error));
    assert!(!err.matches(&heap, heap.types().lookup_error));
    let key = heap.new_str("k");
    let err = PyErr::key_error(&heap, key);
    let exc = exception::exception_of(err.exception()).unwrap();
    assert_eq!(exc.args(), vec![key]);
    let err = PyErr::stop_iteration(&heap, Value::from_small_int(3).unwrap());
    let exc = exception::exception_of(err.exception()).unwrap();
    assert_eq!(exc.attrs.get(heap.intern("value")), Some(Value::from_small_int(3).unwrap()));
    assert_eq!(err.message(), "<args not a single str>");
}

#[test]
fn unreferenced_classes_are_collected_with_their_shapes() {
    let heap = Heap::new();
    // Names the class creation interns stay (interned strings are roots).
    for name in ["Temp", "x"] {
        heap.intern(name);
    }
    class(&heap, "Warmup", &[]).unwrap();
    let base = heap.collect(&NoRoots);
    let c = class(&heap, "Temp", &[]).unwrap();
    let o = heap.new_instance(ty(c));
    instance::instance_of(o).unwrap().attrs.set(&heap, heap.intern("x"), Value::NONE);
    let kept = heap.collect(&vec![o]);
    assert!(kept.live_objects >= base.live_objects + 4, "instance, class, two shapes");
    // Subclass lists are weak: the class dies with its last instance.
    let after = heap.collect(&NoRoots);
    assert_eq!(after.live_objects, base.live_objects);
}

#[test]
fn bases_assignment_recomputes_mros_below() {
    let heap = Heap::new();
    let a = class(&heap, "A", &[]).unwrap();
    let b = class(&heap, "B", &[]).unwrap();
    let c = class(&heap, "C", &[a]).unwrap();
    let d = class(&heap, "D", &[c]).unwrap();
    let vd = ty(d).version();
    heap.type_set_bases(ty(c), heap.new_tuple(&[b])).unwrap();
    assert_eq!(mro_names(c), ["C", "B", "object"]);
    assert_eq!(mro_names(d), ["D", "C", "B", "object"]);
    assert_ne!(ty(d).version(), vd);
    assert!(!ty(a).subclasses().contains(&c));
    assert!(ty(b).subclasses().contains(&c));
    let set = |v: Value| heap.type_set_bases(ty(c), v).unwrap_err().message();
    assert_eq!(set(heap.new_tuple(&[])), "can only assign non-empty tuple to C.__bases__, not ()");
    assert_eq!(set(heap.new_tuple(&[d])), "a __bases__ item causes an inheritance cycle");
    assert_eq!(
        set(heap.new_tuple(&[heap.types().int])),
        "__bases__ assignment: 'int' deallocator differs from 'B'"
    );
    assert_eq!(
        set(heap.new_tuple(&[Value::from_small_int(1).unwrap()])),
        "C.__bases__ must be tuple of classes, not 'int'"
    );
    assert_eq!(set(heap.new_list(&[a])), "can only assign tuple to C.__bases__, not list");
    assert_eq!(
        set(heap.new_tuple(&[heap.types().bool])),
        "type 'bool' is not an acceptable base type"
    );
    assert_eq!(set(heap.new_tuple(&[a, a])), "duplicate base class A");
    assert_eq!(mro_names(d), ["D", "C", "B", "object"], "errors change nothing");
    let err = heap.type_set_bases(ty(heap.types().int), heap.new_tuple(&[a])).unwrap_err();
    assert_eq!(err.message(), "can't set attributes of built-in/extension type 'int'");
}

#[test]
fn bases_assignment_keeps_built_in_or_class_bases() {
    // CPython compares deallocators: `object`'s differs from a class's.
    let heap = Heap::new();
    let a = class(&heap, "A", &[]).unwrap();
    let b = class(&heap, "B", &[]).unwrap();
    let c = class(&heap, "C", &[a]).unwrap();
    let err = heap.type_set_bases(ty(a), heap.new_tuple(&[b])).unwrap_err();
    assert_eq!(err.message(), "__bases__ assignment: 'B' deallocator differs from 'object'");
    let err = heap.type_set_bases(ty(c), heap.new_tuple(&[heap.types().object])).unwrap_err();
    assert_eq!(err.message(), "__bases__ assignment: 'object' deallocator differs from 'A'");
    heap.type_set_bases(ty(c), heap.new_tuple(&[b])).unwrap();
}

#[test]
fn bases_assignment_that_breaks_a_subclass_is_undone() {
    let heap = Heap::new();
    let p = class(&heap, "P", &[]).unwrap();
    let q = class(&heap, "Q", &[]).unwrap();
    let c = class(&heap, "C", &[p]).unwrap();
    let d = class(&heap, "D", &[q, c]).unwrap();
    let err = heap.type_set_bases(ty(c), heap.new_tuple(&[p, q])).unwrap_err();
    assert_eq!(
        err.message(),
        "Cannot create a consistent method resolution\norder (MRO) for bases Q, C"
    );
    assert_eq!(mro_names(c), ["C", "P", "object"]);
    assert_eq!(mro_names(d), ["D", "Q", "C", "P", "object"]);
    assert_eq!(ty(c).bases(), vec![p]);
}
