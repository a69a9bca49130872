//! The terminal app: the screens a person works in.

pub mod text;
pub mod widgets;
