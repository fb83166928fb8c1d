//! The standard streams `sys.stdin`, `sys.stdout`, `sys.stderr` and their
//! binary `.buffer`s, made at start-up without loading `_io`.
//!
//! Reading goes through Rust's process-wide buffered stdin, so `input()`,
//! `sys.stdin.readline()` and `sys.stdin.buffer.read()` share one buffer
//! as they share one `BufferedReader` in CPython. As on CPython for POSIX,
//! text streams split lines at `"\n"` only and translate nothing.

use std::io::{BufRead, IsTerminal, Read, Write};

use crate::builtins::add_method;
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::codecs::{self, Codec};
use crate::object::attrmap::AttrMap;
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::Gc;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Makes the three text streams and their buffers, and stores them in
/// `sys`'s dict as `stdin`/`stdout`/`stderr` and `__stdin__`/...
pub fn install(vm: &mut Vm, sys_dict: Value) -> PyResult<()> {
    let text_type = new_stream_class(vm, "TextIOWrapper", TEXT_METHODS)?;
    let reader_type = new_stream_class(vm, "BufferedReader", BINARY_METHODS)?;
    let writer_type = new_stream_class(vm, "BufferedWriter", BINARY_METHODS)?;
    for (name, fd) in [("stdout", 1), ("stderr", 2), ("stdin", 0)] {
        let (mode, buffer_type) = if fd == 0 { ("r", reader_type) } else { ("w", writer_type) };
        let errors = if fd == 2 { "backslashreplace" } else { "strict" };
        let buffer = new_stream(vm, buffer_type, fd, name, &format!("{mode}b"));
        let stream = new_stream(vm, text_type, fd, name, mode);
        let attrs = vm.heap.attrs_of(stream, true).expect("an instance");
        attrs.set(&vm.heap, vm.heap.intern("encoding"), vm.heap.new_str("utf-8"));
        attrs.set(&vm.heap, vm.heap.intern("errors"), vm.heap.new_str(errors));
        attrs.set(&vm.heap, vm.heap.intern("line_buffering"), Value::FALSE);
        attrs.set(&vm.heap, vm.heap.intern("buffer"), buffer);
        if fd == 0 {
            attrs.set(&vm.heap, vm.heap.intern("newlines"), Value::NONE);
        }
        for key in [name.to_string(), format!("__{name}__")] {
            let key = vm.heap.intern(&key);
            vm.dict_set_item(sys_dict, key, stream)?;
        }
        match fd {
            1 => vm.original_stdout = stream,
            2 => vm.original_stderr = stream,
            _ => {}
        }
    }
    Ok(())
}

const TEXT_METHODS: &[(&str, NativeFn)] = &[
    ("write", text_write),
    ("read", text_read),
    ("readline", text_readline),
    ("readlines", text_readlines),
    ("__next__", text_next),
    ("writelines", writelines),
];

const BINARY_METHODS: &[(&str, NativeFn)] = &[
    ("write", binary_write),
    ("read", binary_read),
    ("read1", binary_read),
    ("readline", binary_readline),
    ("readlines", binary_readlines),
    ("__next__", binary_next),
    ("writelines", writelines),
];

/// The methods both kinds share.
const COMMON_METHODS: &[(&str, NativeFn)] = &[
    ("flush", flush),
    ("fileno", fileno),
    ("isatty", isatty),
    ("readable", readable),
    ("writable", writable),
    ("seekable", return_false),
    ("close", return_none),
    ("__iter__", return_self),
    ("__enter__", return_self),
    ("__exit__", return_none),
];

