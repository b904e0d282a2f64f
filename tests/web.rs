//! Component tests in a real browser (wasm-bindgen-test + chromedriver).
//! Each test mounts into a fresh element and asserts what a user would see.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use maturity_engine::{assess, builtin, Answer, Answers};
use mlops_maturity::route::Route;
use mlops_maturity::state::{AppState, Boot};
use mlops_maturity::storage::{BACKUP_PREFIX, DRAFT_KEY};
use mlops_maturity::ui::question::QuestionCard;
use mlops_maturity::ui::radar::RadarChart;
use mlops_maturity::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits for a part the results page draws once painted (`LowerParts` in
/// src/ui/results.rs): a frame, then a task, then the reactive update.
async fn after_paint() {
    let window = web_sys::window().unwrap();
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    let task = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window.set_timeout_with_callback(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(task).await.unwrap();
    tick().await;
}

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn click_button(root: &web_sys::HtmlElement, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == label {
            b.click();
            return;
        }
    }
    panic!("no button {label:?}");
}

fn js(code: &str) {
    js_sys::Function::new_no_args(code)
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// Makes `Storage.prototype.setItem` throw QuotaExceededError, as a full
/// storage does, until the guard is dropped.
struct FullStorage;

impl FullStorage {
    fn install() -> Self {
        js("if (!window.__setItem) window.__setItem = Storage.prototype.setItem; \
            Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };");
        FullStorage
    }

    /// Puts the browser's `setItem` back, if a guard replaced it.
    fn restore() {
        js("if (window.__setItem) { Storage.prototype.setItem = window.__setItem; delete window.__setItem; }");
    }
}

impl Drop for FullStorage {
    fn drop(&mut self) {
        Self::restore();
    }
}

/// Swaps the page's fragment without a history entry (as a fresh visit to
/// that address would find it).
fn replace_hash(hash: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
}

/// Clean slate: no stored draft, start route, the real storage. (A failed
/// assertion aborts the test without unwinding on wasm32, so no Drop runs:
/// the next test's reset undoes what the failed one patched.)
fn reset() {
    FullStorage::restore();
    let s = storage();
    for i in (0..s.length().unwrap()).rev() {
        if let Some(k) = s.key(i).unwrap() {
            if k.starts_with("mlops-maturity") {
                s.remove_item(&k).unwrap();
            }
        }
    }
    replace_hash("#/");
}

#[wasm_bindgen_test]
async fn radios_set_the_answer_and_number_keys_work() {
    let model = builtin();
    let state = AppState::new(model, Boot::in_memory(model, 0.0), Route::Step(0));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <QuestionCard question=0/> }
    });
    let id = &model.questions[0].id;
    assert_eq!(
        one(&root, "legend").text_content().unwrap(),
        model.questions[0].text
    );
    assert_eq!(
        count(&root, &format!("input[type=radio][name=\"{id}\"]")),
        6
    );
    // Each choice is named by its answer, and says what the answer means.
    let texts = |selector: &str| -> Vec<String> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        texts("label .choice__label"),
        [
            "No",
            "Partially",
            "Mostly",
            "Fully",
            "Don't know",
            "Not applicable"
        ]
    );
    assert_eq!(
        texts("label .choice__anchor"),
        Answer::CHOICES.map(|a| a.anchor().to_owned())
    );
    let mostly = one(&root, "input[value=mostly]");
    assert_eq!(
        mostly.get_attribute("aria-label").as_deref(),
        Some("Mostly")
    );
    let means = mostly.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&means))
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("Half or more, not all")
    );

    one(&root, "input[value=fully]").click();
    tick().await;
    assert_eq!(
        state.draft.with_untracked(|d| d.answers.get(0)),
        Answer::Fully
    );

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("2");
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    one(&root, "input[value=fully]")
        .dispatch_event(&ev)
        .unwrap();
    tick().await;
    assert_eq!(
        state.draft.with_untracked(|d| d.answers.get(0)),
        Answer::Partially
    );
    let checked: web_sys::HtmlInputElement = one(&root, "input[value=partially]").unchecked_into();
    assert!(checked.checked());
    // Help, with where the question comes from, and the note each sit
    // behind one toggle that starts closed and opens its panel.
    for (name, panel_text) in [("Help", "Where this comes from"), ("Note", "Note (kept")] {
        let list = root.query_selector_all("button.question__toggle").unwrap();
        let button: web_sys::HtmlElement = (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlElement>()
            })
            .find(|b| b.text_content().unwrap().trim() == name)
            .unwrap_or_else(|| panic!("a {name} button"));
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        let panel_id = button.get_attribute("aria-controls").unwrap();
        let panel = one(&root, &format!("[id=\"{panel_id}\"]"));
        assert!(panel.hidden(), "{name}: closed at first");
        assert!(panel.text_content().unwrap().contains(panel_text));
        button.click();
        tick().await;
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("true")
        );
        assert!(!panel.hidden(), "{name}: open after a click");
    }
}

