//! The hash tables and the sort behind Python's `dict`, `set`, `frozenset` and
//! `list.sort`, as generic data structures that know nothing of the heap.
//!
//! They follow CPython 3.8 step for step (`Objects/dictobject.c`,
//! `setobject.c`, `listsort.txt`), because Python programs can see the
//! difference: the order in which a set of ints prints, which entry
//! `popitem` returns, how many times `__eq__` and `__lt__` run.
//!
//! Keys arrive with their Python hash already computed, and are compared
//! through a [`KeyEq`] the caller supplies: equality may run Python code,
//! which may fail, and may even mutate the table being searched. The tables
//! therefore offer two ways to search: closure-driven methods (`find`,
//! `insert`, ...) that borrow the table for the whole search, so the borrow
//! checker proves the comparison cannot touch it, and step-by-step probes
//! (`probe` / `probe_next`) that hand each same-hash candidate back to the
//! caller, who compares it with the table released and then checks the
//! table's `layout()` generation and the candidate's key to decide, as
//! CPython does, whether to go on or restart.
//!
//! What the object layer does with them:
//!
//! - Hashes are Python's (`hash()` never returns -1). A `Value` key's
//!   `identical` is bit equality; its `eq` is `PyObject_RichCompareBool`.
//! - When `__eq__` can run Python code, search through [`reentrant`]
//!   (`dict_find`, `set_find`, `set_add`), then act on the position found:
//!   `Dict::value_mut` / `insert_new` / `remove_at`, `Set::remove_at`.
//!   For keys whose equality is native (int, str, float, tuples of them),
//!   the direct methods (`find`, `insert`, `add`, ...) are the fast path.
//! - Iterators keep a position and step with `next_entry(pos)`; CPython's
//!   "changed size during iteration" compares `len()` at each step, and
//!   `mutations()` catches any change at all.
//! - `{}` is `Dict::new()`, `dict()` is `Dict::with_min_size()`, a display
//!   of n pairs `Dict::with_presize(n)`; `d.update(e)` and `dict(e)` call
//!   `reserve_for_merge(len(e))` before inserting; `dict.fromkeys` calls
//!   `resize`; `s.update(d)` calls `Set::reserve_for_update(len(d))`.
//! - `list.sort` sorts `(key, value)` pairs when there is a key function,
//!   as CPython sorts its key and value arrays side by side.
//!
//! | module | owns |
//! |---|---|
//! | [`index_array`] | the dict's index table, 1 to 8 bytes per slot by size |
//! | [`dict`] | the compact insertion-ordered dict |
//! | [`reentrant`] | searches whose `__eq__` may change the table: CPython's restarts |
//! | [`set`] | the set table: linear probes, dummies, `pop`'s finger, frozenset hash |
//! | [`set_algebra`] | union, intersection, difference, ... in CPython's iteration order |
//! | [`sort`] | timsort with a fallible less-than, exactly CPython's comparisons |

pub mod dict;
pub mod index_array;
pub mod reentrant;
pub mod set;
pub mod set_algebra;
pub mod sort;

#[cfg(test)]
mod cpython_data;

use std::convert::Infallible;

/// CPython's `PERTURB_SHIFT`: how fast the high hash bits enter the probe.
pub(crate) const PERTURB_SHIFT: u32 = 5;

/// How a table compares keys: `identical` is the free pointer-equality test
/// CPython makes before calling `__eq__`; `eq` is the full, fallible test.
/// Both receive the stored key first and the probing key second, the order
/// of CPython's `PyObject_RichCompareBool(startkey, key, Py_EQ)`.
pub trait KeyEq<K> {
    type Error;
    fn identical(&self, stored: &K, key: &K) -> bool;
    fn eq(&mut self, stored: &K, key: &K) -> Result<bool, Self::Error>;
}

/// Keys whose Rust equality is their Python equality (tests, benchmarks,
/// and native tables of plain data).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeEq;

impl<K: Eq> KeyEq<K> for NativeEq {
    type Error = Infallible;
    #[inline]
    fn identical(&self, stored: &K, key: &K) -> bool {
        stored == key
    }
    #[inline]
    fn eq(&mut self, stored: &K, key: &K) -> Result<bool, Infallible> {
        Ok(stored == key)
    }
}

/// A [`KeyEq`] made of two closures.
pub struct EqFns<I, F>(pub I, pub F);

impl<K, E, I, F> KeyEq<K> for EqFns<I, F>
where
    I: Fn(&K, &K) -> bool,
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    type Error = E;
    #[inline]
    fn identical(&self, stored: &K, key: &K) -> bool {
        (self.0)(stored, key)
    }
    #[inline]
    fn eq(&mut self, stored: &K, key: &K) -> Result<bool, E> {
        (self.1)(stored, key)
    }
}

/// Unwraps the result of a search that cannot fail.
pub fn infallible<T>(result: Result<T, Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}
