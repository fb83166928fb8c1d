//! Searches whose key comparison runs Python code. `__eq__` may read or
//! change the very table being searched, so the table cannot stay borrowed
//! while it runs: these functions hold a context `ctx` (the VM), reach the
//! table through an accessor each time they need it, and call `eq` with
//! the context alone. After each comparison they check, as CPython does,
//! that the table was not rebuilt and that the compared slot still holds
//! the same key; if either changed, the search starts again from scratch.
//!
//! `identical` is the pointer-equality test (for `Value`s, equal bits).
//! Keys are cloned out of the table before `eq` runs (a `Value` is a word).

use super::dict::{self, Dict};
use super::set::{self, Set};
use super::KeyEq;

/// Adapts an identity test to the [`KeyEq`] the probes take; probes never
/// call `eq`.
struct Identity<I>(I);

impl<K, I: Fn(&K, &K) -> bool> KeyEq<K> for Identity<I> {
    type Error = std::convert::Infallible;
    #[inline]
    fn identical(&self, stored: &K, key: &K) -> bool {
        (self.0)(stored, key)
    }
    #[inline]
    fn eq(&mut self, _: &K, _: &K) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

/// CPython's `lookdict`: the position of `key`'s entry in the dict that
/// `table` reaches from `ctx`, or `None`.
pub fn dict_find<A, K: Clone, V, E>(
    ctx: &mut A,
    table: impl Fn(&A) -> &Dict<K, V>,
    hash: i64,
    key: &K,
    identical: impl Fn(&K, &K) -> bool,
    mut eq: impl FnMut(&mut A, &K, &K) -> Result<bool, E>,
) -> Result<Option<usize>, E> {
    let same = Identity(identical);
    'restart: loop {
        let mut probe = table(ctx).probe(hash);
        loop {
            let (layout, stored) = {
                let d = table(ctx);
                match d.probe_next(&mut probe, key, &same) {
                    dict::ProbeStep::Absent => return Ok(None),
                    dict::ProbeStep::Found(ix) => return Ok(Some(ix)),
                    dict::ProbeStep::SameHash(ix) => match d.entry(ix) {
                        Some((_, stored, _)) => (d.layout(), (ix, stored.clone())),
                        None => continue 'restart,
                    },
                }
            };
            let (ix, stored) = stored;
            let equal = eq(ctx, &stored, key)?;
            let d = table(ctx);
            let unchanged = d.layout() == layout
                && d.entry(ix).is_some_and(|(_, now, _)| same.identical(now, &stored));
            if !unchanged {
                continue 'restart;
            }
            if equal {
                return Ok(Some(ix));
            }
        }
    }
}

/// CPython's `set_lookkey`: the slot holding `key` in the set that `table`
/// reaches from `ctx`, or `None`.
pub fn set_find<A, K: Clone, E>(
    ctx: &mut A,
    table: impl Fn(&A) -> &Set<K>,
    hash: i64,
    key: &K,
    identical: impl Fn(&K, &K) -> bool,
    mut eq: impl FnMut(&mut A, &K, &K) -> Result<bool, E>,
) -> Result<Option<usize>, E> {
    match set_walk(ctx, &table, hash, key, &Identity(identical), &mut eq, false)? {
        SetWalk::Found(slot) => Ok(Some(slot)),
        SetWalk::Absent(..) => Ok(None),
    }
}

/// CPython's `set_add_entry`: adds `key` unless an equal key is there;
/// `true` if it was added. Unlike a lookup, an `eq` that answers "equal"
/// ends the search even if the table changed meanwhile.
pub fn set_add<A, K: Clone, E>(
    ctx: &mut A,
    table: impl Fn(&A) -> &Set<K>,
    table_mut: impl FnOnce(&mut A) -> &mut Set<K>,
    hash: i64,
    key: K,
    identical: impl Fn(&K, &K) -> bool,
    mut eq: impl FnMut(&mut A, &K, &K) -> Result<bool, E>,
) -> Result<bool, E> {
    match set_walk(ctx, &table, hash, &key, &Identity(identical), &mut eq, true)? {
        SetWalk::Found(_) => Ok(false),
        SetWalk::Absent(probe, unused) => {
            table_mut(ctx).insert_at_probe_end(&probe, unused, key);
            Ok(true)
        }
    }
}

enum SetWalk {
    Found(usize),
    Absent(set::Probe, usize),
}

fn set_walk<A, K: Clone, E, I: Fn(&K, &K) -> bool>(
    ctx: &mut A,
    table: &impl Fn(&A) -> &Set<K>,
    hash: i64,
    key: &K,
    same: &Identity<I>,
    eq: &mut impl FnMut(&mut A, &K, &K) -> Result<bool, E>,
    equal_wins: bool,
) -> Result<SetWalk, E> {
    'restart: loop {
        let mut probe = table(ctx).probe(hash);
        loop {
            let (layout, slot, stored) = {
                let s = table(ctx);
                match s.probe_next(&mut probe, key, same) {
                    set::ProbeStep::Absent(unused) => return Ok(SetWalk::Absent(probe, unused)),
                    set::ProbeStep::Found(slot) => return Ok(SetWalk::Found(slot)),
                    set::ProbeStep::SameHash(slot) => match s.entry(slot) {
                        Some((_, stored)) => (s.layout(), slot, stored.clone()),
                        None => continue 'restart,
                    },
                }
            };
            let equal = eq(ctx, &stored, key)?;
            if equal && equal_wins {
                return Ok(SetWalk::Found(slot));
            }
            let s = table(ctx);
            let unchanged = s.layout() == layout
                && s.entry(slot).is_some_and(|(_, now)| same.identical(now, &stored));
            if !unchanged {
                continue 'restart;
            }
            if equal {
                return Ok(SetWalk::Found(slot));
            }
        }
    }
}

#[cfg(test)]
mod tests;
