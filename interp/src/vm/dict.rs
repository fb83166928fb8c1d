//! dict and set operations that may run Python code (`__hash__`,
//! `__eq__`), and the namespace helpers built on them.

use super::{PyResult, Vm};
use crate::object::dict::{dict_of, DictObj};
use crate::object::set::{frozenset_of, set_of, FrozenSetObj, SetObj};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use crate::table::dict::ProbeStep;
use crate::table::set::{Probe, ProbeStep as SetProbeStep, Set};
use crate::table::KeyEq;

/// Identity only: the probe hands back every same-hash candidate that is
/// not the very same object, and the VM compares it with Python rules.
struct IdentityOnly;

impl KeyEq<Value> for IdentityOnly {
    type Error = std::convert::Infallible;
    fn identical(&self, stored: &Value, key: &Value) -> bool {
        stored == key
    }
    fn eq(&mut self, _: &Value, _: &Value) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

/// Equality of keys the table can settle alone: small ints and exact
/// strs (see [`Vm::native_key_hash`]). Any other same-hash pair asks for
/// the VM (`Err`), which then looks again with Python's rules.
struct NativeKeyEq {
    str_type: Value,
}

impl KeyEq<Value> for NativeKeyEq {
    type Error = ();
    fn identical(&self, stored: &Value, key: &Value) -> bool {
        stored == key
    }
    fn eq(&mut self, stored: &Value, key: &Value) -> Result<bool, ()> {
        if stored.as_small_int().is_some() && key.as_small_int().is_some() {
            return Ok(false); // small ints are equal only when identical
        }
        match (str_of(*stored), str_of(*key)) {
            (Some(a), Some(b))
                if is_type(*stored, self.str_type) && is_type(*key, self.str_type) =>
            {
                Ok(a.as_wtf8() == b.as_wtf8())
            }
            _ => Err(()),
        }
    }
}

/// Whether `v` is an object of type `ty` itself, not of a subclass (which
/// may define its own `__eq__` and `__hash__`).
fn is_type(v: Value, ty: Value) -> bool {
    crate::object::ObjHeader::of(v).is_some_and(|h| h.type_value() == ty)
}

impl Vm {
    /// The hash of a small int or an exact str, which needs no Python
    /// code; `None` for any other key.
    #[inline]
    fn native_key_hash(&self, key: Value) -> Option<i64> {
        if let Some(i) = key.as_small_int() {
            return Some(crate::number::hash::hash_small_int(i));
        }
        let s = str_of(key)?;
        is_type(key, self.heap.types().str).then(|| s.hash())
    }

    /// `set.add` of a small int or exact str into a set, settled without
    /// running Python code; `None` when the general path must decide.
    #[inline]
    fn set_add_native(&self, s: Value, key: Value) -> Option<()> {
        let hash = self.native_key_hash(key)?;
        let set = set_of(s)?;
        let mut eq = NativeKeyEq { str_type: self.heap.types().str };
        let added = set.table.borrow_mut().add(hash, key, &mut eq);
        added.ok().map(|_| ())
    }

    fn dict_obj(&self, dict: Value) -> PyResult<Gc<DictObj>> {
        dict_of(dict).ok_or_else(|| self.type_error("expected a dict"))
    }

    /// The entry index of `key` in `dict`, comparing as CPython's
    /// `lookdict` does (restarting when `__eq__` changes the table).
    pub fn dict_find(&mut self, dict: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let d = self.dict_obj(dict)?;
        'restart: loop {
            let mut probe = d.table.borrow().probe(hash);
            loop {
                let (layout, ix, stored) = {
                    let table = d.table.borrow();
                    match table.probe_next(&mut probe, &key, &IdentityOnly) {
                        ProbeStep::Absent => return Ok(None),
                        ProbeStep::Found(ix) => return Ok(Some(ix)),
                        ProbeStep::SameHash(ix) => match table.entry(ix) {
                            Some((_, stored, _)) => (table.layout(), ix, *stored),
                            None => continue 'restart,
                        },
                    }
                };
                let mark = self.push_temp(dict);
                self.push_temp(stored);
                self.push_temp(key);
                let equal = self.keys_equal(stored, key);
                self.truncate_temps(mark);
                let equal = equal?;
                let table = d.table.borrow();
                let unchanged = table.layout() == layout
                    && table.entry(ix).is_some_and(|(_, k, _)| *k == stored);
                if !unchanged {
                    continue 'restart;
                }
                if equal {
                    return Ok(Some(ix));
                }
            }
        }
    }

    /// `dict.get(key)`; `None` when absent.
    pub fn dict_get_item(&mut self, dict: Value, key: Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.dict_get_str_fast(dict, key) {
            return Ok(v);
        }
        let hash = self.hash_value(key)?;
        let Some(ix) = self.dict_find(dict, key, hash)? else { return Ok(None) };
        let d = self.dict_obj(dict)?;
        let table = d.table.borrow();
        Ok(table.entry(ix).map(|(_, _, v)| *v))
    }

