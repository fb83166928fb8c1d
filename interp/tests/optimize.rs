//! `-O`, `-OO` and `PYTHONOPTIMIZE` seen from outside: a script that looks at
//! every effect (`sys.flags.optimize`, `__debug__`, `assert`, docstrings,
//! `compile(..., optimize=N)`) prints what python3.8 prints at each level.

use std::process::Command;

const SCRIPT: &str = r#""""module doc"""
import sys
print(sys.flags.optimize, __debug__)
def f():
    "f doc"
    return 1
class C:
    "C doc"
async def g():
    "g doc"
print(repr(__doc__), repr(f.__doc__), repr(C.__doc__), repr(g.__doc__))
try:
    assert False, "boom"
    print("assert skipped")
except AssertionError as e:
    print("assert raised", e)
if __debug__:
    print("debug block")
else:
    print("no debug block")
print(eval("__debug__"))
for level in (-1, 0, 1, 2):
    try:
        exec(compile("assert 0", "s", "exec", optimize=level))
        print(level, "skips asserts", end=" ")
    except AssertionError:
        print(level, "asserts", end=" ")
    print(eval(compile("__debug__", "s", "eval", optimize=level)))
try:
    compile("1", "s", "eval", optimize=3)
except ValueError as e:
    print(e)
import textwrap
print(textwrap.dedent.__doc__ is None)
"#;

/// An environment variable set for a run.
type Env = (&'static str, &'static str);

fn output(exe: &str, flags: &[&str], env: &[Env]) -> String {
    let dir = std::env::temp_dir().join(format!("tachyon_optimize_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let out = Command::new(exe)
        .args(flags)
        .args(["-c", SCRIPT])
        .current_dir(&dir)
        .env_remove("PYTHONOPTIMIZE")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .envs(env.iter().copied())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{exe} {flags:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_level_behaves_as_python38() {
    let python = interp::pythonpath::find_python38().expect("python3.8 is needed for this test");
    let python = python.to_str().expect("a UTF-8 path");
    let cases: [(&[&str], &[Env]); 7] = [
        (&[], &[]),
        (&["-O"], &[]),
        (&["-OO"], &[]),
        (&[], &[("PYTHONOPTIMIZE", "1")]),
        (&[], &[("PYTHONOPTIMIZE", "x")]),
        (&["-O"], &[("PYTHONOPTIMIZE", "2")]),
        (&["-E"], &[("PYTHONOPTIMIZE", "2")]),
    ];
    for (flags, env) in cases {
        let want = output(python, flags, env);
        assert_eq!(output(env!("CARGO_BIN_EXE_tachyon"), flags, env), want, "{flags:?} {env:?}");
    }
}
