//! The `math` module of Python 3.8, after `Modules/mathmodule.c`: each
//! libm function wrapped with CPython's error rules (a NaN from a non-NaN
//! argument is a domain error, an infinity from a finite one a range or
//! domain error), exact `fsum`, the 3.8 `hypot`/`dist` vector norm, and the
//! integer functions on big ints.

use super::math_special as special;
use crate::builtins::arg_range;
use crate::builtins::functions::index_of;
use crate::builtins::str_methods::keyword_args;
use crate::bytecode::instr::BinOp;
use crate::number::float as float_ops;
use crate::number::int::Int;
use crate::number::tower::Num;
use crate::object::{PyErr, Value};
use crate::vm::function::{module_of, NativeFn};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("math")?;
    let mark = vm.push_temp(module);
    let result = fill(vm, module);
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn fill(vm: &mut Vm, module: Value) -> PyResult<()> {
    let dict = module_of(module).expect("a module").dict;
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, x) in consts {
        let key = vm.heap.intern(name);
        vm.dict_set_item(dict, key, Value::from_f64(x))?;
    }
    let funcs: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("atan2", atan2),
        ("copysign", copysign),
        ("fmod", fmod),
        ("pow", pow),
        ("remainder", remainder),
        ("degrees", degrees),
        ("radians", radians),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("fsum", fsum),
        ("hypot", hypot),
        ("dist", dist),
        ("factorial", factorial),
        ("gcd", gcd),
        ("isqrt", isqrt),
        ("comb", comb),
        ("perm", perm),
        ("prod", prod),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
    ];
    super::add_functions(vm, module, funcs)
}

fn domain_error(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> PyErr {
    PyErr::overflow_error(&vm.heap, "math range error")
}

/// A real number argument as a float (`PyFloat_AsDouble`).
pub(super) fn as_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(Num::Float(x)) => Ok(x),
        Some(Num::Int(i)) => i.to_f64().map_err(|e| vm.num_error(e)),
        Some(Num::Complex(_)) => Err(vm.type_error("can't convert complex to float")),
        None => {
            let name = vm.heap.intern("__float__");
            let ty = vm.heap.type_of(v);
            if vm.heap.lookup(vm.heap.type_obj(v), name).is_some() {
                let method = vm.get_attr(v, name)?;
                let r = vm.call(method, &[])?;
                if let Some(Num::Float(x)) = vm.as_num(r) {
                    return Ok(x);
                }
                return Err(vm.type_error(&format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.heap.type_obj(ty).name(),
                    vm.type_name(r)
                )));
            }
            Err(crate::builtins::real_required(vm, v))
        }
    }
}

fn one(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::exactly_one(vm, name, args, kwnames)
}

/// CPython's `math_1`: `f` of one float with the module's error rules.
fn math_1(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult {
    let x = one(vm, name, args, kwnames)?;
    let x = as_f64(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(Value::from_f64(r))
}

/// The unary functions compiled traces may call directly, by name, for
/// the natives behind `math.NAME`.
pub(crate) fn traceable_unary(f: NativeFn) -> Option<&'static str> {
    let table: [(NativeFn, &'static str); 8] = [
        (sqrt, "sqrt"),
        (exp, "exp"),
        (sin, "sin"),
        (cos, "cos"),
        (tan, "tan"),
        (atan, "atan"),
        (fabs, "fabs"),
        (tanh, "tanh"),
    ];
    table.iter().find(|(g, _)| *g as usize == f as usize).map(|(_, n)| *n)
}

macro_rules! unary_functions {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                math_1(vm, args, kwnames, stringify!($name), $f, $overflow)
            }
        )*
    };
}

unary_functions! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => asinh_f64, false;
    acosh => acosh_f64, false;
    atanh => atanh_f64, false;
    fabs => f64::abs, false;
    erf => special::erf, false;
    erfc => special::erfc, false;
}

