//! `_io.StringIO`: text in memory, after CPython 3.8's Modules/_io/stringio.c.
//!
//! The text is kept as WTF-8 bytes (what tachyon's str holds) with its
//! length in code points; the position counts code points. While the text
//! is ASCII a position is its byte offset; otherwise a cursor remembers
//! one (code point, byte) pair, so reading forward line by line stays
//! linear. Writes go through the newline mode as CPython's: `newline=None`
//! translates `\r\n` and `\r` to `\n`, `""` only records what it saw, `"\r"`
//! and `"\r\n"` write `\n` as themselves.

use std::cell::RefCell;

use super::memory_io::{
    closed_error, dict_copy, is_exact, optional_size, positional, restore_dict, ssize, state_items,
    state_position, wrong_receiver,
};
use crate::builtins::number_methods::add_property;
use crate::object::gc::Tracer;
use crate::object::str::str_of;
use crate::object::{Gc, ObjKind, Payload, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// The newline modes of `StringIO(newline=...)`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// `None`: universal reading with `\r\n` and `\r` translated on write.
    Translate,
    /// `""`: universal reading, nothing translated.
    Universal,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    fn text(self) -> Option<&'static str> {
        match self {
            Newline::Translate => None,
            Newline::Universal => Some(""),
            Newline::Lf => Some("\n"),
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
        }
    }

    /// Whether writes record the newlines seen (CPython's decoder).
    fn records(self) -> bool {
        matches!(self, Newline::Translate | Newline::Universal)
    }
}

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

struct Text {
    buf: Vec<u8>,
    /// Length in code points.
    len: usize,
    /// Every byte is ASCII: a code point index is a byte offset.
    ascii: bool,
    pos: usize,
    /// A code point index and its byte offset, where the last scan ended.
    cursor: (usize, usize),
    /// `__init__` has run (CPython's `ok`).
    ok: bool,
    closed: bool,
    newline: Newline,
    seen: u8,
}

pub struct StringIOObj {
    text: RefCell<Text>,
}

// SAFETY: holds no references.
unsafe impl Payload for StringIOObj {
    const KIND: ObjKind = ObjKind::StringIO;
    fn trace(&self, _tracer: &mut Tracer) {}
    fn extra_bytes(&self) -> usize {
        self.text.borrow().buf.capacity()
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !is_continuation(**b)).count()
}

impl Text {
    fn new() -> Text {
        Text {
            buf: Vec::new(),
            len: 0,
            ascii: true,
            pos: 0,
            cursor: (0, 0),
            ok: false,
            closed: false,
            newline: Newline::Translate,
            seen: 0,
        }
    }

    /// Replaces the whole text.
    fn set(&mut self, bytes: &[u8]) {
        self.buf.clear();
        self.buf.extend_from_slice(bytes);
        self.len = count_chars(bytes);
        self.ascii = bytes.is_ascii();
        self.cursor = (0, 0);
    }

    /// The byte offset of code point `i` (at most `len`), from `from`.
    fn scan(&self, from: (usize, usize), i: usize) -> usize {
        let (mut c, mut b) = from;
        while c < i {
            b += 1;
            while b < self.buf.len() && is_continuation(self.buf[b]) {
                b += 1;
            }
            c += 1;
        }
        b
    }

    /// The byte offset of code point `i` (at most `len`); moves the cursor there.
    fn byte_at(&mut self, i: usize) -> usize {
        if self.ascii {
            return i;
        }
        let from = if i >= self.cursor.0 { self.cursor } else { (0, 0) };
        let b = self.scan(from, i);
        self.cursor = (i, b);
        b
    }

    /// CPython's `write_str` of already translated text: overwrites from
    /// the position, padding with NULs past the end.
    fn put(&mut self, data: &[u8]) {
        let n = count_chars(data);
        if n == 0 {
            return;
        }
        if self.pos > self.len {
            self.buf.resize(self.buf.len() + (self.pos - self.len), 0);
            self.len = self.pos;
        }
        if self.pos == self.len {
            self.buf.extend_from_slice(data);
            self.len += n;
        } else {
            let b0 = self.byte_at(self.pos);
            let end = (self.pos + n).min(self.len);
            let b1 = if self.ascii { end } else { self.scan((self.pos, b0), end) };
            self.buf.splice(b0..b1, data.iter().copied());
            self.len = self.len - (end - self.pos) + n;
        }
        self.ascii &= data.is_ascii();
        self.pos += n;
    }

