//! Methods of int, float and complex, `complex(...)`, and the methods and
//! attributes of range and slice. The arithmetic itself is `crate::number`'s.

use super::functions::index_of;
use super::str_methods::{keyword_args, ssize_arg};
use super::{
    add_class_method, add_method, add_new, method_no_args, method_one_arg, native, set_type_attr,
};
use crate::number::complex::{parse_complex, Complex};
use crate::number::float as float_ops;
use crate::number::float_hex::{float_fromhex, float_hex};
use crate::number::int::Int;
use crate::number::int_bytes::{self, ByteOrder};
use crate::number::tower::Num;
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::range::{slice_indices, RangeObj, SliceObj};
use crate::object::str::str_of;
use crate::object::{Gc, Value};
use crate::vm::function::{NativeFn, PropertyObj};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("conjugate", int_conjugate),
        ("__trunc__", int_trunc),
        ("__floor__", int_floor),
        ("__ceil__", int_ceil),
        ("as_integer_ratio", int_as_integer_ratio),
        ("to_bytes", int_to_bytes),
    ];
    for (name, f) in int_methods {
        add_method(vm, t.int, name, *f);
    }
    add_class_method(vm, t.int, "from_bytes", int_from_bytes);
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("hex", float_hex_method),
        ("as_integer_ratio", float_as_integer_ratio),
        ("conjugate", float_conjugate),
    ];
    for (name, f) in float_methods {
        add_method(vm, t.float, name, *f);
    }
    add_class_method(vm, t.float, "fromhex", float_fromhex_method);
    add_class_method(vm, t.float, "__getformat__", float_getformat);
    add_class_method(vm, t.float, "__set_format__", float_set_format);
    add_method(vm, t.complex, "conjugate", complex_conjugate);
    add_new(vm, t.complex, complex_new);
    add_method(vm, t.range, "index", range_index);
    add_method(vm, t.range, "count", range_count);
    add_method(vm, t.range, "__reduce__", range_reduce);
    // CPython's int and float compute these (getsets); complex, range and
    // slice hold them (members).
    for ty in [t.int, t.float, t.complex] {
        let getset = ty != t.complex;
        add_native_attr(vm, getset, ty, "real", real_of);
        add_native_attr(vm, getset, ty, "imag", imag_of);
    }
    add_native_attr(vm, true, t.int, "numerator", real_of);
    add_native_attr(vm, true, t.int, "denominator", denominator_of);
    for ty in [t.range, t.slice] {
        add_native_attr(vm, false, ty, "start", start_of);
        add_native_attr(vm, false, ty, "stop", stop_of);
        add_native_attr(vm, false, ty, "step", step_of);
    }
    add_method(vm, t.slice, "indices", slice_indices_method);
    add_method(vm, t.slice, "__reduce__", slice_reduce);
}

/// A read-only attribute: a property whose getter is native.
pub fn add_property(vm: &Vm, ty: Value, name: &'static str, getter: NativeFn) {
    let fget = native(vm, name, getter);
    let prop = PropertyObj::new(fget, Value::NONE, Value::NONE, Value::NONE);
    let prop = vm.heap.alloc(vm.heap.types().property, prop).value();
    set_type_attr(vm, ty, name, prop);
}

/// A read-only attribute of built-in type `ty`: a `getset_descriptor`
/// (`getset`) or a `member_descriptor` whose getter is native.
pub fn add_native_attr(vm: &Vm, getset: bool, ty: Value, name: &'static str, getter: NativeFn) {
    let fget = native(vm, name, getter);
    let descriptor = vm.new_native_attr(getset, name, ty, fget);
    set_type_attr(vm, ty, name, descriptor);
}

/// `real`, and `numerator` of an int.
fn real_of(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args.first().and_then(|v| vm.as_num(*v)) {
        Some(Num::Complex(z)) => Ok(Value::from_f64(z.re)),
        Some(n) => Ok(vm.num_value(n)),
        None => Err(vm.type_error("descriptor 'real' requires a number")),
    }
}

fn imag_of(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    match args.first().and_then(|v| vm.as_num(*v)) {
        Some(Num::Complex(z)) => Ok(Value::from_f64(z.im)),
        Some(Num::Float(_)) => Ok(Value::from_f64(0.0)),
        Some(Num::Int(_)) => Ok(vm.heap.new_int_i64(0)),
        None => Err(vm.type_error("descriptor 'imag' requires a number")),
    }
}

