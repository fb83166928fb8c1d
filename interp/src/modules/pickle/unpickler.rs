//! The unpickler: runs the opcodes of protocols 0 to 5 as CPython 3.8's
//! `_pickle.Unpickler` does, with its error messages.
//!
//! Containers, numbers, strings and the memo are handled here; globals
//! go through `find_class` (the Python object's, or `_pickle._find_class`),
//! and `REDUCE`/`NEWOBJ`/`BUILD` call into Python as the C module does.
//!
//! Rooting: every value the machine makes or receives is pushed as a VM
//! temporary when it enters the stack, so the stack, the marks and the
//! memo (which only hold values that were on the stack) stay alive while
//! Python code runs; the caller truncates the temporaries at the end.

use std::borrow::Cow;

use num_bigint::BigInt;

use super::opcodes::*;
use super::scratch::LoadScratch;
use super::{attr_opt, support_attr, unpickling_error};
use crate::object::bytes::bytes_of;
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

/// The pickle's bytes: all of them (`loads`), or what has been read so
/// far from a file's `read`/`readline`.
pub struct Input {
    pub data: Vec<u8>,
    pub pos: usize,
    pub read: Option<Value>,
    pub readline: Option<Value>,
}

/// Why an operand could not be read.
enum Short {
    Truncated,
    Err(PyErr),
}

impl Input {
    /// Fetches `n` more bytes from the file after what is buffered.
    fn fill(&mut self, vm: &mut Vm, n: usize) -> Result<(), Short> {
        let Some(read) = self.read else { return Err(Short::Truncated) };
        let have = self.data.len() - self.pos;
        let want = vm.heap.new_int_i64((n - have) as i64);
        let got = vm.call(read, &[want]).map_err(Short::Err)?;
        let Some(b) = bytes_of(got) else {
            let msg = format!("read() returned non-bytes object ({})", vm.type_name(got));
            return Err(Short::Err(vm.value_error(&msg)));
        };
        let mut data = self.data.split_off(self.pos);
        data.extend_from_slice(b.as_bytes());
        self.data = data;
        self.pos = 0;
        if self.data.len() < n {
            return Err(Short::Truncated);
        }
        Ok(())
    }

    /// The start of the next `n` bytes, which it consumes.
    fn take(&mut self, vm: &mut Vm, n: usize) -> Result<usize, Short> {
        if self.data.len() - self.pos < n {
            self.fill(vm, n)?;
        }
        let at = self.pos;
        self.pos += n;
        Ok(at)
    }

    /// The next line without its `\n`, as a range of `data`.
    fn line(&mut self, vm: &mut Vm) -> Result<(usize, usize), Short> {
        if let Some(i) = self.data[self.pos..].iter().position(|&c| c == b'\n') {
            let at = self.pos;
            self.pos += i + 1;
            return Ok((at, at + i));
        }
        let Some(readline) = self.readline else { return Err(Short::Truncated) };
        let got = vm.call(readline, &[]).map_err(Short::Err)?;
        let Some(b) = bytes_of(got) else { return Err(Short::Truncated) };
        let mut data = self.data.split_off(self.pos);
        data.extend_from_slice(b.as_bytes());
        if data.last() != Some(&b'\n') {
            return Err(Short::Truncated);
        }
        let end = data.len() - 1;
        self.data = data;
        self.pos = end + 1;
        Ok((0, end))
    }
}

/// One unpickling run.
pub struct Unpickler {
    pub input: Input,
    stack: Vec<Value>,
    marks: Vec<usize>,
    pub memo: Vec<Option<Value>>,
    memo_len: usize,
    proto: u8,
    /// The Python `Unpickler`, whose `find_class` and `persistent_load`
    /// are called.
    pub obj: Option<Value>,
    pub fix_imports: bool,
    pub encoding: Cow<'static, str>,
    pub errors: Cow<'static, str>,
    pub buffers: Option<Value>,
}

impl Drop for Unpickler {
    fn drop(&mut self) {
        let data = std::mem::take(&mut self.input.data);
        let stack = std::mem::take(&mut self.stack);
        let marks = std::mem::take(&mut self.marks);
        let memo = std::mem::take(&mut self.memo);
        LoadScratch { data, stack, marks, memo }.give_back();
    }
}

fn le_uint(b: &[u8]) -> u64 {
    b.iter().rev().fold(0u64, |acc, &x| (acc << 8) | x as u64)
}

