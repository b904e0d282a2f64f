//! Time as the app needs it: "now" from `Date.now()` and friendly phrasing,
//! and work spread over the browser's frames and tasks.

/// Runs `f` after the next paint: in the frame's callback it is queued as a
/// task of its own, so the browser paints what is on the page first, and
/// `f`'s work is not part of the task that drew it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO);
    });
}

/// How many of a long list's `total()` items to show: `first` at once,
/// then `slice` more per task until all are, so drawing them is never one
/// long task and the first ones show at once.
pub fn filling(
    total: impl Fn() -> usize + Send + Sync + 'static,
    first: usize,
    slice: usize,
) -> leptos::prelude::Signal<usize> {
    use leptos::prelude::*;
    let total = Signal::derive(total);
    let shown = RwSignal::new(first);
    Effect::new(move |_| {
        if shown.get() < total.get() {
            set_timeout(
                move || {
                    let _ = shown.try_update(|n| *n += slice);
                },
                std::time::Duration::ZERO,
            );
        }
    });
    Signal::derive(move || shown.get().min(total.get()))
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// How long ago `then_ms` was, in words: "just now", "5 minutes ago",
/// "3 hours ago", "2 days ago". `None` when it is more than a week ago or
/// in the future by more than a minute (clock changes): show a date instead.
pub fn ago(now_ms: f64, then_ms: f64) -> Option<String> {
    let secs = (now_ms - then_ms) / 1000.0;
    if secs < -60.0 {
        return None;
    }
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{n} {unit}s ago")
        }
    };
    let secs = secs.max(0.0) as u64;
    Some(match secs {
        0..60 => "just now".to_owned(),
        60..3600 => plural(secs / 60, "minute"),
        3600..86_400 => plural(secs / 3600, "hour"),
        86_400..604_800 => plural(secs / 86_400, "day"),
        _ => return None,
    })
}

/// The local date of `ms`, in the browser's own format.
pub fn date(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    String::from(d.to_locale_date_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// "5 minutes ago", or the local date for older times.
pub fn when(then_ms: f64) -> String {
    ago(now_ms(), then_ms).unwrap_or_else(|| format!("on {}", date(then_ms)))
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn phrases() {
        let now = 1_000_000_000_000.0;
        let cases = [
            (0.0, Some("just now")),
            (59.0, Some("just now")),
            (60.0, Some("1 minute ago")),
            (125.0, Some("2 minutes ago")),
            (3600.0, Some("1 hour ago")),
            (86_400.0 * 2.0, Some("2 days ago")),
            (86_400.0 * 8.0, None),
            (-30.0, Some("just now")),
            (-3600.0, None),
        ];
        for (secs_ago, want) in cases {
            assert_eq!(
                ago(now, now - secs_ago * 1000.0).as_deref(),
                want,
                "{secs_ago}"
            );
        }
    }
}
