//! `_sha3`: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), sponges
//! over Keccak-f[1600].

use super::hash_object::{construct, create_module, Algorithm};
use crate::object::Value;
use crate::vm::{PyResult, Vm};

macro_rules! sponge {
    ($static:ident, $fn:ident, $ctor:ident, $name:literal, $size:expr, $rate:expr, $suffix:expr) => {
        pub static $static: Algorithm = Algorithm {
            name: $name,
            module: "_sha3",
            digest_size: $size,
            block_size: $rate,
            digest: $fn,
        };
        fn $fn(_params: &[u8], message: &[u8], length: usize) -> Vec<u8> {
            let length = if $size == 0 { length } else { $size };
            keccak(message, $rate, $suffix, length)
        }
        fn $ctor(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
            construct(vm, args, kwnames, &$static)
        }
    };
}

sponge!(SHA3_224, sha3_224, new_sha3_224, "sha3_224", 28, 144, 0x06);
sponge!(SHA3_256, sha3_256, new_sha3_256, "sha3_256", 32, 136, 0x06);
sponge!(SHA3_384, sha3_384, new_sha3_384, "sha3_384", 48, 104, 0x06);
sponge!(SHA3_512, sha3_512, new_sha3_512, "sha3_512", 64, 72, 0x06);
sponge!(SHAKE_128, shake_128, new_shake_128, "shake_128", 0, 168, 0x1f);
sponge!(SHAKE_256, shake_256, new_shake_256, "shake_256", 0, 136, 0x1f);

pub static ALGORITHMS: &[&Algorithm] =
    &[&SHA3_224, &SHA3_256, &SHA3_384, &SHA3_512, &SHAKE_128, &SHAKE_256];

pub fn create(vm: &mut Vm) -> PyResult {
    create_module(
        vm,
        "_sha3",
        &[
            (&SHA3_224, new_sha3_224),
            (&SHA3_256, new_sha3_256),
            (&SHA3_384, new_sha3_384),
            (&SHA3_512, new_sha3_512),
            (&SHAKE_128, new_shake_128),
            (&SHAKE_256, new_shake_256),
        ],
    )
}

/// Keccak-f[1600] on 25 lanes, lane (x, y) at `x + 5 * y`.
fn keccak_f(a: &mut [u64; 25]) {
    // Rotation offsets (rho) walk (x, y) -> (y, 2x + 3y); round constants
    // come from the degree-8 LFSR of FIPS 202 3.2.5.
    let mut rho = [0u32; 25];
    let (mut x, mut y) = (1, 0);
    for t in 0..24 {
        rho[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        (x, y) = (y, (2 * x + 3 * y) % 5);
    }
    let mut lfsr: u8 = 1;
    for _ in 0..24 {
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(rho[x + 5 * y]);
            }
        }
        for x in 0..5 {
            for y in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        let mut rc = 0u64;
        for j in 0..7 {
            if lfsr & 1 != 0 {
                rc ^= 1 << ((1 << j) - 1);
            }
            lfsr = (lfsr << 1) ^ if lfsr & 0x80 != 0 { 0x71 } else { 0 };
        }
        a[0] ^= rc;
    }
}

/// The sponge: absorb `message` padded with `suffix` and pad10*1 at `rate`
/// bytes a block, then squeeze `length` bytes.
fn keccak(message: &[u8], rate: usize, suffix: u8, length: usize) -> Vec<u8> {
    let mut padded = message.to_vec();
    padded.push(suffix);
    while !padded.len().is_multiple_of(rate) {
        padded.push(0);
    }
    let last = padded.len() - 1;
    padded[last] |= 0x80;
    let mut a = [0u64; 25];
    for block in padded.chunks_exact(rate) {
        for (lane, bytes) in a.iter_mut().zip(block.chunks_exact(8)) {
            let mut word = [0u8; 8];
            word.copy_from_slice(bytes);
            *lane ^= u64::from_le_bytes(word);
        }
        keccak_f(&mut a);
    }
    let mut out = Vec::with_capacity(length);
    loop {
        let squeezed: Vec<u8> = a.iter().flat_map(|w| w.to_le_bytes()).take(rate).collect();
        let want = (length - out.len()).min(rate);
        out.extend_from_slice(&squeezed[..want]);
        if out.len() == length {
            return out;
        }
        keccak_f(&mut a);
    }
}

#[cfg(test)]
mod tests {
    use super::super::hash_object::hex;
    use super::*;

    #[test]
    fn fips_202_vectors() {
        assert_eq!(
            hex(&sha3_256(&[], b"", 0)),
            "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a"
        );
        assert_eq!(
            hex(&sha3_256(&[], b"abc", 0)),
            "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"
        );
        assert_eq!(
            hex(&sha3_224(&[], b"abc", 0)),
            "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"
        );
        assert_eq!(
            hex(&shake_128(&[], b"", 32)),
            "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"
        );
        // Longer than a rate: squeezing runs the permutation again.
        assert_eq!(shake_256(&[], b"abc", 300)[..64], shake_256(&[], b"abc", 64)[..]);
    }
}