#[wasm_bindgen_test]
async fn radar_chart_has_five_axes_ring_labels_and_a_label() {
    let model = builtin();
    let mut answers = Answers::new(model);
    for q in 0..model.questions.len() {
        answers.set(q, Answer::Mostly);
    }
    let a = assess(model, &answers);
    let root = container();
    let _handle = mount_to(
        root.clone(),
        move || view! { <RadarChart model=model assessment=Signal::stored(a)/> },
    );
    tick().await;
    let svg = one(&root, "figure[data-testid=radar-chart] svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert!(svg
        .get_attribute("aria-label")
        .unwrap()
        .contains("People 4.0"));
    // 5 rings (levels 0 to 4) + 5 axes + the data outline.
    assert_eq!(count(&root, "svg polyline"), 11);
    let texts: Vec<String> = {
        let list = root.query_selector_all("svg text").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
                    .trim()
                    .to_owned()
            })
            .collect()
    };
    for ring in ["0", "1", "2", "3", "4"] {
        assert!(texts.iter().any(|t| t == ring), "ring {ring} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t == "Technology"));
}

#[wasm_bindgen_test]
async fn notice_appears_when_storage_throws() {
    reset();
    let full = FullStorage::install();
    let root = container();
    let handle = mount_to(root.clone(), App);
    tick().await;
    let notice = one(&root, "[data-testid=notice-storage]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    assert!(notice
        .text_content()
        .unwrap()
        .contains("won't survive a reload"));
    // The app keeps working in memory.
    click_button(&root, "Start the assessment");
    tick().await;
    one(&root, "input[value=no]").click();
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=progress] .stepbar__long")
            .text_content()
            .unwrap(),
        "1 of 30 answered"
    );
    drop(full);
    drop(handle);
    reset();
}

#[wasm_bindgen_test]
async fn answers_are_saved_at_once_and_resumed() {
    reset();
    let root = container();
    let handle = mount_to(root.clone(), App);
    click_button(&root, "Start the assessment");
    tick().await;
    one(&root, "input[value=mostly]").click();
    tick().await;
    let saved = storage().get_item(DRAFT_KEY).unwrap().expect("saved");
    let loaded = mlops_maturity::draft::from_json(builtin(), &saved).unwrap();
    assert_eq!(loaded.draft.answers.get(0), Answer::Mostly);
    drop(handle);

    replace_hash("#/");
    let root = container();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    assert!(root.text_content().unwrap().contains("1 of 30 answered"));
    click_button(&root, "Start over");
    tick().await;
    click_button(&root, "Yes, start over");
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=progress] .stepbar__long")
            .text_content()
            .unwrap(),
        "0 of 30 answered"
    );
    reset();
}

#[wasm_bindgen_test]
async fn unreadable_draft_is_backed_up_and_reported() {
    reset();
    storage().set_item(DRAFT_KEY, "{not json").unwrap();
    let root = container();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    let notice = one(&root, "[data-testid=notice-draft-corrupt]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice.text_content().unwrap().contains("couldn't be read"));
    let s = storage();
    let backups: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        s.get_item(&backups[0]).unwrap().as_deref(),
        Some("{not json")
    );
    // A fresh start is offered.
    assert!(root
        .text_content()
        .unwrap()
        .contains("Start the assessment"));
    reset();
}

#[wasm_bindgen_test]
async fn bad_link_shows_an_alert_not_a_blank_page() {
    reset();
    replace_hash("#/r/garbage!!");
    let root = container();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    let notice = one(&root, "[data-testid=notice-bad-link]");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert!(notice.text_content().unwrap().len() > 40);
    click_button(&root, "Start your own assessment");
    tick().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Start the assessment"));
    reset();
}