    /// Lookup of an exact-str key in a dict whose same-hash keys are all
    /// exact strs (namespaces): no Python code can run. `None` when the
    /// fast path does not apply.
    #[inline]
    pub fn dict_get_str_fast(&self, dict: Value, key: Value) -> Option<Option<Value>> {
        let s = str_of(key)?;
        if self.heap.type_of(key) != self.heap.types().str {
            return None;
        }
        let d = dict_of(dict)?;
        let table = d.table.borrow();
        let mut probe = table.probe(s.hash());
        loop {
            match table.probe_next(&mut probe, &key, &IdentityOnly) {
                ProbeStep::Absent => return Some(None),
                ProbeStep::Found(ix) => return Some(table.entry(ix).map(|(_, _, v)| *v)),
                ProbeStep::SameHash(ix) => {
                    let (_, stored, v) = table.entry(ix)?;
                    let other = str_of(*stored)?;
                    if self.heap.type_of(*stored) != self.heap.types().str {
                        return None;
                    }
                    if other.as_wtf8() == s.as_wtf8() {
                        return Some(Some(*v));
                    }
                }
            }
        }
    }

    /// `dict[key] = value`.
    pub fn dict_set_item(&mut self, dict: Value, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash_value(key)?;
        let d = self.dict_obj(dict)?;
        match self.dict_find(dict, key, hash)? {
            Some(ix) => {
                if let Some(slot) = d.table.borrow_mut().value_mut(ix) {
                    *slot = value;
                }
            }
            None => {
                d.table.borrow_mut().insert_new(hash, key, value);
            }
        }
        Ok(())
    }

    /// `del dict[key]`; false when the key was absent.
    pub fn dict_del_item(&mut self, dict: Value, key: Value) -> PyResult<bool> {
        let hash = self.hash_value(key)?;
        let Some(ix) = self.dict_find(dict, key, hash)? else { return Ok(false) };
        let d = self.dict_obj(dict)?;
        let removed = d.table.borrow_mut().remove_at(ix);
        Ok(removed.is_some())
    }

    /// A dict from `k0, v0, k1, v1, ...` (a dict display).
    pub fn new_dict_from_pairs(&mut self, items: &[Value]) -> PyResult {
        let dict = self.heap.new_dict();
        let mark = self.push_temp(dict);
        self.stack.extend_from_slice(items);
        for i in 0..items.len() / 2 {
            let (k, v) = (self.stack[mark + 1 + 2 * i], self.stack[mark + 2 + 2 * i]);
            if let Err(e) = self.dict_set_item(dict, k, v) {
                self.truncate_temps(mark);
                return Err(e);
            }
        }
        self.truncate_temps(mark);
        Ok(dict)
    }

    /// The (key, value) pairs of a dict, in order.
    pub fn dict_items(&self, dict: Value) -> Vec<(Value, Value)> {
        dict_of(dict)
            .map_or_else(Vec::new, |d| d.table.borrow().iter().map(|(_, k, v)| (*k, *v)).collect())
    }

    /// Is `v` a dict whose own table gives its items in iteration order:
    /// not a subclass that overrides `__iter__` (`OrderedDict`), which
    /// CPython's PyDict_Merge reads through `keys()` instead.
    pub fn dict_iterates_own_table(&self, v: Value) -> bool {
        if dict_of(v).is_none() {
            return false;
        }
        let ty = self.heap.type_obj(v);
        if !ty.is_heap_type() {
            return true;
        }
        let Some(dict_type) = Gc::<TypeObj>::from_value(self.heap.types().dict) else {
            return true;
        };
        let iter = self.heap.intern("__iter__");
        self.heap.lookup(ty, iter) == self.heap.lookup(dict_type, iter)
    }

    /// `{**src}` in a display: any mapping with `keys()`.
    pub fn dict_update_display(&mut self, dict: Value, src: Value) -> PyResult<()> {
        if self.dict_iterates_own_table(src) {
            for (k, v) in self.dict_items(src) {
                self.dict_set_item(dict, k, v)?;
            }
            return Ok(());
        }
        let keys = match self.call_method_by_name(src, "keys", &[]) {
            Ok(k) => k,
            Err(e) if e.matches(&self.heap, self.heap.types().attribute_error) => {
                return Err(
                    self.type_error(&format!("'{}' object is not a mapping", self.type_name(src)))
                )
            }
            Err(e) => return Err(e),
        };
        let keys = self.collect_iterable(keys)?;
        let mark = self.stack.len();
        self.stack.extend_from_slice(&keys);
        for i in 0..keys.len() {
            let k = self.stack[mark + i];
            let v = match self.get_item(src, k) {
                Ok(v) => v,
                Err(e) => {
                    self.truncate_temps(mark);
                    return Err(e);
                }
            };
            if let Err(e) = self.dict_set_item(dict, k, v) {
                self.truncate_temps(mark);
                return Err(e);
            }
        }
        self.truncate_temps(mark);
        Ok(())
    }

