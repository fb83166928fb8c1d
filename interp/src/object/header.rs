//! What every heap object starts with: the header, the payload kinds, the
//! `Payload` trait that makes a Rust type storable on the heap, and `Gc<T>`,
//! the typed handle. Allocation and collection are [`super::heap`]'s.

use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::{offset_of, size_of};
use std::ops::Deref;
use std::ptr::NonNull;

use super::gc::Tracer;
use super::value::Value;

/// What layout a heap object's payload has. Each payload type has its own
/// kind, so a downcast is one byte compare; subclasses of built-in types
/// share their base's kind (their header's type differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ObjKind {
    /// Memory freed by the collector in stress mode (poisoned, quarantined).
    Freed = 0,
    Type,
    Shape,
    Instance,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Int,
    Float,
    Complex,
    Range,
    Slice,
    Exception,
    /// NotImplemented, Ellipsis: identity only.
    Singleton,
    /// Reserved for the dict and set objects built on `crate::table`.
    Dict,
    Set,
    FrozenSet,
    WeakRef,
    /// Attribute storage of a built-in-subclass instance.
    SideAttrs,
    /// Payloads defined by tests of the heap itself.
    Test,
    // ---- the VM's objects (crate::vm)
    Code,
    Function,
    Cell,
    Module,
    Method,
    NativeFunction,
    MethodDescriptor,
    Traceback,
    Generator,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    /// Iterators over sequences and ranges (`list_iterator`, `range_iterator`, ...).
    SeqIter,
    /// Iterators over dicts and sets.
    TableIter,
    /// Dict views and other wrappers of another object.
    Wrapper,
    /// `enumerate`, `zip`, `map`, `filter`, `reversed` objects.
    BuiltinIter,
    /// Frame objects as tracebacks show them (`tb.tb_frame`).
    FrameInfo,
    /// `_sre` patterns, matches and scanners (`modules::sre::object`).
    Sre,
    /// The awaitables of async generators' `asend`/`athrow`/`aclose`
    /// (`vm::async_generator`).
    AsyncGenAwaitable,
    /// What `coro.__await__()` gives (`vm::coro_wrapper`).
    CoroWrapper,
    /// `collections.deque` (`modules::deque`).
    Deque,
    /// Deque iterators (`modules::deque_iter`).
    DequeIter,
    /// The native `itertools` iterators (`modules::itertools_native`).
    Itertools,
    /// itertools' product, permutations and combinations
    /// (`modules::itertools_combinatoric`).
    Combinatoric,
    /// itertools' accumulate, compress, cycle, dropwhile, takewhile,
    /// filterfalse, starmap and zip_longest (`modules::itertools_map`).
    ItertoolsMap,
    /// itertools' groupby and `_grouper` (`modules::itertools_groupby`).
    GroupBy,
    /// itertools' `_tee` and `_tee_dataobject` (`modules::itertools_tee`).
    Tee,
    /// `_io.StringIO` (`modules::stringio`).
    StringIO,
    /// `_io.BytesIO` (`modules::bytesio`).
    BytesIO,
}

/// The header of every heap object. `#[repr(C)]`: the JIT loads `ty` at
/// [`HEADER_TYPE_OFFSET`] and `kind` at [`HEADER_KIND_OFFSET`].
#[repr(C)]
pub struct ObjHeader {
    /// The object's Python type (a `HeapObj<TypeObj>`); null only while the
    /// built-in types are being bootstrapped.
    pub(super) ty: Cell<*const ObjHeader>,
    pub(super) vtable: &'static ObjVTable,
    pub(super) kind: Cell<ObjKind>,
    pub(super) mark: Cell<bool>,
    /// Per-kind flags (for str: ASCII, interned).
    pub(super) flags: Cell<u8>,
    /// Stress mode: the cell was freed and is kept poisoned, not reused.
    pub(super) quarantined: Cell<u8>,
    /// Size of the allocation in bytes (header, payload and inline tail).
    pub(super) size: u32,
}

pub const HEADER_TYPE_OFFSET: usize = offset_of!(ObjHeader, ty);
pub const HEADER_KIND_OFFSET: usize = offset_of!(ObjHeader, kind);
/// Where the flags byte is, for compiled code that tests [`FLAG_SIDE_ATTRS`].
pub const HEADER_FLAGS_OFFSET: usize = offset_of!(ObjHeader, flags);
pub(super) const HEADER_QUARANTINE_OFFSET: usize = offset_of!(ObjHeader, quarantined);
/// Header flag (all kinds): the object keeps attributes in the heap's side
/// table. The low bits of `flags` belong to each kind.
pub const FLAG_SIDE_ATTRS: u8 = 0x80;
pub const HEADER_SIZE: usize = size_of::<ObjHeader>();
/// Where every payload starts (payloads are at most 8-aligned).
pub const PAYLOAD_OFFSET: usize = HEADER_SIZE;
const _: () = assert!(ObjKind::Freed as u8 == 0); // zeroed memory reads as free
const _: () = assert!(HEADER_SIZE == 24 && HEADER_SIZE.is_multiple_of(8));

