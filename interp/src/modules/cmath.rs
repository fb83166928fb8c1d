//! `cmath`: the complex functions of CPython's `Modules/cmathmodule.c`,
//! with its C99 Annex G special values (7x7 tables by the class of the
//! real and imaginary parts), its overflow-avoiding formulas, and its
//! errors (`errno` EDOM is "math domain error", ERANGE "math range error").
//! The tables are 3.8's: later versions changed `acosh(±0+nanj)`.

use super::math::{as_f64, isclose_args};
use super::support::function_module;
use crate::builtins::{arg_range, exactly_one};
use crate::number::complex::Complex;
use crate::number::tower::Num;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::f64::consts::{E, LN_2, PI};

/// CPython's `errno` after a complex function.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Errno {
    Ok,
    Domain,
    Range,
}

type C = (f64, f64);
type Outcome = (C, Errno);

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const P: f64 = PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
/// Entries no finite argument reaches.
const U: f64 = -9.542_631_940_771_103e33;

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// The class of a double: -inf, negative, -0, +0, positive, +inf, nan.
fn class(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d > 0.0 {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

type Table = [[C; 7]; 7];

fn special(table: &Table, z: C) -> C {
    table[class(z.0)][class(z.1)]
}

fn is_finite(z: C) -> bool {
    z.0.is_finite() && z.1.is_finite()
}

const ACOS: Table = [
    [(P34, INF), (P, INF), (P, INF), (P, -INF), (P, -INF), (P34, -INF), (N, INF)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P12, INF), (U, U), (P12, 0.), (P12, -0.), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (P12, 0.), (P12, -0.), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P14, INF), (0., INF), (0., INF), (0., -INF), (0., -INF), (P14, -INF), (N, INF)],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];

