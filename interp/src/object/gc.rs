//! Marking: the tracer with its explicit mark stack, and the root protocol.
//!
//! Marking never recurses: an object is marked soon after it is first seen
//! (a few objects later, its header prefetched meanwhile) and pushed on the
//! mark stack; `drain` pops objects and traces their payloads. A
//! million-long linked list costs a stack of one entry, not a native frame
//! per node. Sweeping is in [`super::heap`].

use std::ptr::NonNull;

use super::addrmap::AddrMap;
use super::header::{Gc, ObjHeader, ObjKind, Payload, FLAG_SIDE_ATTRS};
use super::value::Value;

/// What one collection did (also what `gc.collect()` reports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CollectStats {
    pub collected_objects: usize,
    pub live_objects: usize,
    pub live_bytes: usize,
    /// What CPython's cycle collector would have found (counted only by
    /// [`super::Heap::collect_counting_cycles`]).
    pub cyclic_garbage: usize,
}

/// Everything the VM keeps alive: it implements this over its value stack
/// and frames, module registry, builtins, code constants and the trace
/// constants of compiled code. (Interned strings, built-in types and
/// [`super::RootScope`] temporaries are the heap's own roots.)
pub trait RootSet {
    fn trace_roots(&self, tracer: &mut Tracer);
}

/// No roots beyond the heap's own.
pub struct NoRoots;

impl RootSet for NoRoots {
    fn trace_roots(&self, _tracer: &mut Tracer) {}
}

impl RootSet for Value {
    fn trace_roots(&self, tracer: &mut Tracer) {
        tracer.mark(*self)
    }
}

impl<const N: usize> RootSet for [Value; N] {
    fn trace_roots(&self, tracer: &mut Tracer) {
        tracer.mark_all(self)
    }
}

impl RootSet for [Value] {
    fn trace_roots(&self, tracer: &mut Tracer) {
        tracer.mark_all(self)
    }
}

impl RootSet for Vec<Value> {
    fn trace_roots(&self, tracer: &mut Tracer) {
        tracer.mark_all(self)
    }
}

impl<A: RootSet + ?Sized, B: RootSet + ?Sized> RootSet for (&A, &B) {
    fn trace_roots(&self, tracer: &mut Tracer) {
        self.0.trace_roots(tracer);
        self.1.trace_roots(tracer);
    }
}

/// How many objects [`Tracer::mark`] holds back, their headers being
/// prefetched, before it reads them.
const PREFETCH_DEPTH: usize = 8;

/// Marks objects and remembers which still need their payload traced.
pub struct Tracer<'s> {
    stack: &'s mut Vec<NonNull<ObjHeader>>,
    marked: usize,
    /// Bytes of the objects traced, with what they hold outside the heap.
    marked_bytes: usize,
    /// Attribute storage of objects flagged [`FLAG_SIDE_ATTRS`], by address.
    side_attrs: Option<&'s AddrMap<Value>>,
    /// Objects seen but not yet tested for a mark: a header is read a few
    /// marks after its prefetch was issued, when it is likely in cache
    /// (marking a big heap is otherwise a cache miss per object).
    pending: [Option<NonNull<ObjHeader>>; PREFETCH_DEPTH],
    next_pending: usize,
    /// Set for a tracer that only lists what one payload refers to
    /// ([`Tracer::listing`]): marks nothing.
    listing: bool,
}

impl<'s> Tracer<'s> {
    pub(super) fn new(
        stack: &'s mut Vec<NonNull<ObjHeader>>,
        side_attrs: Option<&'s AddrMap<Value>>,
    ) -> Self {
        stack.clear();
        Tracer {
            stack,
            marked: 0,
            marked_bytes: 0,
            side_attrs,
            pending: [None; PREFETCH_DEPTH],
            next_pending: 0,
            listing: false,
        }
    }

    /// A tracer that pushes every object a payload's `trace` reports onto
    /// `out`, marking nothing (`gc.get_referents`, [`super::walk`]).
    pub(super) fn listing(out: &'s mut Vec<NonNull<ObjHeader>>) -> Self {
        Tracer { listing: true, ..Tracer::new(out, None) }
    }

