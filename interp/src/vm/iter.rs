//! Iteration: `iter()` and `next()` with native iterators for the built-in
//! sequences and tables, the `__iter__`/`__next__` protocol, the old
//! `__getitem__` protocol, and unpacking.

use std::cell::Cell;

use super::{PyResult, Vm};
use crate::object::bytes::bytes_of;
use crate::object::dict::dict_of;
use crate::object::gc::Tracer;
use crate::object::list::list_of;
use crate::object::range::RangeObj;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjHeader, ObjKind, Payload};
use crate::object::{PyErr, Value};

/// What a sequence iterator walks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SeqKind {
    List,
    ListReversed,
    Tuple,
    Str,
    Bytes,
    /// `range` with small bounds: `index` counts, values are computed.
    Range {
        start: i64,
        step: i64,
        len: i64,
    },
    /// The `__getitem__` protocol over any object.
    GetItem,
    /// `iter(callable, sentinel)`: `extra` is the sentinel.
    Callable,
}

/// An iterator over a sequence (or a range, or a callable). `#[repr(C)]`:
/// traces of `for` over a range read `index`, `range_len`, `range_start`
/// and `range_step` at the offsets below and advance `index` themselves.
#[repr(C)]
pub struct SeqIterObj {
    pub seq: Cell<Value>,
    pub index: Cell<i64>,
    /// For `SeqKind::Range`: the start, step and length of the ints it
    /// gives (for `reversed(r)`, `r`'s last item and `-step`; `seq` is `r`).
    pub range_start: i64,
    pub range_step: i64,
    pub range_len: i64,
    pub kind: SeqKind,
    pub extra: Value,
}

/// Byte offsets of `SeqIterObj` fields from the object's address.
pub const SEQ_ITER_SEQ_OFFSET: usize =
    crate::object::header::PAYLOAD_OFFSET + std::mem::offset_of!(SeqIterObj, seq);
pub const SEQ_ITER_INDEX_OFFSET: usize =
    crate::object::header::PAYLOAD_OFFSET + std::mem::offset_of!(SeqIterObj, index);
pub const SEQ_ITER_RANGE_START_OFFSET: usize =
    crate::object::header::PAYLOAD_OFFSET + std::mem::offset_of!(SeqIterObj, range_start);
pub const SEQ_ITER_RANGE_STEP_OFFSET: usize =
    crate::object::header::PAYLOAD_OFFSET + std::mem::offset_of!(SeqIterObj, range_step);
pub const SEQ_ITER_RANGE_LEN_OFFSET: usize =
    crate::object::header::PAYLOAD_OFFSET + std::mem::offset_of!(SeqIterObj, range_len);

/// `(index, len)` of a range iterator, `None` for any other value.
pub fn range_iter_state(v: Value) -> Option<(i64, i64)> {
    let it = Gc::<SeqIterObj>::from_value(v)?;
    match it.kind {
        SeqKind::Range { len, .. } if !it.seq.get().is_none() => Some((it.index.get(), len)),
        _ => None,
    }
}

/// `(index, len)` of a list or tuple iterator still running.
pub fn seq_iter_state(v: Value) -> Option<(i64, i64)> {
    let it = Gc::<SeqIterObj>::from_value(v)?;
    let seq = it.seq.get();
    let len = match it.kind {
        SeqKind::List => list_of(seq)?.items.len(),
        SeqKind::Tuple => tuple_of(seq)?.len(),
        _ => return None,
    };
    Some((it.index.get(), len as i64))
}

impl SeqIterObj {
    pub fn new(seq: Value, index: i64, kind: SeqKind, extra: Value) -> SeqIterObj {
        let (range_start, range_step, range_len) = match kind {
            SeqKind::Range { start, step, len } => (start, step, len),
            _ => (0, 0, 0),
        };
        SeqIterObj {
            seq: Cell::new(seq),
            index: Cell::new(index),
            range_start,
            range_step,
            range_len,
            kind,
            extra,
        }
    }
}

