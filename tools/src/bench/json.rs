//! `--json FILE`: every run's raw figures and the derived medians, ratios and
//! geometric means, written by hand (the format is small and fixed).

use std::fmt::Write;

use super::results::{BenchResult, ColumnResult, Report, RunRecord};
use super::stats::Summary;

/// The whole report as a JSON document.
pub fn to_json(report: &Report) -> String {
    let mut out = String::new();
    out.push_str("{\n");
    field(&mut out, 1, "tool", &string("tachyon bench"));
    field(&mut out, 1, "date", &string(&report.date));
    field(&mut out, 1, "machine", &string(&report.machine));
    field(&mut out, 1, "runs", &report.runs.to_string());
    field(&mut out, 1, "warmups", &report.warmups.to_string());
    field(&mut out, 1, "metric", &string(report.metric.name()));
    let ratio = format!("median {0} / baseline median {0}", report.metric.describe());
    field(&mut out, 1, "ratio", &string(&ratio));
    let interpreters: Vec<String> = report
        .interpreters
        .iter()
        .enumerate()
        .map(|(index, i)| {
            let args: Vec<String> = i.args.iter().map(|a| string(a)).collect();
            let geomean = report.geometric_mean(index);
            format!(
                "{{\"label\": {}, \"program\": {}, \"args\": [{}], \"baseline\": {}, \
                 \"geometric_mean_ratio\": {}, \"geometric_mean_over\": {}}}",
                string(&i.label),
                string(&i.program.display().to_string()),
                args.join(", "),
                index == 0,
                number(geomean.map(|(g, _)| g)),
                geomean.map_or(0, |(_, n)| n),
            )
        })
        .collect();
    field(&mut out, 1, "interpreters", &array(1, &interpreters));
    let benchmarks: Vec<String> = report.results.iter().map(|r| benchmark(report, r)).collect();
    last_field(&mut out, 1, "benchmarks", &array(1, &benchmarks));
    out.push_str("}\n");
    out
}

fn benchmark(report: &Report, result: &BenchResult) -> String {
    let b = &result.benchmark;
    let args: Vec<String> = b.args.iter().map(|a| string(a)).collect();
    let needs: Vec<String> = b.needs.iter().map(|n| string(n)).collect();
    let columns: Vec<String> = result
        .columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let label = report.interpreters.get(index).map_or("", |i| i.label.as_str());
            column_json(label, column, result.summary(index), result.ratio(index))
        })
        .collect();
    let mut out = String::from("{\n");
    field(&mut out, 3, "name", &string(&b.name));
    field(&mut out, 3, "suite", &string(b.suite.name()));
    field(&mut out, 3, "script", &string(&b.script.display().to_string()));
    field(&mut out, 3, "args", &format!("[{}]", args.join(", ")));
    field(&mut out, 3, "needs", &format!("[{}]", needs.join(", ")));
    field(&mut out, 3, "ok_everywhere", &result.ok_everywhere().to_string());
    last_field(&mut out, 3, "results", &array(3, &columns));
    out.push_str(&indent(2));
    out.push('}');
    out
}

/// `summary` is of the report's metric: its figures are named `*_s`.
fn column_json(
    label: &str,
    column: &ColumnResult,
    summary: Option<Summary>,
    ratio: Option<f64>,
) -> String {
    let runs: Vec<String> = column.runs.iter().map(run_json).collect();
    let mut out = String::from("{\n");
    field(&mut out, 5, "interpreter", &string(label));
    field(&mut out, 5, "status", &string(column.status.word()));
    field(&mut out, 5, "detail", &column.status.detail().map_or("null".into(), string));
    field(&mut out, 5, "median_s", &number(summary.map(|w| w.median)));
    field(&mut out, 5, "min_s", &number(summary.map(|w| w.min)));
    field(&mut out, 5, "max_s", &number(summary.map(|w| w.max)));
    field(&mut out, 5, "q1_s", &number(summary.map(|w| w.q1)));
    field(&mut out, 5, "q3_s", &number(summary.map(|w| w.q3)));
    field(&mut out, 5, "ratio", &number(ratio));
    field(
        &mut out,
        5,
        "peak_rss_kib",
        &column.peak_rss_kib().map_or("null".into(), |k| k.to_string()),
    );
    last_field(&mut out, 5, "runs", &array(5, &runs));
    out.push_str(&indent(4));
    out.push('}');
    out
}

