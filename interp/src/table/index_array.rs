//! The index half of a compact dict: a power-of-two array of entry numbers,
//! each 1, 2, 4 or 8 bytes wide as the table's size requires, as CPython's
//! `dk_indices` (small dicts then fit their whole index in a cache line).

/// A slot that never held an entry: a probe ends here.
pub const EMPTY: isize = -1;
/// A slot whose entry was deleted: a probe goes on past it.
pub const DUMMY: isize = -2;

#[derive(Clone, Debug)]
pub enum IndexArray {
    I8(Box<[i8]>),
    I16(Box<[i16]>),
    I32(Box<[i32]>),
    I64(Box<[i64]>),
}

impl IndexArray {
    /// `size` slots, all [`EMPTY`]; the width is CPython's choice for that
    /// size (a slot must hold any entry number below `size`).
    pub fn new(size: usize) -> Self {
        if size <= 0xff {
            IndexArray::I8(vec![-1; size].into_boxed_slice())
        } else if size <= 0xffff {
            IndexArray::I16(vec![-1; size].into_boxed_slice())
        } else if size as u64 <= 0xffff_ffff {
            IndexArray::I32(vec![-1; size].into_boxed_slice())
        } else {
            IndexArray::I64(vec![-1; size].into_boxed_slice())
        }
    }

    pub fn len(&self) -> usize {
        match self {
            IndexArray::I8(a) => a.len(),
            IndexArray::I16(a) => a.len(),
            IndexArray::I32(a) => a.len(),
            IndexArray::I64(a) => a.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes per slot.
    pub fn width(&self) -> usize {
        match self {
            IndexArray::I8(_) => 1,
            IndexArray::I16(_) => 2,
            IndexArray::I32(_) => 4,
            IndexArray::I64(_) => 8,
        }
    }

    #[inline]
    pub fn get(&self, slot: usize) -> isize {
        match self {
            IndexArray::I8(a) => a[slot] as isize,
            IndexArray::I16(a) => a[slot] as isize,
            IndexArray::I32(a) => a[slot] as isize,
            IndexArray::I64(a) => a[slot] as isize,
        }
    }

    /// Stores an entry number (or [`EMPTY`]/[`DUMMY`]); `new` chose a width
    /// that holds every entry number the table can have, so the casts are exact.
    #[inline]
    pub fn set(&mut self, slot: usize, ix: isize) {
        match self {
            IndexArray::I8(a) => a[slot] = ix as i8,
            IndexArray::I16(a) => a[slot] = ix as i16,
            IndexArray::I32(a) => a[slot] = ix as i32,
            IndexArray::I64(a) => a[slot] = ix as i64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_follows_size_and_round_trips_extremes() {
        for (size, width) in [(8, 1), (256, 2), (1 << 16, 4), (1 << 17, 4)] {
            let mut a = IndexArray::new(size);
            assert_eq!((a.len(), a.width()), (size, width));
            assert_eq!(a.get(size - 1), EMPTY);
            let largest = (size * 2 / 3) as isize - 1;
            a.set(size - 1, largest);
            a.set(0, DUMMY);
            assert_eq!((a.get(size - 1), a.get(0)), (largest, DUMMY));
        }
    }
}