    /// Text `s` as this mode writes it, noting the newlines it holds.
    fn translate<'a>(&mut self, s: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
        use std::borrow::Cow;
        if self.newline.records() {
            self.seen |= newlines_in(s);
        }
        let has = |c: u8| s.contains(&c);
        match self.newline {
            Newline::Translate if has(b'\r') => {
                let mut out = Vec::with_capacity(s.len());
                let mut i = 0;
                while i < s.len() {
                    if s[i] == b'\r' {
                        out.push(b'\n');
                        if s.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        }
                    } else {
                        out.push(s[i]);
                    }
                    i += 1;
                }
                Cow::Owned(out)
            }
            Newline::Cr | Newline::CrLf if has(b'\n') => {
                let nl: &[u8] = if self.newline == Newline::Cr { b"\r" } else { b"\r\n" };
                let mut out = Vec::with_capacity(s.len() + 8);
                for &c in s {
                    if c == b'\n' {
                        out.extend_from_slice(nl);
                    } else {
                        out.push(c);
                    }
                }
                Cow::Owned(out)
            }
            _ => Cow::Borrowed(s),
        }
    }

    /// The bytes of the next line, at most `limit` code points (CPython's
    /// `_stringio_readline`); moves the position past it.
    fn line(&mut self, limit: Option<usize>) -> &[u8] {
        if self.pos >= self.len {
            return &[];
        }
        let start = self.pos;
        let b0 = self.byte_at(start);
        let bend = match limit {
            Some(n) if n < self.len - start => self.byte_at(start + n),
            _ => self.buf.len(),
        };
        let window = &self.buf[b0..bend];
        let find = |c: u8| window.iter().position(|&b| b == c);
        let end = match self.newline {
            Newline::Translate | Newline::Lf => find(b'\n').map(|i| i + 1),
            Newline::Cr => find(b'\r').map(|i| i + 1),
            Newline::CrLf => window.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
            Newline::Universal => window.iter().position(|&b| b == b'\n' || b == b'\r').map(|i| {
                if window[i] == b'\r' && window.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                }
            }),
        }
        .unwrap_or(window.len());
        let chars = if self.ascii { end } else { count_chars(&window[..end]) };
        self.pos = start + chars;
        if !self.ascii {
            self.cursor = (self.pos, b0 + end);
        }
        &self.buf[b0..b0 + end]
    }
}

/// The `SEEN_*` flags of the newlines in `s`.
fn newlines_in(s: &[u8]) -> u8 {
    let mut seen = 0;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'\n' => seen |= SEEN_LF,
            b'\r' if s.get(i + 1) == Some(&b'\n') => {
                seen |= SEEN_CRLF;
                i += 1;
            }
            b'\r' => seen |= SEEN_CR,
            _ => {}
        }
        i += 1;
    }
    seen
}

/// StringIO's methods (`memory_io` makes the class).
pub const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", init),
    ("read", read),
    ("readline", readline),
    ("write", write),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("getvalue", getvalue),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("flush", flush),
    ("close", close),
    ("__next__", next),
    ("__getstate__", getstate),
    ("__setstate__", setstate),
    ("_check_closed", check_closed),
];

/// Adds StringIO's `__new__` and properties to `cls`.
pub fn finish(vm: &mut Vm, cls: Value, new_fn: NativeFn) {
    crate::builtins::add_new(vm, cls, new_fn);
    add_property(vm, cls, "closed", closed);
    add_property(vm, cls, "newlines", newlines);
    add_property(vm, cls, "line_buffering", line_buffering);
}

/// `StringIO.__new__(cls, ...)`: uninitialized until `__init__`.
pub fn new(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let obj = StringIOObj { text: RefCell::new(Text::new()) };
    Ok(vm.heap.alloc(args[0], obj).value())
}

