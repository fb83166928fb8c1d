//! `array`: typed arrays after CPython's `Modules/arraymodule.c`.
//!
//! An array keeps its typecode and a list of items already converted to
//! the typecode's range (ints in range, floats rounded to single precision
//! for `f`, one-character strs for `u`): reading `a[i]` is then a list read
//! with no decoding, which is what numeric code (pyperformance's raytrace)
//! does most. Bytes are made only for `tobytes`, `byteswap` and buffers.

use super::module_set;
use super::support::{map_rooted, new_class, rich_comparisons, set_state, state};
use crate::builtins::functions::index_of;
use crate::builtins::{arg_range, method_no_args, method_one_arg};
use crate::bytecode::instr::CmpOp;
use crate::number::int::Int;
use crate::number::tower::Num;
use crate::object::list::{list_of, ListObj};
use crate::object::range::{slice_indices, SliceObj};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;

pub const TYPECODES: &str = "bBuhHiIlLqQfd";
const ITEMS_KEY: &str = "_tachyon_array_items";
const CODE_KEY: &str = "_tachyon_array_code";

/// A BufferError if `array` is to change size by `change` items while a
/// memoryview holds it.
fn grows(vm: &mut Vm, array: Value, change: usize) -> PyResult<()> {
    if change == 0 {
        return Ok(());
    }
    super::buffer::check_resizable(vm, array)
}

