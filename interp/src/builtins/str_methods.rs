//! Methods of str, with CPython 3.8's argument handling and messages.
//!
//! Indices are code points; searches run on the UTF-8 text of the window
//! `[start, end)` and convert the byte offset found back to code points.

use super::codecs;
use super::functions::index_of;
use super::str_chars as chars;
use super::str_format;
use super::{
    add_method, arg_range, method_no_args, method_no_kwargs, method_one_arg, set_type_attr,
};
use crate::object::list::list_of;
use crate::object::str::{str_of, StrObj};
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::unicode::wtf8;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::borrow::Cow;

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types().str;
    let table: &[(&'static str, NativeFn)] = &[
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("partition", partition),
        ("rpartition", rpartition),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isdecimal", isdecimal),
        ("isdigit", isdigit),
        ("isnumeric", isnumeric),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isascii", isascii),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("encode", encode),
        ("translate", translate),
        ("format", str_format::format),
        ("format_map", str_format::format_map),
    ];
    for (name, f) in table {
        add_method(vm, t, name, *f);
    }
    let maketrans_fn = super::native_static(vm, t, "maketrans", maketrans);
    set_type_attr(vm, t, "maketrans", maketrans_fn);
}

// ---- receiver and arguments

/// The `str` a method is called on.
pub fn recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<Gc<StrObj>> {
    match args.first() {
        Some(&v) => str_of(v).ok_or_else(|| {
            vm.type_error(&format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
        None => {
            Err(vm.type_error(&format!("descriptor '{name}' of 'str' object needs an argument")))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A method without arguments: `upper() takes no arguments (1 given)`.
fn no_args(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Gc<StrObj>> {
    let s = recv(vm, args, name)?;
    method_no_args(vm, args, kwnames, name)?;
    Ok(s)
}

/// Positional arguments as `PyArg_ParseTuple` checks them:
/// `find() takes at least 1 argument (0 given)`.
pub fn parse_tuple<'a>(
    vm: &Vm,
    args: &'a [Value],
    kwnames: &[Value],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    method_no_kwargs(vm, name, kwnames)?;
    let rest = &args[1..];
    let n = rest.len();
    if n < min {
        let how = if min == max { "exactly" } else { "at least" };
        return Err(vm.type_error(&format!(
            "{name}() takes {how} {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    if n > max {
        return Err(vm.type_error(&format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    Ok(rest)
}

/// Arguments that may be given by keyword, bound to `params` in order.
pub fn keyword_args(
    vm: &Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    params: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let npos = args.len() - kwnames.len();
    if npos > params.len() {
        return Err(vm.type_error(&format!(
            "{name}() takes at most {} argument{} ({npos} given)",
            params.len(),
            plural(params.len())
        )));
    }
    let mut bound: Vec<Option<Value>> = params.iter().map(|_| None).collect();
    for (slot, v) in bound.iter_mut().zip(&args[..npos]) {
        *slot = Some(*v);
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let key = str_of(*k).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        match params.iter().position(|p| *p == key) {
            Some(i) if i < npos => {
                return Err(vm.type_error(&format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => bound[i] = Some(*v),
            None => {
                return Err(
                    vm.type_error(&format!("'{key}' is an invalid keyword argument for {name}()"))
                )
            }
        }
    }
    Ok(bound)
}

/// A `Py_ssize_t` argument, as Argument Clinic converts it (a float is
/// refused before `__index__` is asked).
pub fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let i = index_of(vm, v)?;
    i.to_i64().ok_or_else(|| {
        PyErr::overflow_error(&vm.heap, "Python int too large to convert to C ssize_t")
    })
}

/// A slice bound of `find` and friends: None, or anything with `__index__`
/// (clamped, as `_PyEval_SliceIndex` does).
pub fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => match vm.as_index(v)? {
            Some(i) => Ok(Some(i.to_i64_saturating())),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// CPython's `ADJUST_INDICES`.
pub fn adjust_indices(len: i64, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn str_arg_named(vm: &Vm, v: Value) -> PyResult<Gc<StrObj>> {
    str_of(v).ok_or_else(|| vm.type_error(&format!("must be str, not {}", vm.type_name(v))))
}

fn new_str(vm: &Vm, s: String) -> Value {
    vm.heap.new_str_from_string(s)
}

/// Code points in `text[..byte]`.
fn char_count(s: &StrObj, text: &[u8]) -> usize {
    if s.is_ascii() {
        text.len()
    } else {
        wtf8::count_code_points(text)
    }
}

// ---- searching

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Forward,
    Backward,
}

/// The receiver, the sub-string and the window `[start, end)` (when it
/// can hold the sub-string) of a search.
type Search = (Gc<StrObj>, Gc<StrObj>, Option<(i64, i64)>);

/// The sub-string argument and the window `[start, end)` of `find`,
/// `count`, ...; `None` when the window cannot hold the sub-string.
fn search_args(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Search> {
    let s = recv(vm, args, name)?;
    let rest = parse_tuple(vm, args, kwnames, name, 1, 3)?;
    let sub = str_arg_named(vm, rest[0])?;
    let start = slice_bound(vm, rest.get(1))?;
    let end = slice_bound(vm, rest.get(2))?;
    let (start, end) = adjust_indices(s.char_len() as i64, start, end);
    let sublen = sub.char_len() as i64;
    let window = (end - start >= sublen).then_some((start, end));
    Ok((s, sub, window))
}

fn find_in(s: &StrObj, sub: &StrObj, start: i64, end: i64, dir: Direction) -> Option<i64> {
    let hay = s.slice_chars(start as usize, end as usize);
    // Text without surrogates is searched as `&str`, without checking it
    // again.
    let at = match (s.slice_str(start as usize, end as usize), sub.to_str(), dir) {
        (Some(h), Ok(n), Direction::Forward) => h.find(n),
        (Some(h), Ok(n), Direction::Backward) => h.rfind(n),
        (_, _, Direction::Forward) => wtf8::find(hay, sub.as_wtf8()),
        (_, _, Direction::Backward) => wtf8::rfind(hay, sub.as_wtf8()),
    }?;
    Some(start + char_count(s, &hay[..at]) as i64)
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    dir: Direction,
) -> PyResult<i64> {
    let (s, sub, window) = search_args(vm, args, kwnames, name)?;
    Ok(window.and_then(|(start, end)| find_in(&s, &sub, start, end, dir)).unwrap_or(-1))
}

fn find(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let i = find_impl(vm, args, kwnames, "find", Direction::Forward)?;
    Ok(vm.heap.new_int_i64(i))
}

fn rfind(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let i = find_impl(vm, args, kwnames, "rfind", Direction::Backward)?;
    Ok(vm.heap.new_int_i64(i))
}

fn index_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    dir: Direction,
) -> PyResult {
    let i = find_impl(vm, args, kwnames, name, dir)?;
    if i < 0 {
        return Err(vm.value_error("substring not found"));
    }
    Ok(vm.heap.new_int_i64(i))
}

fn index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    index_impl(vm, args, kwnames, "index", Direction::Forward)
}

fn rindex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    index_impl(vm, args, kwnames, "rindex", Direction::Backward)
}

fn count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, sub, window) = search_args(vm, args, kwnames, "count")?;
    let n = match window {
        None => 0,
        Some((start, end)) if sub.char_len() == 0 => end - start + 1,
        Some((start, end)) => match (s.slice_str(start as usize, end as usize), sub.to_str()) {
            // An ASCII byte never occurs inside a longer UTF-8 sequence.
            (Some(h), Ok(n)) if n.len() == 1 => {
                h.bytes().filter(|&b| b == n.as_bytes()[0]).count() as i64
            }
            (Some(h), Ok(n)) => h.matches(n).count() as i64,
            _ => wtf8::count_matches(s.slice_chars(start as usize, end as usize), sub.as_wtf8())
                as i64,
        },
    };
    Ok(vm.heap.new_int_i64(n))
}

fn affix(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, prefix: bool) -> PyResult {
    let s = recv(vm, args, name)?;
    let rest = parse_tuple(vm, args, kwnames, name, 1, 3)?;
    let start = slice_bound(vm, rest.get(1))?;
    let end = slice_bound(vm, rest.get(2))?;
    let (start, end) = adjust_indices(s.char_len() as i64, start, end);
    let candidates: Vec<Value> = match tuple_of(rest[0]) {
        Some(t) => t.items().to_vec(),
        None => vec![rest[0]],
    };
    let is_tuple = tuple_of(rest[0]).is_some();
    for c in candidates {
        let Some(a) = str_of(c) else {
            let msg = if is_tuple {
                format!("tuple for {name} must only contain str, not {}", vm.type_name(c))
            } else {
                format!("{name} first arg must be str or a tuple of str, not {}", vm.type_name(c))
            };
            return Err(vm.type_error(&msg));
        };
        if end - start < a.char_len() as i64 {
            continue;
        }
        let window = s.slice_chars(start as usize, end as usize);
        let hit =
            if prefix { window.starts_with(a.as_wtf8()) } else { window.ends_with(a.as_wtf8()) };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    affix(vm, args, kwnames, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    affix(vm, args, kwnames, "endswith", false)
}

// ---- splitting and joining

fn join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    recv(vm, args, "join")?;
    let iterable = method_one_arg(vm, args, kwnames, "join")?;
    let exact_sequence = (list_of(iterable).is_some() || tuple_of(iterable).is_some())
        && !vm.heap.type_obj(iterable).is_heap_type();
    // The items wait on the value stack, rooted, from `start` on; the
    // stack goes back to `mark` afterwards.
    let (start, mark) = if exact_sequence {
        let start = vm.push_iterable_items(iterable)?;
        (start, start)
    } else {
        let type_error = vm.heap.types().type_error;
        let it = match vm.get_iter(iterable) {
            Ok(it) => it,
            Err(e) if e.matches(&vm.heap, type_error) => {
                return Err(vm.type_error("can only join an iterable"))
            }
            Err(e) => return Err(e),
        };
        let mark = vm.push_temp(it);
        let items = vm.check_length_hint(it).and_then(|()| vm.push_iterable_items(it));
        match items {
            Ok(start) => (start, mark),
            Err(e) => {
                vm.truncate_temps(mark);
                return Err(e);
            }
        }
    };
    let joined = match recv(vm, args, "join") {
        Ok(sep) => vm.heap.new_str_joined(&sep, &vm.stack[start..]).map_err(|i| {
            let message = format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(vm.stack[start + i])
            );
            vm.type_error(&message)
        }),
        Err(e) => Err(e),
    };
    vm.truncate_temps(mark);
    joined
}

/// `sep` and `maxsplit` of `split`/`rsplit` (maxsplit < 0 is no limit).
fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(Gc<StrObj>, Option<Gc<StrObj>>, usize)> {
    let s = recv(vm, args, name)?;
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["sep", "maxsplit"])?;
    let sep = match bound[0] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match str_of(v) {
            Some(sep) if sep.char_len() == 0 => return Err(vm.value_error("empty separator")),
            Some(sep) => Some(sep),
            None => {
                return Err(vm.type_error(&format!("must be str or None, not {}", vm.type_name(v))))
            }
        },
    };
    let maxsplit = match bound[1] {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    Ok((s, sep, limit))
}

/// A list of strs of `parts`, slices of `of`'s bytes.
fn str_list(vm: &Vm, of: &StrObj, parts: &[&[u8]]) -> Value {
    let values: Vec<Value> = parts.iter().map(|p| vm.heap.new_str_part(of, p)).collect();
    vm.heap.new_list(&values)
}

/// The text with each lone surrogate replaced by U+FFFD, which is as long
/// in bytes and has none of the properties str methods test (whitespace,
/// line break, case, digit): scans that split or trim by such properties
/// run on this UTF-8 shadow, and [`real`] maps what they find back.
fn shadow(s: &StrObj) -> Cow<'_, str> {
    match s.to_str() {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(wtf8::to_string_lossy(s.as_wtf8())),
    }
}

/// The bytes of `s` under `part`, a slice of `shadow(s)`.
fn real<'a>(s: &'a StrObj, shadow: &str, part: &str) -> &'a [u8] {
    let start = part.as_ptr() as usize - shadow.as_ptr() as usize;
    &s.as_wtf8()[start..start + part.len()]
}

fn real_parts<'a>(s: &'a StrObj, shadow: &str, parts: &[&str]) -> Vec<&'a [u8]> {
    parts.iter().map(|p| real(s, shadow, p)).collect()
}

fn split_whitespace(text: &str, limit: usize) -> Vec<&str> {
    if text.is_ascii() {
        return split_ascii_whitespace(text, limit);
    }
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(chars::is_whitespace);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        let end = rest.find(chars::is_whitespace).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(chars::is_whitespace);
    }
    out
}

/// [`split_whitespace`] of ASCII text, a byte at a time.
fn split_ascii_whitespace(text: &str, limit: usize) -> Vec<&str> {
    let bytes = text.as_bytes();
    let space = |i: usize| chars::is_whitespace(char::from(bytes[i]));
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && space(i) {
            i += 1;
        }
        if i == bytes.len() {
            return out;
        }
        if out.len() == limit {
            out.push(&text[i..]);
            return out;
        }
        let start = i;
        while i < bytes.len() && !space(i) {
            i += 1;
        }
        out.push(&text[start..i]);
    }
}

fn rsplit_whitespace(text: &str, limit: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_end_matches(chars::is_whitespace);
    while !rest.is_empty() {
        if out.len() == limit {
            out.push(rest);
            break;
        }
        let start = rest
            .rfind(chars::is_whitespace)
            .map_or(0, |b| b + rest[b..].chars().next().map_or(1, char::len_utf8));
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(chars::is_whitespace);
    }
    out.reverse();
    out
}

fn split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, sep, limit) = split_args(vm, args, kwnames, "split")?;
    let parts = match &sep {
        None => {
            let text = shadow(&s);
            real_parts(&s, &text, &split_whitespace(&text, limit))
        }
        Some(sep) => match (s.to_str(), sep.to_str()) {
            // A one-byte separator is searched as a char (memchr), not
            // as a substring.
            (Ok(h), Ok(n)) if n.len() == 1 => h
                .splitn(limit.saturating_add(1), char::from(n.as_bytes()[0]))
                .map(str::as_bytes)
                .collect(),
            (Ok(h), Ok(n)) => h.splitn(limit.saturating_add(1), n).map(str::as_bytes).collect(),
            _ => wtf8::splitn(s.as_wtf8(), sep.as_wtf8(), limit),
        },
    };
    Ok(str_list(vm, &s, &parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, sep, limit) = split_args(vm, args, kwnames, "rsplit")?;
    let parts = match &sep {
        None => {
            let text = shadow(&s);
            real_parts(&s, &text, &rsplit_whitespace(&text, limit))
        }
        Some(sep) => match (s.to_str(), sep.to_str()) {
            (Ok(h), Ok(n)) => {
                let mut p: Vec<&[u8]> =
                    h.rsplitn(limit.saturating_add(1), n).map(str::as_bytes).collect();
                p.reverse();
                p
            }
            _ => wtf8::rsplitn(s.as_wtf8(), sep.as_wtf8(), limit),
        },
    };
    Ok(str_list(vm, &s, &parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "splitlines")?;
    let keepends = keepends_arg(vm, &args[1..], kwnames)?;
    let text = &*shadow(&s);
    let mut parts = Vec::new();
    let mut line_start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if !chars::is_line_break(c) {
            continue;
        }
        let mut eol = b + c.len_utf8();
        if c == '\r' && iter.peek().map(|p| p.1) == Some('\n') {
            iter.next();
            eol += 1;
        }
        parts.push(&text[line_start..if keepends { eol } else { b }]);
        line_start = eol;
    }
    if line_start < text.len() {
        parts.push(&text[line_start..]);
    }
    Ok(str_list(vm, &s, &real_parts(&s, text, &parts)))
}

fn partition_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    dir: Direction,
) -> PyResult {
    let s = recv(vm, args, name)?;
    let sep = str_arg_named(vm, method_one_arg(vm, args, kwnames, name)?)?;
    if sep.char_len() == 0 {
        return Err(vm.value_error("empty separator"));
    }
    let (text, sep_text) = (s.as_wtf8(), sep.as_wtf8());
    let found = match (s.to_str(), sep.to_str(), dir) {
        (Ok(h), Ok(n), Direction::Forward) => h.find(n),
        (Ok(h), Ok(n), Direction::Backward) => h.rfind(n),
        (_, _, Direction::Forward) => wtf8::find(text, sep_text),
        (_, _, Direction::Backward) => wtf8::rfind(text, sep_text),
    };
    let parts: [&[u8]; 3] = match found {
        Some(b) => [&text[..b], sep_text, &text[b + sep_text.len()..]],
        None if dir == Direction::Forward => [text, b"", b""],
        None => [b"", b"", text],
    };
    let items: Vec<Value> =
        parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if p.len() == text.len() && i != 1 {
                    args[0]
                } else {
                    vm.heap.new_str_part(&s, p)
                }
            })
            .collect();
    Ok(vm.heap.new_tuple(&items))
}

