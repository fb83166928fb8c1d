//! The `bench` command from options to report: choose the interpreters and
//! benchmarks, run them, and write the table, JSON, SVG and Markdown.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::cli::{Options, USAGE};
use super::interpreters::{find_python38, label_of, resolve_program, Interpreter};
use super::progress::Progress;
use super::results::Report;
use super::session::{run_all, Plan};
use super::suite::{own_benchmarks, picked, Benchmark, Skipped, Suite};
use super::{json, machine, pyperformance, svg, table};

/// Where the tool finds its own files, and the workspace it belongs to.
#[derive(Clone, Debug)]
pub struct Layout {
    pub root: PathBuf,
    /// `tools/bench/`: our benchmark programs.
    pub programs: PathBuf,
    /// `tools/bench/micro/`: our micro-benchmarks.
    pub micro: PathBuf,
    /// The directory holding our `pyperf.py`.
    pub shim: PathBuf,
}

impl Layout {
    /// The layout of the source tree this binary was built from.
    pub fn of_this_build() -> Layout {
        let tools = Path::new(env!("CARGO_MANIFEST_DIR"));
        Layout::under(tools)
    }

    pub fn under(tools: &Path) -> Layout {
        let programs = tools.join("bench");
        Layout {
            root: tools.parent().unwrap_or(tools).to_path_buf(),
            shim: programs.join("pyperf_shim"),
            micro: programs.join("micro"),
            programs,
        }
    }
}

/// Runs the command; the exit status is 0 when every benchmark ran and matched
/// everywhere, 1 when some failed or differed, 2 on a usage or setup error.
pub fn main(layout: &Layout, args: &[String]) -> i32 {
    match run(layout, args) {
        Ok(all_ok) => i32::from(!all_ok),
        Err(message) => {
            eprintln!("bench: {message}");
            2
        }
    }
}

fn run(layout: &Layout, args: &[String]) -> Result<bool, String> {
    let options = Options::parse(&layout.root, args)?;
    if options.help {
        print!("{USAGE}");
        return Ok(true);
    }
    let baseline = match &options.baseline {
        Some(path) => path.clone(),
        None => find_python38()
            .ok_or("no python3.8 (TACHYON_PYTHON38, PATH, ~/.pyenv): pass --baseline PATH")?,
    };
    let (benchmarks, skipped) = benchmarks(layout, &options, &baseline)?;
    if options.list {
        print!("{}", listing(&benchmarks, &skipped));
        return Ok(true);
    }
    if benchmarks.is_empty() {
        return Err("no benchmark matches the filter".into());
    }
    let interpreters = interpreters(&options, baseline)?;
    let plan = Plan {
        runs: options.runs,
        warmups: options.warmups,
        timeout: Duration::from_secs(options.timeout_secs),
        metric: options.metric,
    };
    for (index, interpreter) in interpreters.iter().enumerate() {
        let role = if index == 0 { "baseline" } else { "compared" };
        eprintln!("{role}: {:<20} {}", interpreter.label, interpreter.command_line());
    }
    let mut progress = Progress::new();
    let results = run_all(&benchmarks, &interpreters, &plan, &mut progress);
    progress.clear();
    let report = Report {
        interpreters,
        results,
        runs: plan.runs,
        warmups: plan.warmups,
        metric: plan.metric,
        date: machine::utc_now(),
        machine: machine::describe(),
    };
    println!("\n{} on {}", report.date, report.machine);
    print!("{}", table::render(&report));
    if let Some(path) = &options.json {
        write(path, &json::to_json(&report))?;
    }
    if let Some(path) = &options.svg {
        write(path, &svg::to_svg(&report))?;
    }
    if let Some(path) = &options.markdown {
        write(path, &table::render_markdown(&report))?;
    }
    Ok(report.results.iter().all(|r| r.ok_everywhere()))
}