fn run_json(run: &RunRecord) -> String {
    format!(
        "{{\"wall_s\": {}, \"user_s\": {}, \"system_s\": {}, \"peak_rss_kib\": {}, \
         \"exit_code\": {}, \"warmup\": {}}}",
        number(Some(run.wall_s)),
        number(Some(run.user_s)),
        number(Some(run.system_s)),
        run.peak_rss_kib,
        run.exit_code.map_or("null".into(), |c| c.to_string()),
        run.warmup
    )
}

fn indent(level: usize) -> String {
    "  ".repeat(level)
}

fn field(out: &mut String, level: usize, key: &str, value: &str) {
    let _ = writeln!(out, "{}{}: {value},", indent(level), string(key));
}

fn last_field(out: &mut String, level: usize, key: &str, value: &str) {
    let _ = writeln!(out, "{}{}: {value}", indent(level), string(key));
}

/// Items one per line, indented one level deeper than the key at `level`.
fn array(level: usize, items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    let inner = indent(level + 1);
    let body: Vec<String> = items.iter().map(|item| format!("{inner}{item}")).collect();
    format!("[\n{}\n{}]", body.join(",\n"), indent(level))
}

/// A JSON string literal.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON number; `null` for a missing or non-finite value, which JSON
/// cannot represent.
pub fn number(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() => {
            // Rust's shortest round-trip form, which is valid JSON except
            // that it may lack a fraction ("2"), which is valid too.
            format!("{v}")
        }
        _ => "null".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::results::tests::sample_report;

    #[test]
    fn escapes_strings() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    #[test]
    fn numbers_and_missing_values() {
        assert_eq!(number(Some(1.5)), "1.5");
        assert_eq!(number(Some(2.0)), "2");
        assert_eq!(number(Some(1e-7)), "0.0000001");
        assert_eq!(number(None), "null");
        assert_eq!(number(Some(f64::NAN)), "null");
    }

    #[test]
    fn report_has_every_run_and_the_derived_figures() {
        let json = to_json(&sample_report());
        // Two timed runs and a warm-up per column of "fast" and "slow", ...
        assert_eq!(json.matches("\"warmup\": true").count(), 6);
        assert_eq!(json.matches("\"warmup\": false").count(), 14);
        assert!(json.contains("\"ratio\": 0.25,"), "{json}");
        assert!(json.contains("\"status\": \"differs\""));
        assert!(json.contains("\"detail\": \"stdout line 1\""));
        assert!(json.contains("\"geometric_mean_over\": 2"));
        assert!(json.contains("\"peak_rss_kib\": 10240,"));
        assert_balanced(&json);
    }

    /// Brackets and braces outside strings pair up, and commas never precede
    /// a closing one: a cheap structural check without a JSON parser.
    fn assert_balanced(json: &str) {
        let mut stack = Vec::new();
        let mut in_string = false;
        let mut escaped = false;
        let mut last_significant = ' ';
        for c in json.chars() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' | '[' => stack.push(c),
                '}' | ']' => {
                    assert_ne!(last_significant, ',', "trailing comma before {c}");
                    let open = stack.pop().expect("unbalanced");
                    assert!((open, c) == ('{', '}') || (open, c) == ('[', ']'));
                }
                _ => {}
            }
            if !c.is_whitespace() {
                last_significant = c;
            }
        }
        assert!(stack.is_empty() && !in_string);
    }
}
