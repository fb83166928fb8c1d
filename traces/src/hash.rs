//! Multiply-rotate hashing for keys that are already unique words: the
//! compiler's (SSA values, instruction contents, (code, pc) pairs) and the
//! heap's (object addresses). SipHash's resistance to chosen
//! keys buys nothing here, since no input chooses these keys, and it costs
//! more than the lookups it serves.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Folds each word written into the state with a rotate, xor and multiply.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // Keys are often 8-aligned addresses, whose product keeps its low
        // bits zero: fold the high bits down so the table's low bits vary.
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub type WordBuildHasher = BuildHasherDefault<WordHasher>;
/// A map keyed by compiler values.
pub type WordMap<K, V> = HashMap<K, V, WordBuildHasher>;
/// A set of compiler values.
pub type WordSet<K> = HashSet<K, WordBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_keys_spread_over_buckets() {
        use std::hash::BuildHasher;
        let build = WordBuildHasher::default();
        let low_bits: WordSet<u64> = (0..64u32).map(|k| build.hash_one(k) & 63).collect();
        assert!(low_bits.len() > 32, "only {} distinct buckets", low_bits.len());
        let addresses: WordSet<u64> =
            (0..64u64).map(|k| build.hash_one(0x7f00_0000_0000 + 8 * k) & 63).collect();
        assert!(addresses.len() > 32, "only {} distinct buckets", addresses.len());
    }
}
