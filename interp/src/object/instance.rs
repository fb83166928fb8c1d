//! Instances of classes: a type (in the header), a shape and a slot vector.
//!
//! [`Attrs`] is the attribute storage, shared by plain instances,
//! exceptions, functions and the side attributes of built-in subclasses.
//! Normal mode: `shape` names the slots and `slots` holds the values, in
//! the order attributes were first set. Dictionary mode: `shape` is the
//! type's dict shape, `slots` is empty and the attributes live in a real
//! dict object, the very one `obj.__dict__` returns, so writes through
//! either side show on the other. An instance goes there when
//! `obj.__dict__` is first read or assigned, after deleting an attribute
//! that is not the last one added, or past [`super::shape::MAX_SHAPE_SLOTS`]
//! attributes. Deleting the most recently added attribute just steps back
//! to the parent shape. Guards on ordinary shapes fail for the dict shape,
//! so inline caches and compiled code take the slow path for such
//! instances and ordinary ones keep their speed.
//!
//! Slots (names in `__slots__`, whose class holds a member descriptor)
//! share the shape storage in normal mode, so caches and traces read them
//! like any attribute. Dictionary mode keeps them apart, in `members` (a
//! private dict), as CPython keeps slots outside the instance dict:
//! `vars(obj)`, `obj.__dict__.clear()` and `obj.__dict__ = {}` leave them.
//!
//! The methods here compare names as text and never run Python code; the
//! VM does exact dict lookups (keys with their own `__eq__`) through
//! [`Attrs::dict`].

use std::cell::Cell;
use std::mem::offset_of;
use std::ops::Deref;
use std::ptr::NonNull;

use super::dict::{dict_of, DictObj};
use super::err::PyErr;
use super::exception::{exception_of, ExceptionObj};
use super::gc::Tracer;
use super::header::{tail_of_mut, Gc, HeapObj, ObjHeader, ObjKind, Payload, FLAG_SIDE_ATTRS};
use super::heap::Heap;
use super::shape::ShapeObj;
use super::types::TypeObj;
use super::value::Value;
use super::vec::{ValueVec, VALUE_VEC_PTR_OFFSET};

#[repr(C)]
pub struct Attrs {
    shape: Cell<Value>,
    slots: ValueVec,
    /// The dict object of dictionary mode; `Value::EMPTY` otherwise.
    dict: Cell<Value>,
    /// Dictionary mode's slot values (a dict never handed out), or
    /// `Value::EMPTY` when there are none or in normal mode.
    members: Cell<Value>,
}

impl Attrs {
    pub fn new(shape: Gc<ShapeObj>) -> Attrs {
        Attrs {
            shape: Cell::new(shape.value()),
            slots: ValueVec::new(),
            dict: Cell::new(Value::EMPTY),
            members: Cell::new(Value::EMPTY),
        }
    }

    /// Storage whose first `n` slots are to be inline in the owner, which
    /// attaches them (see [`ValueVec::inline_placeholder`]).
    fn with_inline_slots(shape: Gc<ShapeObj>, n: usize) -> Attrs {
        Attrs { slots: ValueVec::inline_placeholder(n), ..Attrs::new(shape) }
    }

    #[inline(always)]
    pub fn shape(&self) -> Gc<ShapeObj> {
        Gc::<ShapeObj>::from_value(self.shape.get()).expect("attrs always have a shape")
    }

    /// The shape as a raw value: what an inline cache compares with the
    /// shape it saw, without a downcast.
    #[inline(always)]
    pub fn shape_value(&self) -> Value {
        self.shape.get()
    }

    /// Slot `i` (what an inline cache that saw this shape reads).
    #[inline(always)]
    pub fn slot(&self, i: usize) -> Option<Value> {
        self.slots.get(i)
    }

    /// Stores slot `i` (inline-cached attribute write on a known shape).
    #[inline(always)]
    pub fn set_slot(&self, i: usize, v: Value) -> bool {
        self.slots.set(i, v)
    }

    /// Adds the attribute that `child` (a transition of the current shape
    /// by one name, which a cache saw) gives slot `len`: the cached form
    /// of [`Attrs::set`] for a new attribute.
    #[inline]
    pub fn extend_to(&self, child: Value, v: Value) {
        self.slots.push(v);
        self.shape.set(child);
    }