fn denominator_of(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.new_int_i64(1))
}

/// `start`, `stop` or `step` of a range or slice.
fn bound_of(vm: &Vm, args: &[Value], pick: fn([Value; 3]) -> Value) -> PyResult {
    let v = args.first().copied().unwrap_or(Value::NONE);
    if let Some(r) = Gc::<RangeObj>::from_value(v) {
        return Ok(pick([r.start, r.stop, r.step]));
    }
    if let Some(s) = Gc::<SliceObj>::from_value(v) {
        return Ok(pick([s.start, s.stop, s.step]));
    }
    Err(vm.type_error(&format!("descriptor requires a 'range' object, not '{}'", vm.type_name(v))))
}

fn start_of(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    bound_of(vm, args, |b| b[0])
}

fn stop_of(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    bound_of(vm, args, |b| b[1])
}

fn step_of(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    bound_of(vm, args, |b| b[2])
}

// ---- int

fn int_recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<Int> {
    args.first()
        .and_then(|v| vm.as_int(*v))
        .ok_or_else(|| vm.type_error(&format!("descriptor '{name}' requires a 'int' object")))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let n = int_recv(vm, args, "bit_length")?;
    method_no_args(vm, args, kwnames, "bit_length")?;
    Ok(vm.heap.new_int_i64(n.bit_length() as i64))
}

/// `conjugate`, `__index__`, `__int__`, `__trunc__`: the int itself (a
/// plain int for bools and subclasses).
/// An int's method that gives the int itself (`conjugate`, `__trunc__`,
/// `__floor__`, `__ceil__`).
fn int_itself(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let n = int_recv(vm, args, name)?;
    method_no_args(vm, args, kwnames, name)?;
    Ok(vm.int_value(n))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_itself(vm, args, kwnames, "conjugate")
}

fn int_trunc(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_itself(vm, args, kwnames, "__trunc__")
}

fn int_floor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_itself(vm, args, kwnames, "__floor__")
}

fn int_ceil(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    int_itself(vm, args, kwnames, "__ceil__")
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let n = int_recv(vm, args, "as_integer_ratio")?;
    method_no_args(vm, args, kwnames, "as_integer_ratio")?;
    let items = [vm.int_value(n), Value::from_small_int(1).unwrap_or(Value::NONE)];
    Ok(vm.heap.new_tuple(&items))
}

/// `byteorder` and the keyword-only `signed` of `to_bytes`/`from_bytes`.
/// The first argument is converted by `convert` before `byteorder` is
/// looked at, in Argument Clinic's order.
fn byte_order_args<T>(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    (name, first): (&str, &str),
    convert: impl FnOnce(&mut Vm, Value) -> PyResult<T>,
) -> PyResult<(T, ByteOrder, bool)> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(
            vm.type_error(&format!("{name}() takes exactly 2 positional arguments ({npos} given)"))
        );
    }
    let bound = keyword_args(vm, args, kwnames, name, &[first, "byteorder", "signed"])?;
    let (Some(value), Some(order)) = (bound[0], bound[1]) else {
        let (missing, pos) = if bound[0].is_none() { (first, 1) } else { ("byteorder", 2) };
        return Err(
            vm.type_error(&format!("{name}() missing required argument '{missing}' (pos {pos})"))
        );
    };
    let value = convert(vm, value)?;
    let Some(order_str) = str_of(order) else {
        return Err(vm.type_error(&format!(
            "{name}() argument 'byteorder' must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, order)
        )));
    };
    let order = ByteOrder::parse(order_str.as_utf8(&vm.heap)?).map_err(|e| vm.num_error(e))?;
    let signed = match bound[2] {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    Ok((value, order, signed))
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let n = int_recv(vm, args, "to_bytes")?;
    let (length, order, signed) =
        byte_order_args(vm, &args[1..], kwnames, ("to_bytes", "length"), ssize_arg)?;
    let data = int_bytes::to_bytes(&n, length, order, signed).map_err(|e| vm.num_error(e))?;
    Ok(vm.heap.new_bytes(&data))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let (source, order, signed) =
        byte_order_args(vm, &args[1..], kwnames, ("from_bytes", "bytes"), |_, v| Ok(v))?;
    let data = bytes_like_or_ints(vm, source)?;
    let n = vm.int_value(int_bytes::from_bytes(&data, order, signed));
    if cls == vm.heap.types().int {
        return Ok(n);
    }
    vm.call(cls, &[n])
}

