//! The filters of the list and the target level: cycling through their
//! values, and dropping the filters that hide an indicator shown on request.

use super::Assess;
use super::items::items;
use crate::core::assess::{self, Filter, visible_indicators};
use crate::tui::data::Data;
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

/// The target after `t`: each level in ladder order, then automatic (`None`).
pub(super) fn cycle_target(data: &mut Data) -> Vec<Effect> {
    let levels = data.pack.levels.iter().map(|l| l.id.value.clone());
    let next = cycle(data.profile.target_level.as_deref(), levels);
    if assess::set_target(&mut data.profile, &data.pack, next.as_deref()) {
        data.rescore();
        vec![Effect::SaveProfile]
    } else {
        Vec::new()
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
