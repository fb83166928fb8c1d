//! `posix`'s processes and system limits: fork, exec, wait, the child
//! setup of `_posixsubprocess.fork_exec`, sysconf/confstr/pathconf,
//! statvfs, priorities and the set-id calls. `posix.py` checks the
//! arguments as CPython does and names the tables.
//!
//! The foreign calls are libc's, each behind one small function here.

use std::ffi::{c_char, c_int, c_long, CString};

use super::posix::int_arg;
use crate::builtins::os_error::os_error;
use crate::object::bytes::bytes_of;
use crate::object::list::list_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Linux's `struct statvfs` (64-bit).
#[repr(C)]
#[derive(Default)]
struct StatVfs {
    bsize: u64,
    frsize: u64,
    blocks: u64,
    bfree: u64,
    bavail: u64,
    files: u64,
    ffree: u64,
    favail: u64,
    fsid: u64,
    flag: u64,
    namemax: u64,
    spare: [c_int; 6],
}

extern "C" {
    fn fork() -> c_int;
    fn execv(path: *const c_char, argv: *const *const c_char) -> c_int;
    fn execve(path: *const c_char, argv: *const *const c_char, envp: *const *const c_char)
        -> c_int;
    fn waitpid(pid: c_int, status: *mut c_int, options: c_int) -> c_int;
    fn sysconf(name: c_int) -> c_long;
    fn confstr(name: c_int, buf: *mut c_char, len: usize) -> usize;
    fn pathconf(path: *const c_char, name: c_int) -> c_long;
    fn fpathconf(fd: c_int, name: c_int) -> c_long;
    fn statvfs(path: *const c_char, buf: *mut StatVfs) -> c_int;
    fn fstatvfs(fd: c_int, buf: *mut StatVfs) -> c_int;
    fn dup2(from: c_int, to: c_int) -> c_int;
    fn close(fd: c_int) -> c_int;
    fn chdir(path: *const c_char) -> c_int;
    fn write(fd: c_int, buf: *const u8, len: usize) -> isize;
    fn fcntl(fd: c_int, cmd: c_int, arg: c_int) -> c_int;
    fn signal(sig: c_int, handler: usize) -> usize;
    fn _exit(status: c_int) -> !;
    fn setsid() -> c_int;
    fn setpgid(pid: c_int, pgid: c_int) -> c_int;
    fn getpriority(which: c_int, who: c_int) -> c_int;
    fn setpriority(which: c_int, who: c_int, prio: c_int) -> c_int;
    fn setuid(id: u32) -> c_int;
    fn setgid(id: u32) -> c_int;
    fn seteuid(id: u32) -> c_int;
    fn setegid(id: u32) -> c_int;
    fn setreuid(r: u32, e: u32) -> c_int;
    fn setregid(r: u32, e: u32) -> c_int;
    fn killpg(pgrp: c_int, sig: c_int) -> c_int;
    fn sync();
    fn getresuid(r: *mut u32, e: *mut u32, s: *mut u32) -> c_int;
    fn getresgid(r: *mut u32, e: *mut u32, s: *mut u32) -> c_int;
    fn getgroups(size: c_int, list: *mut u32) -> c_int;
    fn __errno_location() -> *mut c_int;
}

const F_GETFD: c_int = 1;
const F_SETFD: c_int = 2;
const F_GETFL: c_int = 3;
const F_SETFL: c_int = 4;
const FD_CLOEXEC: c_int = 1;
const O_NONBLOCK: c_int = 0o4000;
const SIGPIPE: c_int = 13;
const SIGXFSZ: c_int = 25;
const EINTR: i32 = 4;

/// The functions this file adds to `posix`.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_fork", posix_fork),
    ("_execve", posix_execve),
    ("_waitpid", posix_waitpid),
    ("_sysconf", posix_sysconf),
    ("_confstr", posix_confstr),
    ("_pathconf", posix_pathconf),
    ("_statvfs", posix_statvfs),
    ("_id_call", id_call),
    ("_getres", getres),
    ("getgroups", posix_getgroups),
    ("_fd_flag", fd_flag),
    ("_fork_exec", fork_exec),
];

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn clear_errno() {
    // SAFETY: errno is this thread's own int; writing it is what libc's
    // callers do before a call whose -1 result may not be an error.
    unsafe { *__errno_location() = 0 }
}

fn fail(vm: &Vm) -> PyErr {
    os_error(vm, i64::from(errno()), None, None)
}

/// `Ok(r)` for a result that is not -1, else the OSError of errno.
fn checked(vm: &Vm, r: c_int) -> PyResult<i64> {
    if r == -1 {
        Err(fail(vm))
    } else {
        Ok(i64::from(r))
    }
}