fn partition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    partition_impl(vm, args, kwnames, "partition", Direction::Forward)
}

fn rpartition(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    partition_impl(vm, args, kwnames, "rpartition", Direction::Backward)
}

// ---- stripping, replacing, padding

/// `strip` of an ASCII str by ASCII characters (whitespace when `set` is
/// `None`), a byte at a time; `None` when either is not ASCII.
fn strip_ascii(
    vm: &Vm,
    s: &StrObj,
    value: Value,
    set: Option<&StrObj>,
    left: bool,
    right: bool,
) -> Option<Value> {
    if !s.is_ascii() {
        return None;
    }
    let mut mask = 0u128;
    match set {
        Some(cs) if !cs.is_ascii() => return None,
        Some(cs) => cs.as_wtf8().iter().for_each(|&b| mask |= 1 << b),
        None => {
            (0..128u8).filter(|&b| chars::is_whitespace(char::from(b))).for_each(|b| mask |= 1 << b)
        }
    }
    let stripped = |b: &u8| mask & (1 << b) != 0;
    let text = s.as_wtf8();
    let start = if left { text.iter().position(|b| !stripped(b)).unwrap_or(text.len()) } else { 0 };
    let end = if right {
        text.iter().rposition(|b| !stripped(b)).map_or(start, |i| i + 1)
    } else {
        text.len()
    };
    let end = end.max(start);
    if end - start == text.len() && !vm.heap.type_obj(value).is_heap_type() {
        return Some(value);
    }
    Some(vm.heap.new_ascii_str(&text[start..end]))
}

