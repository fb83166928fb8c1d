//! CPython 3.8's compact ordered dict (`Objects/dictobject.c`, combined
//! tables): a sparse index table of entry numbers over a dense entry vector
//! kept in insertion order. Deleting leaves a hole in the entries and a
//! dummy in the index; holes go away only when the table is rebuilt, which
//! happens when an insertion finds no usable entry left.
//!
//! Entries are addressed by their position (`ix`) in the entry vector, as
//! CPython's iterators do: a position stays valid until the next resize or
//! `clear`, which [`Dict::layout`] reports.

use super::index_array::{IndexArray, DUMMY, EMPTY};
use super::{KeyEq, PERTURB_SHIFT};

/// CPython's `PyDict_MINSIZE`: the smallest real index table.
pub const MIN_SIZE: usize = 8;

/// Entries a table of `size` index slots may hold: CPython's `USABLE_FRACTION`.
#[inline]
pub fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// CPython's `ESTIMATE_SIZE`: a table size that holds `n` entries.
#[inline]
fn estimate_size(n: usize) -> usize {
    (n * 3 + 1) >> 1
}

/// One slot of the entry vector; `item` is `None` once deleted.
#[derive(Clone, Debug)]
struct Entry<K, V> {
    hash: i64,
    item: Option<(K, V)>,
}

#[derive(Clone, Debug)]
pub struct Dict<K, V> {
    /// Length 0 stands for CPython's shared empty keys object (`{}`).
    indices: IndexArray,
    /// `dk_nentries` is `entries.len()`; deleted entries stay as holes.
    entries: Vec<Entry<K, V>>,
    /// `dk_usable`: entries that may still be appended before a resize.
    usable: usize,
    /// `ma_used`: live entries.
    used: usize,
    layout: u64,
    mutations: u64,
    /// Changes whenever the set of keys or where entries live changes
    /// (insertion of a new key, deletion, resize, clear), not when a value
    /// is replaced: while it holds, a key found at an entry stays there.
    keys_version: u64,
}

/// Where a step-by-step search stands (see [`Dict::probe_next`]).
#[derive(Clone, Copy, Debug)]
pub struct Probe {
    hash: i64,
    slot: usize,
    perturb: u64,
}

