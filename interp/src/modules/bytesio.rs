//! `_io.BytesIO`: bytes in memory, after CPython 3.8's Modules/_io/bytesio.c.
//!
//! The value lives in a bytearray the object owns, its length the value's
//! size: `getbuffer()` is a memoryview of that bytearray, so writes through
//! the view land in the BytesIO, and while a view holds it every change of
//! the value is refused with CPython's BufferError (the bytearray's export
//! mark, [`super::buffer::check_resizable`]).

use std::cell::Cell;

use super::memory_io::{
    closed_error, dict_copy, optional_size, positional, restore_dict, ssize, state_items,
    state_position, wrong_receiver,
};
use crate::builtins::number_methods::add_property;
use crate::object::bytes::{bytearray_of, bytes_of, ByteArrayObj};
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub struct BytesIOObj {
    /// The bytearray holding the value.
    buf: Cell<Value>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

// SAFETY: traces the bytearray it holds.
unsafe impl Payload for BytesIOObj {
    const KIND: ObjKind = ObjKind::BytesIO;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.buf.get());
    }
}

impl BytesIOObj {
    fn data(&self) -> Gc<ByteArrayObj> {
        bytearray_of(self.buf.get()).expect("a BytesIO holds a bytearray")
    }

    /// `f` of the bytes from the position: up to `size` (all for None or
    /// a negative size); moves the position past them.
    fn take_with<R>(&self, size: Option<i64>, f: impl FnOnce(&[u8]) -> R) -> R {
        let data = self.data();
        let data = data.data.borrow();
        let pos = self.pos.get().min(data.len());
        let end = match size {
            Some(n) if n >= 0 => pos.saturating_add(n as usize).min(data.len()),
            _ => data.len(),
        };
        self.pos.set(self.pos.get().max(end));
        f(&data[pos..end])
    }

    fn take(&self, size: Option<i64>) -> Vec<u8> {
        self.take_with(size, <[u8]>::to_vec)
    }

    /// [`Self::take`] as a new bytes object.
    fn take_bytes(&self, vm: &Vm, size: Option<i64>) -> Value {
        self.take_with(size, |data| vm.heap.new_bytes(data))
    }

    /// The length of the next line (CPython's `scan_eol`), at most `limit`.
    fn line_len(&self, limit: Option<i64>) -> usize {
        let data = self.data();
        let data = data.data.borrow();
        let pos = self.pos.get();
        if pos >= data.len() {
            return 0;
        }
        let rest = &data[pos..];
        let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        match limit {
            Some(l) if l >= 0 => n.min(l as usize),
            _ => n,
        }
    }

    /// Writes `bytes` at the position, padding with NULs past the end.
    fn put(&self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let data = self.data();
        let mut data = data.data.borrow_mut();
        let pos = self.pos.get();
        if pos > data.len() {
            data.resize(pos, 0);
        }
        let end = pos + bytes.len();
        let overlap = end.min(data.len());
        data[pos..overlap].copy_from_slice(&bytes[..overlap - pos]);
        data.extend_from_slice(&bytes[overlap - pos..]);
        self.pos.set(end);
    }
}

/// BytesIO's methods (`memory_io` makes the class).
pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", init),
    ("read", read),
    ("read1", read1),
    ("readline", readline),
    ("readlines", readlines),
    ("readinto", readinto),
    ("readinto1", readinto1),
    ("write", write),
    ("writelines", writelines),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("getvalue", getvalue),
    ("getbuffer", getbuffer),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("isatty", isatty),
    ("flush", flush),
    ("close", close),
    ("__iter__", super::support::self_iter),
    ("__next__", next),
    ("__getstate__", getstate),
    ("__setstate__", setstate),
    ("_check_closed", check_closed),
];

/// Adds BytesIO's `__new__` and `closed` to `cls`.
pub fn finish(vm: &mut Vm, cls: Value, new_fn: NativeFn) {
    crate::builtins::add_new(vm, cls, new_fn);
    add_property(vm, cls, "closed", closed);
}

