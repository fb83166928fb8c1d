//! The working memory of picklers and unpicklers, kept between runs: the
//! pickler's memo table (object identity to memo index) and output
//! buffer, the unpickler's input buffer, stack, marks and memo.
//!
//! Programs call `dumps`/`loads` many times on small objects; allocating
//! fresh tables and buffers each time, and growing them item by item, cost
//! a large share of the run (callgrind: a sixth of the instructions of a
//! 30-list `dumps` went to memo inserts that rehashed). A finished run
//! hands its memory back, emptied, to a small pool; oversized pieces are
//! dropped so that one huge pickle does not make every later small one
//! clear a huge table.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use crate::object::Value;

/// Hashes an object's identity (its value bits) with one multiply: memo
/// lookups happen for every object saved, and SipHash dominated them.
#[derive(Default)]
pub(super) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Object identity (value bits) to memo index.
pub(super) type Memo = HashMap<u64, u32, std::hash::BuildHasherDefault<IdentityHasher>>;

/// A memo table and output buffer for one pickling run.
#[derive(Default)]
pub(super) struct Scratch {
    pub memo: Memo,
    pub out: Vec<u8>,
}

/// Tables larger than this are dropped rather than kept: clearing costs
/// their capacity.
const KEEP_MEMO_ENTRIES: usize = 1 << 12;
/// Buffers larger than this are dropped rather than kept.
const KEEP_OUT_BYTES: usize = 1 << 20;
/// Picklers nest (a `__reduce__` may call `dumps`); a few spares serve them.
const POOL_SIZE: usize = 4;
/// A fresh buffer's capacity: most pickles of small objects fit.
const FIRST_OUT_BYTES: usize = 1024;

/// An unpickler's buffers.
#[derive(Default)]
pub(super) struct LoadScratch {
    pub data: Vec<u8>,
    pub stack: Vec<Value>,
    pub marks: Vec<usize>,
    pub memo: Vec<Option<Value>>,
}

thread_local! {
    static POOL: RefCell<Vec<Scratch>> = const { RefCell::new(Vec::new()) };
    static LOAD_POOL: RefCell<Vec<LoadScratch>> = const { RefCell::new(Vec::new()) };
}

fn take_from<T>(pool: &'static LocalKey<RefCell<Vec<T>>>) -> Option<T> {
    pool.with(|pool| pool.borrow_mut().pop())
}

fn give_to<T>(pool: &'static LocalKey<RefCell<Vec<T>>>, item: T) {
    pool.with(|pool| {
        let mut pool = pool.borrow_mut();
        if pool.len() < POOL_SIZE {
            pool.push(item);
        }
    });
}

impl Scratch {
    /// An empty table and buffer, reused when one is spare.
    pub fn take() -> Scratch {
        take_from(&POOL).unwrap_or_else(|| Scratch {
            memo: Memo::default(),
            out: Vec::with_capacity(FIRST_OUT_BYTES),
        })
    }

    /// Empties the table and buffer and keeps them for the next run.
    pub fn give_back(mut self) {
        if self.memo.capacity() > KEEP_MEMO_ENTRIES || self.out.capacity() > KEEP_OUT_BYTES {
            return;
        }
        self.memo.clear();
        self.out.clear();
        give_to(&POOL, self);
    }
}

impl LoadScratch {
    /// Empty buffers, reused when some are spare.
    pub fn take() -> LoadScratch {
        take_from(&LOAD_POOL).unwrap_or_default()
    }

    /// Empties the buffers (dropping the values they held) and keeps them
    /// for the next run.
    pub fn give_back(mut self) {
        if self.data.capacity() > KEEP_OUT_BYTES
            || self.memo.capacity() > KEEP_MEMO_ENTRIES
            || self.stack.capacity() > KEEP_MEMO_ENTRIES
        {
            return;
        }
        self.data.clear();
        self.stack.clear();
        self.marks.clear();
        self.memo.clear();
        give_to(&LOAD_POOL, self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_scratch_comes_back_empty_with_its_capacity() {
        let mut s = Scratch::take();
        for i in 0..100u64 {
            s.memo.insert(i * 8, i as u32);
        }
        s.out.extend_from_slice(&[1; 3000]);
        let (memo_cap, out_cap) = (s.memo.capacity(), s.out.capacity());
        s.give_back();
        let s = Scratch::take();
        assert!(s.memo.is_empty() && s.out.is_empty());
        assert_eq!((s.memo.capacity(), s.out.capacity()), (memo_cap, out_cap));
    }

    #[test]
    fn oversized_tables_are_not_kept() {
        while POOL.with(|p| p.borrow_mut().pop()).is_some() {}
        let mut s = Scratch::take();
        for i in 0..(KEEP_MEMO_ENTRIES as u64 + 1) {
            s.memo.insert(i, i as u32);
        }
        s.give_back();
        assert_eq!(POOL.with(|p| p.borrow().len()), 0);
    }
}
