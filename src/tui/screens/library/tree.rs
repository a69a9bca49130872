//! The list of what the Library holds: six sections, each opening onto
//! the pack's levels, dimensions, level steps, articles, checklists and
//! question categories.

use crate::core::content::Pack;
use crate::core::report::level_label;
use crate::tui::i18n::Lang;

/// A top-level part of the Library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Levels,
    Dimensions,
    /// What changes from one level to the next.
    Steps,
    Articles,
    Checklists,
    Questions,
}

impl Section {
    /// Every section, in list order.
    pub const ALL: [Section; 6] = [
        Section::Levels,
        Section::Dimensions,
        Section::Steps,
        Section::Articles,
        Section::Checklists,
        Section::Questions,
    ];

    /// The section's name in the list.
    pub fn title(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Section::Levels => ("职级", "Levels"),
            Section::Dimensions => ("能力维度", "Dimensions"),
            // Generic: a pack's levels need not be P-numbers.
            Section::Steps => ("职级对比", "Level to level"),
            Section::Articles => ("文章", "Articles"),
            Section::Checklists => ("检查清单", "Checklists"),
            Section::Questions => ("答辩题库", "Questions"),
        };
        lang.pick(zh, en)
    }

    /// How many entries the section opens onto.
    pub fn len(self, pack: &Pack) -> usize {
        match self {
            Section::Levels => pack.levels.len(),
            Section::Dimensions => pack.dimensions.len(),
            Section::Steps => pack.levels.len().saturating_sub(1),
            Section::Articles => pack.articles.len(),
            Section::Checklists => pack.checklists.len(),
            Section::Questions => pack.categories.len(),
        }
    }
}

/// A row of the list: a section, or the `n`th entry of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Section(Section),
    /// Entry `n` of a section: a level, a dimension, the step from level
    /// `n` to `n + 1`, an article, a checklist, a question category.
    Entry(Section, usize),
}

impl Default for Node {
    fn default() -> Self {
        Node::Section(Section::Levels)
    }
}

impl Node {
    /// The section the row belongs to.
    pub fn section(self) -> Section {
        match self {
            Node::Section(section) | Node::Entry(section, _) => section,
        }
    }
}

/// The rows on show when the sections in `expanded` are open.
pub fn visible(pack: &Pack, expanded: &[Section]) -> Vec<Node> {
    let mut rows = Vec::new();
    for section in Section::ALL {
        rows.push(Node::Section(section));
        if expanded.contains(&section) {
            rows.extend((0..section.len(pack)).map(|n| Node::Entry(section, n)));
        }
    }
    rows
}

/// The name of an entry, in `lang` with the pack's default as fallback.
pub fn entry_label(pack: &Pack, lang: Lang, section: Section, n: usize) -> String {
    let fallback = pack.default_language();
    let text = |t: &crate::core::content::Text| t.get(lang.code(), fallback).to_owned();
    let level = |n: usize| {
        pack.levels
            .get(n)
            .map(|l| level_label(&l.id, l.name.get(lang.code(), fallback)))
    };
    let label = match section {
        Section::Levels => level(n),
        Section::Dimensions => pack.dimensions.get(n).map(|d| text(&d.name)),
        Section::Steps => match (pack.levels.get(n), pack.levels.get(n + 1)) {
            (Some(from), Some(to)) => Some(format!("{} → {}", from.id.value, to.id.value)),
            _ => None,
        },
        Section::Articles => pack.articles.get(n).map(|a| text(&a.title)),
        Section::Checklists => pack.checklists.get(n).map(|c| text(&c.name)),
        Section::Questions => pack.categories.get(n).map(|c| text(&c.name)),
    };
    label.unwrap_or_default()
}
