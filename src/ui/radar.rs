//! Radar charts on a page: the figure around an SVG from
//! [`chart::radar_svg`] (the chart, a caption, a legend when there are
//! several series), and the results page's chart of one assessment.
//!
//! The SVGs (charts and legend samples) are the only `inner_html` of these
//! pages: they hold numbers and the model's dimension names only.

use crate::chart::{self, SeriesStyle};
use leptos::prelude::*;
use maturity_engine::{Assessment, Model};

/// A radar chart in its figure: an optional legend above, the SVG, and a
/// caption pointing at the table beside it (the chart's text alternative,
/// with the SVG's own `aria-label`).
#[component]
pub fn RadarFigure(
    /// The figure's `data-testid`.
    testid: &'static str,
    /// The chart, from [`chart::radar_svg`].
    #[prop(into)]
    svg: Signal<String>,
    /// The outermost ring's level (the model's top level).
    top: u8,
    /// The legend, for charts with several series or a band.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let class = if children.is_some() {
        "radar__svg chart-series"
    } else {
        "radar__svg"
    };
    view! {
        <figure class="radar" data-testid=testid>
            {children.map(|legend| legend())}
            <div class=class inner_html=move || svg.get()></div>
            <figcaption class="radar__caption">
                {format!("Each axis is a dimension; the rings are levels 0 (centre) to {top} (edge). The table has the same numbers.")}
            </figcaption>
        </figure>
    }
}

/// Scores per dimension as a radar chart (the results page).
#[component]
pub fn RadarChart(
    /// The model, for dimension names.
    model: &'static Model,
    /// The scores to draw.
    #[prop(into)]
    assessment: Signal<Assessment>,
) -> impl IntoView {
    let svg = Memo::new(move |_| {
        let names = chart::dimension_names(model);
        let scores = assessment.with(chart::assessed_scores);
        chart::render_svg(&names, &scores, model.top_level())
    });
    view! { <RadarFigure testid="radar-chart" svg=svg top=model.top_level()/> }
}

/// The legend of a chart with several series or a band. Each sample is
/// drawn by [`chart::swatch_svg`] with the chart's own strokes and markers,
/// so the legend works without colour.
#[component]
pub fn ChartLegend(
    /// Entries: `(label, style)`.
    entries: Vec<(String, SeriesStyle)>,
    /// An extra entry for a shaded band, if the chart has one.
    #[prop(optional, into)]
    band: Option<String>,
) -> impl IntoView {
    let item = |swatch: String, label: String| {
        view! {
            <li class="legend__item">
                <span class="legend__swatch" inner_html=swatch></span>
                {label}
            </li>
        }
    };
    view! {
        <ul class="legend" aria-label="Legend">
            {band.map(|label| item(chart::band_swatch_svg(), label))}
            {entries
                .into_iter()
                .map(|(label, style)| item(chart::swatch_svg(&style), label))
                .collect_view()}
        </ul>
    }
}