impl Unpickler {
    /// An unpickler of what `read`/`readline` return (`None`: of the
    /// bytes put into `input.data`).
    pub fn new(read: Option<Value>, readline: Option<Value>) -> Unpickler {
        let LoadScratch { data, stack, marks, memo } = LoadScratch::take();
        Unpickler {
            input: Input { data, pos: 0, read, readline },
            stack,
            marks,
            memo,
            memo_len: 0,
            proto: 0,
            obj: None,
            fix_imports: true,
            encoding: Cow::Borrowed("ASCII"),
            errors: Cow::Borrowed("strict"),
            buffers: None,
        }
    }

    /// Sets memo entry `idx` (from a `Unpickler.memo` given beforehand).
    pub fn memo_set(&mut self, vm: &mut Vm, idx: usize, v: Value) {
        vm.push_temp(v);
        self.put(idx, v);
    }

    fn put(&mut self, idx: usize, v: Value) {
        if idx >= self.memo.len() {
            self.memo.resize(idx + 1, None);
        }
        if self.memo[idx].is_none() {
            self.memo_len += 1;
        }
        self.memo[idx] = Some(v);
    }

    fn push(&mut self, vm: &mut Vm, v: Value) {
        // Immediates (ints, floats, None, bools) need no rooting.
        if v.is_ptr() {
            vm.push_temp(v);
        }
        self.stack.push(v);
    }

    /// The bottom of the current mark's items (`fence`).
    fn fence(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self, vm: &mut Vm) -> PyErr {
        let msg = if self.marks.is_empty() {
            "unpickling stack underflow"
        } else {
            "unexpected MARK found"
        };
        unpickling_error(vm, msg)
    }

    fn pop(&mut self, vm: &mut Vm) -> PyResult {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(self.stack.pop().unwrap_or(Value::NONE))
    }

