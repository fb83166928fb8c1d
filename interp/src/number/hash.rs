//! `hash()` as CPython 3.8 computes it on 64-bit machines (`Python/pyhash.c`
//! and the `tp_hash` slots): numbers reduce modulo the Mersenne prime
//! 2**61 - 1 so that equal int, float and complex values hash alike,
//! tuples combine element hashes with xxHash's rounds, frozensets xor
//! shuffled element hashes, and str/bytes use SipHash-2-4 with the key that
//! `PYTHONHASHSEED` selects. -1 is never a hash (it means "error" in C).

use num_traits::ToPrimitive;

use super::int::Int;

/// Hash values are reduced modulo this prime (`_PyHASH_MODULUS`).
pub const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;
/// `hash(float('inf'))`; minus this for `-inf`.
pub const INF: i64 = 314159;
/// `hash(float('nan'))` in 3.8.
pub const NAN: i64 = 0;
/// Multiplier of the imaginary part's hash (`_PyHASH_IMAG`).
const IMAG: u64 = 1000003;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int (and a bool: `hash(True) == 1`).
pub fn hash_int(n: &Int) -> i64 {
    match n {
        Int::Small(v) => hash_small_int(*v),
        Int::Big(b) => hash_bigint(b),
    }
}

/// `hash(n)` for an int held as a `BigInt` (boxed ints, whose value may
/// well fit a word: `id()` of an object is one), without allocating.
pub fn hash_bigint(b: &num_bigint::BigInt) -> i64 {
    if let Some(v) = b.to_i64() {
        return hash_small_int(v);
    }
    // Horner's rule over the 64-bit digits, most significant first.
    let m = b.magnitude().iter_u64_digits().rev().fold(0u64, |r, digit| {
        ((u128::from(r) << 64 | u128::from(digit)) % u128::from(MODULUS)) as u64
    }) as i64;
    fix_minus_one(if b.sign() == num_bigint::Sign::Minus { -m } else { m })
}

/// `hash(v)` of an int that fits an i64: most are below the modulus,
/// and hash to themselves (but -1, which is CPython's error value).
#[inline]
pub fn hash_small_int(v: i64) -> i64 {
    let magnitude = v.unsigned_abs();
    let m = if magnitude < MODULUS { magnitude } else { magnitude % MODULUS } as i64;
    fix_minus_one(if v < 0 { -m } else { m })
}

/// `hash(x)` for a float: equal to the hash of an equal int or fraction.
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { INF } else { -INF };
    }
    if x.is_nan() {
        return NAN;
    }
    let (mantissa, exp) = super::binary::decompose(x);
    // x = mantissa * 2**exp; 2**exp is a rotation modulo 2**61 - 1.
    let reduced = mantissa.unsigned_abs() % MODULUS;
    let rot = exp.rem_euclid(BITS as i64) as u32;
    let h =
        if rot == 0 { reduced } else { ((reduced << rot) & MODULUS) | (reduced >> (BITS - rot)) };
    let h = h as i64;
    fix_minus_one(if mantissa < 0 { -h } else { h })
}

/// `hash(z)` for a complex number.
pub fn hash_complex(re: f64, im: f64) -> i64 {
    let h = (hash_float(re) as u64).wrapping_add(IMAG.wrapping_mul(hash_float(im) as u64));
    fix_minus_one(h as i64)
}

/// `hash(t)` for a tuple, from its elements' hashes (3.8's xxHash-based `tuplehash`).
pub fn hash_tuple(element_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let mut hasher = TupleHasher::new();
    for h in element_hashes {
        hasher.push(h);
    }
    hasher.finish()
}

