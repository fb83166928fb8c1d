//! `object.__sizeof__`: the bytes CPython 3.8 (64-bit) gives for an object
//! of the same value, so that programs printing `__sizeof__()` (or sizes
//! derived from it) print what CPython prints. Where Tachyon's layout
//! cannot tell CPython's number (a list's over-allocation), the exact-fit
//! size of the same contents is given.

use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::set::{frozenset_of, set_of};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{ObjHeader, ObjKind, Value};
use crate::vm::{PyResult, Vm};

/// `PyObject_HEAD`: refcount and type.
const HEAD: usize = 16;
/// `PyObject_VAR_HEAD`: the head and a size.
const VAR_HEAD: usize = 24;
/// The GC header `sys.getsizeof` adds to the tables' sizes.
const GC_HEAD: usize = 16;

pub fn object_sizeof(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_kwargs(vm, "__sizeof__", kwnames)?;
    let [obj] = args else {
        return match args {
            [] => {
                Err(vm.type_error("descriptor '__sizeof__' of 'object' object needs an argument"))
            }
            _ => Err(vm.type_error(&format!(
                "__sizeof__() takes no arguments ({} given)",
                args.len() - 1
            ))),
        };
    };
    let size = sizeof(vm, *obj);
    Ok(vm.heap.new_int_i64(size as i64))
}

fn sizeof(vm: &mut Vm, obj: Value) -> usize {
    if obj.is_float() {
        return HEAD + 8;
    }
    if let Some(n) = vm.as_int(obj) {
        // 30-bit digits; zero has none.
        let digits = n.bit_length().div_ceil(30) as usize;
        return VAR_HEAD + 4 * digits;
    }
    let Some(header) = ObjHeader::of(obj) else { return HEAD };
    match header.kind() {
        ObjKind::Str => str_of(obj).map_or(HEAD, |s| str_size(s.char_len(), max_char(&s))),
        ObjKind::Bytes => bytes_of(obj).map_or(HEAD, |b| VAR_HEAD + 9 + b.len()),
        ObjKind::ByteArray => {
            // The buffer holds the bytes and a trailing NUL.
            bytearray_of(obj).map_or(HEAD, |b| {
                let len = b.data.borrow().len();
                56 + if len == 0 { 0 } else { len + 1 }
            })
        }
        ObjKind::Tuple => tuple_of(obj).map_or(HEAD, |t| VAR_HEAD + 8 * t.items().len()),
        ObjKind::List => list_of(obj).map_or(HEAD, |l| 40 + 8 * l.items.len()),
        ObjKind::Dict => dict_of(obj).map_or(HEAD, |d| d.table.borrow().python_sizeof() - GC_HEAD),
        ObjKind::Set => set_of(obj).map_or(HEAD, |s| s.table.borrow().python_sizeof() - GC_HEAD),
        ObjKind::FrozenSet => {
            frozenset_of(obj).map_or(HEAD, |s| s.table.borrow().python_sizeof() - GC_HEAD)
        }
        ObjKind::Float => HEAD + 8,
        ObjKind::Complex => HEAD + 16,
        ObjKind::Range => HEAD + 4 * 8,
        ObjKind::Slice => HEAD + 3 * 8,
        ObjKind::Instance => instance_size(vm, obj),
        _ => HEAD,
    }
}

/// A compact str: ASCII has the short header; others store 1, 2 or 4
/// bytes a character, with a terminator.
fn str_size(len: usize, max_char: u32) -> usize {
    match max_char {
        0..=0x7f => 48 + len + 1,
        0x80..=0xff => 72 + len + 1,
        0x100..=0xffff => 72 + 2 * (len + 1),
        _ => 72 + 4 * (len + 1),
    }
}

fn max_char(s: &crate::object::str::StrObj) -> u32 {
    if s.is_ascii() {
        return 0;
    }
    s.code_points().max().unwrap_or(0)
}

/// A class instance: the head, a pointer per slot, and the dict and
/// weak-reference pointers the class adds.
fn instance_size(vm: &mut Vm, obj: Value) -> usize {
    let ty = vm.heap.type_obj(obj);
    if !ty.is_heap_type() {
        return HEAD;
    }
    let member = vm.heap.types().member_descriptor;
    let mut slots = 0;
    for t in ty.mro() {
        if let Some(t) = crate::object::Gc::<crate::object::TypeObj>::from_value(t) {
            slots += t.own_attrs().iter().filter(|(_, d)| vm.heap.type_of(*d) == member).count();
        }
    }
    let weakref = vm.heap.intern("__weakref__");
    let has_weakref = vm.heap.lookup(ty, weakref).is_some();
    let has_dict = !vm.has_no_dict(ty);
    HEAD + 8 * (slots + usize::from(has_dict) + usize::from(has_weakref))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_sizes_follow_the_widest_character() {
        assert_eq!(str_size(0, 0), 49);
        assert_eq!(str_size(1, 'é' as u32), 74);
        assert_eq!(str_size(1, '€' as u32), 76);
        assert_eq!(str_size(1, 0x1f600), 80);
    }
}
