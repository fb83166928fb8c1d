//! `tachyon -m MODULE` against `python3.8 -m MODULE` on a scratch tree of
//! modules and packages: same stdout, same status, same error message
//! (after the executable's own path, which differs).

use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: &[(&str, &str)] = &[
    (
        "top.py",
        "import sys, os\n\
         print(__name__, os.path.basename(sys.argv[0]), sys.argv[1:], repr(__package__))\n\
         print(os.path.isabs(sys.argv[0]), os.path.basename(__file__), sys.path[0] == os.getcwd())\n",
    ),
    ("pkg/__init__.py", "print('pkg init', __name__)\n"),
    (
        "pkg/__main__.py",
        "import sys\nprint('pkg main', __name__, __package__, sys.argv[0].endswith('__main__.py'))\n",
    ),
    ("pkg/sub/__init__.py", "print('sub init')\n"),
    ("pkg/sub/leaf.py", "import sys\nprint('leaf', __name__, __package__, sys.argv[1:])\n"),
    ("plain/__init__.py", ""),
    ("fails.py", "print('before')\nraise SystemExit(3)\n"),
];

const CASES: &[&[&str]] = &[
    &["top", "a", "b"],
    &["pkg", "x"],
    &["pkg.sub.leaf", "1"],
    &["pkg.__main__"],
    &["plain"],
    &["missing"],
    &["pkg.missing"],
    &["fails"],
];

fn scratch_tree() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tachyon_run_module_{}", std::process::id()));
    for (path, text) in FILES {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("scratch folder");
        std::fs::write(file, text).expect("scratch file");
    }
    dir
}

/// stdout, stderr with the executable's path cut from `PATH: message`
/// lines, and the status.
fn run(exe: &Path, dir: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(exe)
        .arg("-m")
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .output()
        .expect("runs");
    let exe_text = exe.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&exe_text, "EXE");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr, out.status.code())
}

#[test]
fn dash_m_matches_cpython() {
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let python = std::fs::canonicalize(&python).unwrap_or(python);
    let tachyon = PathBuf::from(env!("CARGO_BIN_EXE_tachyon"));
    let dir = scratch_tree();
    let mut failures = Vec::new();
    for args in CASES {
        let want = run(&python, &dir, args);
        let got = run(&tachyon, &dir, args);
        if want != got {
            failures.push(format!("-m {}:\n  want {want:?}\n  got  {got:?}", args.join(" ")));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
