//! Judging one run: did it fail, and does its output match the baseline's?
//! The output that counts is what users see of a batch job: stdout, byte for
//! byte, and the exit status.

use super::child::ChildRun;

/// What a run showed the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub stdout: Vec<u8>,
    /// `None` when the process was killed by a signal.
    pub exit_code: Option<i32>,
}

impl Output {
    pub fn of(run: &ChildRun) -> Output {
        Output { stdout: run.stdout.clone(), exit_code: run.status.code() }
    }
}

/// Why a run failed: a timeout, a signal, or a non-zero exit status (with the
/// last line of stderr, usually the exception). `None` for a clean run.
pub fn failure(run: &ChildRun, timeout_secs: u64) -> Option<String> {
    if run.timed_out {
        return Some(format!("timed out after {timeout_secs} s"));
    }
    let last_stderr_line = || {
        let stderr = String::from_utf8_lossy(&run.stderr);
        stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string()
    };
    match run.status.code() {
        Some(0) => None,
        Some(code) => Some(with_detail(format!("exit status {code}"), &last_stderr_line())),
        None => {
            use std::os::unix::process::ExitStatusExt;
            let signal = run.status.signal().unwrap_or(0);
            Some(with_detail(format!("killed by signal {signal}"), &last_stderr_line()))
        }
    }
}

fn with_detail(what: String, detail: &str) -> String {
    if detail.is_empty() {
        what
    } else {
        format!("{what}: {}", truncate(detail, 120))
    }
}

/// How `actual` differs from `expected`, or `None` when they match: the exit
/// statuses, or the first line of stdout that differs.
pub fn difference(expected: &Output, actual: &Output) -> Option<String> {
    if expected.exit_code != actual.exit_code {
        let show = |code: Option<i32>| code.map_or("a signal".to_string(), |c| c.to_string());
        return Some(format!(
            "exit status {} where the baseline gave {}",
            show(actual.exit_code),
            show(expected.exit_code)
        ));
    }
    if expected.stdout == actual.stdout {
        return None;
    }
    let expected_text = String::from_utf8_lossy(&expected.stdout);
    let actual_text = String::from_utf8_lossy(&actual.stdout);
    let mut expected_lines = expected_text.split_inclusive('\n');
    let mut actual_lines = actual_text.split_inclusive('\n');
    for line_number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => continue,
            (e, a) => {
                let show = |line: Option<&str>| {
                    line.map_or("end of output".to_string(), |l| format!("{:?}", truncate(l, 60)))
                };
                return Some(format!(
                    "stdout line {line_number}: {} where the baseline printed {}",
                    show(a),
                    show(e)
                ));
            }
        }
    }
    unreachable!("outputs that differ have a first differing line")
}

fn truncate(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;
    use std::process::ExitStatus;
    use std::time::Duration;

    fn output(stdout: &str, exit_code: i32) -> Output {
        Output { stdout: stdout.as_bytes().to_vec(), exit_code: Some(exit_code) }
    }

    fn run(raw_status: i32, stderr: &str, timed_out: bool) -> ChildRun {
        ChildRun {
            wall: Duration::from_secs(1),
            user: Duration::ZERO,
            system: Duration::ZERO,
            peak_rss_kib: 1,
            status: ExitStatus::from_raw(raw_status),
            stdout: Vec::new(),
            stderr: stderr.as_bytes().to_vec(),
            timed_out,
        }
    }

    #[test]
    fn equal_outputs_match() {
        assert_eq!(difference(&output("a\nb\n", 0), &output("a\nb\n", 0)), None);
    }

    #[test]
    fn reports_first_differing_line() {
        let diff = difference(&output("a\nb\nc\n", 0), &output("a\nB\nc\n", 0)).unwrap();
        assert_eq!(diff, "stdout line 2: \"B\\n\" where the baseline printed \"b\\n\"");
        let diff = difference(&output("a\nb\n", 0), &output("a\n", 0)).unwrap();
        assert_eq!(diff, "stdout line 2: end of output where the baseline printed \"b\\n\"");
        // A missing final newline is a difference too.
        assert!(difference(&output("a\n", 0), &output("a", 0)).is_some());
    }

    #[test]
    fn exit_status_counts_before_stdout() {
        let diff = difference(&output("x\n", 0), &output("x\n", 1)).unwrap();
        assert_eq!(diff, "exit status 1 where the baseline gave 0");
    }

    #[test]
    fn failures_name_their_cause() {
        assert_eq!(failure(&run(0, "", false), 60), None);
        let traceback = "Traceback (most recent call last):\n  ...\nNameError: name 'x'\n";
        assert_eq!(
            failure(&run(1 << 8, traceback, false), 60).unwrap(),
            "exit status 1: NameError: name 'x'"
        );
        assert_eq!(failure(&run(9, "", false), 60).unwrap(), "killed by signal 9");
        assert_eq!(failure(&run(9, "", true), 60).unwrap(), "timed out after 60 s");
    }
}
