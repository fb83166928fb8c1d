//! The pickler: writes what CPython 3.8's `_pickle.Pickler` writes, byte
//! for byte (`Modules/_pickle.c`): the same opcodes for each type and
//! protocol, the same memo indices, batches and frames.
//!
//! None, bool, int, float, str, bytes, bytearray, tuple, list, dict, set
//! and frozenset of their exact types are written here without running
//! Python code; everything else goes through the reduce protocol
//! (`reducer_override`, the dispatch tables, `__reduce_ex__`) and
//! [`Pickler::save_reduce`], and classes and functions by reference
//! ([`Pickler::save_global`], in `globals.rs`).
//!
//! Rooting: what is being pickled is reachable from the object passed to
//! `dump`, and every memoized object is kept in the memo list; values
//! that Python calls return are pushed as VM temporaries for as long as
//! they are in use.

use num_traits::ToPrimitive;

use super::opcodes::*;
use super::scratch::{Memo, Scratch};
use super::{attr_opt, pickling_error};
use crate::number::float_repr::float_repr;
use crate::number::int::Int;
use crate::object::boxes::{float_value, int_of};
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::set::set_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

/// The built-in types the pickler dispatches on, read once per pickler.
pub(super) struct Types {
    pub int: Value,
    pub float: Value,
    pub bytes: Value,
    pub str: Value,
    pub dict: Value,
    pub set: Value,
    pub frozenset: Value,
    pub list: Value,
    pub tuple: Value,
    pub bytearray: Value,
    pub type_: Value,
    pub function: Value,
    pub none_type: Value,
    pub ellipsis_type: Value,
    pub not_implemented_type: Value,
}

impl Types {
    fn of(vm: &Vm) -> Types {
        let t = vm.heap.types();
        Types {
            int: t.int,
            float: t.float,
            bytes: t.bytes,
            str: t.str,
            dict: t.dict,
            set: t.set,
            frozenset: t.frozenset,
            list: t.list,
            tuple: t.tuple,
            bytearray: t.bytearray,
            type_: t.type_,
            function: t.function,
            none_type: t.none_type,
            ellipsis_type: t.ellipsis_type,
            not_implemented_type: t.not_implemented_type,
        }
    }
}

/// One pickling run: the output buffer, framing state and memo.
pub struct Pickler {
    pub(super) proto: u8,
    pub(super) bin: bool,
    pub(super) fix_imports: bool,
    fast: bool,
    framing: bool,
    frame_start: Option<usize>,
    out: Vec<u8>,
    /// Object identity to memo index.
    memo: Memo,
    /// The memoized objects in index order (a list the caller keeps
    /// rooted); also the memo a `Pickler` object keeps between dumps.
    memo_list: Value,
    pub(super) persistent_id: Option<Value>,
    pub(super) reducer_override: Option<Value>,
    pub(super) dispatch_table: Option<Value>,
    pub(super) types: Types,
}

impl Drop for Pickler {
    fn drop(&mut self) {
        let memo = std::mem::take(&mut self.memo);
        let out = std::mem::take(&mut self.out);
        Scratch { memo, out }.give_back();
    }
}

/// Keeps `v` rooted while `f` runs.
fn rooted<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Vm) -> T) -> T {
    vm.with_temp(v, f)
}

impl Pickler {
    /// A pickler for `proto` whose memo starts as the objects of the list
    /// `memo_list` (indices 0, 1, ...), which it appends to.
    pub fn new(vm: &Vm, proto: u8, fix_imports: bool, fast: bool, memo_list: Value) -> Pickler {
        let Scratch { mut memo, out } = Scratch::take();
        if let Some(l) = list_of(memo_list) {
            for (i, v) in l.items.to_vec().into_iter().enumerate() {
                memo.insert(v.bits(), i as u32);
            }
        }
        Pickler {
            proto,
            bin: proto > 0,
            fix_imports: fix_imports && proto < 3,
            fast,
            framing: false,
            frame_start: None,
            out,
            memo,
            memo_list,
            persistent_id: None,
            reducer_override: None,
            dispatch_table: None,
            types: Types::of(vm),
        }
    }

