//! The fields CPython's built-in exception subclasses keep in their C
//! structs, as member descriptors of those types (`OSError.errno`,
//! `StopIteration.value`, `SyntaxError.lineno`, `UnicodeDecodeError.start`,
//! ...) and the `characters_written` getset of `OSError`.
//!
//! The values live in the exception's attribute storage as slot members
//! (see `object::instance`), so `e.__dict__` is `{}` for a fresh exception
//! as in CPython. A field never stored (the exception was made natively
//! with just its arguments, or `__init__` was not run) reads as what the
//! constructor would have set from `args`, and otherwise as None, as a
//! NULL `T_OBJECT` member does. The constructors ([`Vm::init_exception_fields`],
//! `ImportError.__init__`, `SyntaxError.__init__`, `OSError`) store them;
//! the `__str__`s read them through [`Vm::exception_member`].

use super::member::Member;
use super::{PyResult, Vm};
use crate::number::Int;
use crate::object::exception::exception_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};

pub const OS_ERROR: [&str; 4] = ["errno", "strerror", "filename", "filename2"];
pub const IMPORT_ERROR: [&str; 3] = ["msg", "name", "path"];
pub const SYNTAX_ERROR: [&str; 6] =
    ["msg", "filename", "lineno", "offset", "text", "print_file_and_line"];
pub const UNICODE_ERROR: [&str; 5] = ["encoding", "object", "start", "end", "reason"];
/// `OSError.characters_written`: a getset that is unset until a buffered
/// write fails part-way (or `BlockingIOError(errno, msg, written)`).
pub const CHARACTERS_WRITTEN: &str = "characters_written";

/// The member descriptors each built-in exception type holds in its dict.
fn owners(vm: &Vm) -> [(Value, &'static [&'static str]); 8] {
    let t = vm.heap.types();
    [
        (t.stop_iteration, &["value"]),
        (t.system_exit, &["code"]),
        (t.import_error, &IMPORT_ERROR),
        (t.os_error, &OS_ERROR),
        (t.syntax_error, &SYNTAX_ERROR),
        (t.unicode_encode_error, &UNICODE_ERROR),
        (t.unicode_decode_error, &UNICODE_ERROR),
        (t.unicode_translate_error, &UNICODE_ERROR),
    ]
}

pub fn install(vm: &mut Vm) {
    for (ty, names) in owners(vm) {
        for name in names {
            let key = vm.heap.intern(name);
            let d = vm.new_member(key, ty);
            crate::builtins::set_type_attr(vm, ty, name, d);
        }
    }
    let os_error = vm.heap.types().os_error;
    let key = vm.heap.intern(CHARACTERS_WRITTEN);
    let d = vm.new_getset(key, os_error);
    crate::builtins::set_type_attr(vm, os_error, CHARACTERS_WRITTEN, d);
}

/// A start or end index (CPython's `T_PYSSIZET` member): an int that
/// fits a C `ssize_t`.
fn ssize(vm: &Vm, v: Value) -> PyResult<Value> {
    match vm.as_int(v) {
        Some(Int::Small(i)) => Ok(vm.heap.new_int_i64(i)),
        Some(Int::Big(_)) => Err(PyErr::new(
            &vm.heap,
            vm.heap.types().overflow_error,
            "Python int too large to convert to C ssize_t",
        )),
        None => Err(vm.type_error("an integer is required")),
    }
}

impl Vm {
    /// The stored value of field `name` of `exc`, if any.
    fn stored_field(&self, exc: Value, name: Value) -> Option<Value> {
        self.heap.attrs_of(exc, false).and_then(|a| a.member(name))
    }

    /// Stores field `name` of `exc`.
    pub fn store_exception_field(&self, exc: Value, name: &str, v: Value) {
        let key = self.heap.intern(name);
        if let Some(attrs) = self.heap.attrs_of(exc, true) {
            attrs.set_member(&self.heap, key, v);
        }
    }

    /// Field `name` of exception `exc` as its descriptor reads it: the
    /// stored value, else what its arguments give, else None.
    pub fn exception_member(&mut self, exc: Value, name: &str) -> PyResult {
        if let Some(v) = self.known_exception_member(exc, name) {
            return Ok(v);
        }
        Ok(match name {
            CHARACTERS_WRITTEN => {
                return Err(PyErr::attribute_error(&self.heap, CHARACTERS_WRITTEN))
            }
            "start" | "end" => Value::from_small_int(0).expect("small"),
            _ => Value::NONE,
        })
    }

    /// Field `name` of `exc` when it was stored or its arguments give it;
    /// `None` for an exception made natively from just a message (whose
    /// `__str__` is then that message).
    pub fn known_exception_member(&self, exc: Value, name: &str) -> Option<Value> {
        let key = self.heap.intern(name);
        if let Some(v) = self.stored_field(exc, key) {
            return Some(v);
        }
        let derived = self.fields_from_args(exc).into_iter().find(|(n, _)| *n == name);
        derived.map(|(_, v)| v)
    }

