//! What CPython 3.8 says about each file: one python3.8 process runs
//! `oracle.py` over all of them.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ORACLE_SCRIPT: &str = include_str!("oracle.py");

/// CPython's verdict on one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// `ast.dump(ast.parse(source))`.
    Tree(String),
    /// A `SyntaxError` (or subclass) at this line.
    Rejected { lineno: u32, class: String, msg: String },
    /// Some other exception (RecursionError, MemoryError, ...).
    Crashed(String),
}

/// Runs `python` once over `files`; the verdict for each path. With
/// `positions`, dumps include node positions (`include_attributes=True`).
pub fn run(
    python: &Path,
    files: &[PathBuf],
    positions: bool,
) -> Result<HashMap<PathBuf, Verdict>, String> {
    let mut child = Command::new(python)
        .args(["-c", ORACLE_SCRIPT])
        .args(positions.then_some("positions"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    let mut list = String::new();
    for file in files {
        list.push_str(&file.to_string_lossy());
        list.push('\n');
    }
    let mut stdin = child.stdin.take().ok_or("no stdin for python3.8")?;
    let writer = std::thread::spawn(move || stdin.write_all(list.as_bytes()));
    let output = child.wait_with_output().map_err(|e| format!("python3.8 failed: {e}"))?;
    writer.join().map_err(|_| "writer thread panicked")?.map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("python3.8 exited with {}", output.status));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut verdicts = HashMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.splitn(5, '\t').collect();
        let verdict = match fields.as_slice() {
            ["OK", _, dump] => Verdict::Tree(dump.to_string()),
            ["ERR", _, lineno, class, msg] => Verdict::Rejected {
                lineno: lineno.parse().unwrap_or(0),
                class: class.to_string(),
                msg: msg.to_string(),
            },
            ["EXC", _, class] => Verdict::Crashed(class.to_string()),
            _ => continue,
        };
        verdicts.insert(PathBuf::from(fields[1]), verdict);
    }
    Ok(verdicts)
}
