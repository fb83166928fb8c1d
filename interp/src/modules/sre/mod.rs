//! `_sre`: the regular expression engine under CPython 3.8's pure-Python
//! `re` (`sre_parse` parses, `sre_compile` makes the code list, this
//! module matches it).
//!
//! | module | owns |
//! |---|---|
//! | [`constants`] | opcode, position, category and flag numbers of `sre_constants.py` |
//! | [`chars`] | character classes and case mappings (ASCII, C locale, Unicode) |
//! | [`charset`] | set membership (`IN`): literals, ranges, bitmaps, categories |
//! | [`engine`] | the matcher: `match` and `search` with an explicit backtracking stack |
//! | [`subject`] | the string being matched, as bytes or code points, and slicing it |
//! | [`object`] | the heap payload of patterns, matches and scanners |
//! | [`pattern`] | `re.Pattern`: match, search, findall, finditer, split, sub, ... |
//! | [`match_obj`] | `re.Match`: group, groups, groupdict, span, expand, ... |
//! | [`start`] | where a match can start: skipping hopeless positions in `search` |
//! | [`scanner`] | `SRE_Scanner`: successive matches (`finditer`) |
//! | [`validate`] | the structure check of a code list ("invalid SRE code") |
//! | [`template`] | replacement templates of `sub` and `expand` |
//! | `classes.py` | the three classes and their Python-level dunders |

pub mod chars;
pub mod charset;
pub mod constants;
pub mod engine;
pub mod match_obj;
pub mod object;
pub mod pattern;
pub mod scanner;
pub mod start;
pub mod subject;
pub mod template;
pub mod validate;

use std::cell::Cell;

use super::module_set;
use crate::builtins::number_methods::add_property;
use crate::builtins::{add_method, native_in};
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use constants::{CODESIZE, MAGIC, MAXGROUPS, MAXREPEAT};
use object::{PatternData, PatternKind, SreObj};

