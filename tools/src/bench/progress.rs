//! The progress line on stderr: one line, rewritten in place with `\r` on a
//! terminal; when stderr is a file or pipe, one line per finished benchmark.

use std::io::{IsTerminal, Write};

pub struct Progress {
    terminal: bool,
    /// Width of the last line written, to blank what a shorter one leaves.
    last_width: usize,
}

impl Progress {
    pub fn new() -> Progress {
        Progress { terminal: std::io::stderr().is_terminal(), last_width: 0 }
    }

    /// Shows what is running now (on a terminal only).
    pub fn update(&mut self, line: &str) {
        if self.terminal {
            let width = line.chars().count();
            let blank = " ".repeat(self.last_width.saturating_sub(width));
            eprint!("\r{line}{blank}");
            let _ = std::io::stderr().flush();
            self.last_width = width;
        }
    }

    /// Reports a finished step: it replaces the progress line on a terminal
    /// and is a line of its own elsewhere.
    pub fn done(&mut self, line: &str) {
        self.clear();
        eprintln!("{line}");
    }

    pub fn clear(&mut self) {
        if self.terminal && self.last_width > 0 {
            eprint!("\r{}\r", " ".repeat(self.last_width));
            self.last_width = 0;
        }
    }
}

impl Default for Progress {
    fn default() -> Progress {
        Progress::new()
    }
}
