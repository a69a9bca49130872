//! A loaded, validated pack and the look-ups the rest of ladder needs.

use std::collections::HashMap;

use super::schema::{
    Article, Category, Checklist, Dimension, Indicator, Level, PackMeta, Question, ScaleStep,
};
use super::source::PackSource;

/// A content pack that passed validation: every reference resolves.
#[derive(Debug, Clone)]
pub struct Pack {
    /// `pack.yaml`.
    pub meta: PackMeta,
    /// The rating scale, values strictly increasing.
    pub scale: Vec<ScaleStep>,
    /// A score at or above this counts as met.
    pub meets: u32,
    /// Readiness at which a level counts as reached.
    pub threshold: f64,
    /// Levels in ladder order.
    pub levels: Vec<Level>,
    /// Dimensions with their indicators.
    pub dimensions: Vec<Dimension>,
    /// Checklists, in file order.
    pub checklists: Vec<Checklist>,
    /// Question categories.
    pub categories: Vec<Category>,
    /// Defense questions.
    pub questions: Vec<Question>,
    /// Long-form pages.
    pub articles: Vec<Article>,
    /// Where the pack came from.
    pub source: PackSource,
    indicator_at: HashMap<String, (usize, usize)>,
    level_at: HashMap<String, usize>,
}

impl Pack {
    /// Assembles a pack; callers have validated the parts.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        meta: PackMeta,
        scale: Vec<ScaleStep>,
        meets: u32,
        threshold: f64,
        levels: Vec<Level>,
        dimensions: Vec<Dimension>,
        checklists: Vec<Checklist>,
        categories: Vec<Category>,
        questions: Vec<Question>,
        articles: Vec<Article>,
        source: PackSource,
    ) -> Self {
        let level_at = levels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.value.clone(), i))
            .collect();
        let indicator_at = dimensions
            .iter()
            .enumerate()
            .flat_map(|(d, dim)| {
                dim.indicators
                    .iter()
                    .enumerate()
                    .map(move |(i, ind)| (ind.id.value.clone(), (d, i)))
            })
            .collect();
        Pack {
            meta,
            scale,
            meets,
            threshold,
            levels,
            dimensions,
            checklists,
            categories,
            questions,
            articles,
            source,
            indicator_at,
            level_at,
        }
    }

    /// The pack's id.
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// The pack's default language: the first it declares, else English.
    pub fn default_language(&self) -> &str {
        self.meta
            .languages
            .first()
            .map_or("en", |l| l.value.as_str())
    }

    /// The languages the pack declares.
    pub fn languages(&self) -> Vec<&str> {
        self.meta
            .languages
            .iter()
            .map(|l| l.value.as_str())
            .collect()
    }

    /// The position of a level in ladder order.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.level_at.get(id).copied()
    }

    /// A level by id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.level_index(id).map(|i| &self.levels[i])
    }

    /// An indicator and its dimension, by indicator id.
    pub fn indicator(&self, id: &str) -> Option<(&Dimension, &Indicator)> {
        self.indicator_at
            .get(id)
            .map(|&(d, i)| (&self.dimensions[d], &self.dimensions[d].indicators[i]))
    }

    /// Every indicator with its dimension, in dimension then file order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Dimension, &Indicator)> {
        self.dimensions
            .iter()
            .flat_map(|d| d.indicators.iter().map(move |i| (d, i)))
    }

    /// The number of indicators.
    pub fn indicator_count(&self) -> usize {
        self.indicator_at.len()
    }

    /// The top of the scale.
    pub fn max_score(&self) -> u32 {
        self.scale.last().map_or(0, |s| s.value.value)
    }

    /// The scale step with this value.
    pub fn scale_step(&self, value: u32) -> Option<&ScaleStep> {
        self.scale.iter().find(|s| s.value.value == value)
    }

    /// A checklist by id.
    pub fn checklist(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id.value == id)
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.value == id)
    }

    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id.value == id)
    }

    /// An article by id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id.value == id)
    }
}