fn item_size(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("array")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let methods: &[(&'static str, NativeFn)] = &[
            ("__new__", array_new),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__iter__", iter),
            ("__contains__", contains),
            ("__repr__", repr),
            ("__add__", add),
            ("__iadd__", iadd),
            ("__mul__", mul),
            ("__rmul__", mul),
            ("__imul__", imul),
            ("__copy__", copy),
            ("__deepcopy__", deepcopy),
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("index", index),
            ("count", count),
            ("reverse", reverse),
            ("tobytes", tobytes),
            ("frombytes", frombytes),
            ("tolist", tolist),
            ("fromlist", fromlist),
            ("tounicode", tounicode),
            ("fromunicode", fromunicode),
            ("byteswap", byteswap),
            ("tofile", tofile),
            ("fromfile", fromfile),
            ("buffer_info", buffer_info),
        ];
        let mut methods = methods.to_vec();
        methods.extend(RICH_COMPARISONS);
        let cls = new_class(vm, module, "array", "array", &methods)?;
        // `__new__` is a static function taking the class, not a method.
        let new = crate::builtins::native(vm, "__new__", array_new);
        crate::builtins::set_type_attr(vm, cls, "__new__", new);
        crate::builtins::set_type_attr(vm, cls, "__hash__", Value::NONE);
        let qualname = vm.heap.new_str("array");
        crate::builtins::set_type_attr(vm, cls, "__qualname__", qualname);
        module_set(vm, module, "ArrayType", cls)?;
        let codes = vm.heap.new_str(TYPECODES);
        module_set(vm, module, "typecodes", codes)?;
        super::support::exec_in_module(vm, module, include_str!("array_pickle.py"))
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// The items list and typecode of an array, if `v` is one.
fn parts(vm: &Vm, v: Value) -> Option<(u8, Gc<ListObj>)> {
    let items = state(vm, v, ITEMS_KEY).and_then(list_of)?;
    let code = state(vm, v, CODE_KEY)?.as_small_int()?;
    Some((code as u8, items))
}

fn receiver(vm: &Vm, v: Value, method: &str) -> PyResult<(u8, Gc<ListObj>)> {
    parts(vm, v).ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' requires a 'array.array' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

/// The bytes of array `v` in machine order (for `struct` and friends).
pub fn array_bytes(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    let (code, items) = parts(vm, v)?;
    Some(encode(vm, code, &items.items.to_vec()))
}

fn overflow(vm: &Vm, msg: &str) -> PyErr {
    PyErr::overflow_error(&vm.heap, msg)
}

/// `v` converted for an array of typecode `code`, with CPython's errors.
fn coerce(vm: &mut Vm, code: u8, v: Value) -> PyResult<Value> {
    match code {
        b'f' | b'd' => {
            let x = match vm.as_num(v) {
                Some(Num::Float(x)) => x,
                Some(Num::Int(i)) => i.to_f64().map_err(|e| vm.num_error(e))?,
                _ => {
                    let name = vm.heap.intern("__float__");
                    if v.is_ptr() && vm.heap.lookup_in_type_of(v, name).is_some() {
                        let r = vm.call_method_by_name(v, "__float__", &[])?;
                        r.as_f64().ok_or_else(|| vm.type_error("__float__ returned non-float"))?
                    } else {
                        return Err(crate::builtins::real_required(vm, v));
                    }
                }
            };
            Ok(Value::from_f64(if code == b'f' { x as f32 as f64 } else { x }))
        }
        b'u' => match str_of(v) {
            Some(s) if s.char_len() == 1 => Ok(v),
            _ => Err(vm.type_error("array item must be unicode character")),
        },
        _ => {
            if v.as_f64().is_some() {
                return Err(vm.type_error(if b"ILQ".contains(&code) {
                    "array item must be integer"
                } else {
                    "integer argument expected, got float"
                }));
            }
            let Some(n) = vm.as_index(v)? else {
                return Err(crate::builtins::int_required(vm, v));
            };
            check_int(vm, code, &n)?;
            Ok(vm.int_value(n))
        }
    }
}

/// The range checks of `arraymodule.c`'s setters, in their order.
fn check_int(vm: &Vm, code: u8, n: &Int) -> PyResult<()> {
    let wide = n.to_bigint();
    let as_long = i64::try_from(&wide).ok();
    let neg = n.is_negative();
    let out = |lo: i64, hi: i64, what: &str| -> Option<String> {
        let x = as_long?;
        if x < lo {
            Some(format!("{what} is less than minimum"))
        } else if x > hi {
            Some(format!("{what} is greater than maximum"))
        } else {
            None
        }
    };
    let long_msg = "Python int too large to convert to C long";
    let msg = match code {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'l' if as_long.is_none() => Some(long_msg.into()),
        b'b' => {
            out(-32768, 32767, "signed short integer").or_else(|| out(-128, 127, "signed char"))
        }
        b'B' => out(0, 255, "unsigned byte integer"),
        b'h' => out(-32768, 32767, "signed short integer"),
        b'H' => out(i32::MIN as i64, i32::MAX as i64, "signed integer")
            .or_else(|| out(0, 65535, "unsigned short")),
        b'i' => out(i32::MIN as i64, i32::MAX as i64, "signed integer"),
        b'I' | b'L' if neg => Some("can't convert negative value to unsigned int".into()),
        b'I' | b'L' if u64::try_from(&wide).is_err() => {
            Some("Python int too large to convert to C unsigned long".into())
        }
        b'I' if wide > BigInt::from(u32::MAX) => {
            Some("unsigned int is greater than maximum".into())
        }
        b'q' if as_long.is_none() => Some("int too big to convert".into()),
        b'Q' if neg => Some("can't convert negative int to unsigned".into()),
        b'Q' if u64::try_from(&wide).is_err() => Some("int too big to convert".into()),
        _ => None,
    };
    match msg {
        Some(m) => Err(overflow(vm, &m)),
        None => Ok(()),
    }
}

fn coerce_all(vm: &mut Vm, code: u8, values: &[Value]) -> PyResult<Vec<Value>> {
    map_rooted(vm, values, |vm, v| coerce(vm, code, v))
}

fn encode(vm: &Vm, code: u8, items: &[Value]) -> Vec<u8> {
    let size = item_size(code);
    let mut out = Vec::with_capacity(items.len() * size);
    for v in items {
        match code {
            b'f' => out.extend_from_slice(&(v.as_f64().unwrap_or(0.0) as f32).to_le_bytes()),
            b'd' => out.extend_from_slice(&v.as_f64().unwrap_or(0.0).to_le_bytes()),
            b'u' => out.extend_from_slice(&unicode_code_point(*v).to_le_bytes()),
            _ => {
                let n = vm.as_int(*v).map(|n| n.to_bigint()).unwrap_or_default();
                let word = i128::try_from(&n).unwrap_or_default() as u128;
                out.extend_from_slice(&word.to_le_bytes()[..size]);
            }
        }
    }
    out
}

/// The code point a `'u'` item holds: its character, or the raw value
/// beyond U+10FFFF that `frombytes` stored.
fn unicode_code_point(v: Value) -> u32 {
    match str_of(v) {
        Some(s) => s.code_point_at(0).unwrap_or(0),
        None => v.as_small_int().unwrap_or(0) as u32,
    }
}

/// A `'u'` item as Python reads it: an item beyond U+10FFFF is the
/// ValueError `chr` gives, as in CPython's `u_getitem`.
fn readable(vm: &Vm, code: u8, v: Value) -> PyResult<Value> {
    if code == b'u' && str_of(v).is_none() {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    Ok(v)
}

/// The text of a `'u'` array; an item beyond U+10FFFF is an error.
fn unicode_text(vm: &Vm, items: &[Value]) -> PyResult<Value> {
    let mut cps = Vec::with_capacity(items.len());
    for &v in items {
        let cp = unicode_code_point(v);
        if str_of(v).is_none() {
            return Err(
                vm.value_error(&format!("character U+{cp:x} is not in range [U+0000; U+10ffff]"))
            );
        }
        cps.push(cp);
    }
    Ok(vm.heap.new_str_from_code_points(&cps))
}

fn decode(vm: &Vm, code: u8, data: &[u8]) -> PyResult<Vec<Value>> {
    let size = item_size(code);
    let mut out = Vec::with_capacity(data.len() / size);
    for chunk in data.chunks_exact(size) {
        let mut word = [0u8; 16];
        word[..size].copy_from_slice(chunk);
        let raw = u128::from_le_bytes(word);
        let v = match code {
            b'f' => Value::from_f64(f32::from_bits(raw as u32) as f64),
            b'd' => Value::from_f64(f64::from_bits(raw as u64)),
            // As CPython, any 32-bit value is stored; one beyond U+10FFFF
            // (kept as its int) fails only when it is read.
            b'u' if raw > 0x10FFFF => vm.heap.new_int_i64(raw as i64),
            b'u' => vm.heap.new_str_from_code_points(&[raw as u32]),
            b'b' | b'h' | b'i' | b'l' | b'q' => {
                let shift = 128 - 8 * size as u32;
                vm.heap.new_int_i64((((raw << shift) as i128) >> shift) as i64)
            }
            _ if raw > i64::MAX as u128 => vm.heap.new_int(BigInt::from(raw)),
            _ => vm.heap.new_int_i64(raw as i64),
        };
        out.push(v);
    }
    Ok(out)
}

/// A new array of class `cls` holding `items` (already converted).
fn make(vm: &mut Vm, cls: Value, code: u8, items: &[Value]) -> PyResult {
    let t = Gc::<TypeObj>::from_value(cls).ok_or_else(|| vm.type_error("not a type"))?;
    let obj = vm.heap.new_instance(t);
    let mark = vm.push_temp(obj);
    let list = vm.heap.new_list(items);
    vm.push_temp(list);
    let code_str = vm.heap.new_str((code as char).encode_utf8(&mut [0u8; 4]));
    vm.push_temp(code_str);
    let result = set_state(vm, obj, ITEMS_KEY, list)
        .and_then(|_| set_state(vm, obj, CODE_KEY, vm.heap.new_int_i64(code as i64)))
        .and_then(|_| set_state(vm, obj, "typecode", code_str))
        .and_then(|_| set_state(vm, obj, "itemsize", vm.heap.new_int_i64(item_size(code) as i64)));
    vm.truncate_temps(mark);
    result.map(|_| obj)
}

/// A new `array.array` (never a subclass, as in CPython) for results
/// made from array `_like`.
fn make_like(vm: &mut Vm, _like: Value, code: u8, items: &[Value]) -> PyResult {
    let cls = super::support::module_attr(vm, "array", "array")?;
    make(vm, cls, code, items)
}

fn array_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (cls, rest) =
        args.split_first().ok_or_else(|| vm.type_error("array.__new__(): not enough arguments"))?;
    // A subclass's `__new__` may take keywords; array itself takes none.
    let array_type = super::support::module_attr(vm, "array", "array")?;
    if !kwnames.is_empty() && *cls == array_type {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let rest = &rest[..rest.len() - kwnames.len()];
    if rest.is_empty() || rest.len() > 2 {
        return Err(
            vm.type_error(&format!("array() takes at most 2 arguments ({} given)", rest.len()))
        );
    }
    let code = match str_of(rest[0]) {
        Some(s) if s.char_len() == 1 => s.as_utf8(&vm.heap)?.as_bytes()[0],
        _ => {
            let what = if str_of(rest[0]).is_some() {
                "str".to_string()
            } else {
                crate::builtins::str_methods::bad_argument_name(vm, rest[0])
            };
            return Err(vm.type_error(&format!(
                "array() argument 1 must be a unicode character, not {what}"
            )));
        }
    };
    if !TYPECODES.as_bytes().contains(&code) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let Some(&init) = rest.get(1) else {
        return make(vm, *cls, code, &[]);
    };
    let items = if let Some(s) = str_of(init) {
        if code != b'u' {
            return Err(vm.type_error(&format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code as char
            )));
        }
        s.as_utf8(&vm.heap)?
            .chars()
            .map(|c| vm.heap.new_str(c.encode_utf8(&mut [0u8; 4])))
            .collect()
    } else if code != b'u' && parts(vm, init).is_some_and(|(c, _)| c == b'u') {
        return Err(vm.type_error(&format!(
            "cannot use a unicode array to initialize an array with typecode '{}'",
            code as char
        )));
    } else if let Some(b) = crate::builtins::bytes_methods::bytes_like(init) {
        if b.len() % item_size(code) != 0 {
            return Err(vm.value_error("bytes length not a multiple of item size"));
        }
        decode(vm, code, &b)?
    } else {
        let values = vm.collect_iterable(init)?;
        coerce_all(vm, code, &values)?
    };
    make(vm, *cls, code, &items)
}

fn len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__len__")?;
    let (_, items) = receiver(vm, args[0], "__len__")?;
    Ok(vm.heap.new_int_i64(items.items.len() as i64))
}

/// An index into `len` items, negative from the end; `None` out of range.
fn item_index(vm: &mut Vm, key: Value, len: usize) -> PyResult<Option<usize>> {
    let i = match key.as_small_int() {
        Some(i) => i,
        None => index_of(vm, key)?.to_i64().unwrap_or(i64::MAX),
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Ok((0..len as i64).contains(&i).then_some(i as usize))
}

fn getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let key = method_one_arg(vm, args, kwnames, "__getitem__")?;
    let (code, items) = receiver(vm, args[0], "__getitem__")?;
    if let Some(i) = key.as_small_int() {
        let len = items.items.len() as i64;
        let i = if i < 0 { i + len } else { i };
        if (0..len).contains(&i) {
            return readable(vm, code, items.items.get(i as usize).unwrap_or(Value::NONE));
        }
        return Err(PyErr::index_error(&vm.heap, "array index out of range"));
    }
    if Gc::<SliceObj>::from_value(key).is_some() {
        let picked = vm.get_item_builtin(items.value(), key)?;
        let picked = list_of(picked).map(|l| l.items.to_vec()).unwrap_or_default();
        return make_like(vm, args[0], code, &picked);
    }
    if vm.as_index(key)?.is_none() {
        return Err(vm.type_error("array indices must be integers"));
    }
    match item_index(vm, key, items.items.len())? {
        Some(i) => readable(vm, code, items.items.get(i).unwrap_or(Value::NONE)),
        None => Err(PyErr::index_error(&vm.heap, "array index out of range")),
    }
}

fn setitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "__setitem__", args, kwnames, 3, 3)?;
    let (code, items) = receiver(vm, args[0], "__setitem__")?;
    let (key, value) = (args[1], args[2]);
    if let Some(s) = Gc::<SliceObj>::from_value(key) {
        let Some((other_code, other)) = parts(vm, value) else {
            return Err(vm.type_error(&format!(
                "can only assign array (not \"{}\") to array slice",
                vm.type_name(value)
            )));
        };
        if other_code != code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let (_, _, step, count) = slice_indices(&vm.heap, s, items.items.len() as i64)?;
        if step == 1 {
            grows(vm, args[0], (count as usize).abs_diff(other.items.len()))?;
        }
        let copy = vm.heap.new_list(&other.items.to_vec());
        let mark = vm.push_temp(copy);
        let result = vm.set_item_builtin(items.value(), key, copy).map_err(|e| {
            let msg = e.message();
            if msg.starts_with("attempt to assign sequence") {
                vm.value_error(&msg.replace("sequence", "array"))
            } else {
                e
            }
        });
        vm.truncate_temps(mark);
        return result.map(|_| Value::NONE);
    }
    if vm.as_index(key)?.is_none() {
        return Err(vm.type_error("array indices must be integers"));
    }
    let v = coerce(vm, code, value)?;
    match item_index(vm, key, items.items.len())? {
        Some(i) => {
            items.items.set(i, v);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error(&vm.heap, "array assignment index out of range")),
    }
}

