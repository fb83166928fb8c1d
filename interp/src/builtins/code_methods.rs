//! The Python face of code objects: the `co_*` attributes and
//! `code.replace`, with CPython 3.8's values, checks and messages.
//!
//! `co_code` and `co_lnotab` are byte views of tachyon's register bytecode
//! (see `bytecode::co_view`). `replace` makes a new code object that shares
//! the compiled instructions: what does not change them (names, file,
//! lines, constants of the same count, CO_ITERABLE_COROUTINE) is applied;
//! what would need other instructions (argument counts, `co_code`, more or
//! fewer variables) is a ValueError that says so. `co_nlocals` and
//! `co_stacksize` are checked as CPython does and then ignored: tachyon
//! computes both from the instructions.

use std::rc::Rc;

use super::str_methods::c_int_arg;
use crate::bytecode::co_view::ByteView;
use crate::bytecode::{CodeFlags, CodeUnit};
use crate::object::bytes::bytes_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::code::{new_code, CodeObj, CodeParts};
use crate::vm::{PyResult, Vm};

const CO_NOFREE: u32 = 0x40;
const CO_ITERABLE_COROUTINE: u32 = 0x100;

/// The keywords `code.replace` takes, in Argument Clinic's order (the order
/// its checks run in).
const INT_KEYWORDS: [&str; 7] = [
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
];
const OBJECT_KEYWORDS: [(&str, Kind); 9] = [
    ("co_code", Kind::Bytes),
    ("co_consts", Kind::Tuple),
    ("co_names", Kind::Tuple),
    ("co_varnames", Kind::Tuple),
    ("co_freevars", Kind::Tuple),
    ("co_cellvars", Kind::Tuple),
    ("co_filename", Kind::Str),
    ("co_name", Kind::Str),
    ("co_lnotab", Kind::Bytes),
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bytes,
    Tuple,
    Str,
}

