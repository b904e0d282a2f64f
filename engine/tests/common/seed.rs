//! The seed text (`../shared/seed/mlops-maturity-model.txt`), parsed: the
//! overview table's highlights and Technology column, and the four
//! dimension columns of each level's table. Tests derive what a level
//! means from here, not from the model file's own level fields.

use std::path::PathBuf;

/// The seed lives in `../shared/seed/` beside the clone (always so in CI).
pub fn seed_path() -> PathBuf {
    match std::env::var_os("MLOPS_SEED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/seed/mlops-maturity-model.txt"),
    }
}

/// Whether this runs in CI (`CI` set to anything but "" or "false").
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// The seed's text; `None` (reported as a skip) when it is absent outside CI.
pub fn read_seed() -> Option<String> {
    use std::io::Write as _;
    let path = seed_path();
    let Ok(seed) = std::fs::read_to_string(&path) else {
        let why = format!(
            "the seed text is not at {} (it is beside the clone in CI; set MLOPS_SEED to its path to run this test)",
            path.display()
        );
        // In CI the seed is always there: its absence is a broken checkout.
        assert!(!in_ci(), "seed: {why}");
        // Straight to stderr, past the test harness's capture, so the skip
        // shows in the output and scripts/test.sh counts it.
        let _ = writeln!(std::io::stderr(), "SKIPPED: seed: {why}");
        return None;
    };
    Some(seed)
}

/// One bullet of the seed: where it stands and its words.
#[derive(Debug, Clone, PartialEq)]
pub enum Bullet {
    Highlight {
        level: u8,
        text: String,
    },
    Characteristic {
        level: u8,
        dimension: String,
        text: String,
    },
}

/// The dimension ids of the per-level tables' columns, in order.
pub const TABLE_DIMENSIONS: [&str; 4] = ["people", "creation", "release", "integration"];

/// The parsed seed: every bullet, the levels' names, and how many lines of
/// the text start with "- " (to prove no bullet was missed).
pub struct Seed {
    pub bullets: Vec<Bullet>,
    pub names: Vec<(u8, String)>,
    pub dash_lines: usize,
}

impl Seed {
    /// Whether the level-`level` row of `dimension` holds `text`, verbatim.
    /// The Technology column is cumulative: its statements of levels 1 to
    /// `level` count.
    pub fn row_has(&self, level: u8, dimension: &str, text: &str) -> bool {
        self.bullets.iter().any(|b| match b {
            Bullet::Characteristic {
                level: l,
                dimension: d,
                text: t,
            } => {
                d == dimension
                    && t == text
                    && if dimension == "technology" {
                        (1..=level).contains(l)
                    } else {
                        *l == level
                    }
            }
            Bullet::Highlight { .. } => false,
        })
    }
}

/// Parses the seed's overview table and its five per-level tables.
pub fn parse_seed(text: &str) -> Seed {
    let lines: Vec<&str> = text.lines().collect();
    let mut bullets = Vec::new();
    let mut names = Vec::new();
    // Overview: "N |", "Name |", highlights, "|", technology, "|".
    let start = lines
        .iter()
        .position(|l| l.trim() == "Technology |")
        .expect("overview table")
        + 1;
    let mut i = start;
    for level in 0..=4u8 {
        assert_eq!(
            lines[i].trim(),
            format!("{level} |"),
            "overview row for level {level}"
        );
        names.push((level, lines[i + 1].trim_end_matches('|').trim().to_owned()));
        i += 2;
        let mut column = 0;
        while column < 2 {
            let l = lines[i];
            if let Some(t) = l.strip_prefix("- ") {
                bullets.push(if column == 0 {
                    Bullet::Highlight {
                        level,
                        text: t.to_owned(),
                    }
                } else {
                    Bullet::Characteristic {
                        level,
                        dimension: "technology".into(),
                        text: t.to_owned(),
                    }
                });
            } else if l.trim() == "|" {
                column += 1;
            }
            i += 1;
        }
    }
    // Per-level tables: a "Level N: ..." heading, four header cells, then four
    // columns of bullets each closed by "|".
    let mut i = 0;
    while i < lines.len() {
        let Some(rest) = lines[i].strip_prefix("Level ") else {
            i += 1;
            continue;
        };
        let Some(level) = rest.split(':').next().and_then(|n| n.parse::<u8>().ok()) else {
            i += 1;
            continue;
        };
        i += 1;
        while !lines[i].starts_with("- ") {
            i += 1;
        }
        let mut column = 0;
        while column < TABLE_DIMENSIONS.len() {
            let l = lines[i];
            if let Some(t) = l.strip_prefix("- ") {
                bullets.push(Bullet::Characteristic {
                    level,
                    dimension: TABLE_DIMENSIONS[column].into(),
                    text: t.to_owned(),
                });
            } else if l.trim() == "|" {
                column += 1;
            }
            i += 1;
        }
    }
    let dash_lines = lines.iter().filter(|l| l.starts_with("- ")).count();
    Seed {
        bullets,
        names,
        dash_lines,
    }
}
