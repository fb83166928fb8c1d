//! `_csv`: the record parser and writer under CPython's `csv.py`, with
//! CPython 3.8's dialect rules and messages (Modules/_csv.c).
//!
//! A `Dialect` keeps its settings as read-only attributes of a native
//! class; readers and writers keep their iterator, output method and
//! dialect the same way, and read the dialect once per record.

use super::module_set;
use super::support::{exec_in_module, module_attr, module_error, new_class, receiver_state};
use super::support::{set_state, state};
use crate::builtins::{add_new, split_kwargs};
use crate::object::str::str_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// CPython's default `field_size_limit`: 128 KiB.
const DEFAULT_FIELD_LIMIT: i64 = 128 * 1024;

/// Hidden module attributes: the reader and writer classes, and the limit.
const READER_CLASS: &str = "_reader_type";
const WRITER_CLASS: &str = "_writer_type";
const FIELD_LIMIT: &str = "_field_limit";

/// The settings of a dialect, in the order `Dialect()` takes them.
const DIALECT_KEYWORDS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// `_csv.Error`, and the read-only attributes of a dialect (the VM calls a
/// class's `__setattr__` when it is a Python function).
const DIALECT_READ_ONLY: &str = "\
class Error(Exception):
    __module__ = '_csv'

def _read_only(self, name, value=None):
    if name in ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
                'quoting', 'skipinitialspace', 'strict'):
        raise AttributeError(\"attribute '%s' of '_csv.Dialect' objects is not writable\" % name)
    raise AttributeError(\"'_csv.Dialect' object has no attribute '%s'\" % name)

Dialect.__setattr__ = Dialect.__delattr__ = _read_only
del _read_only
";

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_csv", |vm, module| {
        let dialect = new_class(vm, module, "_csv", "Dialect", &[])?;
        add_new(vm, dialect, dialect_new);
        let doc = vm.heap.new_str(
            "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
        );
        crate::builtins::set_type_attr(vm, dialect, "__doc__", doc);
        let reader_methods: &[(&'static str, NativeFn)] =
            &[("__iter__", reader_iter), ("__next__", reader_next)];
        let reader = new_class(vm, module, "_csv", "reader", reader_methods)?;
        module_set(vm, module, READER_CLASS, reader)?;
        let writer_methods: &[(&'static str, NativeFn)] =
            &[("writerow", writer_writerow), ("writerows", writer_writerows)];
        let writer = new_class(vm, module, "_csv", "writer", writer_methods)?;
        module_set(vm, module, WRITER_CLASS, writer)?;
        // The functions replace the classes of the same names, as in CPython.
        super::add_functions(
            vm,
            module,
            &[
                ("reader", csv_reader),
                ("writer", csv_writer),
                ("register_dialect", register_dialect),
                ("unregister_dialect", unregister_dialect),
                ("get_dialect", get_dialect),
                ("list_dialects", list_dialects),
                ("field_size_limit", field_size_limit),
            ],
        )?;
        for (name, n) in [
            ("QUOTE_MINIMAL", QUOTE_MINIMAL),
            ("QUOTE_ALL", QUOTE_ALL),
            ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
            ("QUOTE_NONE", QUOTE_NONE),
            (FIELD_LIMIT, DEFAULT_FIELD_LIMIT),
        ] {
            let v = vm.heap.new_int_i64(n);
            module_set(vm, module, name, v)?;
        }
        let dialects = vm.heap.new_dict();
        module_set(vm, module, "_dialects", dialects)?;
        let version = vm.heap.new_str("1.0");
        module_set(vm, module, "__version__", version)?;
        let doc = vm.heap.new_str("CSV parsing and writing.\n");
        module_set(vm, module, "__doc__", doc)?;
        exec_in_module(vm, module, DIALECT_READ_ONLY)
    })
}

fn csv_error(vm: &mut Vm, msg: &str) -> PyErr {
    module_error(vm, "_csv", "Error", msg)
}

// ---- dialects

/// A dialect's settings as the parser and writer use them.
#[derive(Clone, Debug, PartialEq)]
struct DialectSpec {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    lineterminator: String,
    quoting: i64,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
}

impl DialectSpec {
    /// The settings of a `Dialect` instance.
    fn read(vm: &Vm, dialect: Value) -> PyResult<DialectSpec> {
        let get = |name: &str| {
            state(vm, dialect, name).ok_or_else(|| vm.type_error("not a _csv.Dialect"))
        };
        let char_of = |v: Value| str_of(v).and_then(|s| s.to_str().ok()?.chars().next());
        let flag = |v: Value| v.as_bool().unwrap_or(false);
        Ok(DialectSpec {
            delimiter: char_of(get("delimiter")?).unwrap_or(','),
            quotechar: char_of(get("quotechar")?),
            escapechar: char_of(get("escapechar")?),
            lineterminator: str_of(get("lineterminator")?)
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            quoting: get("quoting")?.as_small_int().unwrap_or(QUOTE_MINIMAL),
            doublequote: flag(get("doublequote")?),
            skipinitialspace: flag(get("skipinitialspace")?),
            strict: flag(get("strict")?),
        })
    }

    /// Stores the settings as `obj`'s attributes.
    fn store(&self, vm: &mut Vm, obj: Value) -> PyResult<()> {
        let char_value = |vm: &mut Vm, c: Option<char>| match c {
            Some(c) => vm.heap.new_str(c.encode_utf8(&mut [0; 4])),
            None => Value::NONE,
        };
        let delimiter = char_value(vm, Some(self.delimiter));
        set_state(vm, obj, "delimiter", delimiter)?;
        let quotechar = char_value(vm, self.quotechar);
        set_state(vm, obj, "quotechar", quotechar)?;
        let escapechar = char_value(vm, self.escapechar);
        set_state(vm, obj, "escapechar", escapechar)?;
        let lineterminator = vm.heap.new_str(&self.lineterminator);
        set_state(vm, obj, "lineterminator", lineterminator)?;
        let quoting = vm.heap.new_int_i64(self.quoting);
        set_state(vm, obj, "quoting", quoting)?;
        set_state(vm, obj, "doublequote", Value::from_bool(self.doublequote))?;
        set_state(vm, obj, "skipinitialspace", Value::from_bool(self.skipinitialspace))?;
        set_state(vm, obj, "strict", Value::from_bool(self.strict))
    }
}

/// `_set_char` of CPython 3.8: None or "" leave the character unset.
fn char_setting(
    vm: &Vm,
    name: &str,
    v: Option<Value>,
    default: Option<char>,
) -> PyResult<Option<char>> {
    let Some(v) = v else { return Ok(default) };
    if v.is_none() {
        return Ok(None);
    }
    let Some(s) = str_of(v) else {
        return Err(vm.type_error(&format!("\"{name}\" must be string, not {}", vm.type_name(v))));
    };
    let mut chars = s.as_utf8(&vm.heap)?.chars();
    let first = chars.next();
    if chars.next().is_some() {
        return Err(vm.type_error(&format!("\"{name}\" must be a 1-character string")));
    }
    Ok(first)
}

fn bool_setting(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(default),
    }
}

/// The class `_csv.Dialect`.
fn dialect_class(vm: &mut Vm) -> PyResult {
    module_attr(vm, "_csv", "Dialect")
}

/// `_csv.Dialect(dialect=None, **settings)`: a dialect named in the
/// registry, an object with dialect attributes, or keyword settings over
/// either; a `Dialect` with nothing to change is returned as is.
fn dialect_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let cls = args[0];
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    if pos.len() > DIALECT_KEYWORDS.len() {
        return Err(vm.type_error(&format!(
            "function takes at most {} arguments ({} given)",
            DIALECT_KEYWORDS.len(),
            pos.len() + kws.len()
        )));
    }
    let mut given: [Option<Value>; 9] = [None; 9];
    for (i, v) in pos.iter().enumerate() {
        given[i] = Some(*v);
    }
    for (k, v) in kws {
        let Some(i) = DIALECT_KEYWORDS.iter().position(|n| *n == k) else {
            return Err(
                vm.type_error(&format!("'{k}' is an invalid keyword argument for this function"))
            );
        };
        given[i] = Some(v);
    }
    make_dialect(vm, cls, given)
}

fn make_dialect(vm: &mut Vm, cls: Value, mut given: [Option<Value>; 9]) -> PyResult {
    let dialect_type = dialect_class(vm)?;
    let mut base = given[0];
    if let Some(name) = base.filter(|b| str_of(*b).is_some()) {
        base = Some(registered_dialect(vm, name)?);
    }
    if let Some(b) = base {
        let is_dialect = Gc::<TypeObj>::from_value(dialect_type)
            .is_some_and(|t| vm.heap.type_obj(b).is_subtype(t));
        if is_dialect && given[1..].iter().all(Option::is_none) {
            return Ok(b);
        }
        let mark = vm.push_temp(b);
        for (i, name) in DIALECT_KEYWORDS.iter().enumerate().skip(1) {
            if given[i].is_none() {
                let key = vm.heap.intern(name);
                // CPython takes what the object has and ignores the rest.
                if let Ok(v) = vm.get_attr(b, key) {
                    vm.push_temp(v);
                    given[i] = Some(v);
                }
            }
        }
        let r = build_dialect(vm, cls, &given);
        vm.truncate_temps(mark);
        return r;
    }
    build_dialect(vm, cls, &given)
}

fn build_dialect(vm: &mut Vm, cls: Value, given: &[Option<Value>; 9]) -> PyResult {
    let [_, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        *given;
    let delimiter = char_setting(vm, "delimiter", delimiter, Some(','))?;
    let doublequote_flag = bool_setting(vm, doublequote, true)?;
    let escapechar_c = char_setting(vm, "escapechar", escapechar, None)?;
    let lineterminator_s = match lineterminator {
        None => Some("\r\n".to_string()),
        Some(v) if v.is_none() => None,
        Some(v) => match str_of(v) {
            Some(s) => Some(s.as_utf8(&vm.heap)?.to_string()),
            None => return Err(vm.type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar_c = char_setting(vm, "quotechar", quotechar, Some('"'))?;
    let mut quoting_n = match quoting {
        None => QUOTE_MINIMAL,
        Some(v) => match v.as_small_int().filter(|_| v.as_bool().is_none()) {
            Some(n) => n,
            None => return Err(vm.type_error("\"quoting\" must be an integer")),
        },
    };
    let skipinitialspace_flag = bool_setting(vm, skipinitialspace, false)?;
    let strict_flag = bool_setting(vm, strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting_n) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if quotechar.is_some_and(|q| q.is_none()) && quoting.is_none() {
        quoting_n = QUOTE_NONE;
    }
    if quoting_n != QUOTE_NONE && quotechar_c.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator_s else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    let spec = DialectSpec {
        delimiter,
        quotechar: quotechar_c,
        escapechar: escapechar_c,
        lineterminator,
        quoting: quoting_n,
        doublequote: doublequote_flag,
        skipinitialspace: skipinitialspace_flag,
        strict: strict_flag,
    };
    let Some(t) = Gc::<TypeObj>::from_value(cls) else {
        return Err(vm.type_error("Dialect.__new__(X): X is not a type object"));
    };
    let obj = vm.heap.new_instance(t);
    let mark = vm.push_temp(obj);
    let r = spec.store(vm, obj);
    vm.truncate_temps(mark);
    r.map(|_| obj)
}

/// A dialect made from the `dialect` argument and keywords of `reader`,
/// `writer` and `register_dialect`.
fn call_dialect(vm: &mut Vm, base: Option<Value>, kws: Vec<(String, Value)>) -> PyResult {
    let mut given: [Option<Value>; 9] = [None; 9];
    given[0] = base;
    for (k, v) in kws {
        let Some(i) = DIALECT_KEYWORDS.iter().position(|n| *n == k) else {
            return Err(
                vm.type_error(&format!("'{k}' is an invalid keyword argument for this function"))
            );
        };
        given[i] = Some(v);
    }
    let cls = dialect_class(vm)?;
    make_dialect(vm, cls, given)
}

// ---- the registry

fn dialects(vm: &mut Vm) -> PyResult {
    module_attr(vm, "_csv", "_dialects")
}

fn registered_dialect(vm: &mut Vm, name: Value) -> PyResult {
    let registry = dialects(vm)?;
    match vm.dict_get_item(registry, name)? {
        Some(d) => Ok(d),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

/// The positional arguments of `name(a[, b], **kw)`, in CPython's wording
/// for `PyArg_UnpackTuple` with an empty name.
fn one_or_two(vm: &Vm, pos: &[Value]) -> PyResult<(Value, Option<Value>)> {
    match pos {
        [a] => Ok((*a, None)),
        [a, b] => Ok((*a, Some(*b))),
        [] => Err(vm.type_error(" expected at least 1 argument, got 0")),
        more => Err(vm.type_error(&format!(" expected at most 2 arguments, got {}", more.len()))),
    }
}

fn register_dialect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    let (name, base) = one_or_two(vm, pos)?;
    if str_of(name).is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let dialect = call_dialect(vm, base, kws)?;
    let mark = vm.push_temp(dialect);
    let registry = dialects(vm);
    let r = registry.and_then(|registry| vm.dict_set_item(registry, name, dialect));
    vm.truncate_temps(mark);
    r.map(|_| Value::NONE)
}

fn unregister_dialect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let name = crate::builtins::exactly_one(vm, "unregister_dialect", args, kwnames)?;
    let registry = dialects(vm)?;
    if vm.dict_get_item(registry, name)?.is_none() {
        return Err(csv_error(vm, "unknown dialect"));
    }
    vm.call_method_by_name(registry, "pop", &[name])?;
    Ok(Value::NONE)
}

fn get_dialect(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let name = crate::builtins::exactly_one(vm, "get_dialect", args, kwnames)?;
    registered_dialect(vm, name)
}

fn list_dialects(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "list_dialects", args, kwnames)?;
    let registry = dialects(vm)?;
    let names: Vec<Value> = vm.dict_items(registry).into_iter().map(|(k, _)| k).collect();
    Ok(vm.heap.new_list(&names))
}

fn field_size_limit(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = crate::builtins::arg_range(vm, "field_size_limit", args, kwnames, 0, 1)?;
    let module = vm.import_module("_csv")?;
    let old = module_attr(vm, "_csv", FIELD_LIMIT)?;
    if let Some(&limit) = args.first() {
        let exact_int = vm.heap.type_of(limit) == vm.heap.types().int;
        if !exact_int {
            return Err(vm.type_error("limit must be an integer"));
        }
        if vm.as_int(limit).and_then(|i| i.to_i64()).is_none() {
            return Err(PyErr::overflow_error(
                &vm.heap,
                "Python int too large to convert to C long",
            ));
        }
        module_set(vm, module, FIELD_LIMIT, limit)?;
    }
    Ok(old)
}

fn current_field_limit(vm: &mut Vm) -> PyResult<i64> {
    let limit = module_attr(vm, "_csv", FIELD_LIMIT)?;
    Ok(vm.as_int(limit).and_then(|i| i.to_i64()).unwrap_or(DEFAULT_FIELD_LIMIT))
}

// ---- reading

fn csv_reader(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    let (source, base) = one_or_two(vm, pos)?;
    let it = vm.get_iter(source)?;
    let zero = Value::from_small_int(0).unwrap_or(Value::NONE);
    with_dialect(vm, READER_CLASS, base, kws, &[("_input", it), ("line_num", zero)])
}

/// A new reader or writer (`class` names its class in the module) with
/// its dialect made from `base` and `kws`, and the native `state`.
fn with_dialect(
    vm: &mut Vm,
    class: &str,
    base: Option<Value>,
    kws: Vec<(String, Value)>,
    state: &[(&str, Value)],
) -> PyResult {
    let mark = vm.push_temp(Value::NONE);
    for (_, v) in state {
        vm.push_temp(*v);
    }
    let r = (|| {
        let dialect = call_dialect(vm, base, kws)?;
        vm.push_temp(dialect);
        let cls = module_attr(vm, "_csv", class)?;
        let t = Gc::<TypeObj>::from_value(cls).ok_or_else(|| vm.type_error("no _csv class"))?;
        let obj = vm.heap.new_instance(t);
        vm.push_temp(obj);
        set_state(vm, obj, "dialect", dialect)?;
        for (name, v) in state {
            set_state(vm, obj, name, *v)?;
        }
        Ok(obj)
    })();
    vm.truncate_temps(mark);
    r
}

fn reader_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(args[0])
}

/// Where the parser is within a record (CPython's `ParserState`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParseState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

/// One input character, or the end of an input line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
    Char(char),
    EndOfLine,
}

/// What the state machine asks of its caller.
#[derive(Debug, PartialEq)]
enum Step {
    Continue,
    /// The field collected so far is complete (`numeric`: unquoted under
    /// QUOTE_NONNUMERIC, so it becomes a float).
    SaveField {
        numeric: bool,
    },
    Error(String),
}

/// The record parser: characters in, fields out.
struct Parser<'d> {
    dialect: &'d DialectSpec,
    state: ParseState,
    field: String,
    field_chars: i64,
    numeric: bool,
    limit: i64,
}

impl<'d> Parser<'d> {
    fn new(dialect: &'d DialectSpec, limit: i64) -> Self {
        Parser {
            dialect,
            state: ParseState::StartRecord,
            field: String::new(),
            field_chars: 0,
            numeric: false,
            limit,
        }
    }

    fn add_char(&mut self, c: char) -> Result<(), String> {
        if self.field_chars >= self.limit {
            return Err(format!("field larger than field limit ({})", self.limit));
        }
        self.field.push(c);
        self.field_chars += 1;
        Ok(())
    }

    /// The completed field's text; the next field starts empty.
    fn take_field(&mut self) -> String {
        self.field_chars = 0;
        std::mem::take(&mut self.field)
    }

    fn save(&mut self) -> Step {
        let numeric = std::mem::take(&mut self.numeric);
        Step::SaveField { numeric }
    }

    /// One step of CPython's `parse_process_char`.
    fn process(&mut self, input: Input) -> Step {
        match self.step(input) {
            Ok(step) => step,
            Err(msg) => Step::Error(msg),
        }
    }

    fn step(&mut self, input: Input) -> Result<Step, String> {
        use ParseState::*;
        let d = self.dialect;
        let c = match input {
            Input::Char(c) => Some(c),
            Input::EndOfLine => None,
        };
        let is_crlf = matches!(c, Some('\n' | '\r'));
        let is_quote = c.is_some() && c == d.quotechar && d.quoting != QUOTE_NONE;
        let is_escape = c.is_some() && c == d.escapechar;
        let is_delimiter = c == Some(d.delimiter);
        match self.state {
            StartRecord if c.is_none() => Ok(Step::Continue),
            StartRecord if is_crlf => {
                self.state = EatCrnl;
                Ok(Step::Continue)
            }
            StartRecord | StartField => {
                self.state = StartField;
                if c.is_none() || is_crlf {
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                    Ok(self.save())
                } else if is_quote {
                    self.state = InQuotedField;
                    Ok(Step::Continue)
                } else if is_escape {
                    self.state = EscapedChar;
                    Ok(Step::Continue)
                } else if c == Some(' ') && d.skipinitialspace {
                    Ok(Step::Continue)
                } else if is_delimiter {
                    Ok(self.save())
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = InField;
                    Ok(Step::Continue)
                }
            }
            EscapedChar => {
                if is_crlf {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = AfterEscapedCrnl;
                } else {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = InField;
                }
                Ok(Step::Continue)
            }
            AfterEscapedCrnl if c.is_none() => Ok(Step::Continue),
            AfterEscapedCrnl | InField => {
                self.state = InField;
                if c.is_none() || is_crlf {
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                    Ok(self.save())
                } else if is_escape {
                    self.state = EscapedChar;
                    Ok(Step::Continue)
                } else if is_delimiter {
                    self.state = StartField;
                    Ok(self.save())
                } else {
                    self.add_char(c.unwrap_or('\n'))?;
                    Ok(Step::Continue)
                }
            }
            InQuotedField => {
                if c.is_none() {
                } else if is_escape {
                    self.state = EscapeInQuotedField;
                } else if is_quote {
                    self.state = if d.doublequote { QuoteInQuotedField } else { InField };
                } else {
                    self.add_char(c.unwrap_or('\n'))?;
                }
                Ok(Step::Continue)
            }
            EscapeInQuotedField => {
                self.add_char(c.unwrap_or('\n'))?;
                self.state = InQuotedField;
                Ok(Step::Continue)
            }
            QuoteInQuotedField => {
                if is_quote {
                    self.add_char(c.unwrap_or('"'))?;
                    self.state = InQuotedField;
                    Ok(Step::Continue)
                } else if is_delimiter {
                    self.state = StartField;
                    Ok(self.save())
                } else if c.is_none() || is_crlf {
                    self.state = if c.is_none() { StartRecord } else { EatCrnl };
                    Ok(self.save())
                } else if !d.strict {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = InField;
                    Ok(Step::Continue)
                } else {
                    Err(format!(
                        "'{}' expected after '{}'",
                        d.delimiter,
                        d.quotechar.unwrap_or('"')
                    ))
                }
            }
            EatCrnl => {
                if is_crlf {
                    Ok(Step::Continue)
                } else if c.is_none() {
                    self.state = StartRecord;
                    Ok(Step::Continue)
                } else {
                    Err("new-line character seen in unquoted field - do you need to open the \
                         file in universal-newline mode?"
                        .to_string())
                }
            }
        }
    }
}

/// Appends the parser's field to `fields` (a float under QUOTE_NONNUMERIC
/// when it was unquoted).
fn save_field(vm: &mut Vm, parser: &mut Parser, fields: Value, numeric: bool) -> PyResult<()> {
    let text = parser.take_field();
    let mut field = vm.heap.new_str(&text);
    if numeric {
        let float = vm.heap.types().float;
        field = vm.call(float, &[field])?;
    }
    vm.list_append(fields, field);
    Ok(())
}

fn run_step(vm: &mut Vm, parser: &mut Parser, fields: Value, input: Input) -> PyResult<()> {
    match parser.process(input) {
        Step::Continue => Ok(()),
        Step::SaveField { numeric } => save_field(vm, parser, fields, numeric),
        Step::Error(msg) => Err(csv_error(vm, &msg)),
    }
}

fn reader_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let reader = args[0];
    let input = receiver_state(vm, reader, "_input", "__next__", "_csv.reader")?;
    let dialect = receiver_state(vm, reader, "dialect", "__next__", "_csv.reader")?;
    let spec = DialectSpec::read(vm, dialect)?;
    let limit = current_field_limit(vm)?;
    let fields = vm.heap.new_list(&[]);
    let mark = vm.push_temp(fields);
    let r = read_record(vm, reader, input, &spec, limit, fields);
    vm.truncate_temps(mark);
    r
}

