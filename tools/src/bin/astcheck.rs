//! `astcheck [--sample] [--show N] [--lib DIR] [--bench]`: parses every `.py`
//! file of CPython 3.8's `Lib/` with Tachyon's parser and compares with
//! `ast.dump(ast.parse(...))` from python3.8 (run once over all files).
//! Prints the counts and the first differences; exits 1 unless at least
//! 99.5% of the files CPython accepts give identical text and every file it
//! rejects is rejected on the same line. `--sample` checks the fixed CI
//! sample; `--bench` times whole-process parsing of the files against
//! python3.8 (medians of 5); `--parse-only` just parses (what `--bench` times);
//! `--positions` also compares every node's line and column
//! (`include_attributes=True`); `--fuzz N` parses N random mutations of each
//! file and reports any panic; `--write-mutations DIR N` writes N mutations
//! of each file to DIR, for `--lib DIR` to compare errors with CPython's.

#[path = "../astcheck/mod.rs"]
mod astcheck;

use astcheck::{compare, files, oracle};
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Instant;

struct Options {
    sample: bool,
    show: usize,
    lib: Option<PathBuf>,
    bench: bool,
    parse_only: bool,
    positions: bool,
    fuzz: Option<u64>,
    write_mutations: Option<(PathBuf, u64)>,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        sample: false,
        show: 20,
        lib: None,
        bench: false,
        parse_only: false,
        positions: false,
        fuzz: None,
        write_mutations: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sample" => o.sample = true,
            "--bench" => o.bench = true,
            "--parse-only" => o.parse_only = true,
            "--positions" => o.positions = true,
            "--write-mutations" => {
                let dir = args.next().ok_or("--write-mutations needs a directory")?;
                let n = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--write-mutations needs a count")?;
                o.write_mutations = Some((dir.into(), n));
            }
            "--fuzz" => {
                o.fuzz =
                    Some(args.next().and_then(|n| n.parse().ok()).ok_or("--fuzz needs a number")?)
            }
            "--show" => {
                o.show = args.next().and_then(|n| n.parse().ok()).ok_or("--show needs a number")?
            }
            "--lib" => o.lib = Some(args.next().ok_or("--lib needs a directory")?.into()),
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("astcheck: {e}\nusage: astcheck [--sample] [--show N] [--lib DIR] [--bench] [--positions] [--fuzz N] [--write-mutations DIR N]");
            return ExitCode::from(2);
        }
    };
    let Some(python) = interp::pythonpath::find_python38() else {
        eprintln!("astcheck: python3.8 not found (set TACHYON_PYTHON38)");
        return ExitCode::FAILURE;
    };
    let Some(lib) = options.lib.clone().or_else(interp::pythonpath::find_stdlib) else {
        eprintln!("astcheck: CPython 3.8's Lib/ not found (set TACHYON_STDLIB or use --lib)");
        return ExitCode::FAILURE;
    };
    let all = files::python_files(&lib);
    let chosen = if options.sample { files::sample(&all) } else { all };
    if options.parse_only {
        let mut rejected = 0;
        for path in &chosen {
            let bytes = std::fs::read(path).unwrap_or_default();
            let parsed = interp::parse::parse_bytes(
                &bytes,
                &path.to_string_lossy(),
                interp::parse::Mode::Module,
            );
            rejected += parsed.is_err() as usize;
        }
        println!("parsed {} files, {rejected} rejected", chosen.len());
        return ExitCode::SUCCESS;
    }
    if let Some((dir, per_file)) = &options.write_mutations {
        return match astcheck::fuzz::write_mutations(&chosen, *per_file, dir) {
            Ok(n) => {
                println!("wrote {n} mutated files to {}", dir.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("astcheck: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(per_file) = options.fuzz {
        let panics = astcheck::fuzz::run(&chosen, per_file);
        println!(
            "fuzz: {} mutations of {} files, {} panics",
            per_file * chosen.len() as u64,
            chosen.len(),
            panics.len()
        );
        for p in panics.iter().take(options.show) {
            println!("  panic: {p}");
        }
        return if panics.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    if options.bench {
        return bench(&python, &chosen, options.sample);
    }
    let verdicts = match oracle::run(&python, &chosen, options.positions) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("astcheck: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = compare::compare_all(&chosen, &verdicts, options.positions);
    println!("astcheck: {} files from {}", chosen.len(), lib.display());
    print!("{}", report.summary());
    for failure in report.failures.iter().take(options.show) {
        println!("{failure}");
    }
    if report.passes() {
        ExitCode::SUCCESS
    } else {
        println!("astcheck: FAILED (goal: 99.5% identical, every rejection on the same line)");
        ExitCode::FAILURE
    }
}

/// Times whole processes: this tool with `--parse-only`, and python3.8
/// running `ast.parse` over the same files; five runs each, medians.
fn bench(python: &std::path::Path, chosen: &[PathBuf], sample: bool) -> ExitCode {
    let list: Vec<String> = chosen.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let script = "import ast,sys\nfor p in sys.argv[1:]:\n    try:\n        ast.parse(open(p,'rb').read(), p)\n    except Exception:\n        pass\n";
    let me = std::env::current_exe().expect("the running executable has a path");
    let median = |mut cmd: Command| -> f64 {
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let _ = cmd.output();
                start.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times[2]
    };
    let mut ours = Command::new(&me);
    ours.arg("--parse-only");
    if sample {
        ours.arg("--sample");
    }
    let mut theirs = Command::new(python);
    theirs.arg("-c").arg(script).args(&list);
    let t_ours = median(ours);
    let t_theirs = median(theirs);
    println!(
        "{} files: tachyon parser {t_ours:.3}s, python3.8 ast.parse {t_theirs:.3}s (medians of 5, whole processes)",
        chosen.len()
    );
    ExitCode::SUCCESS
}
