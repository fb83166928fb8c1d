//! Finding an installed CPython 3.8: its interpreter (the oracle for tests and
//! benchmarks) and its pure-Python standard library (which Tachyon loads
//! unchanged).

use std::env;
use std::path::{Path, PathBuf};

/// The `python3.8` executable: `$TACHYON_PYTHON38` if set, else a `python3.8`
/// on `PATH` that really runs, else the newest 3.8 under `~/.pyenv/versions`.
pub fn find_python38() -> Option<PathBuf> {
    if let Some(explicit) = env::var_os("TACHYON_PYTHON38") {
        return Some(PathBuf::from(explicit));
    }
    if let Some(path) = env::var_os("PATH") {
        for dir in env::split_paths(&path) {
            let candidate = dir.join("python3.8");
            // pyenv's shim is on PATH even when 3.8 is not selected, and then fails.
            if candidate.is_file() && !dir.ends_with("shims") {
                return Some(candidate);
            }
        }
    }
    let home = env::var_os("HOME")?;
    newest_pyenv_38(&Path::new(&home).join(".pyenv/versions"))
}

fn newest_pyenv_38(versions: &Path) -> Option<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(versions)
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let name = entry.file_name().into_string().ok()?;
            let patch: u32 = name.strip_prefix("3.8.")?.parse().ok()?;
            let exe = entry.path().join("bin/python3.8");
            exe.is_file().then_some((patch, exe))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, exe)| exe)
}

/// The directory of CPython 3.8's pure-Python standard library:
/// `$TACHYON_STDLIB` if set, else `lib/python3.8` beside the interpreter
/// [`find_python38`] finds.
pub fn find_stdlib() -> Option<PathBuf> {
    if let Some(explicit) = env::var_os("TACHYON_STDLIB") {
        return Some(PathBuf::from(explicit));
    }
    let exe = find_python38()?;
    let exe = std::fs::canonicalize(&exe).unwrap_or(exe);
    let prefix = exe.parent()?.parent()?;
    let lib = prefix.join("lib/python3.8");
    lib.join("os.py").is_file().then_some(lib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_newest_patch_release() {
        let dir = env::temp_dir().join(format!("tachyon-pyenv-test-{}", std::process::id()));
        for v in ["3.8.9", "3.8.18", "3.9.1"] {
            let bin = dir.join(v).join("bin");
            std::fs::create_dir_all(&bin).unwrap();
            std::fs::write(bin.join("python3.8"), "").unwrap();
        }
        let found = newest_pyenv_38(&dir).unwrap();
        assert!(found.ends_with("3.8.18/bin/python3.8"), "{found:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
