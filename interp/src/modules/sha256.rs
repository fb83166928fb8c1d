//! `_sha256`: SHA-256 and SHA-224 (FIPS 180-4).

use super::hash_object::{construct, create_module, md_padded, Algorithm};
use super::sha512::{K as K512, SHA384_INIT, SHA512_INIT};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub static SHA256: Algorithm = Algorithm {
    name: "sha256",
    module: "_sha256",
    digest_size: 32,
    block_size: 64,
    digest: sha256,
};
pub static SHA224: Algorithm = Algorithm {
    name: "sha224",
    module: "_sha256",
    digest_size: 28,
    block_size: 64,
    digest: sha224,
};
pub static ALGORITHMS: &[&Algorithm] = &[&SHA256, &SHA224];

/// SHA-256's initial words: the high halves of SHA-512's (both are the
/// fractional parts of the square roots of the first primes).
pub fn sha256_init() -> [u32; 8] {
    SHA512_INIT.map(|w| (w >> 32) as u32)
}

/// SHA-224's initial words: the low halves of SHA-384's (FIPS 180-4 5.3.2).
fn sha224_init() -> [u32; 8] {
    SHA384_INIT.map(|w| w as u32)
}

fn sha256(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    run(sha256_init(), message, 32)
}

fn sha224(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    run(sha224_init(), message, 28)
}

fn run(mut state: [u32; 8], message: &[u8], size: usize) -> Vec<u8> {
    // SHA-256's constants are the high halves of SHA-512's first 64.
    let k: Vec<u32> = K512[..64].iter().map(|w| (w >> 32) as u32).collect();
    for block in md_padded(message, true).chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, b) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = state;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(k[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }
    state.iter().flat_map(|w| w.to_be_bytes()).take(size).collect()
}

fn new_sha256(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &SHA256)
}

fn new_sha224(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &SHA224)
}

pub fn create(vm: &mut Vm) -> PyResult {
    create_module(vm, "_sha256", &[(&SHA256, new_sha256), (&SHA224, new_sha224)])
}

#[cfg(test)]
mod tests {
    use super::super::hash_object::hex;
    use super::*;

    #[test]
    fn fips_vectors() {
        assert_eq!(
            hex(&sha256(&[], b"abc", 32)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(&[], b"", 32)),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha224(&[], b"abc", 28)),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"
        );
    }
}
