//! Set algebra in CPython 3.8's order of work (`setobject.c`): which operand
//! is iterated and which is probed decides both the order of the result's
//! slots and which of two equal keys (`1` or `1.0`) ends up in it.
//!
//! Operands here are sets. Where CPython iterates a non-set operand as it
//! comes (`symmetric_difference_update` with a dict, `difference_update` with
//! any iterable) the `_entries` variants take its `(hash, key)` pairs in
//! order. Where CPython first builds a set from an iterable (`a | list`,
//! `a ^ list`, `a <= list`), the caller builds it with [`Set::add`] and
//! calls the set version. The aliasing cases (`a & a`, `a - a`, `a ^= a`)
//! are the caller's: CPython answers them without comparing anything.

use super::set::Set;
use super::KeyEq;

impl<K: Clone> Set<K> {
    /// `a | b`, `a.union(b)`: a copy of `a`, then `b` merged in.
    pub fn union<C: KeyEq<K>>(&self, other: &Set<K>, cmp: &mut C) -> Result<Set<K>, C::Error> {
        let mut result = self.copy();
        result.merge(other, cmp)?;
        Ok(result)
    }

    /// `a & b`: iterates the smaller set (`b` on a tie), probing the other;
    /// the result holds the iterated set's keys.
    pub fn intersection<C: KeyEq<K>>(
        &self,
        other: &Set<K>,
        cmp: &mut C,
    ) -> Result<Set<K>, C::Error> {
        let (probed, iterated) =
            if other.len() > self.len() { (other, self) } else { (self, other) };
        let mut result = Set::new();
        for (hash, key) in iterated.iter() {
            if probed.contains(hash, key, cmp)? {
                result.add(hash, key.clone(), cmp)?;
            }
        }
        Ok(result)
    }

    /// `a &= b`: the intersection, then its table swapped into `a`.
    pub fn intersection_update<C: KeyEq<K>>(
        &mut self,
        other: &Set<K>,
        cmp: &mut C,
    ) -> Result<(), C::Error> {
        let mut result = self.intersection(other, cmp)?;
        self.swap_tables(&mut result);
        Ok(())
    }

    /// `a - b`: when `a` is more than four times `b`'s size, a copy of `a`
    /// with `b`'s keys discarded; else `a`'s keys not in `b`, added in
    /// `a`'s order to a new set.
    pub fn difference<C: KeyEq<K>>(&self, other: &Set<K>, cmp: &mut C) -> Result<Set<K>, C::Error> {
        if (self.len() >> 2) > other.len() {
            let mut result = self.copy();
            result.difference_update(other, cmp)?;
            return Ok(result);
        }
        let mut result = Set::new();
        for (hash, key) in self.iter() {
            if !other.contains(hash, key, cmp)? {
                result.add(hash, key.clone(), cmp)?;
            }
        }
        Ok(result)
    }

    /// `a -= b`: discards `b`'s keys (or, when `b` is more than eight times
    /// larger, those of `a & b`), then drops the dummies if they are many.
    pub fn difference_update<C: KeyEq<K>>(
        &mut self,
        other: &Set<K>,
        cmp: &mut C,
    ) -> Result<(), C::Error> {
        if (other.len() >> 3) > self.len() {
            let common = self.intersection(other, cmp)?;
            self.discard_all(&common, cmp)?;
        } else {
            self.discard_all(other, cmp)?;
        }
        self.shrink_dummies();
        Ok(())
    }

    fn discard_all<C: KeyEq<K>>(&mut self, other: &Set<K>, cmp: &mut C) -> Result<(), C::Error> {
        for (hash, key) in other.iter() {
            self.discard(hash, key, cmp)?;
        }
        Ok(())
    }

    /// `a -= iterable`: discards each key as it comes, then drops the
    /// dummies if they are many.
    pub fn difference_update_entries<C: KeyEq<K>>(
        &mut self,
        entries: impl IntoIterator<Item = (i64, K)>,
        cmp: &mut C,
    ) -> Result<(), C::Error> {
        for (hash, key) in entries {
            self.discard(hash, &key, cmp)?;
        }
        self.shrink_dummies();
        Ok(())
    }

    /// `a ^ b`: a copy of `b`, updated with `a`.
    pub fn symmetric_difference<C: KeyEq<K>>(
        &self,
        other: &Set<K>,
        cmp: &mut C,
    ) -> Result<Set<K>, C::Error> {
        let mut result = other.copy();
        result.symmetric_difference_update(self, cmp)?;
        Ok(result)
    }

    /// `a ^= b`: each key of `b`, in `b`'s table order, is discarded from
    /// `a` if there and added if not.
    pub fn symmetric_difference_update<C: KeyEq<K>>(
        &mut self,
        other: &Set<K>,
        cmp: &mut C,
    ) -> Result<(), C::Error> {
        self.symmetric_difference_update_entries(other.iter().map(|(h, k)| (h, k.clone())), cmp)
    }

    /// `a ^= d` for a dict `d`: the same, in the order of `entries`.
    pub fn symmetric_difference_update_entries<C: KeyEq<K>>(
        &mut self,
        entries: impl IntoIterator<Item = (i64, K)>,
        cmp: &mut C,
    ) -> Result<(), C::Error> {
        for (hash, key) in entries {
            if self.discard(hash, &key, cmp)?.is_none() {
                self.add(hash, key, cmp)?;
            }
        }
        Ok(())
    }
}

impl<K> Set<K> {
    /// `a <= b`: false at once if `a` is larger, else every key of `a` in `b`.
    pub fn is_subset<C: KeyEq<K>>(&self, other: &Set<K>, cmp: &mut C) -> Result<bool, C::Error> {
        if self.len() > other.len() {
            return Ok(false);
        }
        for (hash, key) in self.iter() {
            if !other.contains(hash, key, cmp)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a >= b`: `b <= a`.
    pub fn is_superset<C: KeyEq<K>>(&self, other: &Set<K>, cmp: &mut C) -> Result<bool, C::Error> {
        other.is_subset(self, cmp)
    }

    /// `a.isdisjoint(b)`: iterates the smaller set (`b` on a tie).
    pub fn is_disjoint<C: KeyEq<K>>(&self, other: &Set<K>, cmp: &mut C) -> Result<bool, C::Error> {
        let (probed, iterated) =
            if other.len() > self.len() { (other, self) } else { (self, other) };
        for (hash, key) in iterated.iter() {
            if probed.contains(hash, key, cmp)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