/// The benchmarks picked by the options, and those skipped with the reason.
fn benchmarks(
    layout: &Layout,
    options: &Options,
    python: &Path,
) -> Result<(Vec<Benchmark>, Vec<Skipped>), String> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    if options.suites.own {
        found.extend(own_benchmarks(&layout.programs, Suite::Own)?);
    }
    if options.suites.micro {
        found.extend(own_benchmarks(&layout.micro, Suite::Micro)?);
    }
    if options.suites.pyperformance {
        let cache = std::path::absolute(&options.cache).unwrap_or_else(|_| options.cache.clone());
        match pyperformance::ensure_benchmarks(&cache, python)
            .and_then(|dir| pyperformance::discover(&dir, &layout.shim))
        {
            Ok((more, left_out)) => {
                found.extend(more);
                skipped.extend(left_out);
            }
            // Our own programs still run without the network.
            Err(message) => eprintln!("bench: leaving out pyperformance: {message}"),
        }
    }
    skipped.retain(|s| picked(&s.name, &options.filters));
    found.retain(|b| picked(&b.name, &options.filters));
    Ok((found, skipped))
}

/// Baseline first, then tachyon, tachyon with the JIT off, and the others.
fn interpreters(options: &Options, baseline: PathBuf) -> Result<Vec<Interpreter>, String> {
    if !baseline.is_file() {
        return Err(format!("baseline {} does not exist", baseline.display()));
    }
    if !options.tachyon.is_file() {
        return Err(format!(
            "no tachyon at {}: build it (cargo build --release -p interp) or pass --tachyon PATH",
            options.tachyon.display()
        ));
    }
    let mut list = vec![Interpreter::new(label_of(&baseline), baseline)];
    let tachyon_label = if options.tachyon_args.is_empty() {
        "tachyon".to_string()
    } else {
        format!("tachyon {}", options.tachyon_args.join(" "))
    };
    list.push(
        Interpreter::new(tachyon_label, &options.tachyon).with_args(options.tachyon_args.clone()),
    );
    if options.jit_off_column {
        let mut args = options.tachyon_args.clone();
        args.extend(["--jit".to_string(), "off".to_string()]);
        list.push(Interpreter::new("tachyon --jit off", &options.tachyon).with_args(args));
    }
    for name in &options.also {
        let program = resolve_program(name)?;
        list.push(Interpreter::new(label_of(&program), program));
    }
    // Benchmarks run in their script's directory: a relative program path
    // would be taken from there.
    for interpreter in &mut list {
        if let Ok(absolute) = std::path::absolute(&interpreter.program) {
            interpreter.program = absolute;
        }
    }
    // Labels name the columns of the JSON and the chart: keep them distinct.
    for index in 1..list.len() {
        let mut label = list[index].label.clone();
        let mut n = 2;
        while list[..index].iter().any(|i| i.label == label) {
            label = format!("{} #{n}", list[index].label);
            n += 1;
        }
        list[index].label = label;
    }
    Ok(list)
}