fn read_record(
    vm: &mut Vm,
    reader: Value,
    input: Value,
    spec: &DialectSpec,
    limit: i64,
    fields: Value,
) -> PyResult {
    let mut parser = Parser::new(spec, limit);
    loop {
        let Some(line) = vm.iter_next(input)? else {
            if parser.field_chars != 0 || parser.state == ParseState::InQuotedField {
                if spec.strict {
                    return Err(csv_error(vm, "unexpected end of data"));
                }
                let numeric = std::mem::take(&mut parser.numeric);
                save_field(vm, &mut parser, fields, numeric)?;
                return Ok(fields);
            }
            return Err(PyErr::stop_iteration(&vm.heap, Value::NONE));
        };
        let Some(text) = str_of(line) else {
            let msg = format!(
                "iterator should return strings, not {} (did you open the file in text mode?)",
                vm.type_name(line)
            );
            return Err(csv_error(vm, &msg));
        };
        let line_num = state(vm, reader, "line_num").and_then(|v| v.as_small_int()).unwrap_or(0);
        let next_num = vm.heap.new_int_i64(line_num + 1);
        set_state(vm, reader, "line_num", next_num)?;
        let text = text.as_utf8(&vm.heap)?.to_string();
        for c in text.chars() {
            if c == '\0' {
                return Err(csv_error(vm, "line contains NUL"));
            }
            run_step(vm, &mut parser, fields, Input::Char(c))?;
        }
        run_step(vm, &mut parser, fields, Input::EndOfLine)?;
        if parser.state == ParseState::StartRecord {
            return Ok(fields);
        }
    }
}

