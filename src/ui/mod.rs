//! The app's components, one family per file.

pub mod confirm;
pub mod focus;
pub mod notices;
pub mod question;
pub mod radar;
pub mod results;
pub mod roadmap;
pub mod share;
pub mod start;
pub mod steps;