const ACOSH: Table = [
    [(INF, -P34), (INF, -P), (INF, -P), (INF, P), (INF, P), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -P12), (0., P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -P12), (0., P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

const ASINH: Table = [
    [(-INF, -P14), (-INF, -0.), (-INF, -0.), (-INF, 0.), (-INF, 0.), (-INF, P14), (-INF, N)],
    [(-INF, -P12), (U, U), (U, U), (U, U), (U, U), (-INF, P12), (N, N)],
    [(-INF, -P12), (U, U), (-0., -0.), (-0., 0.), (U, U), (-INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -0.), (0., 0.), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, -0.), (N, 0.), (N, N), (INF, N), (N, N)],
];

const ATANH: Table = [
    [(-0., -P12), (-0., -P12), (-0., -P12), (-0., P12), (-0., P12), (-0., P12), (-0., N)],
    [(-0., -P12), (U, U), (U, U), (U, U), (U, U), (-0., P12), (N, N)],
    [(-0., -P12), (U, U), (-0., -0.), (-0., 0.), (U, U), (-0., P12), (-0., N)],
    [(0., -P12), (U, U), (0., -0.), (0., 0.), (U, U), (0., P12), (0., N)],
    [(0., -P12), (U, U), (U, U), (U, U), (U, U), (0., P12), (N, N)],
    [(0., -P12), (0., -P12), (0., -P12), (0., P12), (0., P12), (0., P12), (0., N)],
    [(0., -P12), (N, N), (N, N), (N, N), (N, N), (0., P12), (N, N)],
];

const COSH: Table = [
    [(INF, N), (U, U), (INF, 0.), (INF, -0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, 0.), (U, U), (1., 0.), (1., -0.), (U, U), (N, 0.), (N, 0.)],
    [(N, 0.), (U, U), (1., -0.), (1., 0.), (U, U), (N, 0.), (N, 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const EXP: Table = [
    [(0., 0.), (U, U), (0., -0.), (0., 0.), (U, U), (0., 0.), (0., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const LOG: Table = [
    [(INF, -P34), (INF, -P), (INF, -P), (INF, P), (INF, P), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -P), (-INF, P), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -0.), (-INF, 0.), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

const SINH: Table = [
    [(INF, N), (U, U), (-INF, -0.), (-INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0., N), (U, U), (-0., -0.), (-0., 0.), (U, U), (0., N), (0., N)],
    [(0., N), (U, U), (0., -0.), (0., 0.), (U, U), (0., N), (0., N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const SQRT: Table = [
    [(INF, -INF), (0., -INF), (0., -INF), (0., INF), (0., INF), (INF, INF), (N, INF)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0., -0.), (0., 0.), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0., -0.), (0., 0.), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, INF), (INF, N)],
    [(INF, -INF), (N, N), (N, N), (N, N), (N, N), (INF, INF), (N, N)],
];

const TANH: Table = [
    [(-1., 0.), (U, U), (-1., -0.), (-1., 0.), (U, U), (-1., 0.), (-1., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (-0., -0.), (-0., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (0., -0.), (0., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(1., 0.), (U, U), (1., -0.), (1., 0.), (U, U), (1., 0.), (1., 0.)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

const RECT: Table = [
    [(INF, N), (U, U), (-INF, 0.), (-INF, -0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0., 0.), (U, U), (-0., 0.), (-0., -0.), (U, U), (0., 0.), (0., 0.)],
    [(0., 0.), (U, U), (0., -0.), (0., 0.), (U, U), (0., 0.), (0., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

/// `log1p` with C's handling of signed zeros.
fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

/// `f(i*z)` turned back: `g(z) = -i f(iz)`.
fn rotated(z: C, f: fn(C) -> Outcome) -> Outcome {
    let (s, e) = f((-z.1, z.0));
    ((s.1, -s.0), e)
}

fn c_sqrt(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&SQRT, z), Errno::Ok);
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return ((0.0, z.1), Errno::Ok);
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal parts: scale up by 2**53 and back by 2**-27.
        let ax = ax * 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.0 >= 0.0 { (s, d.copysign(z.1)) } else { (d, s.copysign(z.1)) };
    (r, Errno::Ok)
}

fn c_acos(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&ACOS, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        (z.1.abs().atan2(z.0), -((z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0).copysign(z.1))
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1)).0;
        let s2 = c_sqrt((1.0 + z.0, z.1)).0;
        (2.0 * s1.0.atan2(s2.0), super::math::asinh_f64(s2.0 * s1.1 - s2.1 * s1.0))
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&ACOSH, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        ((z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0, z.1.atan2(z.0))
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1)).0;
        let s2 = c_sqrt((z.0 + 1.0, z.1)).0;
        (super::math::asinh_f64(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0))
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&ASINH, z), Errno::Ok);
    }
    let r = if z.0.abs() > LARGE_DOUBLE || z.1.abs() > LARGE_DOUBLE {
        let m = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 { m.copysign(z.0) } else { -m.copysign(-z.0) };
        (re, z.1.atan2(z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0)).0;
        let s2 = c_sqrt((1.0 - z.1, z.0)).0;
        (super::math::asinh_f64(s1.0 * s2.1 - s2.0 * s1.1), z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1))
    };
    (r, Errno::Ok)
}

fn c_asin(z: C) -> Outcome {
    rotated(z, c_asinh)
}

fn c_atanh(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&ATANH, z), Errno::Ok);
    }
    if z.0 < 0.0 {
        let (r, e) = c_atanh(neg(z));
        return (neg(r), e);
    }
    let ay = z.1.abs();
    let sqrt_large = LARGE_DOUBLE.sqrt();
    if z.0 > sqrt_large || ay > sqrt_large {
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        return ((z.0 / 4.0 / h / h, (PI / 2.0).copysign(z.1)), Errno::Ok);
    }
    if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return ((INF, z.1), Errno::Domain);
        }
        let re = -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln();
        return ((re, (2f64.atan2(-ay) / 2.0).copysign(z.1)), Errno::Ok);
    }
    let re = log1p(4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)) / 4.0;
    let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    ((re, im), Errno::Ok)
}

fn c_atan(z: C) -> Outcome {
    rotated(z, c_atanh)
}

/// The result for an infinite real part and a finite nonzero imaginary
/// part (`cosh`, `sinh`, `exp`, `rect`): infinities or zeros with the
/// signs of cos(y) and sin(y).
fn infinite_direction(magnitude: f64, y: f64) -> C {
    (magnitude.copysign(y.cos()), magnitude.copysign(y.sin()))
}

fn overflow_checked(r: C) -> Outcome {
    let e = if r.0.is_infinite() || r.1.is_infinite() { Errno::Range } else { Errno::Ok };
    (r, e)
}

/// cosh (`even`) or sinh of z: cos(y)·f(x) + i·sin(y)·g(x), with (f, g)
/// = (cosh, sinh) or (sinh, cosh), scaled by e near overflow.
fn hyperbolic(z: C, even: bool) -> Outcome {
    type Real = fn(f64) -> f64;
    let (f, g): (Real, Real) = if even { (f64::cosh, f64::sinh) } else { (f64::sinh, f64::cosh) };
    if !is_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let (re, im) = infinite_direction(INF, z.1);
            match (z.0 > 0.0, even) {
                (true, _) => (re, im),
                (false, true) => (re, -im),
                (false, false) => (-re, im),
            }
        } else {
            special(if even { &COSH } else { &SINH }, z)
        };
        let e = if z.1.is_infinite() && !z.0.is_nan() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.0.abs() > LARGE_DOUBLE.ln() {
        let x1 = z.0 - 1f64.copysign(z.0);
        (z.1.cos() * f(x1) * E, z.1.sin() * g(x1) * E)
    } else {
        (z.1.cos() * f(z.0), z.1.sin() * g(z.0))
    };
    overflow_checked(r)
}

