//! `str`: UTF-8 text with its length in code points, an ASCII flag (O(1)
//! indexing and slicing when set) and a cached hash; the interning table
//! for identifiers and attribute names.

use std::cell::{Cell, OnceCell};
use std::mem::offset_of;

use super::gc::Tracer;
use super::hash::str_hash;
use super::header::{tail_of, Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;

/// The UTF-8 bytes follow the payload inline in the object's cell (as a
/// tuple's items do), so making a str is one cell allocation and freeing it
/// touches no system allocator. A `StrObj` therefore only exists on the
/// heap: it is made by [`Heap::new_str_of_type`] and its siblings.
pub struct StrObj {
    /// CPython's hash, or -1 before the first `hash()`.
    hash: Cell<i64>,
    char_len: usize,
    ascii: bool,
    /// Bytes of UTF-8 in the tail.
    byte_len: usize,
    /// Non-ASCII text: byte offset of every `CRUMB_STRIDE`-th code point,
    /// built on first indexing, so `s[i]` costs at most a stride of decoding.
    crumbs: OnceCell<Box<[usize]>>,
}

const CRUMB_STRIDE: usize = 32;

pub const STR_HASH_OFFSET: usize = offset_of!(HeapObj<StrObj>, payload) + offset_of!(StrObj, hash);
pub const STR_CHAR_LEN_OFFSET: usize =
    offset_of!(HeapObj<StrObj>, payload) + offset_of!(StrObj, char_len);

/// Header flag of a str in the interning table.
pub const STR_FLAG_INTERNED: u8 = 1;

// SAFETY: a str holds no references; its tail is `byte_len` bytes.
unsafe impl Payload for StrObj {
    const KIND: ObjKind = ObjKind::Str;
    fn trace(&self, _tracer: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.crumbs.get().map_or(0, |c| c.len() * 8)
    }
    fn tail_len(&self) -> usize {
        self.byte_len
    }
}

impl StrObj {
    /// The payload for `text`, which `alloc_with_tail` puts after it.
    fn describing(text: &str) -> StrObj {
        let ascii = text.is_ascii();
        let char_len = if ascii { text.len() } else { text.chars().count() };
        StrObj {
            hash: Cell::new(-1),
            char_len,
            ascii,
            byte_len: text.len(),
            crumbs: OnceCell::new(),
        }
    }

    /// The text as bytes (the tail).
    #[inline]
    fn bytes(&self) -> &[u8] {
        // SAFETY: a StrObj is only made by `Heap::new_str_of_type`, with a
        // tail of exactly `byte_len` bytes, never changed afterwards.
        unsafe { tail_of(self, self.byte_len) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: the tail was copied from a `&str`, so it is valid UTF-8.
        unsafe { std::str::from_utf8_unchecked(self.bytes()) }
    }

    /// `len(s)`: code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// `hash(s)`: CPython's value for the process's hash seed
    /// ([`super::hash`]); computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(self.as_str());
        self.hash.set(h);
        h
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii || i == 0 {
            return i.min(self.as_str().len());
        }
        if i >= self.char_len {
            return self.as_str().len();
        }
        let crumbs = self.crumbs.get_or_init(|| {
            self.as_str().char_indices().step_by(CRUMB_STRIDE).map(|(b, _)| b).collect()
        });
        let from = crumbs[i / CRUMB_STRIDE];
        self.as_str()[from..]
            .char_indices()
            .nth(i % CRUMB_STRIDE)
            .map_or(self.as_str().len(), |(b, _)| from + b)
    }

    /// `s[i]` for `0 <= i < len` (negative indices are the caller's).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.char_len {
            None
        } else if self.ascii {
            Some(self.bytes()[i] as char)
        } else {
            self.as_str()[self.byte_offset(i)..].chars().next()
        }
    }

    /// The code points `start..end` (clamped; empty when `start >= end`).
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.char_len);
        if start >= end {
            return "";
        }
        if self.ascii {
            return &self.as_str()[start..end];
        }
        &self.as_str()[self.byte_offset(start)..self.byte_offset(end)]
    }
}

impl Heap {
    /// A new str object (not interned).
    pub fn new_str(&self, text: &str) -> Value {
        self.new_str_of_type(self.types.str, text).value()
    }

    /// A new str object with the text of `text` (results of formatting,
    /// joining).
    pub fn new_str_from_string(&self, text: String) -> Value {
        self.new_str(&text)
    }

