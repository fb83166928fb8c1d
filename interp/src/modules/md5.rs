//! `_md5`: MD5 (RFC 1321).

use super::hash_object::{construct, create_module, md_padded, Algorithm};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub static MD5: Algorithm =
    Algorithm { name: "md5", module: "_md5", digest_size: 16, block_size: 64, digest: md5 };
pub static ALGORITHMS: &[&Algorithm] = &[&MD5];

const SHIFTS: [[u32; 4]; 4] = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]];

fn md5(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    // RFC 1321's table: the integer part of 2^32 * |sin(i + 1)|.
    let k: Vec<u32> =
        (0..64).map(|i| (((i + 1) as f64).sin().abs() * 4294967296.0) as u32).collect();
    let mut state: [u32; 4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for block in md_padded(message, false).chunks_exact(64) {
        let m: Vec<u32> =
            block.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])).collect();
        let [mut a, mut b, mut c, mut d] = state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let sum = a.wrapping_add(f).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(SHIFTS[i / 16][i % 4]));
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d]) {
            *s = s.wrapping_add(v);
        }
    }
    state.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn new_md5(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &MD5)
}

pub fn create(vm: &mut Vm) -> PyResult {
    create_module(vm, "_md5", &[(&MD5, new_md5)])
}

#[cfg(test)]
mod tests {
    use super::super::hash_object::hex;
    use super::*;

    #[test]
    fn rfc_1321_vectors() {
        assert_eq!(hex(&md5(&[], b"", 16)), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(hex(&md5(&[], b"abc", 16)), "900150983cd24fb0d6963f7d28e17f72");
        let digits =
            b"12345678901234567890123456789012345678901234567890123456789012345678901234567890";
        assert_eq!(hex(&md5(&[], digits, 16)), "57edf4a22be3c955ac49da2e2107b67a");
    }
}
