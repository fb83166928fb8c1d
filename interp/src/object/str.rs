//! `str`: UTF-8 text (lone surrogates allowed, see [`wtf8`]) with its length in code points, an ASCII flag (O(1)
//! indexing and slicing when set) and a cached hash; the interning table
//! for identifiers and attribute names.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::mem::offset_of;

use super::err::PyErr;
use super::gc::Tracer;
use super::hash::{str_hash, str_hash_code_points};
use super::header::{tail_of, Gc, HeapObj, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;
use crate::unicode::wtf8::{self, Surrogate};

/// The text follows the payload inline in the object's cell (as a tuple's
/// items do), so making a str is one cell allocation and freeing it touches
/// no system allocator. A `StrObj` therefore only exists on the heap: it is
/// made by [`Heap::new_str_of_type`] and its siblings.
///
/// The text is UTF-8 extended to lone surrogates ([`wtf8`]). A flag says
/// whether it holds any; without (the common case) it is plain UTF-8 and
/// [`StrObj::to_str`] is free. Code that hands the text to `&str` APIs, the
/// OS or a stream goes through `to_str`/[`StrObj::as_utf8`], which refuse
/// surrogates; code that works on code points or bytes (length, indexing,
/// slicing, concatenation, comparison, hashing, repr, encode) takes
/// [`StrObj::as_wtf8`] or [`StrObj::code_points`] and handles every str.
pub struct StrObj {
    /// CPython's hash, or -1 before the first `hash()`.
    hash: Cell<i64>,
    char_len: usize,
    ascii: bool,
    surrogates: bool,
    /// The text is a [`Rope`] (in `side`), not the tail.
    rope: bool,
    /// Bytes of text.
    byte_len: usize,
    /// What few strs need, allocated when first needed.
    side: OnceCell<Box<Side>>,
}

struct Side {
    /// Non-ASCII text: byte offset of every `CRUMB_STRIDE`-th code point,
    /// built on first indexing, so `s[i]` costs at most a stride of decoding.
    crumbs: OnceCell<Box<[usize]>>,
    rope: Option<Rope>,
}

/// A long str made by `a + b` that holds its two halves until its text is
/// first asked for. CPython makes `s += piece` in a loop linear by resizing
/// `s` in place when it holds the only reference; a tracing collector cannot
/// know that, so a long concatenation instead costs O(1), and the text of a
/// chain of them is built once, when read (as V8's cons strings).
struct Rope {
    /// `[a, b]` until the text is built; nothing after, so the halves can
    /// be freed.
    halves: Cell<Option<[Gc<StrObj>; 2]>>,
    text: OnceCell<Box<[u8]>>,
}

/// Concatenations at least this long become ropes: below it, copying both
/// texts costs less than a rope's extra allocation.
const ROPE_MIN_BYTES: usize = 256;

const CRUMB_STRIDE: usize = 32;

pub const STR_HASH_OFFSET: usize = offset_of!(HeapObj<StrObj>, payload) + offset_of!(StrObj, hash);
pub const STR_CHAR_LEN_OFFSET: usize =
    offset_of!(HeapObj<StrObj>, payload) + offset_of!(StrObj, char_len);

/// Header flag of a str in the interning table.
pub const STR_FLAG_INTERNED: u8 = 1;

// SAFETY: a str holds no references; its tail is `byte_len` bytes.
// A rope's halves are reported to the tracer, and a rope has no tail.
unsafe impl Payload for StrObj {
    const KIND: ObjKind = ObjKind::Str;
    fn trace(&self, tracer: &mut Tracer) {
        if let Some([a, b]) = self.unbuilt_halves() {
            tracer.mark_gc(a);
            tracer.mark_gc(b);
        }
    }
    fn extra_bytes(&self) -> usize {
        self.side.get().map_or(0, |side| {
            let crumbs = side.crumbs.get().map_or(0, |c| c.len() * 8);
            crumbs + side.rope.as_ref().and_then(|r| r.text.get()).map_or(0, |t| t.len())
        })
    }
    fn tail_len(&self) -> usize {
        if self.rope {
            0
        } else {
            self.byte_len
        }
    }
}

impl StrObj {
    /// The payload for UTF-8 `text`, which `alloc_with_tail` puts after it.
    fn describing(text: &str) -> StrObj {
        let ascii = text.is_ascii();
        let char_len = if ascii { text.len() } else { text.chars().count() };
        StrObj::with_counts(text.len(), char_len, ascii, false)
    }

    fn with_counts(byte_len: usize, char_len: usize, ascii: bool, surrogates: bool) -> StrObj {
        StrObj {
            hash: Cell::new(-1),
            char_len,
            ascii,
            surrogates,
            rope: false,
            byte_len,
            side: OnceCell::new(),
        }
    }

    /// The text's bytes: UTF-8, with lone surrogates as [`wtf8`] encodes
    /// them.
    #[inline]
    pub fn as_wtf8(&self) -> &[u8] {
        if self.rope {
            return self.rope_text();
        }
        // SAFETY: a StrObj without a rope is only made by `Heap`'s
        // `alloc_with_tail` calls here, with a tail of exactly `byte_len`
        // bytes, never changed afterwards.
        unsafe { tail_of(self, self.byte_len) }
    }

    fn rope_of(&self) -> Option<&Rope> {
        self.side.get()?.rope.as_ref()
    }

    /// A rope's halves while its text is not built yet.
    fn unbuilt_halves(&self) -> Option<[Gc<StrObj>; 2]> {
        self.rope_of()?.halves.get()
    }

    /// A rope's text, built on first use from the leaves of the tree of
    /// ropes under it, left to right, with an explicit stack (a chain of
    /// `s += piece` is as deep as the loop ran). Building allocates
    /// nothing on the heap, so no collection frees a half meanwhile.
    #[cold]
    fn rope_text(&self) -> &[u8] {
        let rope = self.rope_of().expect("a rope str has its rope");
        rope.text.get_or_init(|| {
            let mut text = Vec::with_capacity(self.byte_len);
            let mut pending: Vec<Gc<StrObj>> = Vec::new();
            pending.extend(rope.halves.get().into_iter().flatten().rev());
            while let Some(part) = pending.pop() {
                match part.unbuilt_halves() {
                    Some([a, b]) => pending.extend([b, a]),
                    None => text.extend_from_slice(part.as_wtf8()),
                }
            }
            rope.halves.set(None);
            super::heap::note_external_alloc(text.len());
            text.into_boxed_slice()
        })
    }

    fn crumbs(&self) -> &OnceCell<Box<[usize]>> {
        &self.side.get_or_init(|| Box::new(Side { crumbs: OnceCell::new(), rope: None })).crumbs
    }

    /// The text as a Rust `&str`; the first lone surrogate if it holds one
    /// (which UTF-8 cannot).
    #[inline]
    pub fn to_str(&self) -> Result<&str, Surrogate> {
        if self.surrogates {
            return Err(wtf8::first_surrogate(self.as_wtf8())
                .unwrap_or(Surrogate { index: 0, code_point: 0xD800 }));
        }
        // SAFETY: the flag is clear only for text copied from a `&str` or
        // checked by `wtf8::check` to hold no surrogate, so it is UTF-8.
        Ok(unsafe { std::str::from_utf8_unchecked(self.as_wtf8()) })
    }

    /// The text as UTF-8, or CPython's `UnicodeEncodeError` for a str that
    /// holds lone surrogates (what `PyUnicode_AsUTF8` raises).
    #[inline]
    pub fn as_utf8(&self, heap: &Heap) -> Result<&str, PyErr> {
        self.to_str().map_err(|s| surrogates_not_allowed(heap, s))
    }

    /// The text with lone surrogates shown as U+FFFD: only for diagnostics
    /// (type and attribute names in messages).
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.to_str() {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => Cow::Owned(wtf8::to_string_lossy(self.as_wtf8())),
        }
    }

    /// `repr(s)`: CPython's quoting and escapes (lone surrogates come out
    /// as `\udxxx`, so the result is always UTF-8).
    pub fn repr(&self) -> String {
        match self.to_str() {
            Ok(text) => crate::unicode::repr_str(text),
            Err(_) => crate::unicode::repr_code_points(&self.code_points().collect::<Vec<_>>()),
        }
    }

    /// The text with each lone surrogate as `\udXXX`, as CPython's
    /// stderr (error handler `backslashreplace`) writes it.
    pub fn to_string_backslashed(&self) -> String {
        match self.to_str() {
            Ok(text) => text.to_string(),
            Err(_) => self
                .code_points()
                .map(|cp| match char::from_u32(cp) {
                    Some(c) => c.to_string(),
                    None => format!("\\u{cp:04x}"),
                })
                .collect(),
        }
    }

    /// The code points, surrogates included.
    #[inline]
    pub fn code_points(&self) -> wtf8::CodePoints<'_> {
        wtf8::code_points(self.as_wtf8())
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

    /// Does the text hold a lone surrogate?
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    /// `hash(s)`: CPython's value for the process's hash seed
    /// ([`super::hash`]); computed once.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = match self.to_str() {
            Ok(text) => str_hash(text),
            Err(_) => str_hash_code_points(self.code_points()),
        };
        self.hash.set(h);
        h
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        let len = self.byte_len;
        if self.ascii || i == 0 {
            return i.min(len);
        }
        if i >= self.char_len {
            return len;
        }
        let bytes = self.as_wtf8();
        let crumbs =
            self.crumbs().get_or_init(|| wtf8::char_starts(bytes).step_by(CRUMB_STRIDE).collect());
        let from = crumbs[i / CRUMB_STRIDE];
        wtf8::char_starts(&bytes[from..]).nth(i % CRUMB_STRIDE).map_or(len, |b| from + b)
    }

    /// `ord(s[i])` for `0 <= i < len` (negative indices are the caller's).
    pub fn code_point_at(&self, i: usize) -> Option<u32> {
        if i >= self.char_len {
            None
        } else if self.ascii {
            Some(self.as_wtf8()[i] as u32)
        } else {
            wtf8::code_points(&self.as_wtf8()[self.byte_offset(i)..]).next()
        }
    }

    /// [`StrObj::slice_chars`] as a `&str` when the text holds no
    /// surrogate (no check of the bytes needed).
    pub fn slice_str(&self, start: usize, end: usize) -> Option<&str> {
        let text = self.to_str().ok()?;
        let end = end.min(self.char_len);
        if start >= end {
            return Some("");
        }
        text.get(self.byte_offset(start)..self.byte_offset(end))
    }

    /// The bytes of code points `start..end` (clamped; empty when
    /// `start >= end`); [`Heap::new_str_wtf8`] makes a str of them.
    pub fn slice_chars(&self, start: usize, end: usize) -> &[u8] {
        let end = end.min(self.char_len);
        if start >= end {
            return &[];
        }
        if self.ascii {
            return &self.as_wtf8()[start..end];
        }
        &self.as_wtf8()[self.byte_offset(start)..self.byte_offset(end)]
    }
}

