//! Weak references, and the weak bookkeeping of the collector.
//!
//! A `weakref` object does not trace its target. After marking and before
//! sweeping, the heap walks its *weak holders* (every weakref and every
//! type, whose subclass lists are weak as in CPython): a weakref whose
//! target was not marked is cleared, and if it has a callback it is queued
//! for the VM, which runs the callbacks after the safepoint
//! ([`Heap::take_weakref_callbacks`]). Dead subclasses leave their bases'
//! lists.

use std::cell::Cell;

use super::err::PyErr;
use super::gc::Tracer;
use super::header::{Gc, ObjHeader, ObjKind, Payload};
use super::heap::Heap;
use super::types::TypeObj;
use super::value::Value;

pub struct WeakRefObj {
    target: Cell<Value>,
    callback: Cell<Value>,
    /// `hash(ref)` once computed (CPython caches the target's hash).
    pub hash: Cell<Option<i64>>,
}

// SAFETY: traces the callback; the target is deliberately not traced (it
// is cleared by the heap before its object is freed).
unsafe impl Payload for WeakRefObj {
    const KIND: ObjKind = ObjKind::WeakRef;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.callback.get())
    }
}

impl WeakRefObj {
    /// `ref()`: the target, or `None` once it died.
    pub fn get(&self) -> Value {
        self.target.get()
    }

    pub fn callback(&self) -> Value {
        self.callback.get()
    }
}

/// Whether objects of this layout accept weak references (CPython: types,
/// plain instances, sets, functions, code, modules, methods, generators,
/// coroutines and async generators; instances of classes derived from
/// built-ins of fixed size).
fn supports_weakref(kind: ObjKind, heap_type: bool) -> bool {
    match kind {
        ObjKind::Instance | ObjKind::Type | ObjKind::Set | ObjKind::FrozenSet => true,
        ObjKind::Function | ObjKind::NativeFunction | ObjKind::Code | ObjKind::Module => true,
        ObjKind::Method | ObjKind::Generator => true,
        ObjKind::Int | ObjKind::Str | ObjKind::Tuple | ObjKind::Bytes => false,
        _ => heap_type,
    }
}

impl Heap {
    /// `weakref.ref(target, callback)`.
    pub fn new_weakref(&self, target: Value, callback: Value) -> Result<Value, PyErr> {
        self.new_weakref_of_type(self.types.weakref, target, callback)
    }

    /// `cls(target, callback)` for `ref` or a subclass `cls` of it. As in
    /// CPython, a plain `ref` without callback is shared: asking again
    /// while it lives returns the same object.
    pub fn new_weakref_of_type(
        &self,
        cls: Value,
        target: Value,
        callback: Value,
    ) -> Result<Value, PyErr> {
        let ty = self.type_obj(target);
        let ok =
            ObjHeader::of(target).is_some_and(|h| supports_weakref(h.kind(), ty.is_heap_type()));
        if !ok {
            return Err(PyErr::type_error(
                self,
                &format!("cannot create weak reference to '{}' object", ty.name()),
            ));
        }
        let shared = cls == self.types.weakref && callback.is_none();
        if shared {
            if let Some(&w) = self.basic_weakrefs.borrow().get(&target.bits()) {
                return Ok(w);
            }
        }
        let w = self.alloc(
            cls,
            WeakRefObj {
                target: Cell::new(target),
                callback: Cell::new(callback),
                hash: Cell::new(None),
            },
        );
        self.weak_holders.borrow_mut().push(w.value());
        if shared {
            self.basic_weakrefs.borrow_mut().insert(target.bits(), w.value());
        }
        Ok(w.value())
    }

    /// The live weakrefs (of any type) to `target`, oldest first
    /// (`weakref.getweakrefs`). Refs nothing reaches any more still count
    /// until a collection finds them dead.
    pub fn weakrefs_to(&self, target: Value) -> Vec<Value> {
        self.weak_holders
            .borrow()
            .iter()
            .copied()
            .filter(|&h| Gc::<WeakRefObj>::from_value(h).is_some_and(|w| w.get() == target))
            .collect()
    }