impl ObjHeader {
    #[inline(always)]
    pub fn kind(&self) -> ObjKind {
        self.kind.get()
    }

    /// The type object, as a value (`Value::NONE` during bootstrap only).
    #[inline(always)]
    pub fn type_value(&self) -> Value {
        NonNull::new(self.ty.get() as *mut ObjHeader)
            .map_or(Value::NONE, Value::from_checked_header)
    }

    #[inline(always)]
    pub fn type_ptr(&self) -> *const ObjHeader {
        self.ty.get()
    }

    /// Changes the object's class (`obj.__class__ = C`; bootstrap of `type`).
    /// The caller checks layout compatibility.
    pub fn set_type(&self, ty: Value) {
        self.ty.set(ty.as_header().map_or(std::ptr::null(), |p| p.as_ptr() as *const ObjHeader));
    }

    #[inline(always)]
    pub fn flags(&self) -> u8 {
        self.flags.get()
    }

    #[inline(always)]
    pub fn set_flags(&self, flags: u8) {
        self.flags.set(flags)
    }

    pub fn size(&self) -> usize {
        self.size as usize
    }

    #[inline(always)]
    pub(super) fn is_marked(&self) -> bool {
        self.mark.get()
    }

    #[inline(always)]
    pub(super) fn set_mark(&self, m: bool) {
        self.mark.set(m)
    }

    pub(super) fn vtable(&self) -> &'static ObjVTable {
        self.vtable
    }

    /// The header of a pointer value.
    #[inline(always)]
    pub fn of(v: Value) -> Option<&'static ObjHeader> {
        // SAFETY: pointer values are only made by `Heap` from live
        // allocations, and callers hold values only while they are rooted
        // (module docs), so the header is live memory.
        let header = v.as_header().map(|p| unsafe { &*p.as_ptr() });
        // In stress mode freed memory stays readable and says so.
        debug_assert!(
            header.is_none_or(|h| h.kind() != ObjKind::Freed),
            "use of a freed object: a GC root is missing"
        );
        header
    }
}

/// A payload type: what lives after the header.
///
/// # Safety
/// `trace` must report every `Value` and `Gc` the payload holds, or the
/// collector frees objects still in use.
pub unsafe trait Payload: Sized + 'static {
    const KIND: ObjKind;
    /// Reports every heap reference the payload holds.
    fn trace(&self, tracer: &mut Tracer);
    /// Bytes the payload owns outside its allocation (vector buffers),
    /// counted towards the collection threshold.
    fn extra_bytes(&self) -> usize {
        0
    }
    /// Number of items allocated inline after the payload by
    /// [`super::Heap::alloc_with_tail`] (tuples); 0 for fixed-size payloads.
    fn tail_len(&self) -> usize {
        0
    }
}

/// Type-erased operations the collector needs on any payload.
pub struct ObjVTable {
    pub kind: ObjKind,
    trace: unsafe fn(NonNull<ObjHeader>, &mut Tracer),
    drop_payload: unsafe fn(NonNull<ObjHeader>),
    /// False when dropping the payload does nothing (no buffers, no `Rc`s):
    /// the sweep then skips the call.
    payload_needs_drop: bool,
    extra_bytes: unsafe fn(NonNull<ObjHeader>) -> usize,
}

impl ObjVTable {
    /// # Safety
    /// `obj` is a live object whose payload matches this vtable.
    pub(super) unsafe fn trace(&self, obj: NonNull<ObjHeader>, tracer: &mut Tracer) {
        // SAFETY: forwarded from the caller.
        unsafe { (self.trace)(obj, tracer) }
    }

    /// # Safety
    /// As for `trace`; the payload must not be used afterwards.
    pub(super) unsafe fn drop_payload(&self, obj: NonNull<ObjHeader>) {
        if self.payload_needs_drop {
            // SAFETY: forwarded from the caller.
            unsafe { (self.drop_payload)(obj) }
        }
    }

    /// # Safety
    /// As for `trace`.
    pub(super) unsafe fn extra_bytes(&self, obj: NonNull<ObjHeader>) -> usize {
        // SAFETY: forwarded from the caller.
        unsafe { (self.extra_bytes)(obj) }
    }
}

pub(super) struct VTableOf<T>(PhantomData<T>);

impl<T: Payload> VTableOf<T> {
    pub(super) const VTABLE: ObjVTable = ObjVTable {
        kind: T::KIND,
        trace: Self::trace,
        drop_payload: Self::drop_payload,
        payload_needs_drop: std::mem::needs_drop::<T>(),
        extra_bytes: Self::extra_bytes,
    };

