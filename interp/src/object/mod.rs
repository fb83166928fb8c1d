//! The object model: values, the heap and its collector, types, shapes and
//! the layouts of the core objects.
//!
//! | module | owns |
//! |---|---|
//! | [`value`] | `Value`, the NaN-boxed word, and its bit layout |
//! | [`header`] | the object header, payload kinds, the `Payload` trait, `Gc<T>` handles |
//! | [`heap`] | allocation, byte accounting, collection, sweeping, finalizers |
//! | [`alloc`] | memory: size-class blocks with free lists, large objects |
//! | [`gc`] | marking with an explicit stack, `RootSet`, `Tracer`, collection stats |
//! | [`walk`] | listing objects: every live one, what one refers to (the `gc` module) |
//! | [`roots`] | `RootScope`: temporaries of native code that calls back into Python |
//! | [`types`] | type objects: MRO, attribute lookup, version tags, class creation |
//! | [`mro`] | C3 linearization |
//! | [`slots`] | native slot table (`int.__add__` as a function pointer), `Runtime` |
//! | [`number_slots`] | native slots of int, bool, float, complex (boxing `crate::number`) |
//! | [`sequence_slots`] | len, subscripts, hash and repr slots of the built-in sequences |
//! | [`builtin_types`] | the built-in types, the exception hierarchy, singletons |
//! | [`shape`] | shapes (hidden classes) and their transition trees |
//! | [`instance`] | attribute storage (`Attrs`: shape + slots, or dict mode), instances |
//! | [`addrmap`] | hash map keyed by value words (addresses, interned names) |
//! | [`attrmap`] | insertion-ordered map keyed by interned names |
//! | [`vec`](mod@vec) | `ValueVec`, a value vector with a fixed layout (lists, slots) |
//! | [`hash`] | the SipHash key of str/bytes hashes (PYTHONHASHSEED) |
//! | [`str`](mod@str) | str objects and the interning table |
//! | [`bytes`] | bytes and bytearray |
//! | [`dict`] | dict objects over `crate::table::dict` |
//! | [`set`] | set and frozenset objects over `crate::table::set` |
//! | [`tuple`](mod@tuple) | tuples, items inline |
//! | [`list`] | lists |
//! | [`boxes`] | big ints, int/float subclass instances, complex |
//! | [`range`] | range and slice objects, slice index arithmetic |
//! | [`exception`] | exception instances |
//! | [`weakref`] | weak references; weak subclass lists; clearing after marking |
//! | [`err`] | `PyErr`, the Rust side of a raised exception |
//!
//! # How the VM uses roots and safepoints
//!
//! Allocation never collects. When the bytes allocated since the last
//! collection pass the threshold, the heap raises a flag, and the VM calls
//! [`Heap::safepoint`] with its [`RootSet`] between bytecodes (JIT code does
//! it at calls). Only there do objects die. So:
//! - Inside one bytecode, native code may hold `Value`s and `Gc` handles in
//!   Rust locals freely, as long as it does not reach a safepoint.
//! - Native code that calls back into Python (which runs bytecodes, hence
//!   safepoints) roots its temporaries in a [`RootScope`] first and re-reads
//!   them from the scope afterwards. A [`PyErr`] in flight is not a root
//!   either.
//! - The VM's `RootSet` reports the value stack and frames, the module
//!   registry, builtins, code constants and the constants of compiled
//!   traces; the heap adds interned strings, the built-in types and
//!   singletons, and root scopes.
//! - `TACHYON_GC_STRESS=1` collects at every safepoint and poisons what it
//!   frees; reaching a freed object panics with "a root is missing".
//!
//! The collector is non-moving today; code must not rely on that: keep
//! values in roots, not raw pointers, across safepoints, and re-read them
//! from their root after one. A moving (e.g. generational) collector would
//! additionally have `Payload::trace` and `RootSet` visit slots
//! (`&Cell<Value>`, `&mut Value`) so it can rewrite them; every payload's
//! fields are already `Cell`s or vectors for that reason.
//!
//! # Fast paths for the VM and the JIT
//!
//! - Type tests on immediates are one compare on `Value::bits()` (see
//!   [`value`]); on heap objects, [`Gc::from_value`] checks one header byte
//!   (the payload kind), and the type pointer is at [`header::HEADER_TYPE_OFFSET`].
//! - `obj.x`: guard on the shape word at [`instance::INSTANCE_SHAPE_OFFSET`]
//!   (a shape implies the type), then load slot `i` through
//!   [`instance::INSTANCE_SLOTS_PTR_OFFSET`].
//! - Method lookups: guard on [`types::TYPE_VERSION_OFFSET`].
//! - Tuple items at [`tuple::TUPLE_ITEMS_OFFSET`]` + 8*i`; list items via
//!   [`list::LIST_ITEMS_PTR_OFFSET`] and [`list::LIST_LEN_OFFSET`].

//!
//! # Adding an object kind (functions, code, modules, dicts, ...)
//!
//! 1. Add a variant to [`ObjKind`] (a downcast is one compare of it).
//! 2. Define the payload struct (`#[repr(C)]` if the JIT reads fields; put
//!    interior mutability in `Cell`/`RefCell`/[`vec::ValueVec`]) and
//!    `unsafe impl Payload` with a `trace` that reports every `Value` it
//!    holds; add `extra_bytes` if it owns buffers.
//! 3. Allocate with `heap.alloc(type_value, payload)` and read with
//!    `Gc::<T>::from_value(v)`.
//! 4. If it has instance attributes, embed [`instance::Attrs`] and teach
//!    [`Heap::attrs_of`]; if it takes weak references, extend
//!    `weakref::supports_weakref`.
//!
//! # Measured (release, shared 2-core machine)
//!
//! Building a list of 10^6 `(i, i)` tuples with a safepoint after each:
//! 66-80 ms including 5 collections; a full collection with all of them
//! live 16-20 ms, one freeing them all 10-14 ms; CPython 3.8 takes 130-170
//! ms for `[(i, i) for i in range(10**6)]`, 25 ms for `gc.collect()` and
//! 38 ms for `del`. A heap starts (types, exception hierarchy) in 0.15-0.4 ms.

pub mod addrmap;
pub mod alloc;
pub mod attrmap;
pub mod boxes;
pub mod builtin_types;
pub mod bytes;
mod cycles;
pub mod dict;
pub mod err;
pub mod exception;
pub mod gc;
pub mod hash;
pub mod header;
pub mod heap;
pub mod instance;
pub mod list;
pub mod mro;
pub mod number_slots;
pub mod range;
pub mod roots;
pub mod sequence_slots;
pub mod set;
pub mod shape;
pub mod slots;
pub mod str;
pub mod text_map;
pub mod tuple;
pub mod types;
pub mod value;
pub mod vec;
pub mod walk;
pub mod weakref;

pub use err::PyErr;
pub use gc::{CollectStats, NoRoots, RootSet, Tracer};
pub use header::{Gc, HeapObj, ObjHeader, ObjKind, Payload};
pub use heap::Heap;
pub use roots::{RootScope, Rooted};
pub use types::TypeObj;
pub use value::Value;

#[cfg(test)]
mod gc_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod types_tests;
