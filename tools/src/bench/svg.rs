//! `--svg FILE`: a horizontal bar chart of each interpreter's time ratio to
//! the baseline. The axis is logarithmic and centred on 1x, so that 2x faster
//! and 2x slower are bars of the same length on either side; benchmarks that
//! failed or printed something else get a label instead of a bar.

use std::fmt::Write;

use super::results::Report;

const WIDTH: f64 = 960.0;
const BAR_HEIGHT: f64 = 14.0;
const ROW_GAP: f64 = 8.0;
const CHAR_WIDTH: f64 = 7.2;
const TOP: f64 = 92.0;
const COLOURS: &[&str] = &["#3b6fb6", "#e07b24", "#3a9a48", "#8a5bb8", "#b5485d", "#6b6b6b"];
const FAILURE_COLOUR: &str = "#c62828";

/// The chart as an SVG document.
pub fn to_svg(report: &Report) -> String {
    let series: Vec<usize> = (1..report.interpreters.len()).collect();
    let baseline = report.interpreters.first().map_or("baseline", |i| i.label.as_str());
    // Rows: one per benchmark, then the geometric mean.
    let mut rows: Vec<(String, Vec<Bar>)> = report
        .results
        .iter()
        .map(|result| {
            let bars = series
                .iter()
                .map(|&c| match result.ratio(c) {
                    Some(ratio) => Bar::Ratio(ratio),
                    None => Bar::Missing(result.columns[c].status.word().to_string()),
                })
                .collect();
            (result.benchmark.name.clone(), bars)
        })
        .collect();
    let means: Vec<Bar> = series
        .iter()
        .map(|&c| match report.geometric_mean(c) {
            Some((mean, _)) => Bar::Ratio(mean),
            None => Bar::Missing("no benchmark ok everywhere".into()),
        })
        .collect();
    rows.push(("geometric mean".into(), means));

    let (low, high) = log2_range(rows.iter().flat_map(|(_, bars)| bars));
    let label_width =
        rows.iter().map(|(name, _)| name.chars().count()).max().unwrap_or(0) as f64 * CHAR_WIDTH;
    let plot_left = 16.0 + label_width + 12.0;
    let plot_right = WIDTH - 70.0;
    let x_of = |log2: f64| plot_left + (log2 - low) / (high - low) * (plot_right - plot_left);
    let row_height = series.len() as f64 * BAR_HEIGHT + ROW_GAP;
    let plot_bottom = TOP + rows.len() as f64 * row_height + ROW_GAP;
    let height = plot_bottom + 40.0;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" font-family=\"DejaVu Sans, Arial, sans-serif\" \
         font-size=\"12\">"
    );
    let _ = writeln!(svg, "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    let title = format!(
        "{} relative to {baseline} (median of {} runs)",
        capitalised(report.metric.describe()),
        report.runs
    );
    text(&mut svg, 16.0, 24.0, "start", "font-size=\"15\" font-weight=\"bold\"", &title);
    let subtitle = format!("{}, {}", report.date, report.machine);
    text(&mut svg, 16.0, 42.0, "start", "fill=\"#555\"", &subtitle);
    legend(&mut svg, report, &series);

    // Grid lines at powers of two, the 1x line darker.
    for power in (low.ceil() as i32)..=(high.floor() as i32) {
        let x = x_of(power.into());
        let stroke = if power == 0 { "#222" } else { "#ddd" };
        let _ = writeln!(
            svg,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{plot_bottom:.1}\" stroke=\"{stroke}\"/>"
        );
        text(&mut svg, x, plot_bottom + 16.0, "middle", "fill=\"#333\"", &power_label(power));
    }
    let one = x_of(0.0);
    let hint = "font-size=\"11\" fill=\"#555\"";
    text(&mut svg, one - 6.0, TOP - 4.0, "end", hint, "\u{2190} faster");
    text(&mut svg, one + 6.0, TOP - 4.0, "start", hint, "slower \u{2192}");
    let axis = format!("{0} / {baseline} {0} (log scale)", report.metric.describe());
    text(
        &mut svg,
        (plot_left + plot_right) / 2.0,
        plot_bottom + 34.0,
        "middle",
        "fill=\"#333\"",
        &axis,
    );

    for (row, (name, bars)) in rows.iter().enumerate() {
        let top = TOP + ROW_GAP + row as f64 * row_height;
        let is_mean = row == rows.len() - 1;
        if is_mean {
            let y = top - ROW_GAP / 2.0;
            let _ = writeln!(
                svg,
                "<line x1=\"16\" y1=\"{y:.1}\" x2=\"{plot_right:.1}\" y2=\"{y:.1}\" stroke=\"#999\"/>"
            );
        }
        let weight = if is_mean { "font-weight=\"bold\"" } else { "" };
        let middle = top + series.len() as f64 * BAR_HEIGHT / 2.0 + 4.0;
        text(&mut svg, plot_left - 12.0, middle, "end", weight, name);
        for (slot, bar) in bars.iter().enumerate() {
            let y = top + slot as f64 * BAR_HEIGHT;
            match bar {
                Bar::Ratio(ratio) => {
                    let end = x_of(ratio.log2());
                    let (x, w) = if end < one { (end, one - end) } else { (one, end - one) };
                    let _ = writeln!(
                        svg,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                        y + 1.0,
                        w.max(1.0),
                        BAR_HEIGHT - 2.0,
                        COLOURS[slot % COLOURS.len()]
                    );
                    let (lx, anchor) =
                        if end < one { (end - 4.0, "end") } else { (end + 4.0, "start") };
                    let style = format!("font-size=\"11\" {weight}");
                    text(
                        &mut svg,
                        lx,
                        y + BAR_HEIGHT - 3.0,
                        anchor,
                        &style,
                        &format!("{ratio:.2}x"),
                    );
                }
                Bar::Missing(word) => {
                    let style =
                        format!("font-size=\"11\" font-style=\"italic\" fill=\"{FAILURE_COLOUR}\"");
                    text(&mut svg, one + 4.0, y + BAR_HEIGHT - 3.0, "start", &style, word);
                }
            }
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
}

enum Bar {
    Ratio(f64),
    Missing(String),
}

fn legend(svg: &mut String, report: &Report, series: &[usize]) {
    let mut x = 16.0;
    for (slot, &column) in series.iter().enumerate() {
        let label = &report.interpreters[column].label;
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"52\" width=\"12\" height=\"12\" fill=\"{}\"/>",
            COLOURS[slot % COLOURS.len()]
        );
        text(svg, x + 17.0, 62.0, "start", "", label);
        x += 17.0 + label.chars().count() as f64 * CHAR_WIDTH + 24.0;
    }
}