/// `BytesIO.__new__(cls, ...)`: empty and usable before `__init__`.
pub fn new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let buf = vm.heap.new_bytearray(Vec::new());
    let obj = BytesIOObj { buf: Cell::new(buf), pos: Cell::new(0), closed: Cell::new(false) };
    Ok(vm.heap.alloc(args[0], obj).value())
}

fn receiver(vm: &Vm, v: Value, method: &str) -> PyResult<Gc<BytesIOObj>> {
    Gc::<BytesIOObj>::from_value(v).ok_or_else(|| wrong_receiver(vm, method, "BytesIO", v))
}

/// The receiver, not closed.
fn open(vm: &Vm, v: Value, method: &str) -> PyResult<Gc<BytesIOObj>> {
    let b = receiver(vm, v, method)?;
    if b.closed.get() {
        return Err(closed_error(vm, true));
    }
    Ok(b)
}

/// CPython's `CHECK_EXPORTS`: no memoryview holds the value.
fn check_exports(vm: &mut Vm, b: Gc<BytesIOObj>) -> PyResult<()> {
    super::buffer::check_resizable(vm, b.buf.get())
}

/// The bytes of a bytes-like `v`, or CPython's TypeError.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b.as_bytes().to_vec());
    }
    super::buffer::buffer_bytes(vm, v)?.ok_or_else(|| {
        vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(v)))
    })
}

/// `BytesIO(initial_bytes=b'')`.
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [initial] =
        crate::builtins::named_args(vm, "BytesIO", &args[1..], kwnames, ["initial_bytes"])?;
    let b = receiver(vm, args[0], "__init__")?;
    check_exports(vm, b)?;
    b.data().data.borrow_mut().clear();
    b.pos.set(0);
    if let Some(v) = initial.filter(|v| !v.is_none()) {
        if let Some(bytes) = bytes_of(v) {
            // CPython's BytesIO adopts a bytes object, open or closed.
            b.closed.set(false);
            b.put(bytes.as_bytes());
        } else {
            write_value(vm, b, v)?;
        }
        b.pos.set(0);
    }
    Ok(Value::NONE)
}

fn read(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    read_named(vm, args, kwnames, "read")
}

fn read1(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    read_named(vm, args, kwnames, "read1")
}

fn read_named(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let given = positional(vm, name, args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let b = open(vm, args[0], name)?;
    Ok(b.take_bytes(vm, size))
}

fn readline(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "readline", args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let b = open(vm, args[0], "readline")?;
    let n = b.line_len(size);
    Ok(b.take_bytes(vm, Some(n as i64)))
}

/// `readlines(hint=None)`: stops once the lines reach `hint` bytes.
fn readlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "readlines", args, kwnames, 1)?;
    let hint = match given.first() {
        Some(&v) if !v.is_none() => match vm.as_int(v) {
            Some(i) => i.to_i64().unwrap_or(i64::MAX),
            None => {
                return Err(
                    vm.type_error(&format!("integer argument expected, got '{}'", vm.type_name(v)))
                )
            }
        },
        _ => 0,
    };
    let b = open(vm, args[0], "readlines")?;
    let mark = vm.push_temp(Value::NONE);
    let mut lines = Vec::new();
    let mut total = 0i64;
    loop {
        let n = b.line_len(None);
        if n == 0 {
            break;
        }
        let v = b.take_bytes(vm, Some(n as i64));
        vm.push_temp(v);
        lines.push(v);
        total += n as i64;
        if hint > 0 && total >= hint {
            break;
        }
    }
    let list = vm.heap.new_list(&lines);
    vm.truncate_temps(mark);
    Ok(list)
}

fn readinto(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    readinto_named(vm, args, kwnames, "readinto")
}

fn readinto1(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    readinto_named(vm, args, kwnames, "readinto1")
}

