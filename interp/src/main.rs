//! The `tachyon` binary: `tachyon FILE.py [ARGS...]`, as `python3.8` is used.

use interp::cli::{self, Action};
use interp::parse::{self, Mode, SyntaxError};
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
            Ok(bytes) => match parse::parse_bytes(&bytes, &path, Mode::Module) {
                Ok(_) => not_yet("running a script"),
                Err(err) => syntax_error(&err),
            },
            Err(err) => cannot_open(&program, &path, &err),
        },
        Action::RunCommand { source, .. } => {
            match parse::parse_str(&source, "<string>", Mode::Module) {
                Ok(_) => not_yet("running -c"),
                Err(err) => syntax_error(&err),
            }
        }
        Action::RunModule { .. } => not_yet("running -m"),
        Action::RunStdin { .. } => not_yet("running a program from stdin"),
        Action::DumpAst { path } => match std::fs::read(&path) {
            Ok(bytes) => match parse::parse_bytes(&bytes, &path, Mode::Module) {
                Ok(tree) => {
                    println!("{}", parse::dump::dump(&tree));
                    ExitCode::SUCCESS
                }
                Err(err) => syntax_error(&err),
            },
            Err(err) => cannot_open(&program, &path, &err),
        },
    }
}

/// CPython's message for a script it cannot read; status 2.
fn cannot_open(program: &str, path: &str, err: &std::io::Error) -> ExitCode {
    eprintln!(
        "{program}: can't open file '{path}': [Errno {}] {}",
        err.raw_os_error().unwrap_or(0),
        errno_text(err)
    );
    ExitCode::from(2)
}

/// The strerror text of an I/O error, without Rust's " (os error N)" suffix.
fn errno_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Prints an uncaught syntax error as CPython 3.8 does; status 1.
fn syntax_error(err: &SyntaxError) -> ExitCode {
    eprintln!("{err}");
    ExitCode::from(1)
}

/// Until the compiler and VM land, the actions that need them say so and fail.
fn not_yet(what: &str) -> ExitCode {
    eprintln!("tachyon: {what} needs the bytecode compiler, which this build does not have yet");
    ExitCode::from(1)
}