    /// # Safety
    /// `obj` is a live `HeapObj<T>`.
    unsafe fn trace(obj: NonNull<ObjHeader>, tracer: &mut Tracer) {
        // SAFETY: the vtable is only installed on `HeapObj<T>` allocations.
        let obj = unsafe { &*(obj.as_ptr() as *const HeapObj<T>) };
        obj.payload.trace(tracer)
    }

    /// # Safety
    /// `obj` is a live `HeapObj<T>` that nothing uses afterwards.
    unsafe fn drop_payload(obj: NonNull<ObjHeader>) {
        // SAFETY: the vtable is only installed on `HeapObj<T>` allocations,
        // and the collector drops each dead object exactly once.
        unsafe { std::ptr::drop_in_place(&mut (*(obj.as_ptr() as *mut HeapObj<T>)).payload) }
    }

    /// # Safety
    /// `obj` is a live `HeapObj<T>`.
    unsafe fn extra_bytes(obj: NonNull<ObjHeader>) -> usize {
        // SAFETY: as for `trace`.
        unsafe { (*(obj.as_ptr() as *const HeapObj<T>)).payload.extra_bytes() }
    }
}

/// The layout of an object: header, then payload.
#[repr(C)]
pub struct HeapObj<T> {
    pub header: ObjHeader,
    pub payload: T,
}

/// A typed handle to a heap object whose payload is `T`. Copy, one word.
/// Like a `Value`, it stays valid only while the object is reachable from a
/// root; never keep one in Rust across a safepoint without rooting it.
#[repr(transparent)]
pub struct Gc<T>(pub(super) NonNull<HeapObj<T>>);

impl<T> Clone for Gc<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Gc<T> {}
impl<T> PartialEq for Gc<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<T> Eq for Gc<T> {}
impl<T> std::fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gc({:p})", self.0)
    }
}

impl<T: Payload> Gc<T> {
    /// The handle of `v` if it points to an object with payload `T`
    /// (a subclass instance of a built-in type has the base's payload).
    #[inline(always)]
    pub fn from_value(v: Value) -> Option<Gc<T>> {
        let header = ObjHeader::of(v)?;
        debug_assert!(
            header.kind() != ObjKind::Freed,
            "use of a freed object: a GC root is missing"
        );
        (header.kind() == T::KIND).then(|| Gc(NonNull::from(header).cast()))
    }

    #[inline(always)]
    pub fn value(self) -> Value {
        Value::from_checked_header(self.0.cast())
    }

    #[inline(always)]
    pub fn header(&self) -> &ObjHeader {
        // SAFETY: a `Gc` is made only from a live allocation (module docs).
        unsafe { &(*self.0.as_ptr()).header }
    }

    pub fn ptr_eq(a: Gc<T>, b: Gc<T>) -> bool {
        a.0 == b.0
    }

    pub fn as_ptr(self) -> *const HeapObj<T> {
        self.0.as_ptr()
    }
}

impl<T: Payload> Deref for Gc<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: a `Gc` is made only from a live allocation of a
        // `HeapObj<T>` (kind checked in `from_value`), kept alive by a root.
        let obj = unsafe { &*self.0.as_ptr() };
        debug_assert!(
            obj.header.kind() != ObjKind::Freed,
            "use of a freed object: a GC root is missing"
        );
        &obj.payload
    }
}

/// The inline tail after a payload allocated with
/// [`super::Heap::alloc_with_tail`].
///
/// # Safety
/// `payload` is the payload of a heap object allocated with a tail of `len`
/// items of type `I` (or of a type with the same layout, such as
/// `Cell<Value>` for `Value`).
pub(crate) unsafe fn tail_of<T, I>(payload: &T, len: usize) -> &[I] {
    // SAFETY: forwarded from the caller. Payloads start at PAYLOAD_OFFSET and
    // the tail at the 8-rounded end of `HeapObj<T>`, as `alloc_with_tail`
    // wrote it.
    unsafe {
        let skip = size_of::<HeapObj<T>>().next_multiple_of(8) - PAYLOAD_OFFSET;
        let start = (payload as *const T as *const u8).add(skip);
        std::slice::from_raw_parts(start as *const I, len)
    }
}

/// Mutable view of the tail (list of a tuple being built; never resized).
///
/// # Safety
/// As for [`tail_of`]; no other reference to the tail is alive.
#[allow(clippy::mut_from_ref, dead_code)]
pub(super) unsafe fn tail_of_mut<T, I>(payload: &T, len: usize) -> &mut [I] {
    // SAFETY: as for `tail_of`; exclusivity is the caller's promise.
    unsafe {
        let skip = size_of::<HeapObj<T>>().next_multiple_of(8) - PAYLOAD_OFFSET;
        let start = (payload as *const T as *const u8).add(skip) as *mut I;
        std::slice::from_raw_parts_mut(start, len)
    }
}
