//! `posix`: the operating-system calls under `os`, through Rust's `std`
//! (no libc crate, no `unsafe`). The Rust functions here take positional
//! arguments; `posix.py`, run in the same module, adds the keyword
//! signatures, `stat_result`, `DirEntry`/`scandir`, `environ` and the
//! wait-status macros.
//!
//! File descriptors are the kernel's, kept in [`super::fd_table`] (shared
//! with `_io`).

use super::fd_table;
use crate::builtins::codecs;
use crate::builtins::os_error::{from_io, os_error};
use crate::object::bytes::bytes_of;
use crate::object::str::{str_of, StrObj};
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::ffi::OsStr;
use std::fs::{File, OpenOptions};
use std::io::{Read, SeekFrom};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "posix", fill)
}

fn fill(vm: &mut Vm, module: Value) -> PyResult<()> {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("_listdir", listdir),
        ("_scandir_entries", scandir_entries),
        ("_stat", stat),
        ("_mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", unlink),
        ("rename", rename),
        ("replace", rename),
        ("_access", access),
        ("chdir", chdir),
        ("chmod", chmod),
        ("readlink", readlink),
        ("symlink", symlink),
        ("link", link),
        ("_open", open),
        ("read", read),
        ("write", write),
        ("close", close),
        ("lseek", lseek),
        ("isatty", isatty),
        ("urandom", urandom),
        ("getpid", getpid),
        ("kill", crate::vm::signals::posix_kill),
        ("getppid", getppid),
        ("_ids", ids),
        ("strerror", strerror),
        ("umask", umask),
        ("cpu_count", cpu_count),
        ("_uname", uname),
        ("_times", times),
        ("_exit", exit),
        ("_environ", environ),
        ("putenv", putenv),
        ("_utime", utime),
        ("pipe", pipe),
        ("unsetenv", unsetenv),
    ];
    super::add_functions(vm, module, funcs)?;
    super::add_functions(vm, module, super::posix_files::FUNCTIONS)?;
    super::add_functions(vm, module, super::posix_process::FUNCTIONS)?;
    super::add_functions(vm, module, super::posix_calls::FUNCTIONS)?;
    let dict = crate::vm::function::module_of(module).expect("a module").dict;
    vm.exec_source_in(include_str!("posix.py").as_bytes(), "<tachyon posix>", dict, dict)?;
    // pathlib keeps `os.listdir` and friends as class attributes.
    super::as_builtin_functions(vm, module)
}

/// A path argument: str or bytes (os.py turns PathLike objects into one of
/// these), and whether the caller gave bytes.
pub(super) fn path_arg(vm: &mut Vm, v: Value, func: &str) -> PyResult<(PathBuf, bool)> {
    named_path_arg(vm, v, func, "path")
}

/// [`path_arg`] for the argument `name` (rename's "src" and "dst").
fn named_path_arg(vm: &mut Vm, v: Value, func: &str, name: &str) -> PyResult<(PathBuf, bool)> {
    let what = &format!("{func}: {name}");
    let v = if str_of(v).is_none() && bytes_of(v).is_none() { fspath(vm, v, what)? } else { v };
    if let Some(s) = str_of(v) {
        let name = fs_encode(vm, &s)?;
        if name.contains(&0) {
            return Err(vm.value_error(&format!("{func}: embedded null character in path")));
        }
        return Ok((PathBuf::from(OsStr::from_bytes(&name)), false));
    }
    if let Some(b) = bytes_of(v) {
        return Ok((PathBuf::from(OsStr::from_bytes(b.as_bytes())), true));
    }
    Err(vm.type_error(&format!(
        "{what} should be string, bytes or os.PathLike, not {}",
        vm.type_name(v)
    )))
}

/// `os.fspath(v)` for an object that is not already str or bytes (a
/// pathlib path), or the path error when it has no `__fspath__`.
fn fspath(vm: &mut Vm, v: Value, func: &str) -> PyResult {
    call_fspath(vm, v)?.ok_or_else(|| {
        vm.type_error(&format!(
            "{func} should be string, bytes or os.PathLike, not {}",
            vm.type_name(v)
        ))
    })
}

/// `v.__fspath__()`, checked to be str or bytes; `None` when `v` has no
/// `__fspath__`.
pub(crate) fn call_fspath(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let name = vm.heap.intern("__fspath__");
    if vm.heap.lookup_in_type_of(v, name).is_none() {
        return Ok(None);
    }
    let path = vm.call_method_by_name(v, "__fspath__", &[])?;
    if str_of(path).is_none() && bytes_of(path).is_none() {
        return Err(vm.type_error(&format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(path)
        )));
    }
    Ok(Some(path))
}

