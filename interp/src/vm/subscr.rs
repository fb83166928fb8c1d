//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]` for the built-in
//! sequences and mappings (indices, slices, CPython's messages), and the
//! `__getitem__`/`__setitem__`/`__delitem__` protocol for other objects.

use super::{PyResult, Vm};
use crate::number::int::Int;
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::dict::dict_of;
use crate::object::list::{list_of, ListObj};
use crate::object::range::{slice_indices, slice_indices_of, RangeObj, SliceObj};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjHeader, ObjKind};
use crate::object::{PyErr, Value};
use num_bigint::BigInt;

/// Index `i` of a sequence of `len` items, negative counting from the
/// end; `None` when out of range.
#[inline(always)]
fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// The positions a slice selects in a sequence of `len` items.
/// A slice bound the built-in sequences use as is: None or a small int.
fn plain_slice_part(v: Value) -> bool {
    v.is_none() || v.as_small_int().is_some()
}

fn slice_positions(start: i64, step: i64, count: i64) -> impl Iterator<Item = usize> {
    (0..count.max(0)).map(move |i| (start + i * step) as usize)
}

/// The bytes of `data` a slice picks (one copy of a contiguous run for
/// step 1). Positions past the end are left out: an `__index__` of the
/// slice's bounds may have shrunk a bytearray after its length was read.
fn pick_bytes(data: &[u8], start: i64, step: i64, count: i64) -> Vec<u8> {
    if step == 1 && count > 0 {
        let start = (start as usize).min(data.len());
        let end = (start + count as usize).min(data.len());
        return data[start..end].to_vec();
    }
    slice_positions(start, step, count).filter_map(|i| data.get(i).copied()).collect()
}

