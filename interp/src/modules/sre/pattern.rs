//! `re.Pattern` methods: match, fullmatch, search, findall, finditer,
//! scanner, split, sub, subn, and the attributes and dunders.

use super::engine::{IllegalCode, State};
use super::object::{pattern_data, PatternData, PatternKind, ScannerData, SreObj};
use super::subject::Subject;
use super::template;
use crate::builtins::str_methods::keyword_args;
use crate::object::str::str_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// RuntimeError for code the matcher does not understand.
pub fn engine_error(vm: &Vm, _: IllegalCode) -> PyErr {
    PyErr::runtime_error(&vm.heap, "internal error in regular expression engine")
}

/// A `Py_ssize_t` argument (`pos`, `endpos`, `count`, `maxsplit`).
fn ssize(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => crate::builtins::str_methods::ssize_arg(vm, v),
    }
}

fn required(vm: &Vm, v: Option<Value>, fname: &str, name: &str, pos: usize) -> PyResult<Value> {
    v.ok_or_else(|| {
        vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {pos})"))
    })
}

/// The subject and the state for `string[pos:endpos]`, after CPython's
/// type checks and clamping.
pub fn prepare(
    vm: &mut Vm,
    p: &PatternData,
    string: Value,
    pos: i64,
    endpos: i64,
) -> PyResult<(Subject, bool, State)> {
    let (subject, is_bytes) = Subject::of(vm, string)?;
    if p.kind == PatternKind::Str && is_bytes {
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if p.kind == PatternKind::Bytes && !is_bytes {
        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
    }
    let len = subject.char_len() as i64;
    let start = pos.clamp(0, len) as usize;
    let end = endpos.clamp(0, len) as usize;
    let mut st = State::new(start, end);
    st.clear_marks(p.groups);
    Ok((subject, is_bytes, st))
}

/// A match object for the state after a successful match.
pub fn new_match(
    vm: &Vm,
    pattern: Value,
    p: &PatternData,
    string: Value,
    st: &State,
    pos: usize,
    endpos: usize,
) -> Value {
    let mut regs = vec![-1isize; 2 * (p.groups + 1)];
    regs[0] = st.start as isize;
    regs[1] = st.ptr as isize;
    for g in 1..=p.groups {
        if let Some((a, b)) = st.group_span(g) {
            regs[2 * g] = a as isize;
            regs[2 * g + 1] = b as isize;
        }
    }
    let data =
        super::object::MatchData { pattern, string, regs, pos, endpos, lastindex: st.lastindex };
    vm.heap.alloc(p.match_type, SreObj::Match(data)).value()
}

/// `(string, pos, endpos)` of match, search, findall, ...
fn string_pos_endpos(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
) -> PyResult<(Value, i64, i64)> {
    if kwnames.is_empty() && args.len() == 2 {
        return Ok((args[1], 0, i64::MAX));
    }
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["string", "pos", "endpos"])?;
    let string = required(vm, bound[0], name, "string", 1)?;
    let pos = ssize(vm, bound[1], 0)?;
    let endpos = ssize(vm, bound[2], i64::MAX)?;
    Ok((string, pos, endpos))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn match_mode(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, mode: Mode) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(vm, args, kwnames, name)?;
    let obj = Gc::<SreObj>::from_value(args[0]);
    let p = pattern_data(vm, &obj, args[0])?;
    let (subject, _, mut st) = prepare(vm, p, string, pos, endpos)?;
    let (pos, endpos) = (st.start, st.end);
    st.match_all = mode == Mode::FullMatch;
    let found = match mode {
        Mode::Search => subject.search(&mut st, &p.code, p.start.as_ref()),
        _ => subject.match_at(&mut st, &p.code),
    }
    .map_err(|e| engine_error(vm, e))?;
    Ok(if found { new_match(vm, args[0], p, string, &st, pos, endpos) } else { Value::NONE })
}

pub fn match_(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    match_mode(vm, args, kwnames, "match", Mode::Match)
}