/// `readinto(buffer)`: reads as many bytes as `buffer` holds into it.
fn readinto_named(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let given = positional(vm, name, args, kwnames, 1)?;
    let Some(&target) = given.first() else {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got 0")));
    };
    let not_writable = |vm: &Vm| {
        vm.type_error(&format!(
            "{name}() argument must be read-write bytes-like object, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, target)
        ))
    };
    if let Some(ba) = bytearray_of(target) {
        let b = open(vm, args[0], name)?;
        let n = ba.data.borrow().len();
        let data = b.take(Some(n as i64));
        ba.data.borrow_mut()[..data.len()].copy_from_slice(&data);
        return Ok(vm.heap.new_int_i64(data.len() as i64));
    }
    let view = match super::builtin_memoryview(vm, &[target], &[]) {
        Ok(v) if bytes_of(target).is_none() => v,
        _ => return Err(not_writable(vm)),
    };
    let mark = vm.push_temp(view);
    let result = readinto_view(vm, args[0], view, name);
    vm.truncate_temps(mark);
    match result? {
        Some(n) => Ok(vm.heap.new_int_i64(n as i64)),
        None => Err(not_writable(vm)),
    }
}

/// Reads into memoryview `view` of a writable buffer (array, memoryview):
/// the count, or None for a read-only view.
fn readinto_view(vm: &mut Vm, obj: Value, view: Value, name: &str) -> PyResult<Option<usize>> {
    let key = vm.heap.intern("readonly");
    if vm.get_attr(view, key)? == Value::TRUE {
        return Ok(None);
    }
    let b = open(vm, obj, name)?;
    let bytes_view = vm.call_method_by_name(view, "cast", &[vm.heap.new_str("B")])?;
    vm.push_temp(bytes_view);
    let len = vm.call_method_by_name(bytes_view, "__len__", &[])?;
    let n = vm.as_int(len).and_then(|i| i.to_i64()).unwrap_or(0);
    let data = b.take(Some(n));
    let stop = vm.heap.new_int_i64(data.len() as i64);
    let slice = vm.heap.new_slice(vm.heap.new_int_i64(0), stop, Value::NONE);
    vm.push_temp(slice);
    let bytes = vm.heap.new_bytes(&data);
    vm.push_temp(bytes);
    vm.call_method_by_name(bytes_view, "__setitem__", &[slice, bytes])?;
    Ok(Some(data.len()))
}

/// Writes bytes-like `v` at the position (CPython's `_io_BytesIO_write`).
fn write_value(vm: &mut Vm, b: Gc<BytesIOObj>, v: Value) -> PyResult<usize> {
    if b.closed.get() {
        return Err(closed_error(vm, true));
    }
    check_exports(vm, b)?;
    let n = match bytes_of(v) {
        Some(bytes) => {
            b.put(bytes.as_bytes());
            bytes.as_bytes().len()
        }
        None => {
            let data = bytes_arg(vm, v)?;
            b.put(&data);
            data.len()
        }
    };
    Ok(n)
}

fn write(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "write", args, kwnames, 1)?;
    let b = receiver(vm, args[0], "write")?;
    let Some(&v) = given.first() else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let n = write_value(vm, b, v)?;
    Ok(vm.heap.new_int_i64(n as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "writelines", args, kwnames, 1)?;
    let b = open(vm, args[0], "writelines")?;
    let Some(&lines) = given.first() else {
        return Err(vm.type_error("writelines() takes exactly one argument (0 given)"));
    };
    let items = vm.collect_iterable(lines)?;
    let mark = vm.push_temp(Value::NONE);
    for &item in &items {
        vm.push_temp(item);
    }
    let result = items.iter().try_for_each(|&item| write_value(vm, b, item).map(|_| ()));
    vm.truncate_temps(mark);
    result.map(|_| Value::NONE)
}

fn seek(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "seek", args, kwnames, 2)?;
    let Some(&pos) = given.first() else {
        return Err(vm.type_error("seek expected at least 1 argument, got 0"));
    };
    let pos = ssize(vm, pos)?;
    let whence = match given.get(1) {
        Some(&w) => ssize(vm, w)?,
        None => 0,
    };
    let b = open(vm, args[0], "seek")?;
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(&format!("negative seek value {pos}")));
    }
    let base = match whence {
        0 => 0,
        1 => b.pos.get() as i64,
        2 => b.data().data.borrow().len() as i64,
        _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let Some(new) = base.checked_add(pos) else {
        return Err(PyErr::overflow_error(&vm.heap, "new position too large"));
    };
    b.pos.set(new.max(0) as usize);
    Ok(vm.heap.new_int_i64(new.max(0)))
}

