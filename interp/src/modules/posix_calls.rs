//! The rest of `posix` a batch job reaches for: vector and positioned
//! I/O, `sendfile`, `dup2`/`pipe2`, `mkfifo`/`mknod`, `wait3`/`wait4`/
//! `waitid`, the scheduler, extended attributes and pseudo-terminals.
//! Each Rust function is one system call on positional, already-encoded
//! arguments (paths as bytes); `posix.py` gives them CPython's signatures,
//! argument checks and result types.
//!
//! The foreign calls are libc's, each behind one small function here;
//! descriptors they create go into [`fd_table`] so that `read`, `close`
//! and `_io` see them.

use std::ffi::{c_char, c_int, c_long, c_void, CString};
use std::fs::File;
use std::os::unix::io::FromRawFd;

use super::fd_table;
use super::posix::int_arg;
use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::os_error::os_error;
use crate::object::bytes::bytes_of;
use crate::object::list::list_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

#[repr(C)]
struct IoVec {
    base: *mut c_void,
    len: usize,
}

/// Linux's `struct rusage`: two timevals, then fourteen longs.
#[repr(C)]
#[derive(Default)]
struct RUsage {
    utime: [i64; 2],
    stime: [i64; 2],
    rest: [c_long; 14],
}

/// Linux's `siginfo_t` (128 bytes); for SIGCHLD the pid, uid and status
/// follow the three leading ints and their padding.
#[repr(C)]
struct SigInfo {
    signo: c_int,
    errno: c_int,
    code: c_int,
    pad: c_int,
    pid: c_int,
    uid: u32,
    status: c_int,
    rest: [c_int; 25],
}

/// 1024 CPUs, as glibc's `cpu_set_t`.
const CPU_SET_WORDS: usize = 16;

extern "C" {
    fn readv(fd: c_int, iov: *const IoVec, count: c_int) -> isize;
    fn writev(fd: c_int, iov: *const IoVec, count: c_int) -> isize;
    fn preadv2(fd: c_int, iov: *const IoVec, count: c_int, offset: i64, flags: c_int) -> isize;
    fn pwritev2(fd: c_int, iov: *const IoVec, count: c_int, offset: i64, flags: c_int) -> isize;
    fn sendfile(out_fd: c_int, in_fd: c_int, offset: *mut i64, count: usize) -> isize;
    fn copy_file_range(
        fd_in: c_int,
        off_in: *mut i64,
        fd_out: c_int,
        off_out: *mut i64,
        len: usize,
        flags: u32,
    ) -> isize;
    fn dup2(from: c_int, to: c_int) -> c_int;
    fn dup3(from: c_int, to: c_int, flags: c_int) -> c_int;
    fn pipe2(fds: *mut c_int, flags: c_int) -> c_int;
    fn mkfifoat(dir_fd: c_int, path: *const c_char, mode: u32) -> c_int;
    fn mknodat(dir_fd: c_int, path: *const c_char, mode: u32, dev: u64) -> c_int;
    fn wait4(pid: c_int, status: *mut c_int, options: c_int, usage: *mut RUsage) -> c_int;
    fn waitid(idtype: c_int, id: c_int, info: *mut SigInfo, options: c_int) -> c_int;
    fn getrusage(who: c_int, usage: *mut RUsage) -> c_int;
    fn prlimit(pid: c_int, resource: c_int, new: *const [u64; 2], old: *mut [u64; 2]) -> c_int;
    fn sched_yield() -> c_int;
    fn sched_get_priority_max(policy: c_int) -> c_int;
    fn sched_get_priority_min(policy: c_int) -> c_int;
    fn sched_getscheduler(pid: c_int) -> c_int;
    fn sched_setscheduler(pid: c_int, policy: c_int, param: *const c_int) -> c_int;
    fn sched_getparam(pid: c_int, param: *mut c_int) -> c_int;
    fn sched_setparam(pid: c_int, param: *const c_int) -> c_int;
    fn sched_rr_get_interval(pid: c_int, interval: *mut [i64; 2]) -> c_int;
    fn sched_getaffinity(pid: c_int, size: usize, mask: *mut u64) -> c_int;
    fn sched_setaffinity(pid: c_int, size: usize, mask: *const u64) -> c_int;
    fn getxattr(path: *const c_char, name: *const c_char, value: *mut u8, size: usize) -> isize;
    fn lgetxattr(path: *const c_char, name: *const c_char, value: *mut u8, size: usize) -> isize;
    fn fgetxattr(fd: c_int, name: *const c_char, value: *mut u8, size: usize) -> isize;
    fn setxattr(
        path: *const c_char,
        name: *const c_char,
        value: *const u8,
        size: usize,
        flags: c_int,
    ) -> c_int;
    fn lsetxattr(
        path: *const c_char,
        name: *const c_char,
        value: *const u8,
        size: usize,
        flags: c_int,
    ) -> c_int;
    fn fsetxattr(
        fd: c_int,
        name: *const c_char,
        value: *const u8,
        size: usize,
        flags: c_int,
    ) -> c_int;
    fn listxattr(path: *const c_char, list: *mut u8, size: usize) -> isize;
    fn llistxattr(path: *const c_char, list: *mut u8, size: usize) -> isize;
    fn flistxattr(fd: c_int, list: *mut u8, size: usize) -> isize;
    fn removexattr(path: *const c_char, name: *const c_char) -> c_int;
    fn lremovexattr(path: *const c_char, name: *const c_char) -> c_int;
    fn fremovexattr(fd: c_int, name: *const c_char) -> c_int;
    fn posix_openpt(flags: c_int) -> c_int;
    fn grantpt(fd: c_int) -> c_int;
    fn unlockpt(fd: c_int) -> c_int;
    fn ptsname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int;
    fn ttyname_r(fd: c_int, buf: *mut c_char, len: usize) -> c_int;
    fn open(path: *const c_char, flags: c_int, mode: u32) -> c_int;
    fn ioctl(fd: c_int, request: c_long, arg: c_long) -> c_int;
    fn setsid() -> c_int;
    fn close(fd: c_int) -> c_int;
    fn fchdir(fd: c_int) -> c_int;
    fn chroot(path: *const c_char) -> c_int;
    fn lockf(fd: c_int, cmd: c_int, len: i64) -> c_int;
    fn posix_fadvise(fd: c_int, offset: i64, len: i64, advice: c_int) -> c_int;
    fn posix_fallocate(fd: c_int, offset: i64, len: i64) -> c_int;
    fn memfd_create(name: *const c_char, flags: u32) -> c_int;
    fn tcgetpgrp(fd: c_int) -> c_int;
    fn tcsetpgrp(fd: c_int, pgrp: c_int) -> c_int;
    fn setresuid(r: u32, e: u32, s: u32) -> c_int;
    fn setresgid(r: u32, e: u32, s: u32) -> c_int;
    fn getlogin_r(buf: *mut c_char, len: usize) -> c_int;
}

