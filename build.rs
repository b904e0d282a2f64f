//! Builds in the site's extra models: the files listed in `MODELS`
//! (comma-separated, relative to the repository root), each checked as
//! `model-check` checks it and against the others
//! (`maturity_engine::site::check_site`). A file with problems stops the
//! build with every problem listed.
//!
//! The app gets only the list (`$OUT_DIR/site_models.rs`, read by
//! `src/site.rs`): a model's questions are fetched when it is chosen, from
//! the copy `scripts/postbuild.mjs` ships as `models/<id>.json`.

use maturity_engine::site::{check_site, parse_list};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=MODELS");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let setting = std::env::var("MODELS").unwrap_or_default();
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for name in parse_list(&setting) {
        let path = Path::new(&root).join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((name, text)),
            Err(e) => unreadable.push(format!(
                "{name} (in MODELS) can't be read: {e}; paths are relative to {root}"
            )),
        }
    }
    let checked = check_site(maturity_engine::builtin(), &files);
    let mut errors = unreadable;
    if let Err(site_errors) = &checked {
        errors.extend(site_errors.iter().map(ToString::to_string));
    }
    if !errors.is_empty() {
        eprintln!("\nThe models listed in MODELS={setting} can't be built in:\n");
        for e in &errors {
            eprintln!("{e}\n");
        }
        std::process::exit(1);
    }
    let entries = checked.unwrap_or_default();
    // A const, not a static: with MODELS unset the list is known to be
    // empty where it is read, and the code for choosing and fetching
    // models drops out of the build.
    let mut out =
        String::from("/// The site's models beyond the built-in one, as listed in `MODELS`.\n");
    out.push_str("pub const EXTRA: &[SiteModel] = &[\n");
    for e in &entries {
        out.push_str(&format!(
            "    SiteModel {{ id: {:?}, title: {:?}, code: {}, version: {}, file: {:?}, dimensions: {}, questions: {}, levels: {} }},\n",
            e.id, e.title, e.code, e.version, e.file, e.dimensions, e.questions, e.levels
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("site_models.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