fn delitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let key = method_one_arg(vm, args, kwnames, "__delitem__")?;
    let (_, items) = receiver(vm, args[0], "__delitem__")?;
    if let Some(s) = Gc::<SliceObj>::from_value(key) {
        let (_, _, _, count) = slice_indices(&vm.heap, s, items.items.len() as i64)?;
        grows(vm, args[0], count as usize)?;
        return vm.del_item_builtin(items.value(), key).map(|_| Value::NONE);
    }
    if vm.as_index(key)?.is_none() {
        return Err(vm.type_error("array indices must be integers"));
    }
    match item_index(vm, key, items.items.len())? {
        Some(i) => {
            grows(vm, args[0], 1)?;
            items.items.remove(i);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error(&vm.heap, "array assignment index out of range")),
    }
}

fn iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__iter__")?;
    let (code, items) = receiver(vm, args[0], "__iter__")?;
    if code == b'u' {
        // CPython fails at the item itself; here, before the first.
        for v in items.items.to_vec() {
            readable(vm, code, v)?;
        }
    }
    vm.get_iter(items.value())
}

fn contains(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = method_one_arg(vm, args, kwnames, "__contains__")?;
    let (_, items) = receiver(vm, args[0], "__contains__")?;
    vm.contains(items.value(), v).map(Value::from_bool)
}

fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__repr__")?;
    let (code, items) = receiver(vm, args[0], "__repr__")?;
    let name = vm.heap.type_obj(args[0]).name();
    if items.items.is_empty() {
        return Ok(vm.heap.new_str_from_string(format!("{name}('{}')", code as char)));
    }
    let body = if code == b'u' {
        let s = unicode_text(vm, &items.items.to_vec())?;
        vm.repr_of_value(s)?
    } else {
        vm.repr_of_value(items.value())?
    };
    Ok(vm.heap.new_str_from_string(format!("{name}('{}', {body})", code as char)))
}

fn compare(vm: &mut Vm, args: &[Value], kwnames: &[Value], op: CmpOp) -> PyResult {
    let other = method_one_arg(vm, args, kwnames, "compare")?;
    let (_, a) = receiver(vm, args[0], "compare")?;
    let Some((_, b)) = parts(vm, other) else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    let (a, b) = (a.items.to_vec(), b.items.to_vec());
    if a.len() != b.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::from_bool(op == CmpOp::Ne));
    }
    // CPython's `array_richcompare`: items compare by `==` with no
    // identity shortcut (each is a fresh object there), so a NaN item
    // differs from itself.
    let roots = vm.stack.len();
    vm.stack.extend_from_slice(&a);
    vm.stack.extend_from_slice(&b);
    let r = (|| {
        for (&x, &y) in a.iter().zip(&b) {
            let eq = vm.rich_compare(CmpOp::Eq, x, y)?;
            if vm.is_true(eq)? {
                continue;
            }
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => vm.rich_compare(op, x, y),
            };
        }
        let (m, n) = (a.len(), b.len());
        Ok(Value::from_bool(match op {
            CmpOp::Lt => m < n,
            CmpOp::Le => m <= n,
            CmpOp::Eq => m == n,
            CmpOp::Ne => m != n,
            CmpOp::Gt => m > n,
            _ => m >= n,
        }))
    })();
    vm.truncate_temps(roots);
    r
}

