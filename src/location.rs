//! The one module that reads or changes the page's URL.
//!
//! Step changes use `location.hash` (a history entry each, so the browser's
//! back button walks the steps). Changes that must not add an entry use
//! `history.replaceState`, which fires no `hashchange`: callers update the
//! route signal themselves.

use leptos::prelude::*;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current fragment, e.g. `#/q/people` (empty when there is none).
pub fn current_hash() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// Goes to a fragment, adding a history entry.
pub fn push(hash: &str) {
    if let Some(l) = location() {
        let _ = l.set_hash(hash);
    }
}

/// The address of this page without its fragment (origin + path + query).
pub fn base_url() -> String {
    let Some(l) = location() else {
        return String::new();
    };
    let origin = l.origin().unwrap_or_default();
    let path = l.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// The full, shareable address of a result (its payload in the fragment).
pub fn share_url(payload: &str) -> String {
    format!("{}{}", base_url(), crate::route::shared_hash(payload))
}

/// Calls `f` with the new fragment whenever it changes (typed, linked, or
/// the back button). Remove the handle when the listener's owner goes away.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> WindowListenerHandle {
    window_event_listener_untyped("hashchange", move |_| f(current_hash()))
}
