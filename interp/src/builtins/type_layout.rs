//! What a class says of its C layout in CPython 3.8 (`__basicsize__`,
//! `__itemsize__`, `__dictoffset__`, `__weakrefoffset__`, `__flags__`) and
//! `__text_signature__`: CPython's figures for the built-in types, and for
//! classes what `type_new` computes from their bases and `__slots__`, so
//! that code testing `cls.__flags__ & (1 << 9)` or sizes of instances
//! sees what it sees under CPython.

use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, Value};
use crate::vm::Vm;

/// (basicsize, itemsize, dictoffset, weakrefoffset, flags, text_signature)
type Layout = (i64, i64, i64, i64, u64, Option<&'static str>);

/// CPython 3.8.18's figures on x86-64 for the built-in types.
const BUILTIN: &[(&str, Layout)] = &[
    ("object", (16, 0, 0, 0, 0xc1400, Some("()"))),
    ("type", (880, 40, 264, 368, 0x800c5400, None)),
    ("int", (24, 4, 0, 0, 0x10c1400, None)),
    ("bool", (32, 4, 0, 0, 0x10c1000, None)),
    ("float", (24, 0, 0, 0, 0x41400, Some("(x=0, /)"))),
    ("complex", (32, 0, 0, 0, 0x41400, Some("(real=0, imag=0)"))),
    ("str", (80, 0, 0, 0, 0x100c1400, None)),
    ("bytes", (33, 1, 0, 0, 0x80c1400, None)),
    ("bytearray", (56, 0, 0, 0, 0x41400, None)),
    ("list", (40, 0, 0, 0, 0x20c5400, Some("(iterable=(), /)"))),
    ("tuple", (24, 8, 0, 0, 0x40c5400, Some("(iterable=(), /)"))),
    ("dict", (48, 0, 0, 0, 0x200c5400, None)),
    ("set", (200, 0, 0, 192, 0xc5400, None)),
    ("frozenset", (200, 0, 0, 192, 0xc5400, None)),
    ("range", (48, 0, 0, 0, 0x41000, None)),
    ("slice", (40, 0, 0, 0, 0x45000, None)),
    ("memoryview", (144, 8, 0, 136, 0x45000, Some("(object)"))),
    ("property", (56, 0, 0, 0, 0xc5400, Some("(fget=None, fset=None, fdel=None, doc=None)"))),
    ("classmethod", (32, 0, 24, 0, 0xc5400, None)),
    ("staticmethod", (32, 0, 24, 0, 0xc5400, None)),
    ("super", (40, 0, 0, 0, 0x45400, None)),
    ("enumerate", (48, 0, 0, 0, 0x45400, Some("(iterable, start=0)"))),
    ("reversed", (32, 0, 0, 0, 0x45400, Some("(sequence, /)"))),
    ("filter", (32, 0, 0, 0, 0x45400, None)),
    ("map", (32, 0, 0, 0, 0x45400, None)),
    ("zip", (40, 0, 0, 0, 0x45400, None)),
    ("weakref", (56, 0, 0, 0, 0xc5400, None)),
    // The exceptions whose instances are larger than their base's.
    ("BaseException", (64, 0, 16, 0, 0x400c5400, None)),
    ("StopIteration", (72, 0, 16, 0, 0x40045400, None)),
    ("SystemExit", (72, 0, 16, 0, 0x40045400, None)),
    ("ImportError", (88, 0, 16, 0, 0x400c5400, None)),
    ("OSError", (104, 0, 16, 0, 0x40045400, None)),
    ("SyntaxError", (112, 0, 16, 0, 0x40045400, None)),
    ("UnicodeEncodeError", (104, 0, 16, 0, 0x40045400, None)),
    ("UnicodeDecodeError", (104, 0, 16, 0, 0x40045400, None)),
    ("UnicodeTranslateError", (104, 0, 16, 0, 0x40045400, None)),
];

const HEAPTYPE: u64 = 1 << 9;
/// BASETYPE, READY, HAVE_GC and HAVE_VERSION_TAG besides HEAPTYPE: what
/// `type_new` gives every class.
const CLASS_FLAGS: u64 = HEAPTYPE | 1 << 10 | 1 << 12 | 1 << 14 | 1 << 18;
const IS_ABSTRACT: u64 = 1 << 20;
/// The `*_SUBCLASS` bits, inherited.
const SUBCLASS_BITS: u64 = 0xff00_0000;
/// A plain built-in type without its own row (a function type, an
/// iterator, ...): GC'd, ready, version-tagged.
const OTHER_BUILTIN: Layout = (16, 0, 0, 0, 0x45000, None);

/// `t.NAME` for the layout attributes; `None` for other names.
pub fn layout_attr(vm: &Vm, t: Gc<TypeObj>, name: &str) -> Option<Value> {
    let (basic, item, dict, weak, flags, signature) = layout(vm, t);
    let int = |i: i64| vm.heap.new_int_i64(i);
    Some(match name {
        "__basicsize__" => int(basic),
        "__itemsize__" => int(item),
        "__dictoffset__" => int(dict),
        "__weakrefoffset__" => int(weak),
        "__flags__" => vm.heap.new_int_i64(flags as i64),
        "__text_signature__" => signature.map_or(Value::NONE, |s| vm.heap.new_str(s)),
        _ => return None,
    })
}

fn layout(vm: &Vm, t: Gc<TypeObj>) -> Layout {
    if !t.is_heap_type() {
        let name = t.name();
        if let Some((_, l)) = BUILTIN.iter().find(|(n, _)| *n == name) {
            return *l;
        }
        // An exception without a row has its base's layout.
        return match t.bases().first().and_then(|&b| Gc::<TypeObj>::from_value(b)) {
            Some(base) if is_exception(vm, t) => layout(vm, base),
            _ => OTHER_BUILTIN,
        };
    }
    let base = tp_base(vm, t);
    let (mut basic, item, mut dict, mut weak, base_flags, _) =
        base.map_or(BUILTIN[0].1, |b| layout(vm, b));
    // `__slots__` add a word each; without them a class gets a `__dict__`
    // and a `__weakref__` unless its base has them.
    let (mut add_dict, mut add_weak) = (true, item == 0);
    if let Some(slots) = t.own_attr(vm.heap.intern("__slots__")) {
        let names = slot_names(slots);
        add_dict = names.iter().any(|n| n == "__dict__");
        add_weak = item == 0 && names.iter().any(|n| n == "__weakref__");
        let plain = names.iter().filter(|n| *n != "__dict__" && *n != "__weakref__").count();
        basic += 8 * plain as i64;
        // Secondary bases may provide the dict or the weakref list.
        for other in t.bases().iter().filter_map(|&b| Gc::<TypeObj>::from_value(b)) {
            if Some(other) != base {
                let (_, _, other_dict, other_weak, _, _) = layout(vm, other);
                add_dict |= other_dict != 0;
                add_weak |= item == 0 && other_weak != 0;
            }
        }
    }
    if add_dict && dict == 0 {
        dict = if item != 0 { -8 } else { basic };
        basic += 8;
    }
    if add_weak && weak == 0 {
        weak = basic;
        basic += 8;
    }
    let abstract_methods = t.own_attr(vm.heap.intern("__abstractmethods__"));
    let is_abstract = abstract_methods.is_some_and(|v| !is_empty_collection(vm, v));
    let flags =
        (base_flags & SUBCLASS_BITS) | CLASS_FLAGS | if is_abstract { IS_ABSTRACT } else { 0 };
    (basic, item, dict, weak, flags, None)
}

/// CPython's `tp_base` of `t`: for a class, the base `best_base` picks
/// (the first when its bases conflict, which `type_new` refused).
fn tp_base(vm: &Vm, t: Gc<TypeObj>) -> Option<Gc<TypeObj>> {
    let bases = t.bases();
    if t.is_heap_type() {
        if let Ok(Some(best)) = best_base(vm, &bases) {
            return Some(best);
        }
    }
    bases.first().and_then(|&b| Gc::<TypeObj>::from_value(b))
}

/// Two bases whose instances' C layouts cannot be merged.
#[derive(Debug)]
pub struct LayoutConflict;

/// CPython's `best_base`: the base whose solid base is the most derived
/// one; `Err` when two bases' instance layouts conflict ("multiple bases
/// have instance lay-out conflict"). `Ok(None)` without bases.
pub fn best_base(vm: &Vm, bases: &[Value]) -> Result<Option<Gc<TypeObj>>, LayoutConflict> {
    let mut best: Option<(Gc<TypeObj>, Gc<TypeObj>)> = None;
    for base in bases.iter().filter_map(|&b| Gc::<TypeObj>::from_value(b)) {
        let candidate = solid_base(vm, base);
        match best {
            Some((_, winner)) if winner.is_subtype(candidate) => {}
            Some((_, winner)) if !candidate.is_subtype(winner) => return Err(LayoutConflict),
            _ => best = Some((base, candidate)),
        }
    }
    Ok(best.map(|(base, _)| base))
}

/// CPython's `solid_base`: the nearest class in `t`'s base chain (or `t`)
/// whose instances have fields its own base lacks.
pub fn solid_base(vm: &Vm, t: Gc<TypeObj>) -> Gc<TypeObj> {
    let object = Gc::<TypeObj>::from_value(vm.heap.types().object).expect("object is a type");
    let base = tp_base(vm, t).map_or(object, |b| solid_base(vm, b));
    if t != object && extra_ivars(vm, t, base) {
        t
    } else {
        base
    }
}

/// CPython's `extra_ivars`: do instances of `t` carry more than those of
/// `base`, a trailing `__dict__` or `__weakref__` of a class aside?
fn extra_ivars(vm: &Vm, t: Gc<TypeObj>, base: Gc<TypeObj>) -> bool {
    let (mut size, item, dict, weak, _, _) = layout(vm, t);
    let (base_size, base_item, base_dict, base_weak, _, _) = layout(vm, base);
    if item != 0 || base_item != 0 {
        return size != base_size || item != base_item;
    }
    if t.is_heap_type() && weak != 0 && base_weak == 0 && weak + 8 == size {
        size -= 8;
    }
    if t.is_heap_type() && dict != 0 && base_dict == 0 && dict + 8 == size {
        size -= 8;
    }
    size != base_size
}

/// CPython's `compatible_for_assignment`: may an instance of `old` become
/// one of `new` (`__class__` assignment), their C layouts being the same?
pub fn compatible_for_assignment(vm: &Vm, old: Gc<TypeObj>, new: Gc<TypeObj>) -> bool {
    let same_as_base = |child: Gc<TypeObj>| {
        let parent = tp_base(vm, child)?;
        let (c, p) = (layout(vm, child), layout(vm, parent));
        let same = (c.0, c.1, c.2, c.3) == (p.0, p.1, p.2, p.3)
            && (child.is_heap_type() || child.layout() == parent.layout());
        same.then_some(parent)
    };
    let (mut new_base, mut old_base) = (new, old);
    while let Some(parent) = same_as_base(new_base) {
        new_base = parent;
    }
    while let Some(parent) = same_as_base(old_base) {
        old_base = parent;
    }
    new_base == old_base
        || (tp_base(vm, new_base) == tp_base(vm, old_base)
            && same_slots_added(vm, new_base, old_base))
}

/// CPython's `same_slots_added`: two classes on one base that add the
/// same named slots (and the same `__dict__`/`__weakref__`) and nothing else.
fn same_slots_added(vm: &Vm, a: Gc<TypeObj>, b: Gc<TypeObj>) -> bool {
    if !a.is_heap_type() || !b.is_heap_type() {
        return false;
    }
    let Some(base) = tp_base(vm, a) else { return false };
    let (la, lb) = (layout(vm, a), layout(vm, b));
    let mut size = layout(vm, base).0;
    if la.2 == size && lb.2 == size {
        size += 8;
    }
    if la.3 == size && lb.3 == size {
        size += 8;
    }
    let slots = vm.heap.intern("__slots__");
    if let (Some(sa), Some(sb)) = (a.own_attr(slots), b.own_attr(slots)) {
        let (na, nb) = (mangled_slots(a, sa), mangled_slots(b, sb));
        if na != nb {
            return false;
        }
        size += 8 * na.len() as i64;
    }
    size == la.0 && size == lb.0
}

/// The slot names of class `t` as CPython keeps them (`ht_slots`):
/// mangled, sorted, without `__dict__` and `__weakref__`.
fn mangled_slots(t: Gc<TypeObj>, slots: Value) -> Vec<String> {
    let class_name = t.name();
    let mut names: Vec<String> = slot_names(slots)
        .into_iter()
        .filter(|n| n != "__dict__" && n != "__weakref__")
        .map(|n| crate::compile::symtable::mangle(Some(&class_name), &n))
        .collect();
    names.sort();
    names
}

/// May a class on `base` (its best base) list `__dict__` and `__weakref__`
/// in its `__slots__`? CPython's `may_add_dict`/`may_add_weak`: not when
/// the base's instances already have one (or are of variable size).
pub fn may_add_dict_and_weakref(vm: &Vm, base: Gc<TypeObj>) -> (bool, bool) {
    let (_, item, dict, weak, _, _) = layout(vm, base);
    (dict == 0, weak == 0 && item == 0)
}

/// Is `t`, a built-in type, known to give its instances no `__dict__`
/// (CPython's `tp_dictoffset == 0`)? A built-in without a row here is
/// assumed to give one.
pub fn builtin_without_dict(vm: &Vm, t: Gc<TypeObj>) -> bool {
    let known = BUILTIN.iter().any(|(n, _)| *n == t.name()) || is_exception(vm, t);
    !t.is_heap_type() && known && layout(vm, t).2 == 0
}

/// `t.__itemsize__`: non-zero for variable-size instances (int, tuple,
/// bytes and their subclasses), which take no `__slots__`.
pub fn item_size(vm: &Vm, t: Gc<TypeObj>) -> i64 {
    layout(vm, t).1
}

/// Do instances of `t`, a class, take weak references (a `__weakref__`
/// somewhere in its layout)?
/// Only classes built on types whose figures are known here are judged.
pub fn class_takes_weakrefs(vm: &Vm, t: Gc<TypeObj>) -> bool {
    let known = |c: &Value| {
        Gc::<TypeObj>::from_value(*c).is_some_and(|c| {
            c.is_heap_type() || BUILTIN.iter().any(|(n, _)| *n == c.name()) || is_exception(vm, c)
        })
    };
    !t.is_heap_type() || !t.mro().iter().all(known) || layout(vm, t).3 != 0
}

/// The names a `__slots__` value gives: one str, or an iterable of them.
fn slot_names(slots: Value) -> Vec<String> {
    if let Some(s) = str_of(slots) {
        return vec![s.to_string_lossy().into_owned()];
    }
    let items = crate::object::tuple::tuple_of(slots)
        .map(|t| t.items().to_vec())
        .or_else(|| crate::object::list::list_of(slots).map(|l| l.items.to_vec()))
        .unwrap_or_default();
    items.iter().filter_map(|&v| str_of(v)).map(|s| s.to_string_lossy().into_owned()).collect()
}

fn is_exception(vm: &Vm, t: Gc<TypeObj>) -> bool {
    Gc::<TypeObj>::from_value(vm.heap.types().base_exception).is_some_and(|e| t.is_subtype(e))
}

fn is_empty_collection(vm: &Vm, v: Value) -> bool {
    vm.set_ref(v).is_some_and(|s| s.table().borrow().is_empty())
        || crate::object::tuple::tuple_of(v).is_some_and(|t| t.items().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_row_is_named_once() {
        for (i, (name, _)) in BUILTIN.iter().enumerate() {
            assert!(BUILTIN[i + 1..].iter().all(|(n, _)| n != name), "{name} twice");
        }
    }
}
