//! CPython 3.8's set table (`Objects/setobject.c`): open addressing over
//! `(hash, key)` slots, probing a run of [`LINEAR_PROBES`] neighbours before
//! each perturbed jump. A deleted key leaves a dummy that probes pass over
//! and insertions reuse. Iteration is in slot order, which is why
//! `print({3, 1, 2})` shows `{1, 2, 3}`: small ints hash to themselves.

use super::{KeyEq, PERTURB_SHIFT};

/// `PySet_MINSIZE`: every set starts with this many slots.
pub const MIN_SIZE: usize = 8;
/// Neighbouring slots looked at before the perturbed jump.
pub const LINEAR_PROBES: usize = 9;

/// The hash field of a dummy; no Python hash is -1.
const DUMMY_HASH: i64 = -1;

/// Unused: `(0, None)`; dummy: `(-1, None)`; active: `(hash, Some(key))`.
#[derive(Clone, Debug)]
struct Slot<K> {
    hash: i64,
    key: Option<K>,
}

impl<K> Slot<K> {
    const UNUSED: Self = Slot { hash: 0, key: None };

    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }
}

/// The slots: up to [`MIN_SIZE`] inline, as CPython's `smalltable`, so
/// that a small set costs no allocation of its own; a vector when larger.
#[derive(Clone, Debug)]
enum Table<K> {
    Small([Slot<K>; MIN_SIZE]),
    Large(Vec<Slot<K>>),
}

impl<K> Table<K> {
    fn unused(size: usize) -> Self {
        if size == MIN_SIZE {
            Table::Small([Slot::UNUSED; MIN_SIZE])
        } else {
            let mut table = Vec::with_capacity(size);
            table.resize_with(size, || Slot::UNUSED);
            Table::Large(table)
        }
    }

    /// Calls `f` on each slot, giving the table away.
    fn drain(self, f: impl FnMut(Slot<K>)) {
        match self {
            Table::Small(slots) => slots.into_iter().for_each(f),
            Table::Large(slots) => slots.into_iter().for_each(f),
        }
    }
}

impl<K> std::ops::Deref for Table<K> {
    type Target = [Slot<K>];
    fn deref(&self) -> &[Slot<K>] {
        match self {
            Table::Small(slots) => slots,
            Table::Large(slots) => slots,
        }
    }
}

impl<K> std::ops::DerefMut for Table<K> {
    fn deref_mut(&mut self) -> &mut [Slot<K>] {
        match self {
            Table::Small(slots) => slots,
            Table::Large(slots) => slots,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Set<K> {
    table: Table<K>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
    layout: u64,
    mutations: u64,
}

/// Where a step-by-step search stands (see [`Set::probe_next`]).
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    hash: i64,
    base: usize,
    step: usize,
    perturb: u64,
    /// The last dummy passed: where an insertion goes.
    free: Option<usize>,
}

/// What one call of [`Set::probe_next`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeStep {
    /// The key is absent; the probe ended at this unused slot.
    Absent(usize),
    /// The slot holds an identical key.
    Found(usize),
    /// The slot's key has the same hash: compare, then go on with
    /// `probe_next` if the table's `layout()` and this slot's key are
    /// unchanged, else start again.
    SameHash(usize),
}

impl<K> Default for Set<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K> Set<K> {
    pub fn new() -> Self {
        Set { table: Table::unused(MIN_SIZE), fill: 0, used: 0, finger: 0, layout: 0, mutations: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Slots in the table (`mask + 1`).
    pub fn table_size(&self) -> usize {
        self.table.len()
    }

    /// `sys.getsizeof` of a CPython 3.8 set with this table, on a 64-bit
    /// build: the object with its GC header and built-in 8-slot table,
    /// plus 16 bytes a slot for a larger table.
    pub fn python_sizeof(&self) -> usize {
        const SET_OBJECT: usize = 216;
        if self.table.len() == MIN_SIZE {
            SET_OBJECT
        } else {
            SET_OBJECT + self.table.len() * 16
        }
    }

    /// Active plus dummy slots.
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Changes whenever the table is replaced (resize, clear, swap).
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// Changes on every mutation. Counted per table from 0 (a new or
    /// copied table starts again), so a cache keys on the object too.
    pub fn mutations(&self) -> u64 {
        self.mutations
    }

    #[inline]
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The key at `slot` and its hash, if the slot is active.
    #[inline]
    pub fn entry(&self, slot: usize) -> Option<(i64, &K)> {
        let s = self.table.get(slot)?;
        s.key.as_ref().map(|k| (s.hash, k))
    }

    /// The first active slot at or after `pos`: set iterators step through
    /// these.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, i64, &K)> {
        let rest = self.table.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(offset, s)| s.key.as_ref().map(|k| (pos + offset, s.hash, k)))
    }

