//! The interpreters compared: the baseline (CPython 3.8), tachyon, tachyon
//! with its JIT off, and any others named on the command line.

use std::env;
use std::path::{Path, PathBuf};

/// One column of the comparison: a program and the arguments put before the
/// script.
#[derive(Clone, Debug, PartialEq)]
pub struct Interpreter {
    /// The column's name in the table, the JSON and the chart.
    pub label: String,
    pub program: PathBuf,
    pub args: Vec<String>,
}

impl Interpreter {
    pub fn new(label: impl Into<String>, program: impl Into<PathBuf>) -> Interpreter {
        Interpreter { label: label.into(), program: program.into(), args: Vec::new() }
    }

    pub fn with_args(mut self, args: Vec<String>) -> Interpreter {
        self.args = args;
        self
    }

    /// The command line as a user would type it, for headers and errors.
    pub fn command_line(&self) -> String {
        let mut words = vec![self.program.display().to_string()];
        words.extend(self.args.iter().cloned());
        words.join(" ")
    }
}

/// The baseline when none is named: `$TACHYON_PYTHON38`, else a `python3.8`
/// on `PATH` outside pyenv's shims, else the newest `~/.pyenv/versions/3.8.*`,
/// the same interpreter the conformance tests take as the oracle.
pub use interp::pythonpath::find_python38;

/// Resolves `--also NAME_OR_PATH`: a path if it contains a slash, else the
/// first executable of that name on `PATH` (outside pyenv's shims).
pub fn resolve_program(name_or_path: &str) -> Result<PathBuf, String> {
    if name_or_path.contains('/') {
        let path = PathBuf::from(name_or_path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!("interpreter {name_or_path} does not exist"))
        };
    }
    let path = env::var_os("PATH").unwrap_or_default();
    env::split_paths(&path)
        .filter(|dir| !dir.ends_with("shims"))
        .map(|dir| dir.join(name_or_path))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| format!("interpreter {name_or_path} is not on PATH"))
}

/// The column name for a program: its file name.
pub fn label_of(program: &Path) -> String {
    program
        .file_name()
        .map_or_else(|| program.display().to_string(), |name| name.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_names_on_path_and_rejects_missing_ones() {
        assert!(resolve_program("sh").unwrap().is_file());
        assert!(resolve_program("no-such-interpreter-xyz").is_err());
        assert!(resolve_program("/no/such/python").is_err());
    }

    #[test]
    fn command_line_and_label() {
        let tachyon =
            Interpreter::new("tachyon", "/x/tachyon").with_args(vec!["--jit".into(), "off".into()]);
        assert_eq!(tachyon.command_line(), "/x/tachyon --jit off");
        assert_eq!(label_of(Path::new("/usr/bin/pypy3")), "pypy3");
    }
}
