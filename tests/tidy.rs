//! Checks that keep the code base honest about itself: ARCHITECTURE.md maps
//! every source file, every repository path named in a comment or a document
//! exists, and the modules of the engine and of `src/ui` import one another
//! without cycles.
#![cfg(not(target_arch = "wasm32"))]
// Native only: std's sorts cost no download here.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Files under `dir` (relative to the root, '/'-separated), recursively,
/// skipping build output and dependencies.
fn files_under(dir: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if matches!(
                name.as_str(),
                "target" | "node_modules" | "dist" | "artifacts" | ".git"
            ) {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The source files a maintainer needs the code map for.
fn source_files() -> Vec<String> {
    let mut files: Vec<String> = ["src", "engine/src", "scripts", "public", "style"]
        .into_iter()
        .flat_map(files_under)
        .filter(|f| {
            Path::new(f).extension().is_some_and(|e| {
                matches!(e.to_str(), Some("rs" | "mjs" | "sh" | "py" | "js" | "css"))
            })
        })
        .collect();
    files.push("engine/build.rs".to_owned());
    files.push("index.html".to_owned());
    files
}

#[test]
fn the_code_map_names_every_source_file() {
    let map = read("ARCHITECTURE.md");
    let missing: Vec<String> = source_files()
        .into_iter()
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap();
            // A full path, a path from its crate (`src/model.rs` under
            // `engine/`), or, in a list of one folder's files, the bare name.
            let from_crate = f.strip_prefix("engine/").unwrap_or(f);
            !(map.contains(f.as_str())
                || map.contains(&format!("`{from_crate}`"))
                || map.contains(&format!("`{name}`")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map does not name: {missing:?}"
    );
}

/// Repository paths in `text`: words starting with one of the top-level
/// folders and ending in a file extension.
fn named_paths(text: &str) -> Vec<String> {
    const ROOTS: [&str; 9] = [
        "src/", "engine/", "scripts/", "tests/", "docs/", "style/", "public/", ".cargo/", ".ci/",
    ];
    const EXTENSIONS: [&str; 14] = [
        "rs",
        "mjs",
        "js",
        "sh",
        "toml",
        "md",
        "css",
        "html",
        "json",
        "py",
        "svg",
        "png",
        "txt",
        "webmanifest",
    ];
    let is_path_char = |c: char| c.is_ascii_alphanumeric() || "_./-".contains(c);
    let mut out = Vec::new();
    for (at, _) in text.char_indices() {
        let rest = &text[at..];
        if !ROOTS.iter().any(|r| rest.starts_with(r)) {
            continue;
        }
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| is_path_char(c) || c == ':' || c == '@') {
            continue; // inside a longer path or a URL
        }
        let end = rest.find(|c: char| !is_path_char(c)).unwrap_or(rest.len());
        let word = rest[..end].trim_end_matches('.');
        let ext = word.rsplit_once('.').map(|(_, e)| e);
        if ext.is_some_and(|e| EXTENSIONS.contains(&e)) && !word.contains("..") {
            out.push(word.to_owned());
        }
    }
    out
}

#[test]
fn every_path_named_in_code_or_docs_exists() {
    let mut texts: Vec<String> = [
        "src", "engine", "scripts", "tests", "docs", "style", "public", ".ci", ".cargo",
    ]
    .into_iter()
    .flat_map(files_under)
    .filter(|f| {
        Path::new(f).extension().is_some_and(|e| {
            matches!(
                e.to_str(),
                Some("rs" | "mjs" | "js" | "sh" | "toml" | "md" | "css" | "html" | "py")
            )
        })
    })
    .collect();
    texts.extend(
        [
            "ARCHITECTURE.md",
            "README.md",
            "Cargo.toml",
            "Trunk.toml",
            "index.html",
            "clippy.toml",
            "package.json",
        ]
        .map(str::to_owned),
    );
    let mut broken = BTreeSet::new();
    for file in &texts {
        let text = read(file);
        for path in named_paths(&text) {
            // Paths in the engine crate are often written from its folder.
            let exists = root().join(&path).exists() || root().join("engine").join(&path).exists();
            if !exists {
                broken.insert(format!("{file}: {path}"));
            }
        }
    }
    assert!(broken.is_empty(), "paths that do not exist: {broken:#?}");
}

#[test]
fn the_path_finder_finds_paths_and_skips_urls() {
    let found = named_paths(
        "see src/ui/lazy.rs, and `engine/build.rs`. Not https://x.org/src/a.rs nor src/ui/*.rs; tests/e2e/app.mjs.",
    );
    assert_eq!(
        found,
        ["src/ui/lazy.rs", "engine/build.rs", "tests/e2e/app.mjs"]
    );
}

/// The modules a module of `folder` imports from its siblings, where
/// siblings are named `prefix<name>` (e.g. `crate::ui::results`).
fn import_graph(folder: &str, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let modules: Vec<String> = files_under(folder)
        .into_iter()
        .filter(|f| f.ends_with(".rs") && f.matches('/').count() == folder.matches('/').count() + 1)
        .map(|f| {
            f.rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_owned()
        })
        .filter(|m| m != "mod" && m != "lib")
        .collect();
    let mut graph = BTreeMap::new();
    for m in &modules {
        let text = read(&format!("{folder}/{m}.rs"));
        // Imports in tests do not shape the module graph.
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        let mut uses = BTreeSet::new();
        for other in &modules {
            if other == m {
                continue;
            }
            let named = [
                format!("{prefix}{other}::"),
                format!("{prefix}{other};"),
                format!("{prefix}{{{other}"),
                format!("{prefix}{other},"),
            ];
            // `use crate::{a, b}` style groups are expanded by hand here.
            let grouped = code.match_indices(&format!("{prefix}{{")).any(|(at, _)| {
                let group = &code[at + prefix.len() + 1..];
                let group = &group[..group.find('}').unwrap_or(group.len())];
                group.split(',').any(|item| {
                    let item = item.trim();
                    item == other
                        || item.starts_with(&format!("{other}::"))
                        || item.starts_with(&format!("{other} "))
                })
            });
            if grouped || named.iter().any(|n| code.contains(n.as_str())) {
                uses.insert(other.clone());
            }
        }
        graph.insert(m.clone(), uses);
    }
    graph
}

/// A cycle in `graph`, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn engine_modules_import_without_cycles() {
    let graph = import_graph("engine/src", "crate::");
    assert!(
        graph.get("compare").is_some_and(|u| u.contains("link")),
        "the graph is read: {graph:?}"
    );
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
}

#[test]
fn ui_modules_import_without_cycles() {
    let graph = import_graph("src/ui", "crate::ui::");
    assert!(
        graph.get("results").is_some_and(|u| u.contains("format")),
        "the graph is read: {graph:?}"
    );
    assert_eq!(find_cycle(&graph), None, "{graph:#?}");
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), BTreeSet::from([v.to_owned()])))
            .collect();
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let acyclic: BTreeMap<String, BTreeSet<String>> = [("a", "b")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), BTreeSet::from([v.to_owned()])))
        .collect();
    assert_eq!(find_cycle(&acyclic), None);
}
