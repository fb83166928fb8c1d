//! Compiles every `.py` file of CPython 3.8's `Lib/` (or the paths given)
//! with Tachyon's parser and compiler and checks that exactly the files
//! CPython's `compile()` accepts are accepted, and that rejections name the
//! same line. Prints counts and the first differences; exits 1 on any.

use interp::conformance::collect_scripts;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

/// Asks python3.8 which files compile: `path\tOK` or `path\tline`.
const ORACLE: &str = r#"
import sys
for path in sys.stdin.read().splitlines():
    try:
        with open(path, 'rb') as f:
            compile(f.read(), path, 'exec')
        print(path + '\tOK')
    except SyntaxError as e:
        print(path + '\t' + str(e.lineno))
    except Exception as e:
        print(path + '\tother ' + type(e).__name__)
"#;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(python) = interp::pythonpath::find_python38() else {
        eprintln!("compilecheck: python3.8 not found");
        return ExitCode::from(1);
    };
    let roots: Vec<PathBuf> = if args.is_empty() {
        vec![interp::pythonpath::find_stdlib().expect("the CPython 3.8 Lib/ directory")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    let mut files = Vec::new();
    for root in &roots {
        collect_scripts(root, &mut files);
    }
    files.sort();
    let mut child = Command::new(python)
        .args(["-c", ORACLE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3.8 runs");
    let list: String = files.iter().map(|f| format!("{}\n", f.display())).collect();
    child.stdin.take().expect("piped").write_all(list.as_bytes()).expect("write file list");
    let out = child.wait_with_output().expect("python3.8 finishes");
    let oracle: HashMap<String, String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(a, b)| (a.to_string(), b.to_string())))
        .collect();
    let (mut same, mut differ) = (0, Vec::new());
    for file in &files {
        let key = file.display().to_string();
        let want = oracle.get(&key).cloned().unwrap_or_else(|| "missing".into());
        let bytes = std::fs::read(file).unwrap_or_default();
        let got = std::panic::catch_unwind(|| {
            match interp::parse::parse_bytes(&bytes, &key, interp::parse::Mode::Module) {
                Err(e) => format!("{} (parse: {})", e.lineno, e.msg),
                Ok(module) => match interp::compile::compile(&module, &key, 0) {
                    Ok(_) => "OK".to_string(),
                    Err(e) => format!("{} ({})", e.lineno, e.msg),
                },
            }
        })
        .unwrap_or_else(|_| "PANIC".to_string());
        let got_line = got.split(' ').next().unwrap_or("");
        if got_line == want {
            same += 1;
        } else {
            differ.push(format!("{key}: python3.8 {want}, tachyon {got}"));
        }
    }
    println!("{same} same, {} different, of {} files", differ.len(), files.len());
    for d in differ.iter().take(40) {
        println!("  {d}");
    }
    if differ.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