/// `gamma` and `lgamma`, whose errors CPython reports from `errno`.
fn special_1(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(f64) -> Result<f64, special::SpecialError>,
) -> PyResult {
    let x = one(vm, name, args, kwnames)?;
    let x = as_f64(vm, x)?;
    match f(x) {
        Ok(r) => Ok(Value::from_f64(r)),
        Err(special::SpecialError::Domain) => Err(domain_error(vm)),
        Err(special::SpecialError::Range) => Err(range_error(vm)),
    }
}

fn gamma(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    special_1(vm, args, kwnames, "gamma", special::gamma)
}

fn lgamma(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    special_1(vm, args, kwnames, "lgamma", special::lgamma)
}

/// fdlibm's `asinh`, as the C library computes it (Rust's overflows early).
pub(super) fn asinh_f64(x: f64) -> f64 {
    let a = x.abs();
    if !a.is_finite() {
        return x + x;
    }
    if a < 2f64.powi(-28) {
        return x;
    }
    let r = if a > 2f64.powi(28) {
        a.ln() + std::f64::consts::LN_2
    } else if a > 2.0 {
        (2.0 * a + 1.0 / ((x * x + 1.0).sqrt() + a)).ln()
    } else {
        let t = x * x;
        (a + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    r.copysign(x)
}

/// glibc's `atanh`: computed on |x| and signed after, which keeps the
/// digits near -1 that `f64::atanh`'s one formula loses.
fn atanh_f64(x: f64) -> f64 {
    let a = x.abs();
    if a.is_nan() || a > 1.0 {
        return f64::NAN;
    }
    if a == 1.0 {
        return f64::INFINITY.copysign(x);
    }
    if a < 2f64.powi(-28) {
        return x;
    }
    let t = if a < 0.5 {
        let t = a + a;
        0.5 * (t + t * a / (1.0 - a)).ln_1p()
    } else {
        0.5 * ((a + a) / (1.0 - a)).ln_1p()
    };
    t.copysign(x)
}

/// fdlibm's `acosh`.
fn acosh_f64(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        return f64::NAN;
    }
    if x >= 2f64.powi(28) {
        return if x.is_infinite() { x } else { x.ln() + std::f64::consts::LN_2 };
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        return (2.0 * x - 1.0 / (x + (x * x - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

fn scaled(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, factor: f64) -> PyResult {
    let x = one(vm, name, args, kwnames)?;
    let x = as_f64(vm, x)?;
    Ok(Value::from_f64(x * factor))
}

fn degrees(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    scaled(vm, args, kwnames, "degrees", 180.0 / std::f64::consts::PI)
}

fn radians(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    scaled(vm, args, kwnames, "radians", std::f64::consts::PI / 180.0)
}

/// CPython's `loghelper`: ints too large for a float are split into a
/// mantissa and a power of two.
fn log_of(vm: &mut Vm, v: Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(n) = vm.as_int(v) {
        if !n.is_negative() && !n.is_zero() {
            if let Ok(x) = n.to_f64() {
                return Ok(f(x));
            }
            let big = n.to_bigint();
            let e = big.bits() as i64 - 60;
            let top = (big >> e as usize).to_f64().unwrap_or(f64::NAN);
            return Ok(f(top) + f(2.0) * e as f64);
        }
        return Err(domain_error(vm));
    }
    let x = as_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = crate::builtins::no_kwargs(vm, "log", args, kwnames)?;
    if !(1..=2).contains(&args.len()) {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, args[0], f64::ln)?;
    let Some(&base) = args.get(1) else {
        return Ok(Value::from_f64(num));
    };
    let den = log_of(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(PyErr::zero_division_error(&vm.heap, "float division by zero"));
    }
    Ok(Value::from_f64(num / den))
}

fn log_1(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(f64) -> f64,
) -> PyResult {
    let x = one(vm, name, args, kwnames)?;
    log_of(vm, x, f).map(Value::from_f64)
}

fn log2(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    log_1(vm, args, kwnames, "log2", f64::log2)
}

fn log10(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    log_1(vm, args, kwnames, "log10", f64::log10)
}

fn log1p(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    math_1(vm, args, kwnames, "log1p", f64::ln_1p, false)
}

fn two_floats(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<(f64, f64)> {
    let args = arg_range(vm, name, args, kwnames, 2, 2)?;
    let x = as_f64(vm, args[0])?;
    let y = as_f64(vm, args[1])?;
    Ok((x, y))
}

fn atan2(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (y, x) = two_floats(vm, args, kwnames, "atan2")?;
    Ok(Value::from_f64(y.atan2(x)))
}

fn copysign(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwnames, "copysign")?;
    Ok(Value::from_f64(x.copysign(y)))
}

fn fmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwnames, "fmod")?;
    if y == 0.0 && !x.is_nan() {
        return Err(domain_error(vm));
    }
    float_ops::fmod(x, y).map(Value::from_f64).map_err(|e| vm.num_error(e))
}

fn pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwnames, "pow")?;
    if !x.is_finite() || !y.is_finite() {
        // 0 ** -inf divides by zero: EDOM in CPython's math_pow.
        if x == 0.0 && y == f64::NEG_INFINITY {
            return Err(domain_error(vm));
        }
        return Ok(Value::from_f64(x.powf(y)));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain_error(vm) } else { range_error(vm) });
    }
    Ok(Value::from_f64(r))
}

