//! Drawing with plotters' `SVGBackend`: [`radar_svg`] draws every radar in
//! the app, and [`swatch_svg`] the legend's samples with the same strokes
//! and markers.
//!
//! Drawing into a `String` cannot fail; a failure would only lose the
//! picture, never the numbers (a table beside each chart has them), so the
//! results of `draw` are ignored.

use super::geometry::{self, Align, Frame, FRAME, LABEL_SIZE, RING_SIZE};
use super::style::{self, Colour, Marker, SeriesStyle, Stroke};
use super::{describe, escape, Radar};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// The colour plotters draws with: the light value (`style/pages.css`
/// swaps in the dark one).
fn rgb(c: Colour) -> RGBColor {
    RGBColor(c.light.0, c.light.1, c.light.2)
}

fn px(p: (f64, f64)) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

fn pxs(pts: &[(f64, f64)]) -> Vec<(i32, i32)> {
    pts.iter().copied().map(px).collect()
}

/// `pts` as a closed outline. The first corner is visited a second time and
/// the line goes on to the second, so it is joined like the others instead
/// of showing two line ends.
fn closed(pts: &[(i32, i32)], overlap: bool) -> Vec<(i32, i32)> {
    let mut out = pts.to_vec();
    out.extend(pts.first());
    if overlap {
        out.extend(pts.get(1));
    }
    out
}

/// An outline through `pts` in a series' stroke.
fn draw_line(root: &Area, pts: &[(i32, i32)], style: &SeriesStyle) {
    let shape = ShapeStyle::from(&rgb(style.colour)).stroke_width(style::LINE_WIDTH);
    let _ = match style.stroke {
        Stroke::Solid => root.draw(&PathElement::new(pts.to_vec(), shape)),
        Stroke::Dashed => {
            let (dash, gap) = style::DASH;
            root.draw(&DashedPathElement::new(
                pts.iter().copied(),
                dash,
                gap,
                shape,
            ))
        }
    };
}

/// A series' marker centred on `at`: a dot, or a hollow square (a square of
/// the series' colour with a smaller one of the background inside).
fn draw_marker(root: &Area, at: (i32, i32), style: &SeriesStyle) {
    let (x, y) = at;
    let s = style::MARKER_SIZE;
    let colour = rgb(style.colour);
    let _ = match style.marker {
        Marker::Circle => root.draw(&Circle::new(at, s, colour.filled())),
        Marker::Square => {
            let hole = s - style::MARKER_BORDER;
            let _ = root.draw(&Rectangle::new(
                [(x - s, y - s), (x + s, y + s)],
                colour.filled(),
            ));
            root.draw(&Rectangle::new(
                [(x - hole, y - hole), (x + hole, y + hole)],
                rgb(style::HOLE).filled(),
            ))
        }
    };
}

fn text_style(size: f64, colour: Colour, h: HPos) -> TextStyle<'static> {
    // plotters writes `size / 1.24` as the font size.
    (style::FONT, size * 1.24)
        .into_font()
        .color(&rgb(colour))
        .pos(Pos::new(h, VPos::Center))
}

/// Adds the chart's role, label (escaped) and focus behaviour to plotters'
/// `<svg>` tag.
fn with_attributes(svg: &str, attributes: &str) -> String {
    svg.replacen("<svg ", &format!("<svg {attributes} "), 1)
}

