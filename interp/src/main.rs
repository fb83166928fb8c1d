//! The `tachyon` binary: `tachyon FILE.py [ARGS...]`, as `python3.8` is used.

use interp::cli::{self, Action};
use std::process::ExitCode;

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::new().filter("TACHYON_LOG")).init();
    let args: Vec<String> = std::env::args().collect();
    let program = args.first().cloned().unwrap_or_else(|| "tachyon".into());
    let invocation = match cli::parse(&args[1..]) {
        Ok(inv) => inv,
        Err(err) => {
            eprintln!("{err}");
            eprintln!("{}", cli::usage_line(&program));
            eprintln!("Try `python -h' for more information.");
            return ExitCode::from(2);
        }
    };
    match invocation.action {
        Action::Help => {
            print!("{}", cli::help_text(&program));
            ExitCode::SUCCESS
        }
        Action::Version => {
            println!("Python 3.8.18 (tachyon {})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Action::RunFile { path, .. } => match std::fs::read(&path) {
            Ok(_) => not_yet("running a script"),
            Err(err) => {
                eprintln!(
                    "{program}: can't open file '{path}': [Errno {}] {}",
                    err.raw_os_error().unwrap_or(0),
                    errno_text(&err)
                );
                ExitCode::from(2)
            }
        },
        Action::RunCommand { .. } => not_yet("running -c"),
        Action::RunModule { .. } => not_yet("running -m"),
        Action::RunStdin { .. } => not_yet("running a program from stdin"),
        Action::DumpAst { .. } => not_yet("--dump-ast"),
    }
}

/// The strerror text of an I/O error, without Rust's " (os error N)" suffix.
fn errno_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Until the compiler and VM land, the actions that need them say so and fail.
fn not_yet(what: &str) -> ExitCode {
    eprintln!("tachyon: {what} needs the bytecode compiler, which this build does not have yet");
    ExitCode::from(1)
}