const EINTR: i32 = 4;
const ERANGE: i32 = 34;
const O_RDWR: c_int = 2;
const O_NOCTTY: c_int = 0o400;
const O_CLOEXEC: c_int = 0o2000000;
const TIOCSCTTY: c_long = 0x540E;

/// The functions this file adds to `posix`.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_readv", posix_readv),
    ("_writev", posix_writev),
    ("_sendfile", posix_sendfile),
    ("_copy_file_range", posix_copy_file_range),
    ("_dup2", posix_dup2),
    ("_pipe2", posix_pipe2),
    ("_mkfifo", posix_mkfifo),
    ("_mknod", posix_mknod),
    ("_wait4", posix_wait4),
    ("_waitid", posix_waitid),
    ("_getrusage", posix_getrusage),
    ("_prlimit", posix_prlimit),
    ("_sched", posix_sched),
    ("_sched_getaffinity", posix_sched_getaffinity),
    ("_sched_setaffinity", posix_sched_setaffinity),
    ("_xattr", posix_xattr),
    ("_openpty", posix_openpty),
    ("_login_tty", posix_login_tty),
    ("_ttyname", posix_ttyname),
    ("_getlogin", posix_getlogin),
    ("_memfd_create", posix_memfd_create),
    ("_int_call", int_call),
    ("_path_call", path_call),
];

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn fail(vm: &Vm) -> PyErr {
    os_error(vm, i64::from(errno()), None, None)
}

/// Runs `call` until it does not fail with EINTR (running signal handlers
/// in between, as CPython does); the OSError of errno on failure.
fn retried<T: PartialEq + From<i8>>(vm: &mut Vm, mut call: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let r = call();
        if r != T::from(-1) {
            return Ok(r);
        }
        if errno() != EINTR {
            return Err(fail(vm));
        }
        vm.check_signals()?;
    }
}

