//! Computes `COMPILER_HASH`: a fingerprint of every source file that decides
//! what bytecode a module compiles to and how it is serialized (the parser,
//! the compiler, the bytecode definitions and the cache format). The code
//! cache stores it in each file's header, so a build whose compiler differs in
//! any way never loads code that an older build wrote.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/bytecode/fnv.rs"]
#[allow(dead_code)]
mod fnv;

/// The directories whose sources the compiled code depends on.
const COMPILER_SOURCES: &[&str] = &["src/parse", "src/compile", "src/bytecode"];

fn main() {
    let mut files = Vec::new();
    for dir in COMPILER_SOURCES {
        println!("cargo:rerun-if-changed={dir}");
        collect_sources(Path::new(dir), &mut files);
    }
    println!("cargo:rerun-if-changed=build.rs");
    files.sort();
    let mut hash = fnv::Fnv1a::new();
    hash.add(env!("CARGO_PKG_VERSION").as_bytes());
    for file in &files {
        // The path is part of the fingerprint, so moving code between files counts too.
        hash.add(file.to_string_lossy().as_bytes());
        hash.add(&[0]);
        hash.add(&fs::read(file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display())));
        hash.add(&[0]);
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("compiler_hash.rs"), format!("{:#018x}\n", hash.finish()))
        .expect("writing compiler_hash.rs");
}

/// Every file below `dir`, recursively.
fn collect_sources(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_sources(&path, files);
        } else {
            files.push(path);
        }
    }
}
