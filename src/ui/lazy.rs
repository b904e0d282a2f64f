//! Pages that are loaded on demand, to keep the first download small.
//!
//! Only the start page and the app's frame are in the main wasm module.
//! Four split points, each a chunk that `wasm-split-cli` makes
//! (`scripts/split.mjs`) and the browser fetches the first time one of its
//! pages opens: `questionnaire` (the steps), `results` (own and shared),
//! `tools` (compare, team, history, and the results page's lower parts,
//! fetched once its top is on screen) and `author` (previewing a model
//! file, with the JSON parser and validator). Code they share goes into shared chunks,
//! fetched with them. The service worker precaches every chunk, so they work
//! offline after the first visit. Their styles (style/pages.css) come with
//! the first of them.
//!
//! With the `split` feature off (tests, native builds) the same functions are
//! plain calls, so behaviour is identical and only the packaging differs.
//!
//! A chunk or the stylesheet that cannot be fetched (a deploy removed it, the
//! network is gone and nothing is cached) gives a [`LoadError`] and a message
//! with a reload button, never a crash; opening the page again retries.

use crate::route::Route;
use crate::state::use_app;
use crate::ui::notices::{Notice, NoticeActions, ReloadButton, Tone};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;

/// A page's code or styles could not be fetched.
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

split_page!(questionnaire, step, step_page(dimension: usize) {
    view! { <crate::ui::steps::StepPage dimension=dimension/> }.into_any()
});

split_page!(results, own_results, own_results_page() {
    provide_context(crate::ui::results::LowerLoader(load_lower));
    view! { <crate::ui::results::OwnResults/> }.into_any()
});

split_page!(results, shared_result, shared_result_page(payload: String) {
    provide_context(crate::ui::results::LowerLoader(load_lower));
    view! { <crate::ui::results::SharedResultPage payload=payload/> }.into_any()
});

split_page!(tools, compare, compare_page(payloads: Option<(String, String)>) {
    view! { <crate::ui::compare::ComparePage payloads=payloads/> }.into_any()
});

split_page!(tools, team, team_page(members: String) {
    view! { <crate::ui::team::TeamPage members=members/> }.into_any()
});

split_page!(tools, history, history_page() {
    view! { <crate::ui::history::HistoryPage/> }.into_any()
});

split_page!(author, author, author_page() {
    view! { <crate::ui::author::AuthorPage/> }.into_any()
});

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(tools, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn results_part_view(
    part: Option<crate::ui::results::Lower>,
    props: crate::ui::results::LowerProps,
) -> Result<AnyView, LoadError> {
    Ok(crate::ui::results::lower_part(part, props))
}

/// Loads the `tools` chunk and builds one lower part of the results page
/// with it (`None` only loads it): the results pages'
/// [`LowerLoader`](crate::ui::results::LowerLoader).
fn load_lower(
    part: Option<crate::ui::results::Lower>,
    props: crate::ui::results::LowerProps,
) -> crate::ui::results::LowerFuture {
    Box::pin(async move {
        #[cfg(feature = "split")]
        {
            results_part_view(part, props).await.ok()
        }
        #[cfg(not(feature = "split"))]
        {
            results_part_view(part, props).ok()
        }
    })
}

/// A model file's text, checked: the model (kept for the page's lifetime),
/// or every problem. In the `author` chunk with the page, so the JSON
/// parser and validator stay out of the first download.
pub type Checked = Result<&'static maturity_engine::Model, Vec<maturity_engine::Problem>>;

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(author, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn check_model_file(text: String) -> Result<Checked, LoadError> {
    Ok(maturity_engine::Model::check(&text).map(|m| &*Box::leak(Box::new(m))))
}

/// Loads the `author` chunk and checks a model file with it.
pub async fn check_model(text: String) -> Result<Checked, LoadError> {
    #[cfg(feature = "split")]
    {
        check_model_file(text).await
    }
    #[cfg(not(feature = "split"))]
    {
        check_model_file(text)
    }
}

/// Starts downloading the stylesheet of the lazily loaded pages, the first
/// time one opens, and resolves when it applies. It is linked from
/// index.html as `<link data-lazy-styles disabled>` (scripts/postbuild.mjs):
/// enabling it is what makes the browser fetch it. Without that link (tests)
/// there is nothing to wait for.
fn page_styles() -> Pin<Box<dyn Future<Output = Result<(), LoadError>>>> {
    let Some(link) = document()
        .query_selector("link[data-lazy-styles]")
        .ok()
        .flatten()
    else {
        return Box::pin(async { Ok(()) });
    };
    let applied = |link: &web_sys::Element| {
        js_sys::Reflect::get(link, &"sheet".into()).is_ok_and(|sheet| sheet.is_object())
    };
    if applied(&link) {
        return Box::pin(async { Ok(()) });
    }
    let settled = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    // Observed now, not when first awaited: a stylesheet that fails before
    // the page's code arrives must not count as an unhandled rejection.
    let settled = wasm_bindgen_futures::JsFuture::from(settled);
    let _ = link.remove_attribute("disabled");
    Box::pin(async move {
        match settled.await {
            Ok(_) => Ok(()),
            Err(_) => {
                // A link whose fetch failed is not fetched again: leave a
                // fresh, disabled copy in its place for the next attempt.
                if let Ok(copy) = link.clone_node() {
                    let copy: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(copy);
                    let _ = copy.set_attribute("disabled", "");
                    let _ = link.replace_with_with_node_1(&copy);
                }
                Err(LoadError)
            }
        }
    })
}

/// Shows the page `load` builds once its code is here: a quiet "Loading…"
/// (made visible by CSS only if loading takes a moment), then the page, or a
/// message saying what failed and what to do.
pub fn lazy_page(load: PageFuture) -> AnyView {
    let state = use_app();
    let pending = RwSignal::new(true);
    let page = Suspend::new(SendWrapper::new(async move {
        // Code and styles download side by side; the page shows when both
        // are here, so it never appears unstyled.
        let styles = page_styles();
        let page = load.await;
        let page = match (page, styles.await) {
            (Ok(view), Ok(())) => Ok(view),
            _ => Err(LoadError),
        };
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
                    <Notice tone=Tone::Error testid="notice-load-failed">
                        <p>
                            "Part of the app wasn't downloaded, maybe because the connection dropped or a new version was just published. "
                            "Your answers are safe in this browser. Reload the page to try again."
                        </p>
                        <NoticeActions slot>
                            <ReloadButton/>
                            <button type="button" class="button" on:click=move |_| state.go(Route::Start)>
                                "Back to the start page"
                            </button>
                        </NoticeActions>
                    </Notice>
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
