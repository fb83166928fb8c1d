//! The heap: allocation, byte accounting, collection and sweeping, the
//! heap's own roots, finalizer bookkeeping.
//!
//! Every heap object is a `HeapObj<T>` ([`super::header`]). Allocation never
//! collects; it only raises the "collection wanted" flag, and the VM calls
//! [`Heap::safepoint`] between bytecodes ([`super::gc`] marks; memory comes
//! from [`super::alloc`]).

use std::alloc::{self, Layout};
use std::cell::{Cell, RefCell};
use std::mem::{align_of, size_of};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};

use super::addrmap::AddrMap;
use super::alloc::Cells;
use super::builtin_types::{BuiltinTypes, Singletons};
use super::gc::{CollectStats, RootSet, Tracer};
use super::header::{
    Gc, HeapObj, ObjHeader, ObjKind, Payload, VTableOf, FLAG_SIDE_ATTRS, HEADER_SIZE,
};
use super::types::{MethodCacheEntry, METHOD_CACHE_SIZE};
use super::value::Value;

/// Item types whose all-zero bit pattern is a valid value.
///
/// # Safety
/// Implement only for such types.
unsafe trait ZeroIsValid {}
// SAFETY: every bit pattern is a valid byte.
unsafe impl ZeroIsValid for u8 {}
// SAFETY: every bit pattern is a valid (NaN-boxed) value; zero is 0.0.
unsafe impl ZeroIsValid for Value {}

thread_local! {
    static EXTERNAL_BYTES: Cell<usize> = const { Cell::new(0) };
}

/// Counts bytes a payload allocates outside the heap after its creation
/// (a list's buffer growing): the next allocation adds them to the bytes
/// that pace collections, so garbage that grew after birth is paid for.
#[inline]
pub fn note_external_alloc(bytes: usize) {
    EXTERNAL_BYTES.with(|c| c.set(c.get() + bytes))
}

/// Start collecting after this many bytes, at the least.
pub(super) const MIN_THRESHOLD: usize = 4 << 20;
/// Allocation allowed between collections, per live byte.
const THRESHOLD_PER_LIVE_BYTE: usize = 2;

/// Bytes to allocate before the next collection, for a heap with
/// `live_bytes` left after the last one: the heap peaks near three times
/// its live size. Each collection marks everything live, so the work
/// per allocated byte stays bounded; a small live heap still collects
/// every 4 MiB, so that its garbage is reused while still in cache
/// (nqueens: 0.35 s with 32 MiB between collections, 0.30 s with 4 MiB).
/// Measured on pickle_pure_python, unpickle_pure_python, deepcopy,
/// json_loads, go, richards and nbody (about 4 MiB live after the
/// standard library loads): 8x live capped at 32 MiB peaked at 22-72 MB
/// of RSS (CPython 3.8: 10-12 MB); 2x peaks at 22-36 MB for CPU time
/// within noise (unpickle_pure_python makes 11 collections instead of 3,
/// 2-3 ms each); 1x saves 5 MB more for twice the collections.
pub(super) fn next_threshold(live_bytes: usize) -> usize {
    live_bytes.saturating_mul(THRESHOLD_PER_LIVE_BYTE).max(MIN_THRESHOLD)
}

/// In stress mode freed memory stays poisoned (not reused) until the
/// quarantine holds this many bytes.
const QUARANTINE_BYTES: usize = 64 << 20;
/// Byte written over freed objects in stress mode.
pub const POISON_BYTE: u8 = 0xDB;

/// How many objects CPython has for one of ours (0 for those its cycle
/// collector does not track): see [`Heap::collect_counting_cycles`].
pub type CycleWeigher = fn(&Heap, Value) -> usize;