fn bytes_arg(vm: &Vm, args: &[Value], i: usize) -> PyResult<CString> {
    let data = args.get(i).and_then(|v| bytes_of(*v)).map(|b| b.as_bytes().to_vec());
    let data = data.ok_or_else(|| vm.type_error("expected bytes"))?;
    CString::new(data).map_err(|_| vm.value_error("embedded null byte"))
}

/// A list or tuple of bytes, as C strings.
fn bytes_list(vm: &Vm, v: Value) -> PyResult<Vec<CString>> {
    let items = match (list_of(v), tuple_of(v)) {
        (Some(l), _) => l.items.to_vec(),
        (_, Some(t)) => t.items().to_vec(),
        _ => return Err(vm.type_error("expected a list of bytes")),
    };
    items
        .iter()
        .map(|&item| {
            let b = bytes_of(item).ok_or_else(|| vm.type_error("expected bytes"))?;
            CString::new(b.as_bytes().to_vec()).map_err(|_| vm.value_error("embedded null byte"))
        })
        .collect()
}

/// The NULL-terminated pointer array C wants for argv or envp.
fn pointers(strings: &[CString]) -> Vec<*const c_char> {
    strings.iter().map(|s| s.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

fn posix_fork(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    // Buffered writes of dropped files go out once, not once per process.
    vm.flush_open_files();
    // SAFETY: tachyon runs Python on this one thread, so the child gets a
    // consistent copy of everything; it continues as the parent does.
    let pid = unsafe { fork() };
    checked(vm, pid).map(|p| vm.heap.new_int_i64(p))
}

/// `_execve(path, argv, env or None)`: returns only on failure.
fn posix_execve(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    vm.flush_open_files();
    let path = bytes_arg(vm, args, 0)?;
    let argv = bytes_list(vm, args.get(1).copied().unwrap_or(Value::NONE))?;
    let env = match args.get(2) {
        Some(&v) if !v.is_none() => Some(bytes_list(vm, v)?),
        _ => None,
    };
    let argv_ptrs = pointers(&argv);
    match env {
        // SAFETY: path and every argv/envp entry are NUL-terminated C
        // strings kept alive here; the arrays end with a null pointer.
        Some(env) => unsafe {
            execve(path.as_ptr(), argv_ptrs.as_ptr(), pointers(&env).as_ptr());
        },
        // SAFETY: as above, without an environment array.
        None => unsafe {
            execv(path.as_ptr(), argv_ptrs.as_ptr());
        },
    }
    Err(fail(vm))
}

/// `_waitpid(pid, options)`: (pid, status), retried on EINTR.
fn posix_waitpid(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let pid = int_arg(vm, args, 0, "waitpid")? as c_int;
    let options = int_arg(vm, args, 1, "waitpid")? as c_int;
    loop {
        let mut status: c_int = 0;
        // SAFETY: waitpid writes one int into `status` and keeps no pointer.
        let r = unsafe { waitpid(pid, &mut status, options) };
        if r == -1 && errno() == EINTR {
            vm.check_signals()?;
            continue;
        }
        let r = checked(vm, r)?;
        let items = [vm.heap.new_int_i64(r), vm.heap.new_int_i64(i64::from(status))];
        return Ok(vm.heap.new_tuple(&items));
    }
}

/// A `long` result where -1 with errno unchanged means "no limit" (None).
fn limit_result(vm: &Vm, r: c_long) -> PyResult {
    if r == -1 {
        return match errno() {
            0 => Ok(Value::NONE),
            _ => Err(fail(vm)),
        };
    }
    Ok(vm.heap.new_int_i64(r))
}

fn posix_sysconf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = int_arg(vm, args, 0, "sysconf")? as c_int;
    clear_errno();
    // SAFETY: sysconf takes an int and returns a long.
    let r = unsafe { sysconf(name) };
    limit_result(vm, r).map(|v| if v.is_none() { vm.heap.new_int_i64(-1) } else { v })
}

/// `confstr(3)`: the text of `name`, `Ok(None)` if it has none, or errno.
pub fn confstr_text(name: c_int) -> Result<Option<String>, i32> {
    let mut buf = vec![0u8; 256];
    loop {
        clear_errno();
        // SAFETY: confstr writes at most `buf.len()` bytes into `buf`.
        let n = unsafe { confstr(name, buf.as_mut_ptr().cast(), buf.len()) };
        if n == 0 {
            return if errno() == 0 { Ok(None) } else { Err(errno()) };
        }
        if n > buf.len() {
            buf.resize(n, 0);
            continue;
        }
        return Ok(Some(String::from_utf8_lossy(&buf[..n - 1]).into_owned()));
    }
}

fn posix_confstr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = int_arg(vm, args, 0, "confstr")? as c_int;
    match confstr_text(name) {
        Ok(Some(text)) => Ok(vm.heap.new_str(&text)),
        Ok(None) => Ok(Value::NONE),
        Err(e) => Err(os_error(vm, i64::from(e), None, None)),
    }
}

