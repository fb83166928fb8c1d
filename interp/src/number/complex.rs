//! Python's `complex` as a value, following `Objects/complexobject.c`:
//! the textbook product, Smith's quotient as CPython writes it, `**` with
//! the repeated-squaring fast path for small integral exponents, `abs`
//! through `hypot`, repr with `j`, and `complex(text)`.

use super::float_parse::{remove_underscores, scan_float};
use super::float_repr::float_repr_bare;
use super::text::{is_ascii_space, str_repr, to_ascii_number_text};
use super::{NumError, NumResult};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// What went wrong inside `_Py_c_quot` or `_Py_c_pow` (CPython's `errno`).
#[derive(Clone, Copy, PartialEq)]
enum Errno {
    Ok,
    /// A zero divisor or zero base with a negative or complex exponent.
    Domain,
}

impl Complex {
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    /// `self / o`.
    pub fn try_div(self, o: Complex) -> NumResult<Complex> {
        match quot(self, o) {
            (_, Errno::Domain) => Err(NumError::zero_division("complex division by zero")),
            (q, Errno::Ok) => Ok(q),
        }
    }

    /// `abs(self)`.
    pub fn abs(self) -> NumResult<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() || self.im.is_infinite() {
                return Ok(f64::INFINITY);
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() {
            return Err(NumError::overflow("absolute value too large"));
        }
        Ok(r)
    }

    /// `self.conjugate()`.
    pub fn conjugate(self) -> Complex {
        Complex::new(self.re, -self.im)
    }

    /// `repr(self)` and `str(self)`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
    pub fn repr(self) -> String {
        if self.re == 0.0 && self.re.is_sign_positive() {
            return format!("{}j", float_repr_bare(self.im));
        }
        let im = float_repr_bare(self.im);
        let sign = if im.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{im}j)", float_repr_bare(self.re))
    }
}

impl std::ops::Add for Complex {
    type Output = Complex;
    fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }
}

impl std::ops::Sub for Complex {
    type Output = Complex;
    fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }
}

impl std::ops::Mul for Complex {
    type Output = Complex;
    /// The textbook product (CPython's `_Py_c_prod`).
    fn mul(self, o: Complex) -> Complex {
        Complex::new(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)
    }
}

impl std::ops::Neg for Complex {
    type Output = Complex;
    fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }
}

