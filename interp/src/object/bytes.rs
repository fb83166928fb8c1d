//! `bytes` (immutable, cached hash) and `bytearray` (growable).

use std::cell::{Cell, RefCell};

use super::gc::Tracer;
use super::hash::bytes_hash;
use super::header::{Gc, ObjKind, Payload};
use super::heap::Heap;
use super::value::Value;

pub struct BytesObj {
    hash: Cell<i64>,
    data: Box<[u8]>,
}

// SAFETY: bytes hold no references.
unsafe impl Payload for BytesObj {
    const KIND: ObjKind = ObjKind::Bytes;
    fn trace(&self, _tracer: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.data.len()
    }
}

impl BytesObj {
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// CPython's hash (equal to the hash of the same text as an ASCII str).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = bytes_hash(&self.data);
        self.hash.set(h);
        h
    }
}

pub struct ByteArrayObj {
    pub data: RefCell<Vec<u8>>,
    /// A memoryview was made of it: a resize asks `memoryview` whether
    /// a view still holds it (see `modules::buffer`).
    pub exported: Cell<bool>,
}

// SAFETY: bytearrays hold no references.
unsafe impl Payload for ByteArrayObj {
    const KIND: ObjKind = ObjKind::ByteArray;
    fn trace(&self, _tracer: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.data.borrow().capacity()
    }
}

impl Heap {
    pub fn new_bytes(&self, data: &[u8]) -> Value {
        let shared = match data {
            [] => self.singletons.short_bytes.first(),
            [b] => self.singletons.short_bytes.get(usize::from(*b) + 1),
            _ => None,
        };
        match shared {
            Some(&v) => v,
            None => self.new_bytes_of_type(self.types.bytes, data),
        }
    }

    /// A bytes (or bytes subclass instance) holding a copy of `data`.
    pub fn new_bytes_of_type(&self, ty: Value, data: &[u8]) -> Value {
        self.alloc(ty, BytesObj { hash: Cell::new(-1), data: data.into() }).value()
    }

    pub fn new_bytearray(&self, data: Vec<u8>) -> Value {
        self.new_bytearray_of_type(self.types.bytearray, data)
    }

    /// A bytearray (or subclass instance) owning `data`.
    pub fn new_bytearray_of_type(&self, ty: Value, data: Vec<u8>) -> Value {
        self.alloc(ty, ByteArrayObj { data: RefCell::new(data), exported: Cell::new(false) })
            .value()
    }
}

pub fn bytes_of(v: Value) -> Option<Gc<BytesObj>> {
    Gc::<BytesObj>::from_value(v)
}

pub fn bytearray_of(v: Value) -> Option<Gc<ByteArrayObj>> {
    Gc::<ByteArrayObj>::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::str::str_of;

    #[test]
    fn bytes_and_bytearray() {
        let heap = Heap::new();
        let b = bytes_of(heap.new_bytes(b"abc")).unwrap();
        assert_eq!(b.as_bytes(), b"abc");
        assert_eq!(b.hash(), str_of(heap.new_str("abc")).unwrap().hash());
        let a = bytearray_of(heap.new_bytearray(vec![1, 2])).unwrap();
        a.data.borrow_mut().push(3);
        assert_eq!(*a.data.borrow(), vec![1, 2, 3]);
        assert_eq!(heap.type_of(a.value()), heap.types().bytearray);
    }

    #[test]
    fn short_bytes_are_shared() {
        let heap = Heap::new();
        assert_eq!(heap.new_bytes(b""), heap.new_bytes(&[]));
        assert_eq!(heap.new_bytes(b"\xff"), heap.new_bytes(&[255]));
        assert_eq!(bytes_of(heap.new_bytes(b"\xff")).unwrap().as_bytes(), b"\xff");
        assert_ne!(heap.new_bytes(b"ab"), heap.new_bytes(b"ab"));
    }
}