// SAFETY: traces the sequence and the sentinel.
unsafe impl Payload for SeqIterObj {
    const KIND: ObjKind = ObjKind::SeqIter;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&[self.seq.get(), self.extra]);
    }
}

/// What a table iterator yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TableIterKind {
    DictKeys,
    DictValues,
    DictItems,
    Set,
}

/// An iterator over a dict (keys, values, items) or a set; detects size
/// changes as CPython does.
pub struct TableIterObj {
    pub table: Value,
    pub pos: Cell<usize>,
    pub kind: TableIterKind,
    pub expected_len: Cell<usize>,
}

// SAFETY: traces the table.
unsafe impl Payload for TableIterObj {
    const KIND: ObjKind = ObjKind::TableIter;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.table);
    }
}

impl Vm {
    /// `reversed(r)`: a range_iterator from the last item back, as
    /// CPython's `range.__reversed__` (one object, no range of its own,
    /// unless the reversed bounds need big ints).
    pub fn range_reversed_iter(&mut self, r: Gc<RangeObj>) -> PyResult {
        let reversed = r.small().and_then(|(start, _, step, len)| {
            let last = start.checked_add(step.checked_mul(len.checked_sub(1)?)?)?;
            Some(SeqKind::Range { start: last, step: step.checked_neg()?, len })
        });
        match reversed {
            Some(kind) => {
                Ok(self.new_seq_iter(self.heap.types().range_iterator, r.value(), kind, 0))
            }
            None => {
                let reversed = self.range_reversed(r)?;
                self.with_temp(reversed, |vm| vm.get_iter(reversed))
            }
        }
    }

    fn new_seq_iter(&self, ty: Value, seq: Value, kind: SeqKind, start: i64) -> Value {
        let it = SeqIterObj::new(seq, start, kind, Value::NONE);
        self.heap.alloc(ty, it).value()
    }

    pub fn new_table_iter(&self, table: Value, kind: TableIterKind, len: usize) -> Value {
        let t = self.heap.types();
        let ty = match kind {
            TableIterKind::DictKeys => t.dict_keyiterator,
            TableIterKind::DictValues => t.dict_valueiterator,
            TableIterKind::DictItems => t.dict_itemiterator,
            TableIterKind::Set => t.set_iterator,
        };
        let it = TableIterObj { table, pos: Cell::new(0), kind, expected_len: Cell::new(len) };
        self.heap.alloc(ty, it).value()
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult {
        let user = v.is_ptr() && self.heap.type_obj(v).is_heap_type();
        if user {
            let name = self.names.dunder_iter;
            if let Some(m) = self.heap.lookup_in_type_of(v, name) {
                if m.is_none() {
                    return Err(self.not_iterable(v));
                }
                if !self.is_native_slot_method(m) {
                    let it = self.call_method_value(m, v, &[])?;
                    if !self.is_iterator(it) {
                        return Err(self.type_error(&format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(it)
                        )));
                    }
                    return Ok(it);
                }
            }
        }
        self.get_iter_builtin(v)
    }

