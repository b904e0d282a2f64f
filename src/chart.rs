//! The radar chart: geometry as pure functions, and the SVG text drawn from
//! it with plotters. No browser code here, so all of it is tested natively.
//!
//! The SVG is the one piece of markup the app inserts as HTML. It holds only
//! numbers and the model's dimension names (constants of the built-in
//! model); plotters escapes every text and attribute, and the accessible
//! label is escaped here too, so even a hostile name could not inject markup.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::{FRAC_PI_2, PI};

/// Size and placement of the chart, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub cx: f64,
    pub cy: f64,
    /// Radius of the outermost ring (the highest level).
    pub radius: f64,
    /// Highest level: the value that reaches the outer ring.
    pub max: f64,
}

/// The frame used by the app: sized so that labels stay about 13 px tall when
/// the chart is drawn 320 px wide.
pub const FRAME: Frame = Frame {
    width: 420,
    height: 290,
    cx: 210.0,
    cy: 145.0,
    radius: 100.0,
    max: 4.0,
};

/// Label font size in user units (plotters writes `size / 1.24` as CSS px).
const LABEL_SIZE: f64 = 17.0 * 1.24;
const RING_SIZE: f64 = 15.0 * 1.24;
const LINE_HEIGHT: f64 = 19.0;

/// Angle of axis `i` of `n`, in radians: the first axis points straight up
/// and the others follow clockwise.
pub fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64
}

