//! The files astcheck reads: every `.py` file under `Lib/` (sorted, so runs
//! are reproducible), or a fixed sample of them for CI.

use std::path::{Path, PathBuf};

/// Every `.py` file under `root`, sorted by path.
pub fn python_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The CI sample: every 7th file of CPython's own (not `site-packages`,
/// which varies by installation), at least 300 of its ~1650, plus every
/// file its tests keep as bad syntax or bad coding.
pub fn sample(all: &[PathBuf]) -> Vec<PathBuf> {
    let own: Vec<&PathBuf> =
        all.iter().filter(|p| !p.components().any(|c| c.as_os_str() == "site-packages")).collect();
    let step = (own.len() / 300).clamp(1, 7);
    own.into_iter()
        .enumerate()
        .filter(|(i, path)| {
            let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            i % step == 0 || name.starts_with("badsyntax_") || name.starts_with("bad_coding")
        })
        .map(|(_, path)| path.clone())
        .collect()
}