/// How Argument Clinic names a wrong argument's type: None by itself.
fn arg_type_name(vm: &Vm, v: Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// `code.co_<n>`, or None when `n` is not a code attribute.
pub fn code_attr(vm: &mut Vm, c: Gc<CodeObj>, n: &str) -> Option<Value> {
    let int = |i: i64| Value::from_small_int(i);
    let heap = &vm.heap;
    Some(match n {
        "co_name" => c.name,
        "co_filename" => c.filename,
        "co_firstlineno" => int(c.unit.first_line as i64)?,
        "co_argcount" => int(c.unit.arg_count as i64)?,
        "co_posonlyargcount" => int(c.unit.posonly_count as i64)?,
        "co_kwonlyargcount" => int(c.unit.kwonly_count as i64)?,
        "co_flags" => int(i64::from(code_flags(&c)))?,
        "co_varnames" => heap.new_tuple(&c.local_names),
        "co_nlocals" => int(c.local_names.len() as i64)?,
        "co_names" => heap.new_tuple(&c.names),
        // Register bytecode needs no value stack: its frame size.
        "co_stacksize" => int(i64::from(c.unit.slot_count))?,
        "co_consts" => heap.new_tuple(&consts_view(vm, &c).0),
        "co_freevars" => var_names(vm, &c.unit.frees),
        "co_cellvars" => var_names(vm, &c.unit.cells),
        "co_code" => heap.new_bytes(&ByteView::of(&c.unit).bytes),
        "co_lnotab" => heap.new_bytes(&ByteView::of(&c.unit).lnotab(&c.unit)),
        _ => return None,
    })
}

fn var_names(vm: &Vm, vars: &[(String, u16)]) -> Value {
    let names: Vec<Value> = vars.iter().map(|(v, _)| vm.heap.intern(v)).collect();
    vm.heap.new_tuple(&names)
}

/// `f_lasti`/`tb_lasti` of instruction `pc`: its byte offset in `co_code`.
pub fn byte_offset(unit: &CodeUnit, pc: u32) -> u32 {
    ByteView::of(unit).offset(pc)
}

/// `co_consts` as CPython shows it, and for each of tachyon's constants
/// its index there. CPython's first constant is the docstring, or a None
/// that stands for every other None too.
fn consts_view(vm: &Vm, c: &CodeObj) -> (Vec<Value>, Vec<usize>) {
    let doc = match &c.unit.docstring {
        Some(d) => vm.heap.new_str(d),
        None => Value::NONE,
    };
    let mut view = vec![doc];
    let mut index = Vec::with_capacity(c.consts.len());
    for &v in c.consts.iter() {
        if doc.is_none() && v.is_none() {
            index.push(0);
        } else {
            index.push(view.len());
            view.push(v);
        }
    }
    (view, index)
}

/// `co_flags` with CPython's bit values.
pub fn code_flags(c: &CodeObj) -> u32 {
    let unit = &c.unit;
    let bits = [
        (CodeFlags::FUNCTION, 0x1 | 0x2), // CO_OPTIMIZED | CO_NEWLOCALS
        (CodeFlags::VARARGS, 0x4),
        (CodeFlags::VARKEYWORDS, 0x8),
        (CodeFlags::NESTED, 0x10),
        (CodeFlags::GENERATOR, 0x20),
        (CodeFlags::COROUTINE, 0x80),
        (CodeFlags::ASYNC_GENERATOR, 0x200),
    ];
    let mut out = bits.iter().filter(|(f, _)| unit.flags.contains(*f)).fold(0, |a, (_, b)| a | b);
    if unit.frees.is_empty() && unit.cells.is_empty() {
        out |= CO_NOFREE;
    }
    if c.iterable_coroutine.get() {
        out |= CO_ITERABLE_COROUTINE;
    }
    out
}

/// `code.replace(**kw)`.
pub fn code_replace(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let Some(c) = args.first().and_then(|v| crate::vm::code::code_of(*v)) else {
        return Err(vm.type_error("descriptor 'replace' requires a 'code' object"));
    };
    if args.len() > 1 + kwnames.len() {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let keywords = &args[args.len() - kwnames.len()..];
    if marks_iterable_coroutine(vm, c, kwnames, keywords) {
        return Ok(args[0]);
    }
    let mut given: Vec<(String, Value)> = Vec::new();
    for (name, &v) in kwnames.iter().zip(keywords) {
        let name = str_of(*name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let known = INT_KEYWORDS.contains(&name.as_str())
            || OBJECT_KEYWORDS.iter().any(|(k, _)| *k == name);
        if !known {
            return Err(
                vm.type_error(&format!("'{name}' is an invalid keyword argument for replace()"))
            );
        }
        given.push((name, v));
    }
    let get = |name: &str| given.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    // Argument Clinic's conversions, in its order.
    let mut ints = [0i64; 7];
    for (slot, name) in ints.iter_mut().zip(INT_KEYWORDS) {
        *slot = match get(name) {
            Some(v) => c_int_arg(vm, v)?,
            None => current_int(&c, name),
        };
    }
    for (name, kind) in OBJECT_KEYWORDS {
        let Some(v) = get(name) else { continue };
        let ok = match kind {
            Kind::Bytes => bytes_of(v).is_some(),
            Kind::Tuple => tuple_of(v).is_some(),
            Kind::Str => str_of(v).is_some(),
        };
        if !ok {
            let want = match kind {
                Kind::Bytes => "bytes",
                Kind::Tuple => "tuple",
                Kind::Str => "str",
            };
            return Err(vm.type_error(&format!(
                "replace() argument '{name}' must be {want}, not {}",
                arg_type_name(vm, v)
            )));
        }
    }
    for (name, value) in INT_KEYWORDS.iter().zip(ints) {
        if value < 0 {
            return Err(vm.value_error(&format!("{name} must be a positive integer")));
        }
    }
    let [argcount, posonly, kwonly, _nlocals, _stacksize, flags, firstlineno] = ints;
    let names_of = |key: &str| -> Option<Vec<Value>> {
        get(key).and_then(tuple_of).map(|t| t.items().to_vec())
    };
    let bad_call = || {
        PyErr::system_error(&vm.heap, "Objects/codeobject.c:130: bad argument to internal function")
    };
    let name_tuples = ["co_names", "co_varnames", "co_freevars", "co_cellvars"];
    if argcount < posonly
        || name_tuples
            .iter()
            .any(|k| names_of(k).is_some_and(|t| t.iter().any(|v| str_of(*v).is_none())))
    {
        return Err(bad_call());
    }
    let varnames = names_of("co_varnames").unwrap_or_else(|| c.local_names.to_vec());
    let star = i64::from(flags & 0x4 != 0) + i64::from(flags & 0x8 != 0);
    if argcount + kwonly + star > varnames.len() as i64 {
        return Err(vm.value_error("code: varnames is too small"));
    }
    build_replaced(vm, c, &given, [argcount, posonly, kwonly, flags, firstlineno])
}

/// `types.coroutine`'s `replace(co_flags=flags | CO_ITERABLE_COROUTINE)`
/// of a generator's code: done in place (the flag lives beside the code's
/// compiled unit, which a replaced code would have to copy), and
/// `types.coroutine` stores the result back into `__code__`.
fn marks_iterable_coroutine(vm: &Vm, c: Gc<CodeObj>, kwnames: &[Value], values: &[Value]) -> bool {
    let [name] = kwnames else { return false };
    let flags = vm.as_int(values[0]).and_then(|n| n.to_i64());
    let old = i64::from(code_flags(&c));
    let only_that_bit = flags == Some(old | i64::from(CO_ITERABLE_COROUTINE));
    if str_of(*name).is_some_and(|n| n.to_string_lossy() == "co_flags")
        && only_that_bit
        && c.unit.flags.contains(CodeFlags::GENERATOR)
    {
        c.iterable_coroutine.set(true);
        return true;
    }
    false
}

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None)`.
pub fn function_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (positional, keywords) = super::split_kwargs(&args[1..], kwnames);
    let order = ["code", "globals", "name", "argdefs", "closure"];
    let mut slots = [None; 5];
    for (slot, v) in slots.iter_mut().zip(positional) {
        *slot = Some(*v);
    }
    if positional.len() > 5 {
        return Err(vm.type_error(&format!(
            "function() takes at most 5 arguments ({} given)",
            positional.len()
        )));
    }
    for (k, v) in keywords {
        let Some(i) = order.iter().position(|o| *o == k) else {
            return Err(
                vm.type_error(&format!("'{k}' is an invalid keyword argument for function()"))
            );
        };
        slots[i] = Some(v);
    }
    let [code, globals, name, argdefs, closure] = slots.map(|s| s.unwrap_or(Value::NONE));
    if let Some(i) = slots[..2].iter().position(Option::is_none) {
        return Err(vm.type_error(&format!(
            "function() missing required argument '{}' (pos {})",
            order[i],
            i + 1
        )));
    }
    let Some(code) = crate::vm::code::code_of(code) else {
        return Err(vm.type_error(&format!(
            "function() argument 'code' must be code, not {}",
            arg_type_name(vm, code)
        )));
    };
    if crate::object::dict::dict_of(globals).is_none() {
        return Err(vm.type_error(&format!(
            "function() argument 'globals' must be dict, not {}",
            arg_type_name(vm, globals)
        )));
    }
    if !name.is_none() && str_of(name).is_none() {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if !argdefs.is_none() && tuple_of(argdefs).is_none() {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let frees = code.unit.frees.len();
    let cells = tuple_of(closure).map(|t| t.items().to_vec());
    match (&cells, frees) {
        (None, 0) if closure.is_none() => {}
        (None, _) if closure.is_none() => {
            return Err(vm.type_error("arg 5 (closure) must be tuple"))
        }
        (None, _) => return Err(vm.type_error("arg 5 (closure) must be None or tuple")),
        (Some(items), _) => {
            if items.len() != frees {
                return Err(vm.value_error(&format!(
                    "{} requires closure of length {frees}, not {}",
                    str_of(code.name).map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                    items.len()
                )));
            }
            if let Some(bad) = items.iter().find(|v| crate::vm::function::cell_of(**v).is_none()) {
                return Err(vm.type_error(&format!(
                    "arg 5 (closure) expected cell, found {}",
                    vm.type_name(*bad)
                )));
            }
        }
    }
    let closure = if frees == 0 { Value::NONE } else { closure };
    let f = vm.new_function(code, globals, [argdefs, Value::NONE, Value::NONE, closure]);
    if let Some(func) = crate::vm::function::function_of(f) {
        if !name.is_none() {
            func.name.set(name);
        }
    }
    Ok(f)
}

/// The current value of an integer field `name`.
fn current_int(c: &CodeObj, name: &str) -> i64 {
    let unit = &c.unit;
    match name {
        "co_argcount" => i64::from(unit.arg_count),
        "co_posonlyargcount" => i64::from(unit.posonly_count),
        "co_kwonlyargcount" => i64::from(unit.kwonly_count),
        "co_nlocals" => c.local_names.len() as i64,
        "co_stacksize" => i64::from(unit.slot_count),
        "co_flags" => i64::from(code_flags(c)),
        _ => i64::from(unit.first_line),
    }
}

/// The new code object, once CPython's checks have passed: refuses what
/// the compiled instructions cannot follow.
fn build_replaced(
    vm: &mut Vm,
    c: Gc<CodeObj>,
    given: &[(String, Value)],
    [argcount, posonly, kwonly, flags, firstlineno]: [i64; 5],
) -> PyResult {
    let get = |name: &str| given.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    let items = |name: &str| get(name).and_then(tuple_of).map(|t| t.items().to_vec());
    let cannot = |vm: &Vm, what: &str| {
        vm.value_error(&format!(
            "code.replace(): tachyon cannot change {what} (its register bytecode is compiled for the original)"
        ))
    };
    let unchanged_counts = [
        ("co_argcount", argcount, i64::from(c.unit.arg_count)),
        ("co_posonlyargcount", posonly, i64::from(c.unit.posonly_count)),
        ("co_kwonlyargcount", kwonly, i64::from(c.unit.kwonly_count)),
    ];
    for (name, new, old) in unchanged_counts {
        if new != old {
            return Err(cannot(vm, name));
        }
    }
    let old_flags = i64::from(code_flags(&c));
    if (flags ^ old_flags) & !i64::from(CO_ITERABLE_COROUTINE | CO_NOFREE) != 0 {
        return Err(cannot(vm, "co_flags"));
    }
    let view = ByteView::of(&c.unit);
    if let Some(code) = get("co_code").and_then(bytes_of) {
        if code.as_bytes() != view.bytes.as_slice() {
            return Err(cannot(vm, "co_code"));
        }
    }
    let mut unit: CodeUnit = (*c.unit).clone();
    let mut consts = c.consts.to_vec();
    if let Some(new) = items("co_consts") {
        let (old, index) = consts_view(vm, &c);
        if new.len() != old.len() {
            return Err(cannot(vm, "the number of co_consts"));
        }
        for (slot, &i) in consts.iter_mut().zip(&index) {
            *slot = new[i];
        }
        unit.docstring = str_of(new[0]).map(|s| Rc::from(s.to_string_lossy().as_ref()));
    }
    let strings = |values: &[Value]| -> Vec<String> {
        values.iter().filter_map(|v| str_of(*v)).map(|s| s.to_string_lossy().into_owned()).collect()
    };
    let mut names = c.names.to_vec();
    let mut local_names = c.local_names.to_vec();
    let renames = [
        ("co_names", &mut unit.names, &mut names),
        ("co_varnames", &mut unit.local_names, &mut local_names),
    ];
    for (key, unit_names, values) in renames {
        if let Some(new) = items(key) {
            if new.len() != values.len() {
                return Err(cannot(vm, &format!("the number of {key}")));
            }
            *unit_names = strings(&new);
            *values = unit_names.iter().map(|n| vm.heap.intern(n)).collect();
        }
    }
    for (key, vars) in [("co_freevars", &mut unit.frees), ("co_cellvars", &mut unit.cells)] {
        if let Some(new) = items(key) {
            if new.len() != vars.len() {
                return Err(cannot(vm, &format!("the number of {key}")));
            }
            for ((name, _), v) in vars.iter_mut().zip(strings(&new)) {
                *name = v;
            }
        }
    }
    let lnotab = match get("co_lnotab").and_then(bytes_of) {
        Some(b) => b.as_bytes().to_vec(),
        None => view.lnotab(&c.unit),
    };
    unit.first_line = firstlineno as u32;
    unit.lines = view.lines_from_lnotab(&lnotab, unit.first_line);
    let name = get("co_name").unwrap_or(c.name);
    if let Some(n) = str_of(name) {
        unit.name = n.to_string_lossy().into_owned();
    }
    let filename = get("co_filename").unwrap_or(c.filename);
    if let Some(f) = str_of(filename) {
        unit.filename = Rc::from(f.to_string_lossy().as_ref());
    }
    let code_type = vm.heap.types().code;
    let parts = CodeParts {
        unit: Rc::new(unit),
        consts,
        names,
        local_names,
        name,
        qualname: c.qualname,
        filename,
    };
    let new = new_code(&vm.heap, code_type, parts);
    new.iterable_coroutine.set(flags & i64::from(CO_ITERABLE_COROUTINE) != 0);
    Ok(new.value())
}