/// All allocation goes through one `Heap`. Single-threaded; methods take
/// `&self` so that root scopes, handles and allocation can coexist.
pub struct Heap {
    cells: RefCell<Cells>,
    object_count: Cell<usize>,
    /// `object_count` as the last collection left it.
    live_objects: Cell<usize>,
    bytes_since_gc: Cell<usize>,
    live_bytes: Cell<usize>,
    threshold: Cell<usize>,
    /// Whether the next safepoint collects (always, under stress).
    collection_wanted: &'static AtomicBool,
    /// At a fixed address: compiled traces test it to leave their loop
    /// for a collection (or a signal). The same flag as
    /// `collection_wanted`, except under stress, where it is set only as
    /// allocation would set it without stress: traces then run (and
    /// collect in their helper calls) rather than leave at once.
    leave_wanted: &'static AtomicBool,
    stress: bool,
    collections: Cell<u64>,
    quarantine_bytes: Cell<usize>,
    quarantine_limit: Cell<usize>,
    pub(super) scoped_roots: RefCell<Vec<Value>>,
    mark_stack: RefCell<Vec<NonNull<ObjHeader>>>,
    /// Roots the heap owns itself: the built-in types, interned strings.
    pub(super) own_roots: RefCell<Vec<Value>>,
    /// Attribute storage of instances of built-in-type subclasses (a
    /// `SideAttrsObj` per object address), see [`super::instance`].
    pub(super) side_attrs: RefCell<AddrMap<Value>>,
    pub(super) interned: RefCell<super::text_map::TextMap<Box<[u8]>, Value>>,
    pub(super) types: BuiltinTypes,
    pub(super) singletons: Singletons,
    pub(super) type_versions: Cell<u64>,
    pub(super) method_cache: Box<[Cell<MethodCacheEntry>]>,
    /// Weakrefs and types: objects with weak references to process after
    /// marking ([`super::weakref`]).
    pub(super) weak_holders: RefCell<Vec<Value>>,
    /// Target address to its shared plain `ref` without callback (weak on
    /// both sides: pruned when either dies).
    pub(super) basic_weakrefs: RefCell<AddrMap<Value>>,
    /// Cleared weakrefs whose callbacks the VM has not run yet (roots).
    pub(super) pending_weak_callbacks: RefCell<Vec<Value>>,
    /// Objects whose type has `__del__` (not roots).
    finalizable: RefCell<Vec<Value>>,
    /// Unreachable finalizable objects the VM has not finalized yet (roots).
    pending_finalizers: RefCell<Vec<Value>>,
    /// Cyclic garbage the last counting collection reported that a
    /// finalizer kept for one more collection: not reported again.
    counted_survivors: RefCell<Vec<NonNull<ObjHeader>>>,
    /// Cyclic garbage found by collections CPython would not have made,
    /// for the next `gc.collect()` to report.
    deferred_cycles: Cell<usize>,
    cycle_weigher: Cell<Option<CycleWeigher>>,
    auto_collect: Cell<bool>,
}

impl Heap {
    /// A heap with the built-in types; stress mode when the environment
    /// has `TACHYON_GC_STRESS=1`.
    pub fn new() -> Heap {
        Self::with_stress(std::env::var("TACHYON_GC_STRESS").is_ok_and(|v| v == "1"))
    }

    pub fn with_stress(stress: bool) -> Heap {
        // Leaked (one byte per heap) so that a signal handler may hold
        // it forever: see `vm::signals`.
        let collection_wanted = Box::leak(Box::new(AtomicBool::new(stress)));
        let mut heap = Heap {
            cells: RefCell::new(Cells::new()),
            object_count: Cell::new(0),
            live_objects: Cell::new(0),
            bytes_since_gc: Cell::new(0),
            live_bytes: Cell::new(0),
            threshold: Cell::new(MIN_THRESHOLD),
            collection_wanted,
            leave_wanted: if stress {
                Box::leak(Box::new(AtomicBool::new(false)))
            } else {
                collection_wanted
            },
            stress,
            collections: Cell::new(0),
            quarantine_bytes: Cell::new(0),
            quarantine_limit: Cell::new(QUARANTINE_BYTES),
            scoped_roots: RefCell::new(Vec::new()),
            mark_stack: RefCell::new(Vec::new()),
            own_roots: RefCell::new(Vec::new()),
            interned: RefCell::new(Default::default()),
            side_attrs: RefCell::new(Default::default()),
            types: Default::default(),
            singletons: Default::default(),
            type_versions: Cell::new(0),
            weak_holders: RefCell::new(Vec::new()),
            basic_weakrefs: RefCell::new(Default::default()),
            finalizable: RefCell::new(Vec::new()),
            pending_finalizers: RefCell::new(Vec::new()),
            counted_survivors: RefCell::new(Vec::new()),
            deferred_cycles: Cell::new(0),
            cycle_weigher: Cell::new(None),
            auto_collect: Cell::new(true),
            pending_weak_callbacks: RefCell::new(Vec::new()),
            method_cache: (0..METHOD_CACHE_SIZE)
                .map(|_| Cell::new(MethodCacheEntry::EMPTY))
                .collect(),
        };
        super::builtin_types::bootstrap(&mut heap);
        heap
    }

