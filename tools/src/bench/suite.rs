//! The benchmarks: what each one runs, and which ones are left out and why.

use std::path::{Path, PathBuf};

/// Where a benchmark comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    /// Our programs in `tools/bench/`.
    Own,
    /// Our micro-benchmarks in `tools/bench/micro/`: one language feature
    /// each (int and float loops, attributes, method and function calls).
    Micro,
    /// pyperformance's `run_benchmark.py` scripts, run through our pyperf shim.
    PyPerformance,
}

impl Suite {
    pub fn name(self) -> &'static str {
        match self {
            Suite::Own => "own",
            Suite::Micro => "micro",
            Suite::PyPerformance => "pyperformance",
        }
    }
}

/// One benchmark: `INTERPRETER [interpreter args] script args...` in `env`.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    pub name: String,
    pub suite: Suite,
    pub script: PathBuf,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Standard library modules the program imports (empty: core language and
    /// builtins only, so it can run on an early tachyon).
    pub needs: Vec<String>,
}

/// A benchmark left out of the run, with the reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub name: String,
    pub suite: Suite,
    pub reason: String,
}

/// The header line in which one of our programs names the standard library
/// modules it imports.
const NEEDS_MARKER: &str = "# needs:";

/// Our programs of `suite`: every `*.py` directly in `dir`, sorted by name.
pub fn own_benchmarks(dir: &Path, suite: Suite) -> Result<Vec<Benchmark>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut scripts: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    scripts.sort();
    scripts
        .into_iter()
        .map(|script| {
            let source = std::fs::read_to_string(&script)
                .map_err(|e| format!("cannot read {}: {e}", script.display()))?;
            let name = script.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            Ok(Benchmark {
                name,
                suite,
                needs: declared_needs(&source),
                script,
                args: Vec::new(),
                env: Vec::new(),
            })
        })
        .collect()
}

/// The modules listed on a `# needs: a, b` line among the first lines.
fn declared_needs(source: &str) -> Vec<String> {
    source
        .lines()
        .take(20)
        .find_map(|line| line.strip_prefix(NEEDS_MARKER))
        .map(|list| {
            list.split(',').map(str::trim).filter(|m| !m.is_empty()).map(String::from).collect()
        })
        .unwrap_or_default()
}

/// Whether `--filter` picks a benchmark: its name contains one of `filters`,
/// or there are none.
pub fn picked(name: &str, filters: &[String]) -> bool {
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_needs_line() {
        let source = "\"\"\"Doc.\"\"\"\n# needs: collections, heapq\nimport heapq\n";
        assert_eq!(declared_needs(source), ["collections", "heapq"]);
        assert!(declared_needs("print(1)\n").is_empty());
    }

    #[test]
    fn finds_own_programs_sorted() {
        let dir = std::env::temp_dir().join(format!("tachyon-bench-suite-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("b_two.py"), "# needs: re\nprint(2)\n").unwrap();
        std::fs::write(dir.join("a_one.py"), "print(1)\n").unwrap();
        std::fs::write(dir.join("notes.txt"), "").unwrap();
        let found = own_benchmarks(&dir, Suite::Micro).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let names: Vec<&str> = found.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["a_one", "b_two"]);
        assert_eq!(found[1].needs, ["re"]);
        assert!(found.iter().all(|b| b.suite == Suite::Micro));
        assert!(picked("b_two", &["two".to_string(), "x".to_string()]));
        assert!(!picked("a_one", &["two".to_string()]));
        assert!(picked("a_one", &[]));
    }
}
