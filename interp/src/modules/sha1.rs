//! `_sha1`: SHA-1 (FIPS 180-4).

use super::hash_object::{construct, create_module, md_padded, Algorithm};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub static SHA1: Algorithm =
    Algorithm { name: "sha1", module: "_sha1", digest_size: 20, block_size: 64, digest: sha1 };
pub static ALGORITHMS: &[&Algorithm] = &[&SHA1];

fn sha1(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    let mut state: [u32; 5] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    for block in md_padded(message, true).chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, b) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = state;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6u32),
            };
            let t =
                a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e]) {
            *s = s.wrapping_add(v);
        }
    }
    state.iter().flat_map(|w| w.to_be_bytes()).collect()
}

fn new_sha1(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &SHA1)
}

pub fn create(vm: &mut Vm) -> PyResult {
    create_module(vm, "_sha1", &[(&SHA1, new_sha1)])
}

#[cfg(test)]
mod tests {
    use super::super::hash_object::hex;
    use super::*;

    #[test]
    fn fips_vectors() {
        assert_eq!(hex(&sha1(&[], b"", 20)), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(hex(&sha1(&[], b"abc", 20)), "a9993e364706816aba3e25717850c26c9cd0d89d");
        let two_blocks = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(hex(&sha1(&[], two_blocks, 20)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    }
}