fn new_stream_class(vm: &mut Vm, name: &str, methods: &[(&'static str, NativeFn)]) -> PyResult {
    let ty = vm.heap.new_class(vm.heap.types().type_, name, &[], AttrMap::new())?;
    vm.heap.add_permanent_root(ty);
    let io_name = vm.heap.new_str("_io");
    crate::builtins::set_type_attr(vm, ty, "__module__", io_name);
    for (name, f) in methods.iter().chain(COMMON_METHODS) {
        add_method(vm, ty, name, *f);
    }
    Ok(ty)
}

fn new_stream(vm: &mut Vm, ty: Value, fd: i64, name: &str, mode: &str) -> Value {
    let t = Gc::<TypeObj>::from_value(ty).expect("a class");
    let stream = vm.heap.new_instance(t);
    let attrs = vm.heap.attrs_of(stream, true).expect("an instance");
    attrs.set(&vm.heap, vm.heap.intern("_fd"), Value::from_small_int(fd).expect("fd"));
    attrs.set(&vm.heap, vm.heap.intern("name"), vm.heap.new_str(&format!("<{name}>")));
    attrs.set(&vm.heap, vm.heap.intern("mode"), vm.heap.new_str(mode));
    attrs.set(&vm.heap, vm.heap.intern("closed"), Value::FALSE);
    stream
}

/// The descriptor a stream object stands for (0, 1 or 2).
fn fd_of(vm: &Vm, stream: Value) -> i64 {
    vm.heap
        .attrs_of(stream, false)
        .and_then(|a| a.get(vm.heap.intern("_fd")))
        .and_then(|v| v.as_small_int())
        .unwrap_or(1)
}

fn os_error(vm: &Vm, e: std::io::Error) -> PyErr {
    PyErr::os_error(&vm.heap, &e.to_string())
}

fn require_reader(vm: &Vm, args: &[Value]) -> PyResult<()> {
    match fd_of(vm, args[0]) {
        0 => Ok(()),
        _ => Err(PyErr::new(&vm.heap, vm.heap.types().os_error, "not readable")),
    }
}

/// The optional size argument of `read`/`readline`: None for all.
fn size_arg(vm: &Vm, args: &[Value], fname: &str) -> PyResult<Option<usize>> {
    match args.get(1) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => {
            let n = vm.as_int(v).and_then(|n| n.to_i64()).ok_or_else(|| {
                vm.type_error(&format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(v)
                ))
            })?;
            if args.len() > 2 {
                return Err(vm.type_error(&format!(
                    "{fname}() takes at most 1 argument ({} given)",
                    args.len() - 1
                )));
            }
            Ok(usize::try_from(n).ok())
        }
    }
}

// ---- reading

/// Bytes of stdin up to and including the next `"\n"`, at most `limit`.
fn read_line_bytes(limit: Option<usize>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    loop {
        let room = limit.map_or(usize::MAX, |l| l - out.len());
        if room == 0 {
            break;
        }
        let buf = lock.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let window = &buf[..buf.len().min(room)];
        let (take, done) = match window.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (window.len(), false),
        };
        out.extend_from_slice(&window[..take]);
        lock.consume(take);
        if done {
            break;
        }
    }
    Ok(out)
}

/// `n` bytes of stdin, fewer at end of input; all of it for None.
fn read_bytes(limit: Option<usize>) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    match limit {
        None => {
            lock.read_to_end(&mut out)?;
        }
        Some(n) => {
            lock.by_ref().take(n as u64).read_to_end(&mut out)?;
        }
    }
    Ok(out)
}

/// Completes a UTF-8 sequence cut by a size limit with the bytes it lacks.
fn complete_char(mut bytes: Vec<u8>) -> std::io::Result<Vec<u8>> {
    let start = bytes.iter().rposition(|&b| b & 0xC0 != 0x80).unwrap_or(bytes.len());
    if let Some(&lead) = bytes.get(start) {
        let want = match lead {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        };
        let have = bytes.len() - start;
        if have < want {
            bytes.extend(read_bytes(Some(want - have))?);
        }
    }
    Ok(bytes)
}

/// `n` characters of stdin (decoded as UTF-8).
fn read_chars(n: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for _ in 0..n {
        let first = read_bytes(Some(1))?;
        if first.is_empty() {
            break;
        }
        out.extend(complete_char(first)?);
    }
    Ok(out)
}

fn decode(vm: &Vm, bytes: &[u8]) -> PyResult {
    let text = codecs::decode(vm, bytes, Codec::Utf8, "strict")?;
    Ok(vm.heap.new_str_wtf8(&text))
}

fn text_read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    let bytes = match size_arg(vm, args, "read")? {
        None => read_bytes(None),
        Some(n) => read_chars(n),
    }
    .map_err(|e| os_error(vm, e))?;
    decode(vm, &bytes)
}

fn text_readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    let limit = size_arg(vm, args, "readline")?;
    let bytes = read_line_bytes(limit).and_then(complete_char).map_err(|e| os_error(vm, e))?;
    decode(vm, &bytes)
}

/// The next line of standard input as text ("" at end of input): what
/// `input()` reads when `sys.stdin` is the original stream.
pub fn stdin_line(vm: &mut Vm) -> PyResult {
    vm.flush_stdout();
    let bytes = read_line_bytes(None).map_err(|e| os_error(vm, e))?;
    decode(vm, &bytes)
}

fn text_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    lines(vm, decode)
}

fn binary_readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    lines(vm, |vm, bytes| Ok(vm.heap.new_bytes(bytes)))
}

