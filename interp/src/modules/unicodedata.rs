//! `unicodedata`: the Unicode 12.1.0 character database with CPython
//! 3.8's functions, argument checks and messages, and `ucd_3_2_0`, the
//! only instance of `unicodedata.UCD`, answering the same methods from
//! Unicode 3.2.0 (for `stringprep` and the `idna` codec). The data and
//! the normalizer are `crate::unicode`'s; this module parses arguments.

use super::support::new_class;
use super::{module_set, native_module};
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::{add_method, set_type_attr};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::unicode::names;
use crate::unicode::normalize::{self, Form};
use crate::unicode::ucd::{self, Version};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

const DOC: &str = "This module provides access to the Unicode Character Database which
defines character properties for all Unicode characters. The data in
this database is based on the UnicodeData.txt file version
12.1.0 which is publicly available from ftp://ftp.unicode.org/.

The module uses the same names and symbols as defined by the
UnicodeData File Format 12.1.0.";

/// CPython's `NAME_MAXLEN`: longer names are not looked up.
const NAME_MAXLEN: usize = 256;

/// One call of a function of the database: its name, the version asked,
/// the arguments after any receiver.
#[derive(Clone, Copy)]
struct Call<'a> {
    name: &'static str,
    version: Version,
    args: &'a [Value],
    kwnames: &'a [Value],
}

type UcdFn = fn(&mut Vm, Call) -> PyResult;

/// Declares, for each implementation `name` below, the module function
/// (today's data) in `current` and the `UCD` method (3.2.0 data; the
/// method descriptor has checked the receiver) in `old`, and `FUNCTIONS`
/// listing both.
macro_rules! ucd_functions {
    ($($name:ident,)*) => {
        mod current {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                let imp: UcdFn = super::$name;
                imp(vm, Call { name: stringify!($name), version: Version::Current, args, kwnames })
            })*
        }
        mod old {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                let imp: UcdFn = super::$name;
                let args = args.get(1..).unwrap_or(&[]);
                imp(vm, Call { name: stringify!($name), version: Version::V3_2_0, args, kwnames })
            })*
        }
        const FUNCTIONS: &[(&str, NativeFn, NativeFn)] =
            &[$((stringify!($name), current::$name, old::$name),)*];
    };
}

ucd_functions! {
    decimal,
    digit,
    numeric,
    category,
    bidirectional,
    combining,
    mirrored,
    east_asian_width,
    decomposition,
    is_normalized,
    normalize,
    name,
    lookup,
}

pub fn create(vm: &mut Vm) -> PyResult {
    native_module(vm, "unicodedata", |vm, module| {
        let doc = vm.heap.new_str(DOC);
        module_set(vm, module, "__doc__", doc)?;
        let ucd_class = new_class(vm, module, "unicodedata", "UCD", &[])?;
        let tp_name = vm.heap.new_str("unicodedata.UCD");
        set_type_attr(vm, ucd_class, "__tachyon_tp_name__", tp_name);
        let new = crate::builtins::native(vm, "__new__", ucd_new);
        set_type_attr(vm, ucd_class, "__new__", new);
        add_method(vm, ucd_class, "__setattr__", ucd_setattr);
        let old_version = vm.heap.new_str("3.2.0");
        set_type_attr(vm, ucd_class, "unidata_version", old_version);
        for &(name, function, method) in FUNCTIONS {
            let f = crate::builtins::native_in(vm, module, name, function);
            module_set(vm, module, name, f)?;
            add_method(vm, ucd_class, name, method);
        }
        let class = Gc::<TypeObj>::from_value(ucd_class).ok_or_else(|| vm.type_error("UCD"))?;
        let ucd_3_2_0 = vm.heap.new_instance(class);
        module_set(vm, module, "ucd_3_2_0", ucd_3_2_0)?;
        let version = vm.heap.new_str("12.1.0");
        module_set(vm, module, "unidata_version", version)
    })
}

