//! The app's components, one family per file.

pub mod author;
pub mod compare;
pub mod confirm;
pub mod export;
pub mod focus;
pub mod format;
pub mod history;
pub mod lazy;
pub mod nav;
pub mod notices;
pub mod qr;
pub mod question;
pub mod radar;
pub mod results;
pub mod roadmap;
pub mod share;
pub mod start;
pub mod steps;
pub mod table;
pub mod targets;
pub mod team;