/// CPython's `UnicodeEncodeError` for text that must be UTF-8 (a file name,
/// a stream, a Rust `&str` API) but holds the lone surrogate `s`.
pub fn surrogates_not_allowed(heap: &Heap, s: Surrogate) -> PyErr {
    let msg = format!(
        "'utf-8' codec can't encode character '\\u{:04x}' in position {}: surrogates not allowed",
        s.code_point, s.index
    );
    PyErr::new(heap, heap.types.unicode_encode_error, &msg)
}

impl Heap {
    /// A new str object (not interned).
    pub fn new_str(&self, text: &str) -> Value {
        if let Some(one) = self.ascii_char(text.as_bytes()) {
            return one;
        }
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

    /// A new str of [`wtf8`] bytes (slices and concatenations of other
    /// strs' bytes, text built from code points).
    pub fn new_str_wtf8(&self, text: &[u8]) -> Value {
        if let Some(one) = self.ascii_char(text) {
            return one;
        }
        self.new_str_of_type_wtf8(self.types.str, text).value()
    }

    /// A str of ASCII bytes (parts of ASCII strs, their case mappings),
    /// which need no counting.
    pub fn new_ascii_str(&self, text: &[u8]) -> Value {
        if let Some(one) = self.ascii_char(text) {
            return one;
        }
        if !text.is_ascii() {
            debug_assert!(false, "non-ASCII bytes {text:?}");
            return self.new_str_wtf8(text);
        }
        let payload = StrObj::with_counts(text.len(), text.len(), true, false);
        self.alloc_with_tail(self.types.str, payload, text).value()
    }

    /// The shared str of an empty or one-byte ASCII text.
    #[inline]
    fn ascii_char(&self, text: &[u8]) -> Option<Value> {
        match text {
            [] if self.singletons.empty_str.is_ptr() => Some(self.singletons.empty_str),
            [b] => self.singletons.ascii_chars.get(*b as usize).copied(),
            _ => None,
        }
    }

    /// A new str of the concatenated texts of strs; their lengths and
    /// flags add up, so nothing is decoded again.
    pub fn new_str_concat(&self, parts: &[&StrObj]) -> Value {
        let payload = StrObj::with_counts(
            parts.iter().map(|p| p.byte_len).sum(),
            parts.iter().map(|p| p.char_len).sum(),
            parts.iter().all(|p| p.ascii),
            parts.iter().any(|p| p.surrogates),
        );
        let len = payload.byte_len;
        self.alloc_with_bytes(self.types.str, payload, len, |out| {
            let mut at = 0;
            for p in parts {
                out[at..at + p.byte_len].copy_from_slice(p.as_wtf8());
                at += p.byte_len;
            }
        })
        .value()
    }

    /// `a + b`: a [`Rope`] when long.
    pub fn new_str_sum(&self, a: Gc<StrObj>, b: Gc<StrObj>) -> Value {
        // CPython returns the other operand itself when one is empty.
        for (empty, other) in [(a, b), (b, a)] {
            if empty.byte_len == 0 && self.type_of(other.value()) == self.types.str {
                return other.value();
            }
        }
        if a.byte_len + b.byte_len < ROPE_MIN_BYTES {
            let payload = StrObj::with_counts(
                a.byte_len + b.byte_len,
                a.char_len + b.char_len,
                a.ascii && b.ascii,
                a.surrogates || b.surrogates,
            );
            let (a, b) = (a.as_wtf8(), b.as_wtf8());
            let sum = self.alloc_with_bytes(self.types.str, payload, a.len() + b.len(), |out| {
                out[..a.len()].copy_from_slice(a);
                out[a.len()..].copy_from_slice(b);
            });
            return sum.value();
        }
        let mut payload = StrObj::with_counts(
            a.byte_len + b.byte_len,
            a.char_len + b.char_len,
            a.ascii && b.ascii,
            a.surrogates || b.surrogates,
        );
        payload.rope = true;
        let rope = Rope { halves: Cell::new(Some([a, b])), text: OnceCell::new() };
        payload.side = OnceCell::from(Box::new(Side { crumbs: OnceCell::new(), rope: Some(rope) }));
        self.alloc(self.types.str, payload).value()
    }

    /// `sep.join(parts)`; `Err(i)` when `parts[i]` is not a str. One
    /// exact str is itself (as CPython returns it).
    pub fn new_str_joined(&self, sep: &StrObj, parts: &[Value]) -> Result<Value, usize> {
        let mut strs = Vec::with_capacity(parts.len());
        for (i, &p) in parts.iter().enumerate() {
            strs.push(str_of(p).ok_or(i)?);
        }
        match parts {
            [] => return Ok(self.new_str("")),
            [one] if self.type_of(*one) == self.types.str => return Ok(*one),
            _ => {}
        }
        let seps = strs.len() - 1;
        let total = strs.iter().map(|s| s.byte_len).sum::<usize>() + seps * sep.byte_len;
        let payload = StrObj::with_counts(
            total,
            strs.iter().map(|s| s.char_len).sum::<usize>() + seps * sep.char_len,
            strs.iter().all(|s| s.ascii) && sep.ascii,
            strs.iter().any(|s| s.surrogates) || sep.surrogates,
        );
        let sep_text = sep.as_wtf8();
        let joined = self.alloc_with_bytes(self.types.str, payload, total, |out| {
            let mut at = 0;
            for (i, s) in strs.iter().enumerate() {
                if i > 0 {
                    out[at..at + sep_text.len()].copy_from_slice(sep_text);
                    at += sep_text.len();
                }
                out[at..at + s.byte_len].copy_from_slice(s.as_wtf8());
                at += s.byte_len;
            }
        });
        Ok(joined.value())
    }

    /// A new one-character str (`s[i]`, `chr(cp)`); `cp` at most U+10FFFF.
    pub fn new_str_of_code_point(&self, cp: u32) -> Value {
        if let Some(one) = self.singletons.ascii_chars.get(cp as usize) {
            return *one;
        }
        let (buf, n) = wtf8::encode(cp);
        let payload = StrObj::with_counts(n, 1, cp < 0x80, wtf8::is_surrogate(cp));
        self.alloc_with_tail(self.types.str, payload, &buf[..n]).value()
    }

    /// A new str of `part`, bytes of `of` cut at code point boundaries
    /// (slices, split parts): when `of` holds no surrogate the part is
    /// UTF-8 already and is not checked again.
    pub fn new_str_part(&self, of: &StrObj, part: &[u8]) -> Value {
        if of.ascii {
            return self.new_ascii_str(part);
        }
        if let Ok(text) = of.to_str() {
            let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            if let Some(sub) = start.checked_add(part.len()).and_then(|end| text.get(start..end)) {
                if sub.as_ptr() == part.as_ptr() {
                    return self.new_str(sub);
                }
            }
        }
        self.new_str_wtf8(part)
    }

    /// A new str of code points (each at most U+10FFFF; surrogates allowed).
    pub fn new_str_from_code_points(&self, cps: &[u32]) -> Value {
        self.new_str_wtf8(&wtf8::from_code_points(cps.iter().copied()))
    }

    /// A str (or str subclass instance) of [`wtf8`] bytes. Bytes that are
    /// not well formed are a bug of the caller; they are stored with
    /// U+FFFD in place of each bad sequence rather than break the
    /// invariant `to_str` relies on.
    pub fn new_str_of_type_wtf8(&self, ty: Value, text: &[u8]) -> Gc<StrObj> {
        match wtf8::check(text) {
            Some((char_len, surrogates)) => {
                let ascii = char_len == text.len();
                let payload = StrObj::with_counts(text.len(), char_len, ascii, surrogates);
                self.alloc_with_tail(ty, payload, text)
            }
            None => {
                debug_assert!(false, "malformed str bytes {text:?}");
                self.new_str_of_type(ty, &String::from_utf8_lossy(text))
            }
        }
    }

    /// The interned str for `text`: one object per distinct text, alive as
    /// long as the heap. Attribute names and identifiers go through here,
    /// so they compare by identity.
    pub fn intern(&self, text: &str) -> Value {
        if let Some(&v) = self.interned.borrow().get(text.as_bytes()) {
            return v;
        }
        let s = self.new_str_of_type(self.types.str, text);
        self.add_interned(s)
    }

    fn add_interned(&self, s: Gc<StrObj>) -> Value {
        s.header().set_flags(s.header().flags() | STR_FLAG_INTERNED);
        self.interned.borrow_mut().insert(s.as_wtf8().into(), s.value());
        s.value()
    }

    /// The interned equivalent of a str value (itself if already interned);
    /// `None` if `v` is not a str.
    pub fn intern_value(&self, v: Value) -> Option<Value> {
        let s = Gc::<StrObj>::from_value(v)?;
        if s.header().flags() & STR_FLAG_INTERNED != 0 {
            return Some(v);
        }
        if let Some(&v) = self.interned.borrow().get(s.as_wtf8()) {
            return Some(v);
        }
        let exact = self.new_str_of_type_wtf8(self.types.str, s.as_wtf8());
        Some(self.add_interned(exact))
    }

    /// The interned str with the text of str `v`, if there is one, without
    /// interning it: names (attribute keys) are all interned, so a text
    /// with none is no name.
    pub fn interned_if_any(&self, v: Value) -> Option<Value> {
        let s = Gc::<StrObj>::from_value(v)?;
        if s.header().flags() & STR_FLAG_INTERNED != 0 {
            return Some(v);
        }
        self.interned.borrow().get(s.as_wtf8()).copied()
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

    fn ch(s: &StrObj, i: usize) -> Option<char> {
        s.code_point_at(i).and_then(char::from_u32)
    }

    #[test]
    fn ascii_and_non_ascii_indexing() {
        let heap = Heap::new();
        let a = new_str(&heap, "hello");
        assert!(a.is_ascii());
        assert_eq!((a.char_len(), ch(&a, 1), ch(&a, 5)), (5, Some('e'), None));
        assert_eq!(a.slice_chars(1, 3), b"el");
        assert_eq!(a.slice_chars(3, 100), b"lo");
        assert_eq!(a.slice_chars(4, 2), b"");
        let u = new_str(&heap, "añ日🐍z");
        assert!(!u.is_ascii());
        assert_eq!(u.char_len(), 5);
        assert_eq!(ch(&u, 2), Some('日'));
        assert_eq!(ch(&u, 3), Some('🐍'));
        assert_eq!(u.slice_chars(1, 4), "ñ日🐍".as_bytes());
        assert_eq!(u.slice_chars(4, 9), b"z");
        assert_eq!(u.slice_chars(5, 9), b"");
        assert_eq!(u.byte_offset(5), u.as_wtf8().len());
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
            assert_eq!(ch(&s, i), Some(chars[i]), "index {i}");
        }
        assert_eq!(ch(&s, 1002), None);
        let expected: String = chars[30..70].iter().collect();
        assert_eq!(s.slice_chars(30, 70), expected.as_bytes());
        assert_eq!(s.slice_chars(1000, 5000), "z🐍".as_bytes());
    }

    /// A str made of random code points (surrogates included) behaves as
    /// the vector of those code points: length, indexing, slicing,
    /// concatenation, UTF-8 view, hash.
    #[test]
    fn strs_of_code_points_behave_as_vectors() {
        fn prop(cps: crate::unicode::wtf8::tests::Cps, a: usize, b: usize) -> bool {
            let heap = Heap::new();
            let model = &cps.0;
            let s = str_of(heap.new_str_from_code_points(model)).unwrap();
            let surrogates = model.iter().any(|&c| wtf8::is_surrogate(c));
            let (a, b) = (a % (model.len() + 2), b % (model.len() + 2));
            let sliced = s.slice_chars(a, b);
            let expected: &[u32] =
                if a < b.min(model.len()) { &model[a..b.min(model.len())] } else { &[] };
            let doubled = str_of(heap.new_str_concat(&[&s, &s])).unwrap();
            s.char_len() == model.len()
                && s.has_surrogates() == surrogates
                && s.is_ascii() == model.iter().all(|&c| c < 0x80)
                && (0..=model.len()).all(|i| s.code_point_at(i) == model.get(i).copied())
                && s.code_points().eq(model.iter().copied())
                && wtf8::code_points(sliced).eq(expected.iter().copied())
                && s.to_str().is_ok() != surrogates
                && s.hash() == str_hash_code_points(model.iter().copied())
                && doubled.char_len() == 2 * model.len()
                && doubled.has_surrogates() == surrogates
                && doubled.code_points().eq(model.iter().chain(model).copied())
                && (0..model.len())
                    .all(|i| doubled.code_point_at(model.len() + i) == Some(model[i]))
        }
        quickcheck::quickcheck(prop as fn(_, _, _) -> bool);
    }

    /// A chain of long concatenations (`s += piece` in a loop) is as deep
    /// as the loop ran: its text is built without recursion, its halves
    /// survive collections until then and are let go after.
    #[test]
    fn a_deep_chain_of_concatenations_reads_as_its_text() {
        let heap = Heap::new();
        let piece = |i: usize| format!("{i:05}|");
        let mut s = heap.new_str(&"#".repeat(ROPE_MIN_BYTES));
        let mut model = "#".repeat(ROPE_MIN_BYTES);
        for i in 0..200_000 {
            let p = str_of(heap.new_str(&piece(i))).unwrap();
            s = heap.new_str_sum(str_of(s).unwrap(), p);
            model.push_str(&piece(i));
            if i % 50_000 == 0 {
                heap.collect(&s);
            }
        }
        let rope = str_of(s).unwrap();
        assert!(rope.unbuilt_halves().is_some());
        assert_eq!((rope.char_len(), rope.is_ascii()), (model.chars().count(), true));
        assert_eq!(rope.to_str(), Ok(model.as_str()));
        assert!(rope.unbuilt_halves().is_none(), "the halves are dropped once built");
        let freed = heap.collect(&s).collected_objects;
        assert!(freed > 100_000, "the chain's strs are garbage once the text is built");
        assert_eq!(rope.hash(), str_hash(&model));
        assert_eq!(rope.code_point_at(ROPE_MIN_BYTES + 5), Some('|' as u32));
    }

    #[test]
    fn short_concatenations_copy_and_long_ones_share_halves() {
        let heap = Heap::new();
        let a = str_of(heap.new_str("añ")).unwrap();
        let short = str_of(heap.new_str_sum(a, a)).unwrap();
        assert!(!short.rope && short.to_str() == Ok("añañ"));
        let long = str_of(heap.new_str(&"é".repeat(ROPE_MIN_BYTES))).unwrap();
        let sum = str_of(heap.new_str_sum(a, long)).unwrap();
        assert!(sum.rope && !sum.is_ascii());
        assert_eq!(sum.char_len(), 2 + ROPE_MIN_BYTES);
        assert_eq!(sum.code_point_at(1), Some('ñ' as u32));
        assert_eq!(sum.slice_str(1, 3), Some("ñé"));
        let nested = str_of(heap.new_str_sum(sum, sum)).unwrap();
        assert_eq!(nested.to_str().unwrap(), format!("{0}{0}", sum.to_str().unwrap()));
    }

    #[test]
    fn lone_surrogates_are_refused_where_utf8_is_needed() {
        let heap = Heap::new();
        let s = str_of(heap.new_str_from_code_points(&[0x61, 0xDCFF, 0x62])).unwrap();
        assert_eq!(s.to_str(), Err(Surrogate { index: 1, code_point: 0xDCFF }));
        assert_eq!(s.repr(), "'a\\udcffb'");
        assert_eq!(s.to_string_lossy(), "a\u{FFFD}b");
        let err = s.as_utf8(&heap).unwrap_err();
        let msg =
            str_of(crate::object::exception::exception_of(err.exception()).unwrap().args()[0])
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
        assert_eq!(
            msg,
            "'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed"
        );
        let one = str_of(heap.new_str_of_code_point(0xD800)).unwrap();
        assert!(one.has_surrogates() && one.char_len() == 1 && one.as_wtf8() == b"\xed\xa0\x80");
        let head = str_of(heap.new_str_wtf8(s.slice_chars(0, 1))).unwrap();
        assert!(head.is_ascii() && !head.has_surrogates() && head.to_str() == Ok("a"));
    }

    #[test]
    fn parts_of_a_str_become_strs() {
        let heap = Heap::new();
        let plain = new_str(&heap, "añb");
        let part = str_of(heap.new_str_part(&plain, plain.slice_chars(1, 3))).unwrap();
        assert_eq!((part.to_str(), part.char_len(), part.is_ascii()), (Ok("ñb"), 2, false));
        let other = new_str(&heap, "xyz");
        let foreign = str_of(heap.new_str_part(&plain, other.as_wtf8())).unwrap();
        assert_eq!(foreign.to_str(), Ok("xyz"), "bytes not inside `of` are taken as they are");
        let lone = str_of(heap.new_str_from_code_points(&[0x61, 0xDC80])).unwrap();
        let part = str_of(heap.new_str_part(&lone, lone.slice_chars(1, 2))).unwrap();
        assert!(part.has_surrogates() && part.code_points().eq([0xDC80]));
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
        let lone = heap.new_str_from_code_points(&[0xD800]);
        let interned = heap.intern_value(lone).unwrap();
        assert_ne!(interned, lone);
        assert_eq!(heap.intern_value(heap.new_str_from_code_points(&[0xD800])), Some(interned));
        heap.collect(&super::super::NoRoots);
        assert_eq!(str_of(a).unwrap().to_str(), Ok("spam"), "interned strings are roots");
        assert_eq!(str_of(interned).unwrap().as_wtf8(), b"\xed\xa0\x80");
    }
}
