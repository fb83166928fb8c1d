//! `_tachyon_files`: the raw file operations under `_io` (open, read,
//! write, seek, close on descriptors), with CPython's `OSError` subclasses
//! and messages. Descriptors are those of [`super::fd_table`], shared
//! with `posix`.

use super::{fd_table, module_set};
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::{arg_range, codecs, native_in};
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::fs::OpenOptions;
use std::io::{ErrorKind, SeekFrom};
use std::os::unix::ffi::OsStrExt;

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_tachyon_files")?;
    let mark = vm.push_temp(module);
    let funcs: &[(&'static str, NativeFn)] = &[
        ("open", open),
        ("read", read),
        ("write", write),
        ("seek", seek),
        ("close", close),
        ("check", check),
    ];
    let result = funcs.iter().try_for_each(|(name, f)| {
        let v = native_in(vm, module, name, *f);
        module_set(vm, module, name, v)
    });
    vm.truncate_temps(mark);
    result.map(|_| module)
}

/// CPython's `OSError` for an I/O error, with the subclass for its kind.
fn os_error(vm: &Vm, e: &std::io::Error, path: Option<&str>) -> PyErr {
    let filename = path.map(|p| vm.heap.new_str(p));
    crate::builtins::os_error::from_io(vm, e, filename)
}

/// `open(path, mode)`: mode is one of r, w, a, x with an optional `+`.
fn open(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "open", args, kwnames, 2, 2)?;
    let (Some(path), Some(mode)) = (str_of(args[0]), str_of(args[1])) else {
        return Err(vm.type_error("open() needs a path and a mode"));
    };
    let mode = mode.as_utf8(&vm.heap)?;
    let plus = mode.contains('+');
    let mut options = OpenOptions::new();
    match mode.chars().next() {
        Some('r') => options.read(true).write(plus),
        Some('w') => options.write(true).create(true).truncate(true).read(plus),
        Some('a') => options.append(true).create(true).read(plus),
        Some('x') => options.write(true).create_new(true).read(plus),
        _ => return Err(vm.value_error(&format!("invalid mode: '{mode}'"))),
    };
    // The OS name is `os.fsencode(path)`; messages show the text.
    let os_path = codecs::encode_str(vm, &path, codecs::Codec::Utf8, "surrogateescape")?;
    let path = path.to_string_lossy();
    let path = &*path;
    let file = options
        .open(std::ffi::OsStr::from_bytes(&os_path))
        .map_err(|e| os_error(vm, &e, Some(path)))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        let name = vm.heap.new_str(path);
        return Err(crate::builtins::os_error::os_error(vm, 21, Some(name), None));
    }
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from(ErrorKind::IsADirectory);
        return Err(os_error(vm, &e, Some(path)));
    }
    Ok(vm.heap.new_int_i64(fd_table::insert(file)))
}

/// `read(handle, size)`: up to `size` bytes, everything left when negative.
fn read(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "read", args, kwnames, 2, 2)?;
    let size = args[1].as_small_int().unwrap_or(-1);
    let data = fd_table::read(vm, fd_arg(args[0]), size)?;
    Ok(vm.heap.new_bytes(&data))
}

fn write(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "write", args, kwnames, 2, 2)?;
    let Some(data) = bytes_like(args[1]) else {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(args[1])
        )));
    };
    fd_table::write_all(vm, fd_arg(args[0]), &data)?;
    Ok(vm.heap.new_int_i64(data.len() as i64))
}

fn seek(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "seek", args, kwnames, 3, 3)?;
    let offset = args[1].as_small_int().unwrap_or(0);
    let whence = match args[2].as_small_int() {
        Some(0) if offset < 0 => {
            return Err(vm.value_error(&format!("negative seek position {offset}")));
        }
        Some(0) => SeekFrom::Start(offset as u64),
        Some(1) => SeekFrom::Current(offset),
        Some(2) => SeekFrom::End(offset),
        _ => return Err(vm.value_error("invalid whence")),
    };
    let pos = fd_table::seek(vm, fd_arg(args[0]), whence)?;
    Ok(vm.heap.new_int_i64(pos as i64))
}

fn close(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "close", args, kwnames, 1, 1)?;
    fd_table::remove(fd_arg(args[0]));
    Ok(Value::NONE)
}

/// `check(fd)`: raises EBADF unless `fd` is open (what `_io.open(fd)`
/// checks first).
fn check(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "check", args, kwnames, 1, 1)?;
    match fd_table::is_open(fd_arg(args[0])) {
        true => Ok(Value::NONE),
        false => Err(fd_table::bad_fd(vm)),
    }
}

/// A descriptor argument; -1 (never open) for anything but a small int.
fn fd_arg(v: Value) -> i64 {
    v.as_small_int().unwrap_or(-1)
}

/// The builtin `open`: `_io.open`, with `_io` imported on first use so
/// that programs that open no file load nothing.
pub fn builtin_open(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::call_lazy_class(vm, "_io", "open", args, kwnames)
}