/// Draws a radar: rings and spokes, the band if any (beneath everything
/// else), each series in order (later ones on top: outline, then markers),
/// the ring numbers and the axis names. Returns SVG markup with
/// `role="img"` and an `aria-label` from [`describe`].
pub fn radar_svg(radar: &Radar) -> String {
    let f = Frame {
        max: f64::from(radar.top.max(1)),
        ..FRAME
    };
    let n = radar.names.len();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (f.width, f.height)).into_drawing_area();
        if let Some(b) = &radar.band {
            let colour = rgb(style::BAND);
            let shape = geometry::band_polygon(&f, b.low, b.high);
            let _ = root.draw(&Polygon::new(
                pxs(&shape),
                colour.mix(style::BAND_OPACITY).filled(),
            ));
            let (low, high) = geometry::band_edges(&f, b.low, b.high);
            for edge in [low, high] {
                let edge = closed(&pxs(&edge), true);
                let _ = root.draw(&PathElement::new(
                    edge,
                    colour.stroke_width(style::THIN_WIDTH),
                ));
            }
        }
        let grid = rgb(style::GRID).stroke_width(style::THIN_WIDTH);
        for level in geometry::ring_levels(&f) {
            let ring = closed(&pxs(&geometry::ring(&f, n, level)), false);
            let _ = root.draw(&PathElement::new(ring, grid));
        }
        for i in 0..n {
            let _ = root.draw(&PathElement::new(pxs(&geometry::axis_line(&f, i, n)), grid));
        }
        // The ring numbers, beneath the data: each on a patch of the
        // background that breaks its ring's line around it.
        for (level, at) in geometry::ring_numbers(&f, n) {
            let (x, y) = px(at);
            let (w, h) = (
                (RING_SIZE * 0.45).round() as i32,
                (RING_SIZE * 0.6).round() as i32,
            );
            let _ = root.draw(&Rectangle::new(
                [(x - w, y - h), (x + w, y + h)],
                rgb(style::HOLE).filled(),
            ));
            let text = text_style(RING_SIZE, style::RING_NUMBER, HPos::Center);
            let _ = root.draw(&Text::new(level.to_string(), (x, y), text));
        }
        for s in radar.series {
            let corners = pxs(&geometry::polygon(&f, s.values));
            if s.style.filled {
                let _ = root.draw(&Polygon::new(
                    corners.clone(),
                    rgb(s.style.colour).mix(style::FILL_OPACITY).filled(),
                ));
            }
            draw_line(&root, &closed(&corners, true), &s.style);
            for p in &corners {
                draw_marker(&root, *p, &s.style);
            }
        }
        for (i, name) in radar.names.iter().enumerate() {
            for line in geometry::label_lines(&f, i, n, name) {
                let h = match line.align {
                    Align::Start => HPos::Left,
                    Align::Middle => HPos::Center,
                    Align::End => HPos::Right,
                };
                let text = text_style(LABEL_SIZE, style::LABEL, h);
                let _ = root.draw(&Text::new(line.text, px(line.at), text));
            }
        }
        let _ = root.present();
    }
    let label = escape(&describe(radar));
    with_attributes(
        &svg,
        &format!("role=\"img\" aria-label=\"{label}\" focusable=\"false\""),
    )
}

/// Size of a legend sample.
pub const SWATCH: (u32, u32) = (40, 16);

/// A legend sample of a series: a stretch of its outline with one marker in
/// the middle, drawn as on the chart so the legend works without colour.
/// Decorative (`aria-hidden`): the legend's text says the same.
pub fn swatch_svg(style: &SeriesStyle) -> String {
    let (w, h) = SWATCH;
    let (w, mid) = (w as i32, h as i32 / 2);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SWATCH).into_drawing_area();
        draw_line(&root, &[(1, mid), (w - 1, mid)], style);
        draw_marker(&root, (w / 2, mid), style);
        let _ = root.present();
    }
    with_attributes(&svg, "aria-hidden=\"true\" focusable=\"false\"")
}

