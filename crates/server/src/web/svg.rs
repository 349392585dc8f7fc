//! The two drawings of a cluster page, as inline SVG: the timeline of its
//! figures (one point per figure, coloured by modality) and the source graph
//! (which outlet cites whom). Styling comes from the stylesheet's classes.

use super::html::esc;
use hearsay_resolve::{Modality, TimelinePoint};
use std::fmt::Write;

/// A number as people write it: `1,130`, `2.5`.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        format!("{v:.1}")
    }
}

/// The figure of a point: `1,130`, `≥ 60`, `≤ 100`, `30–40`.
pub fn figure(value: Option<f64>, min: Option<f64>, max: Option<f64>) -> String {
    match (value, min, max) {
        (Some(v), _, _) => number(v),
        (None, Some(a), Some(b)) => format!("{}–{}", number(a), number(b)),
        (None, Some(a), None) => format!("≥ {}", number(a)),
        (None, None, Some(b)) => format!("≤ {}", number(b)),
        (None, None, None) => "?".into(),
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD…` date.
fn days(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let (y, m, day): (i64, i64, i64) = (
        d.get(0..4)?.parse().ok()?,
        d.get(5..7)?.parse().ok()?,
        d.get(8..10)?.parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` of a day number.
fn civil(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The modality's class and its name.
pub fn modality(m: Modality) -> (&'static str, &'static str) {
    match m {
        Modality::Actual => ("m-actual", "actual"),
        Modality::Estimated => ("m-estimated", "estimated"),
        Modality::Expected => ("m-expected", "expected"),
        Modality::Allowed => ("m-allowed", "allowed"),
    }
}

/// The swatches that say which colour is which modality.
pub const MODALITY_KEY: &str = "<ul class=\"swatches\" aria-label=\"Modality\">\
    <li class=\"m-actual\">actual</li><li class=\"m-estimated\">estimated</li>\
    <li class=\"m-expected\">expected</li><li class=\"m-allowed\">allowed</li></ul>";

const W: f64 = 800.0;
const H: f64 = 320.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 46.0;

/// The y scale: linear from 0, or logarithmic when the figures span two orders of magnitude.
struct Scale {
    log: bool,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn new(values: &[f64]) -> Self {
        let hi = values.iter().copied().fold(0.0_f64, f64::max);
        let lo = values
            .iter()
            .copied()
            .filter(|v| *v > 0.0)
            .fold(f64::INFINITY, f64::min);
        if lo.is_finite() && hi / lo >= 100.0 && values.iter().all(|v| *v > 0.0) {
            Scale {
                log: true,
                lo: 10f64.powf(lo.log10().floor()),
                hi: 10f64.powf(hi.log10().ceil()),
            }
        } else {
            Scale {
                log: false,
                lo: 0.0,
                hi: nice(hi.max(1.0) * 1.1),
            }
        }
    }

    fn y(&self, v: f64) -> f64 {
        let t = if self.log {
            (v.max(self.lo).log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        };
        H - BOTTOM - t * (H - TOP - BOTTOM)
    }

    fn ticks(&self) -> Vec<f64> {
        if self.log {
            let mut out = Vec::new();
            let mut t = self.lo;
            while t <= self.hi * 1.0001 {
                out.push(t);
                t *= 10.0;
            }
            out
        } else {
            (0..=4).map(|i| self.hi * i as f64 / 4.0).collect()
        }
    }
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `v`.
fn nice(v: f64) -> f64 {
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|n| *n >= v)
        .unwrap_or(10.0 * p)
}

/// The point's plotted value: the value, else the middle of a range, else its one bound.
fn plotted(p: &TimelinePoint) -> Option<f64> {
    p.value.or(match (p.min, p.max) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        (a, b) => a.or(b),
    })
}

/// What the timeline drew.
pub struct Chart {
    /// The SVG.
    pub svg: String,
    /// Points drawn.
    pub drawn: usize,
    /// Points left out for want of a date or a figure.
    pub undated: usize,
}

/// The timeline chart of `points`; `label` names each point's origin for its tooltip.
pub fn timeline(
    subject: &str,
    points: &[TimelinePoint],
    label: impl Fn(&TimelinePoint) -> String,
) -> Chart {
    let dated: Vec<(i64, f64, &TimelinePoint)> = points
        .iter()
        .filter_map(|p| {
            let day = p.date.as_deref().or(p.as_of.as_deref()).and_then(days)?;
            Some((day, plotted(p)?, p))
        })
        .collect();
    let undated = points.len() - dated.len();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"timeline-title\">\
         <title id=\"timeline-title\">Figures about {} over time</title>",
        esc(subject)
    );
    if dated.is_empty() {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">No dated figures</text></svg>",
            W / 2.0,
            H / 2.0
        );
        return Chart {
            svg,
            drawn: 0,
            undated,
        };
    }
    let (mut d0, mut d1) = (
        dated.iter().map(|d| d.0).min().unwrap_or(0),
        dated.iter().map(|d| d.0).max().unwrap_or(0),
    );
    if d0 == d1 {
        d0 -= 1;
        d1 += 1;
    }
    let pad = ((d1 - d0) as f64 * 0.04).ceil() as i64;
    let (d0, d1) = (d0 - pad, d1 + pad);
    let x = |d: i64| LEFT + (d - d0) as f64 / (d1 - d0) as f64 * (W - LEFT - RIGHT);
    let mut values: Vec<f64> = dated.iter().map(|d| d.1).collect();
    values.extend(dated.iter().flat_map(|d| [d.2.min, d.2.max]).flatten());
    let scale = Scale::new(&values);
    for t in scale.ticks() {
        let y = scale.y(t);
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            number(t)
        );
    }
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{b}\"/>\
         <line class=\"axis\" x1=\"{LEFT}\" x2=\"{r}\" y1=\"{b}\" y2=\"{b}\"/>",
        b = H - BOTTOM,
        r = W - RIGHT
    );
    let ticks = 5.min((d1 - d0) as usize).max(1);
    for i in 0..=ticks {
        let d = d0 + (d1 - d0) * i as i64 / ticks as i64;
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            x(d),
            H - BOTTOM + 20.0,
            civil(d)
        );
    }
    if scale.log {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{LEFT}\" y=\"{:.1}\">log scale</text>",
            H - 6.0
        );
    }
    // Figures of one day side by side rather than on top of each other.
    let mut seen: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    let spread: Vec<f64> = dated
        .iter()
        .map(|(day, _, _)| {
            let n = dated.iter().filter(|d| d.0 == *day).count();
            let i = seen.entry(*day).or_insert(0);
            *i += 1;
            (*i as f64 - 1.0 - (n as f64 - 1.0) / 2.0) * 14.0
        })
        .collect();
    for ((day, v, p), dx) in dated.iter().zip(spread) {
        let (class, name) = modality(p.modality);
        let cx = x(*day) + dx;
        if let (Some(a), Some(b)) = (p.min, p.max) {
            let _ = write!(
                svg,
                "<line class=\"range {class}\" x1=\"{cx:.1}\" x2=\"{cx:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
                scale.y(a),
                scale.y(b)
            );
        }
        let as_of = p
            .as_of
            .as_deref()
            .map(|a| format!(", as of {a}"))
            .unwrap_or_default();
        let _ = write!(
            svg,
            "<a href=\"#claim-{claim}\"><circle class=\"pt {class}\" data-claim=\"{claim}\" data-modality=\"{name}\" \
             cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"6\"><title>{fig} ({name}{as_of}), reported {date} by {who}</title></circle></a>",
            claim = esc(&p.claim),
            cy = scale.y(*v),
            fig = esc(&figure(p.value, p.min, p.max)),
            date = esc(p.date.as_deref().unwrap_or("?")),
            who = esc(&label(p)),
        );
    }
    svg.push_str("</svg>");
    Chart {
        svg,
        drawn: dated.len(),
        undated,
    }
}