    /// `iter(v)` by the built-in layout of `v` (what `list.__iter__` does).
    pub fn get_iter_builtin(&mut self, v: Value) -> PyResult {
        let t = self.heap.types();
        let user = v.is_ptr() && self.heap.type_obj(v).is_heap_type();
        let Some(header) = ObjHeader::of(v) else { return Err(self.not_iterable(v)) };
        let it = match header.kind() {
            ObjKind::List => self.new_seq_iter(t.list_iterator, v, SeqKind::List, 0),
            ObjKind::Tuple => self.new_seq_iter(t.tuple_iterator, v, SeqKind::Tuple, 0),
            ObjKind::Str => self.new_seq_iter(t.str_iterator, v, SeqKind::Str, 0),
            ObjKind::Bytes => self.new_seq_iter(t.bytes_iterator, v, SeqKind::Bytes, 0),
            // A bytearray may change while iterated: index it each step.
            ObjKind::ByteArray => self.new_seq_iter(t.bytearray_iterator, v, SeqKind::GetItem, 0),
            ObjKind::Range => {
                let r = Gc::<RangeObj>::from_value(v).expect("range layout");
                match r.small() {
                    Some((start, _, step, len)) => self.new_seq_iter(
                        t.range_iterator,
                        v,
                        SeqKind::Range { start, step, len },
                        0,
                    ),
                    None => self.new_seq_iter(t.longrange_iterator, v, SeqKind::GetItem, 0),
                }
            }
            ObjKind::Dict => {
                let len = dict_of(v).map_or(0, |d| d.table.borrow().len());
                self.new_table_iter(v, TableIterKind::DictKeys, len)
            }
            ObjKind::Set | ObjKind::FrozenSet => {
                let len = self.set_ref(v).map_or(0, |s| s.table().borrow().len());
                self.new_table_iter(v, TableIterKind::Set, len)
            }
            ObjKind::SeqIter | ObjKind::TableIter | ObjKind::BuiltinIter => v,
            ObjKind::Generator
                if super::generator::generator_of(v)
                    .is_some_and(|g| g.kind == super::generator::GenKind::Generator) =>
            {
                v
            }
            ObjKind::Wrapper => return self.view_iter(v),
            _ => {
                let getitem = self.names.dunder_getitem;
                if user && self.heap.lookup_in_type_of(v, getitem).is_some() {
                    self.new_seq_iter(t.iterator, v, SeqKind::GetItem, 0)
                } else if self.is_iterator(v) {
                    v
                } else {
                    return Err(self.not_iterable(v));
                }
            }
        };
        Ok(it)
    }

