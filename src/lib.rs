//! ladder: a terminal coach for climbing an engineering career ladder.
//!
//! `core` is the domain (content packs, profiles, scoring, reports) and never
//! touches the terminal; `cli` holds the subcommands; `tui` is the terminal
//! app.

pub mod cli;
pub mod core;
pub mod tui;