    /// `m.__get__(exc)` for a member of [`install`].
    pub fn exception_member_get(&mut self, m: Member, obj: Value) -> PyResult {
        let name = str_of(m.name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        self.exception_member(obj, &name)
    }

    /// `m.__set__(exc, v)` (`Some`) and `m.__delete__(exc)` for a member
    /// of [`install`]: object fields read None once deleted; start and
    /// end are C integers, characters_written an optional one.
    pub fn exception_member_set(
        &mut self,
        m: Member,
        obj: Value,
        value: Option<Value>,
    ) -> PyResult<()> {
        let name = str_of(m.name).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        self.set_exception_member(obj, &name, value)
    }

    /// Sets (`Some`) or deletes field `name` of `obj` as its descriptor does.
    pub fn set_exception_member(
        &mut self,
        obj: Value,
        name: &str,
        value: Option<Value>,
    ) -> PyResult<()> {
        let v = match (name, value) {
            (CHARACTERS_WRITTEN, Some(v)) => match self.as_index(v)? {
                Some(Int::Small(i)) => self.heap.new_int_i64(i),
                Some(Int::Big(_)) => {
                    return Err(PyErr::new(
                        &self.heap,
                        self.heap.types().value_error,
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                None => {
                    return Err(self.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        self.type_name(v)
                    )))
                }
            },
            (CHARACTERS_WRITTEN, None) => {
                let key = self.heap.intern(name);
                let removed = self
                    .heap
                    .attrs_of(obj, false)
                    .is_some_and(|a| a.delete_member(&self.heap, key));
                if !removed {
                    return Err(PyErr::attribute_error(&self.heap, CHARACTERS_WRITTEN));
                }
                return Ok(());
            }
            ("start" | "end", Some(v)) => ssize(self, v)?,
            ("start" | "end", None) => {
                return Err(self.type_error("can't delete numeric/char attribute"))
            }
            (_, v) => v.unwrap_or(Value::NONE),
        };
        self.store_exception_field(obj, name, v);
        Ok(())
    }

    /// The fields the constructor of `exc`'s built-in type sets from its
    /// arguments when they have the expected form (no Python code runs).
    fn fields_from_args(&self, exc: Value) -> Vec<(&'static str, Value)> {
        let Some(e) = exception_of(exc) else { return Vec::new() };
        let args = e.args();
        let t = self.heap.types();
        let is = |ty| self.heap.is_instance(exc, ty);
        let zip = |names: &[&'static str], values: &[Value]| {
            names.iter().copied().zip(values.iter().copied()).collect::<Vec<_>>()
        };
        if is(t.stop_iteration) {
            return zip(&["value"], &[args.first().copied().unwrap_or(Value::NONE)]);
        }
        if is(t.system_exit) {
            let code = match args.len() {
                0 => Value::NONE,
                1 => args[0],
                _ => e.args.get(),
            };
            return zip(&["code"], &[code]);
        }
        if is(t.import_error) {
            let msg = if args.len() == 1 { args[0] } else { Value::NONE };
            return zip(&["msg"], &[msg]);
        }
        if is(t.syntax_error) {
            let mut fields = vec![("msg", args.first().copied().unwrap_or(Value::NONE))];
            if let [_, info] = args[..] {
                if let Some(info) = tuple_of(info).filter(|t| t.items().len() == 4) {
                    fields.extend(zip(&SYNTAX_ERROR[1..5], info.items()));
                }
            }
            return fields;
        }
        if is(t.os_error) && (2..=5).contains(&args.len()) {
            return zip(&OS_ERROR[..2], &args[..2]);
        }
        if is(t.unicode_translate_error) && args.len() == 4 {
            return zip(&UNICODE_ERROR[1..], &args);
        }
        if (is(t.unicode_encode_error) || is(t.unicode_decode_error)) && args.len() == 5 {
            return zip(&UNICODE_ERROR, &args);
        }
        Vec::new()
    }

    /// What `StopIteration`, `SystemExit` and the Unicode errors'
    /// `__init__` do past `BaseException.__init__`: check the arguments
    /// (the Unicode errors take fixed ones) and store the fields.
    pub fn init_exception_fields(&mut self, exc: Value, args: &[Value]) -> PyResult<()> {
        let t = self.heap.types();
        let is = |ty| self.heap.is_instance(exc, ty);
        if is(t.unicode_translate_error) {
            let [object, start, end, reason] = self.fixed_args::<4>(args)?;
            self.require_str(object, 1)?;
            self.require_str(reason, 4)?;
            let fields = [Value::NONE, object, ssize(self, start)?, ssize(self, end)?, reason];
            return self.store_all(exc, &UNICODE_ERROR, &fields);
        }
        let encoding = is(t.unicode_encode_error);
        if encoding || is(t.unicode_decode_error) {
            let [codec, object, start, end, reason] = self.fixed_args::<5>(args)?;
            self.require_str(codec, 1)?;
            let object = if encoding {
                self.require_str(object, 2)?;
                object
            } else {
                // UnicodeDecodeError keeps its object as bytes, whatever
                // buffer it was given.
                let Some(data) = crate::builtins::bytes_methods::bytes_like(object) else {
                    return Err(self.type_error(&format!(
                        "a bytes-like object is required, not '{}'",
                        self.type_name(object)
                    )));
                };
                self.heap.new_bytes(&data)
            };
            let (start, end) = (ssize(self, start)?, ssize(self, end)?);
            self.require_str(reason, 5)?;
            return self.store_all(exc, &UNICODE_ERROR, &[codec, object, start, end, reason]);
        }
        if is(t.stop_iteration) || is(t.system_exit) {
            for (name, v) in self.fields_from_args(exc) {
                self.store_exception_field(exc, name, v);
            }
        }
        Ok(())
    }

    fn store_all(&self, exc: Value, names: &[&str], values: &[Value]) -> PyResult<()> {
        for (name, v) in names.iter().zip(values) {
            self.store_exception_field(exc, name, *v);
        }
        Ok(())
    }

    fn fixed_args<const N: usize>(&self, args: &[Value]) -> PyResult<[Value; N]> {
        args.try_into().map_err(|_| {
            self.type_error(&format!("function takes exactly {N} arguments ({} given)", args.len()))
        })
    }

    fn require_str(&self, v: Value, position: usize) -> PyResult<()> {
        if str_of(v).is_some() {
            return Ok(());
        }
        Err(self.type_error(&format!("argument {position} must be str, not {}", self.type_name(v))))
    }
}
