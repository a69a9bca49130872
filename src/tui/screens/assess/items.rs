//! What the list holds: the indicators the filter shows, grouped under
//! "dimension · level" headers, then the orphaned ratings.

use crate::core::assess::{Filter, visible_indicators};
use crate::tui::data::Data;

/// Something one can select in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'d> {
    /// An indicator of the pack, by id.
    Indicator(&'d str),
    /// A rating whose id the pack does not have.
    Orphan(&'d str),
}

impl Item<'_> {
    /// The id of the indicator or of the orphaned rating.
    pub fn id(&self) -> &str {
        match self {
            Item::Indicator(id) | Item::Orphan(id) => id,
        }
    }
}

/// The items `filter` shows, in list order. Orphaned ratings come last, and
/// only while no filter is set: each filter is about the pack's indicators.
pub fn items<'d>(filter: &Filter, data: &'d Data) -> Vec<Item<'d>> {
    let mut out: Vec<Item<'d>> =
        visible_indicators(&data.pack, &data.profile, &data.assessment, filter)
            .into_iter()
            .map(Item::Indicator)
            .collect();
    if !filter.is_active() {
        out.extend(
            data.assessment
                .orphaned
                .iter()
                .map(|id| Item::Orphan(id.as_str())),
        );
    }
    out
}

/// A line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// The heading of a group: a dimension and level, by index into the
    /// pack's dimensions and levels.
    Group { dimension: usize, level: usize },
    /// The heading of the orphaned ratings.
    Orphans,
    /// The item at this index of [`items`].
    Item(usize),
}

/// The list's lines: a heading wherever the dimension or level changes.
pub fn rows(items: &[Item<'_>], data: &Data) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len() + 8);
    let mut last = None;
    for (index, item) in items.iter().enumerate() {
        let group = match item {
            Item::Indicator(id) => data.pack.indicator(id).and_then(|(dim, ind)| {
                let dimension = data.pack.dimensions.iter().position(|d| d.id == dim.id)?;
                let level = data.pack.level_index(&ind.level)?;
                Some(Row::Group { dimension, level })
            }),
            Item::Orphan(_) => Some(Row::Orphans),
        };
        if group.is_some() && group != last {
            rows.extend(group);
            last = group;
        }
        rows.push(Row::Item(index));
    }
    rows
}

/// The first row to show so that row `selected` of `len` is in a window of
/// `height` rows: the selection is kept in the middle where it can be.
pub fn offset(selected: usize, len: usize, height: usize) -> usize {
    if len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selection_stays_in_the_middle_until_an_end_is_reached() {
        assert_eq!(offset(0, 30, 10), 0);
        assert_eq!(offset(4, 30, 10), 0);
        assert_eq!(offset(12, 30, 10), 7);
        assert_eq!(offset(29, 30, 10), 20);
        assert_eq!(offset(3, 5, 10), 0);
        assert_eq!(offset(3, 5, 0), 3);
    }
}
