//! Python's `int` as a value: [`Int`] is an `i64` when the value fits and a
//! `BigInt` otherwise, never both for the same value, so equality and
//! hashing can look at the variant first. The operations follow
//! CPython's `Objects/longobject.c`: floor division and modulo take the
//! sign of the divisor, `/` is correctly rounded for any size, `**` with a
//! negative exponent goes to float, and comparisons with floats are exact.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use super::binary;
use super::float::{self, FloatPow};
use super::{NumError, NumResult};

/// A Python int. Normalized: `Big` only holds values outside `i64`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

/// The result of `int ** int`: an int, or a float for negative exponents.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    Int(Int),
    Float(f64),
}

/// Results above this many bits are refused as CPython would run out of
/// memory building them (2 GiB of digits).
const MAX_RESULT_BITS: u64 = 1 << 34;

const DIV_BY_ZERO: &str = "integer division or modulo by zero";

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        Int::from_big(v)
    }
}

impl Int {
    pub fn zero() -> Int {
        Int::Small(0)
    }

    /// Normalizes a big integer: `Small` when it fits in `i64`.
    pub fn from_big(v: BigInt) -> Int {
        match v.to_i64() {
            Some(small) => Int::Small(small),
            None => Int::Big(v),
        }
    }

    fn from_i128(v: i128) -> Int {
        match i64::try_from(v) {
            Ok(small) => Int::Small(small),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }

    /// The value as a `BigInt`, borrowed when it already is one.
    pub fn as_big(&self) -> Cow<'_, BigInt> {
        match self {
            Int::Small(v) => Cow::Owned(BigInt::from(*v)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        self.as_big().into_owned()
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// The value clamped to `i64`, as CPython's `PyNumber_AsSsize_t(x, NULL)`
    /// clamps (what `round(x, ndigits)` does with a huge `ndigits`).
    pub fn to_i64_saturating(&self) -> i64 {
        match self {
            Int::Small(v) => *v,
            Int::Big(b) if b.is_negative() => i64::MIN,
            Int::Big(_) => i64::MAX,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    fn is_odd(&self) -> bool {
        match self {
            Int::Small(v) => v & 1 == 1,
            Int::Big(b) => b.is_odd(),
        }
    }

    pub fn add(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::from_i128(*a as i128 + *b as i128);
        }
        Int::from_big(&*self.as_big() + &*other.as_big())
    }

    pub fn sub(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::from_i128(*a as i128 - *b as i128);
        }
        Int::from_big(&*self.as_big() - &*other.as_big())
    }

    pub fn mul(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::from_i128(*a as i128 * *b as i128);
        }
        Int::from_big(&*self.as_big() * &*other.as_big())
    }

    /// `self // other`, rounding toward negative infinity.
    pub fn floordiv(&self, other: &Int) -> NumResult<Int> {
        Ok(self.divmod(other)?.0)
    }

    /// `self % other`, with the sign of `other`.
    pub fn modulo(&self, other: &Int) -> NumResult<Int> {
        Ok(self.divmod(other)?.1)
    }

    /// `divmod(self, other)`.
    pub fn divmod(&self, other: &Int) -> NumResult<(Int, Int)> {
        if other.is_zero() {
            return Err(NumError::zero_division(DIV_BY_ZERO));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            let (a, b) = (*a as i128, *b as i128);
            return Ok((
                Int::from_i128(Integer::div_floor(&a, &b)),
                Int::from_i128(Integer::mod_floor(&a, &b)),
            ));
        }
        let (q, r) = self.as_big().div_mod_floor(&other.as_big());
        Ok((Int::from_big(q), Int::from_big(r)))
    }

    /// `self / other`: the correctly rounded quotient, for operands of any size.
    pub fn true_div(&self, other: &Int) -> NumResult<f64> {
        if other.is_zero() {
            return Err(NumError::zero_division("division by zero"));
        }
        const EXACT: i64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if (-EXACT..=EXACT).contains(a) && (-EXACT..=EXACT).contains(b) {
                return Ok(*a as f64 / *b as f64);
            }
        }
        let (a, b) = (self.as_big(), other.as_big());
        let negative = a.is_negative() != b.is_negative();
        let q = binary::ratio_to_f64(a.magnitude(), b.magnitude())
            .ok_or_else(|| NumError::overflow("integer division result too large for a float"))?;
        Ok(if negative { -q } else { q })
    }

    /// `self ** exponent`; a negative exponent gives a float as in CPython.
    pub fn pow(&self, exponent: &Int) -> NumResult<IntPow> {
        if exponent.is_negative() {
            let base = self.to_f64()?;
            let exp = exponent.to_f64()?;
            return match float::pow(base, exp)? {
                FloatPow::Real(x) => Ok(IntPow::Float(x)),
                // An integral exponent never makes a complex result.
                FloatPow::Complex(_) => Err(NumError::value("int ** int gave a complex result")),
            };
        }
        match self {
            Int::Small(0) | Int::Small(1) => {
                return Ok(IntPow::Int(if exponent.is_zero() {
                    Int::Small(1)
                } else {
                    self.clone()
                }))
            }
            Int::Small(-1) => {
                return Ok(IntPow::Int(Int::Small(if exponent.is_odd() { -1 } else { 1 })))
            }
            _ => {}
        }
        let exp = match exponent.to_i64() {
            Some(e)
                if e <= u32::MAX as i64 && (e as u64) * self.bit_length() <= MAX_RESULT_BITS =>
            {
                e as u32
            }
            _ => return Err(NumError::memory()),
        };
        if let Int::Small(base) = self {
            if let Some(v) = base.checked_pow(exp) {
                return Ok(IntPow::Int(Int::Small(v)));
            }
        }
        Ok(IntPow::Int(Int::from_big(self.as_big().pow(exp))))
    }

    /// Three-argument `pow(self, exponent, modulus)` as in CPython 3.8,
    /// including negative exponents through the modular inverse.
    pub fn pow_mod(&self, exponent: &Int, modulus: &Int) -> NumResult<Int> {
        if modulus.is_zero() {
            return Err(NumError::value("pow() 3rd argument cannot be 0"));
        }
        let negative_output = modulus.is_negative();
        let m = modulus.as_big().abs();
        if m.is_one() {
            return Ok(Int::Small(0));
        }
        let mut base = self.as_big().mod_floor(&m);
        let mut exp = exponent.to_bigint();
        if exp.is_negative() {
            base = base
                .modinv(&m)
                .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
            exp = -exp;
        }
        let mut r = base.modpow(&exp, &m);
        if negative_output && !r.is_zero() {
            r -= &m;
        }
        Ok(Int::from_big(r))
    }

    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => Int::from_i128(-(*v as i128)),
            Int::Big(b) => Int::from_big(-b),
        }
    }

    /// `+self`.
    pub fn pos(&self) -> Int {
        self.clone()
    }

    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `~self`, which is `-(self + 1)`.
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_big(!b),
        }
    }

    pub fn bitand(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a & b);
        }
        Int::from_big(&*self.as_big() & &*other.as_big())
    }

    pub fn bitor(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a | b);
        }
        Int::from_big(&*self.as_big() | &*other.as_big())
    }

    pub fn bitxor(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a ^ b);
        }
        Int::from_big(&*self.as_big() ^ &*other.as_big())
    }

    fn shift_count(count: &Int) -> NumResult<Option<u64>> {
        if count.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        Ok(count.to_i64().map(|c| c as u64))
    }

    /// `self << count`.
    pub fn shl(&self, count: &Int) -> NumResult<Int> {
        let shift = Int::shift_count(count)?;
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        // CPython counts 30-bit digits in a signed size; past that it cannot even try.
        const MAX_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
        const CLIP: u64 = i64::MAX as u64 / 4;
        let words = (&*count.as_big() / 30u8).to_u64().map_or(CLIP, |w| w.min(CLIP));
        if words + self.bit_length().div_ceil(30) + 1 > MAX_DIGITS {
            return Err(NumError::overflow("too many digits in integer"));
        }
        let shift = match shift {
            Some(c) if c.saturating_add(self.bit_length()) <= MAX_RESULT_BITS => c,
            _ => return Err(NumError::memory()),
        };
        if let Int::Small(v) = self {
            if shift < 64 {
                return Ok(Int::from_i128((*v as i128) << shift));
            }
        }
        Ok(Int::from_big(&*self.as_big() << shift))
    }

    /// `self >> count`, rounding toward negative infinity.
    pub fn shr(&self, count: &Int) -> NumResult<Int> {
        let count = Int::shift_count(count)?;
        let count = match count {
            Some(c) if c < self.bit_length() + 1 => c,
            _ => return Ok(Int::Small(if self.is_negative() { -1 } else { 0 })),
        };
        Ok(match self {
            Int::Small(v) => Int::Small(v >> count.min(63)),
            Int::Big(b) => Int::from_big(b >> count),
        })
    }

    /// `int.bit_length()`: bits of `abs(self)` without sign or leading zeros.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Int::Big(b) => b.bits(),
        }
    }

    /// `float(self)`, rounded to nearest with ties to even.
    pub fn to_f64(&self) -> NumResult<f64> {
        match self {
            Int::Small(v) => Ok(*v as f64),
            Int::Big(b) => {
                let m = binary::biguint_to_f64(b.magnitude())
                    .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
                Ok(if b.is_negative() { -m } else { m })
            }
        }
    }

    /// `int(x)` of a float: truncation toward zero.
    pub fn from_f64(x: f64) -> NumResult<Int> {
        if x.is_nan() {
            return Err(NumError::value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(NumError::overflow("cannot convert float infinity to integer"));
        }
        let t = x.trunc();
        if t.abs() < (1u64 << 63) as f64 {
            return Ok(Int::Small(t as i64));
        }
        let big = BigInt::from_f64(t).ok_or_else(|| NumError::value("float is not finite"))?;
        Ok(Int::from_big(big))
    }

    /// Compares with a float exactly, as CPython's `float_richcompare`:
    /// `None` when `x` is NaN.
    pub fn cmp_f64(&self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        if let Int::Small(v) = self {
            if v.unsigned_abs() <= 1 << 53 {
                return (*v as f64).partial_cmp(&x);
            }
        }
        let floor = x.floor();
        let floor_int = Int::from_f64(floor).ok()?;
        Some(match self.cmp(&floor_int) {
            Ordering::Equal if x > floor => Ordering::Less,
            ord => ord,
        })
    }

    /// `self == x` for a float `x`, exactly.
    pub fn eq_f64(&self, x: f64) -> bool {
        self.cmp_f64(x) == Some(Ordering::Equal)
    }

    /// `round(self, ndigits)`: ties go to the even multiple of `10**-ndigits`.
    pub fn round(&self, ndigits: &Int) -> Int {
        if !ndigits.is_negative() {
            return self.clone();
        }
        // 10**k exceeds 2*|self| once k passes the number of decimal digits.
        let digits = (self.bit_length() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
        let k = match ndigits.neg().to_i64() {
            Some(k) if (k as u64) <= digits => k as u32,
            _ => return Int::Small(0),
        };
        let pow10 = BigInt::from(10u8).pow(k);
        let (mut q, r) = self.as_big().div_mod_floor(&pow10);
        let twice: BigInt = r << 1u8;
        match twice.cmp(&pow10) {
            Ordering::Greater => q += 1,
            Ordering::Equal if q.is_odd() => q += 1,
            _ => {}
        }
        Int::from_big(q * pow10)
    }

    /// The digits in base 2, 8, 10 or 16 with Python's prefix and sign:
    /// `bin`, `oct`, `str`, `hex` (`-0x1f`).
    pub fn to_base_string(&self, base: u32) -> String {
        let prefix = match base {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        };
        let (negative, digits) = match self {
            Int::Small(v) => {
                let m = v.unsigned_abs();
                let digits = match base {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                };
                (*v < 0, digits)
            }
            Int::Big(b) => (b.sign() == Sign::Minus, b.magnitude().to_str_radix(base)),
        };
        let sign = if negative { "-" } else { "" };
        format!("{sign}{prefix}{digits}")
    }
}

impl fmt::Display for Int {
    /// `str(int)` and `repr(int)`: decimal digits of any size.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            _ => self.as_big().cmp(&other.as_big()),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quickcheck::{Arbitrary, Gen, QuickCheck};

    fn int(s: &str) -> Int {
        Int::from_big(s.parse::<BigInt>().unwrap())
    }

    /// Values around zero, the i64 edges, the 2**47 edge of immediate ints
    /// and far beyond.
    #[derive(Clone, Debug)]
    struct TestInt(BigInt);

    impl Arbitrary for TestInt {
        fn arbitrary(g: &mut Gen) -> TestInt {
            let edges: [i128; 8] = [
                0,
                1 << 47,
                -(1 << 47),
                i64::MAX as i128,
                i64::MIN as i128,
                1 << 63,
                1 << 64,
                1 << 31,
            ];
            let pick = u8::arbitrary(g) % 5;
            let v = match pick {
                0 => BigInt::from(i8::arbitrary(g)),
                1 => {
                    let edge = edges[usize::arbitrary(g) % edges.len()];
                    let delta = i8::arbitrary(g) as i128;
                    BigInt::from(if bool::arbitrary(g) { edge + delta } else { -edge + delta })
                }
                2 => BigInt::from(i64::arbitrary(g)),
                3 => BigInt::from(i128::arbitrary(g)),
                _ => {
                    let words: Vec<u32> =
                        (0..(usize::arbitrary(g) % 6 + 1)).map(|_| u32::arbitrary(g)).collect();
                    let sign = if bool::arbitrary(g) { Sign::Plus } else { Sign::Minus };
                    BigInt::new(sign, words)
                }
            };
            TestInt(v)
        }
    }

    fn normalized(i: &Int) -> bool {
        match i {
            Int::Small(_) => true,
            Int::Big(b) => b.to_i64().is_none(),
        }
    }

    fn check(i: Int, want: BigInt) -> bool {
        normalized(&i) && i.to_bigint() == want
    }

    fn arithmetic_matches_model(a: TestInt, b: TestInt) -> bool {
        let (x, y) = (Int::from_big(a.0.clone()), Int::from_big(b.0.clone()));
        let (a, b) = (a.0, b.0);
        let mut ok = check(x.add(&y), &a + &b)
            && check(x.sub(&y), &a - &b)
            && check(x.mul(&y), &a * &b)
            && check(x.bitand(&y), &a & &b)
            && check(x.bitor(&y), &a | &b)
            && check(x.bitxor(&y), &a ^ &b)
            && check(x.neg(), -&a)
            && check(x.invert(), !&a)
            && check(x.abs(), a.abs())
            && x.cmp(&y) == a.cmp(&b)
            && x.bit_length() == a.bits();
        if b.is_zero() {
            ok &= x.divmod(&y).is_err();
        } else {
            let (q, r) = x.divmod(&y).unwrap();
            ok &= check(q, a.div_floor(&b)) && check(r, a.mod_floor(&b));
        }
        let shift = (b.magnitude().to_u64().unwrap_or(0) % 200) as u32;
        ok &= check(x.shl(&Int::Small(shift as i64)).unwrap(), &a << shift);
        ok &= check(x.shr(&Int::Small(shift as i64)).unwrap(), &a >> shift);
        ok
    }

    #[test]
    fn quickcheck_against_num_bigint() {
        QuickCheck::new()
            .tests(3000)
            .quickcheck(arithmetic_matches_model as fn(TestInt, TestInt) -> bool);
    }

    fn pow_matches_model(a: TestInt, e: u8, m: TestInt) -> bool {
        let x = Int::from_big(a.0.clone());
        let e = (e % 40) as u32;
        let ok = match x.pow(&Int::Small(e as i64)).unwrap() {
            IntPow::Int(r) => check(r, a.0.pow(e)),
            IntPow::Float(_) => false,
        };
        if m.0.is_zero() {
            return ok;
        }
        let got = x.pow_mod(&Int::Small(e as i64), &Int::from_big(m.0.clone())).unwrap();
        let r = a.0.pow(e).mod_floor(&m.0);
        ok && check(got, r)
    }

    #[test]
    fn quickcheck_pow() {
        QuickCheck::new()
            .tests(500)
            .quickcheck(pow_matches_model as fn(TestInt, u8, TestInt) -> bool);
    }

    fn conversions_match_model(v: i128, bits: u64) -> bool {
        let n = Int::from_big(BigInt::from(v));
        let x = f64::from_bits(bits);
        let reparsed = super::super::int_parse::parse_int(&n.to_base_string(16), 0);
        let ratio_ok = match super::super::float::as_integer_ratio(x) {
            Ok((num, den)) => num.true_div(&den).map(f64::to_bits) == Ok(bits) || x == 0.0,
            Err(_) => !x.is_finite(),
        };
        n.to_f64() == Ok(v as f64)
            && reparsed.as_ref() == Ok(&n)
            && ratio_ok
            && (!x.is_finite() || n.cmp_f64(x) == Some(cmp_exact(v, x)))
    }

    /// `v` against a finite `x = m * 2**e`, compared as integers scaled by 2**-e.
    fn cmp_exact(v: i128, x: f64) -> Ordering {
        let (m, e) = super::super::binary::decompose(x);
        let (v, m) = (BigInt::from(v), BigInt::from(m));
        if e >= 0 {
            v.cmp(&(m << e as u64))
        } else {
            (v << (-e) as u64).cmp(&m)
        }
    }

    #[test]
    fn quickcheck_conversions() {
        QuickCheck::new().tests(3000).quickcheck(conversions_match_model as fn(i128, u64) -> bool);
    }

    #[test]
    fn division_and_errors() {
        assert_eq!(
            Int::Small(i64::MIN).floordiv(&Int::Small(-1)).unwrap(),
            int("9223372036854775808")
        );
        assert_eq!(Int::Small(-7).modulo(&Int::Small(2)).unwrap(), Int::Small(1));
        assert_eq!(Int::Small(7).modulo(&Int::Small(-2)).unwrap(), Int::Small(-1));
        let e = Int::Small(1).divmod(&Int::Small(0)).unwrap_err();
        assert_eq!(e.message, "integer division or modulo by zero");
        assert_eq!(Int::Small(1).true_div(&Int::Small(3)).unwrap(), 1.0 / 3.0);
        let big = int("1").shl(&Int::Small(2000)).unwrap();
        assert_eq!(big.true_div(&big.mul(&Int::Small(3))).unwrap(), 1.0 / 3.0);
        assert!(big.to_f64().is_err());
        assert_eq!(Int::Small(2).pow(&Int::Small(-1)).unwrap(), IntPow::Float(0.5));
        assert_eq!(
            Int::Small(0).pow(&Int::Small(-1)).unwrap_err().message,
            "0.0 cannot be raised to a negative power"
        );
        assert_eq!(Int::Small(3).pow_mod(&Int::Small(-1), &Int::Small(7)).unwrap(), Int::Small(5));
        assert_eq!(Int::Small(3).pow_mod(&Int::Small(2), &Int::Small(-7)).unwrap(), Int::Small(-5));
        assert!(Int::Small(2).pow_mod(&Int::Small(-1), &Int::Small(4)).is_err());
        assert_eq!(Int::Small(-1).shr(&Int::Small(1000)).unwrap(), Int::Small(-1));
        assert_eq!(Int::Small(1).shl(&Int::Small(-1)).unwrap_err().message, "negative shift count");
        assert_eq!(
            Int::Small(1).shl(&int("18446744073709551616")).unwrap_err(),
            NumError::memory()
        );
    }

    #[test]
    fn float_comparisons_are_exact() {
        let two53p1 = int("9007199254740993");
        assert_eq!(two53p1.cmp_f64(9007199254740992.0), Some(Ordering::Greater));
        assert_eq!(Int::Small(1).cmp_f64(1.5), Some(Ordering::Less));
        assert_eq!(Int::Small(-2).cmp_f64(-1.5), Some(Ordering::Less));
        assert_eq!(
            int("1").shl(&Int::Small(2000)).unwrap().cmp_f64(f64::MAX),
            Some(Ordering::Greater)
        );
        assert_eq!(Int::Small(1).cmp_f64(f64::NAN), None);
        assert!(int("100000000000000000000").eq_f64(1e20));
        assert_eq!(Int::from_f64(-2.7).unwrap(), Int::Small(-2));
        assert_eq!(Int::from_f64(1e20).unwrap(), int("100000000000000000000"));
    }

    #[test]
    fn rounding_and_bases() {
        assert_eq!(Int::Small(25).round(&Int::Small(-1)), Int::Small(20));
        assert_eq!(Int::Small(35).round(&Int::Small(-1)), Int::Small(40));
        assert_eq!(Int::Small(-15).round(&Int::Small(-1)), Int::Small(-20));
        assert_eq!(Int::Small(5).round(&Int::Small(-30)), Int::Small(0));
        assert_eq!(Int::Small(-31).to_base_string(16), "-0x1f");
        assert_eq!(Int::Small(i64::MIN).to_base_string(2), format!("-0b1{}", "0".repeat(63)));
        assert_eq!(
            int("-123456789012345678901234567890").to_string(),
            "-123456789012345678901234567890"
        );
    }
}
