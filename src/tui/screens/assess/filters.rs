//! The filters of the list and the target level: cycling through their
//! values, and dropping the filters that hide an indicator shown on request.

use super::items::items;
use super::{Assess, Note};
use crate::core::assess::{Filter, visible_indicators};
use crate::core::ids::LevelId;
use crate::core::workspace::Command;
use crate::tui::data::{Data, apply};
use crate::tui::state::Effect;

impl Assess {
    pub(super) fn change_filter(
        &mut self,
        data: &Data,
        change: impl FnOnce(&mut Filter),
    ) -> Vec<Effect> {
        let before = self.selected_item(data).map(|item| item.id().to_owned());
        change(&mut self.filter);
        let list = items(&self.filter, data);
        let found = before.and_then(|id| list.iter().position(|item| item.id() == id));
        self.detail_scroll = 0;
        self.selected = found.unwrap_or(0);
        Vec::new()
    }

    /// Drops each filter that, on its own, would hide indicator `id`.
    pub(super) fn reveal(&mut self, id: &str, data: &Data) {
        let shows = |only: Filter| {
            visible_indicators(&data.pack, &data.profile, &data.assessment, &only).contains(&id)
        };
        let f = &mut self.filter;
        if !shows(Filter {
            level: f.level.clone(),
            ..Filter::default()
        }) {
            f.level = None;
        }
        if !shows(Filter {
            dimension: f.dimension.clone(),
            ..Filter::default()
        }) {
            f.dimension = None;
        }
        if !shows(Filter {
            unrated_only: f.unrated_only,
            ..Filter::default()
        }) {
            f.unrated_only = false;
        }
        if !shows(Filter {
            gaps_only: f.gaps_only,
            ..Filter::default()
        }) {
            f.gaps_only = false;
        }
    }
}

impl Assess {
    /// `t`: the target moves to the level after the one in force (chosen
    /// or automatic), and after the last level back to automatic. Starting
    /// from the target in force rather than from the chosen one means the
    /// first press from automatic changes the level, not only its origin.
    pub(super) fn cycle_target(&mut self, data: &mut Data) -> Vec<Effect> {
        let levels = &data.pack.levels;
        let in_force = data.assessment.target_level.clone();
        let position = in_force.as_deref().and_then(|id| data.pack.level_index(id));
        let next = match (data.profile.target_level.is_some(), position) {
            (true, Some(i)) => levels.get(i + 1).map(|l| l.id.value.clone()),
            // From automatic at the last level the cycle starts over.
            (false, Some(i)) => levels
                .get(i + 1)
                .or(levels.first())
                .map(|l| l.id.value.clone()),
            (_, None) => levels.first().map(|l| l.id.value.clone()),
        };
        let effects = apply(data, Command::SetTarget(next.map(LevelId::new))).unwrap_or_default();
        if effects.is_empty() {
            return effects;
        }
        self.note = Some(Note::Target {
            from: in_force,
            to: data.assessment.target_level.clone(),
            chosen: data.profile.target_level.is_some(),
        });
        effects
    }
}

/// The value after `current` in `None, all[0], all[1], ..., None`; a value
/// not in `all` starts the cycle again.
pub(super) fn cycle(current: Option<&str>, all: impl Iterator<Item = String>) -> Option<String> {
    let all: Vec<String> = all.collect();
    match current.and_then(|c| all.iter().position(|v| v == c)) {
        Some(i) => all.get(i + 1).cloned(),
        None => all.first().cloned(),
    }
}
