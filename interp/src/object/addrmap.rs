//! `AddrMap`: a `HashMap` keyed by the bits of a `Value` (an address or an
//! interned name), hashed by one multiply instead of SipHash: such keys
//! are already unique words, and no Python input chooses them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, word: u64) {
        // Addresses are 8-aligned: fold the high bits down so the table's
        // low bits vary.
        let h = word.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

pub type AddrMap<V> = HashMap<u64, V, BuildHasherDefault<WordHasher>>;
