//! `_socket`: the constants (`socket_constants.py`, generated from
//! CPython's) and classes of `socket.py` (Python, run in the same module), and Unix socket pairs — what `asyncio`'s event loop wakes
//! itself with. The sockets are `std`'s `UnixStream`s, kept in a table by
//! their real descriptor number so that `select` can wait on them. No
//! networking: making any other socket says so.

use crate::builtins::bytes_methods::bytes_like;
use crate::builtins::os_error::{from_io, os_error};
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::Shutdown;
use std::os::unix::io::AsRawFd;
use std::os::unix::net::UnixStream;
use std::time::Duration;

thread_local! {
    /// The open sockets, by descriptor number.
    static SOCKETS: RefCell<HashMap<i64, UnixStream>> = RefCell::new(HashMap::new());
}

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_socket", |vm, module| {
        let funcs: &[(&'static str, NativeFn)] = &[
            ("_pair", pair),
            ("_send", send),
            ("_recv", recv),
            ("_set_timeout", set_timeout),
            ("_shutdown", shutdown),
            ("_close", close),
        ];
        super::add_functions(vm, module, funcs)?;
        let dict = crate::vm::function::module_of(module).expect("a module").dict;
        let constants = include_str!("socket_constants.py");
        vm.exec_source_in(constants.as_bytes(), "<tachyon _socket constants>", dict, dict)?;
        vm.exec_source_in(include_str!("socket.py").as_bytes(), "<tachyon _socket>", dict, dict)?;
        Ok(())
    })
}

fn int_arg(vm: &Vm, args: &[Value], i: usize) -> PyResult<i64> {
    args.get(i)
        .and_then(|v| vm.as_int(*v))
        .and_then(|n| n.to_i64())
        .ok_or_else(|| vm.type_error("an integer is required"))
}

/// Runs `op` on socket `fd`; EBADF when there is none.
fn with_socket<T>(
    vm: &Vm,
    fd: i64,
    op: impl FnOnce(&mut UnixStream) -> std::io::Result<T>,
) -> PyResult<T> {
    match SOCKETS.with(|table| table.borrow_mut().get_mut(&fd).map(op)) {
        Some(result) => result.map_err(|e| from_io(vm, &e, None)),
        None => Err(os_error(vm, 9, None, None)),
    }
}

/// `_pair()`: the descriptors of a new connected pair of Unix stream sockets.
fn pair(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let (a, b) = UnixStream::pair().map_err(|e| from_io(vm, &e, None))?;
    let fds = [a, b].map(|socket| {
        let fd = i64::from(socket.as_raw_fd());
        SOCKETS.with(|table| table.borrow_mut().insert(fd, socket));
        fd
    });
    let fds = fds.map(|fd| vm.heap.new_int_i64(fd));
    Ok(vm.heap.new_tuple(&fds))
}

/// `_send(fd, data)`: how many bytes of `data` were sent.
fn send(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0)?;
    let data = args.get(1).copied().unwrap_or(Value::NONE);
    let Some(data) = bytes_like(data) else {
        return Err(vm.type_error(&format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        )));
    };
    let n = with_socket(vm, fd, |s| s.write(&data))?;
    Ok(vm.heap.new_int_i64(n as i64))
}

/// `_recv(fd, n)`: at most `n` bytes; empty at end of stream.
fn recv(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0)?;
    let n = int_arg(vm, args, 1)?;
    let Ok(n) = usize::try_from(n) else {
        return Err(vm.value_error("negative buffersize in recv"));
    };
    let mut buf = vec![0u8; n];
    let got = with_socket(vm, fd, |s| s.read(&mut buf))?;
    Ok(vm.heap.new_bytes(&buf[..got]))
}

/// `_set_timeout(fd, seconds)`: None blocks, 0 never blocks, and a positive
/// number blocks at most that long (then the call fails with EAGAIN).
fn set_timeout(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0)?;
    let timeout = match args.get(1).copied().filter(|v| !v.is_none()) {
        None => None,
        Some(v) => Some(crate::builtins::constructors::float_of(vm, v)?),
    };
    with_socket(vm, fd, |s| {
        s.set_nonblocking(timeout == Some(0.0))?;
        let limit = timeout.filter(|t| *t > 0.0).map(Duration::from_secs_f64);
        s.set_read_timeout(limit)?;
        s.set_write_timeout(limit)
    })?;
    Ok(Value::NONE)
}

/// `_shutdown(fd, how)`: 0 stops reading, 1 writing, 2 both.
fn shutdown(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0)?;
    let how = match int_arg(vm, args, 1)? {
        0 => Shutdown::Read,
        1 => Shutdown::Write,
        2 => Shutdown::Both,
        _ => return Err(os_error(vm, 22, None, None)),
    };
    with_socket(vm, fd, |s| s.shutdown(how))?;
    Ok(Value::NONE)
}

/// `_close(fd)`: closes the socket (dropping the stream closes the descriptor).
fn close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let fd = int_arg(vm, args, 0)?;
    match SOCKETS.with(|table| table.borrow_mut().remove(&fd)) {
        Some(_) => Ok(Value::NONE),
        None => Err(os_error(vm, 9, None, None)),
    }
}