/// `(sin x, cos x)` for the chart's angles (|x| up to a few turns), within
/// 1e-15 of `f64::sin`/`cos`. `f64::sin` links libm's general argument
/// reduction (`rem_pio2`, about 5 KiB of wasm) for arguments up to 1e308;
/// a quarter-turn reduction and Taylor series on |r| <= pi/4 do here.
fn sin_cos(x: f64) -> (f64, f64) {
    let q = (x / FRAC_PI_2).round_ties_even();
    let r = x - q * FRAC_PI_2;
    let r2 = r * r;
    // Horner over 1/k!: the last terms are below 1e-19 for |r| <= pi/4.
    let (mut s, mut c) = (1.0, 1.0);
    for k in (1..=9).rev() {
        let k = f64::from(k);
        s = 1.0 - r2 / ((2.0 * k) * (2.0 * k + 1.0)) * s;
        c = 1.0 - r2 / ((2.0 * k - 1.0) * (2.0 * k)) * c;
    }
    let s = r * s;
    match (q as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Where `value` lies on axis `i` of `n`; values are clamped to `0..=max`.
pub fn point(frame: &Frame, i: usize, n: usize, value: f64) -> (f64, f64) {
    let r = frame.radius * (value.clamp(0.0, frame.max) / frame.max);
    let (sin, cos) = sin_cos(axis_angle(i, n));
    (frame.cx + r * cos, frame.cy + r * sin)
}

/// The corners of the ring for `level` (a polygon with one corner per axis).
pub fn ring(frame: &Frame, n: usize, level: f64) -> Vec<(f64, f64)> {
    (0..n).map(|i| point(frame, i, n, level)).collect()
}

/// Horizontal alignment of an axis label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Where the label of axis `i` goes: just beyond the outer ring, aligned
/// away from the centre so it never covers the chart. Returns the anchor of
/// the first line and whether the lines stack upward (labels above the
/// centre grow up, so they don't run into the chart).
pub fn label_anchor(frame: &Frame, i: usize, n: usize) -> ((f64, f64), Align, bool) {
    let (dy, dx) = sin_cos(axis_angle(i, n));
    // The top label keeps clear of the ring numbers on the first axis.
    let gap = if dy < -0.9 { 24.0 } else { 10.0 };
    let x = frame.cx + (frame.radius + gap) * dx;
    let y = frame.cy + (frame.radius + gap) * dy;
    let align = if dx > 0.3 {
        Align::Start
    } else if dx < -0.3 {
        Align::End
    } else {
        Align::Middle
    };
    (
        (x, y + if dy > 0.3 { 6.0 } else { 0.0 }),
        align,
        dy < -0.3 && align == Align::Middle,
    )
}

/// Splits a label into lines of whole words, each at most `max_chars` long
/// (a single longer word keeps its own line).
pub fn wrap(label: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max_chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Escapes text for an XML attribute or text node.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The sentence a screen reader hears for the chart.
pub fn describe(names: &[&str], scores: &[Option<f64>]) -> String {
    let parts: Vec<String> = names
        .iter()
        .zip(scores)
        .map(|(n, s)| match s {
            Some(s) => format!("{n} {s:.1}"),
            None => format!("{n} not assessed"),
        })
        .collect();
    format!("Radar chart of scores from 0 to 4: {}.", parts.join(", "))
}

// Colours; `style/` restyles them in dark mode by matching these values.
const GRID: RGBColor = RGBColor(0x8A, 0x8F, 0x98);
const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x57, 0x60, 0x6A);
const DATA: RGBColor = RGBColor(0x0B, 0x5C, 0xAD);

fn px(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

/// Draws the chart. `scores[i]` is `None` for a dimension that is not
/// assessed (drawn at the centre). Returns SVG markup with `role="img"` and
/// an `aria-label` built by [`describe`].
pub fn render_svg(names: &[&str], scores: &[Option<f64>]) -> String {
    let f = FRAME;
    let n = names.len();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (f.width, f.height)).into_drawing_area();
        // Drawing into a String cannot fail; a failure would only lose the
        // picture, never the numbers (the table has them), so errors are ignored.
        let grid = ShapeStyle::from(&GRID).stroke_width(1);
        for level in 1..=4 {
            let mut pts: Vec<(i32, i32)> =
                ring(&f, n, f64::from(level)).into_iter().map(px).collect();
            pts.push(pts[0]);
            let _ = root.draw(&PathElement::new(pts, grid));
        }
        for i in 0..n {
            let _ = root.draw(&PathElement::new(
                vec![px((f.cx, f.cy)), px(point(&f, i, n, f.max))],
                grid,
            ));
        }
        let data: Vec<(i32, i32)> = scores
            .iter()
            .enumerate()
            .map(|(i, s)| px(point(&f, i, n, s.unwrap_or(0.0))))
            .collect();
        let _ = root.draw(&Polygon::new(data.clone(), DATA.mix(0.22).filled()));
        let mut outline = data.clone();
        outline.push(data[0]);
        let _ = root.draw(&PathElement::new(
            outline,
            ShapeStyle::from(&DATA).stroke_width(3),
        ));
        for p in &data {
            let _ = root.draw(&Circle::new(*p, 4, DATA.filled()));
        }
        for level in 0..=4 {
            let (x, y) = point(&f, 0, n, f64::from(level));
            let style = ("sans-serif", RING_SIZE)
                .into_font()
                .color(&MUTED)
                .pos(Pos::new(HPos::Left, VPos::Center));
            let _ = root.draw(&Text::new(level.to_string(), px((x + 5.0, y - 7.0)), style));
        }
        for (i, name) in names.iter().enumerate() {
            let ((x, y), align, upward) = label_anchor(&f, i, n);
            let h = match align {
                Align::Start => HPos::Left,
                Align::Middle => HPos::Center,
                Align::End => HPos::Right,
            };
            let lines = wrap(name, 11);
            let count = lines.len() as f64;
            let top = if upward {
                y - (count - 1.0) * LINE_HEIGHT - 4.0
            } else {
                y - (count - 1.0) * LINE_HEIGHT / 2.0
            };
            let top = if align == Align::Middle && !upward {
                y + 8.0
            } else {
                top
            };
            for (k, line) in lines.into_iter().enumerate() {
                let style = ("sans-serif", LABEL_SIZE)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(h, VPos::Center));
                let _ = root.draw(&Text::new(
                    line,
                    px((x, top + k as f64 * LINE_HEIGHT)),
                    style,
                ));
            }
        }
        let _ = root.present();
    }
    let label = escape(&describe(names, scores));
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" focusable=\"false\" "),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // std is the reference here
    fn sin_cos_matches_std() {
        for k in -4000..=4000 {
            let x = f64::from(k) * PI / 1000.0;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-15, "sin {x}: {s} vs {}", x.sin());
            assert!((c - x.cos()).abs() < 1e-15, "cos {x}: {c} vs {}", x.cos());
        }
        for n in 1..=12 {
            for i in 0..n {
                let a = axis_angle(i, n);
                let (s, c) = sin_cos(a);
                assert!((s - a.sin()).abs() < 1e-15 && (c - a.cos()).abs() < 1e-15);
            }
        }
    }

    #[test]
    fn first_axis_points_up_and_values_scale_linearly() {
        let f = FRAME;
        assert!(close(point(&f, 0, 5, 4.0), (f.cx, f.cy - f.radius)));
        assert!(close(point(&f, 0, 5, 2.0), (f.cx, f.cy - f.radius / 2.0)));
        assert!(close(point(&f, 3, 5, 0.0), (f.cx, f.cy)));
        // Out-of-range values are clamped to the chart.
        assert!(close(point(&f, 2, 5, 9.0), point(&f, 2, 5, 4.0)));
        assert!(close(point(&f, 2, 5, -1.0), (f.cx, f.cy)));
    }

    #[test]
    fn rings_have_one_corner_per_axis_on_the_right_radius() {
        let f = FRAME;
        for level in 1..=4 {
            let r = ring(&f, 5, f64::from(level));
            assert_eq!(r.len(), 5);
            for (x, y) in r {
                let d = ((x - f.cx).powi(2) + (y - f.cy).powi(2)).sqrt();
                assert!((d - f.radius * f64::from(level) / 4.0).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn labels_sit_outside_and_align_away_from_the_centre() {
        let f = FRAME;
        let cases = [
            (0, Align::Middle),
            (1, Align::Start),
            (2, Align::Start),
            (3, Align::End),
            (4, Align::End),
        ];
        for (i, want) in cases {
            let ((x, y), align, _) = label_anchor(&f, i, 5);
            assert_eq!(align, want, "axis {i}");
            assert!(((x - f.cx).powi(2) + (y - f.cy).powi(2)).sqrt() > f.radius);
        }
    }

    #[test]
    fn labels_fit_inside_the_frame() {
        // ~0.6 em per character is a generous width for sans-serif.
        let f = FRAME;
        let names = [
            "People",
            "Model Creation",
            "Model Release",
            "Application Integration",
            "Technology",
        ];
        let em = LABEL_SIZE / 1.24;
        for (i, name) in names.iter().enumerate() {
            let ((x, _), align, _) = label_anchor(&f, i, 5);
            for line in wrap(name, 11) {
                let w = line.chars().count() as f64 * em * 0.6;
                let (left, right) = match align {
                    Align::Start => (x, x + w),
                    Align::End => (x - w, x),
                    Align::Middle => (x - w / 2.0, x + w / 2.0),
                };
                assert!(
                    left >= 0.0 && right <= f64::from(f.width),
                    "{line} at axis {i}: {left}..{right}"
                );
            }
        }
    }

    #[test]
    fn wraps_on_words() {
        assert_eq!(
            wrap("Application Integration", 11),
            ["Application", "Integration"]
        );
        assert_eq!(wrap("Model Release", 13), ["Model Release"]);
        assert_eq!(wrap("People", 3), ["People"]);
        assert!(wrap("", 5).is_empty());
    }

    #[test]
    fn svg_has_five_axes_four_rings_ring_labels_and_names() {
        let m = maturity_engine::builtin();
        let names: Vec<&str> = m.dimensions.iter().map(|d| d.name.as_str()).collect();
        let svg = render_svg(&names, &[Some(1.8), Some(0.0), Some(4.0), None, Some(2.5)]);
        // 4 rings + 5 axes + 1 data outline.
        assert_eq!(svg.matches("<polyline").count(), 10);
        for level in 0..=4 {
            assert!(
                svg.contains(&format!(">\n{level}\n</text>"))
                    || svg.contains(&format!(">{level}</text>")),
                "ring {level}"
            );
        }
        for word in ["People", "Technology", "Integration"] {
            assert!(svg.contains(word));
        }
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Radar chart"));
        assert!(svg.contains("Application Integration not assessed"));
        assert!(svg.contains("viewBox"));
    }

    #[test]
    fn text_is_escaped() {
        let svg = render_svg(
            &["<script>x</script>", "a\"b", "c", "d", "e"],
            &[Some(1.0); 5],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains("a\"b"));
    }
}

// ---------------------------------------------------------------------------
// Several series on one radar (then vs now), and a band (a team's range).
//
// Written by hand rather than with plotters: the band needs one path with an
// even-odd fill (the ring between the lowest and the highest polygon) and
// the series need dash patterns, neither of which plotters draws. The markup
// holds numbers, the fixed colours below and escaped names only.

/// How a series' outline is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    Dashed,
}

/// The shape drawn at each corner of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
}

/// How one series looks. Series differ in stroke *and* marker, so they can be
/// told apart without colour (printouts, colour blindness).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    pub stroke: Stroke,
    pub marker: Marker,
    /// An `#RRGGBB` colour; `style/pages.css` swaps it in dark mode.
    pub colour: &'static str,
    /// Whether the polygon gets a light fill.
    pub filled: bool,
}

