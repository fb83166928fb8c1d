//! The code cache: the compiled code of an imported module, kept beside
//! its source as CPython keeps `.pyc` files (PEP 3147), in
//! `DIR/__pycache__/NAME.tachyon-38.tyc`. Its own tag and suffix keep
//! CPython and Tachyon from reading each other's files.
//!
//! A cache file is used only when the build that wrote it had the same
//! compiler and the source still has the size and mtime it had then (see
//! [`serialize`] for the format). Anything else — a missing, stale,
//! foreign, truncated or damaged file — reads as a miss: the module is
//! compiled from source and the file written again. Writing is best effort
//! and atomic (a private temporary file renamed over the old one), so
//! processes importing the same module at once never see half a file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use crate::bytecode::serialize::{self, Stamp};
use crate::bytecode::CodeUnit;

/// `sys.implementation.cache_tag`: names cache files, as `cpython-38` does CPython's.
pub const CACHE_TAG: &str = "tachyon-38";
const SUFFIX: &str = "tyc";

/// `sys.pycache_prefix`: set from `-X pycache_prefix=DIR` or
/// `PYTHONPYCACHEPREFIX` before the first `Vm` is made.
static PYCACHE_PREFIX: OnceLock<PathBuf> = OnceLock::new();

/// Puts every cache file under `prefix` instead of beside its source
/// (PEP 3147's `__pycache__`), as CPython 3.8's `sys.pycache_prefix` does.
/// Only the first call counts.
pub fn set_pycache_prefix(prefix: PathBuf) {
    let _ = PYCACHE_PREFIX.set(prefix);
}

/// The directory tree cache files go to instead of `__pycache__`, if set.
pub fn pycache_prefix() -> Option<&'static Path> {
    PYCACHE_PREFIX.get().map(PathBuf::as_path)
}

/// Where the compiled code of `source` is cached: `DIR/__pycache__/NAME.TAG.tyc`,
/// with `.opt-N` before the suffix for code compiled at `-O` level N, as
/// CPython names its files; under a pycache prefix, `PREFIX/ABS-DIR/NAME.TAG.tyc`.
pub fn cache_path(source: &Path, optimize: u8) -> Option<PathBuf> {
    cache_path_under(pycache_prefix(), source, optimize)
}

fn cache_path_under(prefix: Option<&Path>, source: &Path, optimize: u8) -> Option<PathBuf> {
    let dir = source.parent()?;
    let stem = source.file_stem()?.to_str()?;
    let name = match optimize {
        0 => format!("{stem}.{CACHE_TAG}.{SUFFIX}"),
        n => format!("{stem}.{CACHE_TAG}.opt-{n}.{SUFFIX}"),
    };
    match prefix {
        None => Some(dir.join("__pycache__").join(name)),
        Some(prefix) => {
            // As importlib: the source's absolute directory, made relative,
            // so same-named files of different directories never collide.
            let absolute = if dir.is_absolute() {
                dir.to_path_buf()
            } else {
                std::env::current_dir().ok()?.join(dir)
            };
            let relative = absolute.strip_prefix("/").unwrap_or(&absolute);
            Some(prefix.join(relative).join(name))
        }
    }
}

/// Where the compiled code of one of the interpreter's own Python sources
/// (the `<tachyon NAME>` modules built into the binary) is cached, and the
/// stamp it is cached under: they have no directory of their own, so they
/// go to the user's cache directory (`$XDG_CACHE_HOME/tachyon`, else
/// `~/.cache/tachyon`), named and stamped by a hash of their text.
pub fn embedded_cache_path(
    filename: &str,
    source: &[u8],
    optimize: u8,
) -> Option<(PathBuf, Stamp)> {
    let dir = match std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|d| !d.is_empty())?).join(".cache"),
    };
    let hash = crate::bytecode::fnv::hash(source);
    let name: String = filename
        .trim_matches(['<', '>'])
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' })
        .collect();
    let path = dir.join("tachyon").join(format!("{name}-{hash:016x}.{CACHE_TAG}.{SUFFIX}"));
    Some((path, Stamp { source_mtime_ns: hash, source_size: source.len() as u64, optimize }))
}

/// What identifies the version of `source` that code is compiled from;
/// None when the file cannot be examined (then nothing is cached).
pub fn stamp_of(source: &Path, optimize: u8) -> Option<Stamp> {
    let meta = fs::metadata(source).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Stamp {
        source_mtime_ns: u64::try_from(mtime.as_nanos()).ok()?,
        source_size: meta.len(),
        optimize,
    })
}

/// The cached code at `cache`, if it is valid for a source with `stamp`.
pub fn load(cache: &Path, stamp: Stamp, filename: &Rc<str>) -> Option<Rc<CodeUnit>> {
    let bytes = fs::read(cache).ok()?;
    match serialize::read(&bytes, stamp, filename) {
        Ok(unit) => Some(unit),
        Err(why) => {
            log::debug!("code cache: not using {}: {why}", cache.display());
            None
        }
    }
}

/// Writes the cache file for `unit`, compiled from a source with `stamp`.
/// Failure (a read-only directory, a full disk) only costs the next run a
/// compile, so it is not reported.
pub fn store(cache: &Path, stamp: Stamp, unit: &CodeUnit) {
    if let Err(why) = try_store(cache, &serialize::write(unit, stamp)) {
        log::debug!("code cache: not writing {}: {why}", cache.display());
    }
}

fn try_store(cache: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = cache.parent().ok_or(std::io::ErrorKind::NotFound)?;
    fs::create_dir_all(dir)?;
    let temp = temp_path(cache);
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| fs::rename(&temp, cache));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// A temporary name beside `cache` that no other writer uses: the process
/// id tells processes apart, the counter the writes of one process.
fn temp_path(cache: &Path) -> PathBuf {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut name = cache.as_os_str().to_owned();
    name.push(format!(".{}.{n}.tmp", std::process::id()));
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_files_are_named_as_pep_3147_with_our_tag() {
        let path = cache_path_under(None, Path::new("/lib/json/__init__.py"), 0).unwrap();
        assert_eq!(path, Path::new("/lib/json/__pycache__/__init__.tachyon-38.tyc"));
        let path = cache_path_under(None, Path::new("mod.py"), 2).unwrap();
        assert_eq!(path, Path::new("__pycache__/mod.tachyon-38.opt-2.tyc"));
        let prefix = Some(Path::new("/tmp/cache"));
        let path = cache_path_under(prefix, Path::new("/lib/json/__init__.py"), 0).unwrap();
        assert_eq!(path, Path::new("/tmp/cache/lib/json/__init__.tachyon-38.tyc"));
    }

    #[test]
    fn embedded_sources_are_named_and_stamped_by_their_text() {
        let (a, stamp_a) = embedded_cache_path("<tachyon io>", b"x = 1\n", 0).unwrap();
        let (b, stamp_b) = embedded_cache_path("<tachyon io>", b"x = 2\n", 0).unwrap();
        assert_ne!(a, b);
        assert_ne!(stamp_a, stamp_b);
        let name = a.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with("tachyon-io-") && name.ends_with(".tachyon-38.tyc"), "{name}");
        assert_eq!(a.parent().unwrap().file_name().unwrap(), "tachyon");
    }
}
