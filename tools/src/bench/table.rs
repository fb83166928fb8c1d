//! The terminal table: per benchmark and interpreter the median wall time,
//! its min-max range, peak RSS and the ratio to the baseline; then the
//! geometric means, and what failed and why.

use super::results::{Metric, Report, Status};

/// The report as aligned text.
pub fn render(report: &Report) -> String {
    let mut groups = Vec::new();
    let mut header = vec!["benchmark".to_string()];
    for (index, interpreter) in report.interpreters.iter().enumerate() {
        let role = if index == 0 { " (baseline)" } else { "" };
        let median = format!("median {}", report.metric.name());
        header.extend([median, "min-max".into(), "peak RSS".into()]);
        if index > 0 {
            header.push("ratio".into());
        }
        groups.push((format!("{}{role}", interpreter.label), if index > 0 { 4 } else { 3 }));
    }
    let mut rows = vec![header];
    for result in &report.results {
        let mut row = vec![result.benchmark.name.clone()];
        for (index, column) in result.columns.iter().enumerate() {
            let rss = column.peak_rss_kib().map_or(String::new(), mebibytes);
            match result.summary(index) {
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
    let mut out = aligned(&groups, &rows);
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

/// The report as a Markdown table for the README: median wall and CPU time
/// and peak RSS per interpreter, the ratio (of the report's metric) per
/// compared interpreter, and the geometric means in the last row.
pub fn render_markdown(report: &Report) -> String {
    let mut header = vec!["benchmark".to_string()];
    for (index, interpreter) in report.interpreters.iter().enumerate() {
        let label = &interpreter.label;
        header.extend([format!("{label} wall"), format!("{label} cpu"), format!("{label} RSS")]);
        if index > 0 {
            header.push(format!("{label} ratio ({})", report.metric.name()));
        }
    }
    let mut rows = vec![header];
    for result in &report.results {
        let mut row =
            vec![format!("{} ({})", result.benchmark.name, result.benchmark.suite.name())];
        for (index, column) in result.columns.iter().enumerate() {
            for metric in [Metric::Wall, Metric::Cpu] {
                let time = column.summary(metric).map(|s| seconds(s.median));
                row.push(time.unwrap_or_else(|| column.status.word().to_string()));
            }
            row.push(column.peak_rss_kib().map_or(String::new(), mebibytes));
            if index > 0 {
                row.push(result.ratio(index).map_or("-".into(), |r| format!("{r:.2}x")));
            }
        }
        rows.push(row);
    }
    let mut means = vec!["**geometric mean**".to_string()];
    for index in 0..report.interpreters.len() {
        means.extend([String::new(), String::new(), String::new()]);
        if index > 0 {
            means.push(
                report
                    .geometric_mean(index)
                    .map_or("-".into(), |(g, n)| format!("**{g:.2}x** ({n})")),
            );
        }
    }
    rows.push(means);
    let mut out = String::new();
    for (number, row) in rows.iter().enumerate() {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
        if number == 0 {
            let rule: Vec<&str> =
                row.iter().enumerate().map(|(c, _)| if c == 0 { "---" } else { "---:" }).collect();
            out.push_str(&format!("|{}|\n", rule.join("|")));
        }
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

/// Left-aligns the first column, right-aligns the others. `groups` names
/// runs of columns after the first, (label, how many), in a line above; a
/// label longer than its columns widens the last of them.
fn aligned(groups: &[(String, usize)], rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    let group_width = |widths: &[usize], start: usize, span: usize| {
        widths[start..start + span].iter().sum::<usize>() + 2 * (span - 1)
    };
    let mut spans = Vec::new();
    let mut start = 1;
    for (label, span) in groups {
        let span = (*span).min(columns.saturating_sub(start));
        if span == 0 {
            break;
        }
        let shortfall = label.chars().count().saturating_sub(group_width(&widths, start, span));
        widths[start + span - 1] += shortfall;
        spans.push((label, start, span));
        start += span;
    }
    let mut out = String::new();
    if !spans.is_empty() {
        let mut line = " ".repeat(widths[0]);
        for (label, start, span) in spans {
            let width = group_width(&widths, start, span);
            line.push_str(&format!("  {label:<width$}"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
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
        assert!(lines[0].trim_start().starts_with("python3.8 (baseline)"), "{text}");
        assert!(lines[1].starts_with("benchmark") && lines[1].contains("median wall"));
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
    fn renders_markdown() {
        let text = render_markdown(&sample_report());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "| benchmark | python3.8 wall | python3.8 cpu | python3.8 RSS | tachyon wall | tachyon cpu | \
             tachyon RSS | tachyon ratio (wall) |");
        assert_eq!(lines[1], "|---|---:|---:|---:|---:|---:|---:|---:|");
        assert_eq!(
            lines[2],
            "| fast (own) | 2.000 s | 1.810 s | 10.0 MiB | 0.500 s | 0.460 s | 10.0 MiB | 0.25x |"
        );
        assert!(lines[4].ends_with("| differs | differs | 10.0 MiB | - |"), "{}", lines[4]);
        assert_eq!(lines[5], "| **geometric mean** |  |  |  |  |  |  | **0.71x** (2) |");
    }

    #[test]
    fn speed_in_words() {
        assert_eq!(speed_words(0.5), "2.00x faster");
        assert_eq!(speed_words(1.25), "1.25x slower");
    }

    #[test]
    fn aligns_columns_under_group_labels() {
        let rows = vec![vec!["a".to_string(), "1".into()], vec!["long".into(), "100".into()]];
        assert_eq!(aligned(&[], &rows), "a       1\nlong  100\n");
        let groups = [("group".to_string(), 1)];
        assert_eq!(aligned(&groups, &rows), "      group\na         1\nlong    100\n");
    }
}
