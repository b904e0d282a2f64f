//! Pages that are loaded on demand (issue #4's first-load budget).
//!
//! The start page and the questionnaire are in the main wasm module. The
//! results (own and shared), compare, team and history pages are each split
//! into a chunk of their own by `wasm-split-cli` (see
//! `scripts/postbuild.mjs`), fetched the first time the page is opened. The
//! service worker precaches every chunk, so they work offline after the first
//! visit.
//!
//! With the `split` feature off (tests, native builds) the same functions are
//! plain calls, so behaviour is identical and only the packaging differs.
//!
//! A chunk that cannot be fetched (a deploy removed it, the network is gone
//! and nothing is cached) gives a [`LoadError`] and a message with a reload
//! button, never a crash.

use crate::route::Route;
use crate::state::use_app;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A page's code could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for LoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        LoadError
    }
}

/// A page being loaded. Boxed, so [`lazy_page`] is compiled once and not
/// once per page (6 copies of its future cost 12 KB of the main module).
pub type PageFuture = Pin<Box<dyn Future<Output = Result<AnyView, LoadError>>>>;

/// Declares a page split into the chunk `$chunk`: `$name` is the
/// synchronous builder (in the chunk), `$load` the async loader the router
/// calls.
macro_rules! split_page {
    ($chunk:ident, $load:ident, $name:ident($($arg:ident: $ty:ty),*) $body:block) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $name($($arg: $ty),*) -> Result<AnyView, LoadError> {
            Ok($body)
        }

        #[doc = concat!("Loads the `", stringify!($chunk), "` chunk and builds the page.")]
        pub fn $load($($arg: $ty),*) -> PageFuture {
            Box::pin(async move {
                #[cfg(feature = "split")]
                {
                    $name($($arg),*).await
                }
                #[cfg(not(feature = "split"))]
                {
                    $name($($arg),*)
                }
            })
        }
    };
}

split_page!(results, own_results, own_results_page() {
    view! { <crate::ui::results::OwnResults/> }.into_any()
});

split_page!(results, shared_result, shared_result_page(payload: String) {
    view! { <crate::ui::results::SharedResultPage payload=payload/> }.into_any()
});

split_page!(tools, compare, compare_page(payloads: Option<(String, String)>) {
    view! { <crate::ui::compare::ComparePage payloads=payloads/> }.into_any()
});

split_page!(tools, team, team_page() {
    view! { <crate::ui::team::TeamPage/> }.into_any()
});

split_page!(tools, history, history_page() {
    view! { <crate::ui::history::HistoryPage/> }.into_any()
});

/// Shows the page `load` builds once its code is here: a quiet "Loading…"
/// (made visible by CSS only if loading takes a moment), then the page, or a
/// message saying what failed and what to do.
pub fn lazy_page(load: PageFuture) -> AnyView {
    let state = use_app();
    let pending = RwSignal::new(true);
    let page = Suspend::new(SendWrapper::new(async move {
        let page = load.await;
        pending.set(false);
        // The route's own focus step ran before the page existed: take
        // keyboard focus to the new page's heading unless something else has
        // it already.
        let body_has_focus = document()
            .active_element()
            .map(|el| el.tag_name().eq_ignore_ascii_case("body"))
            .unwrap_or(true);
        if body_has_focus {
            request_animation_frame(move || crate::ui::focus::after_navigation(state));
        }
        match page {
            Ok(view) => view,
            Err(LoadError) => view! {
                <article>
                    <h1 tabindex="-1">"This page couldn't be loaded"</h1>
                    <div class="notice notice--error" role="alert" data-testid="notice-load-failed">
                        <p>
                            "Part of the app wasn't downloaded, maybe because the connection dropped or a new version was just published. "
                            "Your answers are safe in this browser. Reload the page to try again."
                        </p>
                        <div class="notice__actions">
                            <button type="button" class="button button--primary" on:click=move |_| {
                                let _ = window().location().reload();
                            }>"Reload"</button>
                            <button type="button" class="button" on:click=move |_| state.go(Route::Start)>
                                "Back to the start page"
                            </button>
                        </div>
                    </div>
                </article>
            }
            .into_any(),
        }
    }));
    view! {
        <Show when=move || pending.get()>
            <p class="page-loading" role="status" data-testid="page-loading">"Loading…"</p>
        </Show>
        {page}
    }
    .into_any()
}

split_page!(questionnaire, step, step_page(dimension: usize) {
    view! { <crate::ui::steps::StepPage dimension=dimension/> }.into_any()
});