fn lines(vm: &mut Vm, make: fn(&Vm, &[u8]) -> PyResult) -> PyResult {
    let list = vm.heap.new_list(&[]);
    let mark = vm.push_temp(list);
    let result = (|| loop {
        let bytes = read_line_bytes(None).map_err(|e| os_error(vm, e))?;
        if bytes.is_empty() {
            return Ok(list);
        }
        let line = make(vm, &bytes)?;
        vm.list_append(list, line);
    })();
    vm.truncate_temps(mark);
    result
}

fn text_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let line = text_readline(vm, &args[..1], kw)?;
    match str_of(line) {
        Some(s) if s.char_len() == 0 => Err(PyErr::stop_iteration(&vm.heap, Value::NONE)),
        _ => Ok(line),
    }
}

fn binary_read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    let limit = size_arg(vm, args, "read")?;
    let bytes = read_bytes(limit).map_err(|e| os_error(vm, e))?;
    Ok(vm.heap.new_bytes(&bytes))
}

fn binary_readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    require_reader(vm, args)?;
    let limit = size_arg(vm, args, "readline")?;
    let bytes = read_line_bytes(limit).map_err(|e| os_error(vm, e))?;
    Ok(vm.heap.new_bytes(&bytes))
}

fn binary_next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let line = binary_readline(vm, &args[..1], kw)?;
    match crate::object::bytes::bytes_of(line) {
        Some(b) if b.is_empty() => Err(PyErr::stop_iteration(&vm.heap, Value::NONE)),
        _ => Ok(line),
    }
}

// ---- writing

fn text_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    one_argument(vm, args, "write")?;
    let Some(s) = str_of(args[1]) else {
        return Err(vm.type_error(&format!(
            "write() argument must be str, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, args[1])
        )));
    };
    let text = s.as_utf8(&vm.heap)?.to_string();
    let n = s.char_len();
    match fd_of(vm, args[0]) {
        0 => return Err(unsupported_write(vm)),
        2 => vm.write_stderr(&text),
        _ => vm.write_stdout(&text)?,
    }
    Ok(vm.heap.new_int_i64(n as i64))
}

/// `f() takes exactly one argument (N given)` for a method of a stream.
fn one_argument(vm: &Vm, args: &[Value], fname: &str) -> PyResult<()> {
    match args.len() {
        2 => Ok(()),
        n => Err(vm.type_error(&format!(
            "{fname}() takes exactly one argument ({} given)",
            n.saturating_sub(1)
        ))),
    }
}

fn unsupported_write(vm: &Vm) -> PyErr {
    PyErr::new(&vm.heap, vm.heap.types().os_error, "not writable")
}

fn binary_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    one_argument(vm, args, "write")?;
    let Some(data) = bytes_like(args[1]) else {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(args[1])
        )));
    };
    match fd_of(vm, args[0]) {
        0 => return Err(unsupported_write(vm)),
        2 => {
            vm.flush_stdout();
            std::io::stderr().write_all(&data).map_err(|e| os_error(vm, e))?;
        }
        _ => {
            vm.stdout.write_all(&data).map_err(|e| os_error(vm, e))?;
            if vm.unbuffered {
                vm.flush_stdout();
            }
        }
    }
    Ok(vm.heap.new_int_i64(data.len() as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    one_argument(vm, args, "writelines")?;
    let (stream, lines) = (&args[0], &args[1]);
    let iter = vm.get_iter(*lines)?;
    let mark = vm.push_temp(iter);
    let result = (|| {
        while let Some(line) = vm.iter_next(iter)? {
            vm.call_method_by_name(*stream, "write", &[line])?;
        }
        Ok(Value::NONE)
    })();
    vm.truncate_temps(mark);
    result
}

fn flush(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    vm.flush_stdout();
    Ok(Value::NONE)
}

// ---- queries

fn fileno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.new_int_i64(fd_of(vm, args[0])))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let tty = match fd_of(vm, args[0]) {
        0 => std::io::stdin().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => std::io::stdout().is_terminal(),
    };
    Ok(Value::from_bool(tty))
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::from_bool(fd_of(vm, args[0]) == 0))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::from_bool(fd_of(vm, args[0]) != 0))
}

fn return_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::FALSE)
}

fn return_none(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(Value::NONE)
}

fn return_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_char_leaves_whole_characters_alone() {
        assert_eq!(complete_char(b"ab\n".to_vec()).unwrap(), b"ab\n");
        assert_eq!(complete_char("é".as_bytes().to_vec()).unwrap(), "é".as_bytes());
        assert_eq!(complete_char(Vec::new()).unwrap(), b"");
    }
}