rich_comparisons!(compare);

/// The items of `other` if it is an array of typecode `code`; else the
/// TypeError `not_array` (`{}` naming its type) or `mismatch`.
fn same_kind(
    vm: &Vm,
    code: u8,
    other: Value,
    not_array: &str,
    mismatch: &str,
) -> PyResult<Vec<Value>> {
    match parts(vm, other) {
        Some((c, items)) if c == code => Ok(items.items.to_vec()),
        Some(_) => Err(vm.type_error(mismatch)),
        None => Err(vm.type_error(&not_array.replace("{}", &vm.type_name(other)))),
    }
}

const SAME_KIND: &str = "can only extend with array of same kind";

fn add(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let other = method_one_arg(vm, args, kwnames, "__add__")?;
    let (code, items) = receiver(vm, args[0], "__add__")?;
    let not_array = "can only append array (not \"{}\") to array";
    let mut all = items.items.to_vec();
    all.extend(same_kind(vm, code, other, not_array, "bad argument type for built-in operation")?);
    make_like(vm, args[0], code, &all)
}

fn iadd(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let other = method_one_arg(vm, args, kwnames, "__iadd__")?;
    let (code, items) = receiver(vm, args[0], "__iadd__")?;
    let not_array = "can only extend array with array (not \"{}\")";
    let added = same_kind(vm, code, other, not_array, SAME_KIND)?;
    grows(vm, args[0], added.len())?;
    for v in added {
        items.items.push(v);
    }
    Ok(args[0])
}