/// `tuplehash` one element at a time, for callers that hash the elements
/// as they go.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;

    pub fn new() -> Self {
        TupleHasher { acc: Self::PRIME_5, len: 0 }
    }

    pub fn push(&mut self, h: i64) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(Self::PRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(Self::PRIME_1);
        self.len += 1;
    }

    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::PRIME_5 ^ 3527539));
        if acc == u64::MAX {
            return 1546275796;
        }
        acc as i64
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(s)` for a frozenset, from the hashes of its (distinct) elements.
pub fn hash_frozenset(element_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = element_hashes.len() as u64;
    let mut h = element_hashes.fold(0u64, |acc, e| acc ^ shuffle_bits(e as u64));
    h ^= (len + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        return 590923713;
    }
    h as i64
}

/// The SipHash key of `str` and `bytes` hashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SipKey {
    pub k0: u64,
    pub k1: u64,
}

impl SipKey {
    /// The key that `PYTHONHASHSEED=seed` gives: all zero for 0, else the
    /// bytes of CPython's linear congruential generator (`lcg_urandom`).
    pub fn from_hash_seed(seed: u32) -> SipKey {
        if seed == 0 {
            return SipKey { k0: 0, k1: 0 };
        }
        let mut x = seed;
        let mut bytes = [0u8; 16];
        for b in bytes.iter_mut() {
            x = x.wrapping_mul(214013).wrapping_add(2531011);
            *b = (x >> 16) as u8;
        }
        let k0 = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
        let k1 = u64::from_le_bytes(bytes[8..].try_into().expect("8 bytes"));
        SipKey { k0, k1 }
    }
}

/// `hash(b)` for bytes: SipHash-2-4 of the bytes; the empty string hashes to 0.
pub fn hash_bytes(data: &[u8], key: SipKey) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash24(key, data) as i64)
}

/// `hash(s)` for a str. CPython hashes its internal representation: one
/// byte per character when all are below U+0100, else two bytes (all below
/// U+10000) or four, little-endian on the machines we run on.
pub fn hash_str(s: &str, key: SipKey) -> i64 {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x80 {
        return hash_bytes(s.as_bytes(), key);
    }
    let data: Vec<u8> = if max < 0x100 {
        s.chars().map(|c| c as u8).collect()
    } else if max < 0x10000 {
        s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect()
    } else {
        s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
    };
    hash_bytes(&data, key)
}

/// SipHash-2-4 (Aumasson and Bernstein), as in CPython's `pyhash.c`.
pub fn siphash24(key: SipKey, data: &[u8]) -> u64 {
    let mut v0 = key.k0 ^ 0x736f6d6570736575;
    let mut v1 = key.k1 ^ 0x646f72616e646f6d;
    let mut v2 = key.k0 ^ 0x6c7967656e657261;
    let mut v3 = key.k1 ^ 0x7465646279746573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..4 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(hash_int(&Int::Small(-1)), -2);
        assert_eq!(hash_int(&Int::Small(1 << 61)), 1);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_complex(1.0, 2.0), 2000007);
        assert_eq!(hash_tuple(std::iter::empty()), 5740354900026072187);
        assert_eq!(hash_frozenset(std::iter::empty()), 133146708735736);
    }

    #[test]
    fn big_ints_reduce_digit_by_digit() {
        // Expected values from python3.8's `hash(...)` of each expression.
        let big = |text: &str| text.parse::<num_bigint::BigInt>().unwrap();
        let pow = |base: u32, exp: u32| num_bigint::BigInt::from(base).pow(exp);
        assert_eq!(hash_bigint(&pow(2, 64)), 8);
        assert_eq!(hash_bigint(&(-pow(2, 64) - 5)), -13);
        assert_eq!(hash_bigint(&(pow(2, 200) + 12345)), 143417);
        assert_eq!(hash_bigint(&-pow(2, 130)), -256);
        assert_eq!(hash_bigint(&pow(2, 63)), 4);
        assert_eq!(hash_bigint(&-pow(2, 63)), -4);
        assert_eq!(hash_bigint(&pow(3, 100)), 1175369268131054105);
        assert_eq!(hash_bigint(&-pow(3, 100)), -1175369268131054105);
        assert_eq!(hash_bigint(&(pow(2, 122) - 2)), 2305843009213693950);
        assert_eq!(hash_bigint(&big("2305843009213693951")), 0);
        assert_eq!(hash_bigint(&big("-1")), -2);
    }

    #[test]
    fn strings_with_hash_seed_zero() {
        let key = SipKey::from_hash_seed(0);
        assert_eq!(hash_str("", key), 0);
        assert_eq!(hash_str("a", key), -7583489610679606711);
    }
}
