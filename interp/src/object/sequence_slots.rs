//! The native slots of the built-in sequences that need nothing from the
//! interpreter: `len`, `s[i]` and `s[a:b:c]` of str, bytes, bytearray,
//! tuple, list and range; `hash` and `repr` of str and bytes (the
//! algorithms are `crate::number`'s). Item assignment, `in`, comparisons
//! and the reprs of containers call Python code and are the VM's.
//!
//! An index that is neither an int nor a slice is converted with its
//! type's `__index__` through [`Runtime::call`], as CPython does.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::boxes::{int_of, int_to_i64, int_value};
use super::bytes::{bytearray_of, bytes_of};
use super::err::PyErr;
use super::header::Gc;
use super::heap::Heap;
use super::list::list_of;
use super::range::{slice_indices, RangeObj, SliceObj};
use super::slots::Runtime;
use super::str::str_of;
use super::tuple::tuple_of;
use super::types::TypeObj;
use super::value::Value;
use crate::number::text::bytes_repr;
use crate::number::Int;

/// A subscript resolved against a length.
enum Subscript {
    /// `0 <= i < len`.
    Item(usize),
    /// `(start, stop, step, count)` as `slice.indices` gives them.
    Slice(i64, i64, i64, usize),
}

/// `key` as an int: ints and bools directly, other objects through their
/// type's `__index__`; `None` if the type has none.
fn index_value(rt: &mut dyn Runtime, key: Value) -> Result<Option<Int>, PyErr> {
    if let Some(i) = int_of(key) {
        return Ok(Some(i));
    }
    let heap = rt.heap();
    let name = heap.intern("__index__");
    let Some(method) = heap.lookup_in_type_of(key, name) else { return Ok(None) };
    let result = rt.call(method, &[key])?;
    let heap = rt.heap();
    match int_of(result) {
        Some(i) => Ok(Some(i)),
        None => {
            let msg = format!("__index__ returned non-int (type {})", heap.type_obj(result).name());
            Err(PyErr::type_error(heap, &msg))
        }
    }
}

/// Resolves `key` for a sequence of `len` items; `what` names the type in
/// errors ("list index out of range"), `bad_key` words the TypeError.
fn subscript(
    rt: &mut dyn Runtime,
    key: Value,
    len: usize,
    out_of_range: &str,
    bad_key: &dyn Fn(&str) -> String,
) -> Result<Subscript, PyErr> {
    if let Some(slice) = Gc::<SliceObj>::from_value(key) {
        let (start, stop, step, n) = slice_indices(rt.heap(), slice, len as i64)?;
        return Ok(Subscript::Slice(start, stop, step, n as usize));
    }
    let Some(i) = index_value(rt, key)? else {
        let heap = rt.heap();
        return Err(PyErr::type_error(heap, &bad_key(&heap.type_obj(key).name())));
    };
    let heap = rt.heap();
    let Some(i) = i.to_i64() else {
        return Err(PyErr::index_error(heap, "cannot fit 'int' into an index-sized integer"));
    };
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i >= len as i64 {
        return Err(PyErr::index_error(heap, out_of_range));
    }
    Ok(Subscript::Item(i as usize))
}

/// The positions a slice selects.
fn positions(start: i64, step: i64, count: usize) -> impl Iterator<Item = usize> {
    (0..count as i64).map(move |k| (start + k * step) as usize)
}

fn or_slices(kind: &'static str) -> impl Fn(&str) -> String {
    move |t| format!("{kind} indices must be integers or slices, not {t}")
}

fn str_getitem(rt: &mut dyn Runtime, s: Value, key: Value) -> Result<Value, PyErr> {
    let text = str_of(s).expect("str slot on a str");
    let sub = subscript(rt, key, text.char_len(), "string index out of range", &|_| {
        "string indices must be integers".into()
    })?;
    let heap = rt.heap();
    Ok(match sub {
        Subscript::Item(i) => {
            let c = text.code_point_at(i).unwrap_or(' ' as u32);
            heap.new_str_of_code_point(c)
        }
        Subscript::Slice(start, stop, 1, _) => {
            heap.new_str_part(&text, text.slice_chars(start as usize, stop as usize))
        }
        Subscript::Slice(start, _, step, n) => {
            let picked: Vec<u32> =
                positions(start, step, n).filter_map(|i| text.code_point_at(i)).collect();
            heap.new_str_from_code_points(&picked)
        }
    })
}

fn pick_bytes(data: &[u8], sub: &Subscript) -> Vec<u8> {
    match *sub {
        Subscript::Item(i) => vec![data[i]],
        Subscript::Slice(start, _, step, n) => positions(start, step, n).map(|i| data[i]).collect(),
    }
}