fn strip_impl(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult {
    let s = recv(vm, args, name)?;
    let rest = arg_range(vm, name, &args[1..], kwnames, 0, 1)?;
    let chars_arg = match rest.first() {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => match str_of(v) {
            Some(cs) => Some(cs),
            None => return Err(vm.type_error(&format!("{name} arg must be None or str"))),
        },
    };
    if let Some(done) = strip_ascii(vm, &s, args[0], chars_arg.as_deref(), left, right) {
        return Ok(done);
    }
    let set: Option<Vec<u32>> = chars_arg.map(|cs| cs.code_points().collect());
    let matches = |cp: u32| match &set {
        Some(cs) => cs.contains(&cp),
        None => char::from_u32(cp).is_some_and(chars::is_whitespace),
    };
    if let Ok(text) = s.to_str() {
        let mut t = text;
        if left {
            t = t.trim_start_matches(|c: char| matches(c as u32));
        }
        if right {
            t = t.trim_end_matches(|c: char| matches(c as u32));
        }
        if t.len() == text.len() && !vm.heap.type_obj(args[0]).is_heap_type() {
            return Ok(args[0]);
        }
        return Ok(vm.heap.new_str(t));
    }
    let text = s.as_wtf8();
    let starts: Vec<usize> = wtf8::char_starts(text).collect();
    let cps: Vec<u32> = s.code_points().collect();
    let mut from = 0;
    let mut to = cps.len();
    if left {
        while from < to && matches(cps[from]) {
            from += 1;
        }
    }
    if right {
        while to > from && matches(cps[to - 1]) {
            to -= 1;
        }
    }
    if to - from == cps.len() && !vm.heap.type_obj(args[0]).is_heap_type() {
        return Ok(args[0]);
    }
    let byte = |i: usize| starts.get(i).copied().unwrap_or(text.len());
    Ok(vm.heap.new_str_wtf8(&text[byte(from)..byte(to)]))
}

fn strip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    strip_impl(vm, args, kwnames, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "replace")?;
    let rest = arg_range(vm, "replace", &args[1..], kwnames, 2, 3)?;
    let mut strs = Vec::new();
    for (i, v) in rest[..2].iter().enumerate() {
        match str_of(*v) {
            Some(x) => strs.push(x),
            None => {
                return Err(vm.type_error(&format!(
                    "replace() argument {} must be str, not {}",
                    i + 1,
                    bad_argument_name(vm, *v)
                )))
            }
        }
    }
    let count = match rest.get(2) {
        Some(&v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let limit = if count < 0 { usize::MAX } else { count as usize };
    if let (Ok(h), Ok(old), Ok(new)) = (s.to_str(), strs[0].to_str(), strs[1].to_str()) {
        let exact = !vm.heap.type_obj(args[0]).is_heap_type();
        if exact && (limit == 0 || (!old.is_empty() && !h.contains(old))) {
            // Nothing to replace: CPython returns the str itself.
            return Ok(args[0]);
        }
        let out = h.replacen(old, new, limit);
        if s.is_ascii() && strs[1].is_ascii() {
            return Ok(vm.heap.new_ascii_str(out.as_bytes()));
        }
        return Ok(new_str(vm, out));
    }
    let out = wtf8::replacen(s.as_wtf8(), strs[0].as_wtf8(), strs[1].as_wtf8(), limit);
    Ok(vm.heap.new_str_wtf8(&out))
}

/// `width` and the fill character of `center`, `ljust`, `rjust`.
fn pad_args(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(Gc<StrObj>, usize, u32)> {
    let s = recv(vm, args, name)?;
    let rest = arg_range(vm, name, &args[1..], kwnames, 1, 2)?;
    let width = ssize_arg(vm, rest[0])?.max(0) as usize;
    let fill = match rest.get(1) {
        None => ' ' as u32,
        Some(&v) => match str_of(v) {
            Some(f) if f.char_len() == 1 => f.code_point_at(0).unwrap_or(' ' as u32),
            Some(_) => {
                return Err(vm.type_error("The fill character must be exactly one character long"))
            }
            None => {
                return Err(vm.type_error(&format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((s, width, fill))
}

fn padded(vm: &Vm, recv: Value, s: &StrObj, left: usize, right: usize, fill: u32) -> Value {
    if left == 0 && right == 0 && !vm.heap.type_obj(recv).is_heap_type() {
        return recv;
    }
    let (buf, n) = wtf8::encode(fill);
    let fill = &buf[..n];
    let mut out = Vec::with_capacity(s.as_wtf8().len() + (left + right) * fill.len());
    out.extend(fill.repeat(left));
    out.extend_from_slice(s.as_wtf8());
    out.extend(fill.repeat(right));
    vm.heap.new_str_wtf8(&out)
}

fn center(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, width, fill) = pad_args(vm, args, kwnames, "center")?;
    let marg = width.saturating_sub(s.char_len());
    let left = marg / 2 + (marg & width & 1);
    Ok(padded(vm, args[0], &s, left, marg - left, fill))
}

fn ljust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, width, fill) = pad_args(vm, args, kwnames, "ljust")?;
    Ok(padded(vm, args[0], &s, 0, width.saturating_sub(s.char_len()), fill))
}

fn rjust(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (s, width, fill) = pad_args(vm, args, kwnames, "rjust")?;
    Ok(padded(vm, args[0], &s, width.saturating_sub(s.char_len()), 0, fill))
}

fn zfill(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "zfill")?;
    let width = ssize_arg(vm, method_one_arg(vm, args, kwnames, "zfill")?)?.max(0) as usize;
    let fill = width.saturating_sub(s.char_len());
    if fill == 0 {
        return Ok(padded(vm, args[0], &s, 0, 0, '0' as u32));
    }
    let text = s.as_wtf8();
    let (sign, digits) = match text.first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => (&[][..], text),
    };
    let mut out = Vec::with_capacity(text.len() + fill);
    out.extend_from_slice(sign);
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(digits);
    Ok(vm.heap.new_str_wtf8(&out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "expandtabs")?;
    let tabsize = tabsize_arg(vm, &args[1..], kwnames)?;
    let mut out = Vec::with_capacity(s.as_wtf8().len());
    expand_tabs(s.code_points(), tabsize, |c| wtf8::push_code_point(&mut out, c));
    Ok(vm.heap.new_str_wtf8(&out))
}

/// The `keepends` argument of `str.splitlines` and `bytes.splitlines`: an
/// int, taken as a truth value.
pub(super) fn keepends_arg(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<bool> {
    let bound = keyword_args(vm, args, kwnames, "splitlines", &["keepends"])?;
    match bound[0] {
        None => Ok(false),
        Some(v) if v.is_float() => Err(vm.type_error("integer argument expected, got float")),
        Some(v) => match vm.as_int(v) {
            Some(n) => Ok(n != crate::number::Int::Small(0)),
            None => Err(crate::builtins::int_required(vm, v)),
        },
    }
}

/// How CPython's argument parsers name a value of the wrong type: its
/// type's name, or `None` for None.
pub fn bad_argument_name(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// The `tabsize` argument of `str.expandtabs` and `bytes.expandtabs`.
pub(super) fn tabsize_arg(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<i64> {
    let bound = keyword_args(vm, args, kwnames, "expandtabs", &["tabsize"])?;
    match bound[0] {
        None => Ok(8),
        Some(v) => c_int_arg(vm, v),
    }
}

/// A C `int` argument as Argument Clinic converts it.
pub(super) fn c_int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    match vm.as_index(v)? {
        Some(i) => i.to_i64().filter(|i| i32::try_from(*i).is_ok()).ok_or_else(|| {
            PyErr::overflow_error(&vm.heap, "Python int too large to convert to C int")
        }),
        None => Err(crate::builtins::int_required(vm, v)),
    }
}

/// Tabs replaced by spaces up to the next multiple of `tabsize` columns;
/// `\n` and `\r` start a new line.
pub(super) fn expand_tabs(
    units: impl Iterator<Item = u32>,
    tabsize: i64,
    mut push: impl FnMut(u32),
) {
    let mut column = 0i64;
    for c in units {
        if c == '\t' as u32 {
            if tabsize > 0 {
                let n = tabsize - column % tabsize;
                (0..n).for_each(|_| push(' ' as u32));
                column += n;
            }
            continue;
        }
        push(c);
        column = if c == '\n' as u32 || c == '\r' as u32 { 0 } else { column + 1 };
    }
}

// ---- case

fn map_chars(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    f: fn(&mut String, &[char], usize, bool) -> bool,
) -> PyResult {
    let s = no_args(vm, args, kwnames, name)?;
    let cs: Vec<char> = shadow(&s).chars().collect();
    let mut state = false;
    if !s.has_surrogates() {
        let mut out = String::with_capacity(s.as_wtf8().len());
        for i in 0..cs.len() {
            state = f(&mut out, &cs, i, state);
        }
        return Ok(new_str(vm, out));
    }
    // Lone surrogates are uncased, as their U+FFFD stand-ins in the
    // shadow are: the mapping runs on the shadow and they pass through.
    let mut out = Vec::with_capacity(s.as_wtf8().len());
    let mut piece = String::new();
    for (i, cp) in s.code_points().enumerate() {
        piece.clear();
        state = f(&mut piece, &cs, i, state);
        if wtf8::is_surrogate(cp) {
            wtf8::push_code_point(&mut out, cp);
        } else {
            out.extend_from_slice(piece.as_bytes());
        }
    }
    Ok(vm.heap.new_str_wtf8(&out))
}

/// `upper`/`lower` of an exact ASCII str, a byte at a time.
fn ascii_case(vm: &mut Vm, args: &[Value], kwnames: &[Value], upper: bool) -> Option<Value> {
    let s = str_of(*args.first()?).filter(|s| s.is_ascii())?;
    if !kwnames.is_empty() || args.len() != 1 || vm.heap.type_obj(args[0]).is_heap_type() {
        return None;
    }
    let mut bytes = s.as_wtf8().to_vec();
    if upper {
        bytes.make_ascii_uppercase();
    } else {
        bytes.make_ascii_lowercase();
    }
    Some(vm.heap.new_ascii_str(&bytes))
}

fn upper(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if let Some(done) = ascii_case(vm, args, kwnames, true) {
        return Ok(done);
    }
    map_chars(vm, args, kwnames, "upper", |out, cs, i, _| {
        chars::push_upper(out, cs[i]);
        false
    })
}

fn lower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if let Some(done) = ascii_case(vm, args, kwnames, false) {
        return Ok(done);
    }
    map_chars(vm, args, kwnames, "lower", |out, cs, i, _| {
        chars::push_lower_at(out, cs, i);
        false
    })
}

fn casefold(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_chars(vm, args, kwnames, "casefold", |out, cs, i, _| {
        chars::push_casefold(out, cs[i]);
        false
    })
}

fn swapcase(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_chars(vm, args, kwnames, "swapcase", |out, cs, i, _| {
        let c = cs[i];
        if chars::is_upper(c) {
            chars::push_lower_at(out, cs, i);
        } else if chars::is_lower(c) {
            chars::push_upper(out, c);
        } else {
            out.push(c);
        }
        false
    })
}

/// `title`: the state is whether the previous character was cased.
fn title(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_chars(vm, args, kwnames, "title", |out, cs, i, previous_cased| {
        if previous_cased {
            chars::push_lower_at(out, cs, i);
        } else {
            chars::push_title(out, cs[i]);
        }
        chars::is_cased(cs[i])
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    map_chars(vm, args, kwnames, "capitalize", |out, cs, i, _| {
        if i == 0 {
            chars::push_title(out, cs[0]);
        } else {
            chars::push_lower_at(out, cs, i);
        }
        false
    })
}

// ---- predicates

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    test: fn(&str) -> bool,
) -> PyResult {
    let s = no_args(vm, args, kwnames, name)?;
    // The shadow's U+FFFD answers as a lone surrogate does for every test
    // but printability (a surrogate is unprintable).
    if name == "isprintable" && s.has_surrogates() {
        return Ok(Value::FALSE);
    }
    Ok(Value::from_bool(test(&shadow(&s))))
}

fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `str.isX()` methods true when the string is not empty and every
/// character is in the class.
macro_rules! char_class_predicates {
    ($($name:ident => $class:path,)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                predicate(vm, args, kwnames, stringify!($name), |s| all_chars(s, $class))
            }
        )*
    };
}

char_class_predicates! {
    isalpha => chars::is_alpha,
    isalnum => chars::is_alnum,
    isdecimal => chars::is_decimal,
    isdigit => chars::is_digit,
    isnumeric => chars::is_numeric,
    isspace => chars::is_whitespace,
}

fn isascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isascii", |s| s.is_ascii())
}

fn isprintable(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isprintable", |s| s.chars().all(chars::is_printable))
}

fn isidentifier(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isidentifier", |s| {
        let mut it = s.chars();
        it.next().is_some_and(crate::unicode::is_identifier_start)
            && it.all(crate::unicode::is_identifier_continue)
    })
}

/// `islower`/`isupper`: some character of the case, none of the others.
fn is_one_case(s: &str, of_case: fn(char) -> bool, other: fn(char) -> bool) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if other(c) || chars::is_title(c) {
            return false;
        }
        cased |= of_case(c);
    }
    cased
}

