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
use std::thread::LocalKey;

use crate::object::Value;

/// Object identity (value bits) to memo index: an open-addressing table
/// with linear probing, as `_pickle.c`'s `PyMemoTable`. Every object
/// saved is looked up here, so it is kept to a multiply, a shift and a
/// compare per probe. Keys are never 0 (that would be the float 0.0,
/// which is never memoized); 0 marks an empty slot.
pub(super) struct Memo {
    keys: Vec<u64>,
    indices: Vec<u32>,
    len: usize,
    /// `64 - log2(slots)`: the hash is the top bits of a multiply.
    shift: u32,
}

const MEMO_FIRST_SLOTS: usize = 64;

impl Default for Memo {
    fn default() -> Self {
        Memo::with_slots(MEMO_FIRST_SLOTS)
    }
}

impl Memo {
    fn with_slots(slots: usize) -> Memo {
        Memo {
            keys: vec![0; slots],
            indices: vec![0; slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// How many entries it holds before growing.
    pub fn capacity(&self) -> usize {
        self.keys.len() / 3 * 2
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        // Fibonacci hashing: the high bits of the product mix all the
        // pointer's bits (low ones are alignment zeros).
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.indices[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Maps `key` to `idx`, replacing what it mapped to.
    pub fn insert(&mut self, key: u64, idx: u32) {
        if key == 0 {
            return;
        }
        if self.len + 1 > self.capacity() {
            self.grow();
        }
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                self.indices[i] = idx;
                return;
            }
            if k == 0 {
                self.keys[i] = key;
                self.indices[i] = idx;
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, Memo::with_slots(self.keys.len() * 4));
        for (&k, &idx) in old.keys.iter().zip(&old.indices) {
            if k != 0 {
                self.insert(k, idx);
            }
        }
    }

    pub fn clear(&mut self) {
        if self.len > 0 {
            self.keys.fill(0);
            self.len = 0;
        }
    }
}

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
    fn the_memo_maps_identities_to_indices_across_growth() {
        let mut m = Memo::default();
        for i in 1..=1000u64 {
            m.insert(i * 16, i as u32);
        }
        assert_eq!(m.len(), 1000);
        assert!((1..=1000u64).all(|i| m.get(i * 16) == Some(i as u32)));
        assert_eq!(m.get(8), None);
        m.insert(16, 7);
        assert_eq!((m.get(16), m.len()), (Some(7), 1000));
        m.clear();
        assert_eq!((m.get(16), m.len()), (None, 0));
    }

    #[test]
    fn a_returned_scratch_comes_back_empty_with_its_capacity() {
        let mut s = Scratch::take();
        for i in 1..100u64 {
            s.memo.insert(i * 8, i as u32);
        }
        s.out.extend_from_slice(&[1; 3000]);
        let (memo_cap, out_cap) = (s.memo.capacity(), s.out.capacity());
        s.give_back();
        let s = Scratch::take();
        assert!(s.memo.len() == 0 && s.out.is_empty());
        assert_eq!((s.memo.capacity(), s.out.capacity()), (memo_cap, out_cap));
    }

    #[test]
    fn oversized_tables_are_not_kept() {
        while POOL.with(|p| p.borrow_mut().pop()).is_some() {}
        let mut s = Scratch::take();
        for i in 1..(KEEP_MEMO_ENTRIES as u64 + 2) {
            s.memo.insert(i, i as u32);
        }
        s.give_back();
        assert_eq!(POOL.with(|p| p.borrow().len()), 0);
    }
}
