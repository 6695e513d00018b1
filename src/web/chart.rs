//! Trend charts as server-rendered SVG: readable without JavaScript and in print. Only numbers
//! and catalog texts go into the markup, each escaped.

use std::fmt::Write;

use chrono::Datelike;

use crate::domain::metrics::{Rate, TrendPoint};

/// One line of a chart.
pub struct Line<'a> {
    /// The points' rates, one per month.
    pub rates: Vec<Rate>,
    /// The CSS class of the line (`line-mediation`, `line-closure`).
    pub class: &'a str,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The monthly cumulative rates of `points` as a line chart from 0 to 100 % with the target as
/// a dashed line; every point carries its value and counts in a `<title>`.
pub fn trend_svg(
    id: &str,
    title: &str,
    points: &[TrendPoint],
    line: &Line<'_>,
    target: f64,
    target_label: &str,
) -> String {
    let (w, h) = (640.0_f64, 240.0_f64);
    let (left, right, top, bottom) = (44.0, 12.0, 16.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    #[allow(clippy::cast_precision_loss)] // at most 120 months
    let n = points.len().max(1) as f64;
    let x = |i: usize| {
        #[allow(clippy::cast_precision_loss)]
        let i = i as f64;
        left + plot_w * (i + 0.5) / n
    };
    let y = |f: f64| top + plot_h * (1.0 - f.clamp(0.0, 1.0));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg id="{id}" class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    for pct in [0, 25, 50, 75, 100] {
        let yy = y(f64::from(pct) / 100.0);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{left}" x2="{}" y1="{yy:.1}" y2="{yy:.1}"/><text class="axis" x="{}" y="{:.1}" text-anchor="end">{pct}%</text>"#,
            w - right,
            left - 6.0,
            yy + 4.0
        );
    }
    let ty = y(target);
    let _ = write!(
        s,
        r#"<line class="target" x1="{left}" x2="{}" y1="{ty:.1}" y2="{ty:.1}"/><text class="target-label" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
        w - right,
        w - right,
        ty - 4.0,
        escape(target_label)
    );
    let pts: Vec<(usize, f64)> =
        line.rates.iter().enumerate().filter_map(|(i, r)| r.fraction().map(|f| (i, f))).collect();
    if pts.len() > 1 {
        let path: Vec<String> = pts.iter().map(|(i, f)| format!("{:.1},{:.1}", x(*i), y(*f))).collect();
        let _ = write!(s, r#"<polyline class="{}" fill="none" points="{}"/>"#, line.class, path.join(" "));
    }
    for (i, f) in &pts {
        let r = &line.rates[*i];
        let month =
            points.get(*i).map(|p| format!("{}-{:02}", p.month.year(), p.month.month())).unwrap_or_default();
        let _ = write!(
            s,
            r#"<circle class="{}" cx="{:.1}" cy="{:.1}" r="3.5"><title>{month}: {:.2}% ({}/{})</title></circle>"#,
            line.class,
            x(*i),
            y(*f),
            f * 100.0,
            r.numerator,
            r.denominator
        );
    }
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            s,
            r#"<text class="axis" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x(i),
            h - 8.0,
            p.month.month()
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn a_chart_draws_a_point_per_month_with_its_counts_and_the_target() {
        let month = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap_or(NaiveDate::MIN);
        let points: Vec<TrendPoint> = (1..=3)
            .map(|m| TrendPoint {
                month: month(m),
                mediation_success_rate: Rate::of(u64::from(m), 4),
                closure_rate_a: Rate::of(1, 2),
                accepted: 1,
                closed: 1,
            })
            .collect();
        let rates = points.iter().map(|p| p.mediation_success_rate).collect();
        let svg = trend_svg(
            "t",
            "调解成功率 <趋势>",
            &points,
            &Line { rates, class: "line-mediation" },
            0.6,
            "目标 60%",
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains("2026-02: 50.00% (2/4)"));
        assert!(svg.contains("调解成功率 &lt;趋势&gt;"));
        assert!(svg.contains(r#"class="target""#));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