fn bytes_getitem(rt: &mut dyn Runtime, b: Value, key: Value) -> Result<Value, PyErr> {
    let data = bytes_of(b).expect("bytes slot on bytes");
    let sub = subscript(rt, key, data.len(), "index out of range", &or_slices("byte"))?;
    let heap = rt.heap();
    Ok(match sub {
        Subscript::Item(i) => {
            Value::from_small_int(data.as_bytes()[i] as i64).expect("a byte is small")
        }
        _ => heap.new_bytes(&pick_bytes(data.as_bytes(), &sub)),
    })
}

fn bytearray_getitem(rt: &mut dyn Runtime, b: Value, key: Value) -> Result<Value, PyErr> {
    let array = bytearray_of(b).expect("bytearray slot on a bytearray");
    let len = array.data.borrow().len();
    let sub = subscript(rt, key, len, "bytearray index out of range", &or_slices("bytearray"))?;
    let heap = rt.heap();
    // `__index__` may have run Python code that resized the array.
    let data = array.data.borrow().clone();
    match sub {
        Subscript::Item(i) if i < data.len() => {
            Ok(Value::from_small_int(data[i] as i64).expect("a byte is small"))
        }
        Subscript::Slice(start, _, step, n)
            if n == 0 || positions(start, step, n).all(|i| i < data.len()) =>
        {
            Ok(heap.new_bytearray(pick_bytes(&data, &sub)))
        }
        _ => Err(PyErr::index_error(heap, "bytearray index out of range")),
    }
}

fn tuple_getitem(rt: &mut dyn Runtime, t: Value, key: Value) -> Result<Value, PyErr> {
    let tuple = tuple_of(t).expect("tuple slot on a tuple");
    let sub = subscript(rt, key, tuple.len(), "tuple index out of range", &or_slices("tuple"))?;
    let heap = rt.heap();
    let items = tuple.items();
    Ok(match sub {
        Subscript::Item(i) => items[i],
        // `t[:]` of an exact tuple is `t` itself, as in CPython.
        Subscript::Slice(0, _, 1, n)
            if n == items.len() && heap.type_of(t) == heap.types().tuple =>
        {
            t
        }
        Subscript::Slice(start, _, step, n) => {
            let picked: Vec<Value> = positions(start, step, n).map(|i| items[i]).collect();
            heap.new_tuple(&picked)
        }
    })
}

fn list_getitem(rt: &mut dyn Runtime, l: Value, key: Value) -> Result<Value, PyErr> {
    let list = list_of(l).expect("list slot on a list");
    let sub = subscript(rt, key, list.items.len(), "list index out of range", &or_slices("list"))?;
    let heap = rt.heap();
    // `__index__` may have run Python code that shrank the list.
    let out_of_range = || PyErr::index_error(heap, "list index out of range");
    Ok(match sub {
        Subscript::Item(i) => list.items.get(i).ok_or_else(out_of_range)?,
        Subscript::Slice(start, _, step, n) => {
            let picked: Option<Vec<Value>> =
                positions(start, step, n).map(|i| list.items.get(i)).collect();
            heap.new_list(&picked.ok_or_else(out_of_range)?)
        }
    })
}

fn range_parts(r: Gc<RangeObj>) -> (BigInt, BigInt, BigInt) {
    let part = |v| int_value(v).expect("range fields are ints");
    (part(r.start), part(r.step), part(r.len))
}

fn range_getitem(rt: &mut dyn Runtime, r: Value, key: Value) -> Result<Value, PyErr> {
    let range = Gc::<RangeObj>::from_value(r).expect("range slot on a range");
    let (start, step, len) = range_parts(range);
    let Some(slice) = Gc::<SliceObj>::from_value(key) else {
        // Ints index ranges of any length.
        let Some(i) = index_value(rt, key)? else {
            let heap = rt.heap();
            let msg = or_slices("range")(&heap.type_obj(key).name());
            return Err(PyErr::type_error(heap, &msg));
        };
        let heap = rt.heap();
        let i = i.to_bigint();
        let i = if i.is_negative() { i + &len } else { i };
        if i.is_negative() || i >= len {
            return Err(PyErr::index_error(heap, "range object index out of range"));
        }
        return Ok(heap.new_int(start + i * step));
    };
    let heap = rt.heap();
    let Some(len) = len.to_i64() else {
        return Err(PyErr::overflow_error(heap, "Python int too large to convert to C ssize_t"));
    };
    let (a, b, c, _) = slice_indices(heap, slice, len)?;
    let at = |k: i64| heap.new_int(&start + BigInt::from(k) * &step);
    heap.new_range(at(a), at(b), heap.new_int(&step * c))
}

fn str_len(_rt: &mut dyn Runtime, s: Value) -> Result<usize, PyErr> {
    Ok(str_of(s).map_or(0, |s| s.char_len()))
}

