//! "Preview your own model": a model author opens a model file from disk.
//! It is checked with the same messages as `model-check` (every problem
//! with its JSON path), and a valid one can be previewed: the whole app then
//! runs on it, in this browser only, until the author stops previewing.

use crate::files;
use crate::preview::{self, PreviewFile};
use crate::ui::notices::{Notice, NoticeActions, Tone};
use leptos::prelude::*;
use maturity_engine::{Model, Problem};

/// The model a page runs on when it previews a model file: provided as
/// context by `App`, absent on the built-in model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivePreview {
    /// The model file's name.
    pub file: String,
    /// The model's title.
    pub title: String,
}

/// What the chosen file turned out to be.
#[derive(Clone)]
enum Outcome {
    /// The file could not be read.
    Unreadable(String),
    /// Checked: the model, or its problems.
    Checked {
        name: String,
        text: String,
        result: Result<Box<Model>, Vec<Problem>>,
    },
}

/// What a valid model holds, in a few lines.
fn summary(m: &Model) -> String {
    let levels: Vec<String> = m
        .levels
        .iter()
        .map(|l| format!("{} {}", l.number, l.name))
        .collect();
    format!(
        "{} dimensions, {} questions, levels {}.",
        m.dimensions.len(),
        m.questions.len(),
        levels.join(", ")
    )
}

/// The page.
#[component]
pub fn AuthorPage() -> impl IntoView {
    let active = use_context::<ActivePreview>();
    let outcome = RwSignal::new(None::<Outcome>);
    let store_error = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = files::chosen_files(&input).into_iter().next() else {
            return;
        };
        store_error.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let result = match files::read_text(&file).await {
                Err(e) => Outcome::Unreadable(format!("{name} can't be read: {e}.")),
                // This page is the `author` chunk, which holds the checker.
                Ok(text) => {
                    let result = Model::check(&text).map(Box::new);
                    Outcome::Checked { name, text, result }
                }
            };
            outcome.set(Some(result));
        });
    };
    let preview_it = move |name: String, text: String| {
        match preview::store(&PreviewFile { name, text }) {
            Ok(()) => crate::site::restart(),
            Err(e) => store_error.set(Some(format!(
                "The model can't be kept for preview: {e}. Free some space (for example, delete saved results) and try again."
            ))),
        }
    };
    let stop = move |_| {
        preview::remove();
        crate::site::restart();
    };

    let result = move || {
        outcome.get().map(|o| match o {
            Outcome::Unreadable(message) => view! {
                <Notice tone=Tone::Error testid="author-unreadable"><p>{message}</p></Notice>
            }
            .into_any(),
            Outcome::Checked { name, result: Err(problems), .. } => {
                let n = problems.len();
                view! {
                    <Notice tone=Tone::Error testid="author-problems">
                        <p>
                            <strong>{format!("{name}: {n} problem{} found. ", if n == 1 { "" } else { "s" })}</strong>
                            {if n == 1 {
                                "Fix it in the file and open it again. It names where it is in the JSON."
                            } else {
                                "Fix them in the file and open it again. Each names where it is in the JSON."
                            }}
                        </p>
                        <ul class="author__problems">
                            {problems
                                .into_iter()
                                .map(|p| {
                                    let path = (!p.path.is_empty()).then(|| view! { <code>{p.path.clone()}</code>": " });
                                    view! { <li>{path}{p.error.to_string()}</li> }
                                })
                                .collect_view()}
                        </ul>
                    </Notice>
                }
                .into_any()
            }
            Outcome::Checked { name, text, result: Ok(model) } => {
                let (n2, t2) = (name.clone(), text);
                view! {
                    <Notice tone=Tone::Info testid="author-valid">
                        <p><strong>{format!("{name} is a valid model: {}. ", model.title)}</strong>{summary(&model)}</p>
                        <p>"Previewing runs the whole app on it in this browser: questionnaire, results, radar, roadmap and links. Your answers to the built-in assessment are kept apart and come back when you stop."</p>
                        <NoticeActions slot>
                            <button type="button" class="button button--primary" data-testid="author-preview"
                                on:click=move |_| preview_it(n2.clone(), t2.clone())>
                                "Preview this model"
                            </button>
                        </NoticeActions>
                    </Notice>
                }
                .into_any()
            }
        })
    };

    view! {
        <article class="author">
            <h1 tabindex="-1">"Preview your own model"</h1>
            <p class="author__lead">
                "Adapted the maturity model, or wrote your own? Open its JSON file to check it and run the assessment on it. "
                "The file stays in this browser: nothing is uploaded. How to write one: docs/CUSTOMIZE.md in the project's repository; "
                <a href="model.schema.json">"model.schema.json"</a>
                " lets an editor check it as you type."
            </p>
            {active.map(|a| view! {
                <Notice tone=Tone::Info testid="author-active">
                    <p>{format!("Now previewing {} ({}).", a.title, a.file)}</p>
                    <NoticeActions slot>
                        <button type="button" class="button" on:click=stop>"Stop previewing"</button>
                    </NoticeActions>
                </Notice>
            })}
            <div class="author__open">
                <label class="author__label" for="model-file">"Model file (JSON)"</label>
                <input id="model-file" type="file" accept=".json,application/json" data-testid="author-file" on:change=on_file/>
            </div>
            <div aria-live="polite">{result}</div>
            {move || store_error.get().map(|e| view! {
                <Notice tone=Tone::Error testid="author-store-error"><p>{e}</p></Notice>
            })}
        </article>
    }
}

/// The line under the header on every page while a model file is previewed.
#[component]
pub fn PreviewBanner() -> impl IntoView {
    use_context::<ActivePreview>().map(|a| {
        view! {
            <div class="preview-banner" data-testid="preview-banner" role="note">
                <p>
                    <strong>{format!("Previewing {}", a.title)}</strong>
                    {format!(" from {}. Its results and links work only where this file is previewed. ", a.file)}
                    <a href="#/author">"Model file"</a>
                </p>
            </div>
        }
    })
}