    /// `dump`: the whole pickle of `obj`, protocol header to `STOP`, as a
    /// bytes object.
    pub fn dump(mut self, vm: &mut Vm, obj: Value) -> PyResult {
        if self.proto >= 2 {
            self.write(&[PROTO, self.proto]);
            if self.proto >= 4 {
                self.framing = true;
            }
        }
        self.save(vm, obj, false)?;
        self.write(&[STOP]);
        self.commit_frame();
        Ok(vm.heap.new_bytes(&self.out))
    }

    // ---- output and frames

    #[inline]
    pub(super) fn write(&mut self, data: &[u8]) {
        if self.framing && self.frame_start.is_none() {
            self.open_frame();
        }
        self.out.extend_from_slice(data);
    }

    /// Room for a frame header, filled in (or removed) by `commit_frame`.
    fn open_frame(&mut self) {
        self.frame_start = Some(self.out.len());
        self.out.extend_from_slice(&[0xfe; FRAME_HEADER_SIZE]);
    }

    fn commit_frame(&mut self) {
        if !self.framing {
            return;
        }
        let Some(start) = self.frame_start.take() else { return };
        let len = self.out.len() - start - FRAME_HEADER_SIZE;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = FRAME;
            self.out[start + 1..start + FRAME_HEADER_SIZE]
                .copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER_SIZE);
        }
    }

    #[inline]
    fn opcode_boundary(&mut self) {
        if let (true, Some(start)) = (self.framing, self.frame_start) {
            if self.out.len() - start - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET {
                self.commit_frame();
            }
        }
    }

    /// A header and a payload; a large payload goes outside any frame.
    fn write_bytes(&mut self, header: &[u8], data: &[u8]) {
        if data.len() < FRAME_SIZE_TARGET {
            self.write(header);
            self.out.extend_from_slice(data);
            return;
        }
        let framing = self.framing;
        self.commit_frame();
        self.framing = false;
        self.write(header);
        self.write(data);
        self.framing = framing;
    }

    fn write_line(&mut self, op: u8, text: &[u8]) {
        self.write(&[op]);
        self.write(text);
        self.write(b"\n");
    }

    // ---- memo

    pub(super) fn in_memo(&self, obj: Value) -> bool {
        self.memo.get(obj.bits()).is_some()
    }

    pub(super) fn memo_put(&mut self, obj: Value) {
        if self.fast {
            return;
        }
        let idx = self.memo.len() as u32;
        self.memo.insert(obj.bits(), idx);
        if let Some(l) = list_of(self.memo_list) {
            l.items.push(obj);
        }
        if self.proto >= 4 {
            self.write(&[MEMOIZE]);
        } else if !self.bin {
            self.write_line(PUT, idx.to_string().as_bytes());
        } else if idx < 256 {
            self.write(&[BINPUT, idx as u8]);
        } else {
            let b = idx.to_le_bytes();
            self.write(&[LONG_BINPUT, b[0], b[1], b[2], b[3]]);
        }
    }

    pub(super) fn memo_get(&mut self, obj: Value) {
        let Some(idx) = self.memo.get(obj.bits()) else { return };
        self.write_memo_get(idx);
    }

    /// The opcode that fetches memo entry `idx`.
    fn write_memo_get(&mut self, idx: u32) {
        if !self.bin {
            self.write_line(GET, idx.to_string().as_bytes());
        } else if idx < 256 {
            self.write(&[BINGET, idx as u8]);
        } else {
            let b = idx.to_le_bytes();
            self.write(&[LONG_BINGET, b[0], b[1], b[2], b[3]]);
        }
    }

    // ---- save

    /// `save`: writes `obj`; `pers_save` when it is a persistent id.
    pub(super) fn save(&mut self, vm: &mut Vm, obj: Value, pers_save: bool) -> PyResult<()> {
        self.opcode_boundary();
        if !pers_save {
            if let Some(f) = self.persistent_id {
                if self.save_pers(vm, f, obj)? {
                    return Ok(());
                }
            }
        }
        // Immediates first: they are most of the items of typical data.
        if let Some(v) = obj.as_small_int() {
            return self.save_int(vm, v);
        }
        if let Some(x) = obj.as_f64() {
            self.save_float(x);
            return Ok(());
        }
        if obj.is_none() {
            self.write(&[NONE]);
            return Ok(());
        }
        if let Some(b) = obj.as_bool() {
            match (self.proto >= 2, b) {
                (true, true) => self.write(&[NEWTRUE]),
                (true, false) => self.write(&[NEWFALSE]),
                (false, true) => self.write(b"I01\n"),
                (false, false) => self.write(b"I00\n"),
            }
            return Ok(());
        }
        let ty = vm.heap.type_of(obj);
        if ty == self.types.int {
            return self.save_long(vm, obj);
        }
        if ty == self.types.float {
            self.save_float(float_value(obj).unwrap_or(0.0));
            return Ok(());
        }
        if let Some(idx) = self.memo.get(obj.bits()) {
            self.write_memo_get(idx);
            return Ok(());
        }
        if ty == self.types.bytes {
            return self.save_bytes(vm, obj);
        }
        if ty == self.types.str {
            self.save_unicode(obj);
            return Ok(());
        }
        self.nested(vm, |p, vm| p.save_object(vm, obj, ty))
    }

    /// Runs `f`, then drops the VM temporaries it pushed: the values it
    /// roots while Python code runs (attributes read, reduce values,
    /// iterator items) live until it returns.
    pub(super) fn with_temps(
        &mut self,
        vm: &mut Vm,
        f: impl FnOnce(&mut Self, &mut Vm) -> PyResult<()>,
    ) -> PyResult<()> {
        let mark = vm.push_temp(Value::NONE);
        let r = f(self, vm);
        vm.truncate_temps(mark);
        r
    }

    /// Runs `f` one level deeper, as `Py_EnterRecursiveCall` counts.
    fn nested(
        &mut self,
        vm: &mut Vm,
        f: impl FnOnce(&mut Self, &mut Vm) -> PyResult<()>,
    ) -> PyResult<()> {
        if vm.depth >= vm.recursion_limit {
            return Err(PyErr::recursion_error(
                &vm.heap,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        vm.depth += 1;
        let r = f(self, vm);
        vm.depth -= 1;
        r
    }

    fn save_object(&mut self, vm: &mut Vm, obj: Value, ty: Value) -> PyResult<()> {
        let t = &self.types;
        if ty == t.dict {
            return self.save_dict(vm, obj);
        }
        if ty == t.set {
            return self.save_set(vm, obj);
        }
        if ty == t.frozenset {
            return self.save_frozenset(vm, obj);
        }
        if ty == t.list {
            return self.save_list(vm, obj);
        }
        if ty == t.tuple {
            return self.save_tuple(vm, obj);
        }
        if ty == t.bytearray {
            return self.save_bytearray(vm, obj);
        }
        if let Some(ro) = self.reducer_override {
            let rv = vm.call(ro, &[obj])?;
            if rv != vm.heap.singletons().not_implemented {
                return rooted(vm, rv, |vm| self.save_reduce_value(vm, obj, rv));
            }
        }
        if ty == self.types.type_ {
            return self.save_type(vm, obj);
        }
        if ty == self.types.function {
            return self.save_global(vm, obj, None);
        }
        let reduce_func = match self.dispatch_table {
            Some(table) => match vm.get_item(table, ty) {
                Ok(f) => Some(f),
                Err(e) if e.matches(&vm.heap, vm.heap.types().key_error) => None,
                Err(e) => return Err(e),
            },
            None => {
                let table = super::support_attr(vm, "copyreg", "dispatch_table")?;
                if dict_of(table).is_some() {
                    vm.dict_get_item(table, ty)?
                } else {
                    None
                }
            }
        };
        let rv = if let Some(f) = reduce_func {
            rooted(vm, f, |vm| vm.call(f, &[obj]))?
        } else if Gc::<TypeObj>::from_value(obj).is_some() {
            return self.save_global(vm, obj, None);
        } else if let Some(f) = attr_opt(vm, obj, "__reduce_ex__")? {
            let proto = vm.heap.new_int_i64(self.proto as i64);
            rooted(vm, f, |vm| vm.call(f, &[proto]))?
        } else if let Some(f) = attr_opt(vm, obj, "__reduce__")? {
            rooted(vm, f, |vm| vm.call(f, &[]))?
        } else {
            let repr = vm.repr_of_value(obj)?;
            let msg = format!("can't pickle '{}' object: {repr}", vm.type_name(obj));
            return Err(pickling_error(vm, &msg));
        };
        rooted(vm, rv, |vm| self.save_reduce_value(vm, obj, rv))
    }

    /// What a reduce function returned: a global's name or a tuple.
    fn save_reduce_value(&mut self, vm: &mut Vm, obj: Value, rv: Value) -> PyResult<()> {
        if str_of(rv).is_some() {
            return self.save_global(vm, obj, Some(rv));
        }
        if tuple_of(rv).is_none() {
            return Err(pickling_error(vm, "__reduce__ must return a string or tuple"));
        }
        self.save_reduce(vm, rv, Some(obj))
    }

    fn save_pers(&mut self, vm: &mut Vm, f: Value, obj: Value) -> PyResult<bool> {
        let pid = vm.call(f, &[obj])?;
        if pid.is_none() {
            return Ok(false);
        }
        let mark = vm.push_temp(pid);
        let r = if self.bin {
            self.save(vm, pid, true).map(|_| self.write(&[BINPERSID]))
        } else {
            match vm.str_of_value(pid) {
                Ok(s) if s.is_ascii() => {
                    self.write_line(PERSID, s.as_bytes());
                    Ok(())
                }
                Ok(_) => {
                    Err(pickling_error(vm, "persistent IDs in protocol 0 must be ASCII strings"))
                }
                Err(e) => Err(e),
            }
        };
        vm.truncate_temps(mark);
        r.map(|_| true)
    }

    /// An int that fits in an `i64`.
    fn save_int(&mut self, vm: &mut Vm, v: i64) -> PyResult<()> {
        if !(i32::MIN as i64..=i32::MAX as i64).contains(&v) {
            return self.save_wide_int(vm, v);
        }
        if !self.bin {
            self.write_line(INT, v.to_string().as_bytes());
        } else if (0..=0xff).contains(&v) {
            self.write(&[BININT1, v as u8]);
        } else if (0..=0xffff).contains(&v) {
            self.write(&[BININT2, v as u8, (v >> 8) as u8]);
        } else {
            let b = (v as i32).to_le_bytes();
            self.write(&[BININT, b[0], b[1], b[2], b[3]]);
        }
        Ok(())
    }

    fn save_long(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        match int_of(obj) {
            Some(Int::Small(v)) => self.save_int(vm, v),
            Some(Int::Big(b)) => match b.to_i64() {
                Some(v) => self.save_int(vm, v),
                None => self.save_big_int(vm, b),
            },
            None => self.save_int(vm, 0),
        }
    }

    /// An int outside the 4-byte opcodes' range: `LONG1`/`LONG4` with its
    /// two's complement bytes, shortest first (`_PyLong_AsByteArray`), or
    /// protocol 0-1's decimal `LONG` line.
    fn save_big_int(&mut self, vm: &mut Vm, big: num_bigint::BigInt) -> PyResult<()> {
        if self.proto < 2 {
            self.write(&[LONG]);
            self.write(big.to_string().as_bytes());
            self.write(b"L\n");
            return Ok(());
        }
        self.write_long_bytes(vm, &big.to_signed_bytes_le())
    }

    /// `save_big_int` of an `i64`, without making a big int.
    fn save_wide_int(&mut self, vm: &mut Vm, v: i64) -> PyResult<()> {
        if self.proto < 2 {
            self.write(&[LONG]);
            self.write(v.to_string().as_bytes());
            self.write(b"L\n");
            return Ok(());
        }
        let bytes = v.to_le_bytes();
        let mut n = bytes.len();
        // Drop high bytes that only repeat the sign of the byte below.
        while n > 1 {
            let (top, below) = (bytes[n - 1], bytes[n - 2]);
            if (top == 0 && below & 0x80 == 0) || (top == 0xff && below & 0x80 != 0) {
                n -= 1;
            } else {
                break;
            }
        }
        self.write_long_bytes(vm, &bytes[..n])
    }

    fn write_long_bytes(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        if data.len() > 0x7fff_ffff {
            return Err(PyErr::overflow_error(&vm.heap, "int too large to pickle"));
        }
        if data.len() < 256 {
            self.write(&[LONG1, data.len() as u8]);
        } else {
            let n = (data.len() as u32).to_le_bytes();
            self.write(&[LONG4, n[0], n[1], n[2], n[3]]);
        }
        self.write(data);
        Ok(())
    }

    fn save_float(&mut self, x: f64) {
        if self.bin {
            let mut data = [BINFLOAT; 9];
            data[1..].copy_from_slice(&x.to_be_bytes());
            self.write(&data);
        } else {
            self.write_line(FLOAT, float_repr(x).as_bytes());
        }
    }

    fn save_bytes(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let Some(b) = bytes_of(obj) else { return Ok(()) };
        if self.proto < 3 {
            // Protocols 0-2 have no bytes opcode: CPython reduces to
            // `codecs.encode(latin1_text, 'latin1')` (or `bytes()`).
            let reduce_value = if b.is_empty() {
                let empty = vm.heap.singletons().empty_tuple;
                vm.heap.new_tuple(&[self.types.bytes, empty])
            } else {
                let cps: Vec<u32> = b.as_bytes().iter().map(|&c| c as u32).collect();
                let text = vm.heap.new_str_from_code_points(&cps);
                let mark = vm.push_temp(text);
                let encode = super::support_attr(vm, "codecs", "encode");
                vm.truncate_temps(mark);
                let encode = encode?;
                let latin1 = vm.heap.intern("latin1");
                let args = vm.heap.new_tuple(&[text, latin1]);
                vm.heap.new_tuple(&[encode, args])
            };
            return rooted(vm, reduce_value, |vm| self.save_reduce(vm, reduce_value, Some(obj)));
        }
        let data = b.as_bytes();
        let n = data.len();
        if n <= 0xff {
            self.write_bytes(&[SHORT_BINBYTES, n as u8], data);
        } else if n <= 0xffff_ffff {
            let l = (n as u32).to_le_bytes();
            self.write_bytes(&[BINBYTES, l[0], l[1], l[2], l[3]], data);
        } else if self.proto >= 4 {
            let mut header = [BINBYTES8; 9];
            header[1..].copy_from_slice(&(n as u64).to_le_bytes());
            self.write_bytes(&header, data);
        } else {
            return Err(PyErr::overflow_error(
                &vm.heap,
                "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher",
            ));
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_bytearray(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let Some(b) = bytearray_of(obj) else { return Ok(()) };
        if self.proto < 5 {
            let data = b.data.borrow().clone();
            let args = if data.is_empty() {
                vm.heap.singletons().empty_tuple
            } else {
                let bytes = vm.heap.new_bytes(&data);
                vm.heap.new_tuple(&[bytes])
            };
            return self.save_call(vm, self.types.bytearray, args, obj);
        }
        let data = b.data.borrow().clone();
        let mut header = [BYTEARRAY8; 9];
        header[1..].copy_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_bytes(&header, &data);
        self.memo_put(obj);
        Ok(())
    }

    fn save_unicode(&mut self, obj: Value) {
        let Some(s) = str_of(obj) else { return };
        if self.bin {
            let data = s.as_wtf8();
            let n = data.len();
            if n <= 0xff && self.proto >= 4 {
                self.write_bytes(&[SHORT_BINUNICODE, n as u8], data);
            } else if n <= 0xffff_ffff {
                let l = (n as u32).to_le_bytes();
                self.write_bytes(&[BINUNICODE, l[0], l[1], l[2], l[3]], data);
            } else {
                let mut header = [BINUNICODE8; 9];
                header[1..].copy_from_slice(&(n as u64).to_le_bytes());
                self.write_bytes(&header, data);
            }
        } else {
            let text = raw_unicode_escape(s.code_points());
            self.write_line(UNICODE, &text);
        }
        self.memo_put(obj);
    }

    fn save_tuple(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let Some(t) = tuple_of(obj) else { return Ok(()) };
        let items = t.items();
        let len = items.len();
        if len == 0 {
            if self.proto > 0 {
                self.write(&[EMPTY_TUPLE]);
            } else {
                self.write(&[MARK, TUPLE]);
            }
            return Ok(());
        }
        if len <= 3 && self.proto >= 2 {
            for &item in items {
                self.save(vm, item, false)?;
            }
            if self.in_memo(obj) {
                // Recursive: the tuple was memoized while its items were.
                for _ in 0..len {
                    self.write(&[POP]);
                }
                self.memo_get(obj);
                return Ok(());
            }
            self.write(&[[EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3][len]]);
            self.memo_put(obj);
            return Ok(());
        }
        self.write(&[MARK]);
        for &item in items {
            self.save(vm, item, false)?;
        }
        if self.in_memo(obj) {
            if self.bin {
                self.write(&[POP_MARK]);
            } else {
                for _ in 0..=len {
                    self.write(&[POP]);
                }
            }
            self.memo_get(obj);
            return Ok(());
        }
        self.write(&[TUPLE]);
        self.memo_put(obj);
        Ok(())
    }

    /// Saves `item`, rooted meanwhile (a reduce call may drop it from its
    /// container).
    fn save_rooted(&mut self, vm: &mut Vm, item: Value) -> PyResult<()> {
        if !item.is_ptr() {
            return self.save(vm, item, false);
        }
        let mark = vm.push_temp(item);
        let r = self.save(vm, item, false);
        vm.truncate_temps(mark);
        r
    }

    fn save_list(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        if self.bin {
            self.write(&[EMPTY_LIST]);
        } else {
            self.write(&[MARK, LIST]);
        }
        self.memo_put(obj);
        let Some(l) = list_of(obj) else { return Ok(()) };
        if l.items.is_empty() {
            return Ok(());
        }
        self.nested(vm, |p, vm| {
            if p.proto == 0 {
                let mut i = 0;
                while let Some(item) = l.items.get(i) {
                    p.save_rooted(vm, item)?;
                    p.write(&[APPEND]);
                    i += 1;
                }
                return Ok(());
            }
            if l.items.len() == 1 {
                let item = l.items.get(0).unwrap_or(Value::NONE);
                p.save_rooted(vm, item)?;
                p.write(&[APPEND]);
                return Ok(());
            }
            let mut total = 0;
            loop {
                p.write(&[MARK]);
                let mut batch = 0;
                while let Some(item) = l.items.get(total) {
                    p.save_rooted(vm, item)?;
                    total += 1;
                    batch += 1;
                    if batch == BATCHSIZE {
                        break;
                    }
                }
                p.write(&[APPENDS]);
                if total >= l.items.len() {
                    return Ok(());
                }
            }
        })
    }

    fn save_dict(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        if self.bin {
            self.write(&[EMPTY_DICT]);
        } else {
            self.write(&[MARK, DICT]);
        }
        self.memo_put(obj);
        let Some(d) = dict_of(obj) else { return Ok(()) };
        let size = d.table.borrow().len();
        if size == 0 {
            return Ok(());
        }
        let next =
            |pos: usize| d.table.borrow().next_entry(pos).map(|(at, _, k, v)| (at + 1, *k, *v));
        self.nested(vm, |p, vm| {
            if p.proto == 0 || size == 1 {
                let mut pos = 0;
                while let Some((at, k, v)) = next(pos) {
                    pos = at;
                    p.save_pair(vm, k, v)?;
                    p.write(&[SETITEM]);
                    if size == 1 && p.proto > 0 {
                        break;
                    }
                }
                return Ok(());
            }
            let mut pos = 0;
            loop {
                p.write(&[MARK]);
                let mut batch = 0;
                while let Some((at, k, v)) = next(pos) {
                    pos = at;
                    p.save_pair(vm, k, v)?;
                    batch += 1;
                    if batch == BATCHSIZE {
                        break;
                    }
                }
                p.write(&[SETITEMS]);
                if d.table.borrow().len() != size {
                    return Err(PyErr::runtime_error(
                        &vm.heap,
                        "dictionary changed size during iteration",
                    ));
                }
                if batch != BATCHSIZE {
                    return Ok(());
                }
            }
        })
    }

    fn save_pair(&mut self, vm: &mut Vm, k: Value, v: Value) -> PyResult<()> {
        let mark = vm.push_temp(k);
        vm.push_temp(v);
        let r = self.save(vm, k, false).and_then(|_| self.save(vm, v, false));
        vm.truncate_temps(mark);
        r
    }

    /// `(cls, (list(obj),))` for a set or frozenset below protocol 4.
    fn reduce_as_list(&mut self, vm: &mut Vm, obj: Value, cls: Value) -> PyResult<()> {
        let items = vm.set_items(obj);
        let list = vm.heap.new_list(&items);
        let args = vm.heap.new_tuple(&[list]);
        self.save_call(vm, cls, args, obj)
    }

    /// `save_reduce` of `(cls, args)` for `obj`: the reductions `_pickle.c`
    /// makes itself (bytearray, set and frozenset below their protocols,
    /// the singletons' types). Nothing collects between making `args` and
    /// rooting it here: allocation never does.
    fn save_call(&mut self, vm: &mut Vm, cls: Value, args: Value, obj: Value) -> PyResult<()> {
        self.with_temps(vm, |p, vm| {
            vm.push_temp(args);
            let reduce_value = vm.heap.new_tuple(&[cls, args]);
            vm.push_temp(reduce_value);
            p.save_reduce(vm, reduce_value, Some(obj))
        })
    }

    fn save_set(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        if self.proto < 4 {
            return self.reduce_as_list(vm, obj, self.types.set);
        }
        self.write(&[EMPTY_SET]);
        self.memo_put(obj);
        let Some(s) = set_of(obj) else { return Ok(()) };
        let size = s.table.borrow().len();
        if size == 0 {
            return Ok(());
        }
        let mut pos = 0;
        loop {
            self.write(&[MARK]);
            let mut batch = 0;
            loop {
                let next = s.table.borrow().next_entry(pos).map(|(at, _, k)| (at + 1, *k));
                let Some((at, item)) = next else { break };
                pos = at;
                self.save_rooted(vm, item)?;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.write(&[ADDITEMS]);
            if s.table.borrow().len() != size {
                return Err(PyErr::runtime_error(&vm.heap, "set changed size during iteration"));
            }
            if batch != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn save_frozenset(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        if self.proto < 4 {
            return self.reduce_as_list(vm, obj, self.types.frozenset);
        }
        self.write(&[MARK]);
        let items = vm.set_items(obj);
        for item in items {
            self.save(vm, item, false)?;
        }
        if self.in_memo(obj) {
            self.write(&[POP_MARK]);
            self.memo_get(obj);
            return Ok(());
        }
        self.write(&[FROZENSET]);
        self.memo_put(obj);
        Ok(())
    }

    fn save_type(&mut self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let t = &self.types;
        let singleton = if obj == t.none_type {
            Some(Value::NONE)
        } else if obj == t.ellipsis_type {
            Some(vm.heap.singletons().ellipsis)
        } else if obj == t.not_implemented_type {
            Some(vm.heap.singletons().not_implemented)
        } else {
            None
        };
        let Some(singleton) = singleton else { return self.save_global(vm, obj, None) };
        let args = vm.heap.new_tuple(&[singleton]);
        self.save_call(vm, self.types.type_, args, obj)
    }

    // ---- batches from iterators (the 4th and 5th items of a reduce value)

    fn next_rooted(&mut self, vm: &mut Vm, iter: Value) -> PyResult<Option<Value>> {
        let item = vm.iter_next(iter)?;
        if let Some(v) = item {
            vm.push_temp(v);
        }
        Ok(item)
    }

    pub(super) fn batch_list(&mut self, vm: &mut Vm, iter: Value) -> PyResult<()> {
        self.with_temps(vm, |p, vm| {
            vm.push_temp(iter);
            p.batch_list_inner(vm, iter)
        })
    }

    fn batch_list_inner(&mut self, vm: &mut Vm, iter: Value) -> PyResult<()> {
        if self.proto == 0 {
            while let Some(item) = self.next_rooted(vm, iter)? {
                self.save(vm, item, false)?;
                self.write(&[APPEND]);
            }
            return Ok(());
        }
        loop {
            let Some(first) = self.next_rooted(vm, iter)? else { return Ok(()) };
            let Some(second) = self.next_rooted(vm, iter)? else {
                self.save(vm, first, false)?;
                self.write(&[APPEND]);
                return Ok(());
            };
            self.write(&[MARK]);
            self.save(vm, first, false)?;
            let mut n = 1;
            let mut item = Some(second);
            while let Some(v) = item {
                self.save(vm, v, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                item = self.next_rooted(vm, iter)?;
            }
            self.write(&[APPENDS]);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }

    fn pair_of(&self, vm: &Vm, item: Value) -> PyResult<(Value, Value)> {
        match tuple_of(item) {
            Some(t) if t.len() == 2 => Ok((t.items()[0], t.items()[1])),
            _ => Err(vm.type_error("dict items iterator must return 2-tuples")),
        }
    }

    pub(super) fn batch_dict(&mut self, vm: &mut Vm, iter: Value) -> PyResult<()> {
        self.with_temps(vm, |p, vm| {
            vm.push_temp(iter);
            p.batch_dict_inner(vm, iter)
        })
    }

    fn batch_dict_inner(&mut self, vm: &mut Vm, iter: Value) -> PyResult<()> {
        if self.proto == 0 {
            while let Some(item) = self.next_rooted(vm, iter)? {
                let (k, v) = self.pair_of(vm, item)?;
                self.save(vm, k, false)?;
                self.save(vm, v, false)?;
                self.write(&[SETITEM]);
            }
            return Ok(());
        }
        loop {
            let Some(first) = self.next_rooted(vm, iter)? else { return Ok(()) };
            let (k, v) = self.pair_of(vm, first)?;
            let Some(second) = self.next_rooted(vm, iter)? else {
                self.save(vm, k, false)?;
                self.save(vm, v, false)?;
                self.write(&[SETITEM]);
                return Ok(());
            };
            self.write(&[MARK]);
            self.save(vm, k, false)?;
            self.save(vm, v, false)?;
            let mut n = 1;
            let mut item = Some(second);
            while let Some(pair) = item {
                let (k, v) = self.pair_of(vm, pair)?;
                self.save(vm, k, false)?;
                self.save(vm, v, false)?;
                n += 1;
                if n == BATCHSIZE {
                    break;
                }
                item = self.next_rooted(vm, iter)?;
            }
            self.write(&[SETITEMS]);
            if n != BATCHSIZE {
                return Ok(());
            }
        }
    }
}

/// `raw_unicode_escape` of `_pickle.c`: protocol 0's text, with backslash,
/// NUL, CR, LF and ^Z escaped too so that a line holds it.
pub(super) fn raw_unicode_escape(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for c in cps {
        if c >= 0x10000 {
            out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
        } else if c >= 256 || matches!(c, 0x5c | 0 | 0x0a | 0x0d | 0x1a) {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else {
            out.push(c as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_unicode_escape_escapes_line_breaks_and_wide_chars() {
        let text = "a\\\n\u{e9}\u{20ac}\u{1f600}";
        let out = raw_unicode_escape(text.chars().map(|c| c as u32));
        assert_eq!(out, b"a\\u005c\\u000a\xe9\\u20ac\\U0001f600".to_vec());
    }
}