#[wasm_bindgen_test]
async fn shared_result_is_read_only_and_edit_a_copy_asks_before_replacing() {
    reset();
    let model = builtin();
    let mut shared = Answers::new(model);
    for q in 0..model.questions.len() {
        shared.set(q, Answer::Fully);
    }
    let payload =
        mlops_maturity::link::encode(model, &shared, &maturity_engine::Targets::new(model));
    // Own draft with one answer.
    let mut own = mlops_maturity::draft::Draft::new(model, 1.0);
    own.answers.set(0, Answer::No);
    storage()
        .set_item(DRAFT_KEY, &mlops_maturity::draft::to_json(model, &own))
        .unwrap();

    replace_hash(&format!("#/r/{payload}"));
    let root = container();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    one(&root, "[data-testid=shared-banner]");
    assert_eq!(
        one(&root, "[data-testid=overall-level]")
            .text_content()
            .unwrap(),
        "Level 4"
    );
    assert_eq!(
        one(&root, "[data-testid=overall-score]")
            .text_content()
            .unwrap(),
        "4.0 of 4"
    );
    // The share panel is the second part drawn below the chart.
    for _ in 0..4 {
        if root
            .query_selector("[data-testid=share-link]")
            .unwrap()
            .is_some()
        {
            break;
        }
        after_paint().await;
    }
    let link: web_sys::HtmlInputElement = one(&root, "[data-testid=share-link]").unchecked_into();
    assert!(link.value().ends_with(&format!("#/r/{payload}")));

    click_button(&root, "Edit a copy");
    tick().await;
    click_button(&root, "Replace my draft");
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=progress] .stepbar__long")
            .text_content()
            .unwrap(),
        "30 of 30 answered"
    );
    let saved = storage().get_item(DRAFT_KEY).unwrap().unwrap();
    assert_eq!(
        mlops_maturity::draft::from_json(model, &saved)
            .unwrap()
            .draft
            .answers,
        shared
    );
    reset();
}

#[wasm_bindgen_test]
async fn back_and_next_keep_every_answer_on_screen() {
    // Each step is built afresh: patching one step's radios into the next
    // would uncheck the answer in the same position.
    reset();
    let root = container();
    let _handle = mount_to(root.clone(), App);
    click_button(&root, "Start the assessment");
    tick().await;
    one(&root, "fieldset input[value=no]").click();
    tick().await;
    // Next asks about the step's other questions; skipping moves on.
    click_button(&root, "Next");
    tick().await;
    click_button(&root, "Skip to Model Creation");
    tick().await;
    one(&root, "fieldset input[value=fully]").click();
    tick().await;
    click_button(&root, "Back");
    tick().await;
    let first: web_sys::HtmlInputElement = one(&root, "fieldset input[value=no]").unchecked_into();
    assert!(first.checked(), "the first People answer is still shown");
    assert_eq!(count(&root, "fieldset input:checked"), 1);
    click_button(&root, "Next");
    tick().await;
    click_button(&root, "Skip to Model Creation");
    tick().await;
    let fully: web_sys::HtmlInputElement =
        one(&root, "fieldset input[value=fully]").unchecked_into();
    assert!(
        fully.checked(),
        "the first Model Creation answer is still shown"
    );
    reset();
}

#[wasm_bindgen_test]
async fn a_newer_draft_from_another_tab_is_adopted_and_an_older_one_ignored() {
    reset();
    let model = builtin();
    let root = container();
    let _handle = mount_to(root.clone(), App);
    click_button(&root, "Start the assessment");
    tick().await;

    let send = |draft: &mlops_maturity::draft::Draft| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(DRAFT_KEY));
        init.set_new_value(Some(&mlops_maturity::draft::to_json(model, draft)));
        let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        window().dispatch_event(&ev).unwrap();
    };
    let mut older = mlops_maturity::draft::Draft::new(model, 1.0);
    older.answers.set(0, Answer::No);
    send(&older);
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=progress] .stepbar__long")
            .text_content()
            .unwrap(),
        "0 of 30 answered"
    );
    assert_eq!(count(&root, "[data-testid=notice-other-tab]"), 0);

    let mut newer = mlops_maturity::draft::Draft::new(model, js_sys::Date::now() + 60_000.0);
    newer.answers.set(0, Answer::Fully);
    newer.answers.set(1, Answer::Mostly);
    send(&newer);
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=progress] .stepbar__long")
            .text_content()
            .unwrap(),
        "2 of 30 answered"
    );
    assert!(one(&root, "[data-testid=notice-other-tab]")
        .text_content()
        .unwrap()
        .contains("Updated from another tab"));
    reset();
}