pub fn fullmatch(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    match_mode(vm, args, kwnames, "fullmatch", Mode::FullMatch)
}

pub fn search(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    match_mode(vm, args, kwnames, "search", Mode::Search)
}

/// Group `g`'s text for findall/split: `None` (or empty) when unset.
fn group_slice(
    vm: &Vm,
    subject: &Subject,
    is_bytes: bool,
    st: &State,
    g: usize,
    empty: bool,
) -> Value {
    match st.group_span(g) {
        Some((a, b)) => subject.slice(vm, is_bytes, a, b),
        None if empty => subject.slice(vm, is_bytes, 0, 0),
        None => Value::NONE,
    }
}

pub fn findall(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(vm, args, kwnames, "findall")?;
    let obj = Gc::<SreObj>::from_value(args[0]);
    let p = pattern_data(vm, &obj, args[0])?;
    let (subject, is_bytes, mut st) = prepare(vm, p, string, pos, endpos)?;
    let list = vm.heap.new_list(&[]);
    let mark = vm.push_temp(list);
    while st.start <= st.end {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code, p.start.as_ref()).map_err(|e| engine_error(vm, e))? {
            break;
        }
        let item = match p.groups {
            0 => subject.slice(vm, is_bytes, st.start, st.ptr),
            1 => group_slice(vm, &subject, is_bytes, &st, 1, true),
            n => {
                let items: Vec<Value> =
                    (1..=n).map(|g| group_slice(vm, &subject, is_bytes, &st, g, true)).collect();
                vm.heap.new_tuple(&items)
            }
        };
        vm.list_append(list, item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    vm.truncate_temps(mark);
    Ok(list)
}

fn new_scanner(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult {
    let (string, pos, endpos) = string_pos_endpos(vm, args, kwnames, name)?;
    let obj = Gc::<SreObj>::from_value(args[0]);
    let p = pattern_data(vm, &obj, args[0])?;
    let (subject, is_bytes, st) = prepare(vm, p, string, pos, endpos)?;
    let data = ScannerData {
        pattern: args[0],
        string,
        subject,
        is_bytes,
        next_start: Cell::new(Some(st.start)),
        must_advance: Cell::new(false),
        pos: st.start,
        endpos: st.end,
    };
    Ok(vm.heap.alloc(p.scanner_type, SreObj::Scanner(data)).value())
}

pub fn scanner(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    new_scanner(vm, args, kwnames, "scanner")
}

/// `finditer`: `iter(scanner.search, None)`.
pub fn finditer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let scanner = new_scanner(vm, args, kwnames, "finditer")?;
    let mark = vm.push_temp(scanner);
    let name = vm.heap.intern("search");
    let result = vm.get_attr(scanner, name).and_then(|search| {
        vm.push_temp(search);
        crate::builtins::iterators::callable_iterator(vm, search, Value::NONE)
    });
    vm.truncate_temps(mark);
    result
}

pub fn split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = keyword_args(vm, &args[1..], kwnames, "split", &["string", "maxsplit"])?;
    let string = required(vm, bound[0], "split", "string", 1)?;
    let maxsplit = ssize(vm, bound[1], 0)?;
    let obj = Gc::<SreObj>::from_value(args[0]);
    let p = pattern_data(vm, &obj, args[0])?;
    let (subject, is_bytes, mut st) = prepare(vm, p, string, 0, i64::MAX)?;
    let list = vm.heap.new_list(&[]);
    let mark = vm.push_temp(list);
    let mut n = 0;
    let mut last = st.start;
    while maxsplit == 0 || n < maxsplit {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code, p.start.as_ref()).map_err(|e| engine_error(vm, e))? {
            break;
        }
        let item = subject.slice(vm, is_bytes, last, st.start);
        vm.list_append(list, item);
        for g in 1..=p.groups {
            let item = group_slice(vm, &subject, is_bytes, &st, g, false);
            vm.list_append(list, item);
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        last = st.ptr;
        st.start = st.ptr;
    }
    let item = subject.slice(vm, is_bytes, last, st.end);
    vm.list_append(list, item);
    vm.truncate_temps(mark);
    Ok(list)
}