fn bytes_len(_rt: &mut dyn Runtime, b: Value) -> Result<usize, PyErr> {
    Ok(bytes_of(b).map_or(0, |b| b.len()))
}

fn bytearray_len(_rt: &mut dyn Runtime, b: Value) -> Result<usize, PyErr> {
    Ok(bytearray_of(b).map_or(0, |b| b.data.borrow().len()))
}

fn tuple_len(_rt: &mut dyn Runtime, t: Value) -> Result<usize, PyErr> {
    Ok(tuple_of(t).map_or(0, |t| t.len()))
}

fn list_len(_rt: &mut dyn Runtime, l: Value) -> Result<usize, PyErr> {
    Ok(list_of(l).map_or(0, |l| l.items.len()))
}

fn range_len(rt: &mut dyn Runtime, r: Value) -> Result<usize, PyErr> {
    let len = Gc::<RangeObj>::from_value(r)
        .and_then(|r| int_to_i64(r.len))
        .and_then(|n| usize::try_from(n).ok());
    len.ok_or_else(|| {
        PyErr::overflow_error(rt.heap(), "Python int too large to convert to C ssize_t")
    })
}

fn str_hash(_rt: &mut dyn Runtime, s: Value) -> Result<i64, PyErr> {
    Ok(str_of(s).map_or(0, |s| s.hash()))
}

fn bytes_hash(_rt: &mut dyn Runtime, b: Value) -> Result<i64, PyErr> {
    Ok(bytes_of(b).map_or(0, |b| b.hash()))
}

fn str_repr_slot(rt: &mut dyn Runtime, s: Value) -> Result<Value, PyErr> {
    let text = str_of(s).map_or_else(String::new, |s| s.repr());
    Ok(rt.heap().new_str_from_string(text))
}

fn bytes_repr_slot(rt: &mut dyn Runtime, b: Value) -> Result<Value, PyErr> {
    let text = bytes_of(b).map_or_else(String::new, |b| bytes_repr(b.as_bytes()));
    Ok(rt.heap().new_str_from_string(text))
}