fn c_int_arg(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<c_int> {
    let n = int_arg(vm, args, i, func)?;
    c_int::try_from(n)
        .map_err(|_| PyErr::overflow_error(&vm.heap, "signed integer is greater than maximum"))
}

/// Argument `i` as a C string: bytes made by `posix.py`'s `_fsencode`.
fn c_string_arg(vm: &Vm, args: &[Value], i: usize) -> PyResult<CString> {
    let data = args.get(i).and_then(|v| bytes_of(*v)).map(|b| b.as_bytes().to_vec());
    let data = data.ok_or_else(|| vm.type_error("expected bytes"))?;
    CString::new(data).map_err(|_| vm.value_error("embedded null byte"))
}

/// A descriptor the kernel just made, kept in the table and returned.
fn adopt(vm: &Vm, fd: c_int) -> Value {
    if !fd_table::is_open(i64::from(fd)) {
        // SAFETY: `fd` was just returned by the kernel and nothing else
        // owns it; the table becomes its one owner.
        fd_table::insert(unsafe { File::from_raw_fd(fd) });
    }
    vm.heap.new_int_i64(i64::from(fd))
}

fn int_value(vm: &Vm, n: i64) -> Value {
    vm.heap.new_int_i64(n)
}

/// The items of a list or tuple argument.
fn sequence(vm: &Vm, v: Value, what: &str) -> PyResult<Vec<Value>> {
    match (list_of(v), tuple_of(v)) {
        (Some(l), _) => Ok(l.items.to_vec()),
        (_, Some(t)) => Ok(t.items().to_vec()),
        _ => Err(vm.type_error(what)),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Read,
    Write,
}

/// readv/writev, or preadv2/pwritev2 at `offset` (when not -1) with
/// `flags`: the count transferred.
fn vector_call(
    vm: &mut Vm,
    fd: c_int,
    iov: &[IoVec],
    offset: i64,
    flags: c_int,
    direction: Direction,
) -> PyResult<isize> {
    let count = c_int::try_from(iov.len()).unwrap_or(c_int::MAX);
    let positioned = offset != -1 || flags != 0;
    retried(vm, || {
        // SAFETY: every IoVec points at a live buffer of its length (the
        // caller's), which a read fills and a write only reads.
        unsafe {
            match (direction, positioned) {
                (Direction::Read, false) => readv(fd, iov.as_ptr(), count),
                (Direction::Read, true) => preadv2(fd, iov.as_ptr(), count, offset, flags),
                (Direction::Write, false) => writev(fd, iov.as_ptr(), count),
                (Direction::Write, true) => pwritev2(fd, iov.as_ptr(), count, offset, flags),
            }
        }
    })
}

/// `_readv(fd, sizes, offset, flags)`: one read into buffers of `sizes`
/// (at `offset` when it is not -1); the bytes read, which `posix.py`
/// copies into the caller's buffers.
fn posix_readv(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = c_int_arg(vm, args, 0, "readv")?;
    let sizes = sequence(vm, args[1], "readv() arg 2 must be a sequence")?;
    let offset = int_arg(vm, args, 2, "preadv")?;
    let flags = c_int_arg(vm, args, 3, "preadv")?;
    let mut buffers = Vec::with_capacity(sizes.len());
    for v in sizes {
        let n = v.as_small_int().and_then(|n| usize::try_from(n).ok());
        buffers.push(vec![0u8; n.ok_or_else(|| vm.value_error("negative buffer size"))?]);
    }
    let iov: Vec<IoVec> =
        buffers.iter_mut().map(|b| IoVec { base: b.as_mut_ptr().cast(), len: b.len() }).collect();
    let n = vector_call(vm, fd, &iov, offset, flags, Direction::Read)?;
    let mut data = Vec::with_capacity(n as usize);
    for b in &buffers {
        let take = b.len().min(n as usize - data.len());
        data.extend_from_slice(&b[..take]);
    }
    Ok(vm.heap.new_bytes(&data))
}

/// `_writev(fd, buffers, offset, flags)`: one write of the bytes-like
/// `buffers` (at `offset` when it is not -1); the count written.
fn posix_writev(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = c_int_arg(vm, args, 0, "writev")?;
    let items = sequence(vm, args[1], "writev() arg 2 must be a sequence")?;
    let offset = int_arg(vm, args, 2, "pwritev")?;
    let flags = c_int_arg(vm, args, 3, "pwritev")?;
    let mut buffers = Vec::with_capacity(items.len());
    for v in items {
        buffers.push(bytes_like(v).ok_or_else(|| {
            vm.type_error("writev() arg 2 must be a sequence of bytes-like objects")
        })?);
    }
    let iov: Vec<IoVec> =
        buffers.iter().map(|b| IoVec { base: b.as_ptr() as *mut c_void, len: b.len() }).collect();
    if fd == 1 {
        vm.flush_stdout();
    }
    let n = vector_call(vm, fd, &iov, offset, flags, Direction::Write)?;
    Ok(int_value(vm, n as i64))
}

/// `_sendfile(out_fd, in_fd, offset or None, count)`.
fn posix_sendfile(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let out_fd = c_int_arg(vm, args, 0, "sendfile")?;
    let in_fd = c_int_arg(vm, args, 1, "sendfile")?;
    let mut offset = if args[2].is_none() { None } else { Some(int_arg(vm, args, 2, "sendfile")?) };
    let count = usize::try_from(int_arg(vm, args, 3, "sendfile")?).unwrap_or(0);
    if out_fd == 1 {
        vm.flush_stdout();
    }
    let n = retried(vm, || {
        let at = offset.as_mut().map_or(std::ptr::null_mut(), |o| o as *mut i64);
        // SAFETY: `at` is null or points at a live i64 the call updates.
        unsafe { sendfile(out_fd, in_fd, at, count) }
    })?;
    Ok(int_value(vm, n as i64))
}

/// `_copy_file_range(src, dst, count, offset_src, offset_dst)`, offsets
/// None for the descriptors' own positions.
fn posix_copy_file_range(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let src = c_int_arg(vm, args, 0, "copy_file_range")?;
    let dst = c_int_arg(vm, args, 1, "copy_file_range")?;
    let count = usize::try_from(int_arg(vm, args, 2, "copy_file_range")?).unwrap_or(0);
    let offset = |vm: &Vm, i: usize| -> PyResult<Option<i64>> {
        if args[i].is_none() {
            Ok(None)
        } else {
            int_arg(vm, args, i, "copy_file_range").map(Some)
        }
    };
    let (mut off_src, mut off_dst) = (offset(vm, 3)?, offset(vm, 4)?);
    let n = retried(vm, || {
        let a = off_src.as_mut().map_or(std::ptr::null_mut(), |o| o as *mut i64);
        let b = off_dst.as_mut().map_or(std::ptr::null_mut(), |o| o as *mut i64);
        // SAFETY: each offset pointer is null or a live i64.
        unsafe { copy_file_range(src, a, dst, b, count, 0) }
    })?;
    Ok(int_value(vm, n as i64))
}

/// `_dup2(fd, fd2, inheritable)`: fd2, now a copy of fd.
fn posix_dup2(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = c_int_arg(vm, args, 0, "dup2")?;
    let fd2 = c_int_arg(vm, args, 1, "dup2")?;
    let inheritable = vm.is_true(args[2])?;
    let r = retried(vm, || {
        // SAFETY: dup2/dup3 take ints; an fd2 already in the table keeps
        // its entry, whose number now names the copy.
        unsafe {
            if inheritable || fd == fd2 {
                dup2(fd, fd2)
            } else {
                dup3(fd, fd2, O_CLOEXEC)
            }
        }
    })?;
    Ok(adopt(vm, r))
}

/// `_pipe2(flags)`: (read end, write end).
fn posix_pipe2(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let flags = c_int_arg(vm, args, 0, "pipe2")?;
    let mut fds = [0 as c_int; 2];
    // SAFETY: pipe2 writes two ints into `fds`.
    if unsafe { pipe2(fds.as_mut_ptr(), flags) } == -1 {
        return Err(fail(vm));
    }
    let items = [adopt(vm, fds[0]), adopt(vm, fds[1])];
    Ok(vm.heap.new_tuple(&items))
}

/// `_mkfifo(path bytes, mode, dir_fd or -100)`.
fn posix_mkfifo(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let path = c_string_arg(vm, args, 0)?;
    let mode = int_arg(vm, args, 1, "mkfifo")? as u32;
    let dir_fd = c_int_arg(vm, args, 2, "mkfifo")?;
    // SAFETY: `path` is a NUL-terminated string alive for the call.
    retried(vm, || unsafe { mkfifoat(dir_fd, path.as_ptr(), mode) })?;
    Ok(Value::NONE)
}

/// `_mknod(path bytes, mode, device, dir_fd or -100)`.
fn posix_mknod(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let path = c_string_arg(vm, args, 0)?;
    let mode = int_arg(vm, args, 1, "mknod")? as u32;
    let device = int_arg(vm, args, 2, "mknod")? as u64;
    let dir_fd = c_int_arg(vm, args, 3, "mknod")?;
    // SAFETY: as in `posix_mkfifo`.
    retried(vm, || unsafe { mknodat(dir_fd, path.as_ptr(), mode, device) })?;
    Ok(Value::NONE)
}

/// The 16 fields of `resource.struct_rusage`: two float times, 14 ints.
fn rusage_tuple(vm: &Vm, usage: &RUsage) -> Value {
    let seconds = |t: [i64; 2]| Value::from_f64(t[0] as f64 + t[1] as f64 * 1e-6);
    let mut items = vec![seconds(usage.utime), seconds(usage.stime)];
    items.extend(usage.rest.iter().map(|&n| int_value(vm, n)));
    vm.heap.new_tuple(&items)
}

/// `_wait4(pid, options)`: (pid, status, rusage fields).
fn posix_wait4(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let pid = c_int_arg(vm, args, 0, "wait4")?;
    let options = c_int_arg(vm, args, 1, "wait4")?;
    let mut status: c_int = 0;
    let mut usage = RUsage::default();
    // SAFETY: wait4 writes one int and one rusage into the locals.
    let r = retried(vm, || unsafe { wait4(pid, &mut status, options, &mut usage) })?;
    let items = [int_value(vm, i64::from(r)), int_value(vm, i64::from(status))];
    let usage = rusage_tuple(vm, &usage);
    Ok(vm.heap.new_tuple(&[items[0], items[1], usage]))
}

/// `_waitid(idtype, id, options)`: None when no child changed state (with
/// WNOHANG), else (si_pid, si_uid, si_signo, si_status, si_code).
fn posix_waitid(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let idtype = c_int_arg(vm, args, 0, "waitid")?;
    let id = c_int_arg(vm, args, 1, "waitid")?;
    let options = c_int_arg(vm, args, 2, "waitid")?;
    let mut info =
        SigInfo { signo: 0, errno: 0, code: 0, pad: 0, pid: 0, uid: 0, status: 0, rest: [0; 25] };
    // SAFETY: waitid fills one siginfo_t (`SigInfo` has its size and the
    // layout of the fields read here).
    retried(vm, || unsafe { waitid(idtype, id, &mut info, options) })?;
    if info.pid == 0 {
        return Ok(Value::NONE);
    }
    let fields = [info.pid as i64, i64::from(info.uid), info.signo as i64, info.status as i64];
    let mut items: Vec<Value> = fields.iter().map(|&n| int_value(vm, n)).collect();
    items.push(int_value(vm, i64::from(info.code)));
    Ok(vm.heap.new_tuple(&items))
}

/// `_getrusage(who)`: the 16 fields of `resource.struct_rusage`.
fn posix_getrusage(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let who = c_int_arg(vm, args, 0, "getrusage")?;
    let mut usage = RUsage::default();
    // SAFETY: getrusage fills one rusage.
    if unsafe { getrusage(who, &mut usage) } == -1 {
        return Err(if errno() == 22 { vm.value_error("invalid who parameter") } else { fail(vm) });
    }
    Ok(rusage_tuple(vm, &usage))
}

/// `_prlimit(pid, resource, (soft, hard) or None)`: the limits before
/// the call, RLIM_INFINITY as -1 (as CPython shows the unsigned value).
fn posix_prlimit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let pid = c_int_arg(vm, args, 0, "prlimit")?;
    let resource = c_int_arg(vm, args, 1, "prlimit")?;
    let new = match tuple_of(args[2]) {
        Some(t) if t.items().len() == 2 => {
            let items = t.items().to_vec();
            Some([
                int_arg(vm, &items, 0, "prlimit")? as u64,
                int_arg(vm, &items, 1, "prlimit")? as u64,
            ])
        }
        _ => None,
    };
    let mut old = [0u64; 2];
    let new_ptr = new.as_ref().map_or(std::ptr::null(), |n| n as *const [u64; 2]);
    // SAFETY: `new_ptr` is null or a live pair; the call writes one pair
    // into `old`.
    if unsafe { prlimit(pid, resource, new_ptr, &mut old) } == -1 {
        return Err(fail(vm));
    }
    let items = old.map(|n| int_value(vm, n as i64));
    Ok(vm.heap.new_tuple(&items))
}

/// `_sched(name, a, b)`: the scheduler calls on ints; a priority for
/// `getparam`, seconds for `rr_get_interval`, else the call's int.
fn posix_sched(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = args.first().and_then(|v| crate::object::str::str_of(*v));
    let name = name.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let n = |i: usize| args.get(i).and_then(|v| v.as_small_int()).unwrap_or(0) as c_int;
    let (a, b, c) = (n(1), n(2), n(3));
    let mut param: c_int = 0;
    let mut interval = [0i64; 2];
    // SAFETY: each call takes ints, or a pointer to the one int (`param`)
    // or timespec (`interval`) local it reads or writes.
    let r = unsafe {
        match name.as_str() {
            "yield" => sched_yield(),
            "get_priority_max" => sched_get_priority_max(a),
            "get_priority_min" => sched_get_priority_min(a),
            "getscheduler" => sched_getscheduler(a),
            "setscheduler" => sched_setscheduler(a, b, &c),
            "getparam" => sched_getparam(a, &mut param),
            "setparam" => sched_setparam(a, &b),
            "rr_get_interval" => sched_rr_get_interval(a, &mut interval),
            _ => return Err(vm.value_error("unknown scheduler call")),
        }
    };
    if r == -1 {
        return Err(fail(vm));
    }
    Ok(match name.as_str() {
        "getparam" => int_value(vm, i64::from(param)),
        "rr_get_interval" => Value::from_f64(interval[0] as f64 + interval[1] as f64 * 1e-9),
        _ => int_value(vm, i64::from(r)),
    })
}

/// `_sched_getaffinity(pid)`: the list of CPUs `pid` may run on.
fn posix_sched_getaffinity(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let pid = c_int_arg(vm, args, 0, "sched_getaffinity")?;
    let mut mask = [0u64; CPU_SET_WORDS];
    // SAFETY: the call writes at most `size_of_val(&mask)` bytes.
    let r = unsafe { sched_getaffinity(pid, std::mem::size_of_val(&mask), mask.as_mut_ptr()) };
    if r == -1 {
        return Err(fail(vm));
    }
    let cpus: Vec<Value> = (0..CPU_SET_WORDS * 64)
        .filter(|&cpu| mask[cpu / 64] >> (cpu % 64) & 1 == 1)
        .map(|cpu| int_value(vm, cpu as i64))
        .collect();
    Ok(vm.heap.new_list(&cpus))
}

/// `_sched_setaffinity(pid, cpus)`: `cpus` a list of ints checked by
/// `posix.py`.
fn posix_sched_setaffinity(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let pid = c_int_arg(vm, args, 0, "sched_setaffinity")?;
    let mut mask = [0u64; CPU_SET_WORDS];
    for v in sequence(vm, args[1], "expected a list")? {
        let cpu = v.as_small_int().and_then(|n| usize::try_from(n).ok());
        match cpu {
            Some(cpu) if cpu < CPU_SET_WORDS * 64 => mask[cpu / 64] |= 1 << (cpu % 64),
            _ => return Err(vm.value_error("invalid CPU number")),
        }
    }
    // SAFETY: the call reads `size_of_val(&mask)` bytes.
    let r = unsafe { sched_setaffinity(pid, std::mem::size_of_val(&mask), mask.as_ptr()) };
    if r == -1 {
        return Err(fail(vm));
    }
    Ok(Value::NONE)
}

/// Where an xattr call acts: a path (following symlinks or not) or a
/// descriptor.
enum Target {
    Path(CString, bool),
    Fd(c_int),
}

/// Reads a variable-size result: `call(buf, len)` with a growing buffer
/// while it fails with ERANGE, as CPython's xattr functions do.
fn read_sized(vm: &Vm, mut call: impl FnMut(*mut u8, usize) -> isize) -> PyResult<Vec<u8>> {
    for size in [128usize, 1024, 4096, 8192, 16384, 32768, 65536] {
        let mut buf = vec![0u8; size];
        let n = call(buf.as_mut_ptr(), buf.len());
        if n >= 0 {
            buf.truncate(n as usize);
            return Ok(buf);
        }
        if errno() != ERANGE {
            return Err(fail(vm));
        }
    }
    Err(os_error(vm, i64::from(ERANGE), None, None))
}

/// `_xattr(op, path bytes or fd, follow_symlinks, name bytes, value,
/// flags)`: op "get" (the value), "set", "list" (the names, as bytes),
/// "remove".
fn posix_xattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let op = args.first().and_then(|v| crate::object::str::str_of(*v));
    let op = op.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let target = match args[1].as_small_int() {
        Some(fd) => Target::Fd(fd as c_int),
        None => Target::Path(c_string_arg(vm, args, 1)?, vm.is_true(args[2])?),
    };
    let name = if op == "list" { CString::default() } else { c_string_arg(vm, args, 3)? };
    match op.as_str() {
        "get" => {
            // SAFETY: path and name are NUL-terminated CStrings alive for
            // the call; `read_sized` passes a live buffer of `len` bytes.
            let value = read_sized(vm, |buf, len| unsafe {
                match &target {
                    Target::Path(p, true) => getxattr(p.as_ptr(), name.as_ptr(), buf, len),
                    Target::Path(p, false) => lgetxattr(p.as_ptr(), name.as_ptr(), buf, len),
                    Target::Fd(fd) => fgetxattr(*fd, name.as_ptr(), buf, len),
                }
            })?;
            Ok(vm.heap.new_bytes(&value))
        }
        "list" => {
            // SAFETY: the path is a NUL-terminated CString alive for the
            // call; `read_sized` passes a live buffer of `len` bytes.
            let names = read_sized(vm, |buf, len| unsafe {
                match &target {
                    Target::Path(p, true) => listxattr(p.as_ptr(), buf.cast(), len),
                    Target::Path(p, false) => llistxattr(p.as_ptr(), buf.cast(), len),
                    Target::Fd(fd) => flistxattr(*fd, buf.cast(), len),
                }
            })?;
            let items: Vec<Value> = names
                .split(|&b| b == 0)
                .filter(|n| !n.is_empty())
                .map(|n| vm.heap.new_bytes(n))
                .collect();
            Ok(vm.heap.new_list(&items))
        }
        "set" => {
            let value = bytes_like(args[4]).ok_or_else(|| vm.type_error("expected bytes"))?;
            let flags = c_int_arg(vm, args, 5, "setxattr")?;
            let (v, n) = (value.as_ptr(), value.len());
            // SAFETY: path and name are NUL-terminated CStrings alive for
            // the call; `v` points at `n` bytes of a bytes object that no
            // code can free or resize while the call runs (no Python code
            // and no allocation happen during it).
            let r = unsafe {
                match &target {
                    Target::Path(p, true) => setxattr(p.as_ptr(), name.as_ptr(), v, n, flags),
                    Target::Path(p, false) => lsetxattr(p.as_ptr(), name.as_ptr(), v, n, flags),
                    Target::Fd(fd) => fsetxattr(*fd, name.as_ptr(), v, n, flags),
                }
            };
            if r == -1 {
                return Err(fail(vm));
            }
            Ok(Value::NONE)
        }
        "remove" => {
            // SAFETY: path and name are NUL-terminated CStrings alive for
            // the call; nothing is written through them.
            let r = unsafe {
                match &target {
                    Target::Path(p, true) => removexattr(p.as_ptr(), name.as_ptr()),
                    Target::Path(p, false) => lremovexattr(p.as_ptr(), name.as_ptr()),
                    Target::Fd(fd) => fremovexattr(*fd, name.as_ptr()),
                }
            };
            if r == -1 {
                return Err(fail(vm));
            }
            Ok(Value::NONE)
        }
        _ => Err(vm.value_error("unknown xattr call")),
    }
}

