//! The radar chart component: the SVG from [`crate::chart`] plus a caption.

use crate::chart;
use leptos::prelude::*;
use maturity_engine::{Assessment, Model};

/// Scores per dimension as a radar chart. The SVG is the app's only
/// `inner_html`: it holds numbers and the model's dimension names only.
#[component]
pub fn RadarChart(
    /// The model, for dimension names.
    model: &'static Model,
    /// The scores to draw.
    #[prop(into)]
    assessment: Signal<Assessment>,
) -> impl IntoView {
    let svg = Memo::new(move |_| {
        let names: Vec<&str> = model.dimensions.iter().map(|d| d.name.as_str()).collect();
        let scores: Vec<Option<f64>> = assessment.with(|a| {
            a.dimensions
                .iter()
                .map(|d| d.assessed.then_some(d.score))
                .collect()
        });
        chart::render_svg(&names, &scores)
    });
    view! {
        <figure class="radar" data-testid="radar-chart">
            <div class="radar__svg" inner_html=move || svg.get()></div>
            <figcaption class="radar__caption">
                "Each axis is a dimension; the rings are levels 0 (centre) to 4 (edge). The table has the same numbers."
            </figcaption>
        </figure>
    }
}