fn receiver(vm: &Vm, v: Value, method: &str) -> PyResult<Gc<StringIOObj>> {
    Gc::<StringIOObj>::from_value(v).ok_or_else(|| wrong_receiver(vm, method, "StringIO", v))
}

fn uninitialized(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on uninitialized object")
}

/// The receiver, initialized (`CHECK_INITIALIZED`) and, with `open`, not
/// closed (`CHECK_CLOSED`).
fn ready(vm: &Vm, v: Value, method: &str, open: bool) -> PyResult<Gc<StringIOObj>> {
    let s = receiver(vm, v, method)?;
    let t = s.text.borrow();
    if !t.ok {
        return Err(uninitialized(vm));
    }
    if open && t.closed {
        return Err(closed_error(vm, false));
    }
    drop(t);
    Ok(s)
}

/// Checks and applies `__init__`'s arguments (also `__setstate__`'s).
fn initialize(
    vm: &mut Vm,
    obj: Value,
    value: Option<Value>,
    newline: Option<Value>,
) -> PyResult<()> {
    let s = receiver(vm, obj, "__init__")?;
    let mode = match newline {
        None => Newline::Lf,
        Some(v) if v.is_none() => Newline::Translate,
        Some(v) => {
            let Some(text) = str_of(v) else {
                return Err(
                    vm.type_error(&format!("newline must be str or None, not {}", vm.type_name(v)))
                );
            };
            match text.as_wtf8() {
                b"" => Newline::Universal,
                b"\n" => Newline::Lf,
                b"\r" => Newline::Cr,
                b"\r\n" => Newline::CrLf,
                _ => return Err(vm.value_error(&format!("illegal newline value: {}", text.repr()))),
            }
        }
    };
    let initial = match value {
        Some(v) if !v.is_none() => match str_of(v) {
            Some(text) => Some(text),
            None => {
                return Err(vm.type_error(&format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(v)
                )))
            }
        },
        _ => None,
    };
    let mut t = s.text.borrow_mut();
    *t = Text::new();
    t.newline = mode;
    if let Some(text) = initial {
        let data = t.translate(text.as_wtf8()).into_owned();
        t.put(&data);
        t.pos = 0;
    }
    t.ok = true;
    Ok(())
}

/// `StringIO(initial_value='', newline='\n')`.
fn init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let [value, newline] = crate::builtins::named_args(
        vm,
        "StringIO",
        &args[1..],
        kwnames,
        ["initial_value", "newline"],
    )?;
    initialize(vm, args[0], value, newline)?;
    Ok(Value::NONE)
}

fn read(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "read", args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let s = ready(vm, args[0], "read", true)?;
    let mut t = s.text.borrow_mut();
    let start = t.pos;
    if start >= t.len {
        return Ok(vm.heap.new_str(""));
    }
    let end = match size {
        Some(n) if n >= 0 && (n as usize) < t.len - start => start + n as usize,
        _ => t.len,
    };
    let b0 = t.byte_at(start);
    let b1 = t.byte_at(end);
    t.pos = end;
    Ok(vm.heap.new_str_wtf8(&t.buf[b0..b1]))
}

fn readline(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "readline", args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let s = ready(vm, args[0], "readline", true)?;
    let mut t = s.text.borrow_mut();
    let line = t.line(size.filter(|n| *n >= 0).map(|n| n as usize));
    Ok(vm.heap.new_str_wtf8(line))
}

