//! Radar charts: every radar in the app (a result, then vs now, a team) is
//! drawn by [`radar_svg`] from a [`Radar`]: axis names, one or more series
//! with their styles, and an optional band.
//!
//! - [`geometry`]: where everything goes, as pure functions.
//! - [`style`]: every colour (light and dark), width, marker and dash.
//! - [`render`]: the drawing, with plotters' `SVGBackend`.
//!
//! No browser code here, so all of it is tested natively. The SVG is
//! inserted as HTML; it holds only numbers and the model's dimension names
//! (constants of the built-in model). plotters escapes every text and
//! attribute, and the accessible label is escaped here too, so even a
//! hostile name could not inject markup.

pub mod geometry;
pub mod render;
pub mod style;

pub use geometry::{Frame, FRAME};
pub use render::{band_swatch_svg, radar_svg, swatch_svg};
pub use style::{SeriesStyle, DASHED_STYLE, SOLID_STYLE};

/// One polygon on a radar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series<'a> {
    /// Its name in the text alternative, e.g. "Then".
    pub label: &'a str,
    /// One value per axis; `None` (not assessed) is drawn at the centre.
    pub values: &'a [Option<f64>],
    pub style: SeriesStyle,
}

/// A range per axis, drawn as a shaded ring between two polygons.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band<'a> {
    /// Its name in the text alternative, e.g. "Range from lowest to highest".
    pub label: &'a str,
    pub low: &'a [Option<f64>],
    pub high: &'a [Option<f64>],
}

/// What a radar shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Radar<'a> {
    /// The axes' names, clockwise from the top.
    pub names: &'a [&'a str],
    /// Drawn in order, later ones on top.
    pub series: &'a [Series<'a>],
    /// Drawn beneath the series.
    pub band: Option<Band<'a>>,
    /// The model's top level: the value that reaches the outer ring.
    pub top: u8,
}

/// The chart of one assessment's scores (the results page and its SVG and
/// PNG downloads). `scores[i]` is `None` for a dimension not assessed;
/// `top` is the model's top level.
pub fn render_svg(names: &[&str], scores: &[Option<f64>], top: u8) -> String {
    radar_svg(&Radar {
        names,
        series: &[Series {
            label: "Scores",
            values: scores,
            style: SOLID_STYLE,
        }],
        band: None,
        top,
    })
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

/// The sentence a screen reader hears for a chart. A single series without
/// a band is read as its values alone ("People 1.8, …"); otherwise each
/// series and the band are named ("Then: People 1.8, …. Now: …").
pub fn describe(radar: &Radar) -> String {
    let value = |v: &Option<f64>| match v {
        Some(s) => format!("{s:.1}"),
        None => "not assessed".to_owned(),
    };
    let values = |vs: &[Option<f64>]| {
        radar
            .names
            .iter()
            .zip(vs)
            .map(|(n, v)| format!("{n} {}", value(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let ([only], None) = (radar.series, &radar.band) {
        return format!(
            "Radar chart of scores from 0 to {}: {}.",
            radar.top,
            values(only.values)
        );
    }
    let mut parts: Vec<String> = radar
        .series
        .iter()
        .map(|s| format!("{}: {}", s.label, values(s.values)))
        .collect();
    if let Some(b) = &radar.band {
        let ranges: Vec<String> = radar
            .names
            .iter()
            .zip(b.low.iter().zip(b.high))
            .map(|(n, (l, h))| match (l, h) {
                (Some(l), Some(h)) => format!("{n} {l:.1} to {h:.1}"),
                _ => format!("{n} not assessed"),
            })
            .collect();
        parts.push(format!("{}: {}", b.label, ranges.join(", ")));
    }
    format!(
        "Radar chart of scores from 0 to {}. {}.",
        radar.top,
        parts.join(". ")
    )
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

/// The built-in model's dimension names, for the chart modules' tests.
#[cfg(test)]
pub(crate) const TEST_NAMES: [&str; 5] = [
    "People",
    "Model Creation",
    "Model Release",
    "Application Integration",
    "Technology",
];