/// The axis range in powers of two: at least 1/2x to 2x, widened to whole
/// powers that hold every bar.
fn log2_range<'a>(bars: impl Iterator<Item = &'a Bar>) -> (f64, f64) {
    let (mut low, mut high) = (-1.0f64, 1.0f64);
    for bar in bars {
        if let Bar::Ratio(ratio) = bar {
            if *ratio > 0.0 && ratio.is_finite() {
                low = low.min(ratio.log2().floor());
                high = high.max(ratio.log2().ceil());
            }
        }
    }
    (low, high)
}

/// "1x", "2x", "1/4x".
fn power_label(power: i32) -> String {
    if power >= 0 {
        format!("{}x", 1u64 << power.min(62))
    } else {
        format!("1/{}x", 1u64 << (-power).min(62))
    }
}

fn text(svg: &mut String, x: f64, y: f64, anchor: &str, style: &str, content: &str) {
    let _ = writeln!(
        svg,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"{anchor}\" {style}>{}</text>",
        escape(content)
    );
}

/// Escapes text for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::results::tests::sample_report;

    #[test]
    fn draws_a_bar_per_ratio_and_labels_failures() {
        let svg = to_svg(&sample_report());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        // Background, one legend swatch, bars for fast, slow and the mean.
        assert_eq!(svg.matches("<rect").count(), 1 + 1 + 3);
        assert!(svg.contains(">0.25x<") && svg.contains(">2.00x<") && svg.contains(">0.71x<"));
        assert!(svg.contains(">differs<"));
        assert!(svg.contains(">geometric mean<"));
        assert!(svg.contains(">1/4x<") && svg.contains(">2x<"));
    }

    #[test]
    fn faster_bars_extend_left_of_the_1x_line() {
        let svg = to_svg(&sample_report());
        let one_x = attr(svg.lines().find(|l| l.contains("stroke=\"#222\"")).unwrap(), "x1");
        let bars: Vec<(f64, f64)> = svg
            .lines()
            .filter(|l| l.starts_with("<rect x=") && l.contains("height=\"12.0\""))
            .map(|l| (attr(l, "x"), attr(l, "width")))
            .collect();
        // fast (0.25x) ends at the 1x line from the left; slow (2x) starts there.
        assert!((bars[0].0 + bars[0].1 - one_x).abs() < 0.2, "{bars:?} {one_x}");
        assert!((bars[1].0 - one_x).abs() < 0.2, "{bars:?} {one_x}");
        assert!((bars[0].1 - 2.0 * bars[1].1).abs() < 0.2, "1/4x is twice as long as 2x");
    }

    #[test]
    fn escapes_markup_and_labels_powers() {
        assert_eq!(escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
        assert_eq!(power_label(0), "1x");
        assert_eq!(power_label(3), "8x");
        assert_eq!(power_label(-2), "1/4x");
    }

    fn attr(line: &str, name: &str) -> f64 {
        let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        line[start..].split('"').next().unwrap().parse().unwrap()
    }
}