/// `UCD()`: only the module makes one.
fn ucd_new(vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult {
    Err(vm.type_error("cannot create 'unicodedata.UCD' instances"))
}

/// `ucd_3_2_0.x = v`: the object has no settable attributes.
fn ucd_setattr(vm: &mut Vm, args: &[Value], _kwnames: &[Value]) -> PyResult {
    let name = args.get(1).and_then(|v| str_of(*v));
    let name = name.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let msg = if name == "unidata_version" {
        "readonly attribute".to_string()
    } else {
        format!("'unicodedata.UCD' object has no attribute '{name}'")
    };
    Err(PyErr::attribute_error(&vm.heap, &msg))
}

fn no_keywords(vm: &Vm, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

/// The code point of a str of length one.
fn single_char(v: Value) -> Option<u32> {
    let s = str_of(v)?;
    if s.char_len() == 1 {
        s.code_point_at(0)
    } else {
        None
    }
}

fn not_a_character(vm: &Vm, name: &str, which: &str, v: Value) -> PyErr {
    let given = vm.type_name(v);
    vm.type_error(&format!("{name}() {which} must be a unicode character, not {given}"))
}

/// The one argument of a function of one character (`category(chr)`).
fn one_char(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<u32> {
    no_keywords(vm, name, kwnames)?;
    if args.len() != 1 {
        let msg = format!("{name}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    single_char(args[0]).ok_or_else(|| not_a_character(vm, name, "argument", args[0]))
}

/// `(chr, default=<none>, /)` of `decimal`, `digit`, `numeric`, `name`.
fn char_and_default(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<(u32, Option<Value>)> {
    no_keywords(vm, name, kwnames)?;
    match args.len() {
        0 => Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 | 2 => {
            let cp = single_char(args[0])
                .ok_or_else(|| not_a_character(vm, name, "argument 1", args[0]))?;
            Ok((cp, args.get(1).copied()))
        }
        n => Err(vm.type_error(&format!("{name} expected at most 2 arguments, got {n}"))),
    }
}

/// `f` of the character argument (a `(chr, default, /)` function): its
/// answer, else the default, else ValueError `missing`.
fn or_default(
    vm: &mut Vm,
    c: Call,
    missing: &str,
    f: impl FnOnce(&mut Vm, u32, Version) -> Option<Value>,
) -> PyResult {
    let (cp, default) = char_and_default(vm, c.name, c.args, c.kwnames)?;
    f(vm, cp, c.version).or(default).ok_or_else(|| vm.value_error(missing))
}

fn decimal(vm: &mut Vm, c: Call) -> PyResult {
    or_default(vm, c, "not a decimal", |vm, cp, v| {
        ucd::decimal(cp, v).map(|d| vm.heap.new_int_i64(d as i64))
    })
}

fn digit(vm: &mut Vm, c: Call) -> PyResult {
    or_default(vm, c, "not a digit", |vm, cp, _| {
        ucd::digit(cp).map(|d| vm.heap.new_int_i64(d as i64))
    })
}

fn numeric(vm: &mut Vm, c: Call) -> PyResult {
    or_default(vm, c, "not a numeric character", |_, cp, v| {
        ucd::numeric(cp, v).map(Value::from_f64)
    })
}

fn name(vm: &mut Vm, c: Call) -> PyResult {
    or_default(vm, c, "no such name", |vm, cp, v| {
        names::name_of(cp, v).map(|n| vm.heap.new_str(&n))
    })
}

/// What a property of one character is.
enum Answer {
    Text(String),
    Int(i64),
}

/// `f` of the one character argument (a `(chr, /)` function).
fn of_one_char(vm: &mut Vm, c: Call, f: impl FnOnce(u32, Version) -> Answer) -> PyResult {
    let cp = one_char(vm, c.name, c.args, c.kwnames)?;
    Ok(match f(cp, c.version) {
        Answer::Text(text) => vm.heap.new_str(&text),
        Answer::Int(i) => vm.heap.new_int_i64(i),
    })
}

fn category(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Text(ucd::category(cp, v).into()))
}

fn bidirectional(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Text(ucd::bidirectional(cp, v).into()))
}

fn east_asian_width(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Text(ucd::east_asian_width(cp, v).into()))
}

fn decomposition(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Text(ucd::decomposition(cp, v)))
}

fn combining(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Int(ucd::combining(cp, v).into()))
}

fn mirrored(vm: &mut Vm, c: Call) -> PyResult {
    of_one_char(vm, c, |cp, v| Answer::Int(ucd::mirrored(cp, v).into()))
}

/// The `(form, unistr, /)` of `normalize` and `is_normalized`.
fn form_and_text(
    vm: &Vm,
    name: &str,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<(Option<Form>, Vec<u32>)> {
    no_keywords(vm, name, kwnames)?;
    if args.len() != 2 {
        let msg = format!("{name} expected 2 arguments, got {}", args.len());
        return Err(vm.type_error(&msg));
    }
    let mut texts = [None, None];
    for (i, arg) in args.iter().enumerate() {
        let s = str_of(*arg).ok_or_else(|| {
            let given = vm.type_name(*arg);
            vm.type_error(&format!("{name}() argument {} must be str, not {given}", i + 1))
        })?;
        texts[i] = Some(s);
    }
    let [Some(form), Some(text)] = texts else { unreachable!("both arguments are str") };
    Ok((Form::from_name(form.as_wtf8()), text.code_points().collect()))
}

fn invalid_form(vm: &Vm) -> PyErr {
    vm.value_error("invalid normalization form")
}

fn normalize(vm: &mut Vm, c: Call) -> PyResult {
    let (form, cps) = form_and_text(vm, c.name, c.args, c.kwnames)?;
    let (args, v) = (c.args, c.version);
    if cps.is_empty() {
        return Ok(args[1]);
    }
    let form = form.ok_or_else(|| invalid_form(vm))?;
    match normalize::normalize(form, &cps, v) {
        Some(out) => Ok(vm.heap.new_str_from_code_points(&out)),
        None => Ok(args[1]),
    }
}

fn is_normalized(vm: &mut Vm, c: Call) -> PyResult {
    let (form, cps) = form_and_text(vm, c.name, c.args, c.kwnames)?;
    let v = c.version;
    if cps.is_empty() {
        return Ok(Value::TRUE);
    }
    let form = form.ok_or_else(|| invalid_form(vm))?;
    Ok(Value::from_bool(normalize::is_normalized(form, &cps, v)))
}

/// `lookup(name, /)`: the name as UTF-8 (str) or bytes.
fn lookup(vm: &mut Vm, c: Call) -> PyResult {
    let (fname, v, args) = (c.name, c.version, c.args);
    no_keywords(vm, fname, c.kwnames)?;
    if args.len() != 1 {
        let msg = format!("{fname}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(&msg));
    }
    let arg = args[0];
    let name: Vec<u8> = if let Some(s) = str_of(arg) {
        s.as_utf8(&vm.heap)?.as_bytes().to_vec()
    } else if let Some(b) = crate::object::bytes::bytes_of(arg) {
        b.as_bytes().to_vec()
    } else if bytes_like(arg).is_some() || vm.type_name(arg) == "memoryview" {
        let given = vm.type_name(arg);
        let msg = format!("{fname}() argument must be read-only bytes-like object, not {given}");
        return Err(vm.type_error(&msg));
    } else {
        let given = vm.type_name(arg);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{given}'")));
    };
    if name.len() > NAME_MAXLEN {
        let msg = vm.heap.new_str("name too long");
        return Err(PyErr::key_error(&vm.heap, msg));
    }
    match names::lookup(&name, v, true) {
        Some(cps) => Ok(vm.heap.new_str_from_code_points(&cps)),
        None => {
            // CPython formats the name with `%s`: it stops at a NUL.
            let shown = name.split(|&b| b == 0).next().unwrap_or_default();
            let shown = String::from_utf8_lossy(shown);
            let msg = vm.heap.new_str(&format!("undefined character name '{shown}'"));
            Err(PyErr::key_error(&vm.heap, msg))
        }
    }
}
