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
        match path.trim_end_matches('/') {
            "results" => Route::Results,
            _ => Route::Start,
        }
    }

    /// The fragment for this route, with the leading `#`.
    pub fn to_hash(&self, model: &Model) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Step(d) => format!("#/q/{}", model.dimensions[*d].id),
            Route::Results => "#/results".to_owned(),
            Route::Shared(p) => format!("#/r/{p}"),
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
            ("#/whatever", Route::Start),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(m, hash), want, "{hash:?}");
        }
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
