//! `_blake2`: BLAKE2b and BLAKE2s (RFC 7693) with CPython's parameters
//! (digest_size, key, salt, person, and the tree-hashing fields).

use super::hash_object::{create_module, data_arg, instantiate, Algorithm};
use super::sha256::sha256_init;
use super::sha512::SHA512_INIT;
use crate::builtins::str_methods::keyword_args;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub static BLAKE2B: Algorithm = Algorithm {
    name: "blake2b",
    module: "_blake2",
    digest_size: 64,
    block_size: 128,
    digest: blake2b,
};
pub static BLAKE2S: Algorithm = Algorithm {
    name: "blake2s",
    module: "_blake2",
    digest_size: 32,
    block_size: 64,
    digest: blake2s,
};
pub static ALGORITHMS: &[&Algorithm] = &[&BLAKE2B, &BLAKE2S];

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// One BLAKE2 variant, instantiated for a word type: the compression
/// function F and the whole hash of a message.
macro_rules! blake2_variant {
    ($hash:ident, $word:ty, $rounds:expr, $r:expr, $iv:expr) => {
        /// `params` is the parameter block, the last-node flag byte, then the key.
        fn $hash(params: &[u8], message: &[u8], length: usize) -> Vec<u8> {
            const W: usize = std::mem::size_of::<$word>();
            const BLOCK: usize = 16 * W;
            let iv: [$word; 8] = $iv;
            let word = |b: &[u8]| {
                let mut a = [0u8; W];
                a.copy_from_slice(b);
                <$word>::from_le_bytes(a)
            };
            let (block, rest) = params.split_at(8 * W);
            let last_node = rest.first().copied().unwrap_or(0) != 0;
            let key = rest.get(1..).unwrap_or(&[]);
            let mut h = iv;
            for (hi, p) in h.iter_mut().zip(block.chunks_exact(W)) {
                *hi ^= word(p);
            }
            let mut data = Vec::new();
            if !key.is_empty() {
                data.extend_from_slice(key);
                data.resize(BLOCK, 0);
            }
            data.extend_from_slice(message);
            let blocks = data.len().div_ceil(BLOCK).max(1);
            let total = data.len();
            data.resize(blocks * BLOCK, 0);
            for (i, chunk) in data.chunks_exact(BLOCK).enumerate() {
                let last = i + 1 == blocks;
                let counter = if last { total } else { (i + 1) * BLOCK } as u128;
                let m: Vec<$word> = chunk.chunks_exact(W).map(word).collect();
                let mut v = [0 as $word; 16];
                v[..8].copy_from_slice(&h);
                v[8..].copy_from_slice(&iv);
                v[12] ^= counter as $word;
                v[13] ^= (counter >> (8 * W)) as $word;
                if last {
                    v[14] = !v[14];
                    if last_node {
                        v[15] = !v[15];
                    }
                }
                let [r1, r2, r3, r4] = $r;
                let mut g = |a: usize, b: usize, c: usize, d: usize, x: $word, y: $word| {
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                    v[d] = (v[d] ^ v[a]).rotate_right(r1);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right(r2);
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                    v[d] = (v[d] ^ v[a]).rotate_right(r3);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right(r4);
                };
                for round in 0..$rounds {
                    let s = &SIGMA[round % 10];
                    g(0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    h[i] ^= v[i] ^ v[i + 8];
                }
            }
            h.iter().flat_map(|w| w.to_le_bytes()).take(length).collect()
        }
    };
}

blake2_variant!(blake2b_raw, u64, 12, [32, 24, 16, 63], SHA512_INIT);
blake2_variant!(blake2s_raw, u32, 10, [16, 12, 8, 7], sha256_init());

fn blake2b(params: &[u8], message: &[u8], length: usize) -> Vec<u8> {
    blake2b_raw(params, message, length)
}

fn blake2s(params: &[u8], message: &[u8], length: usize) -> Vec<u8> {
    blake2s_raw(params, message, length)
}

const PARAMS: &[&str] = &[
    "data",
    "digest_size",
    "key",
    "salt",
    "person",
    "fanout",
    "depth",
    "leaf_size",
    "node_offset",
    "node_depth",
    "inner_size",
    "last_node",
];

/// The parameter block (RFC 7693 2.5; BLAKE2 paper 2.8) and what follows it
/// in an object's params: the last-node flag and the key.
fn construct(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    algorithm: &'static Algorithm,
) -> PyResult {
    let bound = keyword_args(vm, args, kwnames, algorithm.name, PARAMS)?;
    let big = algorithm.block_size == 128;
    let max_size = algorithm.digest_size;
    let (salt_size, offset_size) = if big { (16, 8) } else { (8, 6) };
    let int = |i: usize, default: i64| -> PyResult<i64> {
        match bound[i] {
            None => Ok(default),
            Some(v) if v == Value::TRUE => Ok(1),
            Some(v) if v == Value::FALSE => Ok(0),
            Some(v) => v
                .as_small_int()
                .ok_or_else(|| vm.type_error(&format!("{}: integer argument expected", PARAMS[i]))),
        }
    };
    let bytes = |i: usize| -> PyResult<Vec<u8>> {
        bound[i].map(|v| data_arg(vm, v)).transpose().map(Option::unwrap_or_default)
    };
    let digest_size = int(1, max_size as i64)?;
    if !(1..=max_size as i64).contains(&digest_size) {
        return Err(vm.value_error(&format!("digest_size must be between 1 and {max_size} bytes")));
    }
    let (key, mut salt, mut person) = (bytes(2)?, bytes(3)?, bytes(4)?);
    if key.len() > max_size {
        return Err(vm.value_error(&format!("maximum key length is {max_size} bytes")));
    }
    if salt.len() > salt_size {
        return Err(vm.value_error(&format!("maximum salt length is {salt_size} bytes")));
    }
    if person.len() > salt_size {
        return Err(vm.value_error(&format!("maximum person length is {salt_size} bytes")));
    }
    let fanout = int(5, 1)?;
    let depth = int(6, 1)?;
    let leaf_size = int(7, 0)?;
    let node_offset = int(8, 0)?;
    let node_depth = int(9, 0)?;
    let inner_size = int(10, 0)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    if !(0..=u32::MAX as i64).contains(&leaf_size) {
        return Err(vm.value_error("leaf_size is too large"));
    }
    if node_offset < 0 || (!big && node_offset >= 1 << 48) {
        return Err(vm.value_error("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    if !(0..=max_size as i64).contains(&inner_size) {
        return Err(vm.value_error(&format!("inner_size must be between 0 and is {max_size}")));
    }
    let mut params = vec![digest_size as u8, key.len() as u8, fanout as u8, depth as u8];
    params.extend_from_slice(&(leaf_size as u32).to_le_bytes());
    params.extend_from_slice(&(node_offset as u64).to_le_bytes()[..offset_size]);
    params.extend_from_slice(&[node_depth as u8, inner_size as u8]);
    if big {
        params.extend_from_slice(&[0; 14]);
    }
    salt.resize(salt_size, 0);
    person.resize(salt_size, 0);
    params.extend_from_slice(&salt);
    params.extend_from_slice(&person);
    params.push((int(11, 0)? != 0) as u8);
    params.extend_from_slice(&key);
    instantiate(vm, algorithm, params, digest_size as usize, bound[0])
}

fn new_blake2b(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &BLAKE2B)
}

fn new_blake2s(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    construct(vm, args, kwnames, &BLAKE2S)
}

pub fn create(vm: &mut Vm) -> PyResult {
    let module = create_module(vm, "_blake2", &[(&BLAKE2B, new_blake2b), (&BLAKE2S, new_blake2s)])?;
    let mark = vm.push_temp(module);
    let result = (|| {
        for (name, value) in [
            ("BLAKE2B_SALT_SIZE", 16),
            ("BLAKE2B_PERSON_SIZE", 16),
            ("BLAKE2B_MAX_KEY_SIZE", 64),
            ("BLAKE2B_MAX_DIGEST_SIZE", 64),
            ("BLAKE2S_SALT_SIZE", 8),
            ("BLAKE2S_PERSON_SIZE", 8),
            ("BLAKE2S_MAX_KEY_SIZE", 32),
            ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ] {
            let v = vm.heap.new_int_i64(value);
            super::module_set(vm, module, name, v)?;
        }
        Ok(())
    })();
    vm.truncate_temps(mark);
    result.map(|_| module)
}

#[cfg(test)]
mod tests {
    use super::super::hash_object::hex;
    use super::*;

    fn default_params(size: u8, block_words: usize, key: &[u8]) -> Vec<u8> {
        let mut p = vec![size, key.len() as u8, 1, 1];
        p.resize(block_words * 8, 0);
        p.push(0);
        p.extend_from_slice(key);
        p
    }

    #[test]
    fn rfc_7693_vectors() {
        assert_eq!(
            hex(&blake2b(&default_params(64, 8, b""), b"abc", 64)),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1\
             7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        );
        assert_eq!(
            hex(&blake2s(&default_params(32, 4, b""), b"abc", 32)),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"
        );
        assert_eq!(
            hex(&blake2s(&default_params(32, 4, b""), b"", 32)),
            "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9"
        );
    }
}
