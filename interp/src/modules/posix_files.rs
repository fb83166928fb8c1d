//! More of `posix` for batch jobs, through Rust's `std` as the rest of
//! the module: syncing, truncating, positioned reads and writes, `dup`,
//! ownership and `system`. `posix.py` adds the keyword signatures and
//! the `fileno()` objects CPython accepts for descriptors.

use super::fd_table;
use super::posix::{arg, int_arg, on_path, path_arg};
use crate::builtins::os_error::from_io;
use crate::object::bytes::bytes_of;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::os::unix::fs::{FileExt, PermissionsExt};
use std::os::unix::process::ExitStatusExt;

/// The functions this file adds to `posix`.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("fsync", fsync),
    ("fdatasync", fdatasync),
    ("ftruncate", ftruncate),
    ("truncate", truncate),
    ("pread", pread),
    ("pwrite", pwrite),
    ("dup", dup),
    ("fchmod", fchmod),
    ("chown", chown),
    ("lchown", lchown),
    ("fchown", fchown),
    ("_system", system),
];

fn fsync(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "fsync")?;
    fd_table::with_file(vm, fd, |f| f.sync_all())?;
    Ok(Value::NONE)
}

fn fdatasync(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "fdatasync")?;
    fd_table::with_file(vm, fd, |f| f.sync_data())?;
    Ok(Value::NONE)
}

/// A length or offset: EINVAL when negative, as the system call says.
fn non_negative(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<u64> {
    let n = int_arg(vm, args, i, func)?;
    u64::try_from(n).map_err(|_| crate::builtins::os_error::os_error(vm, 22, None, None))
}

fn ftruncate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "ftruncate")?;
    let length = non_negative(vm, args, 1, "ftruncate")?;
    fd_table::with_file(vm, fd, |f| f.set_len(length))?;
    Ok(Value::NONE)
}

fn truncate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let length = non_negative(vm, args, 1, "truncate")?;
    on_path(vm, args, "truncate", |p| {
        std::fs::OpenOptions::new().write(true).open(p)?.set_len(length)
    })
}

fn pread(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "pread")?;
    let n = non_negative(vm, args, 1, "pread")? as usize;
    let offset = non_negative(vm, args, 2, "pread")?;
    let mut buf = vec![0u8; n];
    let got = fd_table::with_file(vm, fd, |f| f.read_at(&mut buf, offset))?;
    Ok(vm.heap.new_bytes(&buf[..got]))
}

fn pwrite(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "pwrite")?;
    let data = arg(vm, args, 1, "pwrite")?;
    let data = crate::builtins::bytes_methods::bytes_like(data)
        .filter(|_| bytes_of(data).is_some() || crate::object::str::str_of(data).is_none())
        .ok_or_else(|| {
            vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(data)))
        })?;
    let offset = non_negative(vm, args, 2, "pwrite")?;
    let n = fd_table::with_file(vm, fd, |f| f.write_at(&data, offset))?;
    Ok(vm.heap.new_int_i64(n as i64))
}

/// `dup(fd)`: a new, non-inheritable descriptor for the same file.
fn dup(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "dup")?;
    let copy = fd_table::with_file(vm, fd, |f| f.try_clone())?;
    Ok(vm.heap.new_int_i64(fd_table::insert(copy)))
}

fn fchmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "fchmod")?;
    let mode = int_arg(vm, args, 1, "fchmod")? as u32;
    fd_table::with_file(vm, fd, |f| f.set_permissions(PermissionsExt::from_mode(mode)))?;
    Ok(Value::NONE)
}

/// A uid or gid; -1 leaves it unchanged.
fn id_arg(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<Option<u32>> {
    let n = int_arg(vm, args, i, func)?;
    Ok(if n == -1 { None } else { Some(n as u32) })
}

fn chown(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (uid, gid) = (id_arg(vm, args, 1, "chown")?, id_arg(vm, args, 2, "chown")?);
    on_path(vm, args, "chown", |p| std::os::unix::fs::chown(p, uid, gid))
}

fn lchown(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let (uid, gid) = (id_arg(vm, args, 1, "lchown")?, id_arg(vm, args, 2, "lchown")?);
    on_path(vm, args, "lchown", |p| std::os::unix::fs::lchown(p, uid, gid))
}

fn fchown(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "fchown")?;
    let (uid, gid) = (id_arg(vm, args, 1, "fchown")?, id_arg(vm, args, 2, "fchown")?);
    fd_table::with_file(vm, fd, |f| std::os::unix::fs::fchown(&*f, uid, gid))?;
    Ok(Value::NONE)
}

/// `system(command)`: `/bin/sh -c command`, its wait status.
fn system(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let command = arg(vm, args, 0, "system")?;
    let (command, _) = path_arg(vm, command, "system")?;
    vm.flush_open_files();
    let status = std::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(command.as_os_str())
        .status()
        .map_err(|e| from_io(vm, &e, None))?;
    Ok(vm.heap.new_int_i64(status.into_raw() as i64))
}
