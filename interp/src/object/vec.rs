//! `ValueVec`: a growable vector of values with a fixed `#[repr(C)]` layout
//! (pointer, length, capacity), so JIT code can load `items[i]` with two
//! loads. Used by lists and by instance slot vectors.
//!
//! It never hands out a reference into its buffer: mutation goes through
//! `&self` (objects are shared), so a slice could dangle after a push.
//! Readers copy values out (`get`, `to_vec`).

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::mem::offset_of;
use std::ptr::NonNull;

use super::gc::Tracer;
use super::heap::note_external_alloc;
use super::value::Value;

/// A vector that large cannot be allocated (Python's MemoryError).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

#[repr(C)]
pub struct ValueVec {
    ptr: Cell<NonNull<Value>>,
    len: Cell<usize>,
    cap: Cell<usize>,
}

/// Set in `cap` while the buffer is not the vector's own but inline in
/// the object holding it (see [`ValueVec::inline_placeholder`]): it is
/// never freed or reallocated; growing past it moves to an owned buffer.
const INLINE: usize = 1 << (usize::BITS - 1);

pub const VALUE_VEC_PTR_OFFSET: usize = offset_of!(ValueVec, ptr);
pub const VALUE_VEC_LEN_OFFSET: usize = offset_of!(ValueVec, len);

impl Default for ValueVec {
    fn default() -> Self {
        ValueVec::new()
    }
}

impl ValueVec {
    pub const fn new() -> Self {
        ValueVec { ptr: Cell::new(NonNull::dangling()), len: Cell::new(0), cap: Cell::new(0) }
    }