/// What one call of [`Dict::probe_next`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProbeStep {
    /// The key is not in the table.
    Absent,
    /// Entry `ix` holds an identical key.
    Found(usize),
    /// Entry `ix` has the same hash: the caller compares the keys, and if
    /// they differ (and the table's `layout()` and entry `ix` are unchanged)
    /// calls `probe_next` again; otherwise it starts a new probe.
    SameHash(usize),
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K, V> Dict<K, V> {
    /// An empty dict that allocates nothing until the first insertion.
    pub fn new() -> Self {
        Dict {
            indices: IndexArray::new(0),
            entries: Vec::new(),
            usable: 0,
            used: 0,
            layout: 0,
            mutations: 0,
            keys_version: 0,
        }
    }

    /// What calling the type (`dict()`, `dict(pairs)`, `dict(**kw)`) starts
    /// from in CPython 3.8: a real table of [`MIN_SIZE`] slots, where the
    /// display `{}` shares the empty one (`sys.getsizeof` tells them apart).
    pub fn with_min_size() -> Self {
        let mut dict = Self::new();
        dict.install_table(MIN_SIZE);
        dict
    }

    /// CPython's `_PyDict_NewPresized`, used for dict displays of `n` items.
    pub fn with_presize(n: usize) -> Self {
        const MAX_PRESIZE: usize = 128 * 1024;
        let mut dict = Self::new();
        if n <= usable_fraction(MIN_SIZE) {
            return dict;
        }
        let size = if n > usable_fraction(MAX_PRESIZE) {
            MAX_PRESIZE
        } else {
            let min = estimate_size(n);
            let mut size = MIN_SIZE * 2;
            while size < min {
                size <<= 1;
            }
            size
        };
        dict.install_table(size);
        dict
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Positions handed out so far (`dk_nentries`): iteration by position
    /// runs from 0 below this.
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    /// Index table size (`dk_size`; 0 for the empty table), which fixes
    /// `sys.getsizeof` and when the next resize comes.
    pub fn table_size(&self) -> usize {
        self.indices.len()
    }

    /// `sys.getsizeof` of a CPython 3.8 dict with this table, on a 64-bit
    /// build: the object with its GC header, plus the keys object (header,
    /// indices, room for `usable_fraction(size)` 24-byte entries) unless
    /// it is the shared empty one.
    pub fn python_sizeof(&self) -> usize {
        const DICT_OBJECT: usize = 64;
        const KEYS_HEADER: usize = 40;
        const ENTRY: usize = 24;
        let size = self.indices.len();
        if size == 0 {
            return DICT_OBJECT;
        }
        DICT_OBJECT + KEYS_HEADER + self.indices.width() * size + usable_fraction(size) * ENTRY
    }

    /// Changes whenever the entry vector is rebuilt (resize, clear): entry
    /// positions taken before are then meaningless. CPython's
    /// `dk == mp->ma_keys` test.
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// Changes on every mutation, value stores included. Counted per table
    /// from 0 (a new or copied table starts again), so a cache keys on the
    /// object too.
    pub fn mutations(&self) -> u64 {
        self.mutations
    }

    /// Where the keys' version lives, for compiled code that guards on it
    /// (see the field).
    pub fn keys_version_address(&self) -> usize {
        &self.keys_version as *const u64 as usize
    }

    /// The keys' version, as compiled code reads it.
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Where the value of live entry `ix` is stored. It stays there, and
    /// the entry live, until the keys' version changes: entries move only
    /// when the table is rebuilt or a key comes or goes.
    pub fn value_address(&self, ix: usize) -> Option<usize> {
        let (_, value) = self.entries.get(ix)?.item.as_ref()?;
        Some(value as *const V as usize)
    }

    /// The live entry at position `ix`: its hash, key and value.
    #[inline]
    pub fn entry(&self, ix: usize) -> Option<(i64, &K, &V)> {
        let e = self.entries.get(ix)?;
        e.item.as_ref().map(|(k, v)| (e.hash, k, v))
    }

    #[inline]
    pub fn value_mut(&mut self, ix: usize) -> Option<&mut V> {
        let item = self.entries.get_mut(ix)?.item.as_mut()?;
        self.mutations += 1;
        Some(&mut item.1)
    }

    /// The first live entry at a position `>= pos`, with its position:
    /// what CPython's dict iterators step through.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, i64, &K, &V)> {
        let rest = self.entries.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(offset, e)| e.item.as_ref().map(|(k, v)| (pos + offset, e.hash, k, v)))
    }

    /// Live entries in order: `(hash, key, value)`.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (i64, &K, &V)> + '_ {
        self.entries.iter().filter_map(|e| e.item.as_ref().map(|(k, v)| (e.hash, k, v)))
    }

    #[inline]
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Starts a step-by-step search for a key of this hash.
    #[inline]
    pub fn probe(&self, hash: i64) -> Probe {
        Probe { hash, slot: hash as u64 as usize, perturb: hash as u64 }
    }

    /// Runs the probe on to the next entry of equal hash (CPython's
    /// `lookdict` loop). Only `cmp.identical` is called.
    #[inline]
    pub fn probe_next<C: KeyEq<K>>(&self, probe: &mut Probe, key: &K, cmp: &C) -> ProbeStep {
        if self.used == 0 {
            return ProbeStep::Absent;
        }
        let mask = self.mask();
        loop {
            let slot = probe.slot & mask;
            let ix = self.indices.get(slot);
            probe.perturb >>= PERTURB_SHIFT;
            probe.slot = slot.wrapping_mul(5).wrapping_add(probe.perturb as usize).wrapping_add(1);
            if ix == EMPTY {
                return ProbeStep::Absent;
            }
            if ix >= 0 {
                let e = &self.entries[ix as usize];
                if let Some((stored, _)) = &e.item {
                    if e.hash == probe.hash {
                        return if cmp.identical(stored, key) {
                            ProbeStep::Found(ix as usize)
                        } else {
                            ProbeStep::SameHash(ix as usize)
                        };
                    }
                }
            }
        }
    }

    /// The position of the entry holding `key`, comparing with `cmp.eq`
    /// where hashes match and keys are not identical.
    #[inline]
    pub fn find<C: KeyEq<K>>(
        &self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Option<usize>, C::Error> {
        let mut probe = self.probe(hash);
        loop {
            match self.probe_next(&mut probe, key, cmp) {
                ProbeStep::Absent => return Ok(None),
                ProbeStep::Found(ix) => return Ok(Some(ix)),
                ProbeStep::SameHash(ix) => {
                    if let Some((_, stored, _)) = self.entry(ix) {
                        if cmp.eq(stored, key)? {
                            return Ok(Some(ix));
                        }
                    }
                }
            }
        }
    }

    #[inline]
    pub fn get<C: KeyEq<K>>(
        &self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Option<&V>, C::Error> {
        Ok(self.find(hash, key, cmp)?.and_then(|ix| self.entry(ix)).map(|(_, _, v)| v))
    }

    pub fn contains<C: KeyEq<K>>(&self, hash: i64, key: &K, cmp: &mut C) -> Result<bool, C::Error> {
        Ok(self.find(hash, key, cmp)?.is_some())
    }

    /// `d[key] = value`: replaces the value of an equal key (keeping the
    /// stored key, as CPython does) and returns the old value, or appends.
    pub fn insert<C: KeyEq<K>>(
        &mut self,
        hash: i64,
        key: K,
        value: V,
        cmp: &mut C,
    ) -> Result<Option<V>, C::Error> {
        match self.find(hash, &key, cmp)? {
            Some(ix) => {
                self.mutations += 1;
                let item = self.entries[ix].item.as_mut().map(|(_, v)| v);
                Ok(item.map(|v| std::mem::replace(v, value)))
            }
            None => {
                self.insert_new(hash, key, value);
                Ok(None)
            }
        }
    }

    /// `d.setdefault(key, value)`: the position of the entry for `key`,
    /// appending `(key, value)` first if absent; `true` when it appended.
    pub fn insert_if_absent<C: KeyEq<K>>(
        &mut self,
        hash: i64,
        key: K,
        value: V,
        cmp: &mut C,
    ) -> Result<(usize, bool), C::Error> {
        match self.find(hash, &key, cmp)? {
            Some(ix) => Ok((ix, false)),
            None => Ok((self.insert_new(hash, key, value), true)),
        }
    }

    /// Appends an entry for a key known to be absent (after a search that
    /// found nothing): CPython's `insertdict` from the point where the key
    /// was not found. Returns its position.
    pub fn insert_new(&mut self, hash: i64, key: K, value: V) -> usize {
        if self.usable == 0 {
            // GROWTH_RATE: used*3, so a dict without deletions doubles in size.
            self.resize(self.used * 3);
        }
        let slot = self.find_empty_slot(hash);
        let ix = self.entries.len();
        self.indices.set(slot, ix as isize);
        self.entries.push(Entry { hash, item: Some((key, value)) });
        self.used += 1;
        self.usable -= 1;
        self.mutations += 1;
        self.keys_version += 1;
        ix
    }

    /// Deletes the entry at position `ix` (found by a search), leaving a
    /// hole in the entries and a dummy in the index.
    pub fn remove_at(&mut self, ix: usize) -> Option<(K, V)> {
        let hash = self.entries.get(ix)?.hash;
        self.entries[ix].item.as_ref()?;
        let slot = self.slot_of_entry(hash, ix);
        self.indices.set(slot, DUMMY);
        self.used -= 1;
        self.mutations += 1;
        self.keys_version += 1;
        self.entries[ix].item.take()
    }

    pub fn remove<C: KeyEq<K>>(
        &mut self,
        hash: i64,
        key: &K,
        cmp: &mut C,
    ) -> Result<Option<(K, V)>, C::Error> {
        Ok(self.find(hash, key, cmp)?.and_then(|ix| self.remove_at(ix)))
    }

    /// `d.popitem()`: the last entry, LIFO. Positions after the new last
    /// entry are handed out again by later insertions, as in CPython.
    pub fn pop_last(&mut self) -> Option<(K, V)> {
        let ix = self.entries.iter().rposition(|e| e.item.is_some())?;
        let item = self.remove_at(ix);
        // The index keeps a dummy, so usable stays as it is.
        self.entries.truncate(ix);
        item
    }

    /// `d.clear()`: back to the shared empty table.
    pub fn clear(&mut self) {
        self.indices = IndexArray::new(0);
        self.entries = Vec::new();
        self.usable = 0;
        self.used = 0;
        self.layout += 1;
        self.mutations += 1;
        self.keys_version += 1;
    }

    /// CPython's `dictresize`: a table of at least `min_size` slots (a
    /// power of two, at least 8) holding the live entries, compacted.
    pub fn resize(&mut self, min_size: usize) {
        let mut size = MIN_SIZE;
        // The second test only guards callers that ask for too small a table.
        while size < min_size || usable_fraction(size) < self.used {
            size <<= 1;
        }
        let mut entries = std::mem::take(&mut self.entries);
        if entries.len() != self.used {
            entries.retain(|e| e.item.is_some());
        }
        self.entries = entries;
        self.install_table(size);
        for (ix, e) in self.entries.iter().enumerate() {
            let slot = empty_slot(&self.indices, e.hash);
            self.indices.set(slot, ix as isize);
        }
    }

    /// What `d.update(other)` and `dict(other)` do before inserting the
    /// entries of another dict of `other_len` items: one resize up front
    /// when the table could not take them all.
    pub fn reserve_for_merge(&mut self, other_len: usize) {
        if usable_fraction(self.indices.len()) < other_len {
            self.resize(estimate_size(self.used + other_len));
        }
    }

    fn install_table(&mut self, size: usize) {
        self.indices = IndexArray::new(size);
        self.usable = usable_fraction(size) - self.entries.len();
        self.entries.reserve_exact(self.usable);
        self.layout += 1;
        self.mutations += 1;
        self.keys_version += 1;
    }

    #[inline]
    fn find_empty_slot(&self, hash: i64) -> usize {
        empty_slot(&self.indices, hash)
    }

    /// The index slot that points at entry `ix` (CPython's `lookdict_index`).
    fn slot_of_entry(&self, hash: i64, ix: usize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut slot = hash as u64 as usize & mask;
        loop {
            let found = self.indices.get(slot);
            if found == ix as isize || found == EMPTY {
                // EMPTY cannot happen for a live entry; stopping keeps a
                // corrupted table from looping forever.
                return slot;
            }
            perturb >>= PERTURB_SHIFT;
            slot = slot.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1) & mask;
        }
    }
}