    fn top(&mut self, vm: &mut Vm) -> PyResult {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow(vm));
        }
        Ok(*self.stack.last().unwrap_or(&Value::NONE))
    }

    fn marker(&mut self, vm: &mut Vm) -> PyResult<usize> {
        self.marks.pop().ok_or_else(|| unpickling_error(vm, "could not find MARK"))
    }

    fn short(&self, vm: &mut Vm, s: Short) -> PyErr {
        match s {
            Short::Truncated => unpickling_error(vm, "pickle data was truncated"),
            Short::Err(e) => e,
        }
    }

    fn bytes(&mut self, vm: &mut Vm, n: usize) -> PyResult<&[u8]> {
        match self.input.take(vm, n) {
            Ok(at) => Ok(&self.input.data[at..at + n]),
            Err(s) => Err(self.short(vm, s)),
        }
    }

    #[inline]
    fn uint(&mut self, vm: &mut Vm, n: usize) -> PyResult<u64> {
        let at = self.input.pos;
        if let Some(b) = self.input.data.get(at..at + n) {
            self.input.pos = at + n;
            return Ok(le_uint(b));
        }
        self.bytes(vm, n).map(le_uint)
    }

    /// An unsigned size of 1, 4 or 8 bytes (the short, long and 8-byte
    /// forms: `form` 0, 1 or `None`).
    fn size(&mut self, vm: &mut Vm, form: Option<usize>) -> PyResult<usize> {
        let width = match form {
            Some(0) => 1,
            Some(_) => 4,
            None => 8,
        };
        self.uint(vm, width).map(|n| n as usize)
    }

    /// The byte count of `LONG1`/`LONG4` or `SHORT_BINSTRING`/`BINSTRING`:
    /// one unsigned byte, or four that are signed.
    fn signed_count(&mut self, vm: &mut Vm, short: bool, what: &str) -> PyResult<usize> {
        let n =
            if short { self.uint(vm, 1)? as i64 } else { self.uint(vm, 4)? as u32 as i32 as i64 };
        if n < 0 {
            let msg = format!("{what} pickle has negative byte count");
            return Err(unpickling_error(vm, &msg));
        }
        Ok(n as usize)
    }

    fn line(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        match self.input.line(vm) {
            Ok((a, b)) => Ok(self.input.data[a..b].to_vec()),
            Err(s) => Err(self.short(vm, s)),
        }
    }

    /// Runs opcodes up to `STOP`; the object built.
    pub fn load(&mut self, vm: &mut Vm) -> PyResult {
        loop {
            if self.fast_step(vm) {
                continue;
            }
            let op = if self.input.pos < self.input.data.len() {
                let op = self.input.data[self.input.pos];
                self.input.pos += 1;
                op
            } else {
                match self.input.take(vm, 1) {
                    Ok(at) => self.input.data[at],
                    Err(Short::Err(e)) => return Err(e),
                    Err(Short::Truncated) => {
                        return Err(PyErr::eof_error(&vm.heap, "Ran out of input"));
                    }
                }
            };
            if op == STOP {
                return self.pop(vm);
            }
            self.step(vm, op)?;
        }
    }

    /// Runs the next opcode when it is one of the frequent simple ones and
    /// its operand is buffered (`true`); else leaves it to `step`, which
    /// also reports the errors.
    #[inline]
    fn fast_step(&mut self, vm: &mut Vm) -> bool {
        let at = self.input.pos;
        let data = &self.input.data;
        let Some(&op) = data.get(at) else { return false };
        let int = |n: usize| data.get(at + 1..at + 1 + n).map(le_uint);
        let (value, width) = match op {
            BININT1 => match int(1) {
                Some(v) => (vm.heap.new_int_i64(v as i64), 1),
                None => return false,
            },
            BININT2 => match int(2) {
                Some(v) => (vm.heap.new_int_i64(v as i64), 2),
                None => return false,
            },
            BININT => match int(4) {
                Some(v) => (vm.heap.new_int_i64(v as u32 as i32 as i64), 4),
                None => return false,
            },
            BINGET => {
                let found = int(1).and_then(|i| self.memo.get(i as usize).copied().flatten());
                match found {
                    Some(v) => (v, 1),
                    None => return false,
                }
            }
            NONE => (Value::NONE, 0),
            MARK => {
                self.marks.push(self.stack.len());
                self.input.pos = at + 1;
                return true;
            }
            MEMOIZE | BINPUT => {
                let Some(&top) = self.stack.last() else { return false };
                if self.stack.len() <= self.fence() {
                    return false;
                }
                let idx = if op == MEMOIZE {
                    self.memo_len
                } else {
                    match int(1) {
                        Some(i) => i as usize,
                        None => return false,
                    }
                };
                self.input.pos = at + 1 + (op == BINPUT) as usize;
                self.put(idx, top);
                return true;
            }
            _ => return false,
        };
        // Ints of these sizes and memo hits need no new rooting.
        self.stack.push(value);
        self.input.pos = at + 1 + width;
        true
    }

    fn step(&mut self, vm: &mut Vm, op: u8) -> PyResult<()> {
        match op {
            NONE => self.push(vm, Value::NONE),
            NEWTRUE => self.push(vm, Value::TRUE),
            NEWFALSE => self.push(vm, Value::FALSE),
            BININT | BININT1 | BININT2 => {
                let v = match op {
                    BININT => self.uint(vm, 4)? as u32 as i32 as i64,
                    BININT1 => self.uint(vm, 1)? as i64,
                    _ => self.uint(vm, 2)? as i64,
                };
                let x = vm.heap.new_int_i64(v);
                self.push(vm, x);
            }
            INT => self.load_int(vm)?,
            LONG => {
                let mut line = self.line(vm)?;
                if line.last() == Some(&b'L') {
                    line.pop();
                }
                let v = self.parse_int(vm, &line, 10)?;
                self.push(vm, v);
            }
            LONG1 | LONG4 => {
                let n = self.signed_count(vm, op == LONG1, "LONG")?;
                let data = self.bytes(vm, n)?;
                let big = BigInt::from_signed_bytes_le(data);
                let v = vm.heap.new_int(big);
                self.push(vm, v);
            }
            FLOAT => {
                let line = self.line(vm)?;
                let f = crate::number::float_parse::parse_float_ascii(&line)
                    .ok_or_else(|| vm.value_error("could not convert string to float"))?;
                self.push(vm, Value::from_f64(f));
            }
            BINFLOAT => {
                let b = self.bytes(vm, 8)?;
                let f = f64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                self.push(vm, Value::from_f64(f));
            }
            BINBYTES | SHORT_BINBYTES | BINBYTES8 => {
                let n = self.size(vm, [SHORT_BINBYTES, BINBYTES].iter().position(|&o| o == op))?;
                let data = self.bytes(vm, n)?;
                let v = vm.heap.new_bytes(data);
                self.push(vm, v);
            }
            BYTEARRAY8 => {
                let n = self.uint(vm, 8)? as usize;
                let data = self.bytes(vm, n)?.to_vec();
                let v = vm.heap.new_bytearray(data);
                self.push(vm, v);
            }
            BINUNICODE | SHORT_BINUNICODE | BINUNICODE8 => {
                let n =
                    self.size(vm, [SHORT_BINUNICODE, BINUNICODE].iter().position(|&o| o == op))?;
                let data = self.bytes(vm, n)?;
                let v = match std::str::from_utf8(data) {
                    Ok(s) => vm.heap.new_str(s),
                    Err(_) => {
                        let b = vm.heap.new_bytes(data);
                        self.decode(vm, b, "utf-8", "surrogatepass")?
                    }
                };
                self.push(vm, v);
            }
            UNICODE => {
                let line = self.line(vm)?;
                let b = vm.heap.new_bytes(&line);
                let v = self.decode(vm, b, "raw-unicode-escape", "strict")?;
                self.push(vm, v);
            }
            STRING => self.load_string(vm)?,
            BINSTRING | SHORT_BINSTRING => {
                let n = self.signed_count(vm, op == SHORT_BINSTRING, "BINSTRING")?;
                let data = self.bytes(vm, n)?;
                let b = vm.heap.new_bytes(data);
                let v = self.decode_string(vm, b)?;
                self.push(vm, v);
            }
            EMPTY_TUPLE => {
                let v = vm.heap.singletons().empty_tuple;
                self.push(vm, v);
            }
            TUPLE1 | TUPLE2 | TUPLE3 => {
                let n = (op - TUPLE1 + 1) as usize;
                if self.stack.len() < self.fence() + n {
                    return Err(self.underflow(vm));
                }
                let at = self.stack.len() - n;
                let v = vm.heap.new_tuple(&self.stack[at..]);
                self.stack.truncate(at);
                self.push(vm, v);
            }
            TUPLE | LIST => {
                let k = self.marker(vm)?;
                let items = &self.stack[k..];
                let v =
                    if op == TUPLE { vm.heap.new_tuple(items) } else { vm.heap.new_list(items) };
                self.stack.truncate(k);
                self.push(vm, v);
            }
            EMPTY_LIST => {
                let v = vm.heap.new_list(&[]);
                self.push(vm, v);
            }
            EMPTY_DICT => {
                let v = vm.heap.new_dict();
                self.push(vm, v);
            }
            DICT => {
                let k = self.marker(vm)?;
                let d = vm.heap.new_dict();
                vm.push_temp(d);
                if !(self.stack.len() - k).is_multiple_of(2) {
                    return Err(unpickling_error(vm, "odd number of items for DICT"));
                }
                for pair in self.stack[k..].chunks(2) {
                    vm.dict_set_item(d, pair[0], pair[1])?;
                }
                self.stack.truncate(k);
                self.push(vm, d);
            }
            EMPTY_SET => {
                let v = vm.new_set_from(&[])?;
                self.push(vm, v);
            }
            FROZENSET => {
                let k = self.marker(vm)?;
                let list = vm.heap.new_list(&self.stack[k..]);
                self.stack.truncate(k);
                vm.push_temp(list);
                let frozenset = vm.heap.types().frozenset;
                let v = vm.call(frozenset, &[list])?;
                self.push(vm, v);
            }
            APPEND => {
                let v = self.pop(vm)?;
                let list = self.top(vm)?;
                extend(vm, list, &[v])?;
            }
            APPENDS => {
                let k = self.marker(vm)?;
                if k == 0 || k > self.stack.len() {
                    return Err(self.underflow(vm));
                }
                let list = self.stack[k - 1];
                extend(vm, list, &self.stack[k..])?;
                self.stack.truncate(k);
            }
            SETITEM => {
                let v = self.pop(vm)?;
                let key = self.pop(vm)?;
                let d = self.top(vm)?;
                set_items(vm, d, &[key, v])?;
            }
            SETITEMS => {
                let k = self.marker(vm)?;
                if k == 0 || k > self.stack.len() {
                    return Err(self.underflow(vm));
                }
                if !(self.stack.len() - k).is_multiple_of(2) {
                    return Err(unpickling_error(vm, "odd number of items for SETITEMS"));
                }
                let d = self.stack[k - 1];
                set_items(vm, d, &self.stack[k..])?;
                self.stack.truncate(k);
            }
            ADDITEMS => {
                let k = self.marker(vm)?;
                if k == 0 || k > self.stack.len() {
                    return Err(self.underflow(vm));
                }
                let items = self.stack.split_off(k);
                let s = self.stack[k - 1];
                if vm.heap.type_of(s) == vm.heap.types().set {
                    for item in items {
                        vm.set_add(s, item)?;
                    }
                } else {
                    let key = vm.heap.intern("add");
                    let add = vm.get_attr(s, key)?;
                    vm.push_temp(add);
                    for item in items {
                        vm.call(add, &[item])?;
                    }
                }
            }
            MARK => self.marks.push(self.stack.len()),
            POP => {
                let len = self.stack.len();
                if self.marks.last() == Some(&len) {
                    self.marks.pop();
                } else if len <= self.fence() {
                    return Err(self.underflow(vm));
                } else {
                    self.stack.pop();
                }
            }
            POP_MARK => {
                let k = self.marker(vm)?;
                self.stack.truncate(k);
            }
            DUP => {
                let v = self.top(vm)?;
                self.push(vm, v);
            }
            GET => {
                let line = self.line(vm)?;
                let idx = self.parse_int(vm, &line, 10)?;
                vm.push_temp(idx);
                let i = crate::object::boxes::int_to_i64(idx).unwrap_or(-1);
                self.memo_get(vm, i, idx)?;
            }
            BINGET | LONG_BINGET => {
                let i = self.uint(vm, if op == BINGET { 1 } else { 4 })? as i64;
                let key = vm.heap.new_int_i64(i);
                self.memo_get(vm, i, key)?;
            }
            PUT => {
                let line = self.line(vm)?;
                let idx = self.parse_int(vm, &line, 10)?;
                let i = crate::object::boxes::int_to_i64(idx).unwrap_or(-1);
                if i < 0 {
                    return Err(vm.value_error("negative PUT argument"));
                }
                let v = self.top(vm)?;
                self.put(i as usize, v);
            }
            BINPUT | LONG_BINPUT => {
                let i = self.uint(vm, if op == BINPUT { 1 } else { 4 })? as usize;
                let v = self.top(vm)?;
                self.put(i, v);
            }
            MEMOIZE => {
                let v = self.top(vm)?;
                self.put(self.memo_len, v);
            }
            GLOBAL => {
                let v = self.global_from_lines(vm)?;
                self.push(vm, v);
            }
            STACK_GLOBAL => {
                let name = self.pop(vm)?;
                let module = self.pop(vm)?;
                if vm.heap.type_of(name) != vm.heap.types().str
                    || vm.heap.type_of(module) != vm.heap.types().str
                {
                    return Err(unpickling_error(vm, "STACK_GLOBAL requires str"));
                }
                let v = self.find_class(vm, module, name)?;
                self.push(vm, v);
            }
            EXT1 | EXT2 | EXT4 => {
                let code = self.uint(vm, [1, 2, 4][(op - EXT1) as usize])? as i64;
                let v = self.load_extension(vm, code)?;
                self.push(vm, v);
            }
            REDUCE => {
                let args = self.pop(vm)?;
                let callable = self.pop(vm)?;
                let Some(t) = tuple_of(args) else {
                    return Err(vm.type_error("argument list must be a tuple"));
                };
                let v = vm.call(callable, t.items())?;
                self.push(vm, v);
            }
            NEWOBJ | NEWOBJ_EX => self.load_newobj(vm, op == NEWOBJ_EX)?,
            OBJ => {
                let k = self.marker(vm)?;
                if self.stack.len() < k + 1 {
                    return Err(self.underflow(vm));
                }
                let args = vm.heap.new_tuple(&self.stack[k + 1..]);
                vm.push_temp(args);
                let cls = self.stack[k];
                self.stack.truncate(k);
                let v = self.instantiate(vm, cls, args)?;
                self.push(vm, v);
            }
            INST => {
                let cls = self.global_from_lines(vm)?;
                vm.push_temp(cls);
                let k = self.marker(vm)?;
                let args = vm.heap.new_tuple(&self.stack[k..]);
                self.stack.truncate(k);
                vm.push_temp(args);
                let v = self.instantiate(vm, cls, args)?;
                self.push(vm, v);
            }
            BUILD => self.load_build(vm)?,
            PERSID => {
                let line = self.line(vm)?;
                if !line.is_ascii() {
                    return Err(unpickling_error(
                        vm,
                        "persistent IDs in protocol 0 must be ASCII strings",
                    ));
                }
                let pid = vm.heap.new_str(&String::from_utf8_lossy(&line));
                vm.push_temp(pid);
                let v = self.persistent_load(vm, pid)?;
                self.push(vm, v);
            }
            BINPERSID => {
                let pid = self.pop(vm)?;
                let v = self.persistent_load(vm, pid)?;
                self.push(vm, v);
            }
            PROTO => {
                let p = self.uint(vm, 1)? as u8;
                if p > HIGHEST_PROTOCOL {
                    return Err(vm.value_error(&format!("unsupported pickle protocol: {p}")));
                }
                self.proto = p;
                if let Some(obj) = self.obj {
                    let key = vm.heap.intern("_tachyon_proto");
                    let p = vm.heap.new_int_i64(p as i64);
                    vm.set_attr(obj, key, p)?;
                }
            }
            FRAME => {
                let n = self.uint(vm, 8)? as usize;
                if self.input.data.len() - self.input.pos < n {
                    if let Err(s) = self.input.fill(vm, n) {
                        return Err(self.short(vm, s));
                    }
                }
            }
            NEXT_BUFFER => {
                let Some(buffers) = self.buffers else {
                    return Err(unpickling_error(
                        vm,
                        "pickle stream refers to out-of-band data but no *buffers* argument was given",
                    ));
                };
                match vm.iter_next(buffers)? {
                    Some(v) => self.push(vm, v),
                    None => return Err(unpickling_error(vm, "not enough out-of-band buffers")),
                }
            }
            READONLY_BUFFER => {
                let v = self.top(vm)?;
                if vm.heap.type_of(v) != vm.heap.types().bytes {
                    let view = crate::modules::builtin_memoryview(vm, &[v], &[])?;
                    vm.push_temp(view);
                    let ro = vm.call_method_by_name(view, "toreadonly", &[])?;
                    vm.push_temp(ro);
                    if let Some(last) = self.stack.last_mut() {
                        *last = ro;
                    }
                }
            }
            _ => {
                let msg = if (0x20..=0x7e).contains(&op) && op != b'\'' && op != b'\\' {
                    format!("invalid load key, '{}'.", op as char)
                } else {
                    format!("invalid load key, '\\x{op:02x}'.")
                };
                return Err(unpickling_error(vm, &msg));
            }
        }
        Ok(())
    }

    fn memo_get(&mut self, vm: &mut Vm, i: i64, key: Value) -> PyResult<()> {
        let found = usize::try_from(i).ok().and_then(|i| self.memo.get(i).copied().flatten());
        match found {
            Some(v) => {
                self.stack.push(v);
                Ok(())
            }
            None => Err(PyErr::key_error(&vm.heap, key)),
        }
    }

    fn utf8_str(&self, vm: &mut Vm, text: &[u8]) -> PyResult {
        match std::str::from_utf8(text) {
            Ok(s) => Ok(vm.heap.new_str(s)),
            Err(_) => {
                let b = vm.heap.new_bytes(text);
                self.decode(vm, b, "utf-8", "strict")
            }
        }
    }

    fn decode(&self, vm: &mut Vm, b: Value, encoding: &str, errors: &str) -> PyResult {
        vm.push_temp(b);
        let enc = vm.heap.new_str(encoding);
        vm.push_temp(enc);
        let err = vm.heap.new_str(errors);
        vm.push_temp(err);
        vm.call_method_by_name(b, "decode", &[enc, err])
    }

    /// A protocol 0-2 string: bytes with `encoding="bytes"`, else text.
    fn decode_string(&self, vm: &mut Vm, b: Value) -> PyResult {
        if self.encoding == "bytes" {
            return Ok(b);
        }
        let (enc, err) = (self.encoding.clone(), self.errors.clone());
        self.decode(vm, b, &enc, &err)
    }

    fn load_string(&mut self, vm: &mut Vm) -> PyResult<()> {
        let line = self.line(vm)?;
        let quoted = line.len() >= 2
            && (line[0] == b'\'' || line[0] == b'"')
            && line[line.len() - 1] == line[0];
        if !quoted {
            return Err(unpickling_error(vm, "the STRING opcode argument must be quoted"));
        }
        let inner = vm.heap.new_bytes(&line[1..line.len() - 1]);
        vm.push_temp(inner);
        let escape_decode = support_attr(vm, "codecs", "escape_decode")?;
        let pair = vm.call(escape_decode, &[inner])?;
        vm.push_temp(pair);
        let b = tuple_of(pair).and_then(|t| t.get(0)).unwrap_or(inner);
        let v = self.decode_string(vm, b)?;
        self.push(vm, v);
        Ok(())
    }

    fn load_int(&mut self, vm: &mut Vm) -> PyResult<()> {
        let line = self.line(vm)?;
        let v = match line.as_slice() {
            b"00" => Value::FALSE,
            b"01" => Value::TRUE,
            text => self.parse_int(vm, text, 0)?,
        };
        self.push(vm, v);
        Ok(())
    }

    /// `int(text, base)` as Python parses it.
    fn parse_int(&self, vm: &mut Vm, text: &[u8], base: i64) -> PyResult {
        let s = std::str::from_utf8(text).unwrap_or("").trim();
        if let Ok(i) = s.parse::<i64>() {
            if base == 10 || !s.trim_start_matches(['-', '+']).starts_with('0') || i == 0 {
                return Ok(vm.heap.new_int_i64(i));
            }
        }
        let text = vm.heap.new_str(&String::from_utf8_lossy(text));
        vm.push_temp(text);
        let int = vm.heap.types().int;
        let base = vm.heap.new_int_i64(base);
        vm.call(int, &[text, base])
    }

    /// `list.extend`/`append` for `APPEND(S)`.
    /// The class named by two lines, module and name (`GLOBAL`, `INST`).
    fn global_from_lines(&mut self, vm: &mut Vm) -> PyResult {
        let module = self.line(vm)?;
        let name = self.line(vm)?;
        let module = self.utf8_str(vm, &module)?;
        vm.push_temp(module);
        let name = self.utf8_str(vm, &name)?;
        vm.push_temp(name);
        self.find_class(vm, module, name)
    }

    fn find_class(&mut self, vm: &mut Vm, module: Value, name: Value) -> PyResult {
        match self.obj {
            Some(obj) => {
                let key = vm.heap.intern("find_class");
                let f = vm.get_attr(obj, key)?;
                vm.push_temp(f);
                vm.call(f, &[module, name])
            }
            None => {
                let f = support_attr(vm, "_pickle", "_find_class")?;
                let proto = vm.heap.new_int_i64(self.proto as i64);
                let fix = Value::from_bool(self.fix_imports);
                vm.call(f, &[proto, fix, module, name])
            }
        }
    }

    fn load_extension(&mut self, vm: &mut Vm, code: i64) -> PyResult {
        if code <= 0 {
            return Err(PyErr::runtime_error(&vm.heap, "EXT specifies code <= 0"));
        }
        let key = vm.heap.new_int_i64(code);
        let cache = support_attr(vm, "copyreg", "_extension_cache")?;
        if let Some(v) = vm.dict_get_item(cache, key)? {
            return Ok(v);
        }
        let inverted = support_attr(vm, "copyreg", "_inverted_registry")?;
        let Some(pair) = vm.dict_get_item(inverted, key)? else {
            return Err(vm.value_error(&format!("unregistered extension code {code}")));
        };
        let Some(t) = tuple_of(pair).filter(|t| t.len() == 2) else {
            let msg = format!("_inverted_registry[{code}] isn't a 2-tuple of strings");
            return Err(vm.value_error(&msg));
        };
        let (m, n) = (t.items()[0], t.items()[1]);
        let v = self.find_class(vm, m, n)?;
        vm.push_temp(v);
        vm.dict_set_item(cache, key, v)?;
        Ok(v)
    }

    fn load_newobj(&mut self, vm: &mut Vm, ex: bool) -> PyResult<()> {
        let kwargs = if ex { Some(self.pop(vm)?) } else { None };
        let args = self.pop(vm)?;
        if !ex && tuple_of(args).is_none() {
            return Err(unpickling_error(vm, "NEWOBJ expected an arg tuple."));
        }
        let cls = self.pop(vm)?;
        if Gc::<TypeObj>::from_value(cls).is_none() {
            let msg = if ex {
                format!("NEWOBJ_EX class argument must be a type, not {}", vm.type_name(cls))
            } else {
                "NEWOBJ class argument isn't a type object".to_string()
            };
            return Err(unpickling_error(vm, &msg));
        }
        let Some(t) = tuple_of(args) else {
            let msg =
                format!("NEWOBJ_EX args argument must be a tuple, not {}", vm.type_name(args));
            return Err(unpickling_error(vm, &msg));
        };
        let mut call_args = vec![cls];
        call_args.extend_from_slice(t.items());
        let mut kwnames = Vec::new();
        if let Some(kw) = kwargs {
            if dict_of(kw).is_none() {
                let msg =
                    format!("NEWOBJ_EX kwargs argument must be a dict, not {}", vm.type_name(kw));
                return Err(unpickling_error(vm, &msg));
            }
            for (k, v) in vm.dict_items(kw) {
                call_args.push(v);
                kwnames.push(k);
            }
        }
        let key = vm.heap.intern("__new__");
        let new = vm.get_attr(cls, key)?;
        vm.push_temp(new);
        let v = vm.call_kw(new, &call_args, &kwnames)?;
        self.push(vm, v);
        Ok(())
    }

    /// `instantiate` of `OBJ` and `INST`.
    fn instantiate(&mut self, vm: &mut Vm, cls: Value, args: Value) -> PyResult {
        let items = tuple_of(args).map(|t| t.items().to_vec()).unwrap_or_default();
        if items.is_empty()
            && Gc::<TypeObj>::from_value(cls).is_some()
            && attr_opt(vm, cls, "__getinitargs__")?.is_none()
        {
            let key = vm.heap.intern("__new__");
            let new = vm.get_attr(cls, key)?;
            vm.push_temp(new);
            return vm.call(new, &[cls]);
        }
        vm.call(cls, &items)
    }

    fn load_build(&mut self, vm: &mut Vm) -> PyResult<()> {
        let state = self.pop(vm)?;
        let inst = self.top(vm)?;
        if let Some(setstate) = attr_opt(vm, inst, "__setstate__")? {
            vm.push_temp(setstate);
            vm.call(setstate, &[state])?;
            return Ok(());
        }
        let (state, slotstate) = match tuple_of(state) {
            Some(t) if t.len() == 2 => (t.items()[0], Some(t.items()[1])),
            _ => (state, None),
        };
        if !state.is_none() {
            if dict_of(state).is_none() {
                return Err(unpickling_error(vm, "state is not a dictionary"));
            }
            let key = vm.heap.intern("__dict__");
            let inst_dict = vm.get_attr(inst, key)?;
            vm.push_temp(inst_dict);
            for (k, v) in vm.dict_items(state) {
                let k = vm.heap.intern_value(k).unwrap_or(k);
                vm.set_item(inst_dict, k, v)?;
            }
        }
        if let Some(slots) = slotstate.filter(|s| !s.is_none()) {
            if dict_of(slots).is_none() {
                return Err(unpickling_error(vm, "slot state is not a dictionary"));
            }
            for (k, v) in vm.dict_items(slots) {
                vm.set_attr(inst, k, v)?;
            }
        }
        Ok(())
    }

    fn persistent_load(&mut self, vm: &mut Vm, pid: Value) -> PyResult {
        let f = match self.obj {
            Some(obj) => attr_opt(vm, obj, "persistent_load")?,
            None => None,
        };
        let Some(f) = f else {
            return Err(unpickling_error(
                vm,
                "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
            ));
        };
        vm.push_temp(f);
        vm.call(f, &[pid])
    }
}