    /// The built-in types.
    #[inline(always)]
    pub fn types(&self) -> &BuiltinTypes {
        &self.types
    }

    /// `()`, `NotImplemented`, `Ellipsis`.
    #[inline(always)]
    pub fn singletons(&self) -> &Singletons {
        &self.singletons
    }

    pub fn is_stress(&self) -> bool {
        self.stress
    }

    /// Allocates an object of type `ty` (a type object; `Value::NONE` only
    /// during bootstrap). Never collects.
    #[inline]
    pub fn alloc<T: Payload>(&self, ty: Value, payload: T) -> Gc<T> {
        self.alloc_with_tail::<T, ()>(ty, payload, &[])
    }

    /// Allocates an object with `tail` copied inline after the payload;
    /// the payload's `tail_len` must equal `tail.len()`.
    pub fn alloc_with_tail<T: Payload, I: Copy>(&self, ty: Value, payload: T, tail: &[I]) -> Gc<T> {
        const { assert!(align_of::<I>() <= 8) };
        debug_assert_eq!(payload.tail_len(), tail.len());
        let (obj, tail_ptr) = self.alloc_raw(ty, payload, std::mem::size_of_val(tail));
        // SAFETY: the tail area holds `tail.len()` items of `I`, 8-aligned,
        // and is fresh, so it does not overlap `tail`.
        unsafe { std::ptr::copy_nonoverlapping(tail.as_ptr(), tail_ptr as *mut I, tail.len()) };
        obj
    }

    /// Allocates an object with `len` values inline after the payload,
    /// which `fill` writes (they read as `0.0` until it does); no safepoint
    /// can come in between. The payload's `tail_len` must equal `len`.
    pub fn alloc_with_values<T: Payload>(
        &self,
        ty: Value,
        payload: T,
        len: usize,
        fill: impl FnOnce(&mut [Value]),
    ) -> Gc<T> {
        self.alloc_with_zeroed_tail(ty, payload, len, fill)
    }

    /// Allocates an object with `len` bytes inline after the payload,
    /// which `fill` writes (zeros until it does), so text made of pieces is
    /// written once, in place. The payload's `tail_len` must equal `len`.
    pub fn alloc_with_bytes<T: Payload>(
        &self,
        ty: Value,
        payload: T,
        len: usize,
        fill: impl FnOnce(&mut [u8]),
    ) -> Gc<T> {
        self.alloc_with_zeroed_tail(ty, payload, len, fill)
    }

    fn alloc_with_zeroed_tail<T: Payload, I: ZeroIsValid>(
        &self,
        ty: Value,
        payload: T,
        len: usize,
        fill: impl FnOnce(&mut [I]),
    ) -> Gc<T> {
        const { assert!(align_of::<I>() <= 8) };
        debug_assert_eq!(payload.tail_len(), len);
        let (obj, tail_ptr) = self.alloc_raw(ty, payload, len * size_of::<I>());
        // SAFETY: the tail area holds `len` items, 8-aligned, and nothing
        // else refers to it yet; zeroed first, it holds valid items
        // (`ZeroIsValid`) before the slice exists.
        unsafe {
            std::ptr::write_bytes(tail_ptr, 0, len * size_of::<I>());
            fill(std::slice::from_raw_parts_mut(tail_ptr as *mut I, len));
        }
        obj
    }

    /// A fresh cell for the header, `payload` and `tail_bytes` more (left
    /// for the caller to write before anything can read them), and the
    /// address of that tail.
    #[inline]
    fn alloc_raw<T: Payload>(&self, ty: Value, payload: T, tail_bytes: usize) -> (Gc<T>, *mut u8) {
        const { assert!(align_of::<T>() <= 8) };
        let tail_offset = size_of::<HeapObj<T>>().next_multiple_of(8);
        let size = (tail_offset + tail_bytes).next_multiple_of(8);
        let size32 =
            u32::try_from(size).unwrap_or_else(|_| alloc::handle_alloc_error(Layout::new::<u8>()));
        let obj = self.alloc_cell(size).cast::<HeapObj<T>>();
        let raw = obj.as_ptr();
        let extra = payload.extra_bytes();
        // SAFETY: `raw` is a fresh cell big enough for the header, payload
        // and tail, 8-aligned; the tail starts after the payload at an
        // 8-aligned offset inside the cell.
        let tail_ptr = unsafe {
            raw.write(HeapObj {
                header: ObjHeader {
                    ty: Cell::new(
                        ty.as_header().map_or(std::ptr::null(), |p| p.as_ptr() as *const ObjHeader),
                    ),
                    vtable: &VTableOf::<T>::VTABLE,
                    kind: Cell::new(T::KIND),
                    mark: Cell::new(false),
                    flags: Cell::new(0),
                    quarantined: Cell::new(0),
                    size: size32,
                },
                payload,
            });
            (raw as *mut u8).add(tail_offset)
        };
        Value::from_header(obj.cast()); // checks once that the address fits a Value
        self.object_count.set(self.object_count.get() + 1);
        let grown = EXTERNAL_BYTES.with(|c| c.replace(0));
        self.note_alloc(size + extra + grown);
        (Gc(obj), tail_ptr)
    }