    /// Active entries in table order: `(hash, key)`.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &K)> + '_ {
        self.table.iter().filter_map(|s| s.key.as_ref().map(|k| (s.hash, k)))
    }

    #[inline]
    pub fn probe(&self, hash: i64) -> Probe {
        Probe {
            hash,
            base: hash as u64 as usize & self.mask(),
            step: 0,
            perturb: hash as u64,
            free: None,
        }
    }

    /// Runs the probe on to the next slot of equal hash or to an unused
    /// slot (`set_lookkey` and `set_add_entry`'s shared walk). Only
    /// `cmp.identical` is called.
    #[inline]
    pub fn probe_next<C: KeyEq<K>>(&self, probe: &mut Probe, key: &K, cmp: &C) -> ProbeStep {
        let mask = self.mask();
        loop {
            let slot = probe.base.wrapping_add(probe.step) & mask;
            if probe.step < LINEAR_PROBES && probe.base + LINEAR_PROBES <= mask {
                probe.step += 1;
            } else {
                probe.perturb >>= PERTURB_SHIFT;
                probe.base =
                    probe.base.wrapping_mul(5).wrapping_add(1).wrapping_add(probe.perturb as usize)
                        & mask;
                probe.step = 0;
            }
            let s = &self.table[slot];
            match &s.key {
                Some(stored) if s.hash == probe.hash => {
                    return if cmp.identical(stored, key) {
                        ProbeStep::Found(slot)
                    } else {
                        ProbeStep::SameHash(slot)
                    };
                }
                Some(_) => {}
                None if s.hash == 0 => return ProbeStep::Absent(slot),
                None => probe.free = Some(slot),
            }
        }
    }

