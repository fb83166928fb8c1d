//! Conformance scripts: finding them and running one the same way under
//! `python3.8` (to make the expected files) and under `tachyon` (to check
//! them). See `tests/README.md` for the layout.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Every `*.py` at or below `path` (a file counts as itself), except in
/// folders named `_support`: those hold modules that scripts import.
pub fn collect_scripts(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if path.file_name() == Some(OsStr::new(SUPPORT_DIR)) {
            return;
        }
        let Ok(entries) = std::fs::read_dir(path) else { return };
        for entry in entries.flatten() {
            collect_scripts(&entry.path(), out);
        }
    } else if path.extension() == Some(OsStr::new("py")) {
        out.push(path.to_path_buf());
    }
}

/// Folders of importable helpers, not scripts of their own.
pub const SUPPORT_DIR: &str = "_support";

/// What a script printed and how it exited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptRun {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: i32,
}

/// Runs `interpreter [flags] NAME.py` in the script's folder with the extra
/// environment `env`, stdin closed, as conformance scripts are run.
pub fn run_script(
    interpreter: &OsStr,
    flags: &[&str],
    script: &Path,
    env: &[(&str, &str)],
) -> std::io::Result<ScriptRun> {
    let dir = script.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = script.file_name().unwrap_or(script.as_os_str());
    let mut command = Command::new(interpreter);
    command
        .args(flags)
        .arg(name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        // The code cache is exercised, not bypassed: the first mode's run
        // writes what the later modes (GC stress, forced JIT) load.
        .env_remove("PYTHONDONTWRITEBYTECODE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output()?;
    // Modules imported from the script's folder are reported by absolute
    // path (sys.path[0] is absolute); make that part relative so expected
    // files do not depend on where the checkout is.
    let prefix =
        std::fs::canonicalize(dir).map(|d| format!("{}/", d.display())).unwrap_or_default();
    Ok(ScriptRun {
        stdout: strip_prefix_bytes(&output.stdout, &prefix),
        stderr: strip_prefix_bytes(&output.stderr, &prefix),
        status: exit_status(output.status),
    })
}

/// The exit status, or minus the signal that killed the process (as
/// Python's `subprocess` reports it: -2 after an uncaught KeyboardInterrupt).
fn exit_status(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status.code().or_else(|| status.signal().map(|s| -s)).unwrap_or(-1)
}

/// `bytes` with every occurrence of `prefix` removed.
fn strip_prefix_bytes(bytes: &[u8], prefix: &str) -> Vec<u8> {
    if prefix.is_empty() {
        return bytes.to_vec();
    }
    let needle = prefix.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(needle) {
            i += needle.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The expected run stored beside `script`, if its `.stdout` file exists.
pub fn expected(script: &Path) -> Option<ScriptRun> {
    let stem = script.with_extension("");
    let stdout = std::fs::read(stem.with_extension("stdout")).ok()?;
    let stderr = std::fs::read(stem.with_extension("stderr")).unwrap_or_default();
    let status = std::fs::read_to_string(stem.with_extension("status"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    Some(ScriptRun { stdout, stderr, status })
}