/// `--list`: name, suite and arguments or needed modules; then the skipped.
fn listing(benchmarks: &[Benchmark], skipped: &[Skipped]) -> String {
    let width = benchmarks.iter().map(|b| b.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for b in benchmarks {
        let mut notes = Vec::new();
        if !b.args.is_empty() {
            notes.push(format!("args: {}", b.args.join(" ")));
        }
        if !b.needs.is_empty() {
            notes.push(format!("needs: {}", b.needs.join(", ")));
        }
        out.push_str(&format!(
            "{:<width$}  {:<13}  {}\n",
            b.name,
            b.suite.name(),
            notes.join("; ")
        ));
    }
    if !skipped.is_empty() {
        out.push_str(&format!("\nskipped ({}):\n", skipped.len()));
        for s in skipped {
            out.push_str(&format!("  {:<32} {}: {}\n", s.name, s.suite.name(), s.reason));
        }
    }
    out
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn python38() -> PathBuf {
        find_python38().expect("python3.8 is needed: set TACHYON_PYTHON38 or install it")
    }

    /// A fresh directory of our own under the system's temporary directory;
    /// tests remove exactly this directory and nothing above it.
    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tachyon-bench-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The whole command on one tiny program, python3.8 standing in for
    /// tachyon: outputs match, ratios near 1, JSON and SVG written.
    #[test]
    fn end_to_end_with_python38_as_both_interpreters() {
        let scratch = scratch_dir("e2e");
        let layout = Layout::under(&scratch.join("tools"));
        std::fs::create_dir_all(&layout.programs).unwrap();
        assert_eq!(layout.root, scratch);
        let program = "total = 0\nfor i in range(1000):\n    total += i * i\nprint(total)\n";
        std::fs::write(layout.programs.join("tiny.py"), program).unwrap();
        std::fs::write(layout.programs.join("other.py"), "print(1)\n").unwrap();
        let json = scratch.join("out.json");
        let svg = scratch.join("out.svg");
        let python = python38().display().to_string();
        let args: Vec<String> = [
            "--suite",
            "own",
            "--filter",
            "tiny",
            "--runs",
            "2",
            "--baseline",
            &python,
            "--tachyon",
            &python,
            "--jit-off-column",
            "--json",
            &json.display().to_string(),
            "--svg",
            &svg.display().to_string(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // python3.8 rejects `--jit off`, so that column fails and the exit status is 1.
        assert_eq!(main(&layout, &args), 1);
        let json = std::fs::read_to_string(&json).unwrap();
        let svg = std::fs::read_to_string(&svg).unwrap();
        std::fs::remove_dir_all(&scratch).unwrap();
        assert!(json.contains("\"name\": \"tiny\"") && !json.contains("\"other\""));
        assert_eq!(json.matches("\"status\": \"ok\"").count(), 2, "{json}");
        assert_eq!(json.matches("\"status\": \"failed\"").count(), 1, "{json}");
        assert!(json.contains("\"label\": \"tachyon --jit off\""));
        assert_eq!(json.matches("\"warmup\": false").count(), 4);
        assert!(svg.contains(">tiny<") && svg.contains(">failed<"));
    }

    /// A benchmark in pyperformance's style runs unmodified through our shim.
    #[test]
    fn pyperf_shim_runs_a_pyperformance_style_script() {
        let layout = Layout::of_this_build();
        let dir = scratch_dir("shim");
        let script = dir.join("run_benchmark.py");
        std::fs::write(
            &script,
            "import pyperf\n\
             calls = []\n\
             def work(n):\n    calls.append(n)\n\
             def timed(loops):\n    t0 = pyperf.perf_counter()\n    calls.append(loops)\n    \
                 return pyperf.perf_counter() - t0\n\
             if __name__ == '__main__':\n\
             \x20   runner = pyperf.Runner(values=10)\n\
             \x20   runner.metadata['description'] = 'test'\n\
             \x20   runner.argparser.add_argument('variant')\n\
             \x20   args = runner.parse_args()\n\
             \x20   runner.bench_func('work_' + args.variant, work, 7)\n\
             \x20   runner.bench_time_func('timed', timed, inner_loops=10)\n\
             \x20   print(calls)\n",
        )
        .unwrap();
        let output = std::process::Command::new(python38())
            .arg(&script)
            .arg("fast")
            .env("PYTHONPATH", &layout.shim)
            .env("PYPERF_SHIM_VALUES", "2")
            .env("PYPERF_SHIM_LOOPS", "3")
            .output()
            .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "work_fast: 2 values x 3 loops\ntimed: 2 values x 3 loops\n[7, 7, 7, 7, 7, 7, 3, 3]\n"
        );
    }

    #[test]
    fn our_programs_are_listed() {
        let layout = Layout::of_this_build();
        let programs = own_benchmarks(&layout.programs, Suite::Own).unwrap();
        assert!(programs.len() >= 8, "{programs:?}");
        let text = listing(&programs, &[]);
        assert_eq!(text.lines().count(), programs.len());
        let micro = own_benchmarks(&layout.micro, Suite::Micro).unwrap();
        let names: Vec<&str> = micro.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "attr_access",
                "float_loop",
                "function_calls",
                "global_stores",
                "int_loop",
                "method_calls"
            ]
        );
    }
}
