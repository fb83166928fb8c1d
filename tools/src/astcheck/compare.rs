//! Parsing each file with Tachyon and comparing with CPython's verdict.

use super::oracle::Verdict;
use interp::parse::{self, dump, Mode};
use std::collections::HashMap;
use std::path::PathBuf;

/// Tachyon's verdict on one file, in CPython's terms: parsed as
/// `ast.parse(bytes)` does, as a string.
pub fn tachyon_verdict(bytes: &[u8], filename: &str, positions: bool) -> Verdict {
    match parse::parse_bytes_as_string(bytes, filename, Mode::Module) {
        Ok(tree) if positions => Verdict::Tree(dump::dump_with_positions(&tree)),
        Ok(tree) => Verdict::Tree(dump::dump(&tree)),
        Err(err) => Verdict::Rejected {
            lineno: err.lineno,
            class: err.kind.name().to_string(),
            msg: err.msg.clone(),
        },
    }
}

/// How the two verdicts on one file relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Both accepted with identical dumps.
    Same,
    /// Both accepted, dumps differ.
    DifferentTree,
    /// CPython accepted, Tachyon rejected.
    WronglyRejected,
    /// Both rejected, on the same line, with the same class and message.
    RejectedSameLine,
    /// Both rejected on the same line, but the class or message differs.
    RejectedOtherMessage,
    /// Both rejected, on different lines.
    RejectedOtherLine,
    /// CPython rejected, Tachyon accepted.
    WronglyAccepted,
    /// CPython failed otherwise (not counted).
    OracleCrashed,
}

pub fn classify(cpython: &Verdict, tachyon: &Verdict) -> Outcome {
    match (cpython, tachyon) {
        (Verdict::Crashed(_), _) => Outcome::OracleCrashed,
        (Verdict::Tree(a), Verdict::Tree(b)) if a == b => Outcome::Same,
        (Verdict::Tree(_), Verdict::Tree(_)) => Outcome::DifferentTree,
        (Verdict::Tree(_), _) => Outcome::WronglyRejected,
        (
            Verdict::Rejected { lineno: a, class: ca, msg: ma },
            Verdict::Rejected { lineno: b, class: cb, msg: mb },
        ) if a == b => {
            if ca == cb && ma == mb {
                Outcome::RejectedSameLine
            } else {
                Outcome::RejectedOtherMessage
            }
        }
        (Verdict::Rejected { .. }, Verdict::Rejected { .. }) => Outcome::RejectedOtherLine,
        (Verdict::Rejected { .. }, _) => Outcome::WronglyAccepted,
    }
}

/// The counts of a run.
#[derive(Debug, Default)]
pub struct Report {
    pub counts: HashMap<&'static str, usize>,
    pub accepted: usize,
    pub identical: usize,
    pub rejected: usize,
    pub rejected_same_line: usize,
    pub failures: Vec<String>,
}

impl Report {
    /// Does the run meet the goal: 99.5% identical, every rejection matched?
    pub fn passes(&self) -> bool {
        self.identical * 1000 >= self.accepted * 995 && self.rejected_same_line == self.rejected
    }

    pub fn summary(&self) -> String {
        let pct = if self.accepted == 0 {
            100.0
        } else {
            self.identical as f64 * 100.0 / self.accepted as f64
        };
        let mut out = format!(
            "CPython accepts {}: identical {} ({pct:.2}%)\nCPython rejects {}: rejected on the same line {}\n",
            self.accepted, self.identical, self.rejected, self.rejected_same_line
        );
        let mut counts: Vec<_> = self.counts.iter().collect();
        counts.sort();
        for (name, n) in counts {
            out.push_str(&format!("  {name}: {n}\n"));
        }
        out
    }
}

/// The first place two dumps differ, with some context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let from = at.saturating_sub(60);
    let clip = |s: &str| {
        let mut lo = from.min(s.len());
        while !s.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (at + 80).min(s.len());
        while !s.is_char_boundary(hi) {
            hi -= 1;
        }
        s[lo..hi].to_string()
    };
    format!("    cpython: ...{}\n    tachyon: ...{}", clip(a), clip(b))
}

/// Compares every file (with node positions if `positions`).
pub fn compare_all(
    files: &[PathBuf],
    cpython: &HashMap<PathBuf, Verdict>,
    positions: bool,
) -> Report {
    let mut report = Report::default();
    for path in files {
        let Some(expected) = cpython.get(path) else { continue };
        let bytes = std::fs::read(path).unwrap_or_default();
        let name = path.to_string_lossy();
        let got = tachyon_verdict(&bytes, &name, positions);
        let outcome = classify(expected, &got);
        *report.counts.entry(outcome_name(outcome)).or_default() += 1;
        match outcome {
            Outcome::Same => {
                report.accepted += 1;
                report.identical += 1;
            }
            Outcome::DifferentTree | Outcome::WronglyRejected => report.accepted += 1,
            Outcome::RejectedSameLine | Outcome::RejectedOtherMessage => {
                report.rejected += 1;
                report.rejected_same_line += 1;
            }
            Outcome::RejectedOtherLine | Outcome::WronglyAccepted => report.rejected += 1,
            Outcome::OracleCrashed => {}
        }
        if matches!(outcome, Outcome::Same | Outcome::RejectedSameLine | Outcome::OracleCrashed) {
            continue;
        }
        let detail = match (expected, &got) {
            (Verdict::Tree(a), Verdict::Tree(b)) => first_difference(a, b),
            _ => format!("    cpython: {}\n    tachyon: {}", describe(expected), describe(&got)),
        };
        report.failures.push(format!("{} {name}\n{detail}", outcome_name(outcome)));
    }
    report
}

fn describe(v: &Verdict) -> String {
    match v {
        Verdict::Tree(_) => "accepted".into(),
        Verdict::Rejected { lineno, class, msg } => format!("{class} line {lineno}: {msg}"),
        Verdict::Crashed(class) => format!("raised {class}"),
    }
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Same => "identical",
        Outcome::DifferentTree => "different tree",
        Outcome::WronglyRejected => "wrongly rejected",
        Outcome::RejectedSameLine => "rejected, same line and message",
        Outcome::RejectedOtherMessage => "rejected, same line, other message",
        Outcome::RejectedOtherLine => "rejected, other line",
        Outcome::WronglyAccepted => "wrongly accepted",
        Outcome::OracleCrashed => "python3.8 raised another exception",
    }
}