/// IEEE 754 remainder, as CPython's `m_remainder` computes it.
fn remainder(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (x, y) = two_floats(vm, args, kwnames, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::from_f64(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return Ok(Value::from_f64(x));
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half way: the result is the even multiple's remainder.
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::from_f64(1.0f64.copysign(x) * r))
}

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(f64) -> bool,
) -> PyResult {
    let x = one(vm, name, args, kwnames)?;
    let x = as_f64(vm, x)?;
    Ok(Value::from_bool(f(x)))
}

fn isfinite(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isfinite", f64::is_finite)
}

fn isinf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isinf", f64::is_infinite)
}

fn isnan(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isnan", f64::is_nan)
}

/// The arguments of `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)` (here
/// and in `cmath`): `a`, `b` as given, the tolerances checked.
pub(super) fn isclose_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<(Value, Value, f64, f64)> {
    let npos = args.len() - kwnames.len();
    if npos > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let bound = keyword_args(vm, args, kwnames, "isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    let (Some(a), Some(b)) = (bound[0], bound[1]) else {
        let (missing, pos) = if bound[0].is_none() { ("a", 1) } else { ("b", 2) };
        return Err(
            vm.type_error(&format!("isclose() missing required argument '{missing}' (pos {pos})"))
        );
    };
    let rel_tol = match bound[2] {
        Some(v) => as_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match bound[3] {
        Some(v) => as_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    Ok((a, b, rel_tol, abs_tol))
}

fn isclose(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, args, kwnames)?;
    let a = as_f64(vm, a)?;
    let b = as_f64(vm, b)?;
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(Value::from_bool(close))
}

/// `floor`, `ceil`, `trunc`: ints unchanged, floats rounded to an int, other
/// objects through their `__floor__`/`__ceil__`/`__trunc__`.
fn to_integral(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult {
    let v = one(vm, name, args, kwnames)?;
    if let Some(i) = vm.as_int(v) {
        return Ok(vm.int_value(i));
    }
    if let Some(Num::Float(x)) = vm.as_num(v) {
        return Int::from_f64(f(x)).map(|i| vm.int_value(i)).map_err(|e| vm.num_error(e));
    }
    // Looked up on the type, as CPython's `_PyObject_LookupSpecial`: the
    // instance's `__getattribute__` is not asked.
    let method_name = vm.heap.intern(dunder);
    if let Some(method) = vm.heap.lookup_in_type_of(v, method_name) {
        return vm.call_method_value(method, v, &[]);
    }
    if name == "trunc" {
        return Err(
            vm.type_error(&format!("type {} doesn't define __trunc__ method", vm.type_name(v)))
        );
    }
    let x = as_f64(vm, v)?;
    Int::from_f64(f(x)).map(|i| vm.int_value(i)).map_err(|e| vm.num_error(e))
}

fn floor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    to_integral(vm, args, kwnames, "floor", "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    to_integral(vm, args, kwnames, "ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    to_integral(vm, args, kwnames, "trunc", "__trunc__", f64::trunc)
}

fn float_pair(vm: &Vm, a: f64, b: Value) -> Value {
    vm.heap.new_tuple(&[Value::from_f64(a), b])
}

fn modf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = one(vm, "modf", args, kwnames)?;
    let x = as_f64(vm, x)?;
    if x.is_infinite() {
        return Ok(float_pair(vm, 0.0f64.copysign(x), Value::from_f64(x)));
    }
    let int_part = x.trunc();
    Ok(float_pair(vm, (x - int_part).copysign(x), Value::from_f64(int_part)))
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`.
fn split_exponent(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp + bias)
}

fn frexp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = one(vm, "frexp", args, kwnames)?;
    let x = as_f64(vm, x)?;
    let (m, e) = split_exponent(x);
    Ok(float_pair(vm, m, vm.heap.new_int_i64(e)))
}

/// `x * 2**e` rounded once, as C's `ldexp`.
fn scale_by_power_of_two(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, exp) = split_exponent(x);
    let target = exp.saturating_add(e);
    if target > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if target >= -1021 {
        // In two steps: 2**1024 itself is not a float.
        return m * 2f64.powi(target as i32 - 1) * 2.0;
    }
    // Subnormal result: round the 53-bit mantissa once, half to even.
    let mantissa = (m.abs() * 2f64.powi(53)) as u64;
    let shift = (-1021 - target) as u32;
    if shift >= 63 {
        return 0.0f64.copysign(x);
    }
    let kept = mantissa >> shift;
    let rest = mantissa & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    let rounded = if rest > half || rest == half && kept & 1 == 1 { kept + 1 } else { kept };
    // The smallest subnormal: 2**-1074 (powi would overflow on the way).
    (rounded as f64 * f64::from_bits(1)).copysign(x)
}

fn ldexp(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "ldexp", args, kwnames, 2, 2)?;
    let x = as_f64(vm, args[0])?;
    let Some(e) = vm.as_int(args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = scale_by_power_of_two(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::from_f64(r))
}

/// Every item of an iterable as a float; items stay rooted while `__float__` runs.
fn floats_of(vm: &mut Vm, iterable: Value) -> PyResult<Vec<f64>> {
    let items = vm.collect_iterable(iterable)?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let result = items.iter().map(|&v| as_f64(vm, v)).collect();
    vm.truncate_temps(mark);
    result
}

/// Shewchuk's exactly rounded sum, as CPython's `math_fsum`.
fn fsum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let iterable = one(vm, "fsum", args, kwnames)?;
    let xs = floats_of(vm, iterable)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for mut x in xs {
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::overflow_error(&vm.heap, "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::from_f64(special_sum));
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1) {
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && (lo < 0.0 && partials[n - 1] < 0.0 || lo > 0.0 && partials[n - 1] > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::from_f64(hi))
}

/// The 3.8 `vector_norm` of `hypot` and `dist` (absolute values given).
fn vector_norm(vec: &[f64]) -> f64 {
    let max = vec.iter().fold(0.0f64, |m, x| if x.is_nan() { m } else { m.max(*x) });
    if max.is_infinite() {
        return max;
    }
    if vec.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (mut csum, mut frac) = (1.0f64, 0.0f64);
    for &x in vec {
        let x = x / max;
        let x = x * x;
        let old = csum;
        csum += x;
        frac += (old - csum) + x;
    }
    max * (csum - 1.0 + frac).sqrt()
}

fn hypot(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_kwargs(vm, "hypot", kwnames)?;
    let mut coords = Vec::with_capacity(args.len());
    for &v in args {
        coords.push(as_f64(vm, v)?.abs());
    }
    Ok(Value::from_f64(vector_norm(&coords)))
}

fn dist(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "dist", args, kwnames, 2, 2)?;
    let p = vm.collect_iterable(args[0])?;
    let q = vm.collect_iterable(args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.into_iter().zip(q) {
        let (a, b) = (as_f64(vm, a)?, as_f64(vm, b)?);
        diffs.push((a - b).abs());
    }
    Ok(Value::from_f64(vector_norm(&diffs)))
}

// ---- integer functions

/// An integer argument (`__index__`), as a big int.
fn big_arg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    index_of(vm, v).map(|i| i.to_bigint())
}

fn big_value(vm: &Vm, n: BigInt) -> Value {
    vm.int_value(Int::from_big(n))
}

fn factorial(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = one(vm, "factorial", args, kwnames)?;
    let n = match vm.as_num(v) {
        Some(Num::Float(x)) => {
            if !float_ops::is_integer(x) {
                return Err(vm.value_error("factorial() only accepts integral values"));
            }
            BigInt::from(x as i64)
        }
        _ => big_arg(vm, v)?,
    };
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 1_000_000) else {
        return Err(PyErr::overflow_error(
            &vm.heap,
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let mut acc = BigInt::one();
    for k in 2..=n {
        acc *= k;
    }
    Ok(big_value(vm, acc))
}

fn gcd(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "gcd", args, kwnames, 2, 2)?;
    let a = big_arg(vm, args[0])?;
    let b = big_arg(vm, args[1])?;
    Ok(big_value(vm, a.gcd(&b)))
}

fn isqrt(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = one(vm, "isqrt", args, kwnames)?;
    let n = big_arg(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big_value(vm, n.sqrt()))
}

/// `n` and `k` of `comb`/`perm`, both non-negative.
fn n_and_k(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let n = big_arg(vm, n)?;
    let k = big_arg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n-1) * ... * (n-k+1)`.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        acc *= &f;
        f -= 1;
    }
    acc
}