pub(super) fn arg(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<Value> {
    args.get(i).copied().ok_or_else(|| {
        vm.type_error(&format!("{func}() missing required argument (pos {})", i + 1))
    })
}

pub(super) fn int_arg(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<i64> {
    let v = arg(vm, args, i, func)?;
    if v.as_bool().is_none() && vm.heap.is_instance(v, vm.heap.types().float) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    vm.as_int(v).and_then(|n| n.to_i64()).ok_or_else(|| crate::builtins::int_required(vm, v))
}

/// A str path as the OS sees it: `os.fsencode` (UTF-8, lone surrogates
/// U+DC80..U+DCFF back to the bytes they stand for).
fn fs_encode(vm: &Vm, s: &StrObj) -> PyResult<Vec<u8>> {
    codecs::encode_str(vm, s, codecs::Codec::Utf8, "surrogateescape")
}

/// A name as the caller's kind of path: bytes for bytes paths, else
/// `os.fsdecode` of them (undecodable bytes as lone surrogates).
fn name_value(vm: &Vm, name: &OsStr, as_bytes: bool) -> Value {
    if as_bytes {
        return vm.heap.new_bytes(name.as_bytes());
    }
    match codecs::decode(vm, name.as_bytes(), codecs::Codec::Utf8, "surrogateescape") {
        Ok(text) => vm.heap.new_str_wtf8(&text),
        Err(_) => vm.heap.new_str(&name.to_string_lossy()),
    }
}

fn getcwd(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let cwd = std::env::current_dir().map_err(|e| from_io(vm, &e, None))?;
    Ok(name_value(vm, cwd.as_os_str(), false))
}

fn getcwdb(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let cwd = std::env::current_dir().map_err(|e| from_io(vm, &e, None))?;
    Ok(name_value(vm, cwd.as_os_str(), true))
}

/// `_listdir(path)`: the names in directory order.
fn listdir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "listdir")?;
    let (path, as_bytes) = path_arg(vm, p, "listdir")?;
    let entries = std::fs::read_dir(&path).map_err(|e| from_io(vm, &e, Some(p)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| from_io(vm, &e, Some(p)))?;
        names.push(name_value(vm, &entry.file_name(), as_bytes));
    }
    Ok(vm.heap.new_list(&names))
}

/// `_scandir_entries(path)`: `(name, kind, inode)` per entry, kind being
/// 'd', 'f', 'l' or '?' as the directory listing says (no extra stat).
fn scandir_entries(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "scandir")?;
    let (path, as_bytes) = path_arg(vm, p, "scandir")?;
    let entries = std::fs::read_dir(&path).map_err(|e| from_io(vm, &e, Some(p)))?;
    let mut rows = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| from_io(vm, &e, Some(p)))?;
        let kind = match entry.file_type() {
            Ok(t) if t.is_symlink() => "l",
            Ok(t) if t.is_dir() => "d",
            Ok(t) if t.is_file() => "f",
            _ => "?",
        };
        let name = name_value(vm, &entry.file_name(), as_bytes);
        let kind = vm.heap.intern(kind);
        let inode = vm.heap.new_int(std::os::unix::fs::DirEntryExt::ino(&entry).into());
        rows.push(vm.heap.new_tuple(&[name, kind, inode]));
    }
    Ok(vm.heap.new_list(&rows))
}

/// `_stat(path_or_fd, follow_symlinks)`: the raw fields, which `posix.py`
/// makes into a `stat_result`.
fn stat(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    // A size read after a file was dropped unclosed sees all its writes.
    vm.flush_open_files();
    let target = arg(vm, args, 0, "stat")?;
    let follow = args.get(1).is_none_or(|v| v.as_bool() != Some(false));
    let meta = if vm.as_int(target).is_some() && target.as_bool().is_none() {
        let fd = int_arg(vm, args, 0, "stat")?;
        fd_metadata(vm, fd)?
    } else {
        let (path, _) = path_arg(vm, target, "stat")?;
        let m = if follow { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) };
        m.map_err(|e| from_io(vm, &e, Some(target)))?
    };
    let fields: [i128; 16] = [
        meta.mode().into(),
        meta.ino().into(),
        meta.dev().into(),
        meta.nlink().into(),
        meta.uid().into(),
        meta.gid().into(),
        meta.size().into(),
        meta.atime().into(),
        meta.atime_nsec().into(),
        meta.mtime().into(),
        meta.mtime_nsec().into(),
        meta.ctime().into(),
        meta.ctime_nsec().into(),
        meta.blksize().into(),
        meta.blocks().into(),
        meta.rdev().into(),
    ];
    let values: Vec<Value> = fields.iter().map(|&n| vm.heap.new_int(n.into())).collect();
    Ok(vm.heap.new_tuple(&values))
}

