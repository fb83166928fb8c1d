//! The command line of `tachyon`, parsed the way `python3.8` parses its own:
//! short options may be bundled (`-uc CODE`), the first non-option argument is
//! the script and everything after it belongs to the program.

use std::fmt;

/// What the user asked `tachyon` to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Run a script file; `argv[0]` is the path as given.
    RunFile {
        path: String,
        argv: Vec<String>,
    },
    /// Run the source given with `-c`; `argv[0]` is `-c`.
    RunCommand {
        source: String,
        argv: Vec<String>,
    },
    /// Run a module with `-m`; `argv[0]` is the module name until runpy replaces it.
    RunModule {
        module: String,
        argv: Vec<String>,
    },
    /// Read the program from standard input (no script, or `-`).
    RunStdin {
        argv: Vec<String>,
    },
    /// `--dump-ast FILE`: print `ast.dump(ast.parse(source))` as CPython 3.8 does.
    DumpAst {
        path: String,
    },
    Help,
    Version,
}

/// Interpreter options that do not choose the action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `-u`: unbuffered standard streams.
    pub unbuffered: bool,
    /// `-B`: write no compiled code to `__pycache__` (`sys.dont_write_bytecode`).
    pub dont_write_bytecode: bool,
    /// `-O` given this many times.
    pub optimize: u32,
    /// `-X` options, kept so that they can be warned about.
    pub x_options: Vec<String>,
    /// `-W` options.
    pub warn_options: Vec<String>,
    /// `-E`, `-I`: ignore `PYTHON*` environment variables.
    pub ignore_environment: bool,
    /// `--jit off` / `--jit on`.
    pub jit: Option<bool>,
    /// `--jit-threshold N`: loop iterations before a loop is traced.
    pub jit_threshold: Option<u32>,
    /// `--trace-dump` (`-`: standard error) or `--trace-dump=FILE`.
    pub trace_dump: Option<String>,
}

