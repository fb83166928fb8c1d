//! The process's file descriptors as Python sees them: the files that
//! `posix.open`, `posix.pipe` and `_io.open` made, kept by their real
//! descriptor number, plus 0, 1 and 2, the standard streams. `os` and `_io`
//! share this one table, so `open(os.open(...))`, `os.fstat(f.fileno())`
//! and `io.open(fd, closefd=False)` see the same file.

use crate::builtins::os_error::{from_io, os_error};
use crate::object::PyErr;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::io::{IsTerminal, Read, Seek, SeekFrom, Write};
use std::os::unix::io::AsRawFd;

thread_local! {
    static FDS: RefCell<HashMap<i64, File>> = RefCell::new(HashMap::new());
}

/// Keeps `file` under its descriptor number, which it returns.
pub fn insert(file: File) -> i64 {
    let fd = i64::from(file.as_raw_fd());
    FDS.with(|fds| fds.borrow_mut().insert(fd, file));
    fd
}

/// Drops the table's file `fd` (closing it); false when there is none.
pub fn remove(fd: i64) -> bool {
    FDS.with(|fds| fds.borrow_mut().remove(&fd)).is_some()
}

/// Whether `fd` is open here (a standard stream or a file of the table).
pub fn is_open(fd: i64) -> bool {
    (0..=2).contains(&fd) || FDS.with(|fds| fds.borrow().contains_key(&fd))
}

pub fn bad_fd(vm: &Vm) -> PyErr {
    os_error(vm, 9, None, None)
}

/// Runs `op` on the table's file `fd`, or `None` when there is none.
pub fn try_with_file<T>(fd: i64, op: impl FnOnce(&mut File) -> T) -> Option<T> {
    FDS.with(|fds| fds.borrow_mut().get_mut(&fd).map(op))
}

/// Runs `op` on the table's file `fd`; EBADF when there is none.
pub fn with_file<T>(
    vm: &Vm,
    fd: i64,
    op: impl FnOnce(&mut File) -> std::io::Result<T>,
) -> PyResult<T> {
    match try_with_file(fd, op) {
        Some(r) => r.map_err(|e| from_io(vm, &e, None)),
        None => Err(bad_fd(vm)),
    }
}

/// Reads up to `size` bytes from `fd`, or everything left when `size` is
/// negative. A read that a signal interrupts runs the Python handlers and
/// is retried (PEP 475), unless a handler raises.
pub fn read(vm: &mut Vm, fd: i64, size: i64) -> PyResult<Vec<u8>> {
    let fill = |r: &mut dyn Read| -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        if size < 0 {
            r.read_to_end(&mut buf)?;
        } else {
            buf.resize(size as usize, 0);
            let n = r.read(&mut buf)?;
            buf.truncate(n);
        }
        Ok(buf)
    };
    retrying(vm, |vm| match fd {
        0 => fill(&mut std::io::stdin()).map_err(|e| from_io(vm, &e, None)),
        1 | 2 => Err(bad_fd(vm)),
        _ => with_file(vm, fd, |f| fill(f)),
    })
}

/// Runs `op` until it fails with something other than EINTR, running the
/// signal handlers after each interruption.
fn retrying<T>(vm: &mut Vm, mut op: impl FnMut(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    loop {
        match op(vm) {
            Err(e) if e.matches(&vm.heap, vm.heap.types().interrupted_error) => {
                vm.check_signals()?
            }
            r => return r,
        }
    }
}

/// Writes `data` to `fd` once (as write(2)); the count written. What
/// `print` buffered goes out first, so the order on stdout is kept. An
/// interrupted write is retried as a read is.
pub fn write(vm: &mut Vm, fd: i64, data: &[u8]) -> PyResult<usize> {
    retrying(vm, |vm| {
        let written = match fd {
            0 => return Err(bad_fd(vm)),
            1 => {
                vm.flush_stdout();
                let mut out = std::io::stdout();
                out.write(data).and_then(|n| out.flush().map(|_| n))
            }
            2 => std::io::stderr().write(data),
            _ => return with_file(vm, fd, |f| f.write(data)),
        };
        written.map_err(|e| from_io(vm, &e, None))
    })
}

/// Like [`write`], but all of `data`.
pub fn write_all(vm: &mut Vm, fd: i64, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        let n = write(vm, fd, data)?;
        if n == 0 {
            let e = std::io::Error::from(std::io::ErrorKind::WriteZero);
            return Err(from_io(vm, &e, None));
        }
        data = &data[n..];
        if !data.is_empty() {
            // A partial write may be a signal's doing: its handler runs
            // now (and may raise), as in CPython's buffered writer.
            vm.check_signals()?;
        }
    }
    Ok(())
}

/// lseek(2): the new offset. The standard streams cannot seek here.
pub fn seek(vm: &Vm, fd: i64, target: SeekFrom) -> PyResult<u64> {
    if (0..=2).contains(&fd) {
        return Err(os_error(vm, 29, None, None));
    }
    with_file(vm, fd, |f| f.seek(target))
}

pub fn is_terminal(fd: i64) -> bool {
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => try_with_file(fd, |f| f.is_terminal()).unwrap_or(false),
    }
}

/// The metadata of the table's file `fd`, if it has it.
pub fn metadata(fd: i64) -> Option<std::io::Result<std::fs::Metadata>> {
    try_with_file(fd, |f| f.metadata())
}
