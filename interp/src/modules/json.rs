//! `_json`: the fast paths under CPython's `json` package (Modules/_json.c
//! of CPython 3.8): `scanstring`, the scanner `make_scanner` returns, the
//! one-shot encoder `make_encoder` returns and the two string escapers.
//!
//! `json.decoder` and `json.encoder` pick these up when they import, so
//! `json.loads` and `json.dumps` (without `indent`) run here; the messages
//! and the positions in them are those of the C module.

use super::module_set;
use super::support::{exec_in_module, module_attr, new_class, receiver_state, set_state};
use crate::builtins::{add_new, split_kwargs};
use crate::number::float_repr::float_repr;
use crate::object::boxes::float_value;
use crate::object::dict::dict_of;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::unicode::wtf8;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::io::Write;

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_json", |vm, module| {
        super::add_functions(
            vm,
            module,
            &[
                ("scanstring", scanstring),
                ("encode_basestring_ascii", encode_basestring_ascii),
                ("encode_basestring", encode_basestring),
            ],
        )?;
        let scanner_methods: &[(&'static str, NativeFn)] = &[("__call__", scanner_call)];
        let scanner = new_class(vm, module, "_json", "Scanner", scanner_methods)?;
        add_new(vm, scanner, scanner_new);
        module_set(vm, module, "make_scanner", scanner)?;
        let encoder_methods: &[(&'static str, NativeFn)] = &[("__call__", encoder_call)];
        let encoder = new_class(vm, module, "_json", "Encoder", encoder_methods)?;
        add_new(vm, encoder, encoder_new);
        module_set(vm, module, "make_encoder", encoder)?;
        let doc = vm.heap.new_str("json speedups\n");
        module_set(vm, module, "__doc__", doc)?;
        // The classes are reached through their factory names only.
        exec_in_module(vm, module, "del Scanner, Encoder\n")
    })
}

// ---- text as code points

/// A str's code points, indexed as Python indexes them: the bytes of an
/// ASCII str as they are, other text (WTF-8, lone surrogates and all)
/// decoded once.
enum Text<'a> {
    Ascii(&'a [u8]),
    CodePoints(Vec<u32>),
}

impl<'a> Text<'a> {
    fn of(s: &'a [u8]) -> Text<'a> {
        if s.is_ascii() {
            Text::Ascii(s)
        } else {
            Text::CodePoints(wtf8::code_points(s).collect())
        }
    }

    fn len(&self) -> usize {
        match self {
            Text::Ascii(b) => b.len(),
            Text::CodePoints(c) => c.len(),
        }
    }

    /// The character at `i`; U+FFFD for a lone surrogate, which only a
    /// string's contents may hold (see [`Text::code_point`]).
    #[inline]
    fn at(&self, i: usize) -> char {
        match self {
            Text::Ascii(b) => b[i] as char,
            Text::CodePoints(c) => char::from_u32(c[i]).unwrap_or(char::REPLACEMENT_CHARACTER),
        }
    }

    #[inline]
    fn code_point(&self, i: usize) -> u32 {
        match self {
            Text::Ascii(b) => u32::from(b[i]),
            Text::CodePoints(c) => c[i],
        }
    }

    fn slice(&self, from: usize, to: usize) -> String {
        (from..to).map(|i| self.at(i)).collect()
    }
}

// ---- decoding

/// Why a scan stopped.
enum Fail {
    /// No JSON value starts here: `StopIteration(idx)`, which the decoder
    /// turns into "Expecting value".
    NoValue(usize),
    /// A `JSONDecodeError(msg, doc, pos)`.
    Syntax(&'static str, i64),
    Python(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Python(e)
    }
}

type Scan<T> = Result<T, Fail>;

/// The error `Fail` stands for; `doc` is the document being decoded.
fn raise(vm: &mut Vm, fail: Fail, doc: Value) -> PyErr {
    match fail {
        Fail::NoValue(idx) => {
            let idx = vm.heap.new_int_i64(idx as i64);
            PyErr::stop_iteration(&vm.heap, idx)
        }
        Fail::Python(e) => e,
        Fail::Syntax(msg, pos) => {
            let cls = match module_attr(vm, "json.decoder", "JSONDecodeError") {
                Ok(cls) => cls,
                Err(e) => return e,
            };
            let msg = vm.heap.new_str(msg);
            let pos = vm.heap.new_int_i64(pos);
            match vm.call(cls, &[msg, doc, pos]) {
                Ok(exc) => PyErr::from_exception(exc),
                Err(e) => e,
            }
        }
    }
}

fn hex_digit(c: char) -> Option<u32> {
    c.to_digit(16)
}

/// Four hex digits at `text[at..at + 4]`.
fn hex4(text: &Text, at: usize) -> Option<u32> {
    (at..at + 4).try_fold(0u32, |acc, i| hex_digit(text.at(i)).map(|d| acc * 16 + d))
}

/// CPython's `scanstring_unicode`: the string whose opening quote is just
/// before `end`, and the index after its closing quote. The str's bytes
/// (`crate::unicode::wtf8`: `\udXXX` escapes without their pair make
/// lone surrogates) replace what `out` held; the flag says they are all
/// ASCII.
fn scan_string(text: &Text, end: usize, strict: bool, out: &mut Vec<u8>) -> Scan<(usize, bool)> {
    let len = text.len();
    let begin = end as i64 - 1;
    out.clear();
    let mut ascii = true;
    let mut end = end;
    loop {
        let mut next = end;
        let mut c = '\0';
        match text {
            // The common case: a run of plain ASCII copied at once.
            Text::Ascii(bytes) => {
                while next < len {
                    let b = bytes[next];
                    if b == b'"' || b == b'\\' || b < 0x20 {
                        c = b as char;
                        if b >= 0x20 || !strict {
                            break;
                        }
                        return Err(Fail::Syntax("Invalid control character at", next as i64));
                    }
                    next += 1;
                }
                out.extend_from_slice(&bytes[end..next]);
                if c < ' ' && next < len {
                    // A control character in non-strict mode: part of
                    // the string; look on.
                    out.push(c as u8);
                    end = next + 1;
                    continue;
                }
            }
            Text::CodePoints(_) => {
                while next < len {
                    c = text.at(next);
                    if c == '"' || c == '\\' {
                        break;
                    }
                    if c <= '\x1f' && strict {
                        return Err(Fail::Syntax("Invalid control character at", next as i64));
                    }
                    ascii &= c.is_ascii();
                    wtf8::push_code_point(out, text.code_point(next));
                    next += 1;
                }
            }
        }
        if next >= len {
            return Err(Fail::Syntax("Unterminated string starting at", begin));
        }
        next += 1;
        if c == '"' {
            return Ok((next, ascii));
        }
        if next == len {
            return Err(Fail::Syntax("Unterminated string starting at", begin));
        }
        let c = text.at(next);
        if c != 'u' {
            end = next + 1;
            let unescaped = match c {
                '"' | '\\' | '/' => c,
                'b' => '\x08',
                'f' => '\x0c',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => return Err(Fail::Syntax("Invalid \\escape", end as i64 - 2)),
            };
            out.push(unescaped as u8);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= len {
            return Err(Fail::Syntax("Invalid \\uXXXX escape", next as i64 - 1));
        }
        let Some(mut code) = hex4(text, next) else {
            return Err(Fail::Syntax("Invalid \\uXXXX escape", end as i64 - 5));
        };
        next = end;
        let is_high = (0xd800..0xdc00).contains(&code);
        if is_high && end + 6 < len && text.at(next) == '\\' && text.at(next + 1) == 'u' {
            end += 6;
            let Some(low) = hex4(text, next + 2) else {
                return Err(Fail::Syntax("Invalid \\uXXXX escape", end as i64 - 5));
            };
            if (0xdc00..0xe000).contains(&low) {
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
            } else {
                end -= 6;
            }
        }
        ascii &= code < 0x80;
        wtf8::push_code_point(out, code);
    }
}

/// A str of what [`scan_string`] left in `bytes`.
fn new_scanned_str(vm: &Vm, bytes: &[u8], ascii: bool) -> Value {
    if ascii {
        vm.heap.new_ascii_str(bytes)
    } else {
        vm.heap.new_str_wtf8(bytes)
    }
}

/// `scanstring(string, end, strict=True)` -> `(str, end)`.
fn scanstring(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    let mut given = [None; 3];
    for (i, v) in pos.iter().enumerate() {
        if i >= 3 {
            return Err(vm.type_error(&format!(
                "scanstring() takes at most 3 arguments ({} given)",
                pos.len() + kws.len()
            )));
        }
        given[i] = Some(*v);
    }
    for (k, v) in kws {
        match k.as_str() {
            "strict" => given[2] = Some(v),
            _ => {
                return Err(vm
                    .type_error(&format!("'{k}' is an invalid keyword argument for scanstring()")))
            }
        }
    }
    let (Some(doc), Some(end)) = (given[0], given[1]) else {
        return Err(vm.type_error("scanstring() missing required arguments"));
    };
    let Some(s) = str_of(doc) else {
        return Err(
            vm.type_error(&format!("first argument must be a string, not {}", vm.type_name(doc)))
        );
    };
    let strict = match given[2] {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let text = Text::of(s.as_wtf8());
    let end = match vm.as_int(end).and_then(|i| i.to_i64()) {
        Some(e) if e >= 0 && e as usize <= text.len() => e as usize,
        Some(_) => return Err(vm.value_error("end is out of bounds")),
        None => return Err(vm.type_error("an integer is required")),
    };
    let mut bytes = Vec::new();
    match scan_string(&text, end, strict, &mut bytes) {
        Ok((next, ascii)) => {
            let out = new_scanned_str(vm, &bytes, ascii);
            let mark = vm.push_temp(out);
            let next = vm.heap.new_int_i64(next as i64);
            let r = vm.heap.new_tuple(&[out, next]);
            vm.truncate_temps(mark);
            Ok(r)
        }
        Err(fail) => Err(raise(vm, fail, doc)),
    }
}

/// The decoder settings a scanner takes from its context (a JSONDecoder).
const SCANNER_SETTINGS: [&str; 6] =
    ["strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"];

/// `make_scanner(context)`.
fn scanner_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let context = match (pos, kws.as_slice()) {
        ([c], []) => *c,
        ([], [(k, c)]) if k == "context" => *c,
        _ => return Err(vm.type_error("make_scanner() takes exactly one argument: context")),
    };
    let Some(t) = Gc::<TypeObj>::from_value(args[0]) else {
        return Err(vm.type_error("make_scanner.__new__(X): X is not a type object"));
    };
    let scanner = vm.heap.new_instance(t);
    let mark = vm.push_temp(scanner);
    let r = (|| {
        for name in SCANNER_SETTINGS {
            let key = vm.heap.intern(name);
            let mut v = vm.get_attr(context, key)?;
            if name == "strict" {
                v = Value::from_bool(vm.is_true(v)?);
            }
            set_state(vm, scanner, name, v)?;
        }
        Ok(scanner)
    })();
    vm.truncate_temps(mark);
    r
}

/// A scanner's settings for one call.
struct Decoder<'t> {
    text: Text<'t>,
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    /// `None` when the standard float or int applies.
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Value,
    /// Object keys seen in this call, as CPython's `memo`: a repeated key is
    /// one str. The strs are kept alive by `memo_roots`, a list rooted for
    /// the call.
    memo: RefCell<KeyMemo>,
    memo_roots: Value,
    /// The bytes of the string being scanned (one buffer for the call).
    scratch: RefCell<Vec<u8>>,
}

/// The object keys of one decoding (CPython's `memo`): equal keys share
/// one str. An open-addressed table of (hash, str) with a fast hash of
/// the bytes; a key whose probe runs past [`KeyMemo::MAX_PROBE`] slots
/// is simply not shared, so keys chosen to collide cost no more than
/// unshared ones (no quadratic blow-up).
#[derive(Default)]
struct KeyMemo {
    slots: Vec<(u64, Value)>,
    used: usize,
}

impl KeyMemo {
    const MAX_PROBE: usize = 8;

    fn hash(key: &[u8]) -> u64 {
        let mut h = key.len() as u64;
        let mut chunks = key.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        h ^ (h >> 32)
    }

    /// The str for `key`, or where to insert it (`None`: do not).
    fn find(&mut self, key: &[u8]) -> Result<Value, Option<(usize, u64)>> {
        if self.used * 2 >= self.slots.len() {
            self.grow();
        }
        let h = Self::hash(key);
        let mask = self.slots.len() - 1;
        for i in 0..Self::MAX_PROBE {
            let at = (h as usize).wrapping_add(i) & mask;
            let (sh, v) = self.slots[at];
            if v == Value::EMPTY {
                return Err(Some((at, h)));
            }
            if sh == h && str_of(v).is_some_and(|s| s.as_wtf8() == key) {
                return Ok(v);
            }
        }
        Err(None)
    }

    fn insert(&mut self, (at, h): (usize, u64), v: Value) {
        self.slots[at] = (h, v);
        self.used += 1;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let old = std::mem::replace(&mut self.slots, vec![(0, Value::EMPTY); size]);
        self.used = 0;
        for (h, v) in old.into_iter().filter(|&(_, v)| v != Value::EMPTY) {
            let free = (0..Self::MAX_PROBE)
                .map(|i| (h as usize).wrapping_add(i) & (size - 1))
                .find(|&at| self.slots[at].1 == Value::EMPTY);
            if let Some(at) = free {
                self.insert((at, h), v);
            }
        }
    }
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl<'t> Decoder<'t> {
    fn skip_space(&self, mut idx: usize) -> usize {
        while idx < self.text.len() && is_json_space(self.text.at(idx)) {
            idx += 1;
        }
        idx
    }

    /// Is `word` at `idx`?
    fn has(&self, idx: usize, word: &str) -> bool {
        idx + word.len() <= self.text.len()
            && word.chars().enumerate().all(|(i, c)| self.text.at(idx + i) == c)
    }

    /// CPython's `scan_once_unicode`: the value starting at `idx` and the
    /// index after it.
    fn scan_once(&self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let len = self.text.len();
        if idx >= len {
            return Err(Fail::NoValue(idx));
        }
        match self.text.at(idx) {
            '"' => {
                let mut bytes = self.scratch.borrow_mut();
                let (next, ascii) = scan_string(&self.text, idx + 1, self.strict, &mut bytes)?;
                Ok((new_scanned_str(vm, &bytes, ascii), next))
            }
            '{' => self.nested(vm, idx + 1, Self::parse_object),
            '[' => self.nested(vm, idx + 1, Self::parse_array),
            'n' if self.has(idx, "null") => Ok((Value::NONE, idx + 4)),
            't' if self.has(idx, "true") => Ok((Value::TRUE, idx + 4)),
            'f' if self.has(idx, "false") => Ok((Value::FALSE, idx + 5)),
            'N' if self.has(idx, "NaN") => self.constant(vm, "NaN", idx),
            'I' if self.has(idx, "Infinity") => self.constant(vm, "Infinity", idx),
            '-' if self.has(idx, "-Infinity") => self.constant(vm, "-Infinity", idx),
            _ => self.number(vm, idx),
        }
    }

    /// An object or array, within the interpreter's recursion limit.
    fn nested(
        &self,
        vm: &mut Vm,
        idx: usize,
        parse: fn(&Self, &mut Vm, usize) -> Scan<(Value, usize)>,
    ) -> Scan<(Value, usize)> {
        if vm.depth >= vm.recursion_limit {
            return Err(Fail::Python(PyErr::recursion_error(
                &vm.heap,
                "maximum recursion depth exceeded while decoding a JSON object from a unicode \
                 string",
            )));
        }
        vm.depth += 1;
        let r = parse(self, vm, idx);
        vm.depth -= 1;
        r
    }

    fn constant(&self, vm: &mut Vm, name: &str, idx: usize) -> Scan<(Value, usize)> {
        let s = vm.heap.new_str(name);
        let v = vm.call(self.parse_constant, &[s])?;
        Ok((v, idx + name.len()))
    }

    /// CPython's `_match_number_unicode`.
    fn number(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let text = &self.text;
        let end_idx = text.len() - 1;
        let digit = |i: usize| text.at(i).is_ascii_digit();
        let mut idx = start;
        if text.at(idx) == '-' {
            idx += 1;
            if idx > end_idx {
                return Err(Fail::NoValue(start));
            }
        }
        match text.at(idx) {
            '1'..='9' => {
                idx += 1;
                while idx <= end_idx && digit(idx) {
                    idx += 1;
                }
            }
            '0' => idx += 1,
            _ => return Err(Fail::NoValue(start)),
        }
        let mut is_float = false;
        if idx < end_idx && text.at(idx) == '.' && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
        }
        if idx < end_idx && matches!(text.at(idx), 'e' | 'E') {
            let e_start = idx;
            idx += 1;
            if idx < end_idx && matches!(text.at(idx), '-' | '+') {
                idx += 1;
            }
            while idx <= end_idx && digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        let owned;
        let literal: &str = match text {
            // ASCII digits, signs, dots and exponents: valid UTF-8.
            Text::Ascii(bytes) => std::str::from_utf8(&bytes[start..idx]).unwrap_or_default(),
            Text::CodePoints(_) => {
                owned = text.slice(start, idx);
                &owned
            }
        };
        let custom = if is_float { self.parse_float } else { self.parse_int };
        let value = match custom {
            Some(f) => {
                let s = vm.heap.new_str(literal);
                vm.call(f, &[s])?
            }
            None if is_float => Value::from_f64(literal.parse::<f64>().unwrap_or(f64::NAN)),
            None => match literal.parse::<i64>() {
                Ok(n) => vm.heap.new_int_i64(n),
                Err(_) => {
                    let s = vm.heap.new_str(literal);
                    let int = vm.heap.types().int;
                    vm.call(int, &[s])?
                }
            },
        };
        Ok((value, idx))
    }

    /// The str for an object key: the one made for the same text earlier
    /// in this call, if any.
    fn memo_key(&self, vm: &mut Vm, key: &[u8], ascii: bool) -> Value {
        let mut memo = self.memo.borrow_mut();
        let slot = match memo.find(key) {
            Ok(v) => return v,
            Err(slot) => slot,
        };
        let v = new_scanned_str(vm, key, ascii);
        if let Some(slot) = slot {
            vm.list_append(self.memo_roots, v);
            memo.insert(slot, v);
        }
        v
    }

    /// CPython's `_parse_object_unicode`, `idx` just after the `{`.
    fn parse_object(&self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let pairs = !self.object_pairs_hook.is_none();
        let result = if pairs { vm.heap.new_list(&[]) } else { vm.heap.new_dict() };
        let mark = vm.push_temp(result);
        let r = self.object_members(vm, idx, result, pairs);
        vm.truncate_temps(mark);
        let next = r?;
        let hook = if pairs { self.object_pairs_hook } else { self.object_hook };
        if hook.is_none() {
            return Ok((result, next));
        }
        Ok((vm.call(hook, &[result])?, next))
    }

    fn object_members(&self, vm: &mut Vm, idx: usize, into: Value, pairs: bool) -> Scan<usize> {
        let text = &self.text;
        let len = text.len();
        let mut idx = self.skip_space(idx);
        if idx < len && text.at(idx) == '}' {
            return Ok(idx + 1);
        }
        loop {
            if idx >= len || text.at(idx) != '"' {
                return Err(Fail::Syntax(
                    "Expecting property name enclosed in double quotes",
                    idx as i64,
                ));
            }
            let mut bytes = self.scratch.borrow_mut();
            let (next, ascii) = scan_string(text, idx + 1, self.strict, &mut bytes)?;
            let key = self.memo_key(vm, &bytes, ascii);
            drop(bytes);
            let mark = vm.push_temp(key);
            idx = self.skip_space(next);
            if idx >= len || text.at(idx) != ':' {
                vm.truncate_temps(mark);
                return Err(Fail::Syntax("Expecting ':' delimiter", idx as i64));
            }
            idx = self.skip_space(idx + 1);
            let scanned = self.scan_once(vm, idx);
            let stored = scanned.and_then(|(value, next)| {
                idx = next;
                if pairs {
                    let item = vm.heap.new_tuple(&[key, value]);
                    vm.list_append(into, item);
                    Ok(())
                } else {
                    vm.dict_set_item(into, key, value).map_err(Fail::from)
                }
            });
            vm.truncate_temps(mark);
            stored?;
            idx = self.skip_space(idx);
            if idx < len && text.at(idx) == '}' {
                return Ok(idx + 1);
            }
            if idx >= len || text.at(idx) != ',' {
                return Err(Fail::Syntax("Expecting ',' delimiter", idx as i64));
            }
            idx = self.skip_space(idx + 1);
        }
    }

    /// CPython's `_parse_array_unicode`, `idx` just after the `[`.
    fn parse_array(&self, vm: &mut Vm, idx: usize) -> Scan<(Value, usize)> {
        let list = vm.heap.new_list(&[]);
        let mark = vm.push_temp(list);
        let r = self.array_items(vm, idx, list);
        vm.truncate_temps(mark);
        Ok((list, r?))
    }

    fn array_items(&self, vm: &mut Vm, idx: usize, list: Value) -> Scan<usize> {
        let text = &self.text;
        let len = text.len();
        let mut idx = self.skip_space(idx);
        if idx < len && text.at(idx) == ']' {
            return Ok(idx + 1);
        }
        loop {
            let (value, next) = self.scan_once(vm, idx)?;
            vm.list_append(list, value);
            idx = self.skip_space(next);
            if idx < len && text.at(idx) == ']' {
                return Ok(idx + 1);
            }
            if idx >= len || text.at(idx) != ',' {
                return Err(Fail::Syntax("Expecting ',' delimiter", idx as i64));
            }
            idx = self.skip_space(idx + 1);
        }
    }
}

/// `scanner(string, idx)` -> `(value, end)`, or StopIteration(idx).
fn scanner_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, _) = split_kwargs(&args[1..], kwnames);
    let [doc, idx] = pos else {
        return Err(vm.type_error(&format!(
            "scan_once() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    };
    let (doc, idx) = (*doc, *idx);
    let scanner = args[0];
    let Some(s) = str_of(doc) else {
        return Err(
            vm.type_error(&format!("first argument must be a string, not {}", vm.type_name(doc)))
        );
    };
    let Some(idx) = vm.as_int(idx).and_then(|i| i.to_i64()) else {
        return Err(vm.type_error("an integer is required"));
    };
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let setting =
        |vm: &mut Vm, name: &str| receiver_state(vm, scanner, name, "__call__", "Scanner");
    let (float, int) = (vm.heap.types().float, vm.heap.types().int);
    let parse_float = setting(vm, "parse_float")?;
    let parse_int = setting(vm, "parse_int")?;
    let decoder = Decoder {
        text: Text::of(s.as_wtf8()),
        strict: setting(vm, "strict")?.as_bool().unwrap_or(true),
        object_hook: setting(vm, "object_hook")?,
        object_pairs_hook: setting(vm, "object_pairs_hook")?,
        parse_float: (parse_float != float).then_some(parse_float),
        parse_int: (parse_int != int).then_some(parse_int),
        parse_constant: setting(vm, "parse_constant")?,
        memo: Default::default(),
        memo_roots: vm.heap.new_list(&[]),
        scratch: Default::default(),
    };
    let mark = vm.push_temp(decoder.memo_roots);
    let r = match decoder.scan_once(vm, idx as usize) {
        Ok((value, end)) => {
            vm.push_temp(value);
            let end = vm.heap.new_int_i64(end as i64);
            Ok(vm.heap.new_tuple(&[value, end]))
        }
        Err(fail) => Err(raise(vm, fail, doc)),
    };
    vm.truncate_temps(mark);
    r
}

// ---- encoding

/// The encoder's output: WTF-8, since a str may hold lone surrogates and
/// `encode_basestring` passes them through as CPython's does.
type Out = Vec<u8>;

fn push_str(out: &mut Out, s: &str) {
    out.extend_from_slice(s.as_bytes())
}

/// Appends `\uXXXX`.
fn push_u_escape(out: &mut Out, unit: u32) {
    let _ = write!(out, "\\u{unit:04x}");
}

/// Appends `s` as a JSON string literal: CPython's
/// `encode_basestring_ascii` (`ascii_only`: every non-ASCII character as
/// `\uXXXX`, surrogate pairs above the BMP) or `encode_basestring` (only
/// what JSON requires escaped).
#[cfg(test)]
fn escape(out: &mut Out, s: &str, ascii_only: bool) {
    escape_code_points(out, s.chars().map(|c| c as u32), ascii_only)
}

/// [`escape`] of code points; a lone surrogate comes out as its `\udXXX`
/// escape when `ascii_only`, else as it is, as in CPython.
fn escape_code_points(out: &mut Out, cps: impl Iterator<Item = u32>, ascii_only: bool) {
    out.push(b'"');
    for cp in cps {
        let Some(c) = char::from_u32(cp) else {
            if ascii_only {
                push_u_escape(out, cp);
            } else {
                wtf8::push_code_point(out, cp);
            }
            continue;
        };
        match c {
            '"' => push_str(out, "\\\""),
            '\\' => push_str(out, "\\\\"),
            '\n' => push_str(out, "\\n"),
            '\r' => push_str(out, "\\r"),
            '\t' => push_str(out, "\\t"),
            '\x08' => push_str(out, "\\b"),
            '\x0c' => push_str(out, "\\f"),
            '\0'..='\x1f' => push_u_escape(out, cp),
            ' '..='~' => out.push(c as u8),
            _ if !ascii_only => push_str(out, c.encode_utf8(&mut [0; 4])),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    push_u_escape(out, u32::from(*unit));
                }
            }
        }
    }
    out.push(b'"');
}

/// `encode_basestring` of a str's WTF-8 text.
fn escape_unicode(out: &mut Out, text: &[u8]) {
    if text.is_ascii() {
        return escape_ascii(out, text, false);
    }
    escape_code_points(out, wtf8::code_points(text), false)
}

/// [`escape`] of ASCII text: runs that need no escape are copied whole.
/// DEL is escaped only when `ascii_only`, as in CPython.
fn escape_ascii(out: &mut Out, text: &[u8], ascii_only: bool) {
    out.push(b'"');
    let mut run = 0;
    let last_plain = if ascii_only { b'~' } else { 0x7f };
    for (i, &b) in text.iter().enumerate() {
        if (b' '..=last_plain).contains(&b) && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&text[run..i]);
        run = i + 1;
        match b {
            b'"' => push_str(out, "\\\""),
            b'\\' => push_str(out, "\\\\"),
            b'\n' => push_str(out, "\\n"),
            b'\r' => push_str(out, "\\r"),
            b'\t' => push_str(out, "\\t"),
            0x08 => push_str(out, "\\b"),
            0x0c => push_str(out, "\\f"),
            _ => push_u_escape(out, u32::from(b)),
        }
    }
    out.extend_from_slice(&text[run..]);
    out.push(b'"');
}

fn escaper(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &str,
    ascii_only: bool,
) -> PyResult {
    let s = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    let Some(text) = str_of(s) else {
        return Err(
            vm.type_error(&format!("first argument must be a string, not {}", vm.type_name(s)))
        );
    };
    let mut out = Vec::with_capacity(text.as_wtf8().len() + 2);
    if ascii_only {
        escape_code_points(&mut out, text.code_points(), true);
    } else {
        escape_unicode(&mut out, text.as_wtf8());
    }
    Ok(vm.heap.new_str_wtf8(&out))
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    escaper(vm, args, kwnames, "encode_basestring_ascii", true)
}

fn encode_basestring(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    escaper(vm, args, kwnames, "encode_basestring", false)
}

/// `make_encoder`'s arguments, in order.
const ENCODER_SETTINGS: [&str; 9] = [
    "markers",
    "default",
    "encoder",
    "indent",
    "key_separator",
    "item_separator",
    "sort_keys",
    "skipkeys",
    "allow_nan",
];

/// `make_encoder(markers, default, encoder, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`.
fn encoder_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let mut given: [Option<Value>; 9] = [None; 9];
    for (i, v) in pos.iter().enumerate() {
        if i >= given.len() {
            return Err(vm.type_error(&format!(
                "make_encoder() takes at most 9 arguments ({} given)",
                pos.len() + kws.len()
            )));
        }
        given[i] = Some(*v);
    }
    for (k, v) in kws {
        let Some(i) = ENCODER_SETTINGS.iter().position(|n| *n == k) else {
            return Err(
                vm.type_error(&format!("'{k}' is an invalid keyword argument for make_encoder()"))
            );
        };
        given[i] = Some(v);
    }
    if let Some(i) = given.iter().position(Option::is_none) {
        return Err(vm.type_error(&format!(
            "make_encoder() missing required argument '{}' (pos {})",
            ENCODER_SETTINGS[i],
            i + 1
        )));
    }
    for i in [4, 5] {
        let v = given[i].unwrap_or(Value::NONE);
        if str_of(v).is_none() {
            return Err(vm.type_error(&format!(
                "make_encoder() argument {} must be str, not {}",
                i + 1,
                crate::builtins::str_methods::bad_argument_name(vm, v)
            )));
        }
    }
    let Some(t) = Gc::<TypeObj>::from_value(args[0]) else {
        return Err(vm.type_error("make_encoder.__new__(X): X is not a type object"));
    };
    let encoder = vm.heap.new_instance(t);
    let mark = vm.push_temp(encoder);
    let r = (|| {
        for (i, name) in ENCODER_SETTINGS.iter().enumerate() {
            let mut v = given[i].unwrap_or(Value::NONE);
            if i >= 6 {
                v = Value::from_bool(vm.is_true(v)?);
            }
            set_state(vm, encoder, name, v)?;
        }
        Ok(encoder)
    })();
    vm.truncate_temps(mark);
    r
}

/// How strings are written: one of the two escapers, or a Python function.
#[derive(Clone, Copy)]
enum StringEncoder {
    Ascii,
    Unicode,
    Python(Value),
}

/// An encoder's settings for one call, and the ids of the containers being
/// written (for "Circular reference detected").
struct Encoder {
    check_circular: bool,
    markers: Vec<u64>,
    default: Value,
    strings: StringEncoder,
    key_separator: Vec<u8>,
    item_separator: Vec<u8>,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}

impl Encoder {
    /// Whether strings go through a Python `encoder` function (which
    /// must see exact strs, so keys of str subclasses become strs first).
    fn strings_is_python(&self) -> bool {
        matches!(self.strings, StringEncoder::Python(_))
    }

    fn string(&self, vm: &mut Vm, out: &mut Out, s: Value) -> PyResult<()> {
        let Some(text) = str_of(s) else { return Ok(()) };
        match self.strings {
            StringEncoder::Ascii if text.is_ascii() => escape_ascii(out, text.as_wtf8(), true),
            StringEncoder::Ascii => escape_code_points(out, text.code_points(), true),
            StringEncoder::Unicode => escape_unicode(out, text.as_wtf8()),
            StringEncoder::Python(f) => {
                let encoded = vm.call(f, &[s])?;
                match str_of(encoded) {
                    Some(e) => out.extend_from_slice(e.as_wtf8()),
                    None => {
                        return Err(vm.type_error(&format!(
                            "encoder() must return a string, not {}",
                            vm.type_name(encoded)
                        )))
                    }
                }
            }
        }
        Ok(())
    }

    fn float(&self, vm: &Vm, out: &mut Out, f: f64) -> PyResult<()> {
        if f.is_finite() {
            push_str(out, &float_repr(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        push_str(
            out,
            if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            },
        );
        Ok(())
    }

    /// Records `obj` as being written; false when it already is.
    fn enter(&mut self, vm: &Vm, obj: Value) -> PyResult<()> {
        if !self.check_circular {
            return Ok(());
        }
        let id = obj.bits();
        if self.markers.contains(&id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.markers.push(id);
        Ok(())
    }

    fn leave(&mut self, obj: Value) {
        if self.check_circular {
            let id = obj.bits();
            if let Some(at) = self.markers.iter().rposition(|&m| m == id) {
                self.markers.remove(at);
            }
        }
    }

    /// CPython's `encoder_listencode_obj`, within the recursion limit.
    fn value(&mut self, vm: &mut Vm, out: &mut Out, obj: Value) -> PyResult<()> {
        if vm.depth >= vm.recursion_limit {
            return Err(PyErr::recursion_error(
                &vm.heap,
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        vm.depth += 1;
        let r = self.value_inner(vm, out, obj);
        vm.depth -= 1;
        r
    }

    fn value_inner(&mut self, vm: &mut Vm, out: &mut Out, obj: Value) -> PyResult<()> {
        if obj.is_none() {
            push_str(out, "null");
            return Ok(());
        }
        if let Some(b) = obj.as_bool() {
            push_str(out, if b { "true" } else { "false" });
            return Ok(());
        }
        if let Some(i) = obj.as_small_int() {
            let _ = write!(out, "{i}");
            return Ok(());
        }
        if let Some(f) = obj.as_f64() {
            return self.float(vm, out, f);
        }
        let base = vm.builtin_base_value(obj);
        if str_of(base).is_some() {
            return self.string(vm, out, base);
        }
        if vm.as_int(base).is_some() {
            push_str(out, &vm.repr_of_value(base)?);
            return Ok(());
        }
        if let Some(f) = float_value(base) {
            return self.float(vm, out, f);
        }
        if let Some(items) = list_of(base)
            .map(|l| l.items.to_vec())
            .or_else(|| tuple_of(base).map(|t| t.items().to_vec()))
        {
            return self.array(vm, out, obj, &items);
        }
        if dict_of(base).is_some() {
            return self.object(vm, out, obj);
        }
        self.enter(vm, obj)?;
        let replacement = vm.call(self.default, &[obj])?;
        let mark = vm.push_temp(replacement);
        let r = self.value(vm, out, replacement);
        vm.truncate_temps(mark);
        r?;
        self.leave(obj);
        Ok(())
    }

    fn array(&mut self, vm: &mut Vm, out: &mut Out, obj: Value, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            push_str(out, "[]");
            return Ok(());
        }
        self.enter(vm, obj)?;
        out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&self.item_separator);
            }
            self.value(vm, out, *item)?;
        }
        out.push(b']');
        self.leave(obj);
        Ok(())
    }

    /// The (key, value) pairs of a dict, or of a dict subclass's `items()`,
    /// sorted when asked; rooted in a list while they are written.
    fn items_of(&self, vm: &mut Vm, dict: Value) -> PyResult<Value> {
        let pairs: Vec<Value> = if vm.is_user_typed(dict) {
            let items = vm.call_method_by_name(dict, "items", &[])?;
            let mark = vm.push_temp(items);
            let collected = vm.collect_iterable(items);
            vm.truncate_temps(mark);
            collected?
        } else {
            let items = vm.dict_items(dict);
            let mut pairs = Vec::with_capacity(items.len());
            for (k, v) in items {
                pairs.push(vm.heap.new_tuple(&[k, v]));
            }
            pairs
        };
        let list = vm.heap.new_list(&pairs);
        if self.sort_keys {
            let mark = vm.push_temp(list);
            let r = vm.call_method_by_name(list, "sort", &[]);
            vm.truncate_temps(mark);
            r?;
        }
        Ok(list)
    }

    fn object(&mut self, vm: &mut Vm, out: &mut Out, obj: Value) -> PyResult<()> {
        let empty = vm.native_len(vm.builtin_base_value(obj)) == Some(0);
        if empty {
            push_str(out, "{}");
            return Ok(());
        }
        self.enter(vm, obj)?;
        let mark = vm.stack.len();
        let pairs = if self.sort_keys || vm.is_user_typed(obj) {
            let items = self.items_of(vm, obj)?;
            vm.push_temp(items);
            let pairs = list_of(items).map(|l| l.items.to_vec()).unwrap_or_default();
            pairs
                .into_iter()
                .map(|pair| {
                    tuple_of(pair).and_then(|t| match t.items() {
                        [k, v] => Some((*k, *v)),
                        _ => None,
                    })
                })
                .collect::<Option<Vec<_>>>()
        } else {
            // A plain dict's pairs, rooted on the stack while they are
            // written (a `default` call may change the dict).
            let pairs = vm.dict_items(obj);
            for &(k, v) in &pairs {
                vm.push_temp(k);
                vm.push_temp(v);
            }
            Some(pairs)
        };
        let r = match pairs {
            Some(pairs) => self.members(vm, out, &pairs),
            None => Err(vm.value_error("items must return 2-tuples")),
        };
        vm.truncate_temps(mark);
        r?;
        self.leave(obj);
        Ok(())
    }

    fn members(&mut self, vm: &mut Vm, out: &mut Out, pairs: &[(Value, Value)]) -> PyResult<()> {
        out.push(b'{');
        let mut first = true;
        for &(key, value) in pairs {
            if str_of(key).is_some() && !self.strings_is_python() {
                if !first {
                    out.extend_from_slice(&self.item_separator);
                }
                first = false;
                self.string(vm, out, key)?;
            } else {
                let Some(key_text) = self.key_text(vm, key)? else { continue };
                if !first {
                    out.extend_from_slice(&self.item_separator);
                }
                first = false;
                let mark = vm.push_temp(key_text);
                let r = self.string(vm, out, key_text);
                vm.truncate_temps(mark);
                r?;
            }
            out.extend_from_slice(&self.key_separator);
            self.value(vm, out, value)?;
        }
        out.push(b'}');
        Ok(())
    }

    /// A key as the str to write as a JSON string; `None` to skip it.
    fn key_text(&self, vm: &mut Vm, key: Value) -> PyResult<Option<Value>> {
        let text = |vm: &Vm, s: &str| Ok(Some(vm.heap.new_str(s)));
        if let Some(s) = str_of(key) {
            return Ok(Some(vm.heap.new_str_wtf8(s.as_wtf8())));
        }
        if let Some(f) = float_value(vm.builtin_base_value(key)).or_else(|| key.as_f64()) {
            let mut digits = Vec::new();
            self.float(vm, &mut digits, f)?;
            return Ok(Some(vm.heap.new_str_wtf8(&digits)));
        }
        if let Some(b) = key.as_bool() {
            return text(vm, if b { "true" } else { "false" });
        }
        if key.is_none() {
            return text(vm, "null");
        }
        let base = vm.builtin_base_value(key);
        if vm.as_int(base).is_some() {
            let digits = vm.repr_of_value(base)?;
            return text(vm, &digits);
        }
        if let Some(s) = str_of(base) {
            return Ok(Some(vm.heap.new_str_wtf8(s.as_wtf8())));
        }
        if self.skipkeys {
            return Ok(None);
        }
        Err(vm.type_error(&format!(
            "keys must be str, int, float, bool or None, not {}",
            vm.type_name(key)
        )))
    }
}

/// `encoder(obj, indent_level)` -> the JSON text, as a list of one chunk.
fn encoder_call(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, _) = split_kwargs(&args[1..], kwnames);
    let [obj, _level] = pos else {
        return Err(vm.type_error(&format!(
            "_iterencode() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    };
    let obj = *obj;
    let this = args[0];
    let setting = |vm: &mut Vm, name: &str| receiver_state(vm, this, name, "__call__", "Encoder");
    let string_fn = setting(vm, "encoder")?;
    let strings = if string_fn == module_attr(vm, "_json", "encode_basestring_ascii")? {
        StringEncoder::Ascii
    } else if string_fn == module_attr(vm, "_json", "encode_basestring")? {
        StringEncoder::Unicode
    } else {
        StringEncoder::Python(string_fn)
    };
    let text_of = |v: Value| str_of(v).map(|s| s.as_wtf8().to_vec()).unwrap_or_default();
    let flag = |v: Value| v.as_bool().unwrap_or(false);
    let mut encoder = Encoder {
        check_circular: !setting(vm, "markers")?.is_none(),
        markers: Vec::new(),
        default: setting(vm, "default")?,
        strings,
        key_separator: text_of(setting(vm, "key_separator")?),
        item_separator: text_of(setting(vm, "item_separator")?),
        sort_keys: flag(setting(vm, "sort_keys")?),
        skipkeys: flag(setting(vm, "skipkeys")?),
        allow_nan: flag(setting(vm, "allow_nan")?),
    };
    let mut out = Vec::new();
    encoder.value(vm, &mut out, obj)?;
    let text = vm.heap.new_str_wtf8(&out);
    let mark = vm.push_temp(text);
    let chunks = vm.heap.new_list(&[text]);
    vm.truncate_temps(mark);
    Ok(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(s: &str) -> Result<(String, usize), String> {
        let mut out = Vec::new();
        scan_string(&Text::of(s.as_bytes()), 1, true, &mut out)
            .map(|(end, _)| (crate::unicode::wtf8::to_string_lossy(&out), end))
            .map_err(|f| match f {
                Fail::Syntax(msg, pos) => format!("{msg} {pos}"),
                _ => "other".to_string(),
            })
    }

    #[test]
    fn strings_unescape_as_cpython_does() {
        assert_eq!(scan(r#""a\n\"b" x"#).unwrap(), ("a\n\"b".to_string(), 8));
        assert_eq!(scan(r#""\ud83d\ude00""#).unwrap(), ("\u{1f600}".to_string(), 14));
        assert_eq!(scan("\"caf\u{e9}\"").unwrap(), ("caf\u{e9}".to_string(), 6));
        assert_eq!(scan("\"abc").unwrap_err(), "Unterminated string starting at 0");
        assert_eq!(scan(r#""\x""#).unwrap_err(), "Invalid \\escape 1");
        assert_eq!(scan(r#""\u12""#).unwrap_err(), "Invalid \\uXXXX escape 2");
        assert_eq!(scan("\"a\tb\"").unwrap_err(), "Invalid control character at 2");
    }

    #[test]
    fn escapers_match_cpython() {
        let mut out = Vec::new();
        escape(&mut out, "h\u{e9}\"\\\x01\u{1f600}", true);
        assert_eq!(out, br#""h\u00e9\"\\\u0001\ud83d\ude00""#);
        let mut out = Vec::new();
        escape_unicode(&mut out, "h\u{e9}\"\\\x01\x7f".as_bytes());
        assert_eq!(out, "\"h\u{e9}\\\"\\\\\\u0001\x7f\"".as_bytes());
        // A lone surrogate passes through encode_basestring as WTF-8.
        let mut out = Vec::new();
        escape_code_points(&mut out, [0x61, 0xd800].into_iter(), false);
        assert_eq!(out, b"\"a\xed\xa0\x80\"");
    }
}
