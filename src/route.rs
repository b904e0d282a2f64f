//! The app's routes and their text form in the URL fragment. Pure: the
//! browser side (reading and changing `location`) is in [`crate::location`].
//!
//! The fragment is never sent to a server, which is why answers can travel in
//! it (`#/r/<payload>`) without leaving the browser.

use maturity_engine::Model;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// `` or `#/`: what the assessment is; start or resume.
    Start,
    /// `#/q/<dimension id>`: the questions of one dimension (its index).
    Step(usize),
    /// `#/results`: results of the current draft.
    Results,
    /// `#/r/<payload>`: a shared result, read-only. The payload is kept as
    /// text; decoding it (and reporting a bad one) is the view's job.
    Shared(String),
    /// `#/compare` (a form) or `#/compare/<before>/<after>`: two results
    /// side by side. Payloads are kept as text, like [`Route::Shared`].
    Compare(Option<(String, String)>),
    /// `#/team` (empty: the form) or `#/team/<payload>.<payload>…`: several
    /// results aggregated. The list is kept as text; the page reads it.
    Team(String),
    /// `#/history`: the saved snapshots.
    History,
    /// `#/author`: preview a model file of one's own.
    Author,
}

impl Route {
    /// Reads a fragment (`location.hash`, with or without the leading `#`).
    /// Anything unknown is the start page: a typo never shows a blank page.
    pub fn parse(model: &Model, hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        if let Some(id) = path.strip_prefix("q/") {
            return model
                .dimension_index(id.trim_end_matches('/'))
                .map_or(Route::Start, Route::Step);
        }
        if let Some(payload) = path.strip_prefix("r/") {
            return Route::Shared(payload.trim().to_owned());
        }
        if let Some(rest) = path.strip_prefix("compare") {
            if rest.is_empty() || rest.starts_with('/') {
                return Route::parse_compare(rest);
            }
        }
        if let Some(rest) = path.strip_prefix("team") {
            if rest.is_empty() || rest.starts_with('/') {
                return Route::Team(rest.trim_matches('/').trim().to_owned());
            }
        }
        match path.trim_end_matches('/') {
            "results" => Route::Results,
            "history" => Route::History,
            "author" => Route::Author,
            _ => Route::Start,
        }
    }

    /// The fragment for this route, with the leading `#`.
    pub fn to_hash(&self, model: &Model) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Step(d) => format!("#/q/{}", model.dimensions[*d].id),
            Route::Results => "#/results".to_owned(),
            Route::Shared(p) => shared_hash(p),
            Route::Compare(None) => "#/compare".to_owned(),
            Route::Compare(Some((a, b))) => format!("#/compare/{a}/{b}"),
            Route::Team(list) if list.is_empty() => "#/team".to_owned(),
            Route::Team(list) => format!("{TEAM_PREFIX}{list}"),
            Route::History => "#/history".to_owned(),
            Route::Author => "#/author".to_owned(),
        }
    }
}

/// Route helpers for the feature pages.
impl Route {
    /// `/<before>/<after>` after `compare`; anything else is the form.
    fn parse_compare(rest: &str) -> Route {
        let rest = rest.trim_matches('/');
        match rest.split_once('/') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                Route::Compare(Some((a.trim().to_owned(), b.trim().to_owned())))
            }
            _ => Route::Compare(None),
        }
    }
}

/// What starts the fragment of a team view with its members.
const TEAM_PREFIX: &str = "#/team/";

/// Separates the members' payloads in a team view's fragment: not a
/// character of a payload (base64url).
pub const TEAM_SEPARATOR: char = '.';

/// The fragment of a team view of these results' payloads.
pub fn team_hash<'a>(payloads: impl IntoIterator<Item = &'a str>) -> String {
    let list: Vec<&str> = payloads.into_iter().collect();
    if list.is_empty() {
        return "#/team".to_owned();
    }
    format!("{TEAM_PREFIX}{}", list.join(&TEAM_SEPARATOR.to_string()))
}