fn tell(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "tell", args, kwnames, 0)?;
    let b = open(vm, args[0], "tell")?;
    Ok(vm.heap.new_int_i64(b.pos.get() as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "truncate", args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let b = open(vm, args[0], "truncate")?;
    check_exports(vm, b)?;
    let size = size.unwrap_or(b.pos.get() as i64);
    if size < 0 {
        return Err(vm.value_error(&format!("negative size value {size}")));
    }
    let data = b.data();
    let mut data = data.data.borrow_mut();
    if (size as usize) < data.len() {
        data.truncate(size as usize);
    }
    Ok(vm.heap.new_int_i64(size))
}

fn getvalue(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "getvalue", args, kwnames, 0)?;
    let b = open(vm, args[0], "getvalue")?;
    let data = b.data();
    let data = data.data.borrow();
    Ok(vm.heap.new_bytes(&data))
}

/// `getbuffer()`: a writable memoryview of the value.
fn getbuffer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "getbuffer", args, kwnames, 0)?;
    let b = open(vm, args[0], "getbuffer")?;
    super::builtin_memoryview(vm, &[b.buf.get()], &[])
}

/// A method without arguments that answers `answer` if the stream is open.
fn open_answer(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    answer: Value,
) -> PyResult {
    positional(vm, name, args, kwnames, 0)?;
    open(vm, args[0], name)?;
    Ok(answer)
}

fn readable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "readable", Value::TRUE)
}

fn writable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "writable", Value::TRUE)
}

fn seekable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "seekable", Value::TRUE)
}

fn isatty(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "isatty", Value::FALSE)
}

fn flush(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "flush", Value::NONE)
}

/// What IOBase's `__enter__` checks.
fn check_closed(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_answer(vm, args, kwnames, "_check_closed", Value::NONE)
}

fn close(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "close", args, kwnames, 0)?;
    let b = receiver(vm, args[0], "close")?;
    check_exports(vm, b)?;
    b.closed.set(true);
    let data = b.data();
    let mut data = data.data.borrow_mut();
    data.clear();
    data.shrink_to_fit();
    Ok(Value::NONE)
}

/// `__next__`: the next line, read directly (a subclass's `readline` is
/// not called, as in CPython).
fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "__next__", args, kwnames, 0)?;
    let b = open(vm, args[0], "__next__")?;
    let n = b.line_len(None);
    if n == 0 {
        return super::support::item_or_stop(vm, None);
    }
    Ok(b.take_bytes(vm, Some(n as i64)))
}

fn closed(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let b = receiver(vm, args[0], "closed")?;
    Ok(Value::from_bool(b.closed.get()))
}

/// `(value, position, dict)`.
fn getstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let value = getvalue(vm, args, kwnames)?;
    let b = receiver(vm, args[0], "__getstate__")?;
    let mark = vm.push_temp(value);
    let dict = dict_copy(vm, args[0]);
    vm.truncate_temps(mark);
    let dict = dict?;
    let pos = vm.heap.new_int_i64(b.pos.get() as i64);
    Ok(vm.heap.new_tuple(&[value, pos, dict]))
}

/// `__setstate__((value, position, dict))`.
fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "__setstate__", args, kwnames, 1)?;
    let b = receiver(vm, args[0], "__setstate__")?;
    let Some(&state) = args.get(1) else {
        return Err(vm.type_error("__setstate__() takes exactly one argument (0 given)"));
    };
    let items = state_items(vm, args[0], state, 3)?;
    check_exports(vm, b)?;
    b.data().data.borrow_mut().clear();
    b.pos.set(0);
    write_value(vm, b, items[0])?;
    let pos = state_position(vm, items[1], "second item of state must be an integer, not")?;
    b.pos.set(pos);
    restore_dict(vm, args[0], items[2], "third")?;
    Ok(Value::NONE)
}