/// `_openpty()`: (master, slave), both close-on-exec, through the POSIX
/// calls (glibc's `openpty` lived in libutil before 2.34).
fn posix_openpty(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    // SAFETY: int arguments only.
    let master = unsafe { posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC) };
    if master == -1 {
        return Err(fail(vm));
    }
    let master_value = adopt(vm, master);
    let mut name = [0 as c_char; 128];
    // SAFETY: grantpt/unlockpt take the descriptor; ptsname_r writes at
    // most `name.len()` bytes, NUL-terminated.
    let ok = unsafe {
        grantpt(master) == 0
            && unlockpt(master) == 0
            && ptsname_r(master, name.as_mut_ptr(), name.len()) == 0
    };
    if !ok {
        let err = fail(vm);
        fd_table::remove(i64::from(master));
        return Err(err);
    }
    // SAFETY: `name` holds the NUL-terminated path ptsname_r wrote.
    let slave = unsafe { open(name.as_ptr(), O_RDWR | O_NOCTTY | O_CLOEXEC, 0) };
    if slave == -1 {
        let err = fail(vm);
        fd_table::remove(i64::from(master));
        return Err(err);
    }
    let items = [master_value, adopt(vm, slave)];
    Ok(vm.heap.new_tuple(&items))
}

/// `_login_tty(fd)`: in a forked child, makes terminal `fd` the
/// controlling terminal and standard streams of a new session.
fn posix_login_tty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = c_int_arg(vm, args, 0, "login_tty")?;
    // SAFETY: int arguments only; TIOCSCTTY takes an int.
    let ok = unsafe {
        setsid() != -1
            && ioctl(fd, TIOCSCTTY, 0) != -1
            && dup2(fd, 0) != -1
            && dup2(fd, 1) != -1
            && dup2(fd, 2) != -1
    };
    if !ok {
        return Err(fail(vm));
    }
    if fd > 2 && !fd_table::remove(i64::from(fd)) {
        // SAFETY: closing a descriptor the table does not own.
        unsafe { close(fd) };
    }
    Ok(Value::NONE)
}

