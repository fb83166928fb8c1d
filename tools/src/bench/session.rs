//! Running the suite: for each benchmark, warm-up rounds then timed rounds,
//! each round running every interpreter once in turn, so that a slow drift of
//! the machine (thermal, other load) touches all columns alike.

use std::process::Command;
use std::time::Duration;

use super::child::{run_measured, ChildRun};
use super::compare::{difference, failure, Output};
use super::interpreters::Interpreter;
use super::progress::Progress;
use super::results::{BenchResult, ColumnResult, Metric, RunRecord, Status};
use super::suite::Benchmark;

/// How much to run.
#[derive(Clone, Debug)]
pub struct Plan {
    pub runs: usize,
    pub warmups: usize,
    pub timeout: Duration,
    pub metric: Metric,
}

/// Runs every benchmark under every interpreter; column 0 is the baseline.
pub fn run_all(
    benchmarks: &[Benchmark],
    interpreters: &[Interpreter],
    plan: &Plan,
    progress: &mut Progress,
) -> Vec<BenchResult> {
    let total = benchmarks.len();
    benchmarks
        .iter()
        .enumerate()
        .map(|(index, benchmark)| {
            let position = format!("[{}/{total}] {}", index + 1, benchmark.name);
            let result = run_one(benchmark, interpreters, plan, &mut |what| {
                progress.update(&format!("{position}: {what}"))
            });
            progress.done(&format!("{position}: {}", one_line_summary(&result, interpreters)));
            result
        })
        .collect()
}

/// Runs one benchmark; `report` is told what runs next.
pub fn run_one(
    benchmark: &Benchmark,
    interpreters: &[Interpreter],
    plan: &Plan,
    report: &mut dyn FnMut(&str),
) -> BenchResult {
    let mut columns: Vec<ColumnResult> =
        interpreters.iter().map(|_| ColumnResult::pending()).collect();
    let mut reference: Option<Output> = None;
    let rounds = plan.warmups + plan.runs;
    'rounds: for round in 0..rounds {
        let warmup = round < plan.warmups;
        for (index, interpreter) in interpreters.iter().enumerate() {
            if columns[index].status != Status::Ok {
                continue;
            }
            report(&if warmup {
                format!("{} warm-up", interpreter.label)
            } else {
                format!("{} run {}/{}", interpreter.label, round - plan.warmups + 1, plan.runs)
            });
            let column = &mut columns[index];
            match run_measured(&mut command(interpreter, benchmark), plan.timeout) {
                Err(error) => {
                    column.status = Status::Failed(format!(
                        "cannot run {}: {error}",
                        interpreter.command_line()
                    ))
                }
                Ok(run) => {
                    column.runs.push(record(&run, warmup));
                    column.status = judge(&run, plan, index == 0, &mut reference);
                }
            }
            if index == 0 && columns[0].status != Status::Ok {
                let why = format!("the baseline {}", columns[0].status.word());
                for column in &mut columns[1..] {
                    column.status = Status::NotRun(why.clone());
                }
                break 'rounds;
            }
        }
    }
    BenchResult { benchmark: benchmark.clone(), columns, metric: plan.metric }
}

/// The status a run leaves its column in. The baseline's first output is the
/// reference; a baseline whose output changes between runs is not a
/// benchmark whose output can be checked, so it fails.
fn judge(run: &ChildRun, plan: &Plan, is_baseline: bool, reference: &mut Option<Output>) -> Status {
    if let Some(why) = failure(run, plan.timeout.as_secs()) {
        return Status::Failed(why);
    }
    let output = Output::of(run);
    match reference {
        None if is_baseline => {
            *reference = Some(output);
            Status::Ok
        }
        None => Status::Failed("no baseline output to compare with".into()),
        Some(expected) => match difference(expected, &output) {
            None => Status::Ok,
            Some(diff) if is_baseline => {
                Status::Failed(format!("the baseline's output changes between runs: {diff}"))
            }
            Some(diff) => Status::Differs(diff),
        },
    }
}