/// The legend sample of a band: a patch of its shade with its edge.
pub fn band_swatch_svg() -> String {
    let (w, h) = SWATCH;
    let (w, h) = (w as i32, h as i32);
    let colour = rgb(style::BAND);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SWATCH).into_drawing_area();
        let corners = [(1, 2), (w - 1, h - 2)];
        let _ = root.draw(&Rectangle::new(
            corners,
            colour.mix(style::BAND_OPACITY).filled(),
        ));
        let _ = root.draw(&Rectangle::new(
            corners,
            colour.stroke_width(style::THIN_WIDTH),
        ));
        let _ = root.present();
    }
    with_attributes(&svg, "aria-hidden=\"true\" focusable=\"false\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::style::{BLUE, DASHED_STYLE, ORANGE, PALETTE, SOLID_STYLE};
    use crate::chart::{render_svg, Band, Series};

    use crate::chart::TEST_NAMES as NAMES;

    /// The opening tags `<tag …>` in `svg`, in order.
    fn tags<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
        let open = format!("<{tag} ");
        svg.match_indices(&open)
            .map(|(at, _)| {
                let end = svg[at..].find('>').expect("a closed tag");
                &svg[at..at + end]
            })
            .collect()
    }

    fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        Some(&tag[start..start + tag[start..].find('"')?])
    }

    /// Outlines (polylines `LINE_WIDTH` wide) in colour `c`.
    fn outlines(svg: &str, c: Colour) -> Vec<&str> {
        let hex = c.light.hex();
        tags(svg, "polyline")
            .into_iter()
            .filter(|t| {
                attr(t, "stroke") == Some(hex.as_str())
                    && attr(t, "stroke-width") == Some(&style::LINE_WIDTH.to_string())
            })
            .collect()
    }

    fn then_and_now(then: &[Option<f64>], now: &[Option<f64>]) -> String {
        radar_svg(&Radar {
            top: 4,
            names: &NAMES,
            series: &[
                Series {
                    label: "Then",
                    values: then,
                    style: DASHED_STYLE,
                },
                Series {
                    label: "Now",
                    values: now,
                    style: SOLID_STYLE,
                },
            ],
            band: None,
        })
    }

    #[test]
    fn one_result_has_five_axes_five_rings_ring_numbers_and_names() {
        let svg = render_svg(
            &NAMES,
            &[Some(1.8), Some(0.0), Some(4.0), None, Some(2.5)],
            4,
        );
        // 5 rings (0 to 4) + 5 axes + 1 outline.
        assert_eq!(tags(&svg, "polyline").len(), 11);
        assert_eq!(outlines(&svg, BLUE).len(), 1);
        assert_eq!(tags(&svg, "circle").len(), 5, "a dot per axis");
        assert_eq!(tags(&svg, "polygon").len(), 1, "the fill");
        for level in 0..=4 {
            assert!(
                svg.contains(&format!(">\n{level}\n</text>")),
                "ring {level}"
            );
        }
        for word in ["People", "Technology", "Integration"] {
            assert!(svg.contains(&format!(">\n{word}\n</text>")), "{word}");
        }
        assert!(svg.starts_with(
            "<svg role=\"img\" aria-label=\"Radar chart of scores from 0 to 4: People 1.8, Model Creation 0.0,"
        ));
        assert!(svg.contains("Application Integration not assessed, Technology 2.5.\""));
        assert!(svg.contains(&format!("viewBox=\"0 0 {} {}\"", FRAME.width, FRAME.height)));
        // The ring numbers come before the data, so no value is hidden by
        // one.
        let first_number = svg.find(">\n0\n</text>").unwrap();
        assert!(svg.find("<circle ").unwrap() > first_number);
        assert!(tags(&svg, "polygon")
            .iter()
            .all(|p| svg.find(p).unwrap() > first_number));
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    }

    #[test]
    fn three_axes_and_levels_0_to_3_fill_the_same_frame() {
        let names = ["Governance", "Delivery", "Operations"];
        let svg = render_svg(&names, &[Some(3.0), Some(1.5), None], 3);
        // 4 rings (0 to 3) + 3 axes + 1 outline.
        assert_eq!(tags(&svg, "polyline").len(), 8);
        assert_eq!(tags(&svg, "circle").len(), 3, "a dot per axis");
        for level in 0..=3 {
            assert!(
                svg.contains(&format!(">\n{level}\n</text>")),
                "ring {level}"
            );
        }
        assert!(!svg.contains(">\n4\n</text>"), "no ring 4");
        // The top level reaches the outer ring.
        let circle = tags(&svg, "circle")[0];
        assert_eq!(
            (attr(circle, "cx").unwrap(), attr(circle, "cy").unwrap()),
            (
                FRAME.cx.to_string().as_str(),
                (FRAME.cy - FRAME.radius).to_string().as_str()
            )
        );
        assert!(svg.contains("aria-label=\"Radar chart of scores from 0 to 3: Governance 3.0,"));
    }

    #[test]
    fn the_outline_goes_through_each_score() {
        let svg = render_svg(
            &NAMES,
            &[Some(4.0), Some(2.0), None, Some(1.0), Some(9.0)],
            4,
        );
        let line = outlines(&svg, BLUE)[0];
        let points: Vec<&str> = attr(line, "points").unwrap().split_whitespace().collect();
        // Clockwise from the top, closed, and on to the second corner again.
        let at = |i: usize, v: f64| {
            let (x, y) = px(geometry::point(&FRAME, i, 5, v));
            format!("{x},{y}")
        };
        assert_eq!(points[0], at(0, 4.0), "People 4 on the outer ring");
        assert_eq!(
            points[0],
            format!("{},{}", FRAME.cx, FRAME.cy - FRAME.radius)
        );
        assert_eq!(points[2], at(2, 0.0), "not assessed on the inner ring");
        assert_eq!(points[5..], points[..2]);
        let circle = tags(&svg, "circle")[0];
        assert_eq!(
            format!(
                "{},{}",
                attr(circle, "cx").unwrap(),
                attr(circle, "cy").unwrap()
            ),
            at(0, 4.0)
        );
    }

    #[test]
    fn series_differ_without_colour() {
        assert_ne!(SOLID_STYLE.stroke, DASHED_STYLE.stroke);
        assert_ne!(SOLID_STYLE.marker, DASHED_STYLE.marker);
        let then = [Some(1.0), Some(1.0), Some(2.0), None, Some(0.5)];
        let now = [Some(2.0), Some(1.5), Some(2.0), Some(1.0), Some(3.0)];
        let svg = then_and_now(&then, &now);
        assert!(outlines(&svg, ORANGE).len() > 5, "then is dashed");
        assert_eq!(outlines(&svg, BLUE).len(), 1, "now is one solid line");
        assert_eq!(tags(&svg, "circle").len(), 5, "round markers for now");
        // Hollow squares for then: a square and its hole per axis (after
        // the five ring numbers' patches).
        let rects = tags(&svg, "rect");
        assert_eq!(rects.len(), 5 + 10);
        let hexes: Vec<_> = rects.iter().map(|r| attr(r, "fill").unwrap()).collect();
        assert_eq!(
            hexes.iter().filter(|h| **h == ORANGE.light.hex()).count(),
            5
        );
        // 5 rings + 5 axes, as on the single chart; "then" has no fill.
        assert_eq!(
            tags(&svg, "polyline").len() - outlines(&svg, ORANGE).len(),
            11
        );
        assert_eq!(tags(&svg, "polygon").len(), 1);
        assert!(svg.starts_with(
            "<svg role=\"img\" aria-label=\"Radar chart of scores from 0 to 4. Then: People 1.0"
        ));
        assert!(svg.contains("Application Integration not assessed"));
        assert!(svg.contains(". Now: People 2.0"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn a_result_of_zeros_sits_on_the_inner_ring_with_its_markers_apart() {
        let svg = then_and_now(&[Some(0.0); 5], &[Some(4.0); 5]);
        let orange = ORANGE.light.hex();
        let squares: Vec<(i32, i32)> = tags(&svg, "rect")
            .into_iter()
            .filter(|r| attr(r, "fill") == Some(orange.as_str()))
            .map(|r| {
                let n = |k| attr(r, k).unwrap().parse::<i32>().unwrap();
                (n("x") + style::MARKER_SIZE, n("y") + style::MARKER_SIZE)
            })
            .collect();
        let want: Vec<(i32, i32)> = (0..5)
            .map(|i| px(geometry::point(&FRAME, i, 5, 0.0)))
            .collect();
        assert_eq!(squares, want);
        for (a, b) in squares.iter().zip(squares.iter().cycle().skip(1)) {
            let gap = f64::from((a.0 - b.0).pow(2) + (a.1 - b.1).pow(2)).sqrt();
            assert!(
                gap > f64::from(2 * style::MARKER_SIZE),
                "markers touch: {gap}"
            );
        }
    }

    #[test]
    fn band_is_drawn_beneath_the_median_and_described() {
        let low = [Some(0.5), Some(1.0), Some(1.0), None, Some(2.0)];
        let high = [Some(3.0), Some(2.5), Some(1.0), None, Some(4.0)];
        let mid = [Some(2.0), Some(2.0), Some(1.0), None, Some(3.0)];
        let svg = radar_svg(&Radar {
            top: 4,
            names: &NAMES,
            series: &[Series {
                label: "Median",
                values: &mid,
                style: SOLID_STYLE,
            }],
            band: Some(Band {
                label: "Range",
                low: &low,
                high: &high,
            }),
        });
        let polygons = tags(&svg, "polygon");
        assert_eq!(polygons.len(), 2, "the band and the median's fill");
        assert_eq!(attr(polygons[0], "opacity"), Some("0.2"));
        // The band goes round the high edge, then back round the low one.
        let corners = attr(polygons[0], "points")
            .unwrap()
            .split_whitespace()
            .count();
        assert_eq!(corners, 12);
        let band_at = svg.find(polygons[0]).unwrap();
        let median_at = svg.find(outlines(&svg, BLUE)[0]).unwrap();
        assert!(band_at < median_at, "the band is beneath the median");
        assert!(svg.contains(
            "Median: People 2.0, Model Creation 2.0, Model Release 1.0, Application Integration not assessed, Technology 3.0. Range: People 0.5 to 3.0"
        ));
    }

    #[test]
    fn every_colour_drawn_is_in_the_palette() {
        let v = [Some(1.0), Some(2.0), Some(3.0), None, Some(4.0)];
        let svg = radar_svg(&Radar {
            top: 4,
            names: &NAMES,
            series: &[
                Series {
                    label: "a",
                    values: &v,
                    style: DASHED_STYLE,
                },
                Series {
                    label: "b",
                    values: &v,
                    style: SOLID_STYLE,
                },
            ],
            band: Some(Band {
                label: "c",
                low: &v,
                high: &v,
            }),
        });
        let swatches = swatch_svg(&DASHED_STYLE) + &swatch_svg(&SOLID_STYLE) + &band_swatch_svg();
        let known: Vec<String> = PALETTE.iter().map(|c| c.light.hex()).collect();
        for doc in [&svg, &swatches] {
            for part in doc.split(['"']).filter(|p| p.starts_with('#')) {
                assert!(
                    known.iter().any(|k| k == part),
                    "{part} is not in the palette"
                );
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        let names = ["<script>x</script>", "a\"b", "c", "d", "e"];
        let v = [Some(1.0); 5];
        let one = render_svg(&names, &v, 4);
        let two = radar_svg(&Radar {
            top: 4,
            names: &names,
            series: &[Series {
                label: "<i>",
                values: &v,
                style: SOLID_STYLE,
            }],
            band: Some(Band {
                label: "<b>",
                low: &v,
                high: &v,
            }),
        });
        for svg in [one, two] {
            assert!(!svg.contains("<script>") && !svg.contains("<i>") && !svg.contains("<b>"));
            assert!(svg.contains("&lt;script&gt;"));
            assert!(!svg.contains("a\"b"));
        }
    }

    #[test]
    fn swatches_show_the_line_and_marker_of_their_series() {
        let dashed = swatch_svg(&DASHED_STYLE);
        assert!(outlines(&dashed, ORANGE).len() > 1, "dashes");
        assert_eq!(tags(&dashed, "rect").len(), 2, "a hollow square");
        let solid = swatch_svg(&SOLID_STYLE);
        assert_eq!(outlines(&solid, BLUE).len(), 1);
        assert_eq!(tags(&solid, "circle").len(), 1);
        let band = band_swatch_svg();
        assert_eq!(tags(&band, "rect").len(), 2, "shade and edge");
        for svg in [dashed, solid, band] {
            assert!(svg.starts_with("<svg aria-hidden=\"true\""));
            assert!(svg.contains("viewBox=\"0 0 40 16\""));
        }
    }
}