fn write(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "write", args, kwnames, 1)?;
    let s = receiver(vm, args[0], "write")?;
    if !s.text.borrow().ok {
        return Err(uninitialized(vm));
    }
    let Some(&arg) = given.first() else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(text) = str_of(arg) else {
        return Err(
            vm.type_error(&format!("string argument expected, got '{}'", vm.type_name(arg)))
        );
    };
    let mut t = s.text.borrow_mut();
    if t.closed {
        return Err(closed_error(vm, false));
    }
    let n = text.char_len();
    if n > 0 {
        let data = t.translate(text.as_wtf8());
        match data {
            std::borrow::Cow::Borrowed(b) => t.put(b),
            std::borrow::Cow::Owned(b) => t.put(&b),
        }
    }
    Ok(vm.heap.new_int_i64(n as i64))
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
    let s = ready(vm, args[0], "seek", true)?;
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(&format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.value_error(&format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(PyErr::new(
            &vm.heap,
            vm.heap.types().os_error,
            "Can't do nonzero cur-relative seeks",
        ));
    }
    let mut t = s.text.borrow_mut();
    t.pos = match whence {
        0 => pos as usize,
        1 => t.pos,
        _ => t.len,
    };
    Ok(vm.heap.new_int_i64(t.pos as i64))
}

fn tell(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "tell", args, kwnames, 0)?;
    let s = ready(vm, args[0], "tell", true)?;
    let pos = s.text.borrow().pos;
    Ok(vm.heap.new_int_i64(pos as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let given = positional(vm, "truncate", args, kwnames, 1)?;
    let size = optional_size(vm, given.first().copied())?;
    let s = ready(vm, args[0], "truncate", true)?;
    let mut t = s.text.borrow_mut();
    let size = size.unwrap_or(t.pos as i64);
    if size < 0 {
        return Err(vm.value_error(&format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < t.len {
        let b = t.byte_at(size);
        t.buf.truncate(b);
        t.len = size;
        t.cursor = (0, 0);
    }
    Ok(vm.heap.new_int_i64(size as i64))
}

fn getvalue(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "getvalue", args, kwnames, 0)?;
    let s = ready(vm, args[0], "getvalue", true)?;
    let t = s.text.borrow();
    Ok(vm.heap.new_str_wtf8(&t.buf))
}

/// `readable()`, `writable()` and `seekable()`: True while open.
fn open_true(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    positional(vm, name, args, kwnames, 0)?;
    ready(vm, args[0], name, true)?;
    Ok(Value::TRUE)
}

fn readable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_true(vm, args, kwnames, "readable")
}

fn writable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_true(vm, args, kwnames, "writable")
}

fn seekable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    open_true(vm, args, kwnames, "seekable")
}

/// IOBase's `flush()`, which a closed StringIO does not refuse (its
/// `close` is not IOBase's).
fn flush(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "flush", args, kwnames, 0)?;
    receiver(vm, args[0], "flush")?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "close", args, kwnames, 0)?;
    let s = receiver(vm, args[0], "close")?;
    let mut t = s.text.borrow_mut();
    t.closed = true;
    t.set(b"");
    t.buf.shrink_to_fit();
    Ok(Value::NONE)
}

/// `__next__`: the next line; a subclass's own `readline` is called.
fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "__next__", args, kwnames, 0)?;
    let s = ready(vm, args[0], "__next__", true)?;
    let line = if is_exact(vm, args[0]) {
        let mut t = s.text.borrow_mut();
        let line = t.line(None);
        if line.is_empty() {
            None
        } else {
            Some(vm.heap.new_str_wtf8(line))
        }
    } else {
        let line = vm.call_method_by_name(args[0], "readline", &[])?;
        let Some(text) = str_of(line) else {
            return Err(vm.type_error(&format!(
                "readline() should have returned a str object, not '{}'",
                vm.type_name(line)
            )));
        };
        (text.char_len() > 0).then_some(line)
    };
    super::support::item_or_stop(vm, line)
}

/// What IOBase's methods (`__enter__`, `__iter__`, `isatty`, `readlines`,
/// `writelines`) check first: their messages end with a full stop.
fn check_closed(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let s = ready(vm, args[0], "_check_closed", false)?;
    if s.text.borrow().closed {
        return Err(closed_error(vm, true));
    }
    Ok(Value::NONE)
}

fn closed(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let s = ready(vm, args[0], "closed", false)?;
    let closed = s.text.borrow().closed;
    Ok(Value::from_bool(closed))
}

fn line_buffering(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    ready(vm, args[0], "line_buffering", true)?;
    Ok(Value::FALSE)
}

