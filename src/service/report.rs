//! The daily report: secure messages per UTC day, outbound (written by the
//! organisation) and inbound (secure replies from outside), from counters
//! kept at intake, so no message is read. Drawn as an SVG bar chart (no
//! script, no CDN) and given as CSV.

use std::fmt::Write as _;

use super::Context;
use super::StoreError;

/// Longest range one report covers, in days.
pub const MAX_DAYS: i64 = 366;

pub struct Day {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub outbound: u32,
    pub inbound: u32,
}

pub struct Report {
    /// Every day of the range, oldest first (days without messages included).
    pub days: Vec<Day>,
    pub outbound: u64,
    pub inbound: u64,
}

impl Report {
    pub fn total(&self) -> u64 {
        self.outbound + self.inbound
    }
}

/// UTC day number `day` as `YYYY-MM-DD`.
pub fn date_of(day: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::from_unix_timestamp(day * 86_400)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// The report for UTC days `first..=last` (day numbers since 1970-01-01).
pub fn report(ctx: &Context, first: i64, last: i64) -> Result<Report, StoreError> {
    let clamp = |d: i64| u32::try_from(d.max(0)).unwrap_or(u32::MAX);
    let counted = ctx.vault.report_days(clamp(first), clamp(last))?;
    let mut counted = counted.into_iter().peekable();
    let mut report = Report {
        days: Vec::new(),
        outbound: 0,
        inbound: 0,
    };
    for day in first..=last {
        let (outbound, inbound) = match counted.peek() {
            Some(&(d, o, i)) if i64::from(d) == day => {
                counted.next();
                (o, i)
            }
            _ => (0, 0),
        };
        report.outbound += u64::from(outbound);
        report.inbound += u64::from(inbound);
        report.days.push(Day {
            date: date_of(day),
            outbound,
            inbound,
        });
    }
    Ok(report)
}

pub fn csv(r: &Report) -> String {
    let mut out = String::from("date,outbound,inbound,total\r\n");
    for d in &r.days {
        let _ = write!(out, "{},{},{},{}\r\n", d.date, d.outbound, d.inbound, d.outbound + d.inbound);
    }
    out
}

/// Chart geometry (SVG user units).
const WIDTH: f64 = 800.0;
const HEIGHT: f64 = 280.0;
const LEFT: f64 = 48.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 36.0;
const OUTBOUND_FILL: &str = "#2563eb";
const INBOUND_FILL: &str = "#f59e0b";

/// A small count (days of a report) as chart units.
fn units(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The chart's frame: title, total, legend, base line and scale.
/// The chart's words in the reader's language, already HTML-escaped.
pub struct ChartWords {
    /// What the chart shows, for screen readers.
    pub title: String,
    /// "N messages", over the bars.
    pub total: String,
    pub outbound: String,
    pub inbound: String,
}

fn chart_head(words: &ChartWords, most: u32, base: f64) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title\" id=\"report-chart\" class=\"chart\">\
         <title id=\"chart-title\">{}</title>",
        words.title
    );
    let _ = write!(
        s,
        "<text x=\"{LEFT}\" y=\"22\" font-size=\"16\" font-weight=\"600\" fill=\"#111\">{}</text>\
         <rect x=\"{}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{OUTBOUND_FILL}\"/><text x=\"{}\" y=\"21\" font-size=\"12\" fill=\"#333\">{}</text>\
         <rect x=\"{}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{INBOUND_FILL}\"/><text x=\"{}\" y=\"21\" font-size=\"12\" fill=\"#333\">{}</text>",
        words.total,
        WIDTH - 200.0,
        WIDTH - 184.0,
        words.outbound,
        WIDTH - 110.0,
        WIDTH - 94.0,
        words.inbound
    );
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#999\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{most}</text>\
         <text x=\"{}\" y=\"{base}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">0</text>",
        WIDTH - 8.0,
        LEFT - 6.0,
        TOP + 4.0,
        LEFT - 6.0
    );
    s
}

/// A stacked bar per day (outbound below, inbound above) with the total on
/// top, a scale on the left and the first, middle and last dates below.
pub fn svg(r: &Report, words: &ChartWords) -> String {
    let most = r.days.iter().map(|d| d.outbound + d.inbound).max().unwrap_or(0).max(1);
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = (WIDTH - LEFT - 8.0) / units(r.days.len().max(1));
    let bar = (slot * 0.75).max(1.0);
    let scale = |n: u32| f64::from(n) / f64::from(most) * plot_h;
    let base = TOP + plot_h;
    let mut s = chart_head(words, most, base);
    let labelled = [0, r.days.len() / 2, r.days.len().saturating_sub(1)];
    for (i, d) in r.days.iter().enumerate() {
        let x = LEFT + slot * units(i) + (slot - bar) / 2.0;
        let (out_h, in_h) = (scale(d.outbound), scale(d.inbound));
        if d.outbound > 0 {
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{out_h:.1}\" fill=\"{OUTBOUND_FILL}\"/>",
                base - out_h
            );
        }
        if d.inbound > 0 {
            let _ = write!(
                s,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{in_h:.1}\" fill=\"{INBOUND_FILL}\"/>",
                base - out_h - in_h
            );
        }
        let total = d.outbound + d.inbound;
        if total > 0 && slot >= 14.0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">{total}</text>",
                x + bar / 2.0,
                base - out_h - in_h - 3.0
            );
        }
        if labelled.contains(&i) {
            // The first and last dates are anchored inside the chart so neither is cut off.
            let (anchor, at) = match i {
                0 => ("start", x),
                _ if i + 1 == r.days.len() => ("end", x + bar),
                _ => ("middle", x + bar / 2.0),
            };
            let _ = write!(
                s,
                "<text x=\"{at:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"#555\">{}</text>",
                base + 18.0,
                d.date
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        Report {
            days: vec![
                Day {
                    date: "2026-11-27".into(),
                    outbound: 3,
                    inbound: 1,
                },
                Day {
                    date: "2026-11-28".into(),
                    outbound: 0,
                    inbound: 0,
                },
            ],
            outbound: 3,
            inbound: 1,
        }
    }

    #[test]
    fn csv_has_a_header_and_a_line_per_day() {
        assert_eq!(
            csv(&sample()),
            "date,outbound,inbound,total\r\n2026-11-27,3,1,4\r\n2026-11-28,0,0,0\r\n"
        );
    }

    #[test]
    fn the_chart_draws_a_bar_per_kind_and_the_total() {
        let words = ChartWords {
            title: "4 secure messages".into(),
            total: "4 messages".into(),
            outbound: "outbound".into(),
            inbound: "inbound".into(),
        };
        let chart = svg(&sample(), &words);
        assert!(chart.starts_with("<svg") && chart.ends_with("</svg>"));
        assert!(chart.contains(">4 messages</text>"));
        assert_eq!(
            chart.matches(&format!("fill=\"{OUTBOUND_FILL}\"/>")).count(),
            2,
            "legend and one bar"
        );
        assert_eq!(chart.matches(&format!("fill=\"{INBOUND_FILL}\"/>")).count(), 2);
        assert!(!chart.contains("NaN") && !chart.contains("inf"));
    }
}