/// `_pathconf(path bytes or fd, name)`.
fn posix_pathconf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = int_arg(vm, args, 1, "pathconf")? as c_int;
    clear_errno();
    let r = match args.first().and_then(|v| v.as_small_int()) {
        // SAFETY: fpathconf takes two ints.
        Some(fd) => unsafe { fpathconf(fd as c_int, name) },
        None => {
            let path = bytes_arg(vm, args, 0)?;
            // SAFETY: `path` is a NUL-terminated string alive for the call.
            unsafe { pathconf(path.as_ptr(), name) }
        }
    };
    limit_result(vm, r).map(|v| if v.is_none() { vm.heap.new_int_i64(-1) } else { v })
}

/// `_statvfs(path bytes or fd)`: the 11 fields, f_fsid last.
fn posix_statvfs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let mut st = StatVfs::default();
    let r = match args.first().and_then(|v| v.as_small_int()) {
        // SAFETY: fstatvfs fills one statvfs struct (`repr(C)`).
        Some(fd) => unsafe { fstatvfs(fd as c_int, &mut st) },
        None => {
            let path = bytes_arg(vm, args, 0)?;
            // SAFETY: as above; `path` is NUL-terminated and alive.
            unsafe { statvfs(path.as_ptr(), &mut st) }
        }
    };
    checked(vm, r)?;
    let fields = [
        st.bsize, st.frsize, st.blocks, st.bfree, st.bavail, st.files, st.ffree, st.favail,
        st.flag, st.namemax, st.fsid,
    ];
    let items: Vec<Value> = fields.iter().map(|&f| vm.heap.new_int_i64(f as i64)).collect();
    Ok(vm.heap.new_tuple(&items))
}

/// `_id_call(name, a, b, c)`: the calls that take and return ints only.
fn id_call(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let name = args.first().and_then(|v| crate::object::str::str_of(*v));
    let name = name.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let n = |i: usize| args.get(i).and_then(|v| v.as_small_int()).unwrap_or(0);
    let (a, b, c) = (n(1), n(2), n(3));
    clear_errno();
    // SAFETY: each of these system calls takes ints and returns an int;
    // no memory is passed.
    let r = unsafe {
        match name.as_str() {
            "setsid" => setsid(),
            "setpgid" => setpgid(a as c_int, b as c_int),
            "getpriority" => getpriority(a as c_int, b as c_int),
            "setpriority" => setpriority(a as c_int, b as c_int, c as c_int),
            "setuid" => setuid(a as u32),
            "setgid" => setgid(a as u32),
            "seteuid" => seteuid(a as u32),
            "setegid" => setegid(a as u32),
            "setreuid" => setreuid(a as u32, b as u32),
            "setregid" => setregid(a as u32, b as u32),
            "killpg" => killpg(a as c_int, b as c_int),
            "sync" => {
                sync();
                0
            }
            _ => return Err(vm.value_error("unknown call")),
        }
    };
    if r == -1 && (name != "getpriority" || errno() != 0) {
        return Err(fail(vm));
    }
    Ok(vm.heap.new_int_i64(i64::from(r)))
}

/// `_getres(group)`: getresuid() or, for a true `group`, getresgid().
fn getres(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let group = args.first().is_some_and(|v| *v == Value::TRUE);
    let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
    // SAFETY: the call writes three ids into the three locals.
    let rc = unsafe {
        if group {
            getresgid(&mut r, &mut e, &mut s)
        } else {
            getresuid(&mut r, &mut e, &mut s)
        }
    };
    checked(vm, rc)?;
    let items = [r, e, s].map(|x| vm.heap.new_int_i64(i64::from(x)));
    Ok(vm.heap.new_tuple(&items))
}

fn posix_getgroups(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    // SAFETY: with size 0 getgroups only counts the groups.
    let n = checked(vm, unsafe { getgroups(0, std::ptr::null_mut()) })?;
    let mut groups = vec![0u32; n as usize];
    // SAFETY: `groups` has room for the `n` ids getgroups writes.
    let n = checked(vm, unsafe { getgroups(n as c_int, groups.as_mut_ptr()) })?;
    let items: Vec<Value> =
        groups[..n as usize].iter().map(|&g| vm.heap.new_int_i64(i64::from(g))).collect();
    Ok(vm.heap.new_list(&items))
}

