//! The radar chart: geometry as pure functions, and the SVG text drawn from
//! it with plotters. No browser code here, so all of it is tested natively.
//!
//! The SVG is the one piece of markup the app inserts as HTML. It holds only
//! numbers and the model's dimension names (constants of the built-in
//! model); plotters escapes every text and attribute, and the accessible
//! label is escaped here too, so even a hostile name could not inject markup.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::PI;

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
const RING_SIZE: f64 = 13.0 * 1.24;
const LINE_HEIGHT: f64 = 19.0;

/// Angle of axis `i` of `n`, in radians: the first axis points straight up
/// and the others follow clockwise.
pub fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64
}

/// Where `value` lies on axis `i` of `n`; values are clamped to `0..=max`.
pub fn point(frame: &Frame, i: usize, n: usize, value: f64) -> (f64, f64) {
    let r = frame.radius * (value.clamp(0.0, frame.max) / frame.max);
    let a = axis_angle(i, n);
    (frame.cx + r * a.cos(), frame.cy + r * a.sin())
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
    let a = axis_angle(i, n);
    let (dx, dy) = (a.cos(), a.sin());
    // The top label keeps clear of the ring numbers on the first axis.
    let gap = if dy < -0.9 { 20.0 } else { 10.0 };
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