/// The bytes of a bytes-like object, or of an iterable of ints in 0..256.
fn bytes_like_or_ints(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = bytearray_of(v) {
        return Ok(b.data.borrow().clone());
    }
    if str_of(v).is_some() {
        return Err(vm.type_error("cannot convert 'str' object to bytes"));
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let i = index_of(vm, item)?;
        match i.to_i64().and_then(|i| u8::try_from(i).ok()) {
            Some(b) => out.push(b),
            None => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

// ---- float

fn float_recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<f64> {
    match args.first().and_then(|v| vm.as_num(*v)) {
        Some(Num::Float(x)) => Ok(x),
        _ => Err(vm.type_error(&format!("descriptor '{name}' requires a 'float' object"))),
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = float_recv(vm, args, "is_integer")?;
    method_no_args(vm, args, kwnames, "is_integer")?;
    Ok(Value::from_bool(float_ops::is_integer(x)))
}

fn float_hex_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = float_recv(vm, args, "hex")?;
    method_no_args(vm, args, kwnames, "hex")?;
    Ok(vm.heap.new_str_from_string(float_hex(x)))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = float_recv(vm, args, "as_integer_ratio")?;
    method_no_args(vm, args, kwnames, "as_integer_ratio")?;
    let (n, d) = float_ops::as_integer_ratio(x).map_err(|e| vm.num_error(e))?;
    let items = [vm.int_value(n), vm.int_value(d)];
    Ok(vm.heap.new_tuple(&items))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = float_recv(vm, args, "conjugate")?;
    method_no_args(vm, args, kwnames, "conjugate")?;
    Ok(Value::from_f64(x))
}

/// What `float.__getformat__` reports for doubles and floats here.
const FLOAT_FORMAT: &str =
    if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" };

/// `float.__getformat__(typestr)`.
fn float_getformat(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let typestr = method_one_arg(vm, args, kwnames, "__getformat__")?;
    let Some(s) = str_of(typestr) else {
        let name = super::str_methods::bad_argument_name(vm, typestr);
        return Err(vm.type_error(&format!("__getformat__() argument must be str, not {name}")));
    };
    match &*s.to_string_lossy() {
        "double" | "float" => Ok(vm.heap.new_str(FLOAT_FORMAT)),
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

/// `float.__set_format__(typestr, fmt)`: only a test hook in CPython; the
/// arguments are checked as there, and the detected format is kept
/// (`'unknown'` is accepted but changes nothing here).
fn float_set_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_kwargs(vm, "__set_format__", kwnames)?;
    if args.len() != 3 {
        let got = args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("__set_format__ expected 2 arguments, got {got}")));
    }
    let mut texts = Vec::with_capacity(2);
    for (i, &v) in args[1..].iter().enumerate() {
        let Some(s) = str_of(v) else {
            let name = super::str_methods::bad_argument_name(vm, v);
            return Err(vm.type_error(&format!(
                "__set_format__() argument {} must be str, not {name}",
                i + 1
            )));
        };
        texts.push(s.to_string_lossy().into_owned());
    }
    if texts[0] != "double" && texts[0] != "float" {
        return Err(vm.value_error("__setformat__() argument 1 must be 'double' or 'float'"));
    }
    match texts[1].as_str() {
        "unknown" => Ok(Value::NONE),
        f if f == FLOAT_FORMAT => Ok(Value::NONE),
        "IEEE, little-endian" | "IEEE, big-endian" => Err(vm.value_error(&format!(
            "can only set {} format to 'unknown' or the detected platform value",
            texts[0]
        ))),
        _ => Err(vm.value_error(
            "__setformat__() argument 2 must be 'unknown', 'IEEE, little-endian' or 'IEEE, big-endian'",
        )),
    }
}

fn float_fromhex_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let text = method_one_arg(vm, args, kwnames, "fromhex")?;
    let Some(s) = str_of(text) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = float_fromhex(s.as_utf8(&vm.heap)?).map_err(|e| vm.num_error(e))?;
    if cls == vm.heap.types().float {
        return Ok(Value::from_f64(x));
    }
    vm.call(cls, &[Value::from_f64(x)])
}

// ---- complex

fn complex_conjugate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let z = match args.first().and_then(|v| vm.as_num(*v)) {
        Some(Num::Complex(z)) => z,
        _ => return Err(vm.type_error("descriptor 'conjugate' requires a 'complex' object")),
    };
    method_no_args(vm, args, kwnames, "conjugate")?;
    let c = z.conjugate();
    Ok(vm.heap.new_complex(c.re, c.im))
}