/// The newlines written so far, for the modes that record them.
fn newlines(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let s = ready(vm, args[0], "newlines", true)?;
    let t = s.text.borrow();
    if !t.newline.records() {
        return Ok(Value::NONE);
    }
    let names: &[&str] = match t.seen {
        SEEN_CR => &["\r"],
        SEEN_LF => &["\n"],
        SEEN_CRLF => &["\r\n"],
        3 => &["\r", "\n"],
        6 => &["\r", "\r\n"],
        5 => &["\n", "\r\n"],
        7 => &["\r", "\n", "\r\n"],
        _ => return Ok(Value::NONE),
    };
    drop(t);
    if let [one] = names {
        return Ok(vm.heap.new_str(one));
    }
    let items: Vec<Value> = names.iter().map(|n| vm.heap.new_str(n)).collect();
    Ok(vm.heap.new_tuple(&items))
}

/// `(value, newline, position, dict)`.
fn getstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "__getstate__", args, kwnames, 0)?;
    let s = ready(vm, args[0], "__getstate__", true)?;
    let (value, newline, pos) = {
        let t = s.text.borrow();
        let value = vm.heap.new_str_wtf8(&t.buf);
        (value, t.newline.text(), t.pos)
    };
    let mark = vm.push_temp(value);
    let newline = newline.map_or(Value::NONE, |n| vm.heap.new_str(n));
    vm.push_temp(newline);
    let dict = dict_copy(vm, args[0]);
    vm.truncate_temps(mark);
    let dict = dict?;
    let pos = vm.heap.new_int_i64(pos as i64);
    Ok(vm.heap.new_tuple(&[value, newline, pos, dict]))
}

/// `__setstate__((value, newline, position, dict))`: `__init__` with the
/// first two, then the value again untranslated, the position and the dict.
fn setstate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    positional(vm, "__setstate__", args, kwnames, 1)?;
    let s = receiver(vm, args[0], "__setstate__")?;
    if s.text.borrow().closed {
        return Err(closed_error(vm, false));
    }
    let Some(&state) = args.get(1) else {
        return Err(vm.type_error("__setstate__() takes exactly one argument (0 given)"));
    };
    let items = state_items(vm, args[0], state, 4)?;
    initialize(vm, args[0], Some(items[0]), Some(items[1]))?;
    if let Some(text) = str_of(items[0]) {
        s.text.borrow_mut().set(text.as_wtf8());
    }
    let pos = state_position(vm, items[2], "third item of state must be an integer, got")?;
    s.text.borrow_mut().pos = pos;
    restore_dict(vm, args[0], items[3], "fourth")?;
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, newline: Newline) -> Text {
        let mut t = Text::new();
        t.newline = newline;
        let data = t.translate(s.as_bytes()).into_owned();
        t.put(&data);
        t.pos = 0;
        t
    }

    #[test]
    fn overwrites_count_code_points() {
        let mut t = text("héllo wörld", Newline::Lf);
        t.pos = 4;
        t.put("ΩΩ".as_bytes());
        assert_eq!(t.buf, "héllΩΩwörld".as_bytes());
        assert_eq!((t.len, t.pos), (11, 6));
        t.pos = 13;
        t.put(b"!");
        assert_eq!(t.buf, "héllΩΩwörld\0\0!".as_bytes());
    }

    #[test]
    fn lines_follow_the_newline_mode() {
        let src = "a\nb\r\nc\rd";
        let mut t = text(src, Newline::Universal);
        let lines: Vec<Vec<u8>> = (0..5).map(|_| t.line(None).to_vec()).collect();
        assert_eq!(lines, [&b"a\n"[..], b"b\r\n", b"c\r", b"d", b""]);
        let t = text(src, Newline::Translate);
        assert_eq!(t.buf, b"a\nb\nc\nd");
        assert_eq!(t.seen, SEEN_LF | SEEN_CR | SEEN_CRLF);
        let mut t = text("x\r\ny", Newline::CrLf);
        assert_eq!(t.line(Some(1)), b"x");
        assert_eq!(t.line(None), b"\r\r\n");
    }
}
