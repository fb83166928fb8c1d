//! Instances of classes: a type (in the header), a shape and a slot vector.
//!
//! [`Attrs`] is the attribute storage, shared by plain instances and
//! exception instances. Normal mode: `shape` names the slots and `slots`
//! holds the values, in the order attributes were first set. Dictionary
//! mode (after deleting an attribute that is not the last one added, or
//! past [`super::shape::MAX_SHAPE_SLOTS`] attributes): `shape` is the type's
//! dict shape, `slots` is empty and the attributes live in an [`AttrMap`].
//! Deleting the most recently added attribute just steps back to the
//! parent shape.
//!
//! `obj.__dict__` (a dict bound to the instance) is built on [`Attrs::items`],
//! [`Attrs::get`], [`Attrs::set`] and [`Attrs::delete`] once dict objects exist.

use std::cell::{Cell, RefCell};
use std::mem::offset_of;

use super::attrmap::AttrMap;
use super::gc::Tracer;
use super::heap::{Gc, Heap, HeapObj, ObjKind, Payload};
use super::shape::ShapeObj;
use super::types::TypeObj;
use super::value::Value;
use super::vec::{ValueVec, VALUE_VEC_PTR_OFFSET};

#[repr(C)]
pub struct Attrs {
    shape: Cell<Value>,
    slots: ValueVec,
    dict: RefCell<Option<Box<AttrMap>>>,
}

impl Attrs {
    pub fn new(shape: Gc<ShapeObj>) -> Attrs {
        Attrs { shape: Cell::new(shape.value()), slots: ValueVec::new(), dict: RefCell::new(None) }
    }

    #[inline(always)]
    pub fn shape(&self) -> Gc<ShapeObj> {
        Gc::<ShapeObj>::from_value(self.shape.get()).expect("attrs always have a shape")
    }

    /// Slot `i` (what an inline cache that saw this shape reads).
    #[inline(always)]
    pub fn slot(&self, i: usize) -> Option<Value> {
        self.slots.get(i)
    }

    /// Stores slot `i` (inline-cached attribute write on a known shape).
    #[inline(always)]
    pub fn set_slot(&self, i: usize, v: Value) -> bool {
        self.slots.set(i, v)
    }

    /// The attribute `name` (interned str).
    pub fn get(&self, name: Value) -> Option<Value> {
        if let Some(dict) = &*self.dict.borrow() {
            return dict.get(name);
        }
        self.shape().slot_of(name).and_then(|i| self.slots.get(i))
    }

    /// Sets attribute `name` (interned str), moving to a child shape or to
    /// dictionary mode as needed.
    pub fn set(&self, heap: &Heap, name: Value, v: Value) {
        if let Some(dict) = &mut *self.dict.borrow_mut() {
            dict.insert(name, v);
            return;
        }
        let shape = self.shape();
        if let Some(i) = shape.slot_of(name) {
            self.slots.set(i, v);
            return;
        }
        match heap.shape_with(shape, name) {
            Some(child) => {
                self.slots.push(v);
                self.shape.set(child.value());
            }
            None => {
                self.to_dict_mode(heap);
                self.set(heap, name, v);
            }
        }
    }

    /// Deletes attribute `name`; false if absent.
    pub fn delete(&self, heap: &Heap, name: Value) -> bool {
        if let Some(dict) = &mut *self.dict.borrow_mut() {
            return dict.remove(name).is_some();
        }
        let shape = self.shape();
        let Some(i) = shape.slot_of(name) else { return false };
        if i + 1 == shape.len() {
            let parent = shape.parent().expect("a non-empty shape has a parent");
            self.slots.pop();
            self.shape.set(parent.value());
            return true;
        }
        self.to_dict_mode(heap);
        self.delete(heap, name)
    }

    /// Moves the attributes into a per-instance map (for deletions, very
    /// many attributes, or a `__dict__` that takes over the storage).
    pub fn to_dict_mode(&self, heap: &Heap) {
        if self.dict.borrow().is_some() {
            return;
        }
        let shape = self.shape();
        let mut map = AttrMap::new();
        for (i, &name) in shape.names().iter().enumerate() {
            map.insert(name, self.slots.get(i).unwrap_or(Value::NONE));
        }
        let owner = Gc::<TypeObj>::from_value(shape.owner()).expect("shape owners are types");
        *self.dict.borrow_mut() = Some(Box::new(map));
        self.slots.clear();
        self.shape.set(heap.dict_shape(owner).value());
    }

    pub fn is_dict_mode(&self) -> bool {
        self.dict.borrow().is_some()
    }

    /// All attributes in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(dict) = &*self.dict.borrow() {
            return dict.entries().to_vec();
        }
        let slots = self.slots.to_vec();
        self.shape().names().iter().copied().zip(slots).collect()
    }

    pub fn len(&self) -> usize {
        self.dict.borrow().as_ref().map_or(self.slots.len(), |d| d.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.shape.get());
        self.slots.trace(tracer);
        if let Some(dict) = &*self.dict.borrow() {
            dict.trace(tracer);
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.buffer_bytes() + self.dict.borrow().as_ref().map_or(0, |d| d.heap_bytes())
    }
}

/// An instance of a class whose layout is plain `object`.
#[repr(C)]
pub struct InstanceObj {
    pub attrs: Attrs,
}

/// Where JIT code finds an instance's shape and its slot pointer.
pub const INSTANCE_SHAPE_OFFSET: usize = offset_of!(HeapObj<InstanceObj>, payload)
    + offset_of!(InstanceObj, attrs)
    + offset_of!(Attrs, shape);
