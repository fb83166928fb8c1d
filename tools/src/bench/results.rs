//! The figures a session gathers, and what is derived from them: each
//! column's timing summary, its ratio to the baseline, and the geometric mean.

use super::interpreters::Interpreter;
use super::stats::{geometric_mean, Summary};
use super::suite::Benchmark;

/// The raw figures of one process run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    pub wall_s: f64,
    pub user_s: f64,
    pub system_s: f64,
    pub peak_rss_kib: u64,
    pub exit_code: Option<i32>,
    /// Warm-up runs are kept in the JSON but not timed.
    pub warmup: bool,
}

/// How one interpreter did on one benchmark.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Every run exited cleanly with the baseline's output.
    Ok,
    /// A run crashed, exited non-zero or timed out.
    Failed(String),
    /// A run printed something else than the baseline, or exited differently.
    Differs(String),
    /// Not run, because the baseline failed.
    NotRun(String),
}

impl Status {
    /// A word for tables and charts.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Failed(_) => "failed",
            Status::Differs(_) => "differs",
            Status::NotRun(_) => "not run",
        }
    }

    pub fn detail(&self) -> Option<&str> {
        match self {
            Status::Ok => None,
            Status::Failed(d) | Status::Differs(d) | Status::NotRun(d) => Some(d),
        }
    }
}

/// The time that is summarised and compared. Wall time is what a user waits
/// for; CPU time (user + system) is steadier on a machine shared with other
/// work, where waiting for a core inflates wall time at random.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Wall,
    Cpu,
}

impl Metric {
    pub fn of(self, run: &RunRecord) -> f64 {
        match self {
            Metric::Wall => run.wall_s,
            Metric::Cpu => run.user_s + run.system_s,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Metric::Wall => "wall",
            Metric::Cpu => "cpu",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Metric::Wall => "wall time",
            Metric::Cpu => "CPU time (user + system)",
        }
    }
}

/// One interpreter's runs of one benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnResult {
    pub status: Status,
    pub runs: Vec<RunRecord>,
}

impl ColumnResult {
    pub fn pending() -> ColumnResult {
        ColumnResult { status: Status::Ok, runs: Vec::new() }
    }

    /// Summary of the timed runs' `metric`; `None` unless every run succeeded
    /// with the baseline's output, so a failure is never reported as a time.
    pub fn summary(&self, metric: Metric) -> Option<Summary> {
        if self.status != Status::Ok {
            return None;
        }
        let timed: Vec<f64> =
            self.runs.iter().filter(|r| !r.warmup).map(|r| metric.of(r)).collect();
        Summary::of(&timed)
    }

    /// The largest peak RSS of any run, warm-up included.
    pub fn peak_rss_kib(&self) -> Option<u64> {
        self.runs.iter().map(|r| r.peak_rss_kib).max()
    }
}

/// One benchmark's results, a column per interpreter; column 0 is the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchResult {
    pub benchmark: Benchmark,
    pub columns: Vec<ColumnResult>,
    pub metric: Metric,
}

impl BenchResult {
    /// The summary of `column`'s timed runs in the compared metric.
    pub fn summary(&self, column: usize) -> Option<Summary> {
        self.columns.get(column)?.summary(self.metric)
    }

    /// Median time of `column` over the baseline's: below 1 is faster.
    pub fn ratio(&self, column: usize) -> Option<f64> {
        let base = self.summary(0)?.median;
        let this = self.summary(column)?.median;
        (base > 0.0).then(|| this / base)
    }

    pub fn ok_everywhere(&self) -> bool {
        (0..self.columns.len()).all(|c| self.summary(c).is_some())
    }
}

/// Everything a session measured, with what is needed to describe it.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub interpreters: Vec<Interpreter>,
    pub results: Vec<BenchResult>,
    pub runs: usize,
    pub warmups: usize,
    pub metric: Metric,
    /// UTC date and time, `YYYY-MM-DD HH:MM UTC`.
    pub date: String,
    pub machine: String,
}

