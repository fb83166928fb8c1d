//! The terminal table: per benchmark and interpreter the median wall time,
//! its min-max range, peak RSS and the ratio to the baseline; then the
//! geometric means, and what failed and why.

use super::results::{Report, Status};

/// The report as aligned text.
pub fn render(report: &Report) -> String {
    let mut header = vec!["benchmark".to_string()];
    let mut subheader = vec![String::new()];
    for (index, interpreter) in report.interpreters.iter().enumerate() {
        let role = if index == 0 { " (baseline)" } else { "" };
        header.extend([format!("{}{role}", interpreter.label), String::new(), String::new()]);
        subheader.extend(["median".into(), "min-max".into(), "peak RSS".into()]);
        if index > 0 {
            header.push(String::new());
            subheader.push("ratio".into());
        }
    }
    let mut rows = vec![header, subheader];
    for result in &report.results {
        let mut row = vec![result.benchmark.name.clone()];
        for (index, column) in result.columns.iter().enumerate() {
            let rss = column.peak_rss_kib().map_or(String::new(), mebibytes);
            match column.wall() {
                Some(wall) => row.extend([
                    seconds(wall.median),
                    format!("{:.3}-{:.3}", wall.min, wall.max),
                    rss,
                ]),
                None => row.extend([column.status.word().to_uppercase(), String::new(), rss]),
            }
            if index > 0 {
                row.push(result.ratio(index).map_or("-".into(), |r| format!("{r:.2}x")));
            }
        }
        rows.push(row);
    }
    let mut out = aligned(&rows);
    out.push('\n');
    for (index, interpreter) in report.interpreters.iter().enumerate().skip(1) {
        out.push_str(&match report.geometric_mean(index) {
            Some((mean, count)) => format!(
                "geometric mean of {} / {}: {mean:.3}x over the {count} of {} benchmarks that \
                 succeeded everywhere ({})\n",
                interpreter.label,
                report.interpreters[0].label,
                report.results.len(),
                speed_words(mean),
            ),
            None => format!(
                "geometric mean of {}: none (no benchmark succeeded everywhere)\n",
                interpreter.label
            ),
        });
    }
    let problems = problems(report);
    if !problems.is_empty() {
        out.push_str("\nnot timed:\n");
        out.push_str(&problems);
    }
    out
}

/// "2.00x faster", "1.25x slower".
pub fn speed_words(ratio: f64) -> String {
    if ratio <= 1.0 {
        format!("{:.2}x faster", 1.0 / ratio)
    } else {
        format!("{ratio:.2}x slower")
    }
}

fn problems(report: &Report) -> String {
    let mut out = String::new();
    for result in &report.results {
        for (interpreter, column) in report.interpreters.iter().zip(&result.columns) {
            if let (Status::Failed(d) | Status::Differs(d), word) =
                (&column.status, column.status.word())
            {
                out.push_str(&format!(
                    "  {} under {}: {word}: {d}\n",
                    result.benchmark.name, interpreter.label
                ));
            }
        }
    }
    out
}

fn seconds(s: f64) -> String {
    format!("{s:.3} s")
}

fn mebibytes(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Left-aligns the first column, right-aligns the others.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, width) in widths.iter().enumerate() {
            let cell = row.get(c).map_or("", String::as_str);
            if c == 0 {
                line.push_str(&format!("{cell:<width$}"));
            } else {
                line.push_str(&format!("  {cell:>width$}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::results::tests::sample_report;

    #[test]
    fn renders_times_ratios_failures_and_means() {
        let text = render(&sample_report());
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("benchmark") && lines[0].contains("python3.8 (baseline)"));
        let fast = lines.iter().find(|l| l.starts_with("fast")).unwrap();
        assert!(fast.contains("2.000 s") && fast.contains("0.500 s") && fast.contains("0.25x"));
        assert!(fast.contains("1.800-2.200") && fast.contains("10.0 MiB"));
        let broken = lines.iter().find(|l| l.starts_with("broken")).unwrap();
        assert!(broken.contains("DIFFERS") && broken.trim_end().ends_with('-'), "{broken}");
        assert!(text.contains("over the 2 of 3 benchmarks"), "{text}");
        assert!(text.contains("1.41x faster"), "{text}");
        assert!(text.contains("broken under tachyon: differs: stdout line 1"));
    }

    #[test]
    fn speed_in_words() {
        assert_eq!(speed_words(0.5), "2.00x faster");
        assert_eq!(speed_words(1.25), "1.25x slower");
    }

    #[test]
    fn aligns_columns() {
        let rows = vec![vec!["a".to_string(), "1".into()], vec!["long".into(), "100".into()]];
        assert_eq!(aligned(&rows), "a       1\nlong  100\n");
    }
}
