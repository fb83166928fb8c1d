//! Root scopes: how native code keeps temporaries alive while it calls back
//! into Python (which may reach a safepoint and collect).
//!
//! ```ignore
//! let scope = RootScope::new(heap);
//! let acc = scope.root(heap.new_list(vec![]));
//! for item in items {
//!     let r = vm.call(f, &[item])?;         // may collect
//!     list_push(heap, acc.get(), r);        // `acc` survived: it was rooted
//! }
//! ```
//! Scopes nest strictly (LIFO); dropping one releases its roots. Read a
//! rooted value through [`Rooted::get`] after each call rather than
//! keeping the old `Value`, so a moving collector can later update the slot.

use std::marker::PhantomData;

use super::heap::Heap;
use super::value::Value;

/// A region in which values can be rooted; they stay alive until it drops.
pub struct RootScope<'h> {
    heap: &'h Heap,
    base: usize,
}

impl<'h> RootScope<'h> {
    pub fn new(heap: &'h Heap) -> Self {
        RootScope { heap, base: heap.scoped_roots.borrow().len() }
    }

    /// Roots `v` for the lifetime of this scope.
    pub fn root(&self, v: Value) -> Rooted<'_> {
        let mut roots = self.heap.scoped_roots.borrow_mut();
        roots.push(v);
        Rooted { heap: self.heap, index: roots.len() - 1, _scope: PhantomData }
    }

    pub fn heap(&self) -> &'h Heap {
        self.heap
    }
}

impl Drop for RootScope<'_> {
    fn drop(&mut self) {
        let mut roots = self.heap.scoped_roots.borrow_mut();
        debug_assert!(roots.len() >= self.base, "root scopes dropped out of order");
        roots.truncate(self.base);
    }
}

/// One rooted slot of a [`RootScope`].
pub struct Rooted<'s> {
    heap: &'s Heap,
    index: usize,
    _scope: PhantomData<&'s RootScope<'s>>,
}

impl Rooted<'_> {
    #[inline]
    pub fn get(&self) -> Value {
        self.heap.scoped_roots.borrow()[self.index]
    }

    #[inline]
    pub fn set(&self, v: Value) {
        self.heap.scoped_roots.borrow_mut()[self.index] = v
    }
}
