//! `poll(2)`: waiting until file descriptors are ready, the one system call
//! under `select` and `selectors` that Rust's `std` does not offer. This is
//! the only foreign call of the modules; everything above it is safe code.

use std::ffi::{c_int, c_ulong};
use std::time::Duration;

/// Linux's `struct pollfd`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PollFd {
    pub fd: c_int,
    /// What to wait for (`POLLIN`, `POLLOUT`, ...).
    pub events: i16,
    /// What happened, filled in by [`wait`].
    pub revents: i16,
}

pub const POLLIN: i16 = 0x1;
pub const POLLPRI: i16 = 0x2;
pub const POLLOUT: i16 = 0x4;

extern "C" {
    fn poll(fds: *mut PollFd, nfds: c_ulong, timeout: c_int) -> c_int;
}

/// Waits until one of `fds` is ready or `timeout` passes (None: no limit);
/// sets each entry's `revents` and gives how many have some. An interrupted
/// wait is `ErrorKind::Interrupted`, for the caller to run signal handlers.
pub fn wait(fds: &mut [PollFd], timeout: Option<Duration>) -> std::io::Result<usize> {
    let timeout_ms = match timeout {
        None => -1,
        // Rounded up, so that a short positive timeout still waits.
        Some(d) => c_int::try_from(d.as_nanos().div_ceil(1_000_000)).unwrap_or(c_int::MAX),
    };
    // SAFETY: `fds` is an exclusively borrowed array of `fds.len()` values
    // laid out as C's `struct pollfd` (int, short, short; `repr(C)`). The
    // kernel reads it and writes only the `revents` fields, within the
    // array, and keeps no pointer to it after the call returns.
    let n = unsafe { poll(fds.as_mut_ptr(), fds.len() as c_ulong, timeout_ms) };
    if n < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::io::AsRawFd;
    use std::os::unix::net::UnixStream;

    #[test]
    fn a_socket_is_readable_once_written_to() {
        let (a, mut b) = UnixStream::pair().unwrap();
        let mut fds = [PollFd { fd: a.as_raw_fd(), events: POLLIN | POLLOUT, revents: 0 }];
        assert_eq!(wait(&mut fds, Some(Duration::ZERO)).unwrap(), 1);
        assert_eq!(fds[0].revents, POLLOUT, "writable, nothing to read");
        b.write_all(b"x").unwrap();
        fds[0].events = POLLIN;
        assert_eq!(wait(&mut fds, None).unwrap(), 1);
        assert_eq!(fds[0].revents, POLLIN);
    }

    #[test]
    fn a_timeout_passes_with_nothing_ready() {
        let (a, _b) = UnixStream::pair().unwrap();
        let mut fds = [PollFd { fd: a.as_raw_fd(), events: POLLIN, revents: 0 }];
        let start = std::time::Instant::now();
        assert_eq!(wait(&mut fds, Some(Duration::from_micros(1500))).unwrap(), 0);
        assert!(start.elapsed() >= Duration::from_millis(1));
        assert_eq!(wait(&mut [], Some(Duration::ZERO)).unwrap(), 0);
    }

    #[test]
    fn a_descriptor_not_open_is_reported_invalid() {
        // Beyond any descriptor a test process opens (tests run in parallel,
        // so a just-closed number could be reused).
        let mut fds = [PollFd { fd: 1 << 30, events: POLLIN, revents: 0 }];
        assert_eq!(wait(&mut fds, Some(Duration::ZERO)).unwrap(), 1);
        assert_eq!(fds[0].revents, 0x20, "POLLNVAL");
    }
}