/// `complex(real=0, imag=0)` and `complex(text)`.
fn complex_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = super::constructors::class_arg(vm, args, vm.heap.types().complex, "complex")?;
    let bound = keyword_args(vm, &args[1..], kwnames, "complex", &["real", "imag"])?;
    // `complex(z)` of an exact complex is `z` itself, as in CPython.
    let complex_t = vm.heap.types().complex;
    if let (Some(r), None) = (bound[0], bound[1]) {
        if cls == complex_t && r.is_ptr() && vm.heap.type_of(r) == complex_t {
            return Ok(r);
        }
    }
    let z = match (bound[0], bound[1]) {
        (None, None) => Complex::new(0.0, 0.0),
        (Some(r), imag) if str_of(r).is_some() => {
            if imag.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string"));
            }
            let text = str_of(r).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            parse_complex(&text).map_err(|e| vm.num_error(e))?
        }
        (real, imag) => {
            // CPython's `complex_new`: parts are combined only when they
            // are complex, so `complex(2.0, -0.0)` keeps its -0.0.
            let (re, re_complex) = match real {
                None => (Complex::new(0.0, 0.0), false),
                Some(v) => complex_part(vm, v, "first")?,
            };
            let (im, im_complex) = match imag {
                None => (Complex::new(0.0, 0.0), false),
                Some(v) if str_of(v).is_some() => {
                    return Err(vm.type_error("complex() second arg can't be a string"))
                }
                Some(v) => complex_part(vm, v, "second")?,
            };
            let real_part = if im_complex { re.re - im.im } else { re.re };
            let imag_part = match imag {
                None => re.im,
                Some(_) if re_complex => im.re + re.im,
                Some(_) => im.re,
            };
            Complex::new(real_part, imag_part)
        }
    };
    Ok(vm.heap.new_complex_of_type(cls, z.re, z.im))
}