impl Report {
    /// Geometric mean of `column`'s ratios over the benchmarks that succeeded
    /// in every column, with how many those are.
    pub fn geometric_mean(&self, column: usize) -> Option<(f64, usize)> {
        let ratios: Vec<f64> = self
            .results
            .iter()
            .filter(|r| r.ok_everywhere())
            .filter_map(|r| r.ratio(column))
            .collect();
        geometric_mean(&ratios).map(|g| (g, ratios.len()))
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::bench::suite::Suite;
    use std::path::PathBuf;

    pub fn record(wall_s: f64, warmup: bool) -> RunRecord {
        RunRecord {
            wall_s,
            user_s: wall_s * 0.9,
            system_s: 0.01,
            peak_rss_kib: 10_240,
            exit_code: Some(0),
            warmup,
        }
    }

    pub fn column(walls: &[f64], status: Status) -> ColumnResult {
        let mut runs = vec![record(walls[0] * 1.5, true)];
        runs.extend(walls.iter().map(|&w| record(w, false)));
        ColumnResult { status, runs }
    }

    pub fn bench(name: &str, columns: Vec<ColumnResult>) -> BenchResult {
        BenchResult {
            benchmark: Benchmark {
                name: name.into(),
                suite: Suite::Own,
                script: PathBuf::from(format!("/b/{name}.py")),
                args: Vec::new(),
                env: Vec::new(),
                needs: Vec::new(),
            },
            columns,
            metric: Metric::Wall,
        }
    }

    pub fn sample_report() -> Report {
        Report {
            interpreters: vec![
                Interpreter::new("python3.8", "/usr/bin/python3.8"),
                Interpreter::new("tachyon", "/t/tachyon"),
            ],
            results: vec![
                bench(
                    "fast",
                    vec![
                        column(&[2.0, 2.2, 1.8], Status::Ok),
                        column(&[0.5, 0.6, 0.4], Status::Ok),
                    ],
                ),
                bench(
                    "slow",
                    vec![
                        column(&[1.0, 1.0, 1.0], Status::Ok),
                        column(&[2.0, 2.0, 2.0], Status::Ok),
                    ],
                ),
                bench(
                    "broken",
                    vec![
                        column(&[1.0], Status::Ok),
                        column(&[0.1], Status::Differs("stdout line 1".into())),
                    ],
                ),
            ],
            runs: 3,
            warmups: 1,
            metric: Metric::Wall,
            date: "2026-11-26 07:00 UTC".into(),
            machine: "test machine".into(),
        }
    }

    #[test]
    fn warmups_are_not_timed() {
        let c = column(&[1.0, 3.0, 2.0], Status::Ok);
        let s = c.summary(Metric::Wall).unwrap();
        assert_eq!((s.median, s.min, s.max), (2.0, 1.0, 3.0));
    }

    #[test]
    fn cpu_time_is_user_plus_system() {
        let mut c = column(&[1.0, 3.0, 2.0], Status::Ok);
        c.runs[2].system_s = 1.0;
        // user is 0.9 x wall in these records, system 0.01 except the one changed.
        assert!((c.summary(Metric::Cpu).unwrap().max - 3.7).abs() < 1e-12);
    }

    #[test]
    fn a_failed_column_has_no_time_and_no_ratio() {
        let report = sample_report();
        let broken = &report.results[2];
        assert_eq!(broken.summary(1), None);
        assert_eq!(broken.ratio(1), None);
        assert!(!broken.ok_everywhere());
        assert_eq!(report.results[0].ratio(1), Some(0.25));
    }

    #[test]
    fn geometric_mean_skips_benchmarks_that_failed_anywhere() {
        let (mean, count) = sample_report().geometric_mean(1).unwrap();
        assert_eq!(count, 2);
        assert!((mean - (0.25f64 * 2.0).sqrt()).abs() < 1e-12);
        let (base, _) = sample_report().geometric_mean(0).unwrap();
        assert!((base - 1.0).abs() < 1e-12);
    }
}
