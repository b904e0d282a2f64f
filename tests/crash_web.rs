//! The last-resort notice (public/crash.js) after a real wasm trap. Its own
//! test binary, so its own wasm instance: after a trap nothing else runs in
//! the instance that trapped.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use mlops_maturity::storage::DRAFT_KEY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CRASH_JS: &str = include_str!("../public/crash.js");

#[wasm_bindgen_test]
async fn a_panic_in_a_handler_shows_reload_and_keeps_the_draft() {
    let storage = window().local_storage().unwrap().unwrap();
    let draft = r#"{"format":1,"kept":"as it was"}"#;
    storage.set_item(DRAFT_KEY, draft).unwrap();

    // Installed as the page installs it: a classic script, before the app.
    let script = document().create_element("script").unwrap();
    script.set_text_content(Some(CRASH_JS));
    document().body().unwrap().append_child(&script).unwrap();

    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let _handle = mount_to(root.clone(), || {
        view! {
            <button id="trap" on:click=|_| {
                // A panic is a trap on wasm32, as in the release build.
                panic!("a bug in a click handler");
            }>"Trap"</button>
        }
    });
    assert!(
        document()
            .query_selector("[data-testid=notice-crash]")
            .unwrap()
            .is_none(),
        "no notice before anything went wrong"
    );

    // The browser reports the trap from the listener as an uncaught error;
    // `click()` itself returns normally.
    let button: web_sys::HtmlElement = document()
        .get_element_by_id("trap")
        .unwrap()
        .unchecked_into();
    button.click();
    tick().await;

    let notice = document()
        .query_selector("[data-testid=notice-crash]")
        .unwrap()
        .expect("the crash notice is shown");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("Your answers are saved"), "{text}");
    let reload = notice
        .query_selector("button")
        .unwrap()
        .expect("a Reload button");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    assert_eq!(
        document().active_element().map(|e| e.text_content()),
        Some(Some("Reload".to_owned())),
        "focus moves to Reload"
    );
    assert_eq!(
        storage.get_item(DRAFT_KEY).unwrap().as_deref(),
        Some(draft),
        "the stored draft is untouched"
    );
    storage.remove_item(DRAFT_KEY).unwrap();
}