/// What replaces each match in `sub`.
enum Filter {
    Literal(Vec<u8>),
    Template(template::Template),
    Callable(Value),
}

/// The text of a replacement `v` for a subject of the given kind, or
/// the TypeError `str.join`/`bytes.join` give for item `index`.
pub fn replacement_bytes(vm: &Vm, v: Value, is_bytes: bool, index: usize) -> PyResult<Vec<u8>> {
    if is_bytes {
        crate::builtins::bytes_methods::bytes_like(v).ok_or_else(|| {
            vm.type_error(&format!(
                "sequence item {index}: expected a bytes-like object, {} found",
                vm.type_name(v)
            ))
        })
    } else {
        match str_of(v) {
            Some(s) => Ok(s.as_utf8(&vm.heap)?.as_bytes().to_vec()),
            None => Err(vm.type_error(&format!(
                "sequence item {index}: expected str instance, {} found",
                vm.type_name(v)
            ))),
        }
    }
}

fn subx(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, with_count: bool) -> PyResult {
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["repl", "string", "count"])?;
    let repl = required(vm, bound[0], name, "repl", 1)?;
    let string = required(vm, bound[1], name, "string", 2)?;
    let count = ssize(vm, bound[2], 0)?;
    let this = args[0];
    let obj = Gc::<SreObj>::from_value(this);
    let p = pattern_data(vm, &obj, this)?;
    let filter = if crate::builtins::functions::is_callable(vm, repl) {
        Filter::Callable(repl)
    } else {
        let literal = if let Some(s) = str_of(repl) {
            (!s.as_wtf8().contains(&b'\\')).then(|| s.as_wtf8().to_vec())
        } else {
            crate::builtins::bytes_methods::bytes_like(repl).filter(|b| !b.contains(&b'\\'))
        };
        match literal {
            Some(text) => Filter::Literal(text),
            None => Filter::Template(template::compile(vm, this, repl)?),
        }
    };
    let (subject, is_bytes, mut st) = prepare(vm, p, string, 0, i64::MAX)?;
    let mut out: Vec<u8> = Vec::new();
    let mut items = 0usize;
    let mut n: i64 = 0;
    let mut i = 0usize;
    while count == 0 || n < count {
        st.reset();
        st.ptr = st.start;
        if !subject.search(&mut st, &p.code, p.start.as_ref()).map_err(|e| engine_error(vm, e))? {
            break;
        }
        let (b, e) = (st.start, st.ptr);
        if i < b {
            subject.push_slice(&mut out, i, b);
            items += 1;
        }
        match &filter {
            Filter::Literal(text) => {
                if str_of(repl).is_some() == is_bytes {
                    // A str replacement into bytes (or the reverse) fails
                    // as CPython's join does.
                    replacement_bytes(vm, repl, is_bytes, items)?;
                }
                out.extend_from_slice(text);
                items += 1;
            }
            Filter::Template(t) => {
                t.expand(
                    &mut out,
                    &subject,
                    |g| if g == 0 { Some((b, e)) } else { st.group_span(g) },
                );
                items += 1;
            }
            Filter::Callable(f) => {
                let m = new_match(vm, this, p, string, &st, 0, st.end);
                let mark = vm.push_temp(m);
                let r = vm.call(*f, &[m]);
                vm.truncate_temps(mark);
                let r = r?;
                if !r.is_none() {
                    out.extend_from_slice(&replacement_bytes(vm, r, is_bytes, items)?);
                    items += 1;
                }
            }
        }
        i = e;
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if i < st.end {
        subject.push_slice(&mut out, i, st.end);
    }
    let result = if is_bytes { vm.heap.new_bytes(&out) } else { vm.heap.new_str_wtf8(&out) };
    if !with_count {
        return Ok(result);
    }
    let mark = vm.push_temp(result);
    let n = vm.heap.new_int_i64(n);
    let t = vm.heap.new_tuple(&[result, n]);
    vm.truncate_temps(mark);
    Ok(t)
}

