//! CI's parser conformance check: `astcheck --sample --positions` compares
//! Tachyon's `ast.dump(tree, include_attributes=True)` (every field and
//! every node's position) with python3.8's on a fixed sample of `Lib/`.
//! Fails (does not skip) when python3.8 is missing.

use std::process::Command;

#[test]
fn sample_of_lib_parses_as_cpython_does() {
    let output = Command::new(env!("CARGO_BIN_EXE_astcheck"))
        .args(["--sample", "--positions", "--show", "20"])
        .output()
        .expect("astcheck runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "astcheck --sample failed:\n{stdout}\n{stderr}");
    let files: usize = stdout
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("astcheck: "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(files >= 300, "the sample has only {files} files:\n{stdout}");
}

/// Differential testing of errors: two random mutations of each sample file
/// (fixed seeds), compared with python3.8 like the files themselves.
#[test]
fn mutated_sample_matches_cpython() {
    let dir =
        std::env::temp_dir().join(format!("tachyon-astcheck-mutations-{}", std::process::id()));
    let astcheck = env!("CARGO_BIN_EXE_astcheck");
    let written = Command::new(astcheck)
        .args(["--sample", "--write-mutations"])
        .arg(&dir)
        .arg("2")
        .status()
        .expect("astcheck runs");
    assert!(written.success());
    let output = Command::new(astcheck).arg("--lib").arg(&dir).output().expect("astcheck runs");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "astcheck on mutations failed:\n{stdout}");
}