    /// `f(**src)`: keys must be strs and must not repeat.
    pub fn dict_merge_kwargs(&mut self, dict: Value, src: Value, func: Value) -> PyResult<()> {
        let pairs: Vec<(Value, Value)> = if self.dict_iterates_own_table(src) {
            self.dict_items(src)
        } else {
            let tmp = self.heap.new_dict();
            let mark = self.push_temp(tmp);
            let r = self.dict_update_display(tmp, src).map_err(|e| {
                if e.matches(&self.heap, self.heap.types().type_error) {
                    self.type_error(&format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.function_display_name(func),
                        self.type_name(src)
                    ))
                } else {
                    e
                }
            });
            let items = self.dict_items(tmp);
            self.truncate_temps(mark);
            r?;
            items
        };
        for (k, v) in pairs {
            if str_of(k).is_none() {
                return Err(self.type_error(&format!(
                    "{} keywords must be strings",
                    self.function_display_name(func)
                )));
            }
            if self.dict_get_item(dict, k)?.is_some() {
                let key = str_of(k).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                return Err(self.type_error(&format!(
                    "{} got multiple values for keyword argument '{key}'",
                    self.function_display_name(func)
                )));
            }
            self.dict_set_item(dict, k, v)?;
        }
        Ok(())
    }

    // ---- sets

    /// The table of a set or frozenset.
    pub(crate) fn set_ref(&self, s: Value) -> Option<SetRef> {
        set_of(s).map(SetRef::Set).or_else(|| frozenset_of(s).map(SetRef::Frozen))
    }

    pub fn set_contains(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let hash = self.set_key_hash(key)?;
        self.set_find(s, key, hash).map(|f| f.is_some())
    }

    /// The hash a set looks `key` up by: a (mutable, unhashable) set is
    /// looked up as the frozenset of its elements, as CPython's `set_contains`
    /// and `set_discard` retry it (`{1} in {frozenset({1})}`).
    fn set_key_hash(&mut self, key: Value) -> PyResult<i64> {
        match self.hash_value(key) {
            Err(e) if e.matches(&self.heap, self.heap.types().type_error) => match set_of(key) {
                Some(set) => Ok(set.table.borrow().frozenset_hash()),
                None => Err(e),
            },
            other => other,
        }
    }

    fn set_find(&mut self, s: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
        Ok(self.set_lookup(s, key, hash)?.ok())
    }

    /// `Ok(slot)` of `key`, or `Err` with where the probe for it ended (the
    /// table unchanged since: no Python code ran after that step), so an
    /// insertion needs no second probe; `Err(None)` when `s` is no set.
    fn set_lookup(
        &mut self,
        s: Value,
        key: Value,
        hash: i64,
    ) -> PyResult<Result<usize, Option<(Probe, usize)>>> {
        let Some(set) = self.set_ref(s) else { return Ok(Err(None)) };
        let table = set.table();
        'restart: loop {
            let mut probe = table.borrow().probe(hash);
            loop {
                let (layout, slot, stored) = {
                    let t = table.borrow();
                    match t.probe_next(&mut probe, &key, &IdentityOnly) {
                        SetProbeStep::Absent(unused) => return Ok(Err(Some((probe, unused)))),
                        SetProbeStep::Found(slot) => return Ok(Ok(slot)),
                        SetProbeStep::SameHash(slot) => match t.entry(slot) {
                            Some((_, stored)) => (t.layout(), slot, *stored),
                            None => continue 'restart,
                        },
                    }
                };
                let mark = self.push_temp(s);
                self.push_temp(stored);
                self.push_temp(key);
                let equal = self.keys_equal(stored, key);
                self.truncate_temps(mark);
                let equal = equal?;
                let t = table.borrow();
                if t.layout() != layout || !t.entry(slot).is_some_and(|(_, k)| *k == stored) {
                    continue 'restart;
                }
                if equal {
                    return Ok(Ok(slot));
                }
            }
        }
    }

    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        if self.set_add_native(s, key).is_some() {
            return Ok(());
        }
        let hash = self.hash_value(key)?;
        self.set_add_hashed(s, key, hash)
    }

    /// `set_add_entry`: adds `key`, whose hash is known, comparing with
    /// Python's rules where hashes meet.
    fn set_add_hashed(&mut self, s: Value, key: Value, hash: i64) -> PyResult<()> {
        if let Err(Some((probe, unused))) = self.set_lookup(s, key, hash)? {
            if let Some(set) = self.set_ref(s) {
                set.table().borrow_mut().insert_at_probe_end(&probe, unused, key);
            }
        }
        Ok(())
    }

    /// `set_merge`: adds the keys of the set or frozenset `src` to the set
    /// `s` as CPython does, since the table this leaves decides the
    /// iteration order: into an empty set, a copy of the source's layout or
    /// clean inserts; else one resize up front, then additions in the
    /// source's slot order with its stored hashes.
    fn set_merge(&mut self, s: Value, src: Value) -> PyResult<()> {
        let (Some(target), Some(source)) = (set_of(s), self.set_ref(src)) else {
            return Ok(());
        };
        if s == src {
            return Ok(());
        }
        let entries: Vec<(i64, Value)> = {
            let other = source.table().borrow();
            let mut table = target.table.borrow_mut();
            if other.is_empty() {
                return Ok(());
            }
            if table.fill() == 0 {
                table.merge_into_empty(&other);
                return Ok(());
            }
            table.reserve_for_update(other.len());
            other.iter().map(|(hash, key)| (hash, *key)).collect()
        };
        let mark = self.stack.len();
        self.stack.extend(entries.iter().map(|&(_, key)| key));
        let added =
            entries.into_iter().try_for_each(|(hash, key)| self.set_add_hashed(s, key, hash));
        self.truncate_temps(mark);
        added
    }

    /// Removes `key` from a set; false when it was not there.
    pub fn set_discard(&mut self, s: Value, key: Value) -> PyResult<bool> {
        let hash = self.set_key_hash(key)?;
        let Some(slot) = self.set_find(s, key, hash)? else { return Ok(false) };
        if let Some(set) = self.set_ref(s) {
            set.table().borrow_mut().remove_at(slot);
        }
        Ok(true)
    }

    pub fn new_set_from(&mut self, items: &[Value]) -> PyResult {
        let start = self.stack.len();
        self.stack.extend_from_slice(items);
        self.new_set_from_stack(start)
    }

    /// A set of the values in `stack[start..]`, which it pops.
    pub fn new_set_from_stack(&mut self, start: usize) -> PyResult {
        let end = self.stack.len();
        let set = self.heap.new_set(Set::new());
        self.push_temp(set);
        for i in start..end {
            let item = self.stack[i];
            if let Err(e) = self.set_add(set, item) {
                self.truncate_temps(start);
                return Err(e);
            }
        }
        self.truncate_temps(start);
        Ok(set)
    }

    /// A new set of the keys of `src` when `src` is a set, frozenset or
    /// dict, whose own table or size decides the new set's layout (see
    /// [`Vm::set_update`]); `None` for any other iterable.
    pub(crate) fn new_set_laid_out_from(&mut self, src: Value) -> Option<PyResult> {
        if self.set_ref(src).is_none() && dict_of(src).is_none() {
            return None;
        }
        let set = self.heap.new_set(Set::new());
        Some(self.with_temp(set, |vm| vm.set_update(set, src)).map(|()| set))
    }

    /// `set_update_internal`: sets merge; an exact dict's keys go in after
    /// one resize for all of them; any other iterable's items one by one.
    pub fn set_update(&mut self, set: Value, src: Value) -> PyResult<()> {
        if self.set_ref(src).is_some() {
            return self.set_merge(set, src);
        }
        if let Some(d) = dict_of(src).filter(|_| self.heap.type_of(src) == self.heap.types().dict) {
            if let Some(target) = set_of(set) {
                let len = d.table.borrow().len();
                target.table.borrow_mut().reserve_for_update(len);
            }
        }
        let items = self.collect_iterable(src)?;
        let mark = self.stack.len();
        self.stack.extend_from_slice(&items);
        for i in 0..items.len() {
            let item = self.stack[mark + i];
            if let Err(e) = self.set_add(set, item) {
                self.truncate_temps(mark);
                return Err(e);
            }
        }
        self.truncate_temps(mark);
        Ok(())
    }

    pub fn set_len(&self, s: Value) -> usize {
        self.set_ref(s).map_or(0, |set| set.table().borrow().len())
    }

    pub fn set_items(&self, s: Value) -> Vec<Value> {
        self.set_ref(s)
            .map_or_else(Vec::new, |set| set.table().borrow().iter().map(|(_, k)| *k).collect())
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr::key_error(&self.heap, key)
    }
}

/// A set or a frozenset: both hold a table of values.
#[derive(Clone, Copy)]
pub enum SetRef {
    Set(Gc<SetObj>),
    Frozen(Gc<FrozenSetObj>),
}

impl SetRef {
    pub fn table(&self) -> &std::cell::RefCell<Set<Value>> {
        match self {
            SetRef::Set(s) => &s.table,
            SetRef::Frozen(f) => &f.table,
        }
    }
}