/// `APPEND`/`APPENDS`: `items` added to `list` (its `extend`, else its
/// `append`, unless it is an exact list).
fn extend(vm: &mut Vm, list: Value, items: &[Value]) -> PyResult<()> {
    if vm.heap.type_of(list) == vm.heap.types().list {
        if let Some(l) = list_of(list) {
            let n = l.items.len();
            l.items.splice(n, n, items);
        }
        return Ok(());
    }
    if let Some(extend) = attr_opt(vm, list, "extend")? {
        vm.push_temp(extend);
        let slice = vm.heap.new_list(items);
        vm.push_temp(slice);
        vm.call(extend, &[slice])?;
        return Ok(());
    }
    let key = vm.heap.intern("append");
    let append = vm.get_attr(list, key)?;
    vm.push_temp(append);
    for &v in items {
        vm.call(append, &[v])?;
    }
    Ok(())
}

/// `SETITEM`/`SETITEMS`: the key/value `pairs` stored into `d`.
fn set_items(vm: &mut Vm, d: Value, pairs: &[Value]) -> PyResult<()> {
    let exact = vm.heap.type_of(d) == vm.heap.types().dict && dict_of(d).is_some();
    for pair in pairs.chunks(2) {
        if exact {
            vm.dict_set_item(d, pair[0], pair[1])?;
        } else {
            vm.set_item(d, pair[0], pair[1])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::le_uint;

    #[test]
    fn little_endian_sizes() {
        assert_eq!(le_uint(&[1, 2]), 0x0201);
        assert_eq!(le_uint(&[0xff, 0xff, 0xff, 0xff]), 0xffff_ffff);
    }
}