    /// The dict holding the attributes in dictionary mode.
    #[inline]
    pub fn dict(&self) -> Option<Value> {
        let d = self.dict.get();
        (!d.is_empty()).then_some(d)
    }

    fn dict_obj(&self) -> Option<Gc<DictObj>> {
        self.dict().and_then(dict_of)
    }

    /// The attribute `name` (interned str).
    pub fn get(&self, name: Value) -> Option<Value> {
        if let Some(d) = self.dict_obj() {
            return d.get_str(name);
        }
        self.shape().slot_of(name).and_then(|i| self.slots.get(i))
    }

    /// Sets attribute `name` (interned str), moving to a child shape or to
    /// dictionary mode as needed.
    pub fn set(&self, heap: &Heap, name: Value, v: Value) {
        if let Some(d) = self.dict_obj() {
            d.set_str(name, v);
            return;
        }
        let shape = self.shape();
        if let Some(i) = shape.slot_of(name) {
            self.slots.set(i, v);
            return;
        }
        match heap.shape_with(shape, name) {
            Some(child) => {
                self.slots.push(v);
                self.shape.set(child.value());
            }
            None => {
                self.to_dict_mode(heap);
                self.set(heap, name, v);
            }
        }
    }

    /// Deletes attribute `name`; false if absent.
    pub fn delete(&self, heap: &Heap, name: Value) -> bool {
        if let Some(d) = self.dict_obj() {
            return d.remove_str(name);
        }
        let shape = self.shape();
        let Some(i) = shape.slot_of(name) else { return false };
        if i + 1 == shape.len() {
            let parent = shape.parent().expect("a non-empty shape has a parent");
            self.slots.pop();
            self.shape.set(parent.value());
            return true;
        }
        self.to_dict_mode(heap);
        self.delete(heap, name)
    }

    /// Moves the attributes into a dict object (for deletions, very many
    /// attributes, or `obj.__dict__`) and returns that dict: from now on it
    /// is the storage. Slot values go to the members dict instead.
    pub fn to_dict_mode(&self, heap: &Heap) -> Value {
        if let Some(d) = self.dict() {
            return d;
        }
        let owner = self.owner();
        let d = heap.new_dict();
        let dict = dict_of(d).expect("a new dict");
        let shape = self.shape();
        for (i, &name) in shape.names().iter().enumerate() {
            let v = self.slots.get(i).unwrap_or(Value::NONE);
            if heap.is_slot_member(owner, name) {
                self.members_dict(heap).set_str(name, v);
            } else {
                dict.set_str(name, v);
            }
        }
        self.enter_dict_mode(heap, d);
        d
    }

    /// `obj.__dict__ = d`: `d` (a dict or dict subclass instance) becomes
    /// the storage of every attribute but the slots.
    pub fn use_dict(&self, heap: &Heap, d: Value) {
        self.to_dict_mode(heap);
        self.enter_dict_mode(heap, d);
    }

    fn enter_dict_mode(&self, heap: &Heap, d: Value) {
        self.dict.set(d);
        self.slots.clear();
        self.shape.set(heap.dict_shape(self.owner()).value());
    }

    fn owner(&self) -> Gc<TypeObj> {
        Gc::<TypeObj>::from_value(self.shape().owner()).expect("shape owners are types")
    }

    fn members_dict(&self, heap: &Heap) -> Gc<DictObj> {
        if self.members.get().is_empty() {
            self.members.set(heap.new_dict());
        }
        dict_of(self.members.get()).expect("members are a dict")
    }

    /// Slot `name`'s value (a member descriptor's `__get__`).
    pub fn member(&self, name: Value) -> Option<Value> {
        if self.is_dict_mode() {
            return dict_of(self.members.get()).and_then(|m| m.get_str(name));
        }
        self.get(name)
    }

    /// Sets slot `name` (a member descriptor's `__set__`).
    pub fn set_member(&self, heap: &Heap, name: Value, v: Value) {
        if self.is_dict_mode() {
            self.members_dict(heap).set_str(name, v);
        } else {
            self.set(heap, name, v);
        }
    }

    /// Deletes slot `name` (a member descriptor's `__delete__`); false if
    /// it was unset.
    pub fn delete_member(&self, heap: &Heap, name: Value) -> bool {
        if self.is_dict_mode() {
            return dict_of(self.members.get()).is_some_and(|m| m.remove_str(name));
        }
        self.delete(heap, name)
    }