    pub fn from_slice(items: &[Value]) -> Self {
        let v = ValueVec::new();
        v.reserve(items.len());
        // SAFETY: capacity >= items.len() after `reserve`; the regions are
        // distinct (fresh buffer).
        unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), v.ptr.get().as_ptr(), items.len()) };
        v.len.set(items.len());
        v
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    pub fn capacity(&self) -> usize {
        self.cap.get() & !INLINE
    }

    /// An empty vector that owns no buffer and is to use `cap` values
    /// inline in its owner: the owner calls [`ValueVec::attach_inline`]
    /// once its allocation exists.
    pub const fn inline_placeholder(cap: usize) -> Self {
        ValueVec {
            ptr: Cell::new(NonNull::dangling()),
            len: Cell::new(0),
            cap: Cell::new(cap | INLINE),
        }
    }

    /// The inline capacity while the vector still uses its owner's
    /// inline values; 0 once it owns a buffer.
    pub fn inline_capacity(&self) -> usize {
        if self.cap.get() & INLINE != 0 {
            self.capacity()
        } else {
            0
        }
    }

    /// Points an [`ValueVec::inline_placeholder`] at its inline values, of
    /// which the first `len` are the contents.
    ///
    /// # Safety
    /// `buf` holds the placeholder's capacity of values, the first `len`
    /// initialised, lives exactly as long as this vector (inside the same
    /// object) and is used by nothing else.
    pub unsafe fn attach_inline(&self, buf: NonNull<Value>, len: usize) {
        debug_assert!(self.cap.get() & INLINE != 0 && len <= self.capacity());
        self.ptr.set(buf);
        self.len.set(len);
    }

    /// Copies the `out.len()` elements at `start`, `start + step`, ... into
    /// `out` (a slice's positions, which the caller computed for this
    /// length).
    pub fn pick_into(&self, start: usize, step: isize, out: &mut [Value]) {
        self.with_slice(|s| {
            if step == 1 {
                out.copy_from_slice(&s[start..start + out.len()]);
                return;
            }
            for (k, slot) in out.iter_mut().enumerate() {
                *slot = s[start.wrapping_add_signed(k as isize * step)];
            }
        })
    }

    /// Copies this vector's elements and then `other`'s into `out`, which
    /// has room for exactly both.
    pub fn concat_into(&self, other: &ValueVec, out: &mut [Value]) {
        self.with_slice(|a| {
            other.with_slice(|b| {
                out[..a.len()].copy_from_slice(a);
                out[a.len()..].copy_from_slice(b);
            })
        })
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        // SAFETY: `i < len <= cap`, and elements below `len` are initialised.
        (i < self.len.get()).then(|| unsafe { *self.ptr.get().as_ptr().add(i) })
    }

    /// Stores `v` at `i`; false if out of range.
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        if i < self.len.get() {
            // SAFETY: `i < len <= cap`: inside the buffer.
            unsafe { *self.ptr.get().as_ptr().add(i) = v };
            true
        } else {
            false
        }
    }

    /// Runs `f` on the current contents; private so that `f` is always one
    /// of ours that does not touch the vector.
    fn with_slice<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        // SAFETY: the first `len` elements are initialised, and the callers
        // in this module pass closures that never mutate this vector, so the
        // buffer stays put while the slice lives.
        f(unsafe { std::slice::from_raw_parts(self.ptr.get().as_ptr(), self.len.get()) })
    }

    pub fn to_vec(&self) -> Vec<Value> {
        self.with_slice(|s| s.to_vec())
    }

    /// Appends the contents to `out` (one copy, no temporary).
    pub fn extend_into(&self, out: &mut Vec<Value>) {
        self.with_slice(|s| out.extend_from_slice(s))
    }

    /// A new vector of this one's elements followed by `other`'s (`a + b`
    /// of lists), allocated once.
    pub fn concat(&self, other: &ValueVec) -> ValueVec {
        self.with_slice(|a| {
            other.with_slice(|b| {
                let out = ValueVec::new();
                out.reserve(a.len() + b.len());
                // SAFETY: the fresh buffer holds `a.len() + b.len()` values
                // and aliases neither source.
                unsafe {
                    let p = out.ptr.get().as_ptr();
                    std::ptr::copy_nonoverlapping(a.as_ptr(), p, a.len());
                    std::ptr::copy_nonoverlapping(b.as_ptr(), p.add(a.len()), b.len());
                }
                out.len.set(a.len() + b.len());
                out
            })
        })
    }

    /// A new vector of the `count` elements at `start`, `start + step`, ...
    /// (a slice's positions, which the caller computed for this length).
    pub fn pick(&self, start: usize, step: isize, count: usize) -> ValueVec {
        self.with_slice(|s| {
            if step == 1 {
                return ValueVec::from_slice(&s[start..start + count]);
            }
            let out = ValueVec::new();
            out.reserve(count);
            for k in 0..count {
                out.push(s[start.wrapping_add_signed(k as isize * step)]);
            }
            out
        })
    }

    /// Replaces the elements `start..stop` (clamped to the length) with
    /// `items`, moving the tail once (`Vec::splice`).
    pub fn splice(&self, start: usize, stop: usize, items: &[Value]) {
        let len = self.len.get();
        let stop = stop.min(len);
        let start = start.min(stop);
        let removed = stop - start;
        if items.len() > removed {
            self.reserve(items.len() - removed);
        }
        // SAFETY: capacity holds `len - removed + items.len()` values; the
        // tail `stop..len` is initialised and moves inside the buffer;
        // `items` cannot alias our buffer because `ValueVec` never lends out
        // a slice beyond `with_slice`.
        unsafe {
            let p = self.ptr.get().as_ptr();
            std::ptr::copy(p.add(stop), p.add(start + items.len()), len - stop);
            std::ptr::copy_nonoverlapping(items.as_ptr(), p.add(start), items.len());
        }
        self.len.set(len - removed + items.len());
    }

    /// Room for `extra` more values; aborts like `Vec` when memory is
    /// exhausted. Code sizing a vector from Python input (`[0] * n`) calls
    /// [`ValueVec::try_reserve`] first and raises MemoryError.
    pub fn reserve(&self, extra: usize) {
        if self.try_reserve(extra).is_err() {
            alloc::handle_alloc_error(Layout::new::<Value>())
        }
    }

    /// Room for `extra` more values, or `Err` if that many cannot exist.
    pub fn try_reserve(&self, extra: usize) -> Result<(), TooLarge> {
        let needed = self.len.get().checked_add(extra).ok_or(TooLarge)?;
        let cap = self.capacity();
        if needed <= cap {
            return Ok(());
        }
        let new_cap = needed.max(cap * 2).max(4);
        let new_layout = Layout::array::<Value>(new_cap).map_err(|_| TooLarge)?;
        let owned = self.buffer_bytes();
        // SAFETY: reallocating our own buffer with its old layout (when we
        // own one); the new size is non-zero. Inline values are copied
        // out and left to their owner.
        let raw = unsafe {
            if owned == 0 {
                let fresh = alloc::alloc(new_layout);
                if !fresh.is_null() {
                    let p = self.ptr.get().as_ptr();
                    std::ptr::copy_nonoverlapping(p, fresh as *mut Value, self.len.get());
                }
                fresh
            } else {
                let old = Layout::array::<Value>(cap).map_err(|_| TooLarge)?;
                alloc::realloc(self.ptr.get().as_ptr() as *mut u8, old, new_layout.size())
            }
        };
        let ptr = NonNull::new(raw as *mut Value).ok_or(TooLarge)?;
        note_external_alloc(new_layout.size() - owned);
        self.ptr.set(ptr);
        self.cap.set(new_cap);
        Ok(())
    }

    pub fn push(&self, v: Value) {
        self.reserve(1);
        // SAFETY: `len < cap` after `reserve(1)`.
        unsafe { self.ptr.get().as_ptr().add(self.len.get()).write(v) };
        self.len.set(self.len.get() + 1);
    }

    pub fn pop(&self) -> Option<Value> {
        let len = self.len.get();
        let last = self.get(len.checked_sub(1)?)?;
        self.len.set(len - 1);
        Some(last)
    }

    /// Inserts at `i` (clamped to the length), shifting the rest right.
    pub fn insert(&self, i: usize, v: Value) {
        self.reserve(1);
        let len = self.len.get();
        let i = i.min(len);
        // SAFETY: `len < cap`; moving `len - i` initialised elements one
        // place right stays inside the buffer.
        unsafe {
            let p = self.ptr.get().as_ptr().add(i);
            std::ptr::copy(p, p.add(1), len - i);
            p.write(v);
        }
        self.len.set(len + 1);
    }

    /// Removes and returns element `i`, shifting the rest left.
    pub fn remove(&self, i: usize) -> Option<Value> {
        let len = self.len.get();
        let v = self.get(i)?;
        // SAFETY: `i < len`; moving `len - i - 1` elements left stays inside
        // the initialised part.
        unsafe {
            let p = self.ptr.get().as_ptr().add(i);
            std::ptr::copy(p.add(1), p, len - i - 1);
        }
        self.len.set(len - 1);
        Some(v)
    }

    pub fn truncate(&self, len: usize) {
        if len < self.len.get() {
            self.len.set(len)
        }
    }

    pub fn clear(&self) {
        self.len.set(0)
    }

    /// Replaces the contents with `items`.
    pub fn replace(&self, items: &[Value]) {
        self.clear();
        self.reserve(items.len());
        // SAFETY: capacity suffices; `items` cannot alias our buffer because
        // `ValueVec` never lends out a slice beyond `with_slice`.
        unsafe {
            std::ptr::copy_nonoverlapping(items.as_ptr(), self.ptr.get().as_ptr(), items.len())
        };
        self.len.set(items.len());
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        self.with_slice(|s| tracer.mark_all(s))
    }

    /// Bytes of the buffer (counted as the owner's extra bytes).
    /// Inline values belong to the owner's allocation: 0 for them.
    pub fn buffer_bytes(&self) -> usize {
        if self.cap.get() & INLINE != 0 {
            return 0;
        }
        self.cap.get() * size_of::<Value>()
    }
}