/// A node of the source graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// What it is called.
    pub name: String,
    /// Where it links to, if anywhere.
    pub href: Option<String>,
}

/// The three columns of the source graph: the outlets that published, the
/// intermediaries they cite, the origins.
#[derive(Debug, Default)]
pub struct Citations {
    /// Nodes by column: 0 outlets, 1 intermediaries, 2 origins.
    pub columns: [Vec<Node>; 3],
    /// Edges `((column, index), (column, index))`, each once.
    pub edges: Vec<((usize, usize), (usize, usize))>,
}

impl Citations {
    /// The node `node` in `column`, added if new.
    pub fn node(&mut self, column: usize, node: Node) -> (usize, usize) {
        let nodes = &mut self.columns[column];
        match nodes.iter().position(|n| n.name == node.name) {
            Some(i) => (column, i),
            None => {
                nodes.push(node);
                (column, nodes.len() - 1)
            }
        }
    }

    /// An edge from `a` to `b`, added if new.
    pub fn edge(&mut self, a: (usize, usize), b: (usize, usize)) {
        if a != b && !self.edges.contains(&(a, b)) {
            self.edges.push((a, b));
        }
    }
}

/// `s` cut to `n` characters with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The source graph: outlets on the left, citing the intermediaries in the
/// middle, which cite the origins on the right.
pub fn citations(graph: &Citations) -> String {
    const ROW: f64 = 40.0;
    const BOX_W: f64 = 236.0;
    const BOX_H: f64 = 28.0;
    let used: Vec<usize> = (0..3).filter(|&c| !graph.columns[c].is_empty()).collect();
    let rows = graph.columns.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let height = 40.0 + rows as f64 * ROW;
    let width = 800.0;
    let gap = if used.len() > 1 {
        (width - 20.0 - BOX_W) / (used.len() - 1) as f64
    } else {
        0.0
    };
    let col_x = |c: usize| 10.0 + used.iter().position(|&u| u == c).unwrap_or(0) as f64 * gap;
    let row_y = |c: usize, i: usize| {
        let n = graph.columns[c].len() as f64;
        let top = (height - 30.0 - n * ROW) / 2.0 + 30.0;
        top + i as f64 * ROW
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"sources\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"sources-title\">\
         <title id=\"sources-title\">Which outlet cites whom</title>\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
         <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#5b6475\"/></marker></defs>"
    );
    for (c, head) in [(0, "Published by"), (1, "Through"), (2, "Origin")] {
        if !graph.columns[c].is_empty() {
            let _ = write!(
                svg,
                "<text class=\"tick\" x=\"{:.1}\" y=\"18\">{head}</text>",
                col_x(c)
            );
        }
    }
    for &((ca, ia), (cb, ib)) in &graph.edges {
        let (x1, y1) = (col_x(ca) + BOX_W, row_y(ca, ia) + BOX_H / 2.0);
        let (x2, y2) = (col_x(cb), row_y(cb, ib) + BOX_H / 2.0);
        let mid = (x1 + x2) / 2.0;
        let _ = write!(
            svg,
            "<path class=\"edge\" d=\"M {x1:.1} {y1:.1} C {mid:.1} {y1:.1}, {mid:.1} {y2:.1}, {x2:.1} {y2:.1}\" marker-end=\"url(#arrow)\"/>"
        );
    }
    for (c, class) in [(0, "outlet"), (1, "intermediary"), (2, "origin")] {
        for (i, n) in graph.columns[c].iter().enumerate() {
            let (x, y) = (col_x(c), row_y(c, i));
            let inner = format!(
                "<g class=\"node {class}\"><title>{name}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"5\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\">{short}</text></g>",
                x + 8.0,
                y + 18.5,
                name = esc(&n.name),
                short = esc(&clip(&n.name, 34)),
            );
            match &n.href {
                Some(h) => {
                    let _ = write!(svg, "<a href=\"{}\">{inner}</a>", esc(h));
                }
                None => svg.push_str(&inner),
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(
        date: &str,
        value: Option<f64>,
        min: Option<f64>,
        modality: Modality,
    ) -> TimelinePoint {
        TimelinePoint {
            date: Some(date.into()),
            as_of: None,
            value,
            min,
            max: None,
            modality,
            claim: format!("c{date}"),
            origin: "o1".into(),
        }
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2024-10-21T09:30:00Z"), days("2024-10-21"));
        for d in ["2024-02-29", "2000-01-01", "1999-12-31", "2026-07-13"] {
            assert_eq!(civil(days(d).unwrap()), d);
        }
        assert_eq!(days("2024-13-01"), None);
        assert_eq!(days("soon"), None);
    }

    #[test]
    fn one_point_per_dated_figure_coloured_by_modality() {
        let points = [
            point("2024-10-18", Some(1000.0), None, Modality::Actual),
            point("2024-10-21", None, Some(1500.0), Modality::Estimated),
            point("2024-10-23", Some(12000.0), None, Modality::Expected),
            TimelinePoint {
                date: None,
                ..point("x", Some(3.0), None, Modality::Actual)
            },
        ];
        let chart = timeline("troops", &points, |_| "NIS".into());
        assert_eq!((chart.drawn, chart.undated), (3, 1));
        assert_eq!(chart.svg.matches("<circle").count(), 3);
        assert!(chart.svg.contains("class=\"pt m-expected\""));
        assert!(chart.svg.contains("≥ 1,500 (estimated)"));
        assert!(!chart.svg.contains("log scale"));
        let spread = [
            point("2024-10-18", Some(2.0), None, Modality::Actual),
            point("2024-10-19", Some(1130.0), None, Modality::Actual),
        ];
        assert!(
            timeline("dead", &spread, |_| String::new())
                .svg
                .contains("log scale")
        );
    }

    #[test]
    fn figures_read_as_written() {
        assert_eq!(number(12000.0), "12,000");
        assert_eq!(number(1130.0), "1,130");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(figure(None, Some(30.0), Some(40.0)), "30–40");
        assert_eq!(figure(None, None, Some(100.0)), "≤ 100");
    }

    #[test]
    fn the_source_graph_draws_each_node_and_edge_once() {
        let mut g = Citations::default();
        let babel = g.node(
            0,
            Node {
                name: "Babel".into(),
                href: None,
            },
        );
        let wsj = g.node(
            1,
            Node {
                name: "The Wall Street Journal".into(),
                href: None,
            },
        );
        let src = g.node(
            2,
            Node {
                name: "a senior European intelligence source".into(),
                href: Some("/sources/o1".into()),
            },
        );
        g.edge(babel, wsj);
        g.edge(wsj, src);
        g.edge(babel, wsj);
        assert_eq!(
            g.node(
                0,
                Node {
                    name: "Babel".into(),
                    href: None
                }
            ),
            babel
        );
        let svg = citations(&g);
        assert_eq!(svg.matches("<path class=\"edge\"").count(), 2);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("<a href=\"/sources/o1\">"));
        assert!(svg.contains("a senior European intelligence so…"));
    }
}