/// `_fd_flag(fd, which, value or None)`: reads or sets a descriptor's
/// close-on-exec (`which` 0, as "inheritable" = not set) or non-blocking
/// (`which` 1, as "blocking" = not set) flag.
fn fd_flag(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0, "fd")? as c_int;
    let blocking = int_arg(vm, args, 1, "fd")? == 1;
    let (get, set, bit) =
        if blocking { (F_GETFL, F_SETFL, O_NONBLOCK) } else { (F_GETFD, F_SETFD, FD_CLOEXEC) };
    // SAFETY: fcntl with a get command takes no pointer.
    let flags = checked(vm, unsafe { fcntl(fd, get, 0) })? as c_int;
    let Some(&value) = args.get(2).filter(|v| !v.is_none()) else {
        return Ok(Value::from_bool(flags & bit == 0));
    };
    let wanted = if vm.is_true(value)? { flags & !bit } else { flags | bit };
    if wanted != flags {
        // SAFETY: as above, with an int argument.
        checked(vm, unsafe { fcntl(fd, set, wanted) })?;
    }
    Ok(Value::NONE)
}

/// What the child of `fork_exec` does, with everything prepared before
/// the fork: no allocation happens in the child.
struct ChildPlan {
    executables: Vec<CString>,
    argv: Vec<*const c_char>,
    envp: Option<Vec<*const c_char>>,
    cwd: Option<CString>,
    /// The parent's ends to close: p2cwrite, c2pread, errread, errpipe_read.
    close_first: [c_int; 4],
    /// p2cread, c2pwrite, errwrite: to become 0, 1 and 2.
    stdio: [c_int; 3],
    errpipe_write: c_int,
    restore_signals: bool,
    call_setsid: bool,
    /// Descriptors to close (all open ones not kept), when close_fds.
    to_close: Vec<c_int>,
}

/// Reports errno on the error pipe as `_posixsubprocess` does
/// ("OSError:<hex errno>:" and "noexec" when exec was not reached).
fn report_child_error(pipe: c_int, err: i32, reached_exec: bool) {
    let mut msg = [0u8; 40];
    let mut len = 0;
    for b in b"OSError:" {
        msg[len] = *b;
        len += 1;
    }
    let mut digits = [0u8; 8];
    let mut n = 0;
    let mut e = err as u32;
    while e != 0 && n < digits.len() {
        digits[n] = b"0123456789abcdef"[(e % 16) as usize];
        e /= 16;
        n += 1;
    }
    for i in (0..n).rev() {
        msg[len] = digits[i];
        len += 1;
    }
    msg[len] = b':';
    len += 1;
    if !reached_exec {
        for b in b"noexec" {
            msg[len] = *b;
            len += 1;
        }
    }
    // SAFETY: writes `len` bytes of the local buffer; nothing to do on
    // failure, the child exits next.
    unsafe { write(pipe, msg.as_ptr(), len) };
}

/// Runs in the child after fork: sets up descriptors, the directory,
/// signals and session; exits the child on failure.
fn set_up_child(plan: &ChildPlan) {
    // SAFETY: only async-signal-safe system calls on prepared data: the
    // strings and pointer arrays were built before the fork.
    unsafe {
        for &fd in &plan.close_first {
            if fd != -1 {
                close(fd);
            }
        }
        // A descriptor about to be overwritten is first moved out of the
        // way (F_DUPFD gives the lowest free one from 3 up).
        let [p2cread, mut c2pwrite, mut errwrite] = plan.stdio;
        if c2pwrite == 0 {
            c2pwrite = fcntl(c2pwrite, 0, 3);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = fcntl(errwrite, 0, 3);
        }
        // The pipes are close-on-exec, so they need no closing here.
        for (target, fd) in [p2cread, c2pwrite, errwrite].into_iter().enumerate() {
            let target = target as c_int;
            if fd == target {
                let flags = fcntl(fd, F_GETFD, 0);
                fcntl(fd, F_SETFD, flags & !FD_CLOEXEC);
            } else if fd != -1 && dup2(fd, target) == -1 {
                report_child_error(plan.errpipe_write, errno(), false);
                _exit(255);
            }
        }
        if let Some(cwd) = &plan.cwd {
            if chdir(cwd.as_ptr()) == -1 {
                report_child_error(plan.errpipe_write, errno(), false);
                _exit(255);
            }
        }
        if plan.restore_signals {
            signal(SIGPIPE, 0);
            signal(SIGXFSZ, 0);
        }
        if plan.call_setsid && setsid() == -1 {
            report_child_error(plan.errpipe_write, errno(), false);
            _exit(255);
        }
    }
}