    /// Marks `v` (if it is a heap object not yet marked) and queues it.
    /// The mark may be set a little later (by [`Tracer::drain`] at the
    /// latest).
    #[inline]
    pub fn mark(&mut self, v: Value) {
        if let Some(header) = ObjHeader::of(v) {
            self.mark_soon(NonNull::from(header))
        }
    }

    #[inline]
    pub fn mark_gc<T: Payload>(&mut self, gc: Gc<T>) {
        self.mark_soon(NonNull::from(gc.header()))
    }

    pub fn mark_all(&mut self, values: &[Value]) {
        for &v in values {
            self.mark(v)
        }
    }

    /// Prefetches `header` and marks the object seen `PREFETCH_DEPTH`
    /// calls ago.
    #[inline]
    fn mark_soon(&mut self, header: NonNull<ObjHeader>) {
        if self.listing {
            self.stack.push(header);
            return;
        }
        prefetch(header);
        let slot = &mut self.pending[self.next_pending];
        let oldest = slot.replace(header);
        self.next_pending = (self.next_pending + 1) % PREFETCH_DEPTH;
        if let Some(oldest) = oldest {
            // SAFETY: only headers of live objects are queued.
            self.mark_header(unsafe { oldest.as_ref() })
        }
    }

    /// Marks every object still held back by [`Tracer::mark_soon`];
    /// whether any was new.
    fn flush_pending(&mut self) -> bool {
        let before = self.stack.len();
        for i in 0..PREFETCH_DEPTH {
            if let Some(header) = self.pending[i].take() {
                // SAFETY: only headers of live objects are queued.
                self.mark_header(unsafe { header.as_ref() })
            }
        }
        self.stack.len() != before
    }

    #[inline]
    fn mark_header(&mut self, header: &ObjHeader) {
        if header.is_marked() {
            return;
        }
        // A freed object reached from a live one means a root was missing
        // when it was freed: in stress mode this finds such bugs at once.
        assert!(header.kind() != ObjKind::Freed, "GC reached a freed object: a root is missing");
        header.set_mark(true);
        self.marked += 1;
        self.stack.push(NonNull::from(header));
        if let Some(ty) = NonNull::new(header.type_ptr() as *mut ObjHeader) {
            // SAFETY: a live object's type is a live type object.
            self.mark_header(unsafe { ty.as_ref() })
        }
    }

    /// Traces queued objects until none are left.
    pub(super) fn drain(&mut self) {
        loop {
            self.drain_stack();
            if !self.flush_pending() {
                break;
            }
        }
    }

    fn drain_stack(&mut self) {
        while let Some(obj) = self.stack.pop() {
            // SAFETY: only live, marked objects are pushed, and their vtable
            // matches their payload.
            let header = unsafe {
                let vtable = obj.as_ref().vtable();
                vtable.trace(obj, self);
                self.marked_bytes += obj.as_ref().size() + vtable.extra_bytes(obj);
                obj.as_ref()
            };
            if header.flags() & FLAG_SIDE_ATTRS != 0 {
                if let Some(&attrs) =
                    self.side_attrs.and_then(|side| side.get(&(obj.as_ptr() as u64)))
                {
                    self.mark(attrs)
                }
            }
        }
    }

    /// How many objects were marked; call after [`Tracer::drain`].
    pub(super) fn marked_bytes(&self) -> usize {
        self.marked_bytes
    }

    pub(super) fn marked(&self) -> usize {
        debug_assert!(self.pending.iter().all(Option::is_none), "marks still pending");
        self.marked
    }
}

/// Asks the CPU to start loading `header`'s cache line.
#[inline(always)]
fn prefetch(header: NonNull<ObjHeader>) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it never faults, whatever the address,
    // and SSE (which has it) is part of the x86-64 baseline.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(header.as_ptr() as *const i8)
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = header;
}
