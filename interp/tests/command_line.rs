//! The command line of `python3.8` that `tachyon` shares: `-c`, `-u`, `-O`,
//! `-X`, `PYTHONPATH`, `PYTHONHASHSEED`, a program on standard input, and a
//! program reading piped standard input. Each case runs under both; stdout,
//! stderr (the executable's path cut out) and the status must agree.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Case {
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    stdin: &'static str,
}

const READER: &str = "import sys\n\
print(repr(sys.stdin.readline()))\n\
print(repr(input()))\n\
print(repr(sys.stdin.read(3)))\n\
for line in sys.stdin:\n    print('line', repr(line))\n\
print(repr(sys.stdin.read()), sys.stdin.mode, sys.stdin.fileno(), sys.stdin.readable())\n\
sys.stdout.buffer.write(b'bytes\\n')\n\
sys.stdout.writelines(['a', 'b\\n'])\n\
try:\n    input('prompt> ')\nexcept EOFError as e:\n    print('EOF', e)\n";

const CASES: &[Case] = &[
    Case { args: &["-c", "import sys; print(sys.argv)", "x", "-y"], env: &[], stdin: "" },
    Case { args: &["-c", "raise SystemExit(4)"], env: &[], stdin: "" },
    Case { args: &["-c", "1/0"], env: &[], stdin: "" },
    Case {
        args: &["-u", "-c", "import sys; print('a'); sys.stderr.write('b\\n'); print('c')"],
        env: &[],
        stdin: "",
    },
    Case { args: &["-O", "-c", "assert False; print(__debug__)"], env: &[], stdin: "" },
    Case { args: &["-OO", "-c", "import sys; print(sys.flags.optimize)"], env: &[], stdin: "" },
    Case {
        args: &["-c", "import sys; print(sys.path[0], 'scratch' in sys.path[1]); import helper"],
        env: &[("PYTHONPATH", "SCRATCH")],
        stdin: "",
    },
    Case {
        args: &["-c", "print(hash('abc'), hash(b'xyz'), {'a', 'b', 'c', 'd'} == set('abcd'))"],
        env: &[("PYTHONHASHSEED", "0")],
        stdin: "",
    },
    Case { args: &["-c", "print(hash('abc'))"], env: &[("PYTHONHASHSEED", "123")], stdin: "" },
    Case { args: &[], env: &[], stdin: "import sys\nprint(sys.argv, __name__)\nprint(2 ** 10)\n" },
    Case { args: &["-", "a", "b"], env: &[], stdin: "import sys\nprint(sys.argv)\n" },
    Case { args: &["-c", READER], env: &[], stdin: "one\ntwo\r\nxyz\nfour\nfive" },
    Case { args: &["-c", "print(input('? '), input())"], env: &[], stdin: "x" },
    Case {
        args: &["-c", "import sys; print(sys.stdin.readlines())"],
        env: &[],
        stdin: "a\nb\n\nc",
    },
    Case {
        args: &["-c", "import sys; print(sys.stdin.buffer.read())"],
        env: &[],
        stdin: "raw\x01\n",
    },
];

fn scratch_dir(test: &str) -> PathBuf {
    let name = format!("tachyon_command_line_{test}_{}", std::process::id());
    let dir = std::env::temp_dir().join(name);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("helper.py"), "print('helper imported')\n").expect("scratch file");
    dir
}

fn run(exe: &Path, dir: &Path, case: &Case) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(exe);
    cmd.args(case.args).current_dir(dir).env_remove("PYTHONPATH").env_remove("PYTHONHASHSEED");
    for (key, value) in case.env {
        cmd.env(key, value.replace("SCRATCH", &dir.display().to_string()));
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("piped").write_all(case.stdin.as_bytes()).expect("stdin");
    let out = child.wait_with_output().expect("finishes");
    let exe_text = exe.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&exe_text, "EXE");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr, out.status.code())
}

fn executables() -> (PathBuf, PathBuf) {
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let python = std::fs::canonicalize(&python).unwrap_or(python);
    (python, PathBuf::from(env!("CARGO_BIN_EXE_tachyon")))
}

#[test]
fn command_line_matches_cpython() {
    let (python, tachyon) = executables();
    let dir = scratch_dir("cases");
    let mut failures = Vec::new();
    for case in CASES {
        let want = run(&python, &dir, case);
        let got = run(&tachyon, &dir, case);
        if want != got {
            failures.push(format!("{:?}:\n  want {want:?}\n  got  {got:?}", case.args));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `-X` options mean nothing to tachyon: the program runs as CPython runs
/// it, after a warning that names the option.
#[test]
fn x_options_are_ignored_with_a_warning() {
    let (python, tachyon) = executables();
    let dir = scratch_dir("x");
    let case = Case { args: &["-X", "dev", "-c", "print('ran')"], env: &[], stdin: "" };
    let want = run(&python, &dir, &case);
    let got = run(&tachyon, &dir, &case);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!((&got.0, got.2), (&want.0, want.2));
    assert!(got.1.contains("-X dev ignored"), "stderr: {}", got.1);
}
