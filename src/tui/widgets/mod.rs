//! Reusable pieces of the screens.

pub mod gauge;
pub mod markdown;
pub mod radar;
pub mod text_box;