fn command(interpreter: &Interpreter, benchmark: &Benchmark) -> Command {
    let mut command = Command::new(&interpreter.program);
    command.args(&interpreter.args).arg(&benchmark.script).args(&benchmark.args);
    if let Some(dir) = benchmark.script.parent() {
        command.current_dir(dir);
    }
    // Programs run as a user's would: free to write their compiled-code
    // caches (python3.8's stdlib .pyc files come installed; tachyon writes
    // its own on the first run, the warm-up when there is one).
    command.env_remove("PYTHONDONTWRITEBYTECODE");
    command.envs(benchmark.env.iter().map(|(k, v)| (k, v)));
    command
}

fn record(run: &ChildRun, warmup: bool) -> RunRecord {
    RunRecord {
        wall_s: run.wall.as_secs_f64(),
        user_s: run.user.as_secs_f64(),
        system_s: run.system.as_secs_f64(),
        peak_rss_kib: run.peak_rss_kib,
        exit_code: run.status.code(),
        warmup,
    }
}

/// `python3.8 1.23s, tachyon 0.61s (0.50x)` or the failure, for the log.
fn one_line_summary(result: &BenchResult, interpreters: &[Interpreter]) -> String {
    let cells: Vec<String> = interpreters
        .iter()
        .zip(&result.columns)
        .enumerate()
        .map(|(index, (interpreter, column))| match (result.summary(index), result.ratio(index)) {
            (Some(wall), Some(ratio)) if index > 0 => {
                format!("{} {:.3}s ({ratio:.2}x)", interpreter.label, wall.median)
            }
            (Some(wall), _) => format!("{} {:.3}s", interpreter.label, wall.median),
            (None, _) => format!("{} {}", interpreter.label, column.status.word()),
        })
        .collect();
    cells.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::suite::Suite;

    fn shell_benchmark(dir: &std::path::Path, name: &str, body: &str) -> Benchmark {
        let script = dir.join(format!("{name}.sh"));
        std::fs::write(&script, body).unwrap();
        Benchmark {
            name: name.into(),
            suite: Suite::Own,
            script,
            args: Vec::new(),
            env: Vec::new(),
            needs: Vec::new(),
        }
    }

    fn plan() -> Plan {
        Plan { runs: 2, warmups: 1, timeout: Duration::from_secs(20), metric: Metric::Wall }
    }

    /// `sh` runs the script; `sh -c CODE script` ignores it and runs CODE,
    /// which makes interpreters that print something else or fail.
    #[test]
    fn marks_failures_and_differences_and_stops_timing_them() {
        let dir =
            std::env::temp_dir().join(format!("tachyon-bench-session-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let benchmark = shell_benchmark(&dir, "answer", "echo 42\n");
        let sh = Interpreter::new("sh", "sh");
        let shell_code = |label: &str, code: &str| {
            Interpreter::new(label, "sh").with_args(vec!["-c".into(), code.into()])
        };
        let interpreters = [
            sh.clone(),
            sh.clone(),
            shell_code("differs", "echo 43"),
            shell_code("fails", "echo 42; exit 3"),
            Interpreter::new("missing", "/no/such/interpreter"),
        ];
        let result = run_one(&benchmark, &interpreters, &plan(), &mut |_| {});
        let words: Vec<&str> = result.columns.iter().map(|c| c.status.word()).collect();
        assert_eq!(words, ["ok", "ok", "differs", "failed", "failed"]);
        assert_eq!(result.columns[0].runs.len(), 3);
        assert!(result.ratio(1).is_some() && result.ratio(2).is_none());
        // A failing column is run no more once it has failed.
        assert_eq!(result.columns[3].runs.len(), 1);
        assert!(result.columns[4].runs.is_empty());

        let result = run_one(&benchmark, &[shell_code("base", "exit 1"), sh], &plan(), &mut |_| {});
        let words: Vec<&str> = result.columns.iter().map(|c| c.status.word()).collect();
        assert_eq!(words, ["failed", "not run"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
