//! A small stable sort for the short lists the app orders.
//!
//! `slice::sort_by` (driftsort) is fast on big inputs but is several KiB of
//! wasm for every element type and comparator it is used with; six call
//! sites cost about 25 KiB of the release build. clippy.toml bans the std
//! sorts, and docs/DESIGN.md lists this with the other size measures. The lists
//! sorted here are short (questions, dimensions, team members, snapshots),
//! so a binary insertion sort does: O(n log n) comparisons, O(n²) moves
//! (`memmove`s), and O(n) on input that is already sorted, as history is.

use std::cmp::Ordering;

/// Sorts `v` stably by `compare`: the same order as
/// [`slice::sort_by`](https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by),
/// with far less code.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let (sorted, rest) = v.split_at(i);
        // After every element not greater than v[i]: equal ones keep their order.
        let at = sorted.partition_point(|x| compare(x, &rest[0]) != Ordering::Greater);
        v[at..=i].rotate_right(1);
    }
}

/// Sorts `v` stably by `key`, like
/// [`slice::sort_by_key`](https://doc.rust-lang.org/std/primitive.slice.html#method.sort_by_key).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std's sorts are the reference here
mod tests {
    use super::{sort_by, sort_by_key};
    use proptest::prelude::*;

    #[test]
    fn sorts_edge_cases() {
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |x| *x);
        let mut one = [7];
        sort_by_key(&mut one, |x| *x);
        assert_eq!(one, [7]);
        let mut v = [3, 1, 2, 1, 3, 0];
        sort_by_key(&mut v, |x| *x);
        assert_eq!(v, [0, 1, 1, 2, 3, 3]);
        let mut desc = [1.5, -0.0, 0.0, f64::NAN, -3.0];
        sort_by(&mut desc, |a, b| b.total_cmp(a));
        assert_eq!(format!("{desc:?}"), "[NaN, 1.5, 0.0, -0.0, -3.0]");
    }

    proptest! {
        /// Same result as std's stable sort, equal keys in input order.
        #[test]
        fn matches_std_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn matches_std_on_floats(v in proptest::collection::vec(any::<f64>(), 0..100)) {
            let mut ours = v.clone();
            sort_by(&mut ours, f64::total_cmp);
            let mut std = v;
            std.sort_by(f64::total_cmp);
            prop_assert_eq!(
                ours.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                std.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
            );
        }
    }
}