    /// A cell of `size` bytes, sweeping the blocks of its size class that
    /// the last collection left pending when the free cells run out.
    #[inline]
    fn alloc_cell(&self, size: usize) -> NonNull<u8> {
        let mut cells = self.cells.borrow_mut();
        loop {
            if let Some(cell) = cells.alloc(size) {
                return cell;
            }
            cells.sweep_pending(size, |obj| self.sweep_object(obj));
        }
    }

    /// Counts bytes allocated outside the heap's own allocations (a vector
    /// that grew), so that they count towards the next collection.
    #[inline]
    pub fn note_alloc(&self, bytes: usize) {
        let since = self.bytes_since_gc.get() + bytes;
        self.bytes_since_gc.set(since);
        if since >= self.threshold.get() && self.auto_collect.get() {
            self.collection_wanted.store(true, Ordering::Relaxed);
            self.leave_wanted.store(true, Ordering::Relaxed);
        }
    }

    /// Whether the next safepoint collects.
    #[inline(always)]
    pub fn collection_wanted(&self) -> bool {
        self.collection_wanted.load(Ordering::Relaxed)
    }

    /// Whether traces should leave their loop for the interpreter (a
    /// collection is due, or a signal came).
    #[inline(always)]
    pub fn leave_wanted(&self) -> bool {
        self.leave_wanted.load(Ordering::Relaxed)
    }