/// Runs in the child after [`set_up_child`] (and `preexec_fn`): closes
/// the descriptors not kept and execs; never returns.
fn exec_child(plan: &ChildPlan) -> ! {
    // SAFETY: as in `set_up_child`.
    unsafe {
        for &fd in &plan.to_close {
            close(fd);
        }
        let mut err = 0;
        for exe in &plan.executables {
            match &plan.envp {
                Some(envp) => execve(exe.as_ptr(), plan.argv.as_ptr(), envp.as_ptr()),
                None => execv(exe.as_ptr(), plan.argv.as_ptr()),
            };
            // The first error other than ENOENT/ENOTDIR wins, as in
            // CPython's child_exec.
            let e = errno();
            if err == 0 || (e != 2 && e != 20 && (err == 2 || err == 20)) {
                err = e;
            }
        }
        report_child_error(plan.errpipe_write, err, true);
        _exit(255)
    }
}

fn small(vm: &Vm, args: &[Value], i: usize) -> PyResult<c_int> {
    Ok(int_arg(vm, args, i, "fork_exec")? as c_int)
}

/// `_fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, preexec_fn)` with bytes
/// everywhere: the child's pid.
fn fork_exec(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    // The child may read what this process wrote to files it dropped.
    vm.flush_open_files();
    let argv_strings = bytes_list(vm, args[0])?;
    let executables = bytes_list(vm, args[1])?;
    let close_fds = vm.is_true(args[2])?;
    let keep: Vec<i64> = match tuple_of(args[3]) {
        Some(t) => t.items().iter().filter_map(|v| v.as_small_int()).collect(),
        None => Vec::new(),
    };
    let cwd = if args[4].is_none() { None } else { Some(bytes_arg(vm, args, 4)?) };
    let env_strings = if args[5].is_none() { None } else { Some(bytes_list(vm, args[5])?) };
    let fd = |i| small(vm, args, i);
    let (p2cread, p2cwrite, c2pread, c2pwrite) = (fd(6)?, fd(7)?, fd(8)?, fd(9)?);
    let (errread, errwrite, errpipe_read, errpipe_write) = (fd(10)?, fd(11)?, fd(12)?, fd(13)?);
    let mut to_close = Vec::new();
    if close_fds {
        if let Ok(dir) = std::fs::read_dir("/proc/self/fd") {
            for entry in dir.flatten() {
                let Some(n) = entry.file_name().to_str().and_then(|s| s.parse::<i64>().ok()) else {
                    continue;
                };
                if n > 2 && !keep.contains(&n) && n != i64::from(errpipe_write) {
                    to_close.push(n as c_int);
                }
            }
        }
    }
    let plan = ChildPlan {
        argv: pointers(&argv_strings),
        envp: env_strings.as_deref().map(pointers),
        executables,
        cwd,
        close_first: [p2cwrite, c2pread, errread, errpipe_read],
        stdio: [p2cread, c2pwrite, errwrite],
        errpipe_write,
        restore_signals: vm.is_true(args[14])?,
        call_setsid: vm.is_true(args[15])?,
        to_close,
    };
    let preexec_fn = args.get(16).copied().filter(|f| !f.is_none());
    if preexec_fn.is_some() {
        // What `print` buffered must not be written a second time by the
        // child's flush after `preexec_fn`.
        vm.flush_stdout();
    }
    // SAFETY: one Python thread; the child only runs the functions below,
    // which make system calls on data prepared above, and `preexec_fn` on
    // its own copy of the interpreter; it never returns.
    let pid = unsafe { fork() };
    if pid == 0 {
        set_up_child(&plan);
        if let Some(f) = preexec_fn {
            run_preexec_fn(vm, f, plan.errpipe_write);
        }
        exec_child(&plan);
    }
    checked(vm, pid).map(|p| vm.heap.new_int_i64(p))
}

/// Calls `preexec_fn` in the child, as `_posixsubprocess` does: an
/// exception is reported on the error pipe and ends the child.
fn run_preexec_fn(vm: &mut Vm, f: Value, errpipe: c_int) {
    let result = vm.call(f, &[]);
    vm.flush_stdout();
    if result.is_err() {
        let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
        // SAFETY: writes the message's bytes, then ends the child without
        // running the parent's exit handlers.
        unsafe {
            write(errpipe, msg.as_ptr(), msg.len());
            _exit(255)
        }
    }
}
