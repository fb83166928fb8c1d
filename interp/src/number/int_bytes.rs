//! `int.to_bytes(length, byteorder, signed=False)` and
//! `int.from_bytes(bytes, byteorder, signed=False)`: two's complement when
//! signed, with CPython's errors.

use num_bigint::BigInt;

use super::int::Int;
use super::{NumError, NumResult};

/// The `byteorder` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Big,
    Little,
}

impl ByteOrder {
    /// Reads `'big'` or `'little'`.
    pub fn parse(name: &str) -> NumResult<ByteOrder> {
        match name {
            "big" => Ok(ByteOrder::Big),
            "little" => Ok(ByteOrder::Little),
            _ => Err(NumError::value("byteorder must be either 'little' or 'big'")),
        }
    }
}

/// `n.to_bytes(length, order, signed=signed)`.
pub fn to_bytes(n: &Int, length: i64, order: ByteOrder, signed: bool) -> NumResult<Vec<u8>> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    if length > 1 << 34 {
        // CPython would try to allocate it and run out of memory.
        return Err(NumError::memory());
    }
    if !signed && n.is_negative() {
        return Err(NumError::overflow("can't convert negative int to unsigned"));
    }
    let big = n.as_big();
    // Little-endian two's complement, minimal length (one sign bit at least when signed).
    let mut bytes = if signed { big.to_signed_bytes_le() } else { big.magnitude().to_bytes_le() };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() as u64 > length as u64 {
        return Err(NumError::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if order == ByteOrder::Big {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(data, order, signed=signed)`.
pub fn from_bytes(data: &[u8], order: ByteOrder, signed: bool) -> Int {
    let big = match (order, signed) {
        (ByteOrder::Big, true) => BigInt::from_signed_bytes_be(data),
        (ByteOrder::Little, true) => BigInt::from_signed_bytes_le(data),
        (ByteOrder::Big, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, data),
        (ByteOrder::Little, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, data),
    };
    Int::from_big(big)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_errors() {
        let b =
            |v: i64, len: i64, signed: bool| to_bytes(&Int::Small(v), len, ByteOrder::Big, signed);
        assert_eq!(b(1024, 3, false).unwrap(), vec![0, 4, 0]);
        assert_eq!(b(-1, 2, true).unwrap(), vec![0xff, 0xff]);
        assert_eq!(b(-128, 1, true).unwrap(), vec![0x80]);
        assert_eq!(b(0, 0, false).unwrap(), Vec::<u8>::new());
        assert_eq!(b(1, 0, false).unwrap_err().message, "int too big to convert");
        assert_eq!(b(128, 1, true).unwrap_err().message, "int too big to convert");
        assert_eq!(b(-129, 1, true).unwrap_err().message, "int too big to convert");
        assert_eq!(b(-1, 1, false).unwrap_err().message, "can't convert negative int to unsigned");
        assert_eq!(b(1, -1, false).unwrap_err().message, "length argument must be non-negative");
        assert_eq!(to_bytes(&Int::Small(1), 2, ByteOrder::Little, false).unwrap(), vec![1, 0]);
        assert_eq!(from_bytes(&[0xff, 0xfe], ByteOrder::Big, true), Int::Small(-2));
        assert_eq!(from_bytes(&[0xff, 0xfe], ByteOrder::Little, false), Int::Small(0xfeff));
        assert_eq!(from_bytes(&[], ByteOrder::Big, true), Int::Small(0));
        assert_eq!(
            ByteOrder::parse("middle").unwrap_err().message,
            "byteorder must be either 'little' or 'big'"
        );
    }
}