    /// The flag traces test, which lives as long as the process: a signal
    /// handler sets it so that traces leave their loops (and the
    /// interpreter's safepoint, which also sees it set outside stress
    /// mode and always runs under stress, handles the signal).
    pub fn collection_flag(&self) -> &'static AtomicBool {
        self.leave_wanted
    }

    /// Address of the byte (0 or 1) traces test to leave a loop for a
    /// safepoint. Valid while the heap lives (the flag is boxed, so moving
    /// the heap does not move it).
    pub fn collection_wanted_address(&self) -> *const u8 {
        self.leave_wanted.as_ptr() as *const u8
    }

    /// The VM calls this between bytecodes (and JIT code at calls): it
    /// collects when allocation asked for it, or always in stress mode.
    #[inline(always)]
    pub fn safepoint(&self, roots: &dyn RootSet) -> Option<CollectStats> {
        if self.collection_wanted.load(Ordering::Relaxed) {
            Some(self.collect(roots))
        } else {
            None
        }
    }

    /// A full collection now (`gc.collect()`). Only call it where a
    /// safepoint could be: every live value must be reachable from `roots`,
    /// the heap's own roots or a root scope.
    pub fn collect(&self, roots: &dyn RootSet) -> CollectStats {
        // Under stress with automatic collection off, CPython would not
        // have collected here: keep what it would find for the next
        // `gc.collect()` to report.
        let count = self.stress && !self.auto_collect.get();
        let stats = self.collect_and_count(roots, count);
        self.deferred_cycles.set(self.deferred_cycles.get() + stats.cyclic_garbage);
        CollectStats { cyclic_garbage: 0, ..stats }
    }

    /// A full collection that also counts, in `cyclic_garbage`, the
    /// garbage CPython's cycle collector would have found, each object
    /// weighing what the weigher set by [`Heap::set_cycle_weigher`] says
    /// ([`super::cycles`]).
    pub fn collect_counting_cycles(&self, roots: &dyn RootSet) -> CollectStats {
        let stats = self.collect_and_count(roots, true);
        let deferred = self.deferred_cycles.replace(0);
        CollectStats { cyclic_garbage: stats.cyclic_garbage + deferred, ..stats }
    }

    /// How many objects CPython has for one of ours, for
    /// [`Heap::collect_counting_cycles`] (0 for those it does not track).
    pub fn set_cycle_weigher(&self, weigher: CycleWeigher) {
        self.cycle_weigher.set(Some(weigher))
    }

    fn collect_and_count(&self, roots: &dyn RootSet, count: bool) -> CollectStats {
        let started = std::time::Instant::now();
        // Marks start clear: the last sweep must have seen every block.
        self.cells.borrow_mut().finish_sweep(|obj| self.sweep_object(obj));
        let mut stack = std::mem::take(&mut *self.mark_stack.borrow_mut());
        let side_attrs = self.side_attrs.borrow();
        let mut tracer = Tracer::new(&mut stack, Some(&side_attrs));
        roots.trace_roots(&mut tracer);
        tracer.mark_all(&self.scoped_roots.borrow());
        tracer.mark_all(&self.own_roots.borrow());
        self.types.trace(&mut tracer);
        self.singletons.trace(&mut tracer);
        self.trace_interned(&mut tracer);
        tracer.mark_all(&self.pending_weak_callbacks.borrow());
        tracer.mark_all(&self.pending_finalizers.borrow());
        tracer.drain();
        let survivors = std::mem::take(&mut *self.counted_survivors.borrow_mut());
        let (cyclic_garbage, counted) = match self.cycle_weigher.get() {
            Some(weigher) if count => self.cyclic_garbage(&|v| weigher(self, v), &survivors),
            _ => (0, Vec::new()),
        };
        // Unreachable objects with `__del__` survive this collection (with
        // all they reach) so that the VM can call it; they are no longer
        // registered, so the next collection frees them if still garbage.
        let dying = self.unreachable_finalizable();
        tracer.mark_all(&dying);
        tracer.drain();
        self.pending_finalizers.borrow_mut().extend(dying);
        // SAFETY: `counted` lists objects not swept yet.
        self.counted_survivors
            .borrow_mut()
            .extend(counted.into_iter().filter(|h| unsafe { h.as_ref() }.is_marked()));
        let (marked, marked_bytes) = (tracer.marked(), tracer.marked_bytes());
        drop(side_attrs);
        *self.mark_stack.borrow_mut() = stack;
        // Entries hold values that may die now (a moving collector would
        // also have to rewrite them).
        self.clear_method_cache();
        self.process_weak_holders();
        let mark_time = started.elapsed();
        let stats = CollectStats { cyclic_garbage, ..self.sweep(marked, marked_bytes) };
        log::debug!(
            "gc {}: mark {:?}, sweep {:?}: {} live objects ({} bytes), {} collected",
            self.collections.get(),
            mark_time,
            started.elapsed() - mark_time,
            stats.live_objects,
            stats.live_bytes,
            stats.collected_objects
        );
        self.collections.set(self.collections.get() + 1);
        self.bytes_since_gc.set(0);
        self.threshold.set(next_threshold(stats.live_bytes));
        self.collection_wanted.store(self.stress, Ordering::Relaxed);
        self.leave_wanted.store(false, Ordering::Relaxed);
        stats
    }

    /// Frees what the mark left unmarked: the large objects and each size
    /// class's newest block now, the other blocks as allocation needs
    /// their cells, or before the next mark.
    fn sweep(&self, marked: usize, marked_bytes: usize) -> CollectStats {
        debug_assert!(marked <= self.object_count.get());
        let stats = CollectStats {
            collected_objects: self.object_count.get() - marked,
            live_objects: marked,
            live_bytes: marked_bytes,
            cyclic_garbage: 0,
        };
        let reuse_quarantined =
            !self.stress || self.quarantine_bytes.get() > self.quarantine_limit.get();
        if reuse_quarantined {
            self.quarantine_bytes.set(0);
        }
        self.cells.borrow_mut().begin_sweep(reuse_quarantined, |obj| self.sweep_object(obj));
        self.object_count.set(stats.live_objects);
        self.live_objects.set(stats.live_objects);
        self.live_bytes.set(stats.live_bytes);
        stats
    }

    /// A sweep's look at one object: a marked one loses its mark and
    /// stays (true); an unmarked one is dropped and its cell freed.
    fn sweep_object(&self, obj: NonNull<ObjHeader>) -> bool {
        // SAFETY: the allocator visits only cells holding objects.
        let header = unsafe { obj.as_ref() };
        if header.is_marked() {
            header.set_mark(false);
            return true;
        }
        if header.flags() & FLAG_SIDE_ATTRS != 0 {
            self.side_attrs.borrow_mut().remove(&(obj.as_ptr() as u64));
        }
        let size = header.size();
        // SAFETY: the object is unreachable (unmarked after a full mark), so
        // nothing uses it again, and the allocator visits it once before its
        // cell is free.
        unsafe {
            header.vtable().drop_payload(obj);
            if self.stress {
                let raw = obj.as_ptr() as *mut u8;
                std::ptr::write_bytes(raw.add(HEADER_SIZE), POISON_BYTE, size - HEADER_SIZE);
                header.quarantined.set(1);
                self.quarantine_bytes.set(self.quarantine_bytes.get() + size);
            }
        }
        header.ty.set(std::ptr::null());
        header.kind.set(ObjKind::Freed);
        false
    }

    /// `gc.disable()` / `gc.enable()`: whether allocation asks for
    /// collections (explicit `collect` and stress mode still collect).
    pub fn set_auto_collect(&self, on: bool) {
        self.auto_collect.set(on)
    }

    pub fn auto_collect(&self) -> bool {
        self.auto_collect.get()
    }

    /// Registers an object whose type defines `__del__`: when it becomes
    /// unreachable it survives one more collection and is handed to the VM
    /// by [`Heap::take_finalizers`] (once; a resurrected object is not
    /// finalized again, as in CPython 3.8 per PEP 442).
    pub fn register_finalizer(&self, obj: Value) {
        if obj.is_ptr() {
            self.finalizable.borrow_mut().push(obj);
        }
    }

    /// Objects found unreachable whose `__del__` the VM must call now. They
    /// stop being roots here: the VM roots them while it calls.
    pub fn take_finalizers(&self) -> Vec<Value> {
        std::mem::take(&mut *self.pending_finalizers.borrow_mut())
    }

    fn unreachable_finalizable(&self) -> Vec<Value> {
        let mut dying = Vec::new();
        self.finalizable.borrow_mut().retain(|&v| {
            let live = ObjHeader::of(v).is_none_or(|h| h.is_marked());
            if !live {
                dying.push(v);
            }
            live
        });
        dying
    }

    /// Stress mode keeps freed memory poisoned until this many bytes are
    /// quarantined (64 MiB by default; tests lower it).
    pub fn set_quarantine_limit(&self, bytes: usize) {
        self.quarantine_limit.set(bytes)
    }

    /// Objects currently allocated (live or not yet collected).
    pub fn object_count(&self) -> usize {
        self.object_count.get()
    }

    /// Objects allocated since the last collection (`gc.get_count()`).
    pub fn allocated_since_gc(&self) -> usize {
        self.object_count.get().saturating_sub(self.live_objects.get())
    }

    /// Bytes the heap holds from the system (blocks, large objects).
    pub fn footprint(&self) -> usize {
        self.cells.borrow().footprint()
    }

    /// Bytes found live by the last collection.
    pub fn live_bytes(&self) -> usize {
        self.live_bytes.get()
    }

    pub fn bytes_since_gc(&self) -> usize {
        self.bytes_since_gc.get()
    }

    pub fn collections(&self) -> u64 {
        self.collections.get()
    }

    /// Keeps `v` alive for as long as the heap lives (built-ins, caches).
    pub fn add_permanent_root(&self, v: Value) {
        if v.is_ptr() {
            self.own_roots.borrow_mut().push(v);
        }
    }
}

impl Heap {
    /// Every object in the heap: the live ones and those dead since the
    /// last collection (see [`super::walk`]). Blocks the last sweep left
    /// pending are swept first, so that nothing found dead then is listed.
    pub(super) fn object_headers(&self) -> Vec<NonNull<ObjHeader>> {
        let mut all = Vec::with_capacity(self.object_count.get());
        let mut cells = self.cells.borrow_mut();
        cells.finish_sweep(|obj| self.sweep_object(obj));
        cells.for_each_object(|obj| all.push(obj));
        all
    }
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        self.cells.get_mut().for_each_object(|obj| {
            // SAFETY: the heap is going away with every object in it; each
            // payload is dropped once, and no `Value` may outlive the heap.
            // The memory goes with `cells`.
            unsafe { obj.as_ref().vtable().drop_payload(obj) }
        });
    }
}