    /// A str (or str subclass instance) holding a copy of `text`.
    pub fn new_str_of_type(&self, ty: Value, text: &str) -> Gc<StrObj> {
        self.alloc_with_tail(ty, StrObj::describing(text), text.as_bytes())
    }

    /// The interned str for `text`: one object per distinct text, alive as
    /// long as the heap. Attribute names and identifiers go through here,
    /// so they compare by identity.
    pub fn intern(&self, text: &str) -> Value {
        if let Some(&v) = self.interned.borrow().get(text) {
            return v;
        }
        let s = self.new_str_of_type(self.types.str, text);
        s.header().set_flags(s.header().flags() | STR_FLAG_INTERNED);
        self.interned.borrow_mut().insert(text.into(), s.value());
        s.value()
    }

    /// The interned equivalent of a str value (itself if already interned);
    /// `None` if `v` is not a str.
    pub fn intern_value(&self, v: Value) -> Option<Value> {
        let s = Gc::<StrObj>::from_value(v)?;
        if s.header().flags() & STR_FLAG_INTERNED != 0 {
            Some(v)
        } else {
            Some(self.intern(s.as_str()))
        }
    }

    pub(super) fn trace_interned(&self, tracer: &mut Tracer) {
        for &v in self.interned.borrow().values() {
            tracer.mark(v)
        }
    }
}

/// The text of a str value (or str subclass instance).
pub fn str_of(v: Value) -> Option<Gc<StrObj>> {
    Gc::<StrObj>::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_str(heap: &Heap, text: &str) -> Gc<StrObj> {
        heap.new_str_of_type(heap.types().str, text)
    }

    #[test]
    fn ascii_and_non_ascii_indexing() {
        let heap = Heap::new();
        let a = new_str(&heap, "hello");
        assert!(a.is_ascii());
        assert_eq!((a.char_len(), a.char_at(1), a.char_at(5)), (5, Some('e'), None));
        assert_eq!(a.slice_chars(1, 3), "el");
        assert_eq!(a.slice_chars(3, 100), "lo");
        assert_eq!(a.slice_chars(4, 2), "");
        let u = new_str(&heap, "añ日🐍z");
        assert!(!u.is_ascii());
        assert_eq!(u.char_len(), 5);
        assert_eq!(u.char_at(2), Some('日'));
        assert_eq!(u.char_at(3), Some('🐍'));
        assert_eq!(u.slice_chars(1, 4), "ñ日🐍");
        assert_eq!(u.slice_chars(4, 9), "z");
        assert_eq!(u.slice_chars(5, 9), "");
        assert_eq!(u.byte_offset(5), u.as_str().len());
    }

    #[test]
    fn long_non_ascii_text_indexes_by_code_point() {
        let text: String = (0..1000)
            .map(|i| char::from_u32(0x3b1 + (i % 20) as u32).unwrap())
            .chain("z🐍".chars())
            .collect();
        let heap = Heap::new();
        let s = new_str(&heap, &text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(s.char_len(), chars.len());
        for i in [0, 1, 31, 32, 33, 500, 999, 1000, 1001] {
            assert_eq!(s.char_at(i), Some(chars[i]), "index {i}");
        }
        assert_eq!(s.char_at(1002), None);
        let expected: String = chars[30..70].iter().collect();
        assert_eq!(s.slice_chars(30, 70), expected);
        assert_eq!(s.slice_chars(1000, 5000), "z🐍");
    }

    #[test]
    fn hash_is_cached_and_cpython_compatible() {
        let heap = Heap::new();
        let s = new_str(&heap, "");
        assert_eq!(s.hash(), 0);
        let s = new_str(&heap, "abc");
        assert_eq!(s.hash(), s.hash());
        assert_ne!(s.hash(), -1);
    }

    #[test]
    fn interning_gives_one_object() {
        let heap = Heap::new();
        let a = heap.intern("spam");
        let b = heap.intern("spam");
        assert_eq!(a, b);
        let c = heap.new_str_from_string("spam".to_string());
        assert_ne!(a, c);
        assert_eq!(heap.intern_value(c), Some(a));
        assert_eq!(heap.intern_value(Value::NONE), None);
        heap.collect(&super::super::NoRoots);
        assert_eq!(str_of(a).unwrap().as_str(), "spam", "interned strings are roots");
    }
}
