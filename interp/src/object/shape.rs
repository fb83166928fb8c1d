//! Shapes (hidden classes, as PyPy's mapdict and V8's maps): a shape maps
//! attribute names to slot indices. Adding attribute `x` to shape `S` gives
//! the same child shape every time (the transition tree), so instances
//! built the same way share a shape, and `obj.x` on a known shape is a
//! guard on the shape pointer plus a load of slot `i`: no hashing.
//!
//! Each type has its own tree (its root shape's owner is the type), so a
//! shape guard also proves the instance's type. Each type also has one
//! *dict shape*: instances whose attributes were deleted out of order or
//! grew past [`MAX_SHAPE_SLOTS`] switch to it and keep their attributes in
//! a per-instance map ([`super::instance::Attrs`]). Guards on ordinary
//! shapes fail for them, so compiled code falls back to the interpreter.

use std::cell::{Cell, RefCell};

use super::addrmap::AddrMap;
use super::attrmap::AttrMap;
use super::gc::Tracer;
use super::header::{Gc, ObjKind, Payload};
use super::heap::Heap;
use super::types::TypeObj;
use super::value::Value;

/// Beyond this many attributes an instance goes to dictionary mode.
pub const MAX_SHAPE_SLOTS: usize = 64;
/// Shapes with more names than this get a hash index for lookups.
const LINEAR_LOOKUP_MAX: usize = 8;

pub struct ShapeObj {
    /// The type whose instances have this shape.
    owner: Value,
    /// The shape this one extends by one name (`None` for a root).
    parent: Value,
    /// Attribute names (interned strs) by slot index.
    names: Box<[Value]>,
    index: Option<AddrMap<u32>>,
    /// Name to child shape.
    transitions: RefCell<AttrMap>,
    dict_mode: bool,
    /// In a root shape: the most slots any shape grown from it has (at
    /// most [`MAX_INLINE_SLOTS`]), which new instances keep inline.
    slots_seen: Cell<u32>,
}

/// Instances keep up to this many attribute slots inline, in their own
/// cell, instead of in a separately allocated vector.
const MAX_INLINE_SLOTS: u32 = 8;

// SAFETY: traces owner, parent, names and the transition map.
unsafe impl Payload for ShapeObj {
    const KIND: ObjKind = ObjKind::Shape;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.owner);
        tracer.mark(self.parent);
        tracer.mark_all(&self.names);
        self.transitions.borrow().trace(tracer);
    }
    fn extra_bytes(&self) -> usize {
        self.names.len() * 8 + self.transitions.borrow().heap_bytes()
    }
}

impl ShapeObj {
    fn new(owner: Value, parent: Value, names: Box<[Value]>, dict_mode: bool) -> ShapeObj {
        let index = (names.len() > LINEAR_LOOKUP_MAX)
            .then(|| names.iter().enumerate().map(|(i, n)| (n.bits(), i as u32)).collect());
        ShapeObj {
            owner,
            parent,
            names,
            index,
            transitions: RefCell::new(AttrMap::new()),
            dict_mode,
            slots_seen: Cell::new(0),
        }
    }

    /// How many slots a new instance with this (root) shape keeps inline:
    /// as many as earlier instances of its type came to have.
    pub fn inline_slots(&self) -> usize {
        self.slots_seen.get() as usize
    }

    /// Slot index of attribute `name` (interned).
    #[inline]
    pub fn slot_of(&self, name: Value) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&name.bits()).map(|&i| i as usize),
            None => self.names.iter().position(|&n| n == name),
        }
    }

    /// Number of slots instances of this shape have.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[Value] {
        &self.names
    }

    pub fn owner(&self) -> Value {
        self.owner
    }

    pub fn parent(&self) -> Option<Gc<ShapeObj>> {
        Gc::<ShapeObj>::from_value(self.parent)
    }

    pub fn is_dict_mode(&self) -> bool {
        self.dict_mode
    }
}