/// A part of `complex(...)` and whether it was complex. The first part's
/// `__complex__` wins even on a subclass of a number type, as in CPython's
/// `try_complex_special_method`.
fn complex_part(vm: &mut Vm, v: Value, which: &str) -> PyResult<(Complex, bool)> {
    let user_typed = v.is_ptr() && vm.heap.type_obj(v).is_heap_type();
    if user_typed && which == "first" {
        if let Some(z) = complex_special(vm, v)? {
            return Ok((z, true));
        }
    }
    match vm.as_num(v) {
        Some(Num::Complex(z)) => Ok((z, true)),
        Some(Num::Float(x)) => Ok((Complex::new(x, 0.0), false)),
        Some(Num::Int(i)) => {
            Ok((Complex::new(i.to_f64().map_err(|e| vm.num_error(e))?, 0.0), false))
        }
        None if user_typed => complex_of_object(vm, v, which),
        None => {
            let what = if which == "first" { "a string or a number" } else { "a number" };
            Err(vm.type_error(&format!(
                "complex() {which} argument must be {what}, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

/// `v.__complex__()` when its type defines it, checked to be complex.
fn complex_special(vm: &mut Vm, v: Value) -> PyResult<Option<Complex>> {
    let special = vm.heap.intern("__complex__");
    let Some(m) = vm.heap.lookup_in_type_of(v, special) else { return Ok(None) };
    let z = vm.call_method_value(m, v, &[])?;
    match vm.as_num(z) {
        Some(Num::Complex(z)) => Ok(Some(z)),
        _ => Err(
            vm.type_error(&format!("__complex__ returned non-complex (type {})", vm.type_name(z)))
        ),
    }
}

/// A part of `complex(...)` from an object with `__float__` or `__index__`.
fn complex_of_object(vm: &mut Vm, v: Value, which: &str) -> PyResult<(Complex, bool)> {
    let has = |vm: &Vm, name: &str| vm.heap.lookup_in_type_of(v, vm.heap.intern(name)).is_some();
    if has(vm, "__float__") || has(vm, "__index__") {
        let float = vm.heap.types().float;
        let x = vm.call(float, &[v])?;
        return complex_part(vm, x, which);
    }
    let what = if which == "first" { "a string or a number" } else { "a number" };
    Err(vm.type_error(&format!(
        "complex() {which} argument must be {what}, not '{}'",
        vm.type_name(v)
    )))
}

// ---- range and slice

fn range_recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<Gc<RangeObj>> {
    args.first()
        .and_then(|v| Gc::<RangeObj>::from_value(*v))
        .ok_or_else(|| vm.type_error(&format!("descriptor '{name}' requires a 'range' object")))
}

/// The position of int `x` in range `r`, if it is there.
fn range_position(vm: &Vm, r: &RangeObj, x: &Int) -> Option<BigInt> {
    let big = |v: Value| vm.as_int(v).map(|i| i.to_bigint());
    let (start, step, len) = (big(r.start)?, big(r.step)?, big(r.len)?);
    let (q, rem) = (x.to_bigint() - start).div_mod_floor(&step);
    let zero = BigInt::from(0);
    (rem == zero && q >= zero && q < len).then_some(q)
}

/// Occurrences of `x` by equality, for values that are not ints.
fn range_scan(vm: &mut Vm, range: Value, x: Value, first_only: bool) -> PyResult<(i64, i64)> {
    let it = vm.get_iter(range)?;
    let mark = vm.push_temp(it);
    let result = (|| {
        let (mut count, mut first, mut i) = (0, -1, 0);
        while let Some(item) = vm.iter_next(it)? {
            if vm.keys_equal(item, x)? {
                count += 1;
                if first < 0 {
                    first = i;
                }
                if first_only {
                    break;
                }
            }
            i += 1;
        }
        Ok((count, first))
    })();
    vm.truncate_temps(mark);
    result
}

fn range_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let r = range_recv(vm, args, "index")?;
    let x = method_one_arg(vm, args, kwnames, "index")?;
    match vm.as_int(x) {
        Some(i) if !vm.heap.type_obj(x).is_heap_type() => match range_position(vm, &r, &i) {
            Some(q) => Ok(vm.int_value(Int::from_big(q))),
            None => {
                let text = vm.repr_of_value(x)?;
                Err(vm.value_error(&format!("{text} is not in range")))
            }
        },
        _ => match range_scan(vm, args[0], x, true)? {
            (_, first) if first >= 0 => Ok(vm.heap.new_int_i64(first)),
            _ => Err(vm.value_error("sequence.index(x): x not in sequence")),
        },
    }
}

fn range_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let r = range_recv(vm, args, "count")?;
    let x = method_one_arg(vm, args, kwnames, "count")?;
    let n = match vm.as_int(x) {
        Some(i) if !vm.heap.type_obj(x).is_heap_type() => {
            range_position(vm, &r, &i).is_some() as i64
        }
        _ => range_scan(vm, args[0], x, false)?.0,
    };
    Ok(vm.heap.new_int_i64(n))
}

/// `slice.__reduce__`: `(slice, (start, stop, step))`.
fn slice_reduce(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let Some(s) = args.first().and_then(|v| Gc::<SliceObj>::from_value(*v)) else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'slice' object"));
    };
    let parts = vm.heap.new_tuple(&[s.start, s.stop, s.step]);
    let slice = vm.heap.types().slice;
    Ok(vm.heap.new_tuple(&[slice, parts]))
}

fn slice_indices_method(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(s) = args.first().and_then(|v| Gc::<SliceObj>::from_value(*v)) else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let len = method_one_arg(vm, args, kwnames, "indices")?;
    let len = index_of(vm, len)?.to_i64_saturating();
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step, _) = slice_indices(&vm.heap, s, len)?;
    let items = [vm.heap.new_int_i64(start), vm.heap.new_int_i64(stop), vm.heap.new_int_i64(step)];
    Ok(vm.heap.new_tuple(&items))
}

/// `range.__reduce__`: `(range, (start, stop, step))`.
fn range_reduce(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::method_no_args(vm, args, kwnames, "__reduce__")?;
    let Some(r) = Gc::<crate::object::range::RangeObj>::from_value(args[0]) else {
        return Err(vm.type_error("descriptor '__reduce__' requires a 'range' object"));
    };
    let bounds = vm.heap.new_tuple(&[r.start, r.stop, r.step]);
    Ok(vm.heap.new_tuple(&[vm.heap.types().range, bounds]))
}
