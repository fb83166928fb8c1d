//! `_sha512`: SHA-512 and SHA-384 (FIPS 180-4), which `random.seed(str)`
//! and `hashlib` use; the Python classes are [`super::hash_object`]'s.

use super::hash_object::{construct, create_module, Algorithm};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub const K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

pub const SHA512_INIT: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

pub const SHA384_INIT: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

/// A running SHA-512 computation.
#[derive(Clone)]
pub struct Sha512 {
    state: [u64; 8],
    tail: Vec<u8>,
    length: u128,
}

impl Sha512 {
    pub fn new(init: [u64; 8]) -> Sha512 {
        Sha512 { state: init, tail: Vec::new(), length: 0 }
    }

    fn compress(&mut self, block: &[u8]) {
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.state;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
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
        for (s, v) in self.state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }

    pub fn update(&mut self, data: &[u8]) {
        self.length += data.len() as u128;
        self.tail.extend_from_slice(data);
        let full = self.tail.len() / 128 * 128;
        let tail = std::mem::take(&mut self.tail);
        for block in tail[..full].chunks_exact(128) {
            self.compress(block);
        }
        self.tail = tail[full..].to_vec();
    }

    /// The digest (`size` bytes: 64 for SHA-512, 48 for SHA-384).
    pub fn digest(&self, size: usize) -> Vec<u8> {
        let mut done = self.clone();
        let bits = self.length * 8;
        let mut pad = vec![0x80u8];
        let used = (self.tail.len() + 1) % 128;
        let zeros = if used <= 112 { 112 - used } else { 240 - used };
        pad.extend(std::iter::repeat_n(0u8, zeros));
        pad.extend_from_slice(&bits.to_be_bytes());
        let length = done.length;
        done.update(&pad);
        done.length = length;
        done.state.iter().flat_map(|w| w.to_be_bytes()).take(size).collect()
    }
}

pub static SHA512: Algorithm = Algorithm {
    name: "sha512",
    module: "_sha512",
    digest_size: 64,
    block_size: 128,
    digest: sha512,
};
pub static SHA384: Algorithm = Algorithm {
    name: "sha384",
    module: "_sha512",
    digest_size: 48,
    block_size: 128,
    digest: sha384,
};
pub static ALGORITHMS: &[&Algorithm] = &[&SHA512, &SHA384];

fn sha512(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    let mut h = Sha512::new(SHA512_INIT);
    h.update(message);
    h.digest(64)
}

fn sha384(_params: &[u8], message: &[u8], _length: usize) -> Vec<u8> {
    let mut h = Sha512::new(SHA384_INIT);
    h.update(message);
    h.digest(48)
}

fn new_sha512(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &SHA512)
}

fn new_sha384(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &SHA384)
}

pub fn create(vm: &mut Vm) -> PyResult {
    create_module(vm, "_sha512", &[(&SHA512, new_sha512), (&SHA384, new_sha384)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        let h = Sha512::new(SHA512_INIT);
        assert!(hex(&h.digest(64)).starts_with("cf83e1357eefb8bdf1542850d66d8007"));
        let mut h = Sha512::new(SHA512_INIT);
        h.update(b"abc");
        assert!(hex(&h.digest(64)).starts_with("ddaf35a193617abacc417349ae204131"));
        let mut h = Sha512::new(SHA384_INIT);
        h.update(b"abc");
        assert!(hex(&h.digest(48)).starts_with("cb00753f45a35e8bb5a03d699ac65007"));
        let mut pieces = Sha512::new(SHA512_INIT);
        pieces.update(&[b'a'; 100]);
        pieces.update(&[b'a'; 100]);
        assert_eq!(pieces.digest(64), sha512(&[], &[b'a'; 200], 64));
    }
}
