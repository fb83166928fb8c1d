//! `AttrMap`: an insertion-ordered map from interned names to values, for
//! type dicts and instances in dictionary mode, until the generic dict of
//! `crate::table` is wired in. Keys are interned strs, so they compare by
//! identity: no hashing of text, no calls back into Python.

use super::addrmap::AddrMap;
use super::gc::Tracer;
use super::value::Value;

/// Below this many entries a linear scan beats hashing.
const LINEAR_MAX: usize = 8;

#[derive(Default)]
pub struct AttrMap {
    entries: Vec<(Value, Value)>,
    /// Key bits to entry index; built once the map outgrows `LINEAR_MAX`.
    index: Option<AddrMap<usize>>,
}

impl AttrMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn position(&self, key: Value) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&key.bits()).copied(),
            None => self.entries.iter().position(|&(k, _)| k == key),
        }
    }

    #[inline]
    pub fn get(&self, key: Value) -> Option<Value> {
        self.position(key).map(|i| self.entries[i].1)
    }

    /// Inserts or replaces; returns the previous value.
    pub fn insert(&mut self, key: Value, value: Value) -> Option<Value> {
        if let Some(i) = self.position(key) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        self.entries.push((key, value));
        if let Some(index) = &mut self.index {
            index.insert(key.bits(), self.entries.len() - 1);
        } else if self.entries.len() > LINEAR_MAX {
            self.rebuild_index();
        }
        None
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: Value) -> Option<Value> {
        let i = self.position(key)?;
        let (_, v) = self.entries.remove(i);
        if self.index.is_some() {
            self.rebuild_index();
        }
        Some(v)
    }

    fn rebuild_index(&mut self) {
        self.index = (self.entries.len() > LINEAR_MAX)
            .then(|| self.entries.iter().enumerate().map(|(i, (k, _))| (k.bits(), i)).collect());
    }

    /// Entries in insertion order.
    pub fn entries(&self) -> &[(Value, Value)] {
        &self.entries
    }

    pub fn keys(&self) -> impl Iterator<Item = Value> + '_ {
        self.entries.iter().map(|&(k, _)| k)
    }

    pub fn trace(&self, tracer: &mut Tracer) {
        for &(k, v) in &self.entries {
            tracer.mark(k);
            tracer.mark(v);
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * 16 + self.index.as_ref().map_or(0, |i| i.capacity() * 24)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(i: i64) -> Value {
        Value::from_small_int(i).unwrap()
    }

    #[test]
    fn ordered_insert_replace_remove_across_the_index_threshold() {
        let mut m = AttrMap::new();
        for i in 0..20 {
            assert_eq!(m.insert(k(i), k(i * 10)), None);
        }
        assert_eq!(m.insert(k(3), k(-3)), Some(k(30)));
        assert_eq!(m.get(k(3)), Some(k(-3)));
        assert_eq!(m.remove(k(0)), Some(k(0)));
        assert_eq!(m.remove(k(0)), None);
        for i in 1..15 {
            m.remove(k(i));
        }
        assert_eq!(m.keys().collect::<Vec<_>>(), (15..20).map(k).collect::<Vec<_>>());
        assert_eq!(m.get(k(17)), Some(k(170)));
        assert_eq!(m.get(k(3)), None);
    }
}
