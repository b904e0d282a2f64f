//! How the charts look: every colour (with its light and dark value), line
//! width, marker and dash, in one place.
//!
//! The SVG is drawn with the light values. plotters writes colours as fixed
//! `fill`/`stroke` attributes (no classes, no `currentColor`), and the CSP
//! forbids a `<style>` inside the SVG, so dark mode is a block of rules in
//! `style/pages.css` that swaps each light value for its dark one. That
//! block is [`dark_css`]'s output, and a test checks it is there verbatim.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, upper case, as plotters writes it (CSS attribute
    /// selectors compare case-sensitively).
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// A colour in the light and in the dark scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub light: Rgb,
    pub dark: Rgb,
}

/// Rings and spokes (the theme's `--line-strong`).
pub const GRID: Colour = Colour {
    light: Rgb(0x8A, 0x8F, 0x98),
    dark: Rgb(0x6E, 0x76, 0x81),
};
/// Axis names (the theme's `--ink`).
pub const LABEL: Colour = Colour {
    light: Rgb(0x1F, 0x23, 0x28),
    dark: Rgb(0xE6, 0xED, 0xF3),
};
/// Ring numbers (the theme's `--muted`).
pub const RING_NUMBER: Colour = Colour {
    light: Rgb(0x57, 0x60, 0x6A),
    dark: Rgb(0xA4, 0xAF, 0xBB),
};
/// The main series and a team's band (the theme's `--accent`).
pub const BLUE: Colour = Colour {
    light: Rgb(0x0B, 0x5C, 0xAD),
    dark: Rgb(0x6C, 0xB2, 0xFF),
};
/// The earlier result in a comparison.
pub const ORANGE: Colour = Colour {
    light: Rgb(0xA0, 0x4A, 0x00),
    dark: Rgb(0xF0, 0xA3, 0x5E),
};
/// The inside of a hollow marker: the chart's background (`--surface`).
pub const HOLE: Colour = Colour {
    light: Rgb(0xFF, 0xFF, 0xFF),
    dark: Rgb(0x17, 0x1B, 0x21),
};

/// Every colour a chart uses; their light values are all different, so
/// each maps to one dark value.
pub const PALETTE: [Colour; 6] = [GRID, LABEL, RING_NUMBER, BLUE, ORANGE, HOLE];

/// Width of series outlines.
pub const LINE_WIDTH: u32 = 3;
/// Width of rings, spokes and a band's edges.
pub const THIN_WIDTH: u32 = 1;
/// Radius of a round marker; half the side of a square one.
pub const MARKER_SIZE: i32 = 5;
/// Width of a square marker's border.
pub const MARKER_BORDER: i32 = 2;
/// Dash and gap of a dashed outline.
pub const DASH: (u32, u32) = (7, 5);
/// Opacity of a filled series.
pub const FILL_OPACITY: f64 = 0.15;
/// Opacity of a band.
pub const BAND_OPACITY: f64 = 0.2;
/// Font of every text in a chart.
pub const FONT: &str = "sans-serif";

/// How a series' outline is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    Solid,
    Dashed,
}

/// The shape drawn at each corner of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
}

/// How one series looks. Series differ in stroke *and* marker, so they can be
/// told apart without colour (printouts, colour blindness).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    pub stroke: Stroke,
    pub marker: Marker,
    pub colour: Colour,
    /// Whether the polygon gets a light fill.
    pub filled: bool,
}

/// One assessment's scores, "now", a team's median: solid outline, round
/// markers, blue, filled.
pub const SOLID_STYLE: SeriesStyle = SeriesStyle {
    stroke: Stroke::Solid,
    marker: Marker::Circle,
    colour: BLUE,
    filled: true,
};

/// "Then": dashed outline, hollow square markers, orange, not filled.
pub const DASHED_STYLE: SeriesStyle = SeriesStyle {
    stroke: Stroke::Dashed,
    marker: Marker::Square,
    colour: ORANGE,
    filled: false,
};

/// Colour of a team's min–max band.
pub const BAND: Colour = BLUE;

