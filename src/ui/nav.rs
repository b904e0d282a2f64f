//! The site's page links (your results, saved results, compare, team) in
//! the header. Each link says what its page's title says.

use crate::route::Route;
use crate::state::use_app;
use leptos::prelude::*;

/// Links to the results and to the pages that work across results, the
/// current one marked with `aria-current="page"`.
#[component]
pub fn SiteNav() -> impl IntoView {
    let state = use_app();
    let link = move |href: &'static str, label: &'static str, here: fn(&Route) -> bool| {
        view! {
            <a
                class="site-nav__link"
                href=href
                aria-current=move || state.route.with(here).then_some("page")
            >
                {label}
            </a>
        }
    };
    view! {
        <nav class="site-nav" aria-label="Pages">
            {link("#/results", "Your results", |r| *r == Route::Results)}
            {link("#/history", "Saved results", |r| *r == Route::History)}
            {link("#/compare", "Compare", |r| matches!(r, Route::Compare(_)))}
            {link("#/team", "Team", |r| matches!(r, Route::Team(_)))}
        </nav>
    }
}