    /// Drops every attribute but dictionary mode's slot values (which
    /// `obj.__class__ = C` keeps) and starts again from `root` (a root
    /// shape).
    fn reset(&self, root: Gc<ShapeObj>) {
        self.dict.set(Value::EMPTY);
        self.slots.clear();
        self.shape.set(root.value());
    }

    pub fn is_dict_mode(&self) -> bool {
        self.dict().is_some()
    }

    /// All attributes in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(d) = self.dict_obj() {
            return d.items();
        }
        let slots = self.slots.to_vec();
        self.shape().names().iter().copied().zip(slots).collect()
    }

    pub fn len(&self) -> usize {
        match self.dict_obj() {
            Some(d) => d.table.borrow().len(),
            None => self.slots.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.shape.get());
        self.slots.trace(tracer);
        tracer.mark(self.dict.get());
        tracer.mark(self.members.get());
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.buffer_bytes()
    }
}

/// An instance of a class whose layout is plain `object`.
#[repr(C)]
pub struct InstanceObj {
    pub attrs: Attrs,
}

/// Where JIT code finds an instance's shape and its slot pointer.
pub const INSTANCE_SHAPE_OFFSET: usize = offset_of!(HeapObj<InstanceObj>, payload)
    + offset_of!(InstanceObj, attrs)
    + offset_of!(Attrs, shape);
pub const INSTANCE_SLOTS_PTR_OFFSET: usize = offset_of!(HeapObj<InstanceObj>, payload)
    + offset_of!(InstanceObj, attrs)
    + offset_of!(Attrs, slots)
    + VALUE_VEC_PTR_OFFSET;

// SAFETY: traces the attribute storage, its only references.
unsafe impl Payload for InstanceObj {
    const KIND: ObjKind = ObjKind::Instance;
    fn trace(&self, tracer: &mut Tracer) {
        self.attrs.trace(tracer)
    }
    fn extra_bytes(&self) -> usize {
        self.attrs.heap_bytes()
    }
    fn tail_len(&self) -> usize {
        self.attrs.slots.inline_capacity()
    }
}

impl Heap {
    /// Is `name` a slot of instances of `ty` (its class attribute a member
    /// descriptor, or a getset one such as `OSError.characters_written`
    /// whose value is kept with the slots)?
    pub fn is_slot_member(&self, ty: Gc<TypeObj>, name: Value) -> bool {
        self.lookup(ty, name).is_some_and(|d| {
            let t = self.type_of(d);
            t == self.types().member_descriptor || t == self.types().getset_descriptor
        })
    }

    /// A new instance of class `ty` with no attributes, with room inline
    /// for as many as its type's instances came to have so far (the first
    /// instances of a class grow a separate vector).
    pub fn new_instance(&self, ty: Gc<TypeObj>) -> Value {
        let shape = self.root_shape(ty);
        let inline = shape.inline_slots();
        if inline == 0 {
            return self.alloc(ty.value(), InstanceObj { attrs: Attrs::new(shape) }).value();
        }
        let attrs = Attrs::with_inline_slots(shape, inline);
        let obj = self.alloc_with_values(ty.value(), InstanceObj { attrs }, inline, |_| {});
        // SAFETY: the instance was allocated with a tail of `inline` values
        // (zeroed); the tail lives and dies with the instance, and only its
        // slot vector refers to it. No slot is in use yet.
        unsafe {
            let tail = tail_of_mut::<InstanceObj, Value>(&obj, inline);
            obj.attrs.slots.attach_inline(NonNull::from(tail).cast(), 0);
        }
        obj.value()
    }
}

pub fn instance_of(v: Value) -> Option<Gc<InstanceObj>> {
    Gc::<InstanceObj>::from_value(v)
}

/// Attributes of an instance of a class derived from a built-in type other
/// than `object` (`class Flag(int)`, `class Row(list)`): kept beside the
/// object in the heap's side table, so built-in layouts pay nothing for
/// attributes they rarely have.
pub struct SideAttrsObj {
    pub attrs: Attrs,
}

// SAFETY: traces the attribute storage, its only references.
unsafe impl Payload for SideAttrsObj {
    const KIND: ObjKind = ObjKind::SideAttrs;
    fn trace(&self, tracer: &mut Tracer) {
        self.attrs.trace(tracer)
    }
    fn extra_bytes(&self) -> usize {
        self.attrs.heap_bytes()
    }
}