/// The dark-scheme rules for `style/pages.css`: for every colour, its light
/// value in a `fill` or `stroke` attribute inside a `.radar` figure (the
/// charts and their legends) becomes its dark value. Only the test that
/// checks the stylesheet needs it.
#[cfg(test)]
pub fn dark_css() -> String {
    let mut css = String::from("@media (prefers-color-scheme: dark) {\n");
    for c in PALETTE {
        let (light, dark) = (c.light.hex(), c.dark.hex());
        css.push_str(&format!(
            "    .radar [fill=\"{light}\"] {{ fill: {dark}; }}\n    .radar [stroke=\"{light}\"] {{ stroke: {dark}; }}\n"
        ));
    }
    css.push('}');
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The theme's backgrounds a chart can sit on: the card (`--surface`)
    /// and, on narrow phones where the card is dropped, the page (`--bg`).
    const SURFACE: Colour = HOLE;
    const PAGE: Colour = Colour {
        light: Rgb(0xF6, 0xF7, 0xF9),
        dark: Rgb(0x0F, 0x12, 0x16),
    };

    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    /// WCAG 2 contrast ratio.
    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// `top` at `opacity` over `bottom`.
    fn over(top: Rgb, opacity: f64, bottom: Rgb) -> Rgb {
        let mix =
            |t: u8, b: u8| (f64::from(t) * opacity + f64::from(b) * (1.0 - opacity)).round() as u8;
        Rgb(
            mix(top.0, bottom.0),
            mix(top.1, bottom.1),
            mix(top.2, bottom.2),
        )
    }

    /// A colour's value in one scheme.
    type Pick = fn(Colour) -> Rgb;

    fn schemes() -> [(&'static str, Pick); 2] {
        [("light", |c| c.light), ("dark", |c| c.dark)]
    }

    #[test]
    fn text_meets_aa_in_both_schemes() {
        for (scheme, pick) in schemes() {
            for bg in [SURFACE, PAGE] {
                for (name, c) in [("label", LABEL), ("ring number", RING_NUMBER)] {
                    let r = contrast(pick(c), pick(bg));
                    assert!(r >= 4.5, "{scheme} {name} on {:?}: {r:.2}", pick(bg));
                }
            }
        }
    }

    #[test]
    fn lines_and_markers_meet_aa_non_text_contrast_in_both_schemes() {
        for (scheme, pick) in schemes() {
            for bg in [SURFACE, PAGE] {
                let bg = pick(bg);
                // The rings show the levels against the background. The
                // series lie on the background, on a fill or on the band.
                let r = contrast(pick(GRID), bg);
                assert!(r >= 3.0, "{scheme} grid on {bg:?}: {r:.2}");
                let grounds = [
                    bg,
                    over(pick(BLUE), FILL_OPACITY, bg),
                    over(pick(BAND), BAND_OPACITY, bg),
                ];
                for (name, c) in [("blue", BLUE), ("orange", ORANGE)] {
                    for ground in grounds {
                        let r = contrast(pick(c), ground);
                        assert!(r >= 3.0, "{scheme} {name} on {ground:?}: {r:.2}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_colour_has_its_own_light_value() {
        let hexes: Vec<String> = PALETTE.iter().map(|c| c.light.hex()).collect();
        for (i, h) in hexes.iter().enumerate() {
            assert!(!hexes[i + 1..].contains(h), "{h} twice");
        }
        assert_eq!(BLUE.light.hex(), "#0B5CAD");
    }

    #[test]
    fn the_stylesheet_swaps_every_colour_in_dark_mode() {
        let css = include_str!("../../style/pages.css");
        let rules = dark_css();
        assert!(
            css.contains(&rules),
            "style/pages.css must hold, verbatim:\n{rules}"
        );
        // No other rule restyles a chart colour.
        assert_eq!(css.matches(".radar [").count(), 2 * PALETTE.len());
        for c in PALETTE {
            assert_eq!(css.matches(&c.light.hex()).count(), 2, "{}", c.light.hex());
        }
    }
}