impl Heap {
    fn shape_type(&self) -> Value {
        self.types.object // shapes are internal; `object` stands in as their type
    }

    /// The empty shape of instances of `ty`.
    pub fn root_shape(&self, ty: Gc<TypeObj>) -> Gc<ShapeObj> {
        if let Some(s) = Gc::<ShapeObj>::from_value(ty.root_shape.get()) {
            return s;
        }
        let s = self
            .alloc(self.shape_type(), ShapeObj::new(ty.value(), Value::NONE, Box::new([]), false));
        ty.root_shape.set(s.value());
        s
    }

    /// The dictionary-mode shape of instances of `ty`.
    pub fn dict_shape(&self, ty: Gc<TypeObj>) -> Gc<ShapeObj> {
        if let Some(s) = Gc::<ShapeObj>::from_value(ty.dict_shape.get()) {
            return s;
        }
        let s = self
            .alloc(self.shape_type(), ShapeObj::new(ty.value(), Value::NONE, Box::new([]), true));
        ty.dict_shape.set(s.value());
        s
    }

    /// The shape `shape` + `name` (same result for the same inputs), or
    /// `None` when that would exceed [`MAX_SHAPE_SLOTS`].
    pub fn shape_with(&self, shape: Gc<ShapeObj>, name: Value) -> Option<Gc<ShapeObj>> {
        debug_assert!(!shape.dict_mode && shape.slot_of(name).is_none());
        if let Some(child) = shape.transitions.borrow().get(name) {
            return Gc::<ShapeObj>::from_value(child);
        }
        if shape.len() >= MAX_SHAPE_SLOTS {
            return None;
        }
        let mut names = shape.names.to_vec();
        names.push(name);
        let child = self.alloc(
            self.shape_type(),
            ShapeObj::new(shape.owner, shape.value(), names.into(), false),
        );
        shape.transitions.borrow_mut().insert(name, child.value());
        let mut root = shape;
        while let Some(parent) = Gc::<ShapeObj>::from_value(root.parent) {
            root = parent;
        }
        let slots = (child.len() as u32).min(MAX_INLINE_SLOTS);
        root.slots_seen.set(root.slots_seen.get().max(slots));
        Some(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions_are_shared_and_slots_stable() {
        let heap = Heap::new();
        let object = Gc::<TypeObj>::from_value(heap.types().object).unwrap();
        let root = heap.root_shape(object);
        assert_eq!(heap.root_shape(object), root);
        let (x, y) = (heap.intern("x"), heap.intern("y"));
        let sx = heap.shape_with(root, x).unwrap();
        let sxy = heap.shape_with(sx, y).unwrap();
        assert_eq!(heap.shape_with(root, x), Some(sx));
        assert_eq!(heap.shape_with(sx, y), Some(sxy));
        assert_eq!((sxy.slot_of(x), sxy.slot_of(y), sx.slot_of(y)), (Some(0), Some(1), None));
        let sy = heap.shape_with(root, y).unwrap();
        assert_ne!(sy, sxy);
        assert_eq!(sxy.parent(), Some(sx));
        assert!(heap.dict_shape(object).is_dict_mode());
    }

    #[test]
    fn long_shapes_use_an_index_and_stop_at_the_limit() {
        let heap = Heap::new();
        let object = Gc::<TypeObj>::from_value(heap.types().object).unwrap();
        let mut s = heap.root_shape(object);
        let names: Vec<Value> =
            (0..MAX_SHAPE_SLOTS).map(|i| heap.intern(&format!("a{i}"))).collect();
        for &n in &names {
            s = heap.shape_with(s, n).unwrap();
        }
        for (i, &n) in names.iter().enumerate() {
            assert_eq!(s.slot_of(n), Some(i));
        }
        assert_eq!(heap.shape_with(s, heap.intern("one_too_many")), None);
    }
}