    /// Weakrefs whose targets died and that have callbacks, with their
    /// callbacks: the VM calls `callback(ref)` for each after the
    /// safepoint. Until taken they are roots.
    pub fn take_weakref_callbacks(&self) -> Vec<(Value, Value)> {
        let pending = std::mem::take(&mut *self.pending_weak_callbacks.borrow_mut());
        pending
            .into_iter()
            .filter_map(|w| Gc::<WeakRefObj>::from_value(w).map(|r| (w, r.callback())))
            .collect()
    }

    /// Registers a type so that its subclass list is pruned when classes die.
    pub(super) fn register_weak_holder(&self, v: Value) {
        self.weak_holders.borrow_mut().push(v);
    }

    /// After marking, before sweeping: clear what refers weakly to dead
    /// objects.
    pub(super) fn process_weak_holders(&self) {
        let marked = |v: Value| ObjHeader::of(v).is_none_or(|h| h.is_marked());
        let mut holders = self.weak_holders.borrow_mut();
        holders.retain(|&h| marked(h));
        // A shared ref leaves the table when it or its target dies.
        self.basic_weakrefs.borrow_mut().retain(|&target, w| {
            marked(*w) && ObjHeader::of(Value::from_bits(target)).is_none_or(|h| h.is_marked())
        });
        for &h in holders.iter() {
            if let Some(t) = Gc::<TypeObj>::from_value(h) {
                t.retain_subclasses(marked);
            } else if let Some(w) = Gc::<WeakRefObj>::from_value(h) {
                if !marked(w.target.get()) {
                    w.target.set(Value::NONE);
                    if !w.callback.get().is_none() {
                        self.pending_weak_callbacks.borrow_mut().push(h);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::attrmap::AttrMap;
    use super::super::NoRoots;
    use super::*;

    #[test]
    fn weakrefs_clear_when_targets_die_and_queue_callbacks() {
        let heap = Heap::new();
        let cls = heap.new_class(heap.types().type_, "A", &[], AttrMap::new()).unwrap();
        let a = heap.new_instance(Gc::<TypeObj>::from_value(cls).unwrap());
        let b = heap.new_instance(Gc::<TypeObj>::from_value(cls).unwrap());
        let callback = heap.new_str("callback");
        let wa = heap.new_weakref(a, Value::NONE).unwrap();
        let wb = heap.new_weakref(b, callback).unwrap();
        heap.collect(&[cls, a, wa, wb]);
        let r = |w| Gc::<WeakRefObj>::from_value(w).unwrap().get();
        assert_eq!((r(wa), r(wb)), (a, Value::NONE));
        assert_eq!(heap.take_weakref_callbacks(), vec![(wb, callback)]);
        assert!(heap.take_weakref_callbacks().is_empty());
        heap.collect(&[wa]);
        assert_eq!(r(wa), Value::NONE);
        let err = heap.new_weakref(Value::from_small_int(1).unwrap(), Value::NONE).unwrap_err();
        assert_eq!(err.message(), "cannot create weak reference to 'int' object");
        let err = heap.new_weakref(heap.new_list(&[]), Value::NONE).unwrap_err();
        assert_eq!(err.message(), "cannot create weak reference to 'list' object");
    }

    #[test]
    fn dead_classes_leave_their_bases_subclass_lists() {
        let heap = Heap::new();
        let object = Gc::<TypeObj>::from_value(heap.types().object).unwrap();
        let before = object.subclasses().len();
        let cls = heap.new_class(heap.types().type_, "Temp", &[], AttrMap::new()).unwrap();
        assert_eq!(object.subclasses().len(), before + 1);
        heap.collect(&cls);
        assert_eq!(object.subclasses().len(), before + 1);
        let stats = heap.collect(&NoRoots);
        assert!(stats.collected_objects >= 1);
        assert_eq!(object.subclasses().len(), before);
    }
}