pub fn sub(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    subx(vm, args, kwnames, "sub", false)
}

pub fn subn(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    subx(vm, args, kwnames, "subn", true)
}

// ---- attributes and dunders

fn with_pattern<R>(vm: &Vm, this: Value, f: impl FnOnce(&PatternData) -> R) -> PyResult<R> {
    let obj = Gc::<SreObj>::from_value(this);
    Ok(f(pattern_data(vm, &obj, this)?))
}

pub fn get_pattern(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    with_pattern(vm, args[0], |p| p.pattern)
}

pub fn get_flags(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let flags = with_pattern(vm, args[0], |p| p.flags)?;
    Ok(vm.heap.new_int_i64(flags))
}

pub fn get_groups(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let groups = with_pattern(vm, args[0], |p| p.groups)?;
    Ok(vm.heap.new_int_i64(groups as i64))
}

/// `groupindex`: a copy of the name-to-number dict (CPython gives a
/// read-only mappingproxy; tachyon has no mappingproxy type yet).
pub fn get_groupindex(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let gi = with_pattern(vm, args[0], |p| p.groupindex)?;
    let copy = vm.heap.new_dict();
    let mark = vm.push_temp(copy);
    let items = if gi.is_none() { Vec::new() } else { vm.dict_items(gi) };
    let result = items.into_iter().try_for_each(|(k, v)| vm.dict_set_item(copy, k, v));
    vm.truncate_temps(mark);
    result.map(|_| copy)
}

/// `re.compile('...', re.IGNORECASE)`.
pub fn repr(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let (pattern, mut flags, kind) = with_pattern(vm, args[0], |p| (p.pattern, p.flags, p.kind))?;
    let mut text: String = vm.repr_of_value(pattern)?.chars().take(200).collect();
    use super::constants::{FLAG_ASCII, FLAG_LOCALE, FLAG_NAMES, FLAG_UNICODE};
    if kind == PatternKind::Str && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    if flags != 0 {
        let mut names: Vec<String> = Vec::new();
        for (name, bit) in FLAG_NAMES {
            if flags & bit != 0 {
                names.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("0x{flags:x}"));
        }
        text = format!("{text}, {}", names.join("|"));
    }
    Ok(vm.heap.new_str_from_string(format!("re.compile({text})")))
}

/// `==` of patterns: same flags, kind, code and pattern string.
pub fn eq(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let (a, b) = (args[0], args.get(1).copied().unwrap_or(Value::NONE));
    let (oa, ob) = (Gc::<SreObj>::from_value(a), Gc::<SreObj>::from_value(b));
    let (Some(pa), Some(pb)) =
        (oa.as_deref().and_then(SreObj::pattern), ob.as_deref().and_then(SreObj::pattern))
    else {
        return Ok(vm.heap.singletons().not_implemented);
    };
    if a == b {
        return Ok(Value::TRUE);
    }
    if pa.flags != pb.flags || pa.kind != pb.kind || pa.code != pb.code {
        return Ok(Value::FALSE);
    }
    let (x, y) = (pa.pattern, pb.pattern);
    let same = vm.keys_equal(x, y)?;
    Ok(Value::from_bool(same))
}

pub fn hash(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let (pattern, flags, code) =
        with_pattern(vm, args[0], |p| (p.pattern, p.flags, p.code.clone()))?;
    let mut h = vm.hash_value(pattern)?;
    let mut code_hash: i64 = 0x345678;
    for w in code.iter() {
        code_hash = code_hash.wrapping_mul(1_000_003) ^ i64::from(*w);
    }
    h ^= code_hash.wrapping_add(flags);
    Ok(vm.heap.new_int_i64(if h == -1 { -2 } else { h }))
}

/// `__copy__` and `__deepcopy__` of patterns and matches: themselves.
pub fn copy_self(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::arg_range(vm, "__deepcopy__", &args[1..], kwnames, 0, 1)?;
    Ok(args[0])
}
