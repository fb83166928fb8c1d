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
    let base = t.bases().first().and_then(|&b| Gc::<TypeObj>::from_value(b));
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