// ---- writing

fn csv_writer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let (pos, kws) = split_kwargs(args, kwnames);
    let (file, base) = one_or_two(vm, pos)?;
    let write_name = vm.heap.intern("write");
    let write = vm.get_attr(file, write_name).ok();
    let Some(write) = write.filter(|w| crate::builtins::functions::is_callable(vm, *w)) else {
        return Err(vm.type_error("argument 1 must have a \"write\" method"));
    };
    with_dialect(vm, WRITER_CLASS, base, kws, &[("_write", write)])
}

/// CPython's `PyNumber_Check`: what QUOTE_NONNUMERIC leaves unquoted.
pub(crate) fn is_number(vm: &Vm, v: Value) -> bool {
    if vm.as_num(v).is_some() || Gc::<crate::object::boxes::ComplexObj>::from_value(v).is_some() {
        return true;
    }
    ["__index__", "__int__", "__float__"]
        .iter()
        .any(|name| vm.heap.lookup_in_type_of(v, vm.heap.intern(name)).is_some())
}

/// A record being joined (CPython's `join_append` and friends).
struct Record<'d> {
    dialect: &'d DialectSpec,
    text: String,
    fields: usize,
}

impl<'d> Record<'d> {
    /// Appends one field, quoted when asked or when it must be; `None` is
    /// the empty field of a `None` value.
    fn append(&mut self, field: &str, mut quoted: bool) -> Result<(), String> {
        let d = self.dialect;
        let mut body = String::with_capacity(field.len() + 2);
        for c in field.chars() {
            let special = c == d.delimiter
                || Some(c) == d.escapechar
                || Some(c) == d.quotechar
                || d.lineterminator.contains(c);
            if special {
                let mut want_escape = false;
                if d.quoting == QUOTE_NONE {
                    want_escape = true;
                } else {
                    if Some(c) == d.quotechar {
                        if d.doublequote {
                            body.push(c);
                        } else {
                            want_escape = true;
                        }
                    }
                    if !want_escape {
                        quoted = true;
                    }
                }
                if want_escape {
                    let Some(escape) = d.escapechar else {
                        return Err("need to escape, but no escapechar set".to_string());
                    };
                    body.push(escape);
                }
            }
            body.push(c);
        }
        if self.fields > 0 {
            self.text.push(d.delimiter);
        }
        let quote = d.quotechar.filter(|_| quoted);
        self.text.extend(quote);
        self.text.push_str(&body);
        self.text.extend(quote);
        self.fields += 1;
        Ok(())
    }
}