fn c_cosh(z: C) -> Outcome {
    hyperbolic(z, true)
}

fn c_cos(z: C) -> Outcome {
    c_cosh((-z.1, z.0))
}

fn c_sinh(z: C) -> Outcome {
    hyperbolic(z, false)
}

fn c_sin(z: C) -> Outcome {
    rotated(z, c_sinh)
}

fn c_tanh(z: C) -> Outcome {
    if !is_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let im = 0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            (if z.0 > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            special(&TANH, z)
        };
        let e = if z.1.is_infinite() && z.0.is_finite() { Errno::Domain } else { Errno::Ok };
        return (r, e);
    }
    let r = if z.0.abs() > LARGE_DOUBLE.ln() {
        (1f64.copysign(z.0), 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp())
    } else {
        let tx = z.0.tanh();
        let ty = z.1.tan();
        let cx = 1.0 / z.0.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_tan(z: C) -> Outcome {
    rotated(z, c_tanh)
}

fn c_exp(z: C) -> Outcome {
    if !is_finite(z) {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            infinite_direction(if z.0 > 0.0 { INF } else { 0.0 }, z.1)
        } else {
            special(&EXP, z)
        };
        let e = if z.1.is_infinite() && (z.0.is_finite() || z.0 == INF) {
            Errno::Domain
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.0 > LARGE_DOUBLE.ln() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    overflow_checked(r)
}

fn c_log(z: C) -> Outcome {
    if !is_finite(z) {
        return (special(&LOG, z), Errno::Ok);
    }
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let scale = 2f64.powi(53);
            (ax * scale).hypot(ay * scale).ln() - 53.0 * LN_2
        } else {
            return ((-INF, z.1.atan2(z.0)), Errno::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    ((re, z.1.atan2(z.0)), Errno::Ok)
}

fn c_log10(z: C) -> Outcome {
    let (r, e) = c_log(z);
    let ln10 = std::f64::consts::LN_10;
    ((r.0 / ln10, r.1 / ln10), e)
}

// ---- the Python interface

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", acos),
        ("acosh", acosh),
        ("asin", asin),
        ("asinh", asinh),
        ("atan", atan),
        ("atanh", atanh),
        ("cos", cos),
        ("cosh", cosh),
        ("exp", exp),
        ("log", log),
        ("log10", log10),
        ("sin", sin),
        ("sinh", sinh),
        ("sqrt", sqrt),
        ("tan", tan),
        ("tanh", tanh),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
    ];
    let module = function_module(vm, "cmath", funcs)?;
    let consts = [("pi", PI), ("e", E), ("tau", std::f64::consts::TAU), ("inf", INF), ("nan", N)];
    for (name, x) in consts {
        super::module_set(vm, module, name, Value::from_f64(x))?;
    }
    let infj = vm.heap.new_complex(0.0, INF);
    super::module_set(vm, module, "infj", infj)?;
    let nanj = vm.heap.new_complex(0.0, N);
    super::module_set(vm, module, "nanj", nanj)?;
    Ok(module)
}

/// A complex argument (`PyArg_Parse`'s "D"): complex, `__complex__`, or
/// a real number.
fn complex_arg(vm: &mut Vm, v: Value) -> PyResult<C> {
    match vm.as_num(v) {
        Some(Num::Complex(z)) => return Ok((z.re, z.im)),
        Some(Num::Float(x)) => return Ok((x, 0.0)),
        _ => {}
    }
    let name = vm.heap.intern("__complex__");
    if v.is_ptr() && vm.heap.lookup_in_type_of(v, name).is_some() {
        let r = vm.call_method_by_name(v, "__complex__", &[])?;
        return match vm.as_num(r) {
            Some(Num::Complex(z)) => Ok((z.re, z.im)),
            _ => Err(vm.type_error(&format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(r)
            ))),
        };
    }
    Ok((as_f64(vm, v)?, 0.0))
}

