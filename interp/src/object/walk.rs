//! Listing objects for the `gc` module: every object of the heap that
//! Python code may see, and what one object refers to, as its payload's
//! `trace` reports it.
//!
//! Neither marks anything, so both may run between collections. A
//! non-moving heap keeps the listed values valid until the next
//! collection; callers root them (a list) before running Python code.

use std::ptr::NonNull;

use super::gc::Tracer;
use super::header::{ObjHeader, ObjKind, FLAG_SIDE_ATTRS};
use super::heap::Heap;
use super::value::Value;

/// Kinds that exist only inside the runtime (a shape, the side storage
/// of attributes, freed memory): never handed to Python code.
fn is_visible(kind: ObjKind) -> bool {
    !matches!(kind, ObjKind::Freed | ObjKind::Shape | ObjKind::SideAttrs | ObjKind::Test)
}

impl Heap {
    /// Every visible object in the heap. Objects that died since the last
    /// collection are listed too: collect first for the live ones only.
    pub fn all_objects(&self) -> Vec<Value> {
        self.object_headers()
            .into_iter()
            // SAFETY: the allocator lists only cells that hold objects.
            .filter(|h| is_visible(unsafe { h.as_ref() }.kind()))
            .map(Value::from_header)
            .collect()
    }

    /// The visible objects `v` refers to directly, in its trace's order;
    /// the attributes of an instance come before its type, as CPython's
    /// `tp_traverse` gives `__dict__` then the class. Internal storage
    /// (shapes, side attributes) is looked through, not listed.
    pub fn referents(&self, v: Value) -> Vec<Value> {
        let Some(header) = ObjHeader::of(v) else { return Vec::new() };
        let mut found = Vec::new();
        self.trace_one(NonNull::from(header), &mut found);
        let mut out = Vec::with_capacity(found.len() + 1);
        let mut i = 0;
        while i < found.len() {
            let h = found[i];
            i += 1;
            // SAFETY: a payload's trace reports live objects only.
            match unsafe { h.as_ref() }.kind() {
                ObjKind::SideAttrs => self.trace_one(h, &mut found),
                kind if is_visible(kind) => out.push(Value::from_header(h)),
                _ => {}
            }
        }
        let ty = self.type_obj(v);
        if ty.is_heap_type() && ty.value() != v {
            out.push(ty.value());
        }
        out
    }

    /// Appends what the payload of `obj` traces (and its side attributes).
    pub(super) fn trace_one(&self, obj: NonNull<ObjHeader>, out: &mut Vec<NonNull<ObjHeader>>) {
        let mut tracer = Tracer::listing(out);
        // SAFETY: `obj` is a live object and its vtable matches its payload;
        // the listing tracer only records what it is shown.
        unsafe {
            let header = obj.as_ref();
            header.vtable().trace(obj, &mut tracer);
        }
        // SAFETY: as above.
        let header = unsafe { obj.as_ref() };
        if header.flags() & FLAG_SIDE_ATTRS != 0 {
            if let Some(&attrs) = self.side_attrs.borrow().get(&(obj.as_ptr() as u64)) {
                if let Some(h) = ObjHeader::of(attrs) {
                    out.push(NonNull::from(h));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_refers_to_its_items_and_is_listed() {
        let heap = Heap::new();
        let a = heap.new_str("walk-a");
        let b = heap.new_list(&[]);
        let list = heap.new_list(&[a, b, Value::from_small_int(3).unwrap()]);
        assert_eq!(heap.referents(list), vec![a, b]);
        let all = heap.all_objects();
        assert!(all.contains(&list) && all.contains(&a) && all.contains(&b));
    }

    #[test]
    fn immediates_refer_to_nothing() {
        let heap = Heap::new();
        assert!(heap.referents(Value::NONE).is_empty());
        assert!(heap.referents(Value::from_f64(1.5)).is_empty());
    }
}