impl<K: Clone, V: Clone> Dict<K, V> {
    /// `d.copy()`: a clone of the whole table (holes included) when at most
    /// a third of the entries are holes, else a compact re-insertion, as
    /// CPython's `PyDict_Copy` chooses.
    pub fn copy(&self) -> Self {
        if self.used == 0 {
            return Self::new();
        }
        if self.used >= self.entries.len() * 2 / 3 {
            let mut copy = self.clone();
            copy.layout = 0;
            copy.mutations = 0;
            copy.keys_version = 0;
            return copy;
        }
        let mut copy = Self::new();
        copy.reserve_for_merge(self.used);
        for (hash, k, v) in self.iter() {
            copy.insert_new(hash, k.clone(), v.clone());
        }
        copy
    }
}

/// The first slot of `hash`'s probe sequence that holds no entry: where a
/// key known to be absent goes (CPython's `find_empty_slot`).
#[inline]
fn empty_slot(indices: &IndexArray, hash: i64) -> usize {
    let mask = indices.len() - 1;
    let mut perturb = hash as u64;
    let mut slot = hash as u64 as usize & mask;
    while indices.get(slot) >= 0 {
        perturb >>= PERTURB_SHIFT;
        slot = slot.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1) & mask;
    }
    slot
}

#[cfg(test)]
mod tests;
