//! The MLOps maturity self-assessment: a client-side Leptos app over
//! [`maturity_engine`]. The engine computes; this crate draws and keeps the
//! draft. Browser edges each live in one module: [`storage`]
//! (localStorage), [`location`] (the URL) and [`clipboard`].

pub mod chart;
pub mod clipboard;
pub mod files;
pub mod location;
pub mod preview;
pub mod pwa;
pub mod route;
pub mod site;
pub mod snapshots;
pub mod state;
pub mod storage;
pub mod time;
pub mod ui;

pub use maturity_engine::{draft, link};

use leptos::prelude::*;
use route::Route;
use state::{AppState, Boot};
use ui::notices::Notices;
use ui::start::StartPage;

/// Replaces the static shell in `index.html` with the app.
pub fn mount() {
    let app = document().get_element_by_id("app");
    match app.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
        Some(el) => {
            el.set_inner_html("");
            mount_to(el, App).forget();
        }
        None => mount_to_body(App),
    }
}

/// The whole app: loads the draft, follows the URL, saves every change.
///
/// It runs on the model [`site`] decides: a model file being previewed
/// ([`preview`]) or a site model ([`site::EXTRA`]), each checked (again) in
/// the `author` chunk before the app starts on it, or the built-in model. A
/// kept file that no longer passes the checks (a newer app checks more)
/// leaves the built-in model running and the file kept, so the "Preview
/// your own model" page can show its problems; a site model that cannot be
/// fetched leaves the built-in model running, with a notice.
#[component]
pub fn App() -> impl IntoView {
    let hash = location::current_hash();
    let app = if let Some(file) = preview::stored() {
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match ui::lazy::check_model(file.text).await {
                Ok(Ok(model)) => {
                    site::activate(&model.id, true);
                    provide_context(ui::author::ActivePreview {
                        file: file.name,
                        title: model.title.clone(),
                    });
                    booted(model)
                }
                _ => booted(maturity_engine::builtin_core()),
            }
        }))
        .into_any()
    } else if let Some(chosen) = site::to_start_on(&hash) {
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            match start_on(chosen).await {
                Ok(model) => {
                    site::activate(&model.id, false);
                    let _ = site::choose(Some(chosen.id));
                    booted(model)
                }
                Err(why) => {
                    provide_context(site::LoadFailed {
                        title: chosen.title,
                        why,
                    });
                    booted(maturity_engine::builtin_core())
                }
            }
        }))
        .into_any()
    } else {
        site::opened_on_builtin(&hash);
        booted(maturity_engine::builtin_core())
    };
    // The service worker lives as long as the page, so it is registered
    // here and not in `AppShell`, which tests mount again and again.
    view! {
        {app}
        <pwa::UpdatePrompt/>
    }
}

/// Fetches a site model and checks it, as any model file is checked.
async fn start_on(
    chosen: &'static site::SiteModel,
) -> Result<&'static maturity_engine::Model, String> {
    let text = site::fetch(chosen).await?;
    match ui::lazy::check_model(text).await {
        Ok(Ok(model)) if model.id == chosen.id && model.code == chosen.code => Ok(model),
        Ok(Ok(_)) => Err(format!(
            "the site's {} is another model than the one it was built with",
            chosen.file
        )),
        Ok(Err(problems)) => Err(format!(
            "the site's {} has {} problem(s), the first: {}",
            chosen.file,
            problems.len(),
            problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        )),
        Err(ui::lazy::LoadError) => Err(
            "the app's code for reading it could not be downloaded (are you offline?)".to_owned(),
        ),
    }
}

/// The app on `model`, with its draft loaded and the route read. The
/// built-in model comes without its texts: the start page needs no more,
/// and the texts arrive with the pages that show them (`AppState::full`).
fn booted(model: &'static maturity_engine::Model) -> AnyView {
    let boot = Boot::load(model, time::now_ms());
    let state = AppState::new(model, boot, Route::parse(model, &location::current_hash()));
    view! { <AppShell state=state/> }.into_any()
}

/// The app around a given state (tests build the state themselves).
#[component]
pub fn AppShell(
    /// The state to provide to every page.
    state: AppState,
) -> impl IntoView {
    provide_context(state);
    let model = state.model;

    let hash = location::on_hash_change(move |h| {
        // A result made with another of the site's models opens on it.
        if site::must_restart_for(model, &h) {
            if let Some(l) = web_sys::window().map(|w| w.location()) {
                let _ = l.reload();
            }
            return;
        }
        let route = Route::parse(model, &h);
        if state.route.get_untracked() != route {
            state.route.set(route);
        }
    });
    let tabs = storage::on_draft_changed_elsewhere(move |text| state.adopt_from_other_tab(text));
    on_cleanup(move || {
        hash.remove();
        tabs.remove();
    });

    // Every change is saved at once. The first run only subscribes: the
    // draft was just read from storage (or is blank).
    Effect::new(move |prev: Option<()>| {
        let json = state.draft.with(|d| draft::to_json(model, d));
        if prev.is_some() {
            state.save(&json);
        }
    });

    // After a page change, move focus to its heading (or to the question
    // asked for), so keyboard and screen-reader users start at the top.
    Effect::new(move |prev: Option<()>| {
        state.route.track();
        if prev.is_some() {
            request_animation_frame(move || ui::focus::after_navigation(state));
        }
    });

    // The page shown changes only when the route does.
    let route = Memo::new(move |_| state.route.get());
    let flip = std::cell::Cell::new(false);

    view! {
        <header class="site-header">
            <a class="site-header__home" href="#/">
                <img src="favicon.svg" alt="" width="24" height="24"/>
                <span class="site-header__name">"MLOps maturity"</span>
            </a>
            <ui::nav::SiteNav/>
        </header>
        <ui::author::PreviewBanner/>
        <Notices/>
        <main id="main" class="page" tabindex="-1">
            // Each route builds its page afresh (see `fresh`): nothing of the
            // previous page's DOM (checked radios, focus) carries over.
            {move || {
                flip.set(!flip.get());
                let page = match route.get() {
                    Route::Start => view! { <StartPage/> }.into_any(),
                    Route::Step(d) => ui::lazy::lazy_page(ui::lazy::step(d)),
                    Route::Results => ui::lazy::lazy_page(ui::lazy::own_results()),
                    Route::Shared(payload) => ui::lazy::lazy_page(ui::lazy::shared_result(payload)),
                    Route::Compare(pair) => ui::lazy::lazy_page(ui::lazy::compare(pair)),
                    Route::Team(members) => ui::lazy::lazy_page(ui::lazy::team(members)),
                    Route::History => ui::lazy::lazy_page(ui::lazy::history()),
                    Route::Author => ui::lazy::lazy_page(ui::lazy::author()),
                };
                fresh(page, flip.get())
            }}
        </main>
        <footer class="site-footer">
            <p>"No server, no tracking: your answers stay in this browser unless you share a link."</p>
            <p><a href="#/author">"Preview your own model"</a></p>
        </footer>
    }
}

/// `view`, wrapped so that it never patches the page before it.
///
/// tachys rebuilds an `AnyView` in place when the new view has the same type
/// as the old one, and builds it from scratch when the types differ.
/// Alternating two wrapper types from one route to the next makes every page
/// a fresh build: what a `<For>` keyed by route gave, for 3.5 KiB less of the
/// first download (its keyed diffing is not needed for one child). Patching
/// one step's radios into the next once unchecked answers; the end-to-end
/// test "each page is built afresh" guards this.
fn fresh(view: AnyView, flip: bool) -> AnyView {
    if flip {
        (view,).into_any()
    } else {
        ((), view).into_any()
    }
}