/// Where `create` keeps the classes, for `compile`.
const TYPES_ATTR: &str = "_tachyon_types";

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_sre")?;
    let mark = vm.push_temp(module);
    let result = populate(vm, module);
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn populate(vm: &mut Vm, module: Value) -> PyResult<()> {
    for (name, v) in [
        ("MAGIC", MAGIC),
        ("CODESIZE", CODESIZE),
        ("MAXREPEAT", MAXREPEAT as i64),
        ("MAXGROUPS", MAXGROUPS),
    ] {
        let v = vm.heap.new_int_i64(v);
        module_set(vm, module, name, v)?;
    }
    let copyright = vm.heap.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    module_set(vm, module, "copyright", copyright)?;
    let funcs: &[(&'static str, NativeFn)] = &[
        ("compile", compile),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
        ("_pattern_repr", pattern::repr),
        ("_pattern_eq", pattern::eq),
        ("_pattern_hash", pattern::hash),
        ("_match_repr", match_obj::repr),
        ("_match_getitem", match_obj::getitem),
    ];
    for (name, f) in funcs {
        let v = native_in(vm, module, name, *f);
        module_set(vm, module, name, v)?;
    }
    let dict = crate::vm::function::module_of(module)
        .map(|m| m.dict)
        .ok_or_else(|| vm.type_error("_sre is not a module"))?;
    vm.exec_source_in(include_bytes!("classes.py"), "<tachyon _sre>", dict, dict)?;
    let class = |vm: &mut Vm, name: &str| -> PyResult {
        let key = vm.heap.intern(name);
        vm.dict_get_item(dict, key)?.ok_or_else(|| vm.type_error("_sre lost a class"))
    };
    let (pattern_cls, match_cls, scanner_cls) =
        (class(vm, "Pattern")?, class(vm, "Match")?, class(vm, "SRE_Scanner")?);
    let methods: &[(Value, &'static str, NativeFn)] = &[
        (pattern_cls, "match", pattern::match_),
        (pattern_cls, "fullmatch", pattern::fullmatch),
        (pattern_cls, "search", pattern::search),
        (pattern_cls, "findall", pattern::findall),
        (pattern_cls, "finditer", pattern::finditer),
        (pattern_cls, "scanner", pattern::scanner),
        (pattern_cls, "split", pattern::split),
        (pattern_cls, "sub", pattern::sub),
        (pattern_cls, "subn", pattern::subn),
        (pattern_cls, "__copy__", pattern::copy_self),
        (pattern_cls, "__deepcopy__", pattern::copy_self),
        (match_cls, "group", match_obj::group),
        (match_cls, "groups", match_obj::groups),
        (match_cls, "groupdict", match_obj::groupdict),
        (match_cls, "start", match_obj::start),
        (match_cls, "end", match_obj::end),
        (match_cls, "span", match_obj::span),
        (match_cls, "expand", match_obj::expand),
        (match_cls, "__copy__", pattern::copy_self),
        (match_cls, "__deepcopy__", pattern::copy_self),
        (scanner_cls, "match", scanner::match_),
        (scanner_cls, "search", scanner::search),
    ];
    for (cls, name, f) in methods {
        add_method(vm, *cls, name, *f);
    }
    let properties: &[(Value, &'static str, NativeFn)] = &[
        (pattern_cls, "pattern", pattern::get_pattern),
        (pattern_cls, "flags", pattern::get_flags),
        (pattern_cls, "groups", pattern::get_groups),
        (pattern_cls, "groupindex", pattern::get_groupindex),
        (match_cls, "string", match_obj::get_string),
        (match_cls, "re", match_obj::get_re),
        (match_cls, "pos", match_obj::get_pos),
        (match_cls, "endpos", match_obj::get_endpos),
        (match_cls, "lastindex", match_obj::get_lastindex),
        (match_cls, "lastgroup", match_obj::get_lastgroup),
        (match_cls, "regs", match_obj::get_regs),
        (scanner_cls, "pattern", scanner::get_pattern),
    ];
    for (cls, name, f) in properties {
        add_property(vm, *cls, name, *f);
    }
    let types = vm.heap.new_tuple(&[pattern_cls, match_cls, scanner_cls]);
    module_set(vm, module, TYPES_ATTR, types)?;
    for name in ["Pattern", "Match", "SRE_Scanner"] {
        let key = vm.heap.intern(name);
        vm.dict_del_item(dict, key)?;
    }
    Ok(())
}

/// An int argument as a code point (`ascii_iscased(ch)` and friends).
fn char_arg(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<u32> {
    let arg = crate::builtins::exactly_one(vm, name, args, kwnames)?;
    if arg.is_float() {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let args = [arg];
    let Some(i) = vm.as_int(args[0]) else {
        return Err(crate::builtins::int_required(vm, args[0]));
    };
    Ok(i.to_i64().map_or(u32::MAX, |i| i as u32))
}

fn ascii_iscased(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let ch = char_arg(vm, args, kwnames, "ascii_iscased")?;
    Ok(Value::from_bool(chars::ascii_iscased(ch)))
}

fn unicode_iscased(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let ch = char_arg(vm, args, kwnames, "unicode_iscased")?;
    Ok(Value::from_bool(chars::unicode_iscased(ch)))
}

fn ascii_tolower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let ch = char_arg(vm, args, kwnames, "ascii_tolower")?;
    Ok(vm.heap.new_int_i64(chars::lower_ascii(ch) as i64))
}

fn unicode_tolower(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let ch = char_arg(vm, args, kwnames, "unicode_tolower")?;
    Ok(vm.heap.new_int_i64(chars::lower_unicode(ch) as i64))
}

fn getcodesize(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "getcodesize", args, kwnames)?;
    Ok(vm.heap.new_int_i64(CODESIZE))
}

/// `compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let bound = crate::builtins::str_methods::keyword_args(
        vm,
        args,
        kwnames,
        "compile",
        &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"],
    )?;
    let [Some(pattern), Some(flags), Some(code), Some(groups), Some(groupindex), Some(indexgroup)] =
        bound[..]
    else {
        return Err(vm.type_error("compile() missing required arguments"));
    };
    let flags = vm
        .as_int(flags)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| vm.type_error("an integer is required"))?;
    let Some(code_list) = list_of(code) else {
        return Err(vm.type_error(&format!(
            "compile() argument 3 must be list, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, code)
        )));
    };
    let words = code_list.items.to_vec();
    let mut code_words = Vec::with_capacity(words.len());
    for w in words {
        let n = vm.as_int(w).and_then(|i| i.to_i64());
        match n {
            Some(n) if (0..=u32::MAX as i64).contains(&n) => code_words.push(n as u32),
            _ => {
                return Err(PyErr::overflow_error(
                    &vm.heap,
                    "regular expression code size limit exceeded",
                ))
            }
        }
    }
    let groups = vm.as_int(groups).and_then(|i| i.to_i64()).unwrap_or(0).max(0) as usize;
    if !validate::is_valid(&code_words, groups) {
        return Err(PyErr::runtime_error(&vm.heap, "invalid SRE code"));
    }
    let kind = if pattern.is_none() {
        PatternKind::Any
    } else if str_of(pattern).is_some() {
        PatternKind::Str
    } else if bytes_of(pattern).is_some() || bytearray_of(pattern).is_some() {
        PatternKind::Bytes
    } else {
        return Err(vm.type_error(&format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(pattern)
        )));
    };
    let module = vm.import_module("_sre")?;
    let key = vm.heap.intern(TYPES_ATTR);
    let types = vm.get_attr(module, key)?;
    let types =
        crate::object::tuple::tuple_of(types).map(|t| t.items().to_vec()).unwrap_or_default();
    let [pattern_cls, match_cls, scanner_cls] = types[..] else {
        return Err(vm.type_error("_sre lost its classes"));
    };
    let data = PatternData {
        start: start::StartFilter::for_code(&code_words),
        code: code_words.into(),
        groups,
        flags,
        kind,
        pattern,
        groupindex,
        indexgroup,
        match_type: match_cls,
        scanner_type: scanner_cls,
        template_cache: Cell::new((Value::NONE, Value::NONE)),
    };
    Ok(vm.heap.alloc(pattern_cls, SreObj::Pattern(data)).value())
}