/// CPython's `_Py_c_quot`.
fn quot(a: Complex, b: Complex) -> (Complex, Errno) {
    let abs_re = b.re.abs();
    let abs_im = b.im.abs();
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return (Complex::new(0.0, 0.0), Errno::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom), Errno::Ok)
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom), Errno::Ok)
    } else {
        // At least one part of b is a NaN.
        (Complex::new(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// CPython's `_Py_c_pow`.
fn c_pow(a: Complex, b: Complex) -> (Complex, Errno) {
    if b.re == 0.0 && b.im == 0.0 {
        return (Complex::new(1.0, 0.0), Errno::Ok);
    }
    if a.re == 0.0 && a.im == 0.0 {
        let errno = if b.im != 0.0 || b.re < 0.0 { Errno::Domain } else { Errno::Ok };
        return (Complex::new(0.0, 0.0), errno);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    // libm's cos and sin of an infinity set errno to EDOM, which CPython
    // then reports as a zero division; no other call here can.
    let errno = if phase.is_infinite() { Errno::Domain } else { Errno::Ok };
    (Complex::new(len * phase.cos(), len * phase.sin()), errno)
}

/// CPython's `c_powu`: repeated squaring.
fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = Complex::new(1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = r * p;
        }
        mask <<= 1;
        p = p * p;
    }
    r
}

/// CPython's `c_powi`.
fn c_powi(x: Complex, n: i64) -> (Complex, Errno) {
    if !(-100..=100).contains(&n) {
        c_pow(x, Complex::new(n as f64, 0.0))
    } else if n > 0 {
        (c_powu(x, n), Errno::Ok)
    } else {
        quot(Complex::new(1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` (CPython's `complex_pow`).
pub fn pow(a: Complex, b: Complex) -> NumResult<Complex> {
    // C's (long) cast of the real part; out-of-range values never equal it.
    let int_exponent = b.re as i64;
    let (p, errno) = if b.im == 0.0 && b.re == int_exponent as f64 && b.re.abs() < 9.2e18 {
        c_powi(a, int_exponent)
    } else {
        c_pow(a, b)
    };
    if errno == Errno::Domain {
        return Err(NumError::zero_division("0.0 to a negative or complex power"));
    }
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(NumError::overflow("complex exponentiation"));
    }
    Ok(p)
}

/// `complex(s)` for a str `s`.
pub fn parse_complex(s: &str) -> NumResult<Complex> {
    let text = remove_underscores(&to_ascii_number_text(s)).ok_or_else(|| {
        NumError::value(format!("could not convert string to complex: {}", str_repr(s)))
    })?;
    parse_complex_ascii(&text).ok_or_else(|| NumError::value("complex() arg is a malformed string"))
}

/// CPython's `complex_from_string_inner` on ASCII text without underscores.
pub fn parse_complex_ascii(text: &[u8]) -> Option<Complex> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let skip_space = |mut i: usize| {
        while is_ascii_space(at(i)) {
            i += 1;
        }
        i
    };
    let mut i = skip_space(0);
    let bracket = at(i) == b'(';
    if bracket {
        i = skip_space(i + 1);
    }
    let is_j = |c: u8| c == b'j' || c == b'J';
    let sign_unit = |c: u8| if c == b'+' { 1.0 } else { -1.0 };
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, len)) = scan_float(&text[i..]) {
        i += len;
        if at(i) == b'+' || at(i) == b'-' {
            re = z;
            if let Some((y, len)) = scan_float(&text[i..]) {
                im = y;
                i += len;
            } else {
                im = sign_unit(at(i));
                i += 1;
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        } else if is_j(at(i)) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        if at(i) == b'+' || at(i) == b'-' {
            im = sign_unit(at(i));
            i += 1;
        } else {
            im = 1.0;
        }
        if !is_j(at(i)) {
            return None;
        }
        i += 1;
    }
    i = skip_space(i);
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i = skip_space(i + 1);
    }
    (i == text.len()).then_some(Complex::new(re, im))
}

/// The errors of `//`, `%` and `divmod` on complex numbers.
pub fn floordiv_error() -> NumError {
    NumError::type_error("can't take floor of complex number.")
}

pub fn mod_error() -> NumError {
    NumError::type_error("can't mod complex numbers.")
}

pub fn divmod_error() -> NumError {
    NumError::type_error("can't take floor or mod of complex number.")
}

/// `pow(a, b, m)` with a complex operand.
pub fn pow_mod_error() -> NumError {
    NumError::value("complex modulo")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(Complex::new(1.0, 2.0).repr(), "(1+2j)");
        assert_eq!(Complex::new(0.0, 1.0).repr(), "1j");
        assert_eq!(Complex::new(-0.0, -1.0).repr(), "(-0-1j)");
        assert_eq!(Complex::new(0.0, -0.0).repr(), "-0j");
        assert_eq!(Complex::new(f64::NAN, f64::INFINITY).repr(), "(nan+infj)");
        assert_eq!(Complex::new(1.0, -f64::NAN).repr(), "(1+nanj)");
        assert_eq!(Complex::new(1.5e300, 1e-7).repr(), "(1.5e+300+1e-07j)");
    }

    #[test]
    fn arithmetic() {
        let i = Complex::new(0.0, 1.0);
        assert_eq!(i * i, Complex::new(-1.0, 0.0));
        assert_eq!(
            Complex::new(1.0, 0.0).try_div(Complex::new(0.0, 0.0)).unwrap_err().message,
            "complex division by zero"
        );
        assert_eq!(pow(i, Complex::new(2.0, 0.0)).unwrap(), Complex::new(-1.0, 0.0));
        assert_eq!(
            pow(Complex::new(0.0, 0.0), Complex::new(-1.0, 0.0)).unwrap_err().message,
            "0.0 to a negative or complex power"
        );
        assert_eq!(
            pow(Complex::new(1e200, 0.0), Complex::new(2.0, 0.0)).unwrap_err().message,
            "complex exponentiation"
        );
        assert_eq!(Complex::new(1e308, 1e308).abs().unwrap(), 1.4142135623730951e308);
        assert!(Complex::new(f64::MAX, f64::MAX).abs().is_err());
    }

    #[test]
    fn parsing() {
        let p = |s: &str| parse_complex(s).ok();
        assert_eq!(p("1+2j"), Some(Complex::new(1.0, 2.0)));
        assert_eq!(p(" ( -j ) "), Some(Complex::new(0.0, -1.0)));
        assert_eq!(p("j"), Some(Complex::new(0.0, 1.0)));
        assert_eq!(p("1-j"), Some(Complex::new(1.0, -1.0)));
        assert_eq!(p("1e5J"), Some(Complex::new(0.0, 1e5)));
        assert_eq!(p("1_0j"), Some(Complex::new(0.0, 10.0)));
        assert_eq!(p("2.5"), Some(Complex::new(2.5, 0.0)));
        for bad in ["1+", "1+ 2j", "(1", "1j)", "", "1ej", "j1", "1+2", "1__0"] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}
