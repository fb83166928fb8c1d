//! The code cache seen from outside: a program that imports a package runs
//! in separate processes, first compiling and writing the cache, then
//! loading it, and prints what python3.8 prints every time; an edited
//! source, a damaged cache file, `-B`, `PYTHONDONTWRITEBYTECODE` and an
//! unwritable `__pycache__` all keep the output right.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

const MAIN: &str = r#"import os, sys, traceback
import pkg
from pkg import mod
def tagless(path):
    # CPython's cache file name, so that the output compares with python3.8's.
    name = os.path.basename(path).replace(sys.implementation.cache_tag, "TAG")
    return name.replace(".tyc", ".pyc")
print(tagless(mod.__cached__), tagless(pkg.__cached__), __cached__)
print(os.path.basename(mod.__file__), os.path.basename(mod.f.__code__.co_filename))
print(mod.__doc__, mod.f.__doc__, mod.f.__annotations__)
print(mod.CONSTS)
print(mod.Point(1, 2), mod.gen_total(), mod.closure()())
try:
    mod.fail()
except ValueError:
    lines = traceback.format_exc().splitlines()
    print("\n".join(line.replace(os.getcwd(), "CWD") for line in lines))
"#;

const PKG_INIT: &str = "\"\"\"the package\"\"\"\nfrom .mod import f as _f\n";

const MOD: &str = r#""""module doc"""
from __future__ import annotations

CONSTS = (1, -2**80, 1.5, -0.0, 2j, b"\x00\xff", "é", None, ..., frozenset({3}), "v1")

def f(a: Undefined, *, b: int = 1) -> str:
    "f's doc"
    return a

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

def gen_total():
    return sum(i * i for i in range(10) if i % 2)

def closure():
    n = 41
    def inner():
        return n + 1
    return inner

def fail():
    x = 1
    raise ValueError(
        "from line 29")
"#;

fn tachyon() -> &'static str {
    env!("CARGO_BIN_EXE_tachyon")
}

struct Tree {
    dir: PathBuf,
}

impl Tree {
    fn new(name: &str) -> Tree {
        let dir =
            std::env::temp_dir().join(format!("tachyon_code_cache_{name}_{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg")).expect("scratch folder");
        let tree = Tree { dir };
        tree.write("main.py", MAIN);
        tree.write("pkg/__init__.py", PKG_INIT);
        tree.write("pkg/mod.py", MOD);
        tree
    }

    fn write(&self, path: &str, text: &str) {
        std::fs::write(self.dir.join(path), text).expect("scratch file");
    }

    fn cache_file(&self) -> PathBuf {
        self.dir.join("pkg/__pycache__/mod.tachyon-38.tyc")
    }

    fn command(&self, exe: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(exe);
        cmd.args(args)
            .arg("main.py")
            .current_dir(&self.dir)
            .env_remove("PYTHONDONTWRITEBYTECODE")
            .env_remove("PYTHONPYCACHEPREFIX")
            .env_remove("PYTHONPATH")
            .env("XDG_CACHE_HOME", self.dir.join("user-cache"));
        cmd
    }

    /// stdout and stderr of `EXE [ARGS] main.py`, after checking it succeeded.
    fn run_with(&self, exe: &str, args: &[&str], env: &[(&str, &str)]) -> String {
        let out = self.command(exe, args).envs(env.iter().copied()).output().expect("runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{exe} failed:\n{text}\n{err}");
        text + &err
    }

    fn run(&self) -> String {
        self.run_with(tachyon(), &[], &[])
    }
}

impl Drop for Tree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What python3.8 prints for the tree (it writes its own `.pyc` files, which
/// tachyon never reads).
fn expected(tree: &Tree) -> String {
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    tree.run_with(python.to_str().expect("a UTF-8 path"), &["-B"], &[])
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).and_then(|m| m.modified()).expect("the cache file exists")
}

#[test]
fn the_second_run_loads_the_cache_and_prints_the_same() {
    let tree = Tree::new("second_run");
    let want = expected(&tree);
    assert_eq!(tree.run(), want, "first run (compiles)");
    let cache = tree.cache_file();
    let written = modified(&cache);
    assert!(tree.dir.join("pkg/__pycache__/__init__.tachyon-38.tyc").is_file());
    assert!(!tree.dir.join("__pycache__").exists(), "the main script is never cached");
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(tree.run(), want, "second run (loads the cache)");
    assert_eq!(modified(&cache), written, "a cache hit rewrites nothing");
}

#[test]
fn an_edited_source_is_compiled_again() {
    let tree = Tree::new("edited");
    tree.run();
    let first = modified(&tree.cache_file());
    // Same size, so only the mtime tells the versions apart.
    tree.write("pkg/mod.py", &MOD.replace("\"v1\"", "\"v2\""));
    let out = tree.run();
    assert!(out.contains("'v2'") && !out.contains("'v1'"), "{out}");
    assert_ne!(modified(&tree.cache_file()), first, "rewritten for the new source");
    assert_eq!(tree.run(), out);
}