/// `_ttyname(fd)`: the terminal's path, as bytes.
fn posix_ttyname(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = c_int_arg(vm, args, 0, "ttyname")?;
    let mut buf = [0 as c_char; 256];
    // SAFETY: ttyname_r writes at most `buf.len()` bytes, NUL-terminated.
    let r = unsafe { ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return Err(os_error(vm, i64::from(r), None, None));
    }
    let bytes: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    Ok(vm.heap.new_bytes(&bytes))
}

/// `_getlogin()`: the login name as bytes.
fn posix_getlogin(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let mut buf = [0 as c_char; 256];
    // SAFETY: getlogin_r writes at most `buf.len()` bytes, NUL-terminated.
    let r = unsafe { getlogin_r(buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return Err(os_error(vm, i64::from(r), None, None));
    }
    let bytes: Vec<u8> = buf.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    Ok(vm.heap.new_bytes(&bytes))
}

/// `_memfd_create(name bytes, flags)`: the new descriptor.
fn posix_memfd_create(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = c_string_arg(vm, args, 0)?;
    let flags = int_arg(vm, args, 1, "memfd_create")? as u32;
    // SAFETY: `name` is NUL-terminated and alive for the call.
    let fd = unsafe { memfd_create(name.as_ptr(), flags) };
    if fd == -1 {
        return Err(fail(vm));
    }
    Ok(adopt(vm, fd))
}

/// `_int_call(name, a, b, c, d)`: the calls on ints that return an int
/// (-1 and errno on failure; `posix_fadvise`/`posix_fallocate` return the
/// error number instead, and None on success).
fn int_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = args.first().and_then(|v| crate::object::str::str_of(*v));
    let name = name.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let n = |i: usize| args.get(i).and_then(|v| vm.as_int(*v)).and_then(|n| n.to_i64());
    let (a, b, c, d) = (n(1).unwrap_or(0), n(2).unwrap_or(0), n(3).unwrap_or(0), n(4).unwrap_or(0));
    let call = || {
        // SAFETY: each of these calls takes ints and returns an int; no
        // memory is passed.
        unsafe {
            match name.as_str() {
                "fchdir" => Some(fchdir(a as c_int)),
                "lockf" => Some(lockf(a as c_int, b as c_int, c)),
                "posix_fadvise" => Some(posix_fadvise(a as c_int, b, c, d as c_int)),
                "posix_fallocate" => Some(posix_fallocate(a as c_int, b, c)),
                "tcgetpgrp" => Some(tcgetpgrp(a as c_int)),
                "tcsetpgrp" => Some(tcsetpgrp(a as c_int, b as c_int)),
                "setresuid" => Some(setresuid(a as u32, b as u32, c as u32)),
                "setresgid" => Some(setresgid(a as u32, b as u32, c as u32)),
                _ => None,
            }
        }
    };
    if matches!(name.as_str(), "posix_fadvise" | "posix_fallocate") {
        loop {
            match call() {
                Some(EINTR) => vm.check_signals()?,
                Some(0) | None => return Ok(Value::NONE),
                Some(e) => return Err(os_error(vm, i64::from(e), None, None)),
            }
        }
    }
    let r = retried(vm, || call().unwrap_or(-2))?;
    if r == -2 {
        return Err(vm.value_error("unknown call"));
    }
    Ok(int_value(vm, i64::from(r)))
}

/// `_path_call(name, path bytes)`: the calls on one path.
fn path_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = args.first().and_then(|v| crate::object::str::str_of(*v));
    let name = name.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let path = c_string_arg(vm, args, 1)?;
    // SAFETY: `path` is NUL-terminated and alive for the call.
    let r = unsafe {
        match name.as_str() {
            "chroot" => chroot(path.as_ptr()),
            _ => return Err(vm.value_error("unknown call")),
        }
    };
    if r == -1 {
        return Err(fail(vm));
    }
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_structs_have_linux_sizes() {
        assert_eq!(std::mem::size_of::<RUsage>(), 144);
        assert_eq!(std::mem::size_of::<SigInfo>(), 128);
        assert_eq!(std::mem::size_of::<IoVec>(), 16);
    }
}
