//! Regenerates the expected outputs of conformance scripts by running
//! CPython 3.8: `regen PATH...` where each path is a script or a folder
//! searched for `*.py`. See `tests/README.md` for the file layout.

use interp::conformance;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("usage: regen PATH...   (scripts or folders of *.py under tests/)");
        return ExitCode::from(2);
    }
    let Some(python) = interp::pythonpath::find_python38() else {
        eprintln!("regen: no python3.8 found (set TACHYON_PYTHON38)");
        return ExitCode::from(1);
    };
    let mut scripts = Vec::new();
    for arg in &args {
        conformance::collect_scripts(Path::new(arg), &mut scripts);
    }
    scripts.sort();
    let mut failed = false;
    for script in &scripts {
        match regen_one(&python, script) {
            Ok(status) => println!("{} (status {status})", script.display()),
            Err(err) => {
                eprintln!("{}: {err}", script.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn regen_one(python: &Path, script: &Path) -> std::io::Result<i32> {
    let run = conformance::run_script(python.as_os_str(), &[], script, &[])?;
    let stem = script.with_extension("");
    let write_or_remove = |ext: &str, content: &[u8], keep: bool| -> std::io::Result<()> {
        let path = stem.with_extension(ext);
        if keep {
            std::fs::write(path, content)
        } else if path.exists() {
            std::fs::remove_file(path)
        } else {
            Ok(())
        }
    };
    write_or_remove("stdout", &run.stdout, true)?;
    write_or_remove("stderr", &run.stderr, !run.stderr.is_empty())?;
    let status = format!("{}\n", run.status);
    write_or_remove("status", status.as_bytes(), run.status != 0)?;
    Ok(run.status)
}