/// "Now", the median of a team: solid outline, round markers, the app's blue.
pub const SOLID_STYLE: SeriesStyle = SeriesStyle {
    stroke: Stroke::Solid,
    marker: Marker::Circle,
    colour: "#0B5CAD",
    filled: true,
};

/// "Then": dashed outline, square markers, a dark orange (4.6:1 on white).
pub const DASHED_STYLE: SeriesStyle = SeriesStyle {
    stroke: Stroke::Dashed,
    marker: Marker::Square,
    colour: "#A04A00",
    filled: false,
};

/// Colour of a team's min–max band.
pub const BAND_COLOUR: &str = "#0B5CAD";

/// The dash pattern of [`Stroke::Dashed`] (SVG `stroke-dasharray`).
pub const DASH: &str = "7 5";

/// One polygon on a radar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series<'a> {
    /// Its name in the legend and the text alternative, e.g. "Then".
    pub label: &'a str,
    /// One value per axis; `None` (not assessed) is drawn at the centre.
    pub values: &'a [Option<f64>],
    pub style: SeriesStyle,
}

/// A range per axis, drawn as a filled ring between two polygons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band<'a> {
    /// Its name in the text alternative, e.g. "range from lowest to highest".
    pub label: &'a str,
    pub low: &'a [Option<f64>],
    pub high: &'a [Option<f64>],
}

