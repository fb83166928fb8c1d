//! Syntax errors as CPython 3.8 prints them: each program of
//! `syntax_error_cases.txt` is run by python3.8 as a script and with `-c`,
//! and what it prints for the syntax error must be exactly what Tachyon's
//! parser prints (`tachyon` writes the same `Display` text). Programs
//! CPython accepts must be accepted. Fails (does not skip) when python3.8 is missing.

use interp::parse::{self, Mode};
use std::process::Command;

/// `\n`, `\t` and `\\` escapes of the cases file.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// What CPython printed if it rejected the program before running it.
fn cpython_syntax_error(output: &std::process::Output) -> Option<String> {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code() == Some(1) && !stderr.contains("Traceback")).then_some(stderr)
}

/// Compares one way of running `source` (`python3.8 t.py` or `-c`).
fn compare(
    line: &str,
    how: &str,
    cpython: Option<String>,
    ours: Result<(), Box<parse::SyntaxError>>,
) -> Option<String> {
    let ours = ours.err().map(|err| format!("{err}\n"));
    if cpython == ours {
        return None;
    }
    let cpython = cpython.unwrap_or_else(|| "<accepted>\n".into());
    let tachyon = ours.unwrap_or_else(|| "<accepted>\n".into());
    Some(format!("=== {line} ({how})\ncpython:\n{cpython}tachyon:\n{tachyon}"))
}

#[test]
fn syntax_errors_print_as_in_cpython() {
    let python =
        interp::pythonpath::find_python38().expect("python3.8 is needed (TACHYON_PYTHON38)");
    let dir = std::env::temp_dir().join(format!("tachyon-syntax-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cases = include_str!("syntax_error_cases.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        count += 1;
        let source = unescape(line);
        std::fs::write(dir.join("t.py"), &source).expect("write case");
        let as_file =
            Command::new(&python).arg("t.py").current_dir(&dir).output().expect("run python3.8");
        let ours = parse::parse_bytes(source.as_bytes(), "t.py", Mode::Module).map(|_| ());
        failures.extend(compare(line, "file", cpython_syntax_error(&as_file), ours));
        let as_string =
            Command::new(&python).arg("-c").arg(&source).output().expect("run python3.8");
        // CPython runs the -c text with a newline appended, as tachyon does.
        let ours = parse::parse_str(&format!("{source}\n"), "<string>", Mode::Module).map(|_| ());
        failures.extend(compare(line, "-c", cpython_syntax_error(&as_string), ours));
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{} of {count} differ:\n{}", failures.len(), failures.join("\n"));
}