fn writer_writerow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let row = crate::builtins::exactly_one(vm, "writerow", &args[1..], kwnames)?;
    write_row(vm, args[0], row)
}

fn write_row(vm: &mut Vm, writer: Value, row: Value) -> PyResult {
    let write = receiver_state(vm, writer, "_write", "writerow", "_csv.writer")?;
    let dialect = receiver_state(vm, writer, "dialect", "writerow", "_csv.writer")?;
    let spec = DialectSpec::read(vm, dialect)?;
    let it = match vm.get_iter(row) {
        Ok(it) => it,
        Err(e) if e.matches(&vm.heap, vm.heap.types().type_error) => {
            let msg = format!("iterable expected, not {}", vm.type_name(row));
            return Err(csv_error(vm, &msg));
        }
        Err(e) => return Err(e),
    };
    let mark = vm.push_temp(it);
    let line = join_row(vm, &spec, it);
    vm.truncate_temps(mark);
    let line = line?;
    let line = vm.heap.new_str_from_string(line);
    vm.call(write, &[line])
}

fn join_row(vm: &mut Vm, spec: &DialectSpec, it: Value) -> PyResult<String> {
    let mut record = Record { dialect: spec, text: String::new(), fields: 0 };
    while let Some(field) = vm.iter_next(it)? {
        let quoted = match spec.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if let Some(s) = str_of(field) {
            s.as_utf8(&vm.heap)?.to_string()
        } else if field.is_none() {
            String::new()
        } else {
            vm.str_of_value(field)?
        };
        if let Err(msg) = record.append(&text, quoted) {
            return Err(csv_error(vm, &msg));
        }
    }
    if record.fields > 0 && record.text.is_empty() {
        if spec.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        record.fields -= 1;
        if let Err(msg) = record.append("", true) {
            return Err(csv_error(vm, &msg));
        }
    }
    record.text.push_str(&spec.lineterminator);
    Ok(record.text)
}