/// The corners of a series: one per axis, `None` at the centre.
pub fn polygon(frame: &Frame, values: &[Option<f64>]) -> Vec<(f64, f64)> {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| point(frame, i, n, v.unwrap_or(0.0)))
        .collect()
}

/// A number for SVG markup: at most one decimal, no `-0`.
fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".to_owned()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

fn points_attr(pts: &[(f64, f64)]) -> String {
    pts.iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn closed_subpath(pts: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (k, (x, y)) in pts.iter().enumerate() {
        d.push(if k == 0 { 'M' } else { 'L' });
        d.push_str(&format!("{},{}", num(*x), num(*y)));
    }
    d.push('Z');
    d
}

/// SVG path data for a band: the `high` polygon, then the `low` one. Drawn
/// with `fill-rule="evenodd"` this fills only the ring between them (each
/// low corner is on the same axis as, and no further out than, its high
/// corner, so the low polygon lies inside the high one).
pub fn band_path(frame: &Frame, low: &[Option<f64>], high: &[Option<f64>]) -> String {
    let n = low.len().min(high.len());
    let (low, high): (Vec<Option<f64>>, Vec<Option<f64>>) = low[..n]
        .iter()
        .zip(&high[..n])
        .map(|(l, h)| match (l, h) {
            (Some(l), Some(h)) => (Some(l.min(*h)), Some(l.max(*h))),
            _ => (*l, *h),
        })
        .unzip();
    format!(
        "{} {}",
        closed_subpath(&polygon(frame, &high)),
        closed_subpath(&polygon(frame, &low))
    )
}

/// SVG markup for one marker centred on `at`.
pub fn marker_svg(marker: Marker, at: (f64, f64), colour: &str) -> String {
    match marker {
        Marker::Circle => format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{colour}\"/>",
            num(at.0),
            num(at.1)
        ),
        Marker::Square => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#FFFFFF\" stroke=\"{colour}\" stroke-width=\"2\"/>",
            num(at.0 - 4.5),
            num(at.1 - 4.5)
        ),
    }
}

/// The sentence a screen reader hears for a multi-series chart.
pub fn describe_series(names: &[&str], series: &[Series], band: Option<&Band>) -> String {
    let fmt = |v: &Option<f64>| match v {
        Some(s) => format!("{s:.1}"),
        None => "not assessed".to_owned(),
    };
    let mut parts: Vec<String> = series
        .iter()
        .map(|s| {
            let values: Vec<String> = names
                .iter()
                .zip(s.values)
                .map(|(n, v)| format!("{n} {}", fmt(v)))
                .collect();
            format!("{}: {}", s.label, values.join(", "))
        })
        .collect();
    if let Some(b) = band {
        let values: Vec<String> = names
            .iter()
            .zip(b.low.iter().zip(b.high))
            .map(|(n, (l, h))| match (l, h) {
                (Some(l), Some(h)) => format!("{n} {l:.1} to {h:.1}"),
                _ => format!("{n} not assessed"),
            })
            .collect();
        parts.push(format!("{}: {}", b.label, values.join(", ")));
    }
    format!("Radar chart of scores from 0 to 4. {}.", parts.join(". "))
}