/// The attribute storage of some object, whatever its layout.
#[derive(Clone, Copy)]
pub enum AttrsRef {
    Instance(Gc<InstanceObj>),
    Exception(Gc<ExceptionObj>),
    Side(Gc<SideAttrsObj>),
}

impl Deref for AttrsRef {
    type Target = Attrs;
    fn deref(&self) -> &Attrs {
        match self {
            AttrsRef::Instance(o) => &o.attrs,
            AttrsRef::Exception(e) => &e.attrs,
            AttrsRef::Side(s) => &s.attrs,
        }
    }
}

impl Heap {
    /// The attributes of `v`: its own storage for instances and exceptions,
    /// the side table for instances of built-in-type subclasses (made on
    /// first use when `create`). `None` for objects that have no instance
    /// attributes (built-in types' instances, types, immediates).
    pub fn attrs_of(&self, v: Value, create: bool) -> Option<AttrsRef> {
        if let Some(o) = instance_of(v) {
            return Some(AttrsRef::Instance(o));
        }
        if let Some(e) = exception_of(v) {
            return Some(AttrsRef::Exception(e));
        }
        let header = ObjHeader::of(v)?;
        if header.flags() & FLAG_SIDE_ATTRS != 0 {
            let side = self.side_attrs.borrow().get(&header_key(header)).copied();
            return side.and_then(Gc::<SideAttrsObj>::from_value).map(AttrsRef::Side);
        }
        let ty = self.type_obj(v);
        if !create
            || !(ty.is_heap_type() || self.has_builtin_dict(v))
            || header.kind() == ObjKind::Type
        {
            return None;
        }
        let side =
            self.alloc(self.types.object, SideAttrsObj { attrs: Attrs::new(self.root_shape(ty)) });
        self.side_attrs.borrow_mut().insert(header_key(header), side.value());
        header.set_flags(header.flags() | FLAG_SIDE_ATTRS);
        Some(AttrsRef::Side(side))
    }

    /// Whether `v`, an instance of a built-in type, has a `__dict__` all the
    /// same: `classmethod` and `staticmethod` objects (CPython's `cm_dict`,
    /// `sm_dict`), whose attributes live in the side table.
    pub fn has_builtin_dict(&self, v: Value) -> bool {
        let Some(header) = ObjHeader::of(v) else { return false };
        match header.kind() {
            ObjKind::StaticMethod => true,
            ObjKind::ClassMethod => self.type_of(v) != self.types.classmethod_descriptor,
            _ => false,
        }
    }

    /// `obj.__class__ = new_type`, with CPython's checks; the attributes
    /// move to the new type's shape tree (shapes imply their type).
    pub fn set_class(&self, obj: Value, new_type: Value) -> Result<(), PyErr> {
        let Some(new) = Gc::<TypeObj>::from_value(new_type) else {
            let msg = format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_obj(new_type).name()
            );
            return Err(PyErr::type_error(self, &msg));
        };
        let old = self.type_obj(obj);
        let header =
            match ObjHeader::of(obj) {
                Some(h) if old.is_heap_type() && new.is_heap_type() => h,
                // Any two module classes (lazy-import libraries swap the class of
                // `sys.modules[__name__]` for a subclass).
                Some(h) if old.layout() == ObjKind::Module && new.layout() == ObjKind::Module => h,
                _ => return Err(PyErr::type_error(
                    self,
                    "__class__ assignment only supported for heap types or ModuleType subclasses",
                )),
            };
        if old.layout() != new.layout() {
            let msg = format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name(),
                old.name()
            );
            return Err(PyErr::type_error(self, &msg));
        }
        let attrs = self.attrs_of(obj, false);
        let items = attrs.map(|a| a.items()).unwrap_or_default();
        header.set_type(new_type);
        if let Some(attrs) = attrs {
            if let Some(d) = attrs.dict() {
                // The dict stays the same object; only its shape's owner moves.
                attrs.reset(self.root_shape(new));
                attrs.use_dict(self, d);
                return Ok(());
            }
            attrs.reset(self.root_shape(new));
            for (name, value) in items {
                attrs.set(self, name, value);
            }
        }
        Ok(())
    }
}

fn header_key(header: &ObjHeader) -> u64 {
    header as *const ObjHeader as u64
}