    fn not_iterable(&self, v: Value) -> PyErr {
        self.type_error(&format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// Has `v` a `__next__`?
    pub fn is_iterator(&self, v: Value) -> bool {
        if matches!(
            ObjHeader::of(v).map(|h| h.kind()),
            Some(ObjKind::SeqIter | ObjKind::TableIter | ObjKind::BuiltinIter)
        ) || super::generator::generator_of(v)
            .is_some_and(|g| g.kind == super::generator::GenKind::Generator)
        {
            return true;
        }
        let name = self.names.dunder_next;
        self.heap.lookup_in_type_of(v, name).is_some()
    }

    /// `next(it)`; `None` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if let Some(s) = Gc::<SeqIterObj>::from_value(it) {
            return self.seq_iter_next(s);
        }
        if let Some(g) = super::generator::generator_of(it) {
            if g.kind == super::generator::GenKind::Generator {
                return self.gen_next(it);
            }
        }
        if Gc::<crate::builtins::iterators::BuiltinIterObj>::from_value(it).is_some() {
            // A StopIteration from inside (`map`'s function) ends the
            // iteration, as a NULL from CPython's tp_iternext does.
            return match crate::builtins::iterators::next_of(self, it) {
                Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => Ok(None),
                r => r,
            };
        }
        if let Some(t) = Gc::<TableIterObj>::from_value(it) {
            return self.table_iter_next(t);
        }
        // Native module iterators step without a call of `__next__` (unless
        // a subclass gives its own) or a StopIteration at the end.
        let kind = ObjHeader::of(it).map(|h| h.kind());
        if matches!(
            kind,
            Some(
                ObjKind::DequeIter
                    | ObjKind::Itertools
                    | ObjKind::Combinatoric
                    | ObjKind::ItertoolsMap
                    | ObjKind::GroupBy
                    | ObjKind::Tee
            )
        ) && self
            .heap
            .type_obj(it)
            .own_attr(self.names.dunder_next)
            .is_some_and(|m| super::function::method_descriptor_of(m).is_some())
        {
            return match kind {
                Some(ObjKind::DequeIter) => crate::modules::deque_iter::step(self, it),
                Some(ObjKind::Itertools) => crate::modules::itertools_native::step(self, it),
                Some(ObjKind::ItertoolsMap) => crate::modules::itertools_map::step(self, it),
                Some(ObjKind::GroupBy) => crate::modules::itertools_groupby::step(self, it),
                Some(ObjKind::Tee) => crate::modules::itertools_tee::step(self, it),
                _ => crate::modules::itertools_combinatoric::step(self, it),
            };
        }
        let name = self.names.dunder_next;
        let Some(m) = self.heap.lookup_in_type_of(it, name) else {
            return Err(
                self.type_error(&format!("'{}' object is not an iterator", self.type_name(it)))
            );
        };
        match self.call_method_value(m, it, &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn seq_iter_next(&mut self, s: Gc<SeqIterObj>) -> PyResult<Option<Value>> {
        let i = s.index.get();
        let seq = s.seq.get();
        if seq.is_none() {
            return Ok(None);
        }
        let item = match s.kind {
            SeqKind::List => list_of(seq).and_then(|l| l.items.get(i as usize)),
            SeqKind::ListReversed => {
                let l = list_of(seq).expect("list layout");
                if i < 0 || i as usize >= l.items.len() {
                    None
                } else {
                    s.index.set(i - 1);
                    let v = l.items.get(i as usize);
                    if i == 0 {
                        s.seq.set(Value::NONE);
                    }
                    return Ok(v);
                }
            }
            SeqKind::Tuple => tuple_of(seq).and_then(|t| t.get(i as usize)),
            SeqKind::Str => {
                let st = str_of(seq).expect("str layout");
                st.code_point_at(i as usize).map(|c| self.heap.new_str_of_code_point(c))
            }
            SeqKind::Bytes => bytes_of(seq).and_then(|b| {
                b.as_bytes()
                    .get(i as usize)
                    .map(|x| Value::from_small_int(*x as i64).expect("a byte fits"))
            }),
            SeqKind::Range { start, step, len } => {
                (i < len).then(|| self.heap.new_int_i64(start + step * i))
            }
            SeqKind::GetItem => {
                let index = self.heap.new_int_i64(i);
                match self.get_item(seq, index) {
                    Ok(v) => Some(v),
                    Err(e)
                        if e.matches(&self.heap, self.heap.types().index_error)
                            || e.matches(&self.heap, self.heap.types().stop_iteration) =>
                    {
                        None
                    }
                    Err(e) => return Err(e),
                }
            }
            SeqKind::Callable => {
                let v = self.call(seq, &[])?;
                if self.keys_equal(v, s.extra)? {
                    None
                } else {
                    Some(v)
                }
            }
        };
        match item {
            Some(v) => {
                s.index.set(i + 1);
                Ok(Some(v))
            }
            // A range beyond `i64` stays (CPython's `longrange_iterator`
            // keeps it: its `__reduce__` still names it).
            None if Gc::<RangeObj>::from_value(seq).is_some() => Ok(None),
            None => {
                s.seq.set(Value::NONE);
                Ok(None)
            }
        }
    }

    fn table_iter_next(&mut self, t: Gc<TableIterObj>) -> PyResult<Option<Value>> {
        let pos = t.pos.get();
        if t.kind == TableIterKind::Set {
            // `pos` is a slot of the set's table: each step looks at the
            // slots after the last one, not at a copy of the whole set.
            let Some(set) = self.set_ref(t.table) else { return Ok(None) };
            let (len, next) = {
                let table = set.table().borrow();
                (table.len(), table.next_entry(pos).map(|(slot, _, k)| (slot, *k)))
            };
            if len != t.expected_len.get() {
                t.expected_len.set(usize::MAX);
                return Err(PyErr::runtime_error(&self.heap, "Set changed size during iteration"));
            }
            return Ok(next.map(|(slot, v)| {
                t.pos.set(slot + 1);
                v
            }));
        }
        let Some(d) = dict_of(t.table) else { return Ok(None) };
        let (len, next) = {
            let table = d.table.borrow();
            (table.len(), table.next_entry(pos).map(|(ix, _, k, v)| (ix, *k, *v)))
        };
        if len != t.expected_len.get() {
            t.expected_len.set(usize::MAX);
            return Err(PyErr::runtime_error(
                &self.heap,
                "dictionary changed size during iteration",
            ));
        }
        let Some((ix, k, v)) = next else { return Ok(None) };
        t.pos.set(ix + 1);
        Ok(Some(match t.kind {
            TableIterKind::DictKeys => k,
            TableIterKind::DictValues => v,
            _ => self.heap.new_tuple(&[k, v]),
        }))
    }

    /// Every item of an iterable.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        let start = self.push_iterable_items(v)?;
        let items = self.stack[start..].to_vec();
        self.truncate_temps(start);
        Ok(items)
    }

    /// Pushes every item of an iterable onto the value stack, where they
    /// stay rooted, and returns where they start; the caller reads
    /// `stack[start..]` and truncates back to `start`. This is how native
    /// code collects without a temporary `Vec` (the stack keeps its buffer).
    /// On error the stack is as it was.
    pub fn push_iterable_items(&mut self, v: Value) -> PyResult<usize> {
        let start = self.stack.len();
        if let Some(l) = list_of(v) {
            if !self.heap.type_obj(v).is_heap_type() {
                l.items.extend_into(&mut self.stack);
                return Ok(start);
            }
        }
        if let Some(t) = tuple_of(v) {
            if !self.heap.type_obj(v).is_heap_type() {
                self.stack.extend_from_slice(t.items());
                return Ok(start);
            }
        }
        let it = self.get_iter(v)?;
        if let Some(drained) = self.gen_drain_onto_stack(it) {
            return drained.map(|()| start);
        }
        self.push_temp(it);
        loop {
            match self.iter_next(it) {
                Ok(Some(x)) => self.stack.push(x),
                Ok(None) => break,
                Err(e) => {
                    self.truncate_temps(start);
                    return Err(e);
                }
            }
        }
        // Drop the iterator below the items (it is no longer needed).
        self.stack.remove(start);
        Ok(start)
    }

    /// `a, b = v` (`after` is `None`) or `a, *b, c = v` (`before` and `after`
    /// counted around the starred list): stores the targets' values in the
    /// stack slots from `dst`.
    pub fn unpack_into(
        &mut self,
        v: Value,
        before: usize,
        after: Option<usize>,
        dst: usize,
    ) -> PyResult<()> {
        if after.is_some() {
            self.check_length_hint(v)?;
        }
        let start = match self.push_iterable_items(v) {
            Ok(start) => start,
            Err(e)
                if e.matches(&self.heap, self.heap.types().type_error) && !self.is_iterable(v) =>
            {
                return Err(self.type_error(&format!(
                    "cannot unpack non-iterable {} object",
                    self.type_name(v)
                )))
            }
            Err(e) => return Err(e),
        };
        let got = self.stack.len() - start;
        let checked = self.check_unpack_count(got, before, after);
        if let Err(e) = checked {
            self.truncate_temps(start);
            return Err(e);
        }
        match after {
            None => self.stack.copy_within(start..start + got, dst),
            Some(after) => {
                let middle = self.heap.new_list(&self.stack[start + before..start + got - after]);
                self.stack.copy_within(start..start + before, dst);
                self.stack[dst + before] = middle;
                self.stack.copy_within(start + got - after..start + got, dst + before + 1);
            }
        }
        self.truncate_temps(start);
        Ok(())
    }

    /// [`Vm::unpack_into`] returning the targets' values.
    pub fn unpack(
        &mut self,
        v: Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let dst = self.stack.len();
        let targets = before + after.map_or(0, |after| after + 1);
        self.stack.resize(dst + targets, Value::NONE);
        let r = self.unpack_into(v, before, after, dst).map(|_| self.stack[dst..].to_vec());
        self.truncate_temps(dst);
        r
    }

    fn check_unpack_count(&self, got: usize, before: usize, after: Option<usize>) -> PyResult<()> {
        match after {
            None if got < before => Err(self.value_error(&format!(
                "not enough values to unpack (expected {before}, got {got})"
            ))),
            None if got > before => {
                Err(self.value_error(&format!("too many values to unpack (expected {before})")))
            }
            Some(after) if got < before + after => Err(self.value_error(&format!(
                "not enough values to unpack (expected at least {}, got {got})",
                before + after
            ))),
            _ => Ok(()),
        }
    }

    fn is_iterable(&self, v: Value) -> bool {
        match ObjHeader::of(v).map(|h| h.kind()) {
            Some(
                ObjKind::List
                | ObjKind::Tuple
                | ObjKind::Str
                | ObjKind::Bytes
                | ObjKind::Dict
                | ObjKind::Set
                | ObjKind::FrozenSet
                | ObjKind::Range
                | ObjKind::SeqIter
                | ObjKind::TableIter,
            ) => true,
            _ => {
                let (i, g) = (self.names.dunder_iter, self.names.dunder_getitem);
                self.heap.lookup_in_type_of(v, i).is_some()
                    || self.heap.lookup_in_type_of(v, g).is_some()
            }
        }
    }

    pub fn list_append(&mut self, list: Value, item: Value) {
        if let Some(l) = list_of(list) {
            l.items.push(item);
        }
    }

    /// `[*src]` in a display.
    pub fn list_extend(&mut self, list: Value, src: Value) -> PyResult<()> {
        self.check_length_hint(src)?;
        let items = self.collect_iterable(src)?;
        self.list_push_all(list, items);
        Ok(())
    }

    /// `f(*src)`: a non-iterable `src` is a TypeError that names `func`.
    pub fn args_extend(&mut self, list: Value, src: Value, func: Value) -> PyResult<()> {
        let items = match self.check_length_hint(src).and_then(|()| self.collect_iterable(src)) {
            Ok(items) => items,
            Err(e)
                if e.matches(&self.heap, self.heap.types().type_error)
                    && !self.is_iterable(src) =>
            {
                return Err(self.type_error(&format!(
                    "{} argument after * must be an iterable, not {}",
                    self.function_display_name(func),
                    self.type_name(src)
                )))
            }
            Err(e) => return Err(e),
        };
        self.list_push_all(list, items);
        Ok(())
    }

    fn list_push_all(&mut self, list: Value, items: Vec<Value>) {
        if let Some(l) = list_of(list) {
            for item in items {
                l.items.push(item);
            }
        }
    }

    /// `len()` of built-in containers without calling Python.
    pub fn native_len(&self, v: Value) -> Option<usize> {
        Some(match ObjHeader::of(v)?.kind() {
            ObjKind::List => list_of(v)?.items.len(),
            ObjKind::Tuple => tuple_of(v)?.len(),
            ObjKind::Str => str_of(v)?.char_len(),
            ObjKind::Bytes => bytes_of(v)?.len(),
            ObjKind::ByteArray => crate::object::bytes::bytearray_of(v)?.data.borrow().len(),
            ObjKind::Dict => dict_of(v)?.table.borrow().len(),
            ObjKind::Set | ObjKind::FrozenSet => self.set_ref(v)?.table().borrow().len(),
            ObjKind::Range => {
                let r = Gc::<RangeObj>::from_value(v)?;
                crate::object::boxes::int_to_i64(r.len)? as usize
            }
            _ => return None,
        })
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: Value) -> PyResult<usize> {
        let user = v.is_ptr() && self.heap.type_obj(v).is_heap_type();
        if user {
            let name = self.names.dunder_len;
            if let Some(m) = self.heap.lookup_in_type_of(v, name) {
                if !self.is_native_slot_method(m) {
                    let r = self.call_method_value(m, v, &[])?;
                    return self.len_result(r);
                }
            }
        }
        match self.native_len(v) {
            Some(n) => Ok(n),
            None => {
                if let Some(m) = self.proxied_mapping(v) {
                    return self.with_temp(m, |vm| vm.len_of(m));
                }
                if let Some(r) = self.view_len(v) {
                    return Ok(r);
                }
                if Gc::<RangeObj>::from_value(v).is_some() {
                    return Err(self.range_len_overflow());
                }
                Err(self
                    .type_error(&format!("object of type '{}' has no len()", self.type_name(v))))
            }
        }
    }
}