#[test]
fn damaged_cache_files_are_ignored_and_rewritten() {
    let tree = Tree::new("damaged");
    let want = tree.run();
    let cache = tree.cache_file();
    let good = std::fs::read(&cache).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    for damaged in [&good[..good.len() / 3], &flipped[..], b"", b"TYC\0 not a cache file"] {
        std::fs::write(&cache, damaged).unwrap();
        assert_eq!(tree.run(), want);
        assert_eq!(std::fs::read(&cache).unwrap(), good, "rewritten whole");
    }
}

#[test]
fn no_cache_is_written_with_dash_b_or_pythondontwritebytecode() {
    let tree = Tree::new("dont_write");
    let want = tree.run();
    let pycache = tree.dir.join("pkg/__pycache__");
    std::fs::remove_dir_all(&pycache).unwrap();
    assert_eq!(tree.run_with(tachyon(), &["-B"], &[]), want);
    assert!(!pycache.exists());
    let out = tree.run_with(tachyon(), &[], &[("PYTHONDONTWRITEBYTECODE", "1")]);
    assert_eq!(out, want);
    assert!(!pycache.exists());
    let flags = "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)";
    let out = Command::new(tachyon()).args(["-B", "-c", flags]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "True 1\n");
}

#[test]
fn a_pycache_prefix_holds_the_cache_files_instead_of_pycache() {
    let tree = Tree::new("prefix");
    let prefix = tree.dir.join("prefix");
    let prefix_str = prefix.to_str().expect("a UTF-8 path");
    let show = "import sys, pkg.mod; print(sys.pycache_prefix, pkg.mod.__cached__)";
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let want = tree
        .command(python.to_str().expect("a UTF-8 path"), &["-B"])
        .env("PYTHONPYCACHEPREFIX", prefix_str)
        .args(["-c", show])
        .output()
        .unwrap();
    let want = String::from_utf8_lossy(&want.stdout).replace("cpython-38.pyc", "tachyon-38.tyc");
    let mut by_env = tree.command(tachyon(), &[]);
    by_env.env("PYTHONPYCACHEPREFIX", prefix_str);
    let by_option = tree.command(tachyon(), &["-X", &format!("pycache_prefix={prefix_str}")]);
    for mut cmd in [by_env, by_option] {
        let out = cmd.args(["-c", show]).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout), want);
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let relative = tree.dir.strip_prefix("/").unwrap().join("pkg/mod.tachyon-38.tyc");
    assert!(prefix.join(relative).is_file());
    assert!(!tree.dir.join("pkg/__pycache__").exists());
}

#[test]
fn an_unwritable_pycache_is_skipped_silently() {
    let tree = Tree::new("unwritable");
    let want = expected(&tree);
    // A file where the directory should be: nothing can be written below it.
    tree.write("pkg/__pycache__", "not a directory");
    assert_eq!(tree.run(), want);
    assert_eq!(tree.run(), want);
}

#[test]
fn a_syntax_error_is_reported_each_time_and_not_cached() {
    let tree = Tree::new("syntax_error");
    tree.write("pkg/mod.py", "def broken(:\n    pass\n");
    for _ in 0..2 {
        let out = tree.command(tachyon(), &[]).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("SyntaxError"));
        assert!(!tree.cache_file().exists());
    }
}

#[test]
fn processes_writing_the_same_cache_at_once_leave_a_whole_file() {
    let tree = Tree::new("parallel");
    let want = expected(&tree);
    let children: Vec<_> = (0..6)
        .map(|_| tree.command(tachyon(), &[]).stdout(std::process::Stdio::piped()).spawn().unwrap())
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(want.starts_with(&*String::from_utf8_lossy(&out.stdout)));
    }
    let written = modified(&tree.cache_file());
    assert_eq!(tree.run(), want);
    assert_eq!(modified(&tree.cache_file()), written, "the file left behind is valid");
    let leftovers: Vec<_> = std::fs::read_dir(tree.dir.join("pkg/__pycache__"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn each_optimization_level_has_its_own_cache_file() {
    let tree = Tree::new("optimize");
    let levels: [(&[&str], &str); 3] = [
        (&[], "mod.tachyon-38.tyc"),
        (&["-O"], "mod.tachyon-38.opt-1.tyc"),
        (&["-OO"], "mod.tachyon-38.opt-2.tyc"),
    ];
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let python = python.to_str().expect("a UTF-8 path");
    let want: Vec<String> = levels
        .iter()
        .map(|(flags, _)| tree.run_with(python, &[&["-B"], *flags].concat(), &[]))
        .collect();
    assert_ne!(want[0], want[2], "-OO drops the docstrings the script prints");
    // Twice round: the first compiles and writes each level's file, the
    // second loads it; a level never reads another's code.
    for _ in 0..2 {
        for ((flags, file), want) in levels.iter().zip(&want) {
            assert_eq!(&tree.run_with(tachyon(), flags, &[]), want, "tachyon {flags:?}");
            assert!(tree.dir.join("pkg/__pycache__").join(file).is_file(), "{file}");
        }
    }
    let env = tree.run_with(tachyon(), &[], &[("PYTHONOPTIMIZE", "2")]);
    assert_eq!(env, want[2], "PYTHONOPTIMIZE=2 is -OO");
}