/// Fills the slots of the sequence built-in types (at heap start).
pub(super) fn install(heap: &Heap) {
    let ty = |v: Value| Gc::<TypeObj>::from_value(v).expect("built-in types are types");
    let t = heap.types();
    let s = &ty(t.str).slots;
    s.len.set(Some(str_len));
    s.getitem.set(Some(str_getitem));
    s.hash.set(Some(str_hash));
    s.repr.set(Some(str_repr_slot));
    let b = &ty(t.bytes).slots;
    b.len.set(Some(bytes_len));
    b.getitem.set(Some(bytes_getitem));
    b.hash.set(Some(bytes_hash));
    b.repr.set(Some(bytes_repr_slot));
    let ba = &ty(t.bytearray).slots;
    ba.len.set(Some(bytearray_len));
    ba.getitem.set(Some(bytearray_getitem));
    let tu = &ty(t.tuple).slots;
    tu.len.set(Some(tuple_len));
    tu.getitem.set(Some(tuple_getitem));
    let l = &ty(t.list).slots;
    l.len.set(Some(list_len));
    l.getitem.set(Some(list_getitem));
    let r = &ty(t.range).slots;
    r.len.set(Some(range_len));
    r.getitem.set(Some(range_getitem));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::NoVm;
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    /// `obj[key]` through the type's slot, shown as Python would print it
    /// (`repr` for results with a repr slot; exceptions as `Type: message`).
    fn get(heap: &Heap, obj: Value, key: Value) -> String {
        let mut rt = NoVm(heap);
        let getitem = heap.type_obj(obj).slots.getitem.get().unwrap();
        match getitem(&mut rt, obj, key) {
            Ok(v) => show(heap, v),
            Err(e) => format!("{e:?}"),
        }
    }

    fn show(heap: &Heap, v: Value) -> String {
        let mut rt = NoVm(heap);
        if let Some(r) = Gc::<RangeObj>::from_value(v) {
            let (a, b, c) = (
                int_value(r.start).unwrap(),
                int_value(r.stop).unwrap(),
                int_value(r.step).unwrap(),
            );
            return if c == BigInt::from(1) {
                format!("range({a}, {b})")
            } else {
                format!("range({a}, {b}, {c})")
            };
        }
        if let Some(l) = list_of(v) {
            let items: Vec<String> = l.items.to_vec().into_iter().map(|i| show(heap, i)).collect();
            return format!("[{}]", items.join(", "));
        }
        if let Some(t) = tuple_of(v) {
            let items: Vec<String> = t.items().iter().map(|&i| show(heap, i)).collect();
            return format!("({})", items.join(", "));
        }
        if let Some(b) = bytearray_of(v) {
            return format!("bytearray({})", bytes_repr(&b.data.borrow()));
        }
        let repr = heap.type_obj(v).slots.repr.get().unwrap();
        str_of(repr(&mut rt, v).unwrap()).unwrap().to_str().unwrap().to_string()
    }

    #[test]
    fn subscripts_match_python38() {
        let heap = Heap::new();
        let n = Value::NONE;
        let slice = |a, b, c| heap.new_slice(a, b, c);
        let items: Vec<Value> = (1..=3).map(int).collect();
        let seqs = [
            heap.new_str("abc"),
            heap.new_bytes(b"abc"),
            heap.new_bytearray(b"abc".to_vec()),
            heap.new_tuple(&items),
            heap.new_list(&items),
            heap.new_range(int(0), int(3), int(1)).unwrap(),
        ];
        let mut out = Vec::new();
        for &seq in &seqs {
            for key in [
                int(5),
                heap.new_str("x"),
                Value::from_f64(1.5),
                n,
                int(-1),
                slice(n, n, int(-1)),
                slice(int(1), int(100), n),
            ] {
                out.push(get(&heap, seq, key));
            }
        }
        let expected = [
            "IndexError: string index out of range",
            "TypeError: string indices must be integers",
            "TypeError: string indices must be integers",
            "TypeError: string indices must be integers",
            "'c'",
            "'cba'",
            "'bc'",
            "IndexError: index out of range",
            "TypeError: byte indices must be integers or slices, not str",
            "TypeError: byte indices must be integers or slices, not float",
            "TypeError: byte indices must be integers or slices, not NoneType",
            "99",
            "b'cba'",
            "b'bc'",
            "IndexError: bytearray index out of range",
            "TypeError: bytearray indices must be integers or slices, not str",
            "TypeError: bytearray indices must be integers or slices, not float",
            "TypeError: bytearray indices must be integers or slices, not NoneType",
            "99",
            "bytearray(b'cba')",
            "bytearray(b'bc')",
            "IndexError: tuple index out of range",
            "TypeError: tuple indices must be integers or slices, not str",
            "TypeError: tuple indices must be integers or slices, not float",
            "TypeError: tuple indices must be integers or slices, not NoneType",
            "3",
            "(3, 2, 1)",
            "(2, 3)",
            "IndexError: list index out of range",
            "TypeError: list indices must be integers or slices, not str",
            "TypeError: list indices must be integers or slices, not float",
            "TypeError: list indices must be integers or slices, not NoneType",
            "3",
            "[3, 2, 1]",
            "[2, 3]",
            "IndexError: range object index out of range",
            "TypeError: range indices must be integers or slices, not str",
            "TypeError: range indices must be integers or slices, not float",
            "TypeError: range indices must be integers or slices, not NoneType",
            "2",
            "range(2, -1, -1)",
            "range(1, 3)",
        ];
        assert_eq!(out, expected);
        let r = heap.new_range(int(0), int(10), int(2)).unwrap();
        assert_eq!(get(&heap, r, slice(int(1), int(4), n)), "range(2, 8, 2)");
        let big = heap.new_range(int(0), heap.new_int(BigInt::from(10).pow(20)), int(1)).unwrap();
        assert_eq!(get(&heap, big, int(-1)), "99999999999999999999");
        let mut rt = NoVm(&heap);
        let len = heap.type_obj(big).slots.len.get().unwrap();
        assert_eq!(
            format!("{:?}", len(&mut rt, big).unwrap_err()),
            "OverflowError: Python int too large to convert to C ssize_t"
        );
        let huge = heap.new_int(BigInt::from(10).pow(20));
        assert_eq!(
            get(&heap, seqs[4], huge),
            "IndexError: cannot fit 'int' into an index-sized integer"
        );
        let t = seqs[3];
        let mut rt = NoVm(&heap);
        let getitem = heap.type_obj(t).slots.getitem.get().unwrap();
        assert_eq!(getitem(&mut rt, t, slice(n, n, n)).unwrap(), t, "t[:] is t");
    }

    #[test]
    fn lengths_hashes_reprs() {
        let heap = Heap::new();
        let mut rt = NoVm(&heap);
        let s = heap.new_str("héllo 'x'");
        let slots = &heap.type_obj(s).slots;
        assert_eq!(slots.len.get().unwrap()(&mut rt, s).unwrap(), 9);
        assert_eq!(show(&heap, s), "\"héllo 'x'\"");
        assert_eq!(slots.hash.get().unwrap()(&mut rt, s).unwrap(), str_of(s).unwrap().hash());
        let b = heap.new_bytes(b"\x00a");
        assert_eq!(show(&heap, b), "b'\\x00a'");
        let l = heap.new_list(&[int(1); 4]);
        assert_eq!(heap.type_obj(l).slots.len.get().unwrap()(&mut rt, l).unwrap(), 4);
    }
}