/// Rings, axes, ring numbers and axis names, as in [`render_svg`].
fn grid_svg(f: &Frame, names: &[&str]) -> String {
    let n = names.len();
    let mut out = String::new();
    for level in 1..=4 {
        let mut pts = ring(f, n, f64::from(level));
        pts.push(pts[0]);
        out.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"#8A8F98\" stroke-width=\"1\" points=\"{}\"/>\n",
            points_attr(&pts)
        ));
    }
    for i in 0..n {
        let (x, y) = point(f, i, n, f.max);
        out.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"#8A8F98\" stroke-width=\"1\" points=\"{},{} {},{}\"/>\n",
            num(f.cx),
            num(f.cy),
            num(x),
            num(y)
        ));
    }
    for level in 0..=4 {
        let (x, y) = point(f, 0, n, f64::from(level));
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" dy=\"0.5ex\" text-anchor=\"start\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#57606A\">{level}</text>\n",
            num(x + 5.0),
            num(y - 7.0)
        ));
    }
    for (i, name) in names.iter().enumerate() {
        let ((x, y), align, upward) = label_anchor(f, i, n);
        let anchor = match align {
            Align::Start => "start",
            Align::Middle => "middle",
            Align::End => "end",
        };
        let lines = wrap(name, 11);
        let count = lines.len() as f64;
        let top = if align == Align::Middle && !upward {
            y + 8.0
        } else if upward {
            y - (count - 1.0) * LINE_HEIGHT - 4.0
        } else {
            y - (count - 1.0) * LINE_HEIGHT / 2.0
        };
        for (k, line) in lines.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" dy=\"0.5ex\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"17\" fill=\"#1F2328\">{}</text>\n",
                num(x),
                num(top + k as f64 * LINE_HEIGHT),
                escape(line)
            ));
        }
    }
    out
}