impl Options {
    /// The `-O` level: the number of `-O`s or `PYTHONOPTIMIZE` (`pythonoptimize`,
    /// None when unset or ignored), whichever is higher, as CPython takes it:
    /// a value that is not a non-negative number counts as 1.
    pub fn optimize_level(&self, pythonoptimize: Option<&str>) -> u8 {
        let from_env = match pythonoptimize.filter(|v| !v.is_empty()) {
            None => 0,
            Some(v) => v.trim().parse::<i64>().ok().filter(|n| *n >= 0).unwrap_or(1),
        };
        i64::from(self.optimize).max(from_env).min(i64::from(u8::MAX)) as u8
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub action: Action,
    pub options: Options,
}

/// A command line that CPython would reject with status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    /// The first line CPython prints, e.g. `Unknown option: -z`.
    pub message: String,
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

/// The usage line, shown after a usage error and at the top of `--help`.
pub fn usage_line(program: &str) -> String {
    format!("usage: {program} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// The text of `--help`.
pub fn help_text(program: &str) -> String {
    format!(
        "{}\n\
Options and arguments:\n\
-B     : don't write compiled code to __pycache__ on import; also PYTHONDONTWRITEBYTECODE=x\n\
-c cmd : program passed in as string (terminates option list)\n\
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n\
-h     : print this help message and exit (also --help)\n\
-I     : isolate Python from the user's environment (implies -E and -s)\n\
-m mod : run library module as a script (terminates option list)\n\
-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n\
         .tyc extension; also PYTHONOPTIMIZE=x\n\
-OO    : do -O changes and also discard docstrings; add .opt-2 before\n\
         .tyc extension\n\
-u     : force the stdout and stderr streams to be unbuffered\n\
-V     : print the Python version number and exit (also --version)\n\
-W arg : warning control\n\
-X opt : implementation-specific option (ignored by tachyon, with a warning)\n\
--jit on|off : enable or disable the tracing JIT (default on)\n\
--jit-threshold N : loop iterations before a loop is traced\n\
--trace-dump[=FILE] : write the JIT's traces and counts to FILE (default stderr)\n\
--dump-ast file : print ast.dump(ast.parse(source)) of file and exit\n\
file   : program read from script file\n\
-      : program read from stdin (default; interactive mode if a tty)\n\
arg ...: arguments passed to program in sys.argv[1:]\n",
        usage_line(program)
    )
}

/// Short options that take an argument, as in CPython.
const SHORT_WITH_ARG: &[char] = &['c', 'm', 'W', 'X', 'Q'];
/// Short flags that CPython accepts; the ones Tachyon gives meaning to are
/// handled in [`parse`], the rest are accepted and have no effect here.
const SHORT_FLAGS: &[char] =
    &['b', 'B', 'd', 'E', 'h', 'i', 'I', 'O', 'q', 's', 'S', 'u', 'v', 'V', 'x', '?'];

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Invocation, UsageError> {
    let mut options = Options::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if arg == "-" || !arg.starts_with('-') {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "" => {
                    i += 1;
                    break;
                }
                "help" => return Ok(Invocation { action: Action::Help, options }),
                "version" => return Ok(Invocation { action: Action::Version, options }),
                "jit" | "jit-threshold" => {
                    let value = args.get(i + 1).ok_or_else(|| UsageError {
                        message: format!("Argument expected for the --{long} option"),
                    })?;
                    if long == "jit" {
                        options.jit = Some(match value.as_str() {
                            "on" => true,
                            "off" => false,
                            _ => {
                                return Err(UsageError {
                                    message: format!("--jit takes 'on' or 'off', not '{value}'"),
                                })
                            }
                        });
                    } else {
                        options.jit_threshold = Some(value.parse().map_err(|_| UsageError {
                            message: format!("--jit-threshold takes a number, not '{value}'"),
                        })?);
                    }
                    i += 2;
                    continue;
                }
                "trace-dump" => {
                    options.trace_dump = Some("-".into());
                    i += 1;
                    continue;
                }
                _ if long.starts_with("trace-dump=") => {
                    options.trace_dump = Some(long["trace-dump=".len()..].to_string());
                    i += 1;
                    continue;
                }
                "dump-ast" => {
                    let path = args.get(i + 1).ok_or_else(|| UsageError {
                        message: "Argument expected for the --dump-ast option".into(),
                    })?;
                    return Ok(Invocation {
                        action: Action::DumpAst { path: path.clone() },
                        options,
                    });
                }
                _ => {
                    return Err(UsageError { message: format!("unknown option {arg}") });
                }
            }
        }
        let flags: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        while j < flags.len() {
            let flag = flags[j];
            if SHORT_WITH_ARG.contains(&flag) {
                let rest: String = flags[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if let Some(next) = args.get(i + 1) {
                    i += 1;
                    next.clone()
                } else {
                    return Err(UsageError {
                        message: format!("Argument expected for the -{flag} option"),
                    });
                };
                let program_args = || args[i + 1..].to_vec();
                match flag {
                    'c' => {
                        let mut argv = vec!["-c".to_string()];
                        argv.extend(program_args());
                        return Ok(Invocation {
                            action: Action::RunCommand { source: value, argv },
                            options,
                        });
                    }
                    'm' => {
                        let mut argv = vec![value.clone()];
                        argv.extend(program_args());
                        return Ok(Invocation {
                            action: Action::RunModule { module: value, argv },
                            options,
                        });
                    }
                    'W' => options.warn_options.push(value),
                    'X' => options.x_options.push(value),
                    _ => {}
                }
                break;
            }
            if !SHORT_FLAGS.contains(&flag) {
                return Err(UsageError { message: format!("Unknown option: -{flag}") });
            }
            match flag {
                'h' | '?' => return Ok(Invocation { action: Action::Help, options }),
                'V' => return Ok(Invocation { action: Action::Version, options }),
                'u' => options.unbuffered = true,
                'B' => options.dont_write_bytecode = true,
                'O' => options.optimize += 1,
                'E' | 'I' => options.ignore_environment = true,
                _ => {}
            }
            j += 1;
        }
        i += 1;
    }
    let rest = &args[i.min(args.len())..];
    let action = match rest.first() {
        None => Action::RunStdin { argv: vec![String::new()] },
        Some(first) if first == "-" => Action::RunStdin { argv: rest.to_vec() },
        Some(first) => Action::RunFile { path: first.clone(), argv: rest.to_vec() },
    };
    Ok(Invocation { action, options })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn script_and_its_arguments() {
        let inv = parse(&args(&["job.py", "-c", "x"])).unwrap();
        assert_eq!(
            inv.action,
            Action::RunFile { path: "job.py".into(), argv: args(&["job.py", "-c", "x"]) }
        );
    }

    #[test]
    fn bundled_short_options_and_command() {
        let inv = parse(&args(&["-uc", "print(1)", "a", "--", "b"])).unwrap();
        assert!(inv.options.unbuffered);
        assert_eq!(
            inv.action,
            Action::RunCommand { source: "print(1)".into(), argv: args(&["-c", "a", "--", "b"]) }
        );
    }

    #[test]
    fn usage_errors_match_cpython_wording() {
        assert_eq!(parse(&args(&["-z"])).unwrap_err().message, "Unknown option: -z");
        assert_eq!(parse(&args(&["--foo"])).unwrap_err().message, "unknown option --foo");
        assert_eq!(
            parse(&args(&["-c"])).unwrap_err().message,
            "Argument expected for the -c option"
        );
    }

    #[test]
    fn stdin_by_default_and_with_dash() {
        assert_eq!(parse(&[]).unwrap().action, Action::RunStdin { argv: args(&[""]) });
        assert_eq!(
            parse(&args(&["-", "x"])).unwrap().action,
            Action::RunStdin { argv: args(&["-", "x"]) }
        );
    }

    #[test]
    fn help_version_and_dump_ast() {
        assert_eq!(parse(&args(&["--help"])).unwrap().action, Action::Help);
        assert_eq!(parse(&args(&["-V"])).unwrap().action, Action::Version);
        assert_eq!(
            parse(&args(&["--dump-ast", "f.py"])).unwrap().action,
            Action::DumpAst { path: "f.py".into() }
        );
        let inv = parse(&args(&["-X", "dev", "-OO", "f.py"])).unwrap();
        assert_eq!(inv.options.x_options, args(&["dev"]));
        assert_eq!(inv.options.optimize, 2);
        assert!(!inv.options.dont_write_bytecode);
        assert_eq!(inv.options.optimize_level(None), 2);
        assert_eq!(inv.options.optimize_level(Some("0")), 2);
        assert!(parse(&args(&["-B", "f.py"])).unwrap().options.dont_write_bytecode);
    }

    #[test]
    fn optimize_level_from_flags_and_environment() {
        let none = Options::default();
        assert_eq!(none.optimize_level(None), 0);
        assert_eq!(none.optimize_level(Some("")), 0);
        assert_eq!(none.optimize_level(Some("1")), 1);
        assert_eq!(none.optimize_level(Some("2")), 2);
        assert_eq!(none.optimize_level(Some("7")), 7);
        assert_eq!(none.optimize_level(Some("yes")), 1);
        assert_eq!(none.optimize_level(Some("-3")), 1);
        let one = parse(&args(&["-O", "f.py"])).unwrap().options;
        assert_eq!(one.optimize_level(None), 1);
        assert_eq!(one.optimize_level(Some("2")), 2);
    }
}