/// A page whose code fails to download (`LoadError`) shows a notice with a
/// way out; a page still downloading says "Loading…", then shows the page.
#[wasm_bindgen_test]
async fn lazy_page_shows_loading_then_the_page_or_a_load_failure() {
    use mlops_maturity::ui::lazy::{lazy_page, LoadError, PageFuture};
    let model = builtin();
    let state = AppState::new(model, Boot::in_memory(model, 0.0), Route::Start);

    let failed = container();
    let _a = mount_to(failed.clone(), move || {
        provide_context(state);
        let load: PageFuture = Box::pin(async { Err(LoadError) });
        lazy_page(load)
    });
    tick().await;
    let notice = one(&failed, "[data-testid=\"notice-load-failed\"]");
    assert!(notice
        .text_content()
        .unwrap()
        .contains("Reload the page to try again"));
    assert_eq!(count(&failed, "[data-testid=\"page-loading\"]"), 0);
    assert_eq!(
        count(&failed, "button"),
        2,
        "Reload and Back to the start page"
    );

    // A download that takes a while: "Loading…" until the page arrives.
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    let slow = container();
    let _b = mount_to(slow.clone(), move || {
        provide_context(state);
        let load: PageFuture = Box::pin(async move {
            let _ = rx.await;
            Ok(view! { <h1>"The page"</h1> }.into_any())
        });
        lazy_page(load)
    });
    tick().await;
    assert_eq!(count(&slow, "[data-testid=\"page-loading\"]"), 1);
    assert_eq!(count(&slow, "h1"), 0);
    tx.send(()).unwrap();
    for _ in 0..5 {
        tick().await;
    }
    assert_eq!(count(&slow, "[data-testid=\"page-loading\"]"), 0);
    assert_eq!(one(&slow, "h1").text_content().unwrap(), "The page");
}

/// Why the draft is read as text and not through gloo-storage's typed `get`
/// (src/storage.rs): an unreadable draft must be backed up verbatim, and
/// gloo hands back only the parse error.
#[wasm_bindgen_test]
fn gloo_get_loses_an_unreadable_draft() {
    use gloo_storage::{errors::StorageError, LocalStorage, Storage};
    reset();
    let damaged = r#"{"format":1,"answers":{"people.data-scientists-siloed":"fully""#;
    storage().set_item(DRAFT_KEY, damaged).unwrap();
    let err =
        LocalStorage::get::<serde_json::Value>(DRAFT_KEY).expect_err("a cut-off draft is not JSON");
    assert!(matches!(err, StorageError::SerdeError(_)), "{err:?}");
    assert!(
        !format!("{err:?}{err}").contains("data-scientists-siloed"),
        "gloo's error does not carry the stored text"
    );
    // Read as text, the app keeps it.
    let boot = Boot::load(builtin(), 1.0);
    let key = boot
        .corrupt
        .expect("reported")
        .backup_key
        .expect("backed up");
    assert_eq!(storage().get_item(&key).unwrap().as_deref(), Some(damaged));
    reset();
}

/// A wide table measures itself in a frame callback; a page left before
/// that frame (a quick navigation) has nothing to measure, and must not
/// panic on its disposed state.
#[wasm_bindgen_test]
async fn a_table_gone_before_its_first_frame_is_not_measured() {
    use mlops_maturity::ui::table::ScrollTable;
    let root = container();
    let handle = mount_to(root.clone(), || {
        view! {
            <ScrollTable caption_id="gone-caption" caption="Gone" headings=&["A"]>
                <tr><td>"1"</td></tr>
            </ScrollTable>
        }
    });
    // The mount's effect asks for a frame to measure in.
    tick().await;
    assert!(root.query_selector("table").unwrap().is_some());
    drop(handle);
    // That frame comes after the table is gone.
    after_paint().await;
    assert!(
        root.query_selector("table").unwrap().is_none(),
        "the table was unmounted"
    );
}