impl Vm {
    /// An index of a sequence of `len` items, negative counting from the
    /// end; `None` when out of range. `what` names the sequence in errors.
    fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = self.index_value(key, what)?;
        let len = len as i64;
        let i = if i < 0 { i + len } else { i };
        Ok((0..len).contains(&i).then_some(i as usize))
    }

    /// `key.__index__()` as an i64 (clamped to i64 range for huge ints).
    fn index_value(&mut self, key: Value, what: &str) -> PyResult<i64> {
        if let Some(i) = key.as_small_int() {
            return Ok(i);
        }
        match self.as_index(key)? {
            Some(Int::Small(i)) => Ok(i),
            Some(Int::Big(_)) => Err(PyErr::new(
                &self.heap,
                self.heap.types().index_error,
                "cannot fit 'int' into an index-sized integer",
            )),
            // CPython's str says less than the other sequences.
            None if what == "string" => Err(self.type_error("string indices must be integers")),
            None => Err(self.type_error(&format!(
                "{what} indices must be integers or slices, not {}",
                self.type_name(key)
            ))),
        }
    }

    /// `operator.index(v)`, or `None` when `v` has no `__index__`.
    pub fn as_index(&mut self, v: Value) -> PyResult<Option<Int>> {
        if v.as_f64().is_some() {
            return Ok(None);
        }
        if let Some(i) = self.as_int(v) {
            if !self.heap.type_obj(v).is_heap_type() || v.as_bool().is_some() {
                return Ok(Some(i));
            }
        }
        let name = self.names.dunder_index;
        if v.is_ptr() {
            if let Some(m) = self.heap.lookup_in_type_of(v, name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return match self.as_int(r) {
                        Some(i) => Ok(Some(i)),
                        None => Err(self.type_error(&format!(
                            "__index__ returned non-int (type {})",
                            self.type_name(r)
                        ))),
                    };
                }
            }
            if let Some(i) = self.as_int(v) {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// A slice whose bounds have `__index__` becomes the slice of the ints
    /// they stand for (what the built-in sequences slice by); any other key
    /// is returned as is.
    fn slice_of_ints(&mut self, key: Value) -> PyResult {
        let Some(s) = Gc::<SliceObj>::from_value(key) else { return Ok(key) };
        let parts = [s.start, s.stop, s.step];
        let plain = |v: Value| v.is_none() || v.as_small_int().is_some() || v.as_bool().is_some();
        if parts.iter().all(|&v| plain(v)) {
            return Ok(key);
        }
        let mark = self.push_temp(key);
        let mut ints = [Value::NONE; 3];
        for (i, &part) in parts.iter().enumerate() {
            if plain(part) {
                ints[i] = part;
                continue;
            }
            match self.as_index(part) {
                Ok(Some(n)) => {
                    ints[i] = self.int_value(n);
                    self.push_temp(ints[i]);
                }
                Ok(None) => ints[i] = part,
                Err(e) => {
                    self.truncate_temps(mark);
                    return Err(e);
                }
            }
        }
        self.truncate_temps(mark);
        Ok(self.heap.new_slice(ints[0], ints[1], ints[2]))
    }

    /// `obj[i]` of an exact list or tuple with a small int `i` in range,
    /// without the protocol's dispatch (most subscripts in loops); `None`
    /// for anything else, errors included, which take the general path.
    #[inline]
    pub(crate) fn index_fast(&self, obj: Value, key: Value) -> Option<Value> {
        let Some(i) = key.as_small_int() else { return self.list_slice_fast(obj, key) };
        let header = ObjHeader::of(obj)?;
        let types = self.heap.types();
        match header.kind() {
            ObjKind::List if header.type_value() == types.list => {
                let items = &list_of(obj)?.items;
                items.get(wrap_index(i, items.len())?)
            }
            ObjKind::Tuple if header.type_value() == types.tuple => {
                let t = tuple_of(obj)?;
                t.get(wrap_index(i, t.len())?)
            }
            _ => None,
        }
    }

    /// `list[a:b]` of an exact list, `a` and `b` small ints or None (no
    /// step): a new list of the items between the clamped bounds.
    fn list_slice_fast(&self, obj: Value, key: Value) -> Option<Value> {
        let s = Gc::<SliceObj>::from_value(key)?;
        if !s.step.is_none() {
            return None;
        }
        let header = ObjHeader::of(obj)?;
        if header.kind() != ObjKind::List || header.type_value() != self.heap.types().list {
            return None;
        }
        let items = &list_of(obj)?.items;
        let len = items.len() as i64;
        let bound = |v: Value, default: i64| -> Option<i64> {
            if v.is_none() {
                return Some(default);
            }
            let b = v.as_small_int()?;
            Some(if b < 0 { (b + len).max(0) } else { b.min(len) })
        };
        let (start, stop) = (bound(s.start, 0)?, bound(s.stop, len)?);
        let count = (stop - start).max(0) as usize;
        Some(self.heap.new_list_picked(items, start as usize, 1, count))
    }

    /// `obj[i] = value` for an exact list and a small int `i` in range;
    /// false (nothing stored) for anything else.
    #[inline]
    pub(crate) fn store_index_fast(&self, obj: Value, key: Value, value: Value) -> bool {
        let Some(i) = key.as_small_int() else { return false };
        let Some(header) = ObjHeader::of(obj) else { return false };
        if header.kind() != ObjKind::List || header.type_value() != self.heap.types().list {
            return false;
        }
        let Some(list) = list_of(obj) else { return false };
        wrap_index(i, list.items.len()).is_some_and(|i| list.items.set(i, value))
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult {
        let user = obj.is_ptr() && self.heap.type_obj(obj).is_heap_type();
        if user {
            let name = self.names.dunder_getitem;
            if let Some(m) = self.heap.lookup_in_type_of(obj, name) {
                if !self.is_native_slot_method(m) {
                    return self.call_method_value(m, obj, &[key]);
                }
            }
        }
        if let Some(t) = Gc::<crate::object::types::TypeObj>::from_value(obj) {
            let cgi = self.heap.intern("__class_getitem__");
            if let Some(m) = self.heap.lookup(t, cgi) {
                // `__class_getitem__` is implicitly a classmethod.
                let f = match Gc::<super::function::ClassMethodObj>::from_value(m) {
                    Some(cm) => cm.callable.get(),
                    None => m,
                };
                return self.call(f, &[obj, key]);
            }
        }
        self.get_item_builtin(obj, key)
    }

    /// `obj[key]` by the built-in layout of `obj`, whatever its class
    /// overrides (what `list.__getitem__(obj, key)` does).
    pub fn get_item_builtin(&mut self, obj: Value, key: Value) -> PyResult {
        let user = obj.is_ptr() && self.heap.type_obj(obj).is_heap_type();
        let Some(header) = ObjHeader::of(obj) else {
            return Err(self.not_subscriptable(obj));
        };
        if let Some(Some(v)) = self.class_namespace_get(obj, key) {
            return Ok(v);
        }
        if let Some(m) = self.proxied_mapping(obj) {
            return self.with_temp(m, |vm| vm.get_item(m, key));
        }
        let key = self.slice_of_ints(key)?;
        match header.kind() {
            ObjKind::List => {
                let list = list_of(obj).expect("list layout");
                if let Some(s) = Gc::<SliceObj>::from_value(key) {
                    return self.list_get_slice(list, [s.start, s.stop, s.step]);
                }
                match self.seq_index(key, list.items.len(), "list")? {
                    Some(i) => Ok(list.items.get(i).unwrap_or(Value::NONE)),
                    None => Err(PyErr::index_error(&self.heap, "list index out of range")),
                }
            }
            ObjKind::Tuple => {
                let t = tuple_of(obj).expect("tuple layout");
                if let Some(s) = Gc::<SliceObj>::from_value(key) {
                    let (start, _, step, count) = slice_indices(&self.heap, s, t.len() as i64)?;
                    let mark = self.stack.len();
                    self.stack.extend(slice_positions(start, step, count).map(|i| t.items()[i]));
                    let picked = self.heap.new_tuple(&self.stack[mark..]);
                    self.truncate_temps(mark);
                    return Ok(picked);
                }
                match self.seq_index(key, t.len(), "tuple")? {
                    Some(i) => Ok(t.items()[i]),
                    None => Err(PyErr::index_error(&self.heap, "tuple index out of range")),
                }
            }
            ObjKind::Str => {
                let s = str_of(obj).expect("str layout");
                if let Some(sl) = Gc::<SliceObj>::from_value(key) {
                    let (start, stop, step, count) =
                        slice_indices(&self.heap, sl, s.char_len() as i64)?;
                    if step == 1 {
                        let text = s.slice_chars(start as usize, stop.max(start) as usize);
                        return Ok(self.heap.new_str_part(&s, text));
                    }
                    let cps: Vec<u32> = slice_positions(start, step, count)
                        .filter_map(|i| s.code_point_at(i))
                        .collect();
                    return Ok(self.heap.new_str_from_code_points(&cps));
                }
                match self.seq_index(key, s.char_len(), "string")? {
                    Some(i) => {
                        let c = s.code_point_at(i).unwrap_or(' ' as u32);
                        Ok(self.heap.new_str_of_code_point(c))
                    }
                    None => Err(PyErr::index_error(&self.heap, "string index out of range")),
                }
            }
            ObjKind::Bytes => {
                let b = bytes_of(obj).expect("bytes layout");
                if let Some(sl) = Gc::<SliceObj>::from_value(key) {
                    let (start, _, step, count) = slice_indices(&self.heap, sl, b.len() as i64)?;
                    let data = pick_bytes(b.as_bytes(), start, step, count);
                    return Ok(self.heap.new_bytes(&data));
                }
                match self.seq_index(key, b.len(), "byte")? {
                    Some(i) => Ok(Value::from_small_int(b.as_bytes()[i] as i64).expect("a byte")),
                    None => Err(PyErr::index_error(&self.heap, "index out of range")),
                }
            }
            ObjKind::ByteArray => {
                let b = bytearray_of(obj).expect("bytearray layout");
                // Read in place, never copied whole: the length is taken
                // first, as an `__index__` of the key may resize the array.
                let len = b.data.borrow().len();
                if let Some(sl) = Gc::<SliceObj>::from_value(key) {
                    let (start, _, step, count) = slice_indices(&self.heap, sl, len as i64)?;
                    let picked = pick_bytes(&b.data.borrow(), start, step, count);
                    return Ok(self.heap.new_bytearray(picked));
                }
                match self.seq_index(key, len, "bytearray")? {
                    Some(i) => match b.data.borrow().get(i) {
                        Some(&byte) => Ok(Value::from_small_int(byte.into()).expect("a byte")),
                        None => Err(PyErr::index_error(&self.heap, "bytearray index out of range")),
                    },
                    None => Err(PyErr::index_error(&self.heap, "bytearray index out of range")),
                }
            }
            ObjKind::Range => {
                let r = Gc::<RangeObj>::from_value(obj).expect("range layout");
                let small = r.small().filter(|_| !self.range_needs_big(r, key));
                let Some((start, _, step, len)) = small else {
                    return self.range_subscript_big(r, key);
                };
                if let Some(sl) = Gc::<SliceObj>::from_value(key) {
                    let (s0, s1, st, _) = slice_indices(&self.heap, sl, len)?;
                    // i128: a stop just past the range may leave i64.
                    let at = |k: i64| BigInt::from(start as i128 + k as i128 * step as i128);
                    let new_start = self.heap.new_int(at(s0));
                    let new_step = self.heap.new_int(BigInt::from(step as i128 * st as i128));
                    let new_stop = self.heap.new_int(at(s1));
                    return self.heap.new_range(new_start, new_stop, new_step);
                }
                match self.seq_index(key, len as usize, "range")? {
                    Some(i) => Ok(self.heap.new_int_i64(start + step * i as i64)),
                    None => Err(PyErr::index_error(&self.heap, "range object index out of range")),
                }
            }
            ObjKind::Dict => match self.dict_get_item(obj, key)? {
                Some(v) => Ok(v),
                None => {
                    if user {
                        let missing = self.heap.intern("__missing__");
                        if let Some(m) = self.heap.lookup_in_type_of(obj, missing) {
                            return self.call_method_value(m, obj, &[key]);
                        }
                    }
                    Err(self.key_error(key))
                }
            },
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&self, obj: Value) -> PyErr {
        self.type_error(&format!("'{}' object is not subscriptable", self.type_name(obj)))
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        let user = obj.is_ptr() && self.heap.type_obj(obj).is_heap_type();
        if user {
            let name = self.names.dunder_setitem;
            if let Some(m) = self.heap.lookup_in_type_of(obj, name) {
                if !self.is_native_slot_method(m) {
                    self.call_method_value(m, obj, &[key, value])?;
                    return Ok(());
                }
            }
        }
        self.set_item_builtin(obj, key, value)
    }

    /// `obj[key] = value` by the built-in layout of `obj`.
    pub fn set_item_builtin(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        let key = self.slice_of_ints(key)?;
        match ObjHeader::of(obj).map(|h| h.kind()) {
            Some(ObjKind::List) => {
                let list = list_of(obj).expect("list layout");
                if let Some(s) = Gc::<SliceObj>::from_value(key) {
                    return self.list_set_slice(list, [s.start, s.stop, s.step], value);
                }
                match self.seq_index(key, list.items.len(), "list")? {
                    Some(i) => {
                        list.items.set(i, value);
                        Ok(())
                    }
                    None => {
                        Err(PyErr::index_error(&self.heap, "list assignment index out of range"))
                    }
                }
            }
            Some(ObjKind::Dict) => self.dict_set_item(obj, key, value),
            Some(ObjKind::ByteArray) => {
                let b = bytearray_of(obj).expect("bytearray layout");
                if let Some(s) = Gc::<SliceObj>::from_value(key) {
                    let new = self.bytes_to_assign(value)?;
                    return self.bytearray_assign_slice(obj, s, Some(new));
                }
                let len = b.data.borrow().len();
                let Some(i) = self.seq_index(key, len, "bytearray")? else {
                    return Err(PyErr::index_error(&self.heap, "bytearray index out of range"));
                };
                match self.as_int(value).and_then(|v| v.to_i64()) {
                    Some(byte @ 0..=255) => {
                        b.data.borrow_mut()[i] = byte as u8;
                        Ok(())
                    }
                    Some(_) => Err(self.value_error("byte must be in range(0, 256)")),
                    None => Err(self.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(value)
                    ))),
                }
            }
            _ => Err(self.type_error(&format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `list[a:b:c] = iterable`. The new items are collected on the value
    /// stack first (which also copies the list when it is assigned to its
    /// own slice), then spliced in place.
    fn list_set_slice(
        &mut self,
        list: Gc<ListObj>,
        parts: [Value; 3],
        value: Value,
    ) -> PyResult<()> {
        let new_at = self.push_iterable_items(value)?;
        let r = self.list_assign_slice(list, parts, new_at);
        self.truncate_temps(new_at);
        r
    }

    fn list_assign_slice(
        &mut self,
        list: Gc<ListObj>,
        parts: [Value; 3],
        new_at: usize,
    ) -> PyResult<()> {
        let new_items = &self.stack[new_at..];
        let len = list.items.len() as i64;
        let (start, stop, step, count) = slice_indices_of(&self.heap, parts, len)?;
        if step == 1 {
            list.items.splice(start as usize, stop.max(start) as usize, new_items);
            return Ok(());
        }
        if new_items.len() as i64 != count {
            return Err(self.value_error(&format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                new_items.len()
            )));
        }
        for (pos, &v) in slice_positions(start, step, count).zip(new_items) {
            list.items.set(pos, v);
        }
        Ok(())
    }

    /// `list[start:stop:step]`, the bounds ints (or with `__index__`) or None.
    fn list_get_slice(&mut self, list: Gc<ListObj>, parts: [Value; 3]) -> PyResult {
        let (start, _, step, count) = slice_indices_of(&self.heap, parts, list.items.len() as i64)?;
        let (start, step) = (start as usize, step as isize);
        Ok(self.heap.new_list_picked(&list.items, start, step, count as usize))
    }

    /// `obj[start:stop:step]` of an exact list `obj`, the slice given by its
    /// parts (what a trace calls instead of building the slice object).
    pub fn list_get_slice_parts(&mut self, obj: Value, parts: [Value; 3]) -> PyResult {
        match list_of(obj) {
            Some(list) if parts.iter().all(|&p| plain_slice_part(p)) => {
                self.list_get_slice(list, parts)
            }
            _ => {
                let s = self.heap.new_slice(parts[0], parts[1], parts[2]);
                self.with_temp(s, |vm| vm.get_item(obj, s))
            }
        }
    }

    /// `obj[start:stop:step] = value` of an exact list `obj`, the slice
    /// given by its parts.
    pub fn list_set_slice_parts(
        &mut self,
        obj: Value,
        parts: [Value; 3],
        value: Value,
    ) -> PyResult<()> {
        match list_of(obj) {
            Some(list) if parts.iter().all(|&p| plain_slice_part(p)) => {
                self.list_set_slice(list, parts, value)
            }
            _ => {
                let s = self.heap.new_slice(parts[0], parts[1], parts[2]);
                self.with_temp(s, |vm| vm.set_item(obj, s, value))
            }
        }
    }

    /// The bytes of what is assigned to a bytearray slice: a bytes-like
    /// object or an iterable of ints in range(0, 256).
    fn bytes_to_assign(&mut self, value: Value) -> PyResult<Vec<u8>> {
        if let Some(data) = crate::builtins::bytes_methods::bytes_like(value) {
            return Ok(data);
        }
        let refuse = |vm: &Self| {
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        };
        if str_of(value).is_some() || self.as_int(value).is_some() {
            return Err(refuse(self));
        }
        let items = self.collect_iterable(value).map_err(|_| refuse(self))?;
        let mut data = Vec::with_capacity(items.len());
        for item in items {
            match self.as_int(item).and_then(|v| v.to_i64()) {
                Some(byte @ 0..=255) => data.push(byte as u8),
                Some(_) => return Err(self.value_error("byte must be in range(0, 256)")),
                None => return Err(refuse(self)),
            }
        }
        Ok(data)
    }

    /// `bytearray[a:b:c] = data`, or `del bytearray[a:b:c]` (`new` None).
    fn bytearray_assign_slice(
        &mut self,
        obj: Value,
        s: Gc<SliceObj>,
        new: Option<Vec<u8>>,
    ) -> PyResult<()> {
        let b = bytearray_of(obj).expect("bytearray layout");
        let len = b.data.borrow().len() as i64;
        let (start, stop, step, count) = slice_indices(&self.heap, s, len)?;
        let positions: Vec<usize> = slice_positions(start, step, count).collect();
        let resizes = match &new {
            None => !positions.is_empty(),
            Some(new) => step == 1 && new.len() as i64 != count,
        };
        if resizes {
            crate::modules::buffer::check_resizable(self, obj)?;
        }
        let Some(new) = new else {
            let mut data = b.data.borrow_mut();
            let mut keep = vec![true; data.len()];
            for p in positions {
                keep[p] = false;
            }
            let kept: Vec<u8> =
                data.iter().zip(&keep).filter(|(_, k)| **k).map(|(b, _)| *b).collect();
            *data = kept;
            return Ok(());
        };
        if step == 1 {
            let (from, to) = (start as usize, stop.max(start) as usize);
            b.data.borrow_mut().splice(from..to, new);
            return Ok(());
        }
        if new.len() as i64 != count {
            return Err(self.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {count}",
                new.len()
            )));
        }
        let mut data = b.data.borrow_mut();
        for (p, v) in positions.into_iter().zip(new) {
            data[p] = v;
        }
        Ok(())
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let user = obj.is_ptr() && self.heap.type_obj(obj).is_heap_type();
        if user {
            let name = self.names.dunder_delitem;
            if let Some(m) = self.heap.lookup_in_type_of(obj, name) {
                if !self.is_native_slot_method(m) {
                    self.call_method_value(m, obj, &[key])?;
                    return Ok(());
                }
            }
        }
        self.del_item_builtin(obj, key)
    }

    /// `del obj[key]` by the built-in layout of `obj`.
    pub fn del_item_builtin(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let key = self.slice_of_ints(key)?;
        match ObjHeader::of(obj).map(|h| h.kind()) {
            Some(ObjKind::List) => {
                let list = list_of(obj).expect("list layout");
                if let Some(s) = Gc::<SliceObj>::from_value(key) {
                    let (start, _, step, count) =
                        slice_indices(&self.heap, s, list.items.len() as i64)?;
                    let mut remove: Vec<usize> = slice_positions(start, step, count).collect();
                    remove.sort_unstable();
                    let mut items = list.items.to_vec();
                    for i in remove.into_iter().rev() {
                        items.remove(i);
                    }
                    list.items.replace(&items);
                    return Ok(());
                }
                match self.seq_index(key, list.items.len(), "list")? {
                    Some(i) => {
                        list.items.remove(i);
                        Ok(())
                    }
                    None => {
                        Err(PyErr::index_error(&self.heap, "list assignment index out of range"))
                    }
                }
            }
            Some(ObjKind::Dict) => {
                if self.dict_del_item(obj, key)? {
                    Ok(())
                } else {
                    Err(self.key_error(key))
                }
            }
            Some(ObjKind::ByteArray) => {
                let Some(s) = Gc::<SliceObj>::from_value(key) else {
                    let b = bytearray_of(obj).expect("bytearray layout");
                    let len = b.data.borrow().len();
                    let Some(i) = self.seq_index(key, len, "bytearray")? else {
                        return Err(PyErr::index_error(&self.heap, "bytearray index out of range"));
                    };
                    crate::modules::buffer::check_resizable(self, obj)?;
                    b.data.borrow_mut().remove(i);
                    return Ok(());
                };
                self.bytearray_assign_slice(obj, s, None)
            }
            _ => {
                // CPython's PySequence_DelItem words it differently: a
                // built-in sequence given an index reaches it.
                let (t, ty) = (self.heap.types(), self.heap.type_obj(obj));
                let sequence =
                    [t.tuple, t.str, t.bytes, t.range, t.set, t.frozenset].into_iter().any(|c| {
                        Gc::<crate::object::types::TypeObj>::from_value(c)
                            .is_some_and(|c| ty.is_subtype(c))
                    });
                let verb =
                    if sequence && self.as_int(key).is_some() { "doesn't" } else { "does not" };
                Err(self.type_error(&format!(
                    "'{}' object {verb} support item deletion",
                    self.type_name(obj)
                )))
            }
        }
    }

    /// Is `v` a dict (by layout)?
    pub fn is_dict(&self, v: Value) -> bool {
        dict_of(v).is_some()
    }
}