/// The metadata of an open descriptor: the table's file, or what
/// `/proc/self/fd` says for the others.
fn fd_metadata(vm: &Vm, fd: i64) -> PyResult<std::fs::Metadata> {
    let result = match fd_table::metadata(fd) {
        Some(m) => m,
        None => std::fs::metadata(format!("/proc/self/fd/{fd}")),
    };
    result.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => os_error(vm, 9, None, None),
        _ => from_io(vm, &e, None),
    })
}

fn mkdir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "mkdir")?;
    let (path, _) = path_arg(vm, p, "mkdir")?;
    let mode = if args.len() > 1 { int_arg(vm, args, 1, "mkdir")? } else { 0o777 };
    std::fs::DirBuilder::new()
        .mode(mode as u32)
        .create(&path)
        .map_err(|e| from_io(vm, &e, Some(p)))?;
    Ok(Value::NONE)
}

/// Runs a one-path operation, raising CPython's error about that path.
pub(super) fn on_path(
    vm: &mut Vm,
    args: &[Value],
    func: &str,
    op: impl FnOnce(&std::path::Path) -> std::io::Result<()>,
) -> PyResult {
    let p = arg(vm, args, 0, func)?;
    let (path, _) = path_arg(vm, p, func)?;
    op(&path).map_err(|e| from_io(vm, &e, Some(p)))?;
    Ok(Value::NONE)
}

fn rmdir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_path(vm, args, "rmdir", |p| std::fs::remove_dir(p))
}

fn unlink(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_path(vm, args, "unlink", |p| std::fs::remove_file(p))
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_path(vm, args, "chdir", |p| std::env::set_current_dir(p))
}

fn chmod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let mode = int_arg(vm, args, 1, "chmod")? as u32;
    on_path(vm, args, "chmod", |p| std::fs::set_permissions(p, PermissionsExt::from_mode(mode)))
}

/// Runs a two-path operation; errors name both paths as CPython's do.
fn on_two_paths(
    vm: &mut Vm,
    args: &[Value],
    func: &str,
    op: impl FnOnce(&std::path::Path, &std::path::Path) -> std::io::Result<()>,
) -> PyResult {
    let (a, b) = (arg(vm, args, 0, func)?, arg(vm, args, 1, func)?);
    let (pa, _) = named_path_arg(vm, a, func, "src")?;
    let (pb, _) = named_path_arg(vm, b, func, "dst")?;
    op(&pa, &pb).map_err(|e| match e.raw_os_error() {
        Some(n) => os_error(vm, n.into(), Some(a), Some(b)),
        None => from_io(vm, &e, Some(a)),
    })?;
    Ok(Value::NONE)
}

fn rename(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_two_paths(vm, args, "rename", |a, b| std::fs::rename(a, b))
}

fn symlink(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_two_paths(vm, args, "symlink", |a, b| std::os::unix::fs::symlink(a, b))
}

fn link(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    on_two_paths(vm, args, "link", |a, b| std::fs::hard_link(a, b))
}

fn readlink(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "readlink")?;
    let (path, as_bytes) = path_arg(vm, p, "readlink")?;
    let target = std::fs::read_link(&path).map_err(|e| from_io(vm, &e, Some(p)))?;
    Ok(name_value(vm, target.as_os_str(), as_bytes))
}

/// `_access(path, mode)`: the permission bits against the process's ids
/// (the owner of `/proc/self` is the effective user); root may read and
/// write anything and execute what has an execute bit.
fn access(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "access")?;
    let (path, _) = path_arg(vm, p, "access")?;
    let mode = int_arg(vm, args, 1, "access")? as u32;
    let Ok(meta) = std::fs::metadata(&path) else { return Ok(Value::FALSE) };
    let (uid, gid) = process_ids();
    let bits = meta.mode();
    let allowed = if uid == 0 {
        let any_x = bits & 0o111 != 0 || meta.is_dir();
        if mode & 1 != 0 && !any_x {
            0
        } else {
            7
        }
    } else if meta.uid() == uid {
        (bits >> 6) & 7
    } else if meta.gid() == gid {
        (bits >> 3) & 7
    } else {
        bits & 7
    };
    Ok(Value::from_bool(mode & 7 & !allowed == 0))
}