impl Drop for ValueVec {
    fn drop(&mut self) {
        if self.buffer_bytes() > 0 {
            let layout =
                Layout::array::<Value>(self.cap.get()).expect("layout was valid at allocation");
            // SAFETY: the buffer was allocated with this layout and is freed once.
            unsafe { alloc::dealloc(self.ptr.get().as_ptr() as *mut u8, layout) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quickcheck::quickcheck;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    #[derive(Clone, Debug)]
    enum Op {
        Push(i64),
        Pop,
        Insert(usize, i64),
        Remove(usize),
        Set(usize, i64),
        Truncate(usize),
        Splice(usize, usize, Vec<i64>),
        Pick(usize, i8, usize),
    }

    impl quickcheck::Arbitrary for Op {
        fn arbitrary(g: &mut quickcheck::Gen) -> Self {
            let i = usize::arbitrary(g) % 40;
            let v = i64::arbitrary(g) >> 20;
            let j = usize::arbitrary(g) % 40;
            match u8::arbitrary(g) % 8 {
                6 => Op::Splice(
                    i,
                    j,
                    Vec::<i64>::arbitrary(g).into_iter().take(8).map(|x| x >> 20).collect(),
                ),
                7 => Op::Pick(i, i8::arbitrary(g) % 4, j),
                0 | 1 => Op::Push(v),
                2 => Op::Pop,
                3 => Op::Insert(i, v),
                4 => Op::Remove(i),
                _ => {
                    if bool::arbitrary(g) {
                        Op::Set(i, v)
                    } else {
                        Op::Truncate(i)
                    }
                }
            }
        }
    }

    quickcheck! {
        fn behaves_like_vec(ops: Vec<Op>) -> bool {
            let model: &mut Vec<Value> = &mut Vec::new();
            let v = ValueVec::new();
            for op in ops {
                match op {
                    Op::Push(x) => { v.push(int(x)); model.push(int(x)) }
                    Op::Pop => { if v.pop() != model.pop() { return false } }
                    Op::Insert(i, x) => { v.insert(i, int(x)); model.insert(i.min(model.len()), int(x)) }
                    Op::Remove(i) => {
                        let expected = (i < model.len()).then(|| model.remove(i));
                        if v.remove(i) != expected { return false }
                    }
                    Op::Set(i, x) => {
                        let ok = i < model.len();
                        if ok { model[i] = int(x) }
                        if v.set(i, int(x)) != ok { return false }
                    }
                    Op::Truncate(n) => { v.truncate(n); model.truncate(n) }
                    Op::Splice(a, b, xs) => {
                        let b = b.min(model.len());
                        let a = a.min(b);
                        let xs: Vec<Value> = xs.into_iter().map(int).collect();
                        v.splice(a, b, &xs);
                        model.splice(a..b, xs);
                    }
                    Op::Pick(start, step, count) => {
                        let step = if step == 0 { 1 } else { step as isize };
                        let positions: Vec<usize> = (0..count)
                            .map(|k| start as isize + k as isize * step)
                            .take_while(|&p| p >= 0 && (p as usize) < model.len())
                            .map(|p| p as usize)
                            .collect();
                        let Some(&first) = positions.first() else { continue };
                        let picked = v.pick(first, step, positions.len());
                        let expected: Vec<Value> = positions.iter().map(|&p| model[p]).collect();
                        if picked.to_vec() != expected { return false }
                    }
                }
            }
            v.to_vec() == *model && v.len() == model.len()
        }
    }

    #[test]
    fn impossible_sizes_are_errors() {
        let v = ValueVec::from_slice(&[int(1)]);
        assert_eq!(v.try_reserve(usize::MAX), Err(TooLarge));
        assert_eq!(v.try_reserve(usize::MAX / 8), Err(TooLarge));
        assert_eq!(v.to_vec(), vec![int(1)]);
    }

    #[test]
    fn concat_copies_both() {
        let a = ValueVec::from_slice(&[int(1), int(2)]);
        let b = ValueVec::from_slice(&[int(3)]);
        assert_eq!(a.concat(&b).to_vec(), vec![int(1), int(2), int(3)]);
        assert_eq!(a.concat(&a).len(), 4);
        assert_eq!(ValueVec::new().concat(&ValueVec::new()).len(), 0);
    }

    #[test]
    fn from_slice_and_replace() {
        let v = ValueVec::from_slice(&[int(1), int(2)]);
        assert_eq!(v.to_vec(), vec![int(1), int(2)]);
        v.replace(&[int(3)]);
        assert_eq!(v.to_vec(), vec![int(3)]);
        assert_eq!(ValueVec::from_slice(&[]).len(), 0);
    }
}