#[cfg(test)]
mod tests {
    use super::super::attrmap::AttrMap;
    use super::super::shape::MAX_SHAPE_SLOTS;
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    fn class(heap: &Heap, name: &str) -> Gc<TypeObj> {
        let v = heap.new_class(heap.types().type_, name, &[], AttrMap::new()).unwrap();
        Gc::<TypeObj>::from_value(v).unwrap()
    }

    #[test]
    fn instances_built_alike_share_a_shape() {
        let heap = Heap::new();
        let point = class(&heap, "Point");
        let (x, y) = (heap.intern("x"), heap.intern("y"));
        let a = instance_of(heap.new_instance(point)).unwrap();
        let b = instance_of(heap.new_instance(point)).unwrap();
        for (o, i) in [(a, 1), (b, 2)] {
            o.attrs.set(&heap, x, int(i));
            o.attrs.set(&heap, y, int(i * 10));
        }
        assert_eq!(a.attrs.shape(), b.attrs.shape());
        assert_eq!(a.attrs.get(y), Some(int(10)));
        assert_eq!(b.attrs.slot(a.attrs.shape().slot_of(y).unwrap()), Some(int(20)));
        // SAFETY: reading the instance's shape word at its documented offset.
        let shape_word =
            unsafe { *((a.as_ptr() as *const u8).add(INSTANCE_SHAPE_OFFSET) as *const Value) };
        assert_eq!(shape_word, a.attrs.shape().value());
        assert_eq!(heap.type_of(a.value()), point.value());
        let other = class(&heap, "Other");
        let c = instance_of(heap.new_instance(other)).unwrap();
        c.attrs.set(&heap, x, int(1));
        c.attrs.set(&heap, y, int(1));
        assert_ne!(c.attrs.shape(), a.attrs.shape(), "shape trees are per type");
    }

    #[test]
    fn deletion_and_dict_mode() {
        let heap = Heap::new();
        let cls = class(&heap, "C");
        let o = instance_of(heap.new_instance(cls)).unwrap();
        let names: Vec<Value> = ["a", "b", "c"].iter().map(|n| heap.intern(n)).collect();
        for (i, &n) in names.iter().enumerate() {
            o.attrs.set(&heap, n, int(i as i64));
        }
        let with_abc = o.attrs.shape();
        assert!(o.attrs.delete(&heap, names[2]), "last added: back to the parent shape");
        assert!(!o.attrs.is_dict_mode());
        assert_eq!(o.attrs.shape(), with_abc.parent().unwrap());
        assert!(o.attrs.delete(&heap, names[0]));
        assert!(o.attrs.is_dict_mode());
        assert!(o.attrs.shape().is_dict_mode());
        assert!(!o.attrs.delete(&heap, names[0]));
        assert_eq!(o.attrs.get(names[1]), Some(int(1)));
        o.attrs.set(&heap, names[0], int(7));
        assert_eq!(o.attrs.items(), vec![(names[1], int(1)), (names[0], int(7))]);

        let many = instance_of(heap.new_instance(cls)).unwrap();
        for i in 0..=MAX_SHAPE_SLOTS {
            many.attrs.set(&heap, heap.intern(&format!("f{i}")), int(i as i64));
        }
        assert!(many.attrs.is_dict_mode());
        assert_eq!(many.attrs.len(), MAX_SHAPE_SLOTS + 1);
        assert_eq!(many.attrs.get(heap.intern("f3")), Some(int(3)));
    }

    #[derive(Clone, Debug)]
    enum AttrOp {
        Set(u8, i16),
        Delete(u8),
    }

    impl quickcheck::Arbitrary for AttrOp {
        fn arbitrary(g: &mut quickcheck::Gen) -> Self {
            // Names from a pool bigger than MAX_SHAPE_SLOTS, mostly small.
            let name =
                if bool::arbitrary(g) { u8::arbitrary(g) % 8 } else { u8::arbitrary(g) % 80 };
            if u8::arbitrary(g) % 4 == 0 {
                AttrOp::Delete(name)
            } else {
                AttrOp::Set(name, i16::arbitrary(g))
            }
        }
    }