/// How many times `n` asks to repeat an array. `None` (NotImplemented)
/// leaves a class of the program's its reflected method; other non-ints
/// are CPython's `sq_repeat` error, since no built-in type multiplies an
/// array.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<usize>> {
    if vm.as_index(n)?.is_none() {
        if vm.is_user_typed(n) {
            return Ok(None);
        }
        return Err(vm.type_error(&format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    }
    let n = index_of(vm, n)?;
    Ok(Some(n.to_i64().unwrap_or(i64::MAX).max(0) as usize))
}

fn repeated(vm: &Vm, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    if items.len().checked_mul(n).is_none_or(|t| t > isize::MAX as usize / 8) {
        return Err(PyErr::memory_error(&vm.heap, ""));
    }
    Ok(items.repeat(n))
}

fn mul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let n = method_one_arg(vm, args, kwnames, "__mul__")?;
    let (code, items) = receiver(vm, args[0], "__mul__")?;
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    let all = repeated(vm, &items.items.to_vec(), n)?;
    make_like(vm, args[0], code, &all)
}

fn imul(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let n = method_one_arg(vm, args, kwnames, "__imul__")?;
    let (_, items) = receiver(vm, args[0], "__imul__")?;
    let Some(n) = repeat_count(vm, n)? else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    let all = repeated(vm, &items.items.to_vec(), n)?;
    grows(vm, args[0], all.len().abs_diff(items.items.len()))?;
    items.items.replace(&all);
    Ok(args[0])
}

fn copy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "__copy__")?;
    let (code, items) = receiver(vm, args[0], "__copy__")?;
    make_like(vm, args[0], code, &items.items.to_vec())
}

fn deepcopy(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_one_arg(vm, args, kwnames, "__deepcopy__")?;
    let (code, items) = receiver(vm, args[0], "__deepcopy__")?;
    make_like(vm, args[0], code, &items.items.to_vec())
}

