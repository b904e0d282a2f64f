//! Exports of a result (JSON, CSV, a Markdown checklist, the chart as SVG
//! and PNG, a printed report) and the import of a result file.
//!
//! The engine writes every format (`maturity_engine::export`); this panel
//! only names the files and hands them to [`crate::files`]. An import never
//! loses the draft: a bad file leaves it untouched, and a good one replaces
//! it only after the user confirms.

use crate::chart;
use crate::draft::Draft;
use crate::state::use_app;
use crate::ui::confirm::ConfirmPanel;
use crate::ui::notices::{Notice, Tone};
use crate::{clipboard, files, time};
use leptos::prelude::*;
use leptos::task::spawn_local;
use maturity_engine::export::{csv, import_result, markdown_checklist, result_json, Imported};
use maturity_engine::{assess, Answers, Targets};

/// Download, copy and print buttons, and (for the draft) the import.
#[component]
pub fn ExportPanel(
    /// The answers to export.
    #[prop(into)]
    answers: Signal<Answers>,
    /// The targets to export with them.
    #[prop(into)]
    targets: Signal<Targets>,
    /// True for the draft: its notes are exported and a file can be imported
    /// into it.
    editable: bool,
) -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let stem = model.file_stem();
    let status = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);

    // The draft itself (with its notes), or a draft made of a shared result.
    let draft = move || {
        if editable {
            state.draft.get_untracked()
        } else {
            let mut d = Draft::new(model, time::now_ms());
            d.answers = answers.get_untracked();
            d.targets = targets.get_untracked();
            d
        }
    };
    let done = move |what: &str, name: &str, r: Result<(), files::FileError>| match r {
        Ok(()) => {
            failure.set(None);
            status.set(format!("{what} saved as {name}."));
        }
        Err(e) => {
            status.set(String::new());
            failure.set(Some(format!("{what} couldn't be saved: {e}.")));
        }
    };
    let chart_svg = move || {
        let names = chart::dimension_names(model);
        let scores = answers.with_untracked(|a| chart::assessed_scores(&assess(model, a)));
        chart::render_svg(&names, &scores, model.top_level())
    };

    let json = move |_| {
        let now = time::now_ms();
        let name = files::dated_name(stem, now, "json");
        let text = result_json(model, &draft(), None, now);
        done(
            "The result file",
            &name,
            files::download_text(&name, "application/json", &text),
        );
    };
    let csv_file = move |_| {
        let name = files::dated_name(stem, time::now_ms(), "csv");
        let d = draft();
        let text = csv(model, &d.answers, &d.notes, &d.scope);
        done(
            "The spreadsheet",
            &name,
            files::download_text(&name, "text/csv;charset=utf-8", &text),
        );
    };
    let markdown = move || {
        // A shared result carries no scope; the draft's is the user's own.
        let scope = if editable {
            state.draft.with_untracked(|d| d.scope.clone())
        } else {
            String::new()
        };
        answers.with_untracked(|a| {
            targets.with_untracked(|t| markdown_checklist(model, a, Some(t), &scope))
        })
    };
    let md_file = move |_| {
        let name = files::dated_name(&format!("{stem}-next-steps"), time::now_ms(), "md");
        done(
            "The checklist",
            &name,
            files::download_text(&name, "text/markdown;charset=utf-8", &markdown()),
        );
    };
    let md_copy = move |_| {
        let text = markdown();
        spawn_local(async move {
            match clipboard::copy(&text).await {
                Ok(()) => {
                    failure.set(None);
                    status.set(
                        "Checklist copied: paste it into an issue, a wiki page or a document."
                            .to_owned(),
                    );
                }
                Err(_) => {
                    status.set(String::new());
                    failure.set(Some(
                        "Couldn't copy in this browser. Use \u{201c}Checklist (Markdown)\u{201d} instead.".to_owned(),
                    ));
                }
            }
        });
    };
    let svg_file = move |_| {
        let name = files::dated_name(&format!("{stem}-radar"), time::now_ms(), "svg");
        done(
            "The chart",
            &name,
            files::download_text(&name, "image/svg+xml", &chart_svg()),
        );
    };
    let png_file = move |_| {
        let name = files::dated_name(&format!("{stem}-radar"), time::now_ms(), "png");
        let svg = chart_svg();
        status.set("Drawing the picture\u{2026}".to_owned());
        spawn_local(async move {
            let f = chart::FRAME;
            let r = match files::svg_to_png(&svg, f.width, f.height, 3.0).await {
                Ok(blob) => files::download_blob(&name, &blob),
                Err(e) => Err(e),
            };
            done("The chart picture", &name, r);
        });
    };

    view! {
        <section class="export" aria-labelledby="export-title">
            <h2 id="export-title">"Export and print"</h2>
            <p class="export__intro">
                "Files are made in this browser and saved straight to your device."
            </p>
            // One file first: the result, which this app (in any browser)
            // reads back. The other formats sit one tap away.
            <div class="export__buttons">
                <button type="button" class="button button--primary" data-testid="export-json" on:click=json>"Download result file"</button>
            </div>
            <p class="export__hint">
                {if editable {
                    "A JSON file with your answers, notes and targets: keep it, or bring it back later with \u{201c}Import a result\u{201d}."
                } else {
                    "A JSON file with this result's answers and targets: keep it, or bring it into a team view."
                }}
            </p>
            <details class="export__more" data-testid="export-more">
                <summary>"More formats"</summary>
                <div class="export__buttons">
                    <button type="button" class="button" data-testid="export-csv" on:click=csv_file>"Answers (CSV)"</button>
                    <button type="button" class="button" data-testid="export-md" on:click=md_file>"Checklist (Markdown)"</button>
                    <button type="button" class="button" data-testid="export-md-copy" on:click=md_copy>"Copy checklist"</button>
                    <button type="button" class="button" data-testid="export-svg" on:click=svg_file>"Chart (SVG)"</button>
                    <button type="button" class="button" data-testid="export-png" on:click=png_file>"Chart (PNG)"</button>
                    <button type="button" class="button" data-testid="export-print" on:click=move |_| files::print()>"Print report"</button>
                </div>
            </details>
            <p class="export__status" role="status">{move || status.get()}</p>
            {move || failure.get().map(|e| view! {
                <Notice tone=Tone::Error testid="notice-export"><p>{e}</p></Notice>
            })}
            {editable.then(|| view! { <ImportField/> })}
        </section>
    }
}

