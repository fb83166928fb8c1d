//! Running one interpreter process and measuring it: wall time, CPU time and
//! peak resident set size, with its stdout, stderr and exit status.
//!
//! `std::process` reaps children without their resource usage, so the child
//! is reaped here with `wait4`, which returns it (`ru_maxrss` is the child's
//! peak RSS, the figure `/usr/bin/time -v` reports).

use std::io::{self, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// What one run of a child process gave.
#[derive(Clone, Debug)]
pub struct ChildRun {
    pub wall: Duration,
    pub user: Duration,
    pub system: Duration,
    pub peak_rss_kib: u64,
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The child was killed because it ran longer than the timeout.
    pub timed_out: bool,
}

/// Resource usage of a reaped child, as `wait4` reports it.
struct Reaped {
    status: ExitStatus,
    user: Duration,
    system: Duration,
    peak_rss_kib: u64,
}

/// Runs `command` with stdin closed and stdout/stderr captured, killing it
/// after `timeout`. Wall time runs from just before the spawn to the reaping.
pub fn run_measured(command: &mut Command, timeout: Duration) -> io::Result<ChildRun> {
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = command.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let pid = child.id() as libc::pid_t;
    let mut timed_out = false;
    // Polling with a short sleep rather than a blocking wait keeps the timeout
    // free of races with pid reuse; it adds at most a millisecond to runs of
    // seconds.
    let reaped = loop {
        if let Some(reaped) = try_reap(pid)? {
            break reaped;
        }
        if !timed_out && start.elapsed() > timeout {
            // The child is not reaped yet, so its pid cannot have been reused.
            // An error (it exited just now) changes nothing: we reap it next.
            let _ = child.kill();
            timed_out = true;
        }
        thread::sleep(Duration::from_micros(500));
    };
    let wall = start.elapsed();
    Ok(ChildRun {
        wall,
        user: reaped.user,
        system: reaped.system,
        peak_rss_kib: reaped.peak_rss_kib,
        status: reaped.status,
        stdout: join(stdout),
        stderr: join(stderr),
        timed_out,
    })
}

/// Reads a pipe to its end on a thread of its own, so that a child filling
/// one pipe never blocks while the other is read.
fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            // A read error (the child closed the pipe oddly) keeps what came.
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

fn join(reader: thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    reader.join().unwrap_or_default()
}

/// Reaps `pid` if it has exited, with its resource usage.
fn try_reap(pid: libc::pid_t) -> io::Result<Option<Reaped>> {
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct of
    // integers.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `status` and `usage` are live, writable locals of the types
    // wait4 expects; `pid` is our own unreaped child (std's `Child` never
    // waits for it, as we never call its `wait`).
    let result = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
    match result {
        0 => Ok(None),
        r if r == pid => Ok(Some(Reaped {
            status: ExitStatus::from_raw(status),
            user: timeval(usage.ru_utime),
            system: timeval(usage.ru_stime),
            // Linux reports ru_maxrss in KiB.
            peak_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
        })),
        _ => {
            let error = io::Error::last_os_error();
            if error.kind() == io::ErrorKind::Interrupted {
                Ok(None)
            } else {
                Err(error)
            }
        }
    }
}

fn timeval(t: libc::timeval) -> Duration {
    let secs = u64::try_from(t.tv_sec).unwrap_or(0);
    let micros = u32::try_from(t.tv_usec).unwrap_or(0);
    Duration::from_secs(secs) + Duration::from_micros(micros.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_status_and_usage() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; exit 3"]);
        let run = run_measured(&mut command, Duration::from_secs(10)).unwrap();
        assert_eq!(run.stdout, b"out\n");
        assert_eq!(run.stderr, b"err\n");
        assert_eq!(run.status.code(), Some(3));
        assert!(run.peak_rss_kib > 0);
        assert!(!run.timed_out);
    }

    #[test]
    fn kills_a_child_past_its_timeout() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let run = run_measured(&mut command, Duration::from_millis(100)).unwrap();
        assert!(run.timed_out);
        assert!(run.wall < Duration::from_secs(10));
        assert_eq!(run.status.code(), None);
    }

    #[test]
    fn a_missing_program_is_an_error() {
        let mut command = Command::new("/nonexistent/interpreter");
        assert!(run_measured(&mut command, Duration::from_secs(1)).is_err());
    }
}