/// The effective user and group of this process.
fn process_ids() -> (u32, u32) {
    std::fs::metadata("/proc/self").map(|m| (m.uid(), m.gid())).unwrap_or((0, 0))
}

fn ids(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let (uid, gid) = process_ids();
    let (u, g) = (vm.heap.new_int_i64(uid.into()), vm.heap.new_int_i64(gid.into()));
    Ok(vm.heap.new_tuple(&[u, g]))
}

/// `_open(path, flags, mode)` with Linux's `O_*` values.
fn open(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    const O_WRONLY: i64 = 0o1;
    const O_RDWR: i64 = 0o2;
    const O_CREAT: i64 = 0o100;
    const O_EXCL: i64 = 0o200;
    const O_TRUNC: i64 = 0o1000;
    const O_APPEND: i64 = 0o2000;
    let p = arg(vm, args, 0, "open")?;
    let (path, _) = path_arg(vm, p, "open")?;
    let flags = int_arg(vm, args, 1, "open")?;
    let mode = if args.len() > 2 { int_arg(vm, args, 2, "open")? } else { 0o777 };
    let access = flags & 3;
    let mut options = OpenOptions::new();
    options
        .read(access != O_WRONLY)
        .write(access == O_WRONLY || access == O_RDWR)
        .append(flags & O_APPEND != 0)
        .truncate(flags & O_TRUNC != 0)
        .mode(mode as u32);
    if flags & O_CREAT != 0 {
        if flags & O_EXCL != 0 {
            options.create_new(true);
        } else {
            options.create(true);
        }
    }
    let handled = 3 | O_CREAT | O_EXCL | O_TRUNC | O_APPEND;
    options.custom_flags((flags & !handled) as i32);
    let file = options.open(&path).map_err(|e| from_io(vm, &e, Some(p)))?;
    Ok(vm.heap.new_int_i64(fd_table::insert(file)))
}

fn read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "read")?;
    let n = int_arg(vm, args, 1, "read")?;
    if n < 0 {
        return Err(os_error(vm, 22, None, None));
    }
    let data = fd_table::read(vm, fd, n)?;
    Ok(vm.heap.new_bytes(&data))
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "write")?;
    let data = arg(vm, args, 1, "write")?;
    let Some(data) = super::buffer::buffer_bytes(vm, data)? else {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        )));
    };
    let n = fd_table::write(vm, fd, &data)?;
    Ok(vm.heap.new_int_i64(n as i64))
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "close")?;
    match fd_table::remove(fd) {
        true => Ok(Value::NONE),
        false => Err(fd_table::bad_fd(vm)),
    }
}

fn lseek(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "lseek")?;
    let pos = int_arg(vm, args, 1, "lseek")?;
    let how = int_arg(vm, args, 2, "lseek")?;
    let target = match how {
        0 => SeekFrom::Start(pos.max(0) as u64),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(os_error(vm, 22, None, None)),
    };
    let at = fd_table::seek(vm, fd, target)?;
    Ok(vm.heap.new_int_i64(at as i64))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "isatty")?;
    Ok(Value::from_bool(fd_table::is_terminal(fd)))
}

fn urandom(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = int_arg(vm, args, 0, "urandom")?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| from_io(vm, &e, None))?;
    Ok(vm.heap.new_bytes(&buf))
}

fn getpid(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.new_int_i64(std::process::id().into()))
}

fn getppid(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Ok(vm.heap.new_int_i64(std::os::unix::process::parent_id().into()))
}

fn strerror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let n = int_arg(vm, args, 0, "strerror")?;
    Ok(vm.heap.new_str(&super::errno::strerror(n)))
}

/// `umask(mask)`: gives the current mask (from `/proc/self/status`). Setting
/// one needs the `umask` system call, which `std` does not offer: a new
/// mask different from the current one is an error saying so.
fn umask(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let wanted = int_arg(vm, args, 0, "umask")?;
    let current = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| i64::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022);
    if wanted != current {
        return Err(PyErr::os_error(
            &vm.heap,
            "umask: tachyon cannot change the process's file mode mask",
        ));
    }
    Ok(vm.heap.new_int_i64(current))
}