fn islower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "islower", |s| is_one_case(s, chars::is_lower, chars::is_upper))
}

fn isupper(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "isupper", |s| is_one_case(s, chars::is_upper, chars::is_lower))
}

fn istitle(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    predicate(vm, args, kwnames, "istitle", |s| {
        let (mut cased, mut previous_cased) = (false, false);
        for c in s.chars() {
            if chars::is_upper(c) || chars::is_title(c) {
                if previous_cased {
                    return false;
                }
                previous_cased = true;
                cased = true;
            } else if chars::is_lower(c) {
                if !previous_cased {
                    return false;
                }
                previous_cased = true;
                cased = true;
            } else {
                previous_cased = false;
            }
        }
        cased
    })
}

// ---- encoding and translation

/// An optional str argument of `encode`/`decode`.
pub fn text_param(
    vm: &Vm,
    name: &str,
    param: &str,
    v: Option<Value>,
    default: &'static str,
) -> PyResult<std::borrow::Cow<'static, str>> {
    match v {
        None => Ok(std::borrow::Cow::Borrowed(default)),
        Some(v) => str_of(v).map(|s| s.to_string_lossy().into_owned().into()).ok_or_else(|| {
            vm.type_error(&format!(
                "{name}() argument '{param}' must be str, not {}",
                bad_argument_name(vm, v)
            ))
        }),
    }
}