/// Draws several series (and optionally a band beneath them) on one radar.
/// Later series are drawn on top. Returns SVG markup with `role="img"` and
/// an `aria-label` built by [`describe_series`].
pub fn render_series_svg(names: &[&str], series: &[Series], band: Option<&Band>) -> String {
    let f = FRAME;
    let label = escape(&describe_series(names, series, band));
    let mut svg = format!(
        "<svg role=\"img\" aria-label=\"{label}\" focusable=\"false\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\n",
        w = f.width,
        h = f.height
    );
    svg.push_str(&grid_svg(&f, names));
    if let Some(b) = band {
        svg.push_str(&format!(
            "<path class=\"chart-band\" d=\"{}\" fill=\"{BAND_COLOUR}\" fill-opacity=\"0.2\" fill-rule=\"evenodd\" stroke=\"{BAND_COLOUR}\" stroke-width=\"1\" stroke-dasharray=\"2 3\"/>\n",
            band_path(&f, b.low, b.high)
        ));
    }
    for s in series {
        let pts = polygon(&f, s.values);
        if s.style.filled {
            svg.push_str(&format!(
                "<polygon fill=\"{}\" fill-opacity=\"0.15\" stroke=\"none\" points=\"{}\"/>\n",
                s.style.colour,
                points_attr(&pts)
            ));
        }
        let dash = match s.style.stroke {
            Stroke::Solid => String::new(),
            Stroke::Dashed => format!(" stroke-dasharray=\"{DASH}\""),
        };
        svg.push_str(&format!(
            "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\"{dash}/>\n",
            closed_subpath(&pts),
            s.style.colour
        ));
        for p in &pts {
            svg.push_str(&marker_svg(s.style.marker, *p, s.style.colour));
            svg.push('\n');
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod series_tests {
    use super::*;

    const NAMES: [&str; 5] = [
        "People",
        "Model Creation",
        "Model Release",
        "Application Integration",
        "Technology",
    ];

    fn dist(p: (f64, f64)) -> f64 {
        ((p.0 - FRAME.cx).powi(2) + (p.1 - FRAME.cy).powi(2)).sqrt()
    }

    #[test]
    fn polygon_has_a_corner_per_axis_at_the_value_radius() {
        let values = [Some(4.0), Some(2.0), None, Some(1.0), Some(9.0)];
        let pts = polygon(&FRAME, &values);
        assert_eq!(pts.len(), 5);
        let radii: Vec<f64> = pts.iter().map(|p| dist(*p)).collect();
        let want = [100.0, 50.0, 0.0, 25.0, 100.0];
        for (r, w) in radii.iter().zip(want) {
            assert!((r - w).abs() < 1e-9, "{radii:?}");
        }
    }

    #[test]
    fn band_path_is_the_high_polygon_then_the_low_one() {
        let low = [Some(1.0); 5];
        let high = [Some(3.0); 5];
        let d = band_path(&FRAME, &low, &high);
        let subpaths: Vec<&str> = d.split_whitespace().collect();
        assert_eq!(subpaths.len(), 2);
        assert_eq!(subpaths[0].matches(['M', 'L']).count(), 5);
        assert!(subpaths.iter().all(|s| s.ends_with('Z')));
        // Axis 0 points up: high at r = 75, low at r = 25.
        assert!(subpaths[0].starts_with("M210,70L"), "{d}");
        assert!(subpaths[1].starts_with("M210,120L"), "{d}");
        // Swapped bounds are put right, so the band never turns inside out.
        assert_eq!(band_path(&FRAME, &high, &low), d);
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(210.0), "210");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-3.96), "-4");
    }

    #[test]
    fn series_differ_without_colour() {
        assert_ne!(SOLID_STYLE.stroke, DASHED_STYLE.stroke);
        assert_ne!(SOLID_STYLE.marker, DASHED_STYLE.marker);
        let then = [Some(1.0), Some(1.0), Some(2.0), None, Some(0.5)];
        let now = [Some(2.0), Some(1.5), Some(2.0), Some(1.0), Some(3.0)];
        let svg = render_series_svg(
            &NAMES,
            &[
                Series {
                    label: "Then",
                    values: &then,
                    style: DASHED_STYLE,
                },
                Series {
                    label: "Now",
                    values: &now,
                    style: SOLID_STYLE,
                },
            ],
            None,
        );
        assert_eq!(
            svg.matches(&format!("stroke-dasharray=\"{DASH}\"")).count(),
            1
        );
        assert_eq!(svg.matches("<circle").count(), 5, "round markers for now");
        assert_eq!(svg.matches("<rect").count(), 5, "square markers for then");
        // 4 rings + 5 axes, as on the single chart.
        assert_eq!(svg.matches("<polyline").count(), 9);
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Radar chart"));
        assert!(svg.contains("Then: People 1.0"));
        assert!(svg.contains("Application Integration not assessed"));
        assert!(svg.contains("Now: People 2.0"));
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn band_is_drawn_beneath_the_median_and_described() {
        let low = [Some(0.5), Some(1.0), Some(1.0), None, Some(2.0)];
        let high = [Some(3.0), Some(2.5), Some(1.0), None, Some(4.0)];
        let mid = [Some(2.0), Some(2.0), Some(1.0), None, Some(3.0)];
        let band = Band {
            label: "Range",
            low: &low,
            high: &high,
        };
        let svg = render_series_svg(
            &NAMES,
            &[Series {
                label: "Median",
                values: &mid,
                style: SOLID_STYLE,
            }],
            Some(&band),
        );
        let band_at = svg.find("fill-rule=\"evenodd\"").expect("a band");
        let median_at = svg.find("stroke-width=\"3\"").expect("a median outline");
        assert!(band_at < median_at, "the band is beneath the median");
        assert!(svg.contains("Range: People 0.5 to 3.0"));
        assert!(svg.contains("Application Integration not assessed"));
    }

    #[test]
    fn names_are_escaped_in_labels_and_text() {
        let names = ["<b>x</b>", "a\"b", "c", "d", "e"];
        let v = [Some(1.0); 5];
        let svg = render_series_svg(
            &names,
            &[Series {
                label: "<i>",
                values: &v,
                style: SOLID_STYLE,
            }],
            None,
        );
        assert!(!svg.contains("<b>") && !svg.contains("<i>"));
        assert!(svg.contains("&lt;b&gt;x&lt;/b&gt;"));
        assert!(!svg.contains("a\"b"));
    }
}

/// The model's dimension names, in axis order.
pub fn dimension_names(model: &maturity_engine::Model) -> Vec<&str> {
    model.dimensions.iter().map(|d| d.name.as_str()).collect()
}

/// The scores to draw for an assessment: `None` for a dimension not assessed.
pub fn assessed_scores(assessment: &maturity_engine::Assessment) -> Vec<Option<f64>> {
    assessment
        .dimensions
        .iter()
        .map(|d| d.assessed.then_some(d.score))
        .collect()
}
