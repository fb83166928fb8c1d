//! `TextMap`: a `HashMap` keyed by short byte strings (interned names,
//! struct formats), hashed eight bytes to a multiply instead of SipHash's
//! rounds. Its keys are identifiers and format strings that the program's
//! own text names, so SipHash's resistance to chosen keys buys little, and
//! interning hashes on every attribute name a native function makes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Folds each eight bytes written into the state with a rotate, xor and
/// multiply (`traces::hash::WordHasher`'s step, a word at a time).
#[derive(Default, Clone, Copy)]
pub struct TextHasher(u64);

impl TextHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

impl Hasher for TextHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // A product's low bits depend only on its factors' low bits, and
        // the table picks buckets by the low ones: rotate the well-mixed
        // high bits down (as rustc's FxHasher does).
        self.0.rotate_left(26)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Zero padding is told apart by the length `[u8]` hashes first.
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map keyed by short byte strings.
pub type TextMap<K, V> = HashMap<K, V, BuildHasherDefault<TextHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn keys_differing_in_any_byte_or_length_differ() {
        let build = BuildHasherDefault::<TextHasher>::default();
        let h = |k: &[u8]| build.hash_one(k);
        assert_ne!(h(b"abc"), h(b"abc\0"));
        assert_ne!(h(b"abcdefgh1"), h(b"abcdefgh2"));
        assert_ne!(h(b"__init__"), h(b"__main__"));
        assert_eq!(h(b"__init__"), h(&b"x__init__"[1..]));
    }

    #[test]
    fn names_spread_over_buckets() {
        let build = BuildHasherDefault::<TextHasher>::default();
        let buckets: std::collections::HashSet<u64> =
            (0..64).map(|i| build.hash_one(format!("name{i}").as_bytes()) & 63).collect();
        assert!(buckets.len() > 32, "only {} distinct buckets", buckets.len());
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut map: TextMap<Box<[u8]>, usize> = TextMap::default();
        for i in 0..1000 {
            map.insert(format!("key_{i}").into_bytes().into(), i);
        }
        assert_eq!(map.get(&b"key_777"[..]), Some(&777));
        assert_eq!(map.get(&b"key_1000"[..]), None);
    }
}
