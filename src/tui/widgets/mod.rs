//! Pieces the screens are drawn with.

pub mod fit;
pub mod gauge;
pub mod radar;
