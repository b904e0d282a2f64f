//! Where everything on a radar goes: pure functions of the frame, the number
//! of axes and the values, in SVG user units. Nothing here draws.

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
    /// Radius of the innermost ring (level 0): values start there, not at
    /// the centre, so that low values on neighbouring axes stay apart.
    pub inner: f64,
    /// Highest level: the value that reaches the outer ring.
    pub max: f64,
}

/// The frame used by the app: as large a plot as the axis names leave
/// room for (they stay about 12 px tall when the chart is drawn 340 px
/// wide, on a phone).
pub const FRAME: Frame = Frame {
    width: 450,
    height: 285,
    cx: 225.0,
    cy: 150.0,
    radius: 122.0,
    inner: 14.0,
    max: 4.0,
};

/// Corners of a polygon or points of a line, in user units.
pub type Points = Vec<(f64, f64)>;

/// Font size of the axis names, in user units.
pub const LABEL_SIZE: f64 = 16.0;
/// Font size of the ring numbers, in user units.
pub const RING_SIZE: f64 = 14.0;
/// Distance between the lines of a wrapped axis name.
pub const LINE_HEIGHT: f64 = 18.0;
/// Longest line of an axis name, in characters, before it wraps.
pub const WRAP_CHARS: usize = 11;

/// Angle of axis `i` of `n`, in radians: the first axis points straight up
/// and the others follow clockwise.
pub fn axis_angle(i: usize, n: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * i as f64 / n.max(1) as f64
}

/// `(sin x, cos x)` for the chart's angles (|x| up to a few turns), within
/// 1e-15 of `f64::sin`/`cos`. `f64::sin` links libm's general argument
/// reduction (`rem_pio2`, about 5 KiB of wasm) for arguments up to 1e308;
/// a quarter-turn reduction and Taylor series on |r| <= pi/4 do here.
pub fn sin_cos(x: f64) -> (f64, f64) {
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

/// How far from the centre `value` lies: `inner` for 0, `radius` for the
/// highest level, linear between; values are clamped to `0..=max`.
pub fn value_radius(frame: &Frame, value: f64) -> f64 {
    frame.inner + (frame.radius - frame.inner) * (value.clamp(0.0, frame.max) / frame.max)
}

/// The point at distance `r` from the centre in direction `angle`.
fn polar(frame: &Frame, angle: f64, r: f64) -> (f64, f64) {
    let (sin, cos) = sin_cos(angle);
    (frame.cx + r * cos, frame.cy + r * sin)
}

/// Where `value` lies on axis `i` of `n`.
pub fn point(frame: &Frame, i: usize, n: usize, value: f64) -> (f64, f64) {
    polar(frame, axis_angle(i, n), value_radius(frame, value))
}

/// The corners of the ring for `level` (a polygon with one corner per axis).
pub fn ring(frame: &Frame, n: usize, level: f64) -> Vec<(f64, f64)> {
    (0..n).map(|i| point(frame, i, n, level)).collect()
}

/// The levels that get a ring: 0 (the small inner ring) to the highest.
pub fn ring_levels(frame: &Frame) -> impl Iterator<Item = f64> {
    (0..=frame.max as u32).map(f64::from)
}

/// The spoke of axis `i` of `n`: from the inner ring to the outer one.
pub fn axis_line(frame: &Frame, i: usize, n: usize) -> [(f64, f64); 2] {
    [point(frame, i, n, 0.0), point(frame, i, n, frame.max)]
}

/// The ring numbers 0 to max, centred on their rings halfway between the
/// first two axes, where no value's marker can sit (markers lie on the
/// axes); the chart draws them beneath the data.
pub fn ring_numbers(frame: &Frame, n: usize) -> Vec<(u32, (f64, f64))> {
    let n = n.max(3);
    let half = PI / n as f64;
    let angle = axis_angle(0, n) + half;
    // A ring's edge passes the bisector at cos(half) of its corner radius.
    let (_, shrink) = sin_cos(half);
    (0..=frame.max as u32)
        .map(|level| {
            let r = value_radius(frame, f64::from(level)) * shrink;
            (level, polar(frame, angle, r))
        })
        .collect()
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
    let gap = if dy < -0.9 { 14.0 } else { 10.0 };
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

/// One line of an axis name, placed: its text, the point its `align` edge
/// sits on (vertically centred on it).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelLine {
    pub text: String,
    pub at: (f64, f64),
    pub align: Align,
}

/// The name of axis `i` of `n`, wrapped and placed line by line around
/// [`label_anchor`]: stacked upward above the centre, downward below it,
/// and centred on the anchor at the sides.
pub fn label_lines(frame: &Frame, i: usize, n: usize, name: &str) -> Vec<LabelLine> {
    let ((x, y), align, upward) = label_anchor(frame, i, n);
    let lines = wrap(name, WRAP_CHARS);
    let extra = lines.len().saturating_sub(1) as f64 * LINE_HEIGHT;
    let top = if align == Align::Middle && !upward {
        y + 8.0
    } else if upward {
        y - extra - 4.0
    } else {
        y - extra / 2.0
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(k, text)| LabelLine {
            text,
            at: (x, top + k as f64 * LINE_HEIGHT),
            align,
        })
        .collect()
}

/// The corners of a series: one per axis, `None` (not assessed) at the centre.
pub fn polygon(frame: &Frame, values: &[Option<f64>]) -> Vec<(f64, f64)> {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| point(frame, i, n, v.unwrap_or(0.0)))
        .collect()
}