fn writer_writerows(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let rows = crate::builtins::exactly_one(vm, "writerows", &args[1..], kwnames)?;
    let writer = args[0];
    let it = vm.get_iter(rows)?;
    let mark = vm.push_temp(it);
    let r = (|| {
        while let Some(row) = vm.iter_next(it)? {
            write_row(vm, writer, row)?;
        }
        Ok(Value::NONE)
    })();
    vm.truncate_temps(mark);
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excel() -> DialectSpec {
        DialectSpec {
            delimiter: ',',
            quotechar: Some('"'),
            escapechar: None,
            lineterminator: "\r\n".to_string(),
            quoting: QUOTE_MINIMAL,
            doublequote: true,
            skipinitialspace: false,
            strict: false,
        }
    }

    /// The fields of one line, with the saved fields as text.
    fn parse_line(d: &DialectSpec, line: &str) -> Result<Vec<String>, String> {
        let mut p = Parser::new(d, DEFAULT_FIELD_LIMIT);
        let mut out = Vec::new();
        let inputs = line.chars().map(Input::Char).chain([Input::EndOfLine]);
        for input in inputs {
            match p.process(input) {
                Step::Continue => {}
                Step::SaveField { .. } => out.push(p.take_field()),
                Step::Error(e) => return Err(e),
            }
        }
        Ok(out)
    }

    #[test]
    fn quoted_fields_and_doubled_quotes() {
        let d = excel();
        assert_eq!(
            parse_line(&d, r#"a,"b,c","say ""hi""",,"#).unwrap(),
            ["a", "b,c", "say \"hi\"", "", ""]
        );
        assert_eq!(parse_line(&d, "").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn strict_mode_rejects_text_after_a_closing_quote() {
        let d = DialectSpec { strict: true, ..excel() };
        assert_eq!(parse_line(&d, r#""a"b"#).unwrap_err(), "',' expected after '\"'");
        assert_eq!(parse_line(&excel(), r#""a"b"#).unwrap(), ["ab"]);
    }

    #[test]
    fn writer_quotes_what_needs_quoting() {
        let d = excel();
        let mut r = Record { dialect: &d, text: String::new(), fields: 0 };
        r.append("plain", false).unwrap();
        r.append("a,b", false).unwrap();
        r.append("q\"", false).unwrap();
        r.append("two\nlines", false).unwrap();
        assert_eq!(r.text, "plain,\"a,b\",\"q\"\"\",\"two\nlines\"");
        let none = DialectSpec { quoting: QUOTE_NONE, ..excel() };
        let mut r = Record { dialect: &none, text: String::new(), fields: 0 };
        assert_eq!(r.append("a,b", false).unwrap_err(), "need to escape, but no escapechar set");
    }
}
