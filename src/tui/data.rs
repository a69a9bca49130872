//! What the screens show and change: the [`Workspace`] of the core.
//!
//! Screens change the profile only through [`Workspace::apply`] and hand
//! the loop what it says to save (an `Effect`); they never touch files.

pub use crate::core::workspace::{SaveStatus, Workspace as Data};

use super::state::Effect;
use crate::core::workspace::{Command, Outcome, Refused};

/// Applies `command` to the workspace; the effects that save what changed
/// (none when nothing did).
pub fn apply(data: &mut Data, command: Command) -> Result<Vec<Effect>, Refused> {
    data.apply(command).map(saves)
}

/// The effects that write what `outcome` changed.
pub fn saves(outcome: Outcome) -> Vec<Effect> {
    match outcome {
        Outcome::Unchanged => Vec::new(),
        Outcome::Changed(files) => files.into_iter().map(Effect::Save).collect(),
    }
}