fn encode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "encode")?;
    let bound = keyword_args(vm, &args[1..], kwnames, "encode", &["encoding", "errors"])?;
    let encoding = text_param(vm, "encode", "encoding", bound[0], "utf-8")?;
    let errors = text_param(vm, "encode", "errors", bound[1], "strict")?;
    let Some(codec) = codecs::Codec::lookup(&encoding) else {
        return codecs::through_registry(vm, args[0], &encoding, &errors, true);
    };
    let data = codecs::encode_str(vm, &s, codec, &errors)?;
    Ok(vm.heap.new_bytes(&data))
}

fn maketrans(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "maketrans", args, kwnames, 1, 3)?;
    let table = vm.heap.new_dict();
    let mark = vm.push_temp(table);
    let result = fill_maketrans(vm, table, args);
    vm.truncate_temps(mark);
    result.map(|_| table)
}

fn fill_maketrans(vm: &mut Vm, table: Value, args: &[Value]) -> PyResult<()> {
    if args.len() == 1 {
        let Some(d) = crate::object::dict::dict_of(args[0]) else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<(Value, Value)> =
            d.table.borrow().iter().map(|(_, k, v)| (*k, *v)).collect();
        for (k, v) in entries {
            let key = match str_of(k) {
                Some(s) if s.char_len() == 1 => {
                    vm.heap.new_int_i64(s.code_point_at(0).unwrap_or(0) as i64)
                }
                Some(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1"))
                }
                None if vm.as_int(k).is_some() => k,
                None => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            vm.dict_set_item(table, key, v)?;
        }
        return Ok(());
    }
    // The argument parser checks `y` (typed str); `x` is checked after.
    let Some(y) = str_of(args[1]) else {
        return Err(vm.type_error(&format!(
            "maketrans() argument 2 must be str, not {}",
            bad_argument_name(vm, args[1])
        )));
    };
    let Some(x) = str_of(args[0]) else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.code_points().zip(y.code_points()) {
        let (k, v) = (vm.heap.new_int_i64(a as i64), vm.heap.new_int_i64(b as i64));
        vm.dict_set_item(table, k, v)?;
    }
    if let Some(&z) = args.get(2) {
        let Some(z) = str_of(z) else {
            return Err(vm.type_error(&format!(
                "maketrans() argument 3 must be str, not {}",
                bad_argument_name(vm, z)
            )));
        };
        for c in z.code_points() {
            let k = vm.heap.new_int_i64(c as i64);
            vm.dict_set_item(table, k, Value::NONE)?;
        }
    }
    Ok(())
}

fn translate(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = recv(vm, args, "translate")?;
    let table = method_one_arg(vm, args, kwnames, "translate")?;
    let lookup_error = vm.heap.types().lookup_error;
    let mut out = Vec::with_capacity(s.as_wtf8().len());
    for c in s.code_points().collect::<Vec<_>>() {
        let key = vm.heap.new_int_i64(c as i64);
        let mapped = match vm.get_item(table, key) {
            Ok(v) => v,
            Err(e) if e.matches(&vm.heap, lookup_error) => {
                wtf8::push_code_point(&mut out, c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.is_none() {
            continue;
        }
        if let Some(m) = str_of(mapped) {
            out.extend_from_slice(m.as_wtf8());
        } else if let Some(i) = vm.as_int(mapped) {
            match i.to_i64().and_then(|i| u32::try_from(i).ok()).filter(|&i| i < 0x11_0000) {
                Some(cp) => wtf8::push_code_point(&mut out, cp),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(vm.heap.new_str_wtf8(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjust_indices_like_cpython() {
        assert_eq!(adjust_indices(5, None, None), (0, 5));
        assert_eq!(adjust_indices(5, Some(-2), Some(100)), (3, 5));
        assert_eq!(adjust_indices(5, Some(-10), Some(-10)), (0, 0));
        assert_eq!(adjust_indices(5, Some(7), None), (7, 5));
    }

    #[test]
    fn whitespace_splits() {
        assert_eq!(split_whitespace("  a b  c ", 1), vec!["a", "b  c "]);
        assert_eq!(split_whitespace("\x1c a\tb\x0bc  ", usize::MAX), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("a é b", usize::MAX), vec!["a", "é", "b"]);
        assert_eq!(split_whitespace(" a b ", 0), vec!["a b "]);
        assert!(split_whitespace("   ", 3).is_empty());
        assert_eq!(rsplit_whitespace("  a b  c ", 1), vec!["  a b", "c"]);
        assert_eq!(rsplit_whitespace(" é\u{3000}b", usize::MAX), vec!["é", "b"]);
    }
}
