//! The object model: values, the heap and its collector, types, shapes and
//! the layouts of the core objects.
//!
//! | module | owns |
//! |---|---|
//! | [`value`] | `Value`, the NaN-boxed word, and its bit layout |
//! | [`heap`] | object headers, `Gc<T>` handles, allocation, byte accounting, sweeping |
//! | [`gc`] | marking with an explicit stack, `RootSet`, `Tracer`, collection stats |
//! | [`roots`] | `RootScope`: temporaries of native code that calls back into Python |
//! | [`types`] | type objects, MRO, version tags, native slots, the built-in types |
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
//!   them from the scope afterwards.
//! - The VM's `RootSet` reports the value stack and frames, the module
//!   registry, builtins, code constants and the constants of compiled
//!   traces; the heap adds interned strings, the built-in types and scopes.
//! - `TACHYON_GC_STRESS=1` collects at every safepoint and poisons what it
//!   frees; reaching a freed object panics with "a root is missing".
//!
//! The collector is non-moving today; code must not rely on that: keep
//! values in roots, not raw pointers, across safepoints.

pub mod gc;
pub mod heap;
pub mod roots;
pub mod types;
pub mod value;

pub use gc::{CollectStats, NoRoots, RootSet, Tracer};
pub use heap::{Gc, Heap, HeapObj, ObjHeader, ObjKind, Payload};
pub use roots::{RootScope, Rooted};
pub use value::Value;

#[cfg(test)]
mod gc_tests;
