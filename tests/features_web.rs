//! Component tests for targets, compare, team and snapshots in a real browser
//! (wasm-bindgen-test + chromedriver): each mounts one component into a
//! fresh element and checks what a user would see.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use maturity_engine::{builtin, link, Answer, Answers, Targets};
use mlops_maturity::chart::{geometry, style, FRAME};
use mlops_maturity::route::Route;
use mlops_maturity::snapshots::HISTORY_KEY;
use mlops_maturity::state::{AppState, Boot};
use mlops_maturity::ui::compare::ComparePage;
use mlops_maturity::ui::history::{HistoryPage, SnapshotPanel};
use mlops_maturity::ui::targets::TargetsPanel;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn one(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of each cell of a table row.
fn cells(root: &web_sys::HtmlElement, row: &str) -> Vec<String> {
    let list = one(root, row).query_selector_all("th, td").unwrap();
    (0..list.length())
        .map(|i| text(&list.item(i).unwrap().unchecked_into()))
        .collect()
}

fn all(answer: Answer) -> Answers {
    Answers::from_vec(vec![answer; builtin().questions.len()])
}

fn state_with(answers: Answers) -> AppState {
    let model = builtin();
    let mut boot = Boot::in_memory(model, 0.0);
    boot.draft.answers = answers;
    AppState::new(model, boot, Route::Results)
}

#[wasm_bindgen_test]
async fn then_and_now_are_drawn_as_a_dashed_and_a_solid_polygon_at_their_scores() {
    let model = builtin();
    let targets = Targets::new(model);
    let before = link::encode(model, &all(Answer::No), &targets);
    let after = link::encode(model, &all(Answer::Fully), &targets);
    let state = state_with(Answers::new(model));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <ComparePage payloads=Some((before, after))/> }
    });
    tick().await;

    // Now (all "Fully") is one solid line round the outer ring; then (all
    // "No") sits at the centre, where its dashes have no length and only
    // its hollow square markers show.
    let chart_tags = |selector: &str| {
        let list = root
            .query_selector_all(&format!(
                "[data-testid=compare-chart] .radar__svg {selector}"
            ))
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .collect::<Vec<_>>()
    };
    let width = style::LINE_WIDTH.to_string();
    let now = chart_tags(&format!(
        "polyline[stroke=\"{}\"][stroke-width=\"{width}\"]",
        style::BLUE.light.hex()
    ));
    assert_eq!(now.len(), 1, "now is one solid outline");
    let points = now[0].get_attribute("points").unwrap();
    assert!(
        points.starts_with(&format!("{},{} ", FRAME.cx, FRAME.cy - FRAME.radius)),
        "{points}"
    );
    let squares = chart_tags(&format!("rect[fill=\"{}\"]", style::ORANGE.light.hex()));
    assert_eq!(
        squares.len(),
        model.dimensions.len(),
        "square markers for then"
    );
    // Then (all zero) sits on the inner ring, one marker per axis.
    let n = model.dimensions.len();
    let corners: Vec<(Option<String>, Option<String>)> = (0..n)
        .map(|i| {
            let (x, y) = geometry::point(&FRAME, i, n, 0.0);
            let corner = |c: f64| Some((c.round() as i32 - style::MARKER_SIZE).to_string());
            (corner(x), corner(y))
        })
        .collect();
    let at: Vec<(Option<String>, Option<String>)> = squares
        .iter()
        .map(|q| (q.get_attribute("x"), q.get_attribute("y")))
        .collect();
    assert_eq!(at, corners, "then is on the inner ring");
    assert_eq!(
        root.query_selector_all("[data-testid=compare-chart] .legend__swatch svg")
            .unwrap()
            .length(),
        2,
        "a drawn sample per series in the legend"
    );

    assert_eq!(
        cells(&root, "[data-testid=compare-people]"),
        ["People", "0", "4", "0.0", "4.0", "\u{25b2} +4.0"]
    );
    let counts = text(&one(&root, "[data-testid=compare-counts]"));
    assert_eq!(
        counts,
        format!(
            "{} improved, 0 regressed, 0 changed otherwise, 0 unchanged.",
            model.questions.len()
        )
    );
}

#[wasm_bindgen_test]
async fn a_target_set_in_the_panel_lands_in_the_draft_and_the_percent() {
    let state = state_with(all(Answer::No));
    let root = container();
    let _handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <TargetsPanel answers=state.answers() targets=state.targets() editable=true/> }
    });
    tick().await;
    assert!(text(&one(&root, "[data-testid=percent-to-target]"))
        .starts_with("Each dimension is measured"));

    let select = one(&root, "#target-level-people");
    // The default is the next level; "Level 0" is no target.
    let options: Vec<String> = {
        let list = select.query_selector_all("option").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        options,
        ["Next level", "Level 1", "Level 2", "Level 3", "Level 4"]
    );
    let model = builtin();
    let practices = |level| match maturity_engine::short_of(model, &all(Answer::No), 0, level).len()
    {
        1 => "1 practice".to_owned(),
        n => format!("{n} practices"),
    };
    // With no target, People is measured against the next level that adds
    // a practice of its own.
    let next = maturity_engine::assess(model, &all(Answer::No)).dimensions[0]
        .next_level
        .unwrap();
    assert!(!maturity_engine::short_of(model, &all(Answer::No), 0, next).is_empty());
    assert_eq!(
        cells(&root, "[data-testid=target-people]")[3],
        practices(next)
    );
    js_sys::Reflect::set(&select, &"value".into(), &"2".into()).unwrap();
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(state.draft.with_untracked(|d| d.targets.get(0)), Some(2));
    // Score 0.0 against a target of 2: none of the way there yet.
    assert!(text(&one(&root, "[data-testid=percent-to-target]")).starts_with("0% of the way"));
    let row = cells(&root, "[data-testid=target-people]");
    assert_eq!(
        (row[1].as_str(), row[3].as_str()),
        ("Level 0 (0.0)", practices(2).as_str())
    );
}

#[wasm_bindgen_test]
async fn a_saved_snapshot_is_listed_newest_first_and_opens_its_result() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item(HISTORY_KEY).unwrap();
    let state = state_with(all(Answer::Mostly));
    let root = container();
    let handle = mount_to(root.clone(), move || {
        provide_context(state);
        view! { <SnapshotPanel answers=state.answers() targets=state.targets()/> }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = one(&root, "#snapshot-label").unchecked_into();
    input.set_value("Sprint 12");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    one(&root, "form button[type=submit]").click();
    tick().await;
    assert!(text(&one(&root, ".snapshot__status")).starts_with("Saved \u{201c}Sprint 12\u{201d}."));
    drop(handle);

    let list = container();
    let _handle = mount_to(list.clone(), move || {
        provide_context(state);
        view! { <HistoryPage/> }
    });
    tick().await;
    let item = one(&list, "[data-testid=history-list] li");
    assert_eq!(text(&one(&item, "h2")), "Sprint 12");
    let meta = text(&one(&item, ".snapshot-item__meta"));
    assert!(
        meta.starts_with("Saved just now") && meta.contains("Level 4"),
        "{meta}"
    );
    let payload = link::encode(builtin(), &all(Answer::Mostly), &Targets::new(builtin()));
    let open: web_sys::HtmlAnchorElement = one(&item, "a").unchecked_into();
    assert_eq!(
        open.get_attribute("href").unwrap(),
        format!("#/r/{payload}")
    );
    storage.remove_item(HISTORY_KEY).unwrap();
}
