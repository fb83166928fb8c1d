//! Command-line options of `bench`.

use std::path::{Path, PathBuf};

use super::results::Metric;

pub const USAGE: &str = "\
usage: bench [options]

Runs the benchmark suite under tachyon and a baseline CPython 3.8 in turn and
compares wall time, peak RSS and output.

options:
  --tachyon PATH        tachyon binary (default: target/release/tachyon)
  --tachyon-args ARGS   extra arguments for tachyon, split on spaces
                        (e.g. \"--jit-threshold 10\")
  --jit-off-column      add a column of tachyon runs with --jit off
  --baseline PATH       baseline interpreter (default: $TACHYON_PYTHON38, else
                        python3.8 on PATH, else ~/.pyenv/versions/3.8.*)
  --also NAME_OR_PATH   another interpreter as a column of its own (repeatable)
  --runs N              timed runs per benchmark and interpreter (default 5)
  --warmups N           untimed runs first (default 1)
  --filter SUBSTR       only benchmarks whose name contains SUBSTR (repeatable)
  --suite SUITE         own, micro, pyperformance or all (default all)
  --cache DIR           where pyperformance is downloaded (default bench-cache/)
  --metric wall|cpu     the time compared: wall time (default), or user +
                        system CPU time, steadier on a busy machine
  --timeout SECS        kill a run after SECS seconds (default 600)
  --json FILE           write every run's figures as JSON
  --svg FILE            write a bar chart of the ratios as SVG
  --markdown FILE       write the results as a Markdown table (for the README)
  --list                list the benchmarks, and those skipped with the reason
  -h, --help            show this help
";

/// Which suites to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suites {
    pub own: bool,
    pub micro: bool,
    pub pyperformance: bool,
}

impl Suites {
    pub const NONE: Suites = Suites { own: false, micro: false, pyperformance: false };
    pub const ALL: Suites = Suites { own: true, micro: true, pyperformance: true };
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub tachyon: PathBuf,
    pub tachyon_args: Vec<String>,
    pub jit_off_column: bool,
    pub baseline: Option<PathBuf>,
    pub also: Vec<String>,
    pub runs: usize,
    pub warmups: usize,
    pub filters: Vec<String>,
    pub suites: Suites,
    pub cache: PathBuf,
    pub timeout_secs: u64,
    pub metric: Metric,
    pub json: Option<PathBuf>,
    pub svg: Option<PathBuf>,
    pub markdown: Option<PathBuf>,
    pub list: bool,
    pub help: bool,
}

impl Options {
    /// The defaults, with paths relative to the workspace root `root`.
    pub fn defaults(root: &Path) -> Options {
        Options {
            tachyon: root.join("target/release/tachyon"),
            tachyon_args: Vec::new(),
            jit_off_column: false,
            baseline: None,
            also: Vec::new(),
            runs: 5,
            warmups: 1,
            filters: Vec::new(),
            suites: Suites::ALL,
            cache: root.join("bench-cache"),
            timeout_secs: 600,
            metric: Metric::Wall,
            json: None,
            svg: None,
            markdown: None,
            list: false,
            help: false,
        }
    }

    /// Parses the arguments after the program name.
    pub fn parse(root: &Path, args: &[String]) -> Result<Options, String> {
        let mut options = Options::defaults(root);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            // `--name=value` and `--name value` both work.
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or(format!("{name} needs a value"))
            };
            match name {
                "--tachyon" => options.tachyon = value()?.into(),
                "--tachyon-args" => {
                    options.tachyon_args = value()?.split_whitespace().map(String::from).collect()
                }
                "--jit-off-column" => options.jit_off_column = true,
                "--baseline" => options.baseline = Some(value()?.into()),
                "--also" => options.also.push(value()?),
                "--runs" => options.runs = count(name, &value()?, 1)?,
                "--warmups" => options.warmups = count(name, &value()?, 0)?,
                "--filter" => options.filters.push(value()?),
                "--suite" => {
                    options.suites = match value()?.as_str() {
                        "own" => Suites { own: true, ..Suites::NONE },
                        "micro" => Suites { micro: true, ..Suites::NONE },
                        "pyperformance" => Suites { pyperformance: true, ..Suites::NONE },
                        "all" => Suites::ALL,
                        other => {
                            return Err(format!(
                                "--suite {other}: expected own, micro, pyperformance or all"
                            ))
                        }
                    }
                }
                "--cache" => options.cache = value()?.into(),
                "--timeout" => options.timeout_secs = count(name, &value()?, 1)? as u64,
                "--metric" => {
                    options.metric = match value()?.as_str() {
                        "wall" => Metric::Wall,
                        "cpu" => Metric::Cpu,
                        other => return Err(format!("--metric {other}: expected wall or cpu")),
                    }
                }
                "--json" => options.json = Some(value()?.into()),
                "--svg" => options.svg = Some(value()?.into()),
                "--markdown" => options.markdown = Some(value()?.into()),
                "--list" => options.list = true,
                "-h" | "--help" => options.help = true,
                other => return Err(format!("unknown option {other}\n\n{USAGE}")),
            }
        }
        Ok(options)
    }
}

fn count(name: &str, text: &str, minimum: usize) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= minimum => Ok(n),
        _ => Err(format!("{name} {text}: expected a whole number of at least {minimum}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, String> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        Options::parse(Path::new("/repo"), &args)
    }

    #[test]
    fn defaults_are_relative_to_the_workspace() {
        let options = parse(&[]).unwrap();
        assert_eq!(options.tachyon, Path::new("/repo/target/release/tachyon"));
        assert_eq!(options.cache, Path::new("/repo/bench-cache"));
        assert_eq!((options.runs, options.warmups), (5, 1));
    }

    #[test]
    fn parses_every_option() {
        let options = parse(&[
            "--tachyon",
            "/t",
            "--tachyon-args",
            "--jit-threshold 10",
            "--jit-off-column",
            "--baseline=/py",
            "--also",
            "pypy3",
            "--also",
            "/x/py",
            "--runs",
            "3",
            "--warmups",
            "0",
            "--filter",
            "nbody",
            "--suite",
            "own",
            "--cache",
            "/c",
            "--timeout",
            "9",
            "--metric",
            "cpu",
            "--json",
            "o.json",
            "--svg",
            "o.svg",
            "--list",
        ])
        .unwrap();
        assert_eq!(options.tachyon_args, ["--jit-threshold", "10"]);
        assert!(options.jit_off_column && options.list);
        assert_eq!(options.baseline, Some(PathBuf::from("/py")));
        assert_eq!(options.also, ["pypy3", "/x/py"]);
        assert_eq!((options.runs, options.warmups, options.timeout_secs), (3, 0, 9));
        assert_eq!(options.suites, Suites { own: true, ..Suites::NONE });
        let micro = parse(&["--suite", "micro"]).unwrap();
        assert_eq!(micro.suites, Suites { micro: true, ..Suites::NONE });
        assert_eq!(parse(&[]).unwrap().suites, Suites::ALL);
        assert_eq!(options.json, Some(PathBuf::from("o.json")));
        assert_eq!(options.metric, Metric::Cpu);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&["--runs", "0"]).unwrap_err().contains("at least 1"));
        assert!(parse(&["--runs"]).unwrap_err().contains("needs a value"));
        assert!(parse(&["--suite", "x"]).is_err());
        assert!(parse(&["--frobnicate"]).unwrap_err().starts_with("unknown option"));
    }
}