fn comb(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "comb", args, kwnames, 2, 2)?;
    let (n, k) = n_and_k(vm, args[0], args[1])?;
    if k > n {
        return Ok(vm.heap.new_int_i64(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= 10_000_000) else {
        return Err(PyErr::overflow_error(
            &vm.heap,
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut acc = BigInt::one();
    let mut f = n;
    for i in 1..=k {
        acc = acc * &f / i;
        f -= 1;
    }
    Ok(big_value(vm, acc))
}

fn perm(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "perm", args, kwnames, 1, 2)?;
    // perm(n) is factorial(n) in 3.8, with its float acceptance and errors.
    let k = match args.get(1) {
        Some(v) if !v.is_none() => *v,
        _ => return factorial(vm, &args[..1], &[]),
    };
    let (n, k) = n_and_k(vm, args[0], k)?;
    if k > n {
        return Ok(vm.heap.new_int_i64(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= 10_000_000) else {
        return Err(PyErr::overflow_error(&vm.heap, "k must not exceed 9223372036854775807"));
    };
    Ok(big_value(vm, falling_product(&n, k)))
}

fn prod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(
            vm.type_error(&format!("prod() takes exactly 1 positional argument ({npos} given)"))
        );
    }
    let bound = keyword_args(vm, args, kwnames, "prod", &["iterable", "start"])?;
    let start = bound[1].unwrap_or(Value::from_small_int(1).unwrap_or(Value::NONE));
    let items = vm.collect_iterable(args[0])?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let mut acc = start;
    let result = (|| {
        for &item in &items {
            vm.stack.push(acc);
            acc = vm.binary_op(BinOp::Mul, acc, item)?;
        }
        Ok(acc)
    })();
    vm.truncate_temps(mark);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponent_split_and_scale() {
        assert_eq!(split_exponent(8.0), (0.5, 4));
        assert_eq!(split_exponent(-0.75), (-0.75, 0));
        assert_eq!(split_exponent(5e-324), (0.5, -1073));
        assert_eq!(scale_by_power_of_two(1.0, -1074), 5e-324);
        assert_eq!(scale_by_power_of_two(1.0, -1075), 0.0);
        assert_eq!(scale_by_power_of_two(3.0, -1075), 1e-323);
        assert_eq!(scale_by_power_of_two(1.0, 1024), f64::INFINITY);
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&[3.0, 4.0]), 5.0);
        assert_eq!(vector_norm(&[]), 0.0);
        assert!(vector_norm(&[f64::NAN, 1.0]).is_nan());
        assert_eq!(vector_norm(&[f64::NAN, f64::INFINITY]), f64::INFINITY);
    }
}
