//! The MLOps maturity assessment engine: the model as data, the
//! questionnaire, scoring with explanations, and the versioned wire formats
//! (share links and drafts).
//!
//! Pure Rust with no browser dependency: everything here runs and is tested
//! natively. The app in the workspace root only draws what this computes.

pub mod answer;
pub mod compare;
pub mod doc;
pub mod draft;
pub mod export;
pub mod history;
pub mod link;
pub mod model;
pub mod scoring;
pub mod site;
pub mod sort;

pub use answer::{Answer, Answers, Targets};
pub use draft::{Draft, DraftError, Loaded, DRAFT_FORMAT};
pub use link::{LinkError, SharedResult, LINK_FORMAT, MAX_LINK_LEN};
pub use model::{builtin, builtin_core, builtin_version, Model, ModelError, Problem, Rule};
pub use scoring::{
    assess, crosswalk, roadmap, roadmap_of, short_of, Assessment, CrosswalkResult, DimensionScore,
    Explanation, Overall, RoadmapItem,
};