fn result(vm: &Vm, outcome: Outcome) -> PyResult {
    match outcome {
        (r, Errno::Ok) => Ok(vm.heap.new_complex(r.0, r.1)),
        (_, Errno::Domain) => Err(vm.value_error("math domain error")),
        (_, Errno::Range) => Err(PyErr::overflow_error(&vm.heap, "math range error")),
    }
}

fn apply(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(C) -> Outcome,
) -> PyResult {
    let z = exactly_one(vm, name, args, kwnames)?;
    let z = complex_arg(vm, z)?;
    result(vm, f(z))
}

macro_rules! complex_functions {
    ($($name:ident => $f:ident;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                apply(vm, args, kwnames, stringify!($name), $f)
            }
        )*
    };
}

complex_functions! {
    acos => c_acos;
    acosh => c_acosh;
    asin => c_asin;
    asinh => c_asinh;
    atan => c_atan;
    atanh => c_atanh;
    cos => c_cos;
    cosh => c_cosh;
    exp => c_exp;
    log10 => c_log10;
    sin => c_sin;
    sinh => c_sinh;
    sqrt => c_sqrt;
    tan => c_tan;
    tanh => c_tanh;
}

fn log(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "log", args, kwnames, 1, 2)?;
    let z = complex_arg(vm, args[0])?;
    let (mut r, mut e) = c_log(z);
    if let Some(&base) = args.get(1) {
        let b = complex_arg(vm, base)?;
        let (lb, eb) = c_log(b);
        if eb != Errno::Ok {
            e = eb;
        }
        match Complex::new(r.0, r.1).try_div(Complex::new(lb.0, lb.1)) {
            Ok(q) => r = (q.re, q.im),
            Err(_) => e = Errno::Domain,
        }
    }
    result(vm, (r, e))
}

fn phase(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let z = exactly_one(vm, "phase", args, kwnames)?;
    let z = complex_arg(vm, z)?;
    Ok(Value::from_f64(z.1.atan2(z.0)))
}

fn polar(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let z = exactly_one(vm, "polar", args, kwnames)?;
    let z = complex_arg(vm, z)?;
    let r = Complex::new(z.0, z.1)
        .abs()
        .map_err(|_| PyErr::overflow_error(&vm.heap, "math range error"))?;
    Ok(vm.heap.new_tuple(&[Value::from_f64(r), Value::from_f64(z.1.atan2(z.0))]))
}

fn rect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "rect", args, kwnames, 2, 2)?;
    let r = as_f64(vm, args[0])?;
    let phi = as_f64(vm, args[1])?;
    let outcome = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let d = infinite_direction(INF, phi);
            if r > 0.0 {
                d
            } else {
                neg(d)
            }
        } else {
            special(&RECT, (r, phi))
        };
        let e =
            if r != 0.0 && !r.is_nan() && phi.is_infinite() { Errno::Domain } else { Errno::Ok };
        (z, e)
    } else if phi == 0.0 {
        ((r, r * phi), Errno::Ok)
    } else {
        ((r * phi.cos(), r * phi.sin()), Errno::Ok)
    };
    result(vm, outcome)
}

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(C) -> bool,
) -> PyResult {
    let z = exactly_one(vm, name, args, kwnames)?;
    let z = complex_arg(vm, z)?;
    Ok(Value::from_bool(f(z)))
}

fn isfinite(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isfinite", is_finite)
}

fn isinf(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isinf", |z| z.0.is_infinite() || z.1.is_infinite())
}

fn isnan(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isnan", |z| z.0.is_nan() || z.1.is_nan())
}

fn isclose(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (a, b, rel_tol, abs_tol) = isclose_args(vm, args, kwnames)?;
    let a = complex_arg(vm, a)?;
    let b = complex_arg(vm, b)?;
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let abs = |z: C| Complex::new(z.0, z.1).abs().unwrap_or(INF);
    let diff = abs((a.0 - b.0, a.1 - b.1));
    let close = diff <= rel_tol * abs(b) || diff <= rel_tol * abs(a) || diff <= abs_tol;
    Ok(Value::from_bool(close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values_and_errors() {
        assert_eq!(c_sqrt((-4.0, 0.0)), ((0.0, 2.0), Errno::Ok));
        assert_eq!(c_log((0.0, 0.0)).1, Errno::Domain);
        assert_eq!(c_exp((1000.0, 0.0)).1, Errno::Range);
        assert_eq!(class(-0.0), 2);
        assert_eq!(special(&SQRT, (INF, 0.0)), (INF, 0.0));
    }
}