pub const INSTANCE_SLOTS_PTR_OFFSET: usize = offset_of!(HeapObj<InstanceObj>, payload)
    + offset_of!(InstanceObj, attrs)
    + offset_of!(Attrs, slots)
    + VALUE_VEC_PTR_OFFSET;

// SAFETY: traces the attribute storage, its only references.
unsafe impl Payload for InstanceObj {
    const KIND: ObjKind = ObjKind::Instance;
    fn trace(&self, tracer: &mut Tracer) {
        self.attrs.trace(tracer)
    }
    fn extra_bytes(&self) -> usize {
        self.attrs.heap_bytes()
    }
}

impl Heap {
    /// A new instance of class `ty` with no attributes.
    pub fn new_instance(&self, ty: Gc<TypeObj>) -> Value {
        let attrs = Attrs::new(self.root_shape(ty));
        self.alloc(ty.value(), InstanceObj { attrs }).value()
    }
}

pub fn instance_of(v: Value) -> Option<Gc<InstanceObj>> {
    Gc::<InstanceObj>::from_value(v)
}

#[cfg(test)]
mod tests {
    use super::super::attrmap::AttrMap;
    use super::super::shape::MAX_SHAPE_SLOTS;
    use super::*;

    fn int(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    fn class(heap: &Heap, name: &str) -> Gc<TypeObj> {
        let v = heap.new_class(heap.types().type_, name, &[], AttrMap::new()).unwrap();
        Gc::<TypeObj>::from_value(v).unwrap()
    }

    #[test]
    fn instances_built_alike_share_a_shape() {
        let heap = Heap::with_stress(false);
        let point = class(&heap, "Point");
        let (x, y) = (heap.intern("x"), heap.intern("y"));
        let a = instance_of(heap.new_instance(point)).unwrap();
        let b = instance_of(heap.new_instance(point)).unwrap();
        for (o, i) in [(a, 1), (b, 2)] {
            o.attrs.set(&heap, x, int(i));
            o.attrs.set(&heap, y, int(i * 10));
        }
        assert_eq!(a.attrs.shape(), b.attrs.shape());
        assert_eq!(a.attrs.get(y), Some(int(10)));
        assert_eq!(b.attrs.slot(a.attrs.shape().slot_of(y).unwrap()), Some(int(20)));
        // SAFETY: reading the instance's shape word at its documented offset.
        let shape_word =
            unsafe { *((a.as_ptr() as *const u8).add(INSTANCE_SHAPE_OFFSET) as *const Value) };
        assert_eq!(shape_word, a.attrs.shape().value());
        assert_eq!(heap.type_of(a.value()), point.value());
        let other = class(&heap, "Other");
        let c = instance_of(heap.new_instance(other)).unwrap();
        c.attrs.set(&heap, x, int(1));
        c.attrs.set(&heap, y, int(1));
        assert_ne!(c.attrs.shape(), a.attrs.shape(), "shape trees are per type");
    }

    #[test]
    fn deletion_and_dict_mode() {
        let heap = Heap::with_stress(false);
        let cls = class(&heap, "C");
        let o = instance_of(heap.new_instance(cls)).unwrap();
        let names: Vec<Value> = ["a", "b", "c"].iter().map(|n| heap.intern(n)).collect();
        for (i, &n) in names.iter().enumerate() {
            o.attrs.set(&heap, n, int(i as i64));
        }
        let with_abc = o.attrs.shape();
        assert!(o.attrs.delete(&heap, names[2]), "last added: back to the parent shape");
        assert!(!o.attrs.is_dict_mode());
        assert_eq!(o.attrs.shape(), with_abc.parent().unwrap());
        assert!(o.attrs.delete(&heap, names[0]));
        assert!(o.attrs.is_dict_mode());
        assert!(o.attrs.shape().is_dict_mode());
        assert!(!o.attrs.delete(&heap, names[0]));
        assert_eq!(o.attrs.get(names[1]), Some(int(1)));
        o.attrs.set(&heap, names[0], int(7));
        assert_eq!(o.attrs.items(), vec![(names[1], int(1)), (names[0], int(7))]);

        let many = instance_of(heap.new_instance(cls)).unwrap();
        for i in 0..=MAX_SHAPE_SLOTS {
            many.attrs.set(&heap, heap.intern(&format!("f{i}")), int(i as i64));
        }
        assert!(many.attrs.is_dict_mode());
        assert_eq!(many.attrs.len(), MAX_SHAPE_SLOTS + 1);
        assert_eq!(many.attrs.get(heap.intern("f3")), Some(int(3)));
    }

    #[test]
    fn cycles_through_instances_and_lists_are_collected() {
        let heap = Heap::with_stress(false);
        let cls = class(&heap, "Node");
        let base = heap.collect(&vec![cls.value()]).live_objects;
        let next = heap.intern("next");
        let a = heap.new_instance(cls);
        let b = heap.new_instance(cls);
        let l = heap.new_list(&[a, b]);
        instance_of(a).unwrap().attrs.set(&heap, next, l);
        instance_of(b).unwrap().attrs.set(&heap, next, a);
        let live = heap.collect(&vec![cls.value(), b]).live_objects;
        assert!(live >= base + 3);
        assert_eq!(instance_of(b).unwrap().attrs.get(next), Some(a));
        let after = heap.collect(&vec![cls.value()]);
        assert_eq!(after.collected_objects, 3);
    }
}
