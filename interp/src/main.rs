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
    let pythonoptimize = std::env::var("PYTHONOPTIMIZE").ok();
    let pythonoptimize = pythonoptimize.filter(|_| !invocation.options.ignore_environment);
    // Before the first `Vm`: `sys.flags` and `__debug__` are made with it.
    interp::vm::import::set_optimize_level(
        invocation.options.optimize_level(pythonoptimize.as_deref()),
    );
    let mut pycache_prefix = std::env::var_os("PYTHONPYCACHEPREFIX")
        .filter(|p| !p.is_empty() && !invocation.options.ignore_environment);
    for opt in &invocation.options.x_options {
        match opt.strip_prefix("pycache_prefix=") {
            Some(dir) => pycache_prefix = Some(dir.into()),
            // The faulthandler module has no fault signals to catch (a
            // Rust panic is not one), so there is nothing to enable; CPython's
            // test helpers pass this option to every child.
            None if opt == "faulthandler" => {}
            None => {
                eprintln!("tachyon: warning: -X {opt} ignored (no implementation-specific options)")
            }
        }
    }
    if let Some(dir) = pycache_prefix {
        interp::vm::import::cache::set_pycache_prefix(dir.into());
    }
    match invocation.action {
        Action::Help => {
            print!("{}", cli::help_text(&program));
            ExitCode::SUCCESS
        }
        Action::Version => {
            println!("Python 3.8.18 (tachyon {})", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Action::RunFile { path, argv } => match std::fs::read(&path) {
            Ok(bytes) => {
                let dir = std::path::Path::new(&path)
                    .parent()
                    .map(|d| {
                        std::fs::canonicalize(if d.as_os_str().is_empty() {
                            std::path::Path::new(".")
                        } else {
                            d
                        })
                    })
                    .and_then(Result::ok)
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                run(Program::Source(bytes, path.clone()), argv, dir, &invocation.options)
            }
            Err(err) => cannot_open(&program, &path, &err),
        },
        Action::RunCommand { source, argv } => {
            // CPython compiles `-c` text with a newline appended.
            let source = format!("{source}\n");
            interp::vm::import::remember_source("<string>", &source);
            let program = Program::Source(source.into_bytes(), "<string>".into());
            run(program, argv, String::new(), &invocation.options)
        }
        Action::RunModule { module, argv } => {
            // As CPython's -m: the working directory, in full, is sys.path[0].
            let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_default();
            run(Program::Module(module), argv, cwd, &invocation.options)
        }
        Action::RunStdin { argv } if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            let prompt = Program::Source(REPL.as_bytes().to_vec(), "<stdin>".into());
            run(prompt, argv, String::new(), &invocation.options)
        }
        Action::RunStdin { argv } => {
            let mut source = Vec::new();
            if let Err(err) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut source) {
                eprintln!("{program}: cannot read standard input: {err}");
                return ExitCode::from(1);
            }
            interp::vm::import::remember_source("<stdin>", &String::from_utf8_lossy(&source));
            run(Program::Source(source, "<stdin>".into()), argv, String::new(), &invocation.options)
        }
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

/// The interactive prompt, run as `__main__` when stdin is a terminal.
const REPL: &str = include_str!("repl.py");

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

/// Stack for the interpreter thread: Python calls nest Rust calls, and
/// `sys.setrecursionlimit` may allow deep recursion. Untouched pages cost
/// nothing.
const INTERPRETER_STACK: usize = 2 << 30;

/// What runs as `__main__`.
enum Program {
    /// Source text and the file name tracebacks show.
    Source(Vec<u8>, String),
    /// A module found on `sys.path` (`-m`).
    Module(String),
}

/// Runs a program as `__main__` on a thread with a large stack.
fn run(program: Program, argv: Vec<String>, path0: String, options: &cli::Options) -> ExitCode {
    let options = options.clone();
    let worker = std::thread::Builder::new().stack_size(INTERPRETER_STACK).spawn(move || {
        let mut vm = interp::vm::Vm::with_argv(argv);
        vm.install_signal_handling();
        vm.unbuffered = options.unbuffered;
        if let Some(on) = options.jit {
            vm.jit.options.enabled = on;
        }
        if let Some(n) = options.jit_threshold {
            vm.jit.options.threshold = n;
        }
        vm.jit.options.dump = options.trace_dump.clone();
        vm.set_path0(&path0);
        if options.dont_write_bytecode {
            if let Err(err) = interp::modules::sys::set_dont_write_bytecode(&mut vm) {
                return vm.report_uncaught(err);
            }
        }
        let status = match program {
            Program::Source(source, filename) => vm.run_main(&source, &filename),
            Program::Module(name) => vm.run_module_main(&name),
        };
        // The process ends here: freeing every object one by one would
        // only delay the exit (a tenth of a short run's time). Nothing in
        // the heap has an effect to run on drop; stdout is flushed.
        vm.flush_stdout();
        std::mem::forget(vm);
        status
    });
    // Signals go to the interpreter's thread (see `vm::signals`).
    interp::vm::signals::block_in_this_thread();
    let status = match worker.map(|w| w.join()) {
        Ok(Ok(status)) => status,
        _ => 1,
    };
    ExitCode::from(status as u8)
}