    quickcheck::quickcheck! {
        fn attrs_behave_like_an_ordered_map(ops: Vec<AttrOp>) -> bool {
            let heap = Heap::new();
            let cls = class(&heap, "C");
            let obj = instance_of(heap.new_instance(cls)).unwrap();
            let twin = instance_of(heap.new_instance(cls)).unwrap();
            let mut model: Vec<(Value, Value)> = Vec::new();
            for op in ops {
                match op {
                    AttrOp::Set(n, v) => {
                        let (name, v) = (heap.intern(&format!("a{n}")), int(v as i64));
                        obj.attrs.set(&heap, name, v);
                        twin.attrs.set(&heap, name, v);
                        match model.iter_mut().find(|(k, _)| *k == name) {
                            Some(entry) => entry.1 = v,
                            None => model.push((name, v)),
                        }
                    }
                    AttrOp::Delete(n) => {
                        let name = heap.intern(&format!("a{n}"));
                        let present = model.iter().position(|(k, _)| *k == name);
                        if obj.attrs.delete(&heap, name) != present.is_some() {
                            return false;
                        }
                        twin.attrs.delete(&heap, name);
                        if let Some(i) = present {
                            model.remove(i);
                        }
                    }
                }
            }
            let same_shape = obj.attrs.shape() == twin.attrs.shape();
            obj.attrs.items() == model && same_shape && model.iter().all(|&(k, v)| obj.attrs.get(k) == Some(v))
        }
    }

    #[test]
    fn builtin_subclass_instances_keep_attributes_beside() {
        let heap = Heap::new();
        let myint = heap
            .new_class(heap.types().type_, "MyInt", &[heap.types().int], AttrMap::new())
            .unwrap();
        let myint = Gc::<TypeObj>::from_value(myint).unwrap();
        let name = heap.intern("name");
        let v = heap.new_int_of_type(myint.value(), 5.into());
        assert!(heap.attrs_of(v, false).is_none());
        heap.attrs_of(v, true).unwrap().set(&heap, name, heap.new_str("five"));
        let plain_list = heap.new_list(&[]);
        assert!(heap.attrs_of(plain_list, true).is_none(), "built-in instances have no attributes");
        let garbage = heap.new_int_of_type(myint.value(), 6.into());
        heap.attrs_of(garbage, true).unwrap().set(&heap, name, Value::NONE);
        heap.collect(&[v, myint.value()]);
        let got = heap.attrs_of(v, false).unwrap().get(name).unwrap();
        assert_eq!(super::super::str::str_of(got).unwrap().to_str().unwrap(), "five");
        assert_eq!(heap.side_attrs.borrow().len(), 1, "the dead object's entry is gone");
        assert_eq!(super::super::boxes::int_value(v), Some(5.into()));
    }

    #[test]
    fn class_assignment_moves_attributes_to_the_new_shape_tree() {
        let heap = Heap::new();
        let (a, b) = (class(&heap, "A"), class(&heap, "B"));
        let x = heap.intern("x");
        let o = heap.new_instance(a);
        instance_of(o).unwrap().attrs.set(&heap, x, int(1));
        heap.set_class(o, b.value()).unwrap();
        assert_eq!(heap.type_of(o), b.value());
        let attrs = heap.attrs_of(o, false).unwrap();
        assert_eq!(attrs.get(x), Some(int(1)));
        assert_eq!(attrs.shape().owner(), b.value());
        let err = heap.set_class(o, heap.types().int).unwrap_err();
        assert_eq!(
            err.message(),
            "__class__ assignment only supported for heap types or ModuleType subclasses"
        );
        let e = heap
            .new_class(heap.types().type_, "E", &[heap.types().exception], AttrMap::new())
            .unwrap();
        let err = heap.set_class(o, e).unwrap_err();
        assert_eq!(err.message(), "__class__ assignment: 'E' object layout differs from 'B'");
        let err = heap.set_class(o, int(3)).unwrap_err();
        assert_eq!(err.message(), "__class__ must be set to a class, not 'int' object");
    }

    #[test]
    fn cycles_through_instances_and_lists_are_collected() {
        let heap = Heap::new();
        let cls = class(&heap, "Node");
        let base = heap.collect(&vec![cls.value()]).live_objects;
        let next = heap.intern("next");
        let a = heap.new_instance(cls);
        let b = heap.new_instance(cls);
        let l = heap.new_list(&[a, b]);
        instance_of(a).unwrap().attrs.set(&heap, next, l);
        instance_of(b).unwrap().attrs.set(&heap, next, a);
        let live = heap.collect(&vec![cls.value(), b]).live_objects;
        assert!(live >= base + 3);
        assert_eq!(instance_of(b).unwrap().attrs.get(next), Some(a));
        let after = heap.collect(&vec![cls.value()]);
        assert_eq!(after.collected_objects, 3);
    }
}
