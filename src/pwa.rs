//! The one module that touches the service worker: it registers `sw.js` (the
//! offline cache written by `scripts/postbuild.mjs`) and, when a newer build
//! has been downloaded, offers to switch to it.
//!
//! A new build never replaces the running one by itself: the new worker waits
//! until the user presses "Reload" (or closes every tab of the app), so no one
//! loses their place mid-answer. Pressing "Reload" tells the waiting worker to
//! take over, and the page reloads once it has (`controllerchange`).
//!
//! Why Rust and not a few lines of JS in `public/`: the prompt is part of the
//! UI (a Leptos component with a signal), the policy above is easier to
//! review next to it, and it costs no extra request or CSP entry.
//!
//! Everything here is best-effort: without service-worker support (an
//! insecure origin, a private window, an old browser) the app simply works
//! online only, and nothing is shown.

use crate::ui::notices::{Notice, NoticeActions, Tone};
use js_sys::{Function, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The worker's address, relative to the page so that any base path works.
const WORKER_URL: &str = "./sw.js";

/// The least time between two update checks made by the page itself.
const UPDATE_CHECK_MS: f64 = 60.0 * 60.0 * 1000.0;

/// The container, if this browser and origin support service workers.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // `navigator.serviceWorker` is absent outside secure contexts.
    let sw = Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if sw.is_undefined() || sw.is_null() {
        return None;
    }
    sw.dyn_into().ok()
}

/// Calls `f` when `promise` resolves; a rejection is ignored.
fn on_resolve(promise: js_sys::Promise, f: impl FnOnce(JsValue) + 'static) {
    // `once_into_js` frees each closure after its call; calling `then` through
    // Reflect keeps it that way whichever of the two runs.
    let ok = Closure::once_into_js(f);
    let err = Closure::once_into_js(|_: JsValue| {});
    if let Ok(then) = Reflect::get(&promise, &JsValue::from_str("then")) {
        let _ = then.unchecked_into::<Function>().call2(&promise, &ok, &err);
    }
}

/// A handler that lives as long as the page (see [`UpdatePrompt`]).
fn handler(f: impl FnMut(web_sys::Event) + 'static) -> Function {
    Closure::<dyn FnMut(web_sys::Event)>::new(f)
        .into_js_value()
        .unchecked_into()
}

/// Watches `registration` and sets `ready` once a new build is installed and
/// waiting. A first install (no worker controls the page yet) is not an
/// update and shows nothing.
fn watch(
    registration: &ServiceWorkerRegistration,
    container: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
) {
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        ready.try_set(true);
    }
    let reg = registration.clone();
    registration.set_onupdatefound(Some(&handler(move |_| {
        let Some(worker) = reg.installing() else {
            return;
        };
        let has_controller = has_controller.clone();
        let w = worker.clone();
        worker.set_onstatechange(Some(&handler(move |_| {
            if w.state() == ServiceWorkerState::Installed && has_controller() {
                ready.try_set(true);
            }
        })));
    })));
}

/// Asks `worker` to take over now (see `public/sw.js`).
fn skip_waiting(worker: &ServiceWorker) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    let _ = worker.post_message(&message);
}

/// Registers the offline worker and shows "A new version is available —
/// Reload" when a newer build is waiting.
///
/// Mount it once, in the app's root (`App`), not in components that tests
/// mount repeatedly: it registers the worker when created, and its listeners
/// live as long as the page.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);
    let reload_requested = StoredValue::new_local(false);

    if let Some(container) = container() {
        let c = container.clone();
        on_resolve(container.register(WORKER_URL), move |value| {
            if let Ok(reg) = value.dyn_into::<ServiceWorkerRegistration>() {
                watch(&reg, &c, ready);
                registration.try_set_value(Some(reg));
            }
        });
        // The old worker hands over only when asked, so a change of
        // controller after the click is ours; the first install's takeover
        // (no click) must not reload the page under the user.
        let on_change = handler(move |_| {
            if reload_requested.try_get_value() == Some(true) {
                let _ = window().location().reload();
            }
        });
        let _ = container.add_event_listener_with_callback("controllerchange", &on_change);

        // Browsers look for a new build when the page is opened; a tab left
        // open for days also looks when it comes back into view, at most
        // once an hour.
        let last_check = StoredValue::new_local(js_sys::Date::now());
        let on_visible = handler(move |_| {
            let now = js_sys::Date::now();
            let due = last_check
                .try_get_value()
                .is_some_and(|t| now - t >= UPDATE_CHECK_MS);
            if document().hidden() || !due {
                return;
            }
            last_check.set_value(now);
            let reg = registration.try_with_value(Clone::clone).flatten();
            // Offline, the check fails; the next one will do.
            if let Some(Ok(check)) = reg.map(|r| r.update()) {
                on_resolve(check, |_| {});
            }
        });
        let _ = document().add_event_listener_with_callback("visibilitychange", &on_visible);
    }

    let reload = move |_| {
        let waiting =
            registration.with_value(|r| r.as_ref().and_then(ServiceWorkerRegistration::waiting));
        match waiting {
            Some(worker) => {
                reload_requested.set_value(true);
                skip_waiting(&worker);
            }
            // The waiting worker is gone (another tab took it over): the
            // new build is already in charge, so a plain reload loads it.
            None => {
                let _ = window().location().reload();
            }
        }
    };

    view! {
        <div class="pwa-update" role="status">
            <Show when=move || ready.get()>
                <Notice tone=Tone::Info testid="update-prompt">
                    <p class="pwa-update__text">"A new version is available."</p>
                    <NoticeActions slot>
                        <button type="button" class="button pwa-update__reload" on:click=reload>
                            "Reload"
                        </button>
                    </NoticeActions>
                </Notice>
            </Show>
        </div>
    }
}