    /// The slot holding `key`, comparing with `cmp.eq` where hashes match.
    #[inline]
    pub fn find<C: KeyEq<K>>(
        &self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Option<usize>, C::Error> {
        Ok(self.search(hash, key, cmp)?.ok())
    }

    pub fn contains<C: KeyEq<K>>(&self, hash: i64, key: &K, cmp: &mut C) -> Result<bool, C::Error> {
        Ok(self.find(hash, key, cmp)?.is_some())
    }

    /// `Ok(slot)` when found, else `Err(probe)` ended at an unused slot.
    #[inline]
    fn search<C: KeyEq<K>>(
        &self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Result<usize, (Probe, usize)>, C::Error> {
        let mut probe = self.probe(hash);
        loop {
            match self.probe_next(&mut probe, key, cmp) {
                ProbeStep::Absent(unused) => return Ok(Err((probe, unused))),
                ProbeStep::Found(slot) => return Ok(Ok(slot)),
                ProbeStep::SameHash(slot) => {
                    if let Some((_, stored)) = self.entry(slot) {
                        if cmp.eq(stored, key)? {
                            return Ok(Ok(slot));
                        }
                    }
                }
            }
        }
    }

    /// `s.add(key)`; `true` if it was added.
    pub fn add<C: KeyEq<K>>(&mut self, hash: i64, key: K, cmp: &mut C) -> Result<bool, C::Error> {
        let home = hash as u64 as usize & self.mask();
        if self.table[home].is_unused() {
            // What the probe below finds first, without its bookkeeping:
            // most keys of a set being filled land in an unused slot.
            self.table[home] = Slot { hash, key: Some(key) };
            self.note_filled_slot();
            return Ok(true);
        }
        match self.search(hash, &key, cmp)? {
            Ok(_) => Ok(false),
            Err((probe, unused)) => {
                self.insert_at_probe_end(&probe, unused, key);
                Ok(true)
            }
        }
    }

    /// Stores `key` where a probe that returned `Absent(unused)` says it
    /// goes: the last dummy passed, else `unused`; then grows the table if
    /// it is more than 3/5 full (`set_add_entry`'s tail). Should the table
    /// have changed under the probe, the key goes to a free slot of its
    /// probe sequence instead.
    pub fn insert_at_probe_end(&mut self, probe: &Probe, unused: usize, key: K) {
        let hash = probe.hash;
        if let Some(free) = probe.free.filter(|&f| self.is_dummy(f)) {
            self.table[free] = Slot { hash, key: Some(key) };
            self.used += 1;
            self.mutations += 1;
            return;
        }
        let slot = if self.table.get(unused).is_some_and(Slot::is_unused) {
            unused
        } else {
            match self.first_reusable_slot(hash) {
                (slot, true) => {
                    self.table[slot] = Slot { hash, key: Some(key) };
                    self.used += 1;
                    self.mutations += 1;
                    return;
                }
                (slot, false) => slot,
            }
        };
        self.table[slot] = Slot { hash, key: Some(key) };
        self.note_filled_slot();
    }

    /// Counts a key stored in a slot that was unused, and grows the table
    /// if it is now more than 3/5 full (`set_add_entry`'s tail).
    #[inline]
    fn note_filled_slot(&mut self) {
        self.mutations += 1;
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    fn is_dummy(&self, slot: usize) -> bool {
        self.table.get(slot).is_some_and(|s| s.key.is_none() && s.hash == DUMMY_HASH)
    }

    /// The first dummy or unused slot of `hash`'s sequence; `true` if dummy.
    fn first_reusable_slot(&self, hash: i64) -> (usize, bool) {
        let mut found = None;
        for_each_probe_slot(self.mask(), hash, |slot| match &self.table[slot] {
            s if s.is_unused() => {
                found = Some((slot, false));
                true
            }
            s if s.key.is_none() => {
                found = Some((slot, true));
                true
            }
            _ => false,
        });
        found.unwrap_or((0, false))
    }

    /// Turns the active slot into a dummy; returns its key.
    pub fn remove_at(&mut self, slot: usize) -> Option<K> {
        let s = self.table.get_mut(slot)?;
        let key = s.key.take()?;
        s.hash = DUMMY_HASH;
        self.used -= 1;
        self.mutations += 1;
        Some(key)
    }

    /// `s.discard(key)`: the removed key, if it was there.
    pub fn discard<C: KeyEq<K>>(
        &mut self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Option<K>, C::Error> {
        Ok(self.find(hash, key, cmp)?.and_then(|slot| self.remove_at(slot)))
    }

    /// `s.pop()`: the first active slot from the finger on, wrapping round.
    pub fn pop(&mut self) -> Option<(i64, K)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut slot = self.finger & mask;
        while self.table[slot].key.is_none() {
            slot = (slot + 1) & mask;
        }
        let hash = self.table[slot].hash;
        let key = self.remove_at(slot)?;
        self.finger = slot + 1;
        Some((hash, key))
    }

    /// `s.clear()`: back to an empty table of [`MIN_SIZE`] slots (the
    /// finger stays, as in CPython).
    pub fn clear(&mut self) {
        self.table = Table::unused(MIN_SIZE);
        self.fill = 0;
        self.used = 0;
        self.layout += 1;
        self.mutations += 1;
    }

    /// `set_table_resize`: the smallest power of two above `min_used`
    /// (at least [`MIN_SIZE`]), active keys re-inserted in table order,
    /// dummies dropped.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, Table::unused(size));
        let mask = size - 1;
        let table = &mut self.table;
        old.drain(|s| {
            if let Some(key) = s.key {
                insert_clean(table, mask, s.hash, key);
            }
        });
        self.fill = self.used;
        self.layout += 1;
        self.mutations += 1;
    }

    /// What `s.update(d)` does before adding a dict's `n` keys: one resize
    /// up front if they might not fit.
    pub fn reserve_for_update(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// After a run of discards: rebuild the table if more than a quarter
    /// of it is dummies (the end of `set_difference_update_internal`).
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Exchanges the tables of two sets, keeping each one's `pop` finger
    /// (`set_swap_bodies`).
    pub fn swap_tables(&mut self, other: &mut Set<K>) {
        std::mem::swap(&mut self.table, &mut other.table);
        std::mem::swap(&mut self.fill, &mut other.fill);
        std::mem::swap(&mut self.used, &mut other.used);
        for set in [&mut *self, other] {
            set.layout += 1;
            set.mutations += 1;
        }
    }

    /// `hash(frozenset)`: CPython's order-independent mix of every slot's
    /// hash field (unused and dummy slots included, then cancelled).
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for s in self.table.iter() {
            hash ^= shuffle_bits(s.hash as u64);
        }
        if (self.table.len() - self.fill) & 1 == 1 {
            hash ^= shuffle_bits(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle_bits(DUMMY_HASH as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}

impl<K: Clone> Set<K> {
    /// `s.copy()`: a new set built by merging this one into an empty one.
    pub fn copy(&self) -> Self {
        let mut copy = Self::new();
        copy.merge_into_empty(self);
        copy
    }

    /// `set_merge` into a set with no slots filled: a straight slot copy
    /// when sizes match and there are no dummies, else clean inserts.
    pub fn merge_into_empty(&mut self, other: &Set<K>) {
        if other.used == 0 {
            return;
        }
        if (other.used) * 5 >= self.mask() * 3 {
            self.resize(other.used * 2);
        }
        self.mutations += 1;
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table.clone_from_slice(&other.table);
        } else {
            let mask = self.mask();
            for (hash, key) in other.iter() {
                insert_clean(&mut self.table, mask, hash, key.clone());
            }
        }
        self.fill = other.used;
        self.used = other.used;
    }

    /// `set_merge`: adds every key of `other` (`s |= other`, `s.update(other)`).
    /// `s.update(s)` does nothing in CPython; the caller skips it.
    pub fn merge<C: KeyEq<K>>(&mut self, other: &Set<K>, cmp: &mut C) -> Result<(), C::Error> {
        if other.used == 0 {
            return Ok(());
        }
        if self.fill == 0 {
            self.merge_into_empty(other);
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        for (hash, key) in other.iter() {
            self.add(hash, key.clone(), cmp)?;
        }
        Ok(())
    }
}

/// Calls `visit` on `hash`'s probe sequence until it returns true.
#[inline]
fn for_each_probe_slot(mask: usize, hash: i64, mut visit: impl FnMut(usize) -> bool) {
    let mut perturb = hash as u64;
    let mut base = hash as u64 as usize & mask;
    loop {
        if visit(base) {
            return;
        }
        if base + LINEAR_PROBES <= mask {
            for step in 1..=LINEAR_PROBES {
                if visit(base + step) {
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        base = base.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize) & mask;
    }
}

/// `set_insert_clean`: the first unused slot of the sequence, in a table
/// known to hold no dummies and not this key.
fn insert_clean<K>(table: &mut [Slot<K>], mask: usize, hash: i64, key: K) {
    let mut target = 0;
    for_each_probe_slot(mask, hash, |slot| {
        target = slot;
        table[slot].key.is_none()
    });
    table[target] = Slot { hash, key: Some(key) };
}

#[cfg(test)]
mod tests;
