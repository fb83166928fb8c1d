//! `OSError` as CPython builds it: `OSError(errno, strerror[, filename[,
//! winerror[, filename2]]])` sets those attributes, picks the subclass the
//! errno names (`OSError(2, ...)` is a `FileNotFoundError`), and prints as
//! `[Errno 2] No such file or directory: 'x'`. Native code raises its OS
//! errors through [`os_error`] and [`from_io`].

use super::{add_method, add_new};
use crate::modules::errno;
use crate::object::exception::exception_of;
use crate::object::types::TypeObj;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

use crate::vm::exception_members::{CHARACTERS_WRITTEN, OS_ERROR as FIELDS};

/// `OSError`'s fields are member descriptors (`vm::exception_members`).
pub fn install(vm: &mut Vm) {
    let t = vm.heap.types().os_error;
    add_new(vm, t, os_error_new);
    add_method(vm, t, "__init__", os_error_init);
}

/// The subclass CPython picks for `errno` (PEP 3151).
fn subclass_for(vm: &Vm, number: i64) -> Option<Value> {
    let t = vm.heap.types();
    let name = errno::CODES.iter().find(|c| i64::from(c.0) == number)?.1;
    Some(match name {
        "EAGAIN" | "EALREADY" | "EINPROGRESS" => t.blocking_io_error,
        "ECHILD" => t.child_process_error,
        "EPIPE" | "ESHUTDOWN" => t.broken_pipe_error,
        "ECONNABORTED" => t.connection_aborted_error,
        "ECONNREFUSED" => t.connection_refused_error,
        "ECONNRESET" => t.connection_reset_error,
        "EEXIST" => t.file_exists_error,
        "ENOENT" => t.file_not_found_error,
        "EISDIR" => t.is_a_directory_error,
        "ENOTDIR" => t.not_a_directory_error,
        "EINTR" => t.interrupted_error,
        "EACCES" | "EPERM" => t.permission_error,
        "ESRCH" => t.process_lookup_error,
        "ETIMEDOUT" => t.timeout_error,
        _ => return None,
    })
}

fn os_error_new(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let Some(mut cls) = args.first().and_then(|c| Gc::<TypeObj>::from_value(*c)) else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let rest = &args[1..];
    if cls.value() == vm.heap.types().os_error && (2..=5).contains(&rest.len()) {
        if let Some(sub) = vm.as_int(rest[0]).and_then(|n| n.to_i64()) {
            if let Some(t) = subclass_for(vm, sub).and_then(Gc::<TypeObj>::from_value) {
                cls = t;
            }
        }
    }
    let exc = vm.heap.new_exception(cls, rest);
    set_fields(vm, exc, rest)?;
    Ok(exc)
}

fn os_error_init(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() {
        let name = vm.type_name(args[0]);
        return Err(vm.type_error(&format!("{name} does not take keyword arguments")));
    }
    if let Some(e) = exception_of(args[0]) {
        e.args.set(vm.heap.new_tuple(&args[1..]));
    }
    set_fields(vm, args[0], &args[1..])?;
    Ok(Value::NONE)
}

/// Sets errno, strerror, filename, filename2 from constructor arguments;
/// with a filename, `args` keeps only `(errno, strerror)` as in CPython.
/// A `BlockingIOError`'s third argument, when a number, is its
/// `characters_written` instead (CPython checks the exact type).
fn set_fields(vm: &mut Vm, exc: Value, args: &[Value]) -> PyResult<()> {
    let Some(e) = exception_of(exc) else { return Ok(()) };
    let mut values = [Value::NONE; 4];
    if (2..=5).contains(&args.len()) {
        values[0] = args[0];
        values[1] = args[1];
        let third = args.get(2).copied().unwrap_or(Value::NONE);
        let blocking = vm.heap.type_of(exc) == vm.heap.types().blocking_io_error;
        if blocking && !third.is_none() && vm.as_num(third).is_some() {
            vm.set_exception_member(exc, CHARACTERS_WRITTEN, Some(third))?;
        } else if !third.is_none() {
            values[2] = third;
            values[3] = args.get(4).copied().unwrap_or(Value::NONE);
            e.args.set(vm.heap.new_tuple(&args[..2]));
        }
    }
    for (name, v) in FIELDS.iter().zip(values) {
        vm.store_exception_field(exc, name, v);
    }
    Ok(())
}

/// `str(exc)` of an `OSError` with an errno, `None` for other exceptions.
pub fn os_error_str(vm: &mut Vm, exc: Value) -> PyResult<Option<String>> {
    if !vm.heap.is_instance(exc, vm.heap.types().os_error) {
        return Ok(None);
    }
    if exception_of(exc).is_none() {
        return Ok(None);
    }
    let mut fields = [Value::NONE; 4];
    for (slot, name) in fields.iter_mut().zip(FIELDS) {
        *slot = vm.exception_member(exc, name)?;
    }
    let [number, text, filename, filename2] = fields;
    if number.is_none() && text.is_none() {
        return Ok(None);
    }
    let head = format!("[Errno {}] {}", vm.str_of_value(number)?, vm.str_of_value(text)?);
    Ok(Some(match (filename.is_none(), filename2.is_none()) {
        (true, _) => head,
        (false, true) => format!("{head}: {}", vm.repr_of_value(filename)?),
        (false, false) => {
            format!("{head}: {} -> {}", vm.repr_of_value(filename)?, vm.repr_of_value(filename2)?)
        }
    }))
}

/// The `OSError` subclass for `number` with CPython's message, about
/// `filename` (and `filename2`) when given.
pub fn os_error(vm: &Vm, number: i64, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let t = vm.heap.types();
    let ty = subclass_for(vm, number).unwrap_or(t.os_error);
    let number_value = vm.heap.new_int_i64(number);
    let text = vm.heap.new_str(&errno::strerror(number));
    let mut args = vec![number_value, text];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            args.push(Value::NONE);
            args.push(f2);
        }
    }
    let exc = vm.heap.new_exception(Gc::<TypeObj>::from_value(ty).expect("a type"), &args);
    let filename = args.get(2).copied().unwrap_or(Value::NONE);
    let filename2 = args.get(4).copied().unwrap_or(Value::NONE);
    if args.len() > 2 {
        if let Some(e) = exception_of(exc) {
            e.args.set(vm.heap.new_tuple(&args[..2]));
        }
    }
    for (name, v) in FIELDS.iter().zip([args[0], args[1], filename, filename2]) {
        vm.store_exception_field(exc, name, v);
    }
    PyErr::from_exception(exc)
}

/// An `OSError` for a failed Rust I/O call.
pub fn from_io(vm: &Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    match e.raw_os_error() {
        Some(n) => os_error(vm, n.into(), filename, None),
        None => {
            let text = vm.heap.new_str(&e.to_string());
            let ty = vm.heap.types().os_error;
            PyErr::with_args(&vm.heap, ty, &[text])
        }
    }
}
