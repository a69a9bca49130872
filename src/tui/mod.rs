//! The terminal app: the screens a person works in.
//!
//! One direction of flow: a terminal event becomes an [`Action`] (through the
//! keymap), [`update`] changes the [`State`] and returns [`Effect`]s, the loop
//! in `app` carries them out, and [`view`] draws the state when it changed.

pub mod action;
pub mod app;
mod clipboard;
pub mod data;
mod external_editor;
pub mod help;
pub mod i18n;
pub mod input;
pub mod key;
pub mod keymap;
pub mod layout;
pub mod screens;
pub mod search;
pub mod state;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;

pub use action::Action;
pub use app::{Options, TuiError, run};
pub use i18n::Lang;
pub use state::{Data, Effect, State, dispatch, update};
pub use theme::Theme;