/// The payloads listed in a team view's fragment text, blanks skipped.
pub fn team_members(list: &str) -> impl Iterator<Item = &str> {
    list.split(TEAM_SEPARATOR)
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// What starts the fragment of a shared result.
const SHARED_PREFIX: &str = "#/r/";

/// What marks a result link as made with a previewed model file:
/// `#/r/<payload>/needs/<model id>`.
const NEEDS: &str = "/needs/";

/// The fragment of a shared result: `#/r/<payload>`, marked as needing the
/// model file when this page runs on a previewed model, which other
/// browsers do not have ([`crate::site::previewed_id`]). Every link to a
/// result is written by this one function.
pub fn shared_hash(payload: &str) -> String {
    match crate::site::previewed_id() {
        Some(id) => format!("{SHARED_PREFIX}{payload}{NEEDS}{id}"),
        None => format!("{SHARED_PREFIX}{payload}"),
    }
}

/// A shared result's text split into its payload and the model file it
/// needs, if it is marked as needing one.
pub fn needs_model(text: &str) -> (&str, Option<&str>) {
    match text.split_once(NEEDS) {
        Some((payload, id)) => (payload, Some(id.trim_matches('/'))),
        None => (text, None),
    }
}

/// The payload of a result link as a user pastes it: what follows `#/r/` in
/// a full link, or the (trimmed) text itself when it is a bare payload.
pub fn payload_of(text: &str) -> &str {
    let text = text.trim();
    match text.rfind(SHARED_PREFIX) {
        Some(at) => &text[at + SHARED_PREFIX.len()..],
        None => text,
    }
}

#[cfg(test)]
mod feature_tests {
    use super::*;

    #[test]
    fn a_pasted_link_or_bare_payload_gives_the_payload() {
        assert_eq!(payload_of(" https://h/p/#/r/abc "), "abc");
        assert_eq!(payload_of("https://h/p/?x#/r/abc\n"), "abc");
        assert_eq!(payload_of("abc"), "abc");
        assert_eq!(payload_of(&shared_hash("xyz")), "xyz");
    }

    #[test]
    fn a_team_hash_lists_its_members_and_reads_back() {
        let model = maturity_engine::builtin();
        let hash = team_hash(["AbC", "x-_9"]);
        assert_eq!(hash, "#/team/AbC.x-_9");
        let Route::Team(list) = Route::parse(model, &hash) else {
            panic!("{hash} is a team route");
        };
        assert_eq!(team_members(&list).collect::<Vec<_>>(), ["AbC", "x-_9"]);
        assert_eq!(team_members(" a..b. ").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(team_hash([]), "#/team");
    }

    #[test]
    fn a_shared_hash_parses_back_to_its_payload() {
        let model = maturity_engine::builtin();
        let hash = shared_hash("BAQEAkkkkkkkkkkkkkkkgiGA");
        assert_eq!(hash, "#/r/BAQEAkkkkkkkkkkkkkkkgiGA");
        assert_eq!(
            Route::parse(model, &hash),
            Route::Shared("BAQEAkkkkkkkkkkkkkkkgiGA".into())
        );
    }

    #[test]
    fn parses_compare_team_and_history() {
        let m = maturity_engine::builtin();
        let pair = |a: &str, b: &str| Route::Compare(Some((a.into(), b.into())));
        let cases = [
            ("#/compare", Route::Compare(None)),
            ("#/compare/", Route::Compare(None)),
            ("#/compare/AbC", Route::Compare(None)),
            ("#/compare/AbC/", Route::Compare(None)),
            ("#/compare/AbC/x-_9", pair("AbC", "x-_9")),
            ("#/compare/AbC/x-_9/", pair("AbC", "x-_9")),
            ("#/comparexyz", Route::Start),
            ("#/team", Route::Team(String::new())),
            ("#/team/", Route::Team(String::new())),
            ("#/team/AbC.x-_9", Route::Team("AbC.x-_9".into())),
            ("#/team/AbC.x-_9/", Route::Team("AbC.x-_9".into())),
            ("#/teamwork", Route::Start),
            ("#/history", Route::History),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(m, hash), want, "{hash:?}");
        }
        for r in [
            Route::Compare(None),
            pair("a", "b"),
            Route::Team(String::new()),
            Route::Team("a.b".into()),
            Route::History,
        ] {
            assert_eq!(Route::parse(m, &r.to_hash(m)), r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route_and_falls_back_to_start() {
        let m = maturity_engine::builtin();
        let cases = [
            ("", Route::Start),
            ("#", Route::Start),
            ("#/", Route::Start),
            ("#/q/people", Route::Step(0)),
            ("#/q/technology", Route::Step(4)),
            ("#/q/nope", Route::Start),
            ("#/results", Route::Results),
            ("#/r/AbC-_9", Route::Shared("AbC-_9".into())),
            ("#/r/", Route::Shared(String::new())),
            ("#/author", Route::Author),
            ("#/whatever", Route::Start),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(m, hash), want, "{hash:?}");
        }
    }

    #[test]
    fn a_link_marked_as_needing_a_model_file_names_it() {
        assert_eq!(
            needs_model("BAQE/needs/my-model"),
            ("BAQE", Some("my-model"))
        );
        assert_eq!(needs_model("BAQE"), ("BAQE", None));
    }

    #[test]
    fn round_trips() {
        let m = maturity_engine::builtin();
        for r in [
            Route::Start,
            Route::Step(2),
            Route::Results,
            Route::Shared("xyz".into()),
        ] {
            assert_eq!(Route::parse(m, &r.to_hash(m)), r);
        }
    }
}