fn append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = method_one_arg(vm, args, kwnames, "append")?;
    let (code, items) = receiver(vm, args[0], "append")?;
    let v = coerce(vm, code, v)?;
    grows(vm, args[0], 1)?;
    items.items.push(v);
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let src = method_one_arg(vm, args, kwnames, "extend")?;
    let (code, items) = receiver(vm, args[0], "extend")?;
    if parts(vm, src).is_some() {
        let added = same_kind(vm, code, src, SAME_KIND, SAME_KIND)?;
        grows(vm, args[0], added.len())?;
        for v in added {
            items.items.push(v);
        }
        return Ok(Value::NONE);
    }
    // Item by item, as CPython: the items before a bad one stay added.
    let values = vm.collect_iterable(src)?;
    grows(vm, args[0], values.len())?;
    let pending = vm.heap.new_list(&values);
    let mark = vm.push_temp(pending);
    let result = (|| {
        for v in values {
            let v = coerce(vm, code, v)?;
            items.items.push(v);
        }
        Ok(Value::NONE)
    })();
    vm.truncate_temps(mark);
    result
}

fn insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "insert", args, kwnames, 3, 3)?;
    let (code, items) = receiver(vm, args[0], "insert")?;
    let i = index_of(vm, args[1])?.to_i64_saturating();
    let v = coerce(vm, code, args[2])?;
    let len = items.items.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    grows(vm, args[0], 1)?;
    items.items.insert(i as usize, v);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "pop", args, kwnames, 1, 2)?;
    let (code, items) = receiver(vm, args[0], "pop")?;
    let i = match args.get(1) {
        Some(&v) => index_of(vm, v)?.to_i64_saturating(),
        None => -1,
    };
    let len = items.items.len() as i64;
    if len == 0 {
        return Err(PyErr::index_error(&vm.heap, "pop from empty array"));
    }
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error(&vm.heap, "pop index out of range"));
    }
    readable(vm, code, items.items.get(i as usize).unwrap_or(Value::NONE))?;
    grows(vm, args[0], 1)?;
    Ok(items.items.remove(i as usize).unwrap_or(Value::NONE))
}

/// The position of the first item equal to `v`.
fn find(vm: &mut Vm, items: Gc<ListObj>, v: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while let Some(item) = items.items.get(i) {
        let eq = vm.rich_compare(CmpOp::Eq, item, v)?;
        if vm.is_true(eq)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = method_one_arg(vm, args, kwnames, "remove")?;
    let (_, items) = receiver(vm, args[0], "remove")?;
    match find(vm, items, v)? {
        Some(i) => {
            grows(vm, args[0], 1)?;
            items.items.remove(i);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = method_one_arg(vm, args, kwnames, "index")?;
    let (_, items) = receiver(vm, args[0], "index")?;
    match find(vm, items, v)? {
        Some(i) => Ok(vm.heap.new_int_i64(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = method_one_arg(vm, args, kwnames, "count")?;
    let (_, items) = receiver(vm, args[0], "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = items.items.get(i) {
        let eq = vm.rich_compare(CmpOp::Eq, item, v)?;
        if vm.is_true(eq)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.heap.new_int_i64(n))
}

fn reverse(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "reverse")?;
    let (_, items) = receiver(vm, args[0], "reverse")?;
    let mut all = items.items.to_vec();
    all.reverse();
    items.items.replace(&all);
    Ok(Value::NONE)
}

fn tobytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "tobytes")?;
    let (code, items) = receiver(vm, args[0], "tobytes")?;
    let data = encode(vm, code, &items.items.to_vec());
    Ok(vm.heap.new_bytes(&data))
}

fn frombytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let src = method_one_arg(vm, args, kwnames, "frombytes")?;
    let (code, items) = receiver(vm, args[0], "frombytes")?;
    let Some(data) =
        crate::builtins::bytes_methods::bytes_like(src).or_else(|| array_bytes(vm, src))
    else {
        return Err(
            vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(src)))
        );
    };
    if data.len() % item_size(code) != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let added = decode(vm, code, &data)?;
    grows(vm, args[0], added.len())?;
    for v in added {
        items.items.push(v);
    }
    Ok(Value::NONE)
}

fn tolist(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "tolist")?;
    let (code, items) = receiver(vm, args[0], "tolist")?;
    let items = items.items.to_vec();
    for &v in &items {
        readable(vm, code, v)?;
    }
    Ok(vm.heap.new_list(&items))
}