/// The two edges of a band: `(low, high)` polygons, with each axis's bounds
/// put in order, so the low polygon lies inside the high one (both have a
/// corner on every axis, and each low corner is no further out).
pub fn band_edges(frame: &Frame, low: &[Option<f64>], high: &[Option<f64>]) -> (Points, Points) {
    let n = low.len().min(high.len());
    let (low, high): (Vec<Option<f64>>, Vec<Option<f64>>) = low[..n]
        .iter()
        .zip(&high[..n])
        .map(|(l, h)| match (l, h) {
            (Some(l), Some(h)) => (Some(l.min(*h)), Some(l.max(*h))),
            _ => (*l, *h),
        })
        .unzip();
    (polygon(frame, &low), polygon(frame, &high))
}

/// The band as one simple polygon that covers only the ring between its
/// edges: around the high edge, along the first axis to the low edge, back
/// around the low edge the other way, and out again. The inner loop winds
/// against the outer one, so a nonzero fill leaves the inside empty; the
/// two crossings along the first axis cancel (no area) and lie under its
/// spoke.
pub fn band_polygon(frame: &Frame, low: &[Option<f64>], high: &[Option<f64>]) -> Vec<(f64, f64)> {
    let (low, high) = band_edges(frame, low, high);
    let (Some(&h0), Some(&l0)) = (high.first(), low.first()) else {
        return Vec::new();
    };
    let mut pts = high;
    pts.push(h0);
    pts.push(l0);
    pts.extend(low[1..].iter().rev());
    pts.push(l0);
    pts
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::chart::TEST_NAMES as NAMES;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    fn dist(p: (f64, f64)) -> f64 {
        ((p.0 - FRAME.cx).powi(2) + (p.1 - FRAME.cy).powi(2)).sqrt()
    }

    /// Twice the signed area (shoelace); positive is clockwise on screen.
    fn area2(pts: &[(f64, f64)]) -> f64 {
        (0..pts.len())
            .map(|k| {
                let (a, b) = (pts[k], pts[(k + 1) % pts.len()]);
                a.0 * b.1 - b.0 * a.1
            })
            .sum()
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
    fn first_axis_points_up_and_values_scale_linearly_from_the_inner_ring() {
        let f = FRAME;
        assert!(close(point(&f, 0, 5, 4.0), (f.cx, f.cy - f.radius)));
        let mid = (f.inner + f.radius) / 2.0;
        assert!(close(point(&f, 0, 5, 2.0), (f.cx, f.cy - mid)));
        assert!(close(point(&f, 0, 5, 0.0), (f.cx, f.cy - f.inner)));
        for i in 0..5 {
            assert!((dist(point(&f, i, 5, 0.0)) - f.inner).abs() < 1e-9);
        }
        // Out-of-range values are clamped to the chart.
        assert!(close(point(&f, 2, 5, 9.0), point(&f, 2, 5, 4.0)));
        assert!(close(point(&f, 2, 5, -1.0), point(&f, 2, 5, 0.0)));
        assert_eq!(
            axis_line(&f, 0, 5),
            [(f.cx, f.cy - f.inner), (f.cx, f.cy - f.radius)]
        );
    }

    #[test]
    fn zeros_on_neighbouring_axes_stay_apart() {
        // Two markers of 2 × MARKER_SIZE must not touch.
        let f = FRAME;
        let (a, b) = (point(&f, 0, 5, 0.0), point(&f, 1, 5, 0.0));
        let gap = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        assert!(
            gap > 2.0 * f64::from(crate::chart::style::MARKER_SIZE),
            "{gap}"
        );
    }

    #[test]
    fn rings_have_one_corner_per_axis_on_the_right_radius() {
        let f = FRAME;
        assert_eq!(
            ring_levels(&f).collect::<Vec<_>>(),
            [0.0, 1.0, 2.0, 3.0, 4.0]
        );
        for level in ring_levels(&f) {
            let r = ring(&f, 5, level);
            assert_eq!(r.len(), 5);
            for p in r {
                assert!((dist(p) - value_radius(&f, level)).abs() < 1e-9);
            }
        }
        assert_eq!(value_radius(&f, 0.0), f.inner);
        assert_eq!(value_radius(&f, 4.0), f.radius);
    }

    #[test]
    fn ring_numbers_sit_on_their_rings_clear_of_the_axes() {
        let f = FRAME;
        let numbers = ring_numbers(&f, 5);
        assert_eq!(
            numbers.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        let second = point(&f, 1, 5, 4.0);
        for (level, at) in numbers {
            // On the ring's edge between the first two axes: the midpoint
            // of that edge.
            let (a, b) = (
                point(&f, 0, 5, f64::from(level)),
                point(&f, 1, 5, f64::from(level)),
            );
            assert!(
                close(at, ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)),
                "ring {level}: {at:?}"
            );
            // Right of the first axis, left of the second: off every spoke
            // by more than a number's half width.
            let half = RING_SIZE * 0.45;
            assert!(at.0 - f.cx > half, "ring {level} clear of the first axis");
            let cross = (second.0 - f.cx) * (at.1 - f.cy) - (second.1 - f.cy) * (at.0 - f.cx);
            let off = cross.abs() / dist(second);
            assert!(off > half, "ring {level} clear of the second axis: {off}");
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
            assert!(dist((x, y)) > f.radius);
        }
    }

    #[test]
    fn label_lines_stack_away_from_the_chart() {
        let f = FRAME;
        // The top name grows upward: its last line is nearest the chart.
        let top = label_lines(&f, 0, 5, "Application Integration");
        assert_eq!(top.len(), 2);
        assert!(top[1].at.1 - top[0].at.1 == LINE_HEIGHT);
        assert!(top[1].at.1 < f.cy - f.radius, "{top:?}");
        // A side name is centred on its anchor.
        let side = label_lines(&f, 1, 5, "Model Creation");
        let ((_, y), _, _) = label_anchor(&f, 1, 5);
        assert!(((side[0].at.1 + side[1].at.1) / 2.0 - y).abs() < 1e-9);
        assert!(side.iter().all(|l| l.align == Align::Start));
        // Every line stays outside the outer ring.
        for (i, name) in NAMES.iter().enumerate() {
            for line in label_lines(&f, i, 5, name) {
                assert!(dist(line.at) > f.radius, "{line:?}");
            }
        }
    }

    #[test]
    fn labels_fit_inside_the_frame() {
        // ~0.6 em per character is a generous width for sans-serif.
        let f = FRAME;
        for (i, name) in NAMES.iter().enumerate() {
            for line in label_lines(&f, i, 5, name) {
                let w = line.text.chars().count() as f64 * LABEL_SIZE * 0.6;
                let x = line.at.0;
                let (left, right) = match line.align {
                    Align::Start => (x, x + w),
                    Align::End => (x - w, x),
                    Align::Middle => (x - w / 2.0, x + w / 2.0),
                };
                assert!(
                    left >= 0.0 && right <= f64::from(f.width),
                    "{} at axis {i}: {left}..{right}",
                    line.text
                );
                let y = line.at.1;
                assert!(y - LABEL_SIZE / 2.0 >= 0.0 && y + LABEL_SIZE / 2.0 <= f64::from(f.height));
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
    fn polygon_has_a_corner_per_axis_at_the_value_radius() {
        let values = [Some(4.0), Some(2.0), None, Some(1.0), Some(9.0)];
        let pts = polygon(&FRAME, &values);
        assert_eq!(pts.len(), 5);
        let radii: Vec<f64> = pts.iter().map(|p| dist(*p)).collect();
        let want = [4.0, 2.0, 0.0, 1.0, 4.0].map(|v| value_radius(&FRAME, v));
        for (r, w) in radii.iter().zip(want) {
            assert!((r - w).abs() < 1e-9, "{radii:?}");
        }
    }

    #[test]
    fn band_edges_put_each_axis_in_order() {
        let low = [Some(1.0), Some(3.0), Some(2.0)];
        let high = [Some(3.0), Some(1.0), Some(2.0)];
        let (l, h) = band_edges(&FRAME, &low, &high);
        let radii = |pts: &[(f64, f64)]| pts.iter().map(|p| dist(*p).round()).collect::<Vec<_>>();
        let r = |v: f64| value_radius(&FRAME, v).round();
        assert_eq!(radii(&l), [r(1.0), r(1.0), r(2.0)]);
        assert_eq!(radii(&h), [r(3.0), r(3.0), r(2.0)]);
    }

    #[test]
    fn band_polygon_covers_only_the_ring_between_its_edges() {
        let low = [Some(1.0); 5];
        let high = [Some(3.0); 5];
        let pts = band_polygon(&FRAME, &low, &high);
        // High corners, back to the first, across to the low edge, the low
        // corners the other way round, back to its first.
        assert_eq!(pts.len(), 5 + 1 + 1 + 4 + 1);
        assert!(close(pts[0], point(&FRAME, 0, 5, 3.0)), "{pts:?}");
        assert!(close(pts[5], pts[0]));
        assert!(close(pts[6], point(&FRAME, 0, 5, 1.0)));
        assert!(close(*pts.last().unwrap(), pts[6]));
        // Its area is the outer pentagon's less the inner one's: the inner
        // loop is wound the other way, so the inside is not filled.
        let outer = area2(&ring(&FRAME, 5, 3.0));
        let inner = area2(&ring(&FRAME, 5, 1.0));
        assert!(outer > 0.0 && inner > 0.0);
        assert!((area2(&pts) - (outer - inner)).abs() < 1e-6);
        // Swapped bounds give the same band; no axes give no band.
        assert_eq!(band_polygon(&FRAME, &high, &low), pts);
        assert!(band_polygon(&FRAME, &[], &[]).is_empty());
    }
}