fn cpu_count(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online").ok();
    let counted = online.and_then(|s| {
        s.trim().split(',').try_fold(0i64, |n, range| {
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            Some(n + b.parse::<i64>().ok()? - a.parse::<i64>().ok()? + 1)
        })
    });
    let n = counted.or_else(|| std::thread::available_parallelism().ok().map(|n| n.get() as i64));
    Ok(n.map_or(Value::NONE, |n| vm.heap.new_int_i64(n)))
}

/// `_uname()`: sysname, nodename, release, version, machine.
fn uname(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let kernel = |name: &str| {
        std::fs::read_to_string(format!("/proc/sys/kernel/{name}"))
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default()
    };
    let fields = [kernel("ostype"), kernel("hostname"), kernel("osrelease"), kernel("version")];
    let mut values: Vec<Value> = fields.iter().map(|s| vm.heap.new_str(s)).collect();
    values.push(vm.heap.new_str(std::env::consts::ARCH));
    Ok(vm.heap.new_tuple(&values))
}

/// `_times()`: user, system, children's user and system CPU seconds and
/// the seconds since boot, from `/proc` (at 100 clock ticks a second).
fn times(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    const TICKS: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0.0)).collect();
    let tick = |i: usize| Value::from_f64(fields.get(i).copied().unwrap_or(0.0) / TICKS);
    let uptime = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|f| f.parse().ok()))
        .unwrap_or(0.0);
    // utime, stime, cutime, cstime are fields 14 to 17 of the line (11 to 14 here).
    Ok(vm.heap.new_tuple(&[tick(11), tick(12), tick(13), tick(14), Value::from_f64(uptime)]))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let status = int_arg(vm, args, 0, "_exit")?;
    std::process::exit(status as i32)
}

/// `_environ()`: the environment as a dict of bytes, as CPython's
/// `posix.environ` is.
fn environ(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let d = vm.heap.new_dict();
    for (k, v) in std::env::vars_os() {
        let (k, v) = (vm.heap.new_bytes(k.as_bytes()), vm.heap.new_bytes(v.as_bytes()));
        vm.dict_set_item(d, k, v)?;
    }
    Ok(d)
}

fn env_name(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = str_of(v) {
        return fs_encode(vm, &s);
    }
    bytes_of(v).map(|b| b.as_bytes().to_vec()).ok_or_else(|| {
        vm.type_error(&format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(v)
        ))
    })
}

fn putenv(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let key = env_name(vm, arg(vm, args, 0, "putenv")?)?;
    let value = env_name(vm, arg(vm, args, 1, "putenv")?)?;
    if key.is_empty() || key.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if key.contains(&0) || value.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(OsStr::from_bytes(&key), OsStr::from_bytes(&value));
    Ok(Value::NONE)
}

fn unsetenv(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let key = env_name(vm, arg(vm, args, 0, "unsetenv")?)?;
    if key.is_empty() || key.contains(&b'=') || key.contains(&0) {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(OsStr::from_bytes(&key));
    Ok(Value::NONE)
}

/// `_utime(path, atime_ns, mtime_ns)`: None for "now".
fn utime(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let p = arg(vm, args, 0, "utime")?;
    let (path, _) = path_arg(vm, p, "utime")?;
    let now = std::time::SystemTime::now();
    let mut times = [now, now];
    for (i, slot) in times.iter_mut().enumerate() {
        if arg(vm, args, i + 1, "utime")?.is_none() {
            continue;
        }
        let ns = int_arg(vm, args, i + 1, "utime")?;
        let offset = std::time::Duration::from_nanos(ns.unsigned_abs());
        let at = if ns >= 0 {
            std::time::UNIX_EPOCH.checked_add(offset)
        } else {
            std::time::UNIX_EPOCH.checked_sub(offset)
        };
        *slot = at.ok_or_else(|| PyErr::overflow_error(&vm.heap, "utime: time out of range"))?;
    }
    let file_times = std::fs::FileTimes::new().set_accessed(times[0]).set_modified(times[1]);
    File::open(&path)
        .and_then(|f| f.set_times(file_times))
        .map_err(|e| from_io(vm, &e, Some(p)))?;
    Ok(Value::NONE)
}

/// `pipe()`: the read and write descriptors of a new pipe.
fn pipe(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let (reader, writer) = std::io::pipe().map_err(|e| from_io(vm, &e, None))?;
    let files = [
        File::from(std::os::fd::OwnedFd::from(reader)),
        File::from(std::os::fd::OwnedFd::from(writer)),
    ];
    let mut fds = Vec::new();
    for file in files {
        let fd = fd_table::insert(file);
        fds.push(vm.heap.new_int_i64(fd));
    }
    Ok(vm.heap.new_tuple(&fds))
}