fn fromlist(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let src = method_one_arg(vm, args, kwnames, "fromlist")?;
    let (code, items) = receiver(vm, args[0], "fromlist")?;
    let Some(list) = list_of(src) else {
        return Err(vm.type_error("arg must be list"));
    };
    let added = coerce_all(vm, code, &list.items.to_vec())?;
    grows(vm, args[0], added.len())?;
    for v in added {
        items.items.push(v);
    }
    Ok(Value::NONE)
}

fn tounicode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "tounicode")?;
    let (code, items) = receiver(vm, args[0], "tounicode")?;
    if code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    unicode_text(vm, &items.items.to_vec())
}

fn fromunicode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let src = method_one_arg(vm, args, kwnames, "fromunicode")?;
    let (code, items) = receiver(vm, args[0], "fromunicode")?;
    let Some(s) = str_of(src) else {
        return Err(vm.type_error(&format!(
            "fromunicode() argument must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, src)
        )));
    };
    if code != b'u' {
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    grows(vm, args[0], s.char_len())?;
    for cp in s.code_points().collect::<Vec<u32>>() {
        let v = vm.heap.new_str_from_code_points(&[cp]);
        items.items.push(v);
    }
    Ok(Value::NONE)
}

fn byteswap(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "byteswap")?;
    let (code, items) = receiver(vm, args[0], "byteswap")?;
    let size = item_size(code);
    let mut data = encode(vm, code, &items.items.to_vec());
    for chunk in data.chunks_exact_mut(size) {
        chunk.reverse();
    }
    let swapped = decode(vm, code, &data)?;
    items.items.replace(&swapped);
    Ok(Value::NONE)
}

/// `a.tofile(f)`: the bytes written with `f.write`, in CPython's 64 KiB blocks.
fn tofile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let f = method_one_arg(vm, args, kwnames, "tofile")?;
    let (code, items) = receiver(vm, args[0], "tofile")?;
    let data = encode(vm, code, &items.items.to_vec());
    for block in data.chunks(64 * 1024) {
        let b = vm.heap.new_bytes(block);
        let mark = vm.push_temp(b);
        let r = vm.call_method_by_name(f, "write", &[b]);
        vm.truncate_temps(mark);
        r?;
    }
    Ok(Value::NONE)
}

/// `a.fromfile(f, n)`: `n` items read with `f.read`.
fn fromfile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "fromfile", args, kwnames, 3, 3)?;
    let (code, _) = receiver(vm, args[0], "fromfile")?;
    let n = index_of(vm, args[2])?.to_i64_saturating();
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    let wanted = (n as usize).saturating_mul(item_size(code));
    let size = vm.heap.new_int_i64(wanted as i64);
    let data = vm.call_method_by_name(args[1], "read", &[size])?;
    let Some(bytes) = crate::object::bytes::bytes_of(data).map(|b| b.as_bytes().to_vec()) else {
        return Err(vm.type_error("read() didn't return bytes"));
    };
    if bytes.len() % item_size(code) != 0 {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let (_, items) = receiver(vm, args[0], "fromfile")?;
    let added = decode(vm, code, &bytes)?;
    grows(vm, args[0], added.len())?;
    for v in added {
        items.items.push(v);
    }
    if bytes.len() != wanted {
        return Err(PyErr::new(
            &vm.heap,
            vm.heap.types().eof_error,
            "read() didn't return enough bytes",
        ));
    }
    Ok(Value::NONE)
}

fn buffer_info(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_args(vm, args, kwnames, "buffer_info")?;
    let (_, items) = receiver(vm, args[0], "buffer_info")?;
    let address = vm.heap.new_int_i64((items.value().bits() & 0xffff_ffff_ffff) as i64);
    let n = vm.heap.new_int_i64(items.items.len() as i64);
    Ok(vm.heap.new_tuple(&[address, n]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_sizes_follow_the_c_types() {
        let sizes: Vec<usize> = TYPECODES.bytes().map(item_size).collect();
        assert_eq!(sizes, [1, 1, 4, 2, 2, 4, 4, 8, 8, 8, 8, 4, 8]);
    }
}