/// Choosing a result file to replace the draft with.
#[component]
pub fn ImportField() -> impl IntoView {
    let state = use_app();
    let model = state.full();
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<(String, Imported)>);
    let status = RwSignal::new(String::new());

    let adopt = move |name: String, imported: Imported| {
        let answered = imported.draft.answers.answered();
        state.import(imported.draft);
        let dropped = if imported.dropped.is_empty() {
            String::new()
        } else {
            format!(
                " Left out, as this version of the questions doesn't have them: {}.",
                imported.dropped.join(", ")
            )
        };
        let label = imported
            .label
            .map(|l| format!(" (\u{201c}{l}\u{201d})"))
            .unwrap_or_default();
        status.set(format!(
            "Imported {name}{label}: {answered} answers.{dropped}"
        ));
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = files::chosen_files(&input).into_iter().next() else {
            return;
        };
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        error.set(None);
        status.set(String::new());
        pending.set(None);
        spawn_local(async move {
            let name = file.name();
            let text = match files::read_text(&file).await {
                Ok(t) => t,
                Err(e) => {
                    error.set(Some(format!("{name}: {e}. Your answers are unchanged.")));
                    return;
                }
            };
            match import_result(model, &text) {
                Err(e) => error.set(Some(format!("{name}: {e} Your answers are unchanged."))),
                Ok(imported) => {
                    if state.draft.with_untracked(Draft::is_blank) {
                        adopt(name, imported);
                    } else {
                        pending.set(Some((name, imported)));
                    }
                }
            }
        });
    };

    view! {
        <div class="import">
            <h3 class="import__title">"Import a result"</h3>
            <label class="field__label" for="import-file">"Choose a result file (.json) exported from this app"</label>
            <input
                id="import-file"
                class="field__file"
                type="file"
                accept=".json,application/json"
                data-testid="import-file"
                on:change=on_file
            />
            {move || error.get().map(|e| view! {
                <Notice tone=Tone::Error testid="notice-import"><p>{e}</p></Notice>
            })}
            {move || pending.get().map(|(name, imported)| {
                let incoming = imported.draft.answers.answered();
                let current = state.draft.with_untracked(|d| d.answers.answered());
                let message = format!(
                    "Replace your current answers ({current} answered) with {name} ({incoming} answered)? Your current answers will be lost unless you saved a snapshot or kept their link."
                );
                let confirm = Callback::new(move |_| {
                    if let Some((name, imported)) = pending.get_untracked() {
                        pending.set(None);
                        adopt(name, imported);
                    }
                });
                view! {
                    <ConfirmPanel
                        message=message
                        confirm_label="Replace my answers"
                        cancel_label="Keep my answers"
                        on_confirm=confirm
                        on_cancel=Callback::new(move |_| pending.set(None))
                    />
                }
            })}
            <p class="import__status" role="status">{move || status.get()}</p>
        </div>
    }
}
