//! The YAML files of a content pack (schema 1), as typed structs.
//!
//! Every struct rejects unknown fields: a misspelt field in a pack must be an
//! error, not silently ignored.

use schemars::JsonSchema;
use serde::Deserialize;

use super::json_schema::{IdSchema, LANGUAGE_CODE_PATTERN};
use super::number;
use super::text::{Located, Text};

/// The schema version this build of ladder reads.
pub const SCHEMA_VERSION: u32 = 1;

/// `pack.yaml`: what the pack is.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Always 1 for this version of ladder.
    #[schemars(extend("const" = 1))]
    #[serde(deserialize_with = "number::located")]
    pub schema: Located<u32>,
    /// The pack's id, made of `[A-Za-z0-9._-]`.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// The pack's name.
    pub name: Text,
    /// The pack's own version, e.g. `1.0.0`.
    #[serde(default)]
    #[schemars(extend("type" = ["string", "number", "null"]))]
    pub version: Option<Located<String>>,
    /// Languages the texts are written in; the first is the default.
    #[serde(default)]
    #[schemars(inner(pattern(LANGUAGE_CODE_PATTERN)), extend("uniqueItems" = true))]
    pub languages: Vec<Located<String>>,
    /// Who the pack is for and how to use it (Markdown).
    #[serde(default)]
    pub description: Option<Text>,
}

/// `levels.yaml`: the rating scale, thresholds and the ordered levels.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelsFile {
    /// Rating scale: strictly increasing values, at least 2 entries.
    #[schemars(length(min = 2))]
    pub scale: Located<Vec<ScaleStep>>,
    /// A score at or above this counts as "met".
    #[serde(deserialize_with = "number::located")]
    pub meets: Located<u32>,
    /// Readiness at which a level counts as reached, in (0, 1].
    #[schemars(extend("exclusiveMinimum" = 0), range(max = 1))]
    #[serde(deserialize_with = "number::located")]
    pub threshold: Located<f64>,
    /// The levels in ladder order, lowest first.
    #[schemars(length(min = 1))]
    pub levels: Located<Vec<Level>>,
}

/// One step of the rating scale.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleStep {
    /// The score; also the key that gives it in the app (for 0–9).
    #[serde(deserialize_with = "number::located")]
    pub value: Located<u32>,
    /// A short label, e.g. "Not yet".
    pub label: Text,
    /// What this score means in evidence.
    #[serde(default)]
    pub hint: Option<Text>,
}

/// One level of the ladder.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level's id, e.g. `P7`.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its name.
    pub name: Text,
    /// Scope, typical work, what separates it from the level below (Markdown).
    #[serde(default)]
    pub summary: Option<Text>,
}

/// `competencies.yaml`: the dimensions and their indicators.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompetenciesFile {
    /// The dimensions, in display order.
    pub dimensions: Vec<Dimension>,
}

/// A dimension of the competency model, e.g. technical depth.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// The dimension's id.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its name.
    pub name: Text,
    /// What it covers (Markdown).
    #[serde(default)]
    pub description: Option<Text>,
    /// Observable indicators, each at one level.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// An observable indicator of working at a level.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's id, unique in the pack.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// The level it belongs to.
    #[schemars(with = "IdSchema")]
    pub level: Located<String>,
    /// Its weight in readiness, > 0 and at most 1000 (default 1).
    #[serde(default, deserialize_with = "number::located_opt")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 1000))]
    pub weight: Option<Located<f64>>,
    /// What someone at this level does.
    pub text: Text,
    /// What good evidence looks like.
    #[serde(default)]
    pub evidence_hint: Option<Text>,
    /// How to grow into it (Markdown).
    #[serde(default)]
    pub growth: Option<Text>,
}

impl Indicator {
    /// The weight, 1 when not given.
    pub fn weight(&self) -> f64 {
        self.weight.as_ref().map_or(1.0, |w| w.value)
    }
}

/// `checklists/*.yaml`: one checklist.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// The checklist's id.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its name.
    pub name: Text,
    /// How to use it (Markdown).
    #[serde(default)]
    pub description: Option<Text>,
    /// Its sections, in order.
    #[schemars(length(min = 1))]
    pub sections: Vec<ChecklistSection>,
    /// The file it was read from, relative to the pack.
    #[serde(skip)]
    #[schemars(skip)]
    pub file: String,
}

/// A section of a checklist.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistSection {
    /// The section's id, unique in its checklist.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its name.
    pub name: Text,
    /// Its items, in order.
    pub items: Vec<ChecklistItem>,
}

/// One item to check.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// The item's id, unique in its checklist.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// The statement to check.
    pub text: Text,
    /// How much it matters.
    pub severity: Located<Severity>,
    /// The failure it prevents (Markdown).
    #[serde(default)]
    pub why: Option<Text>,
    /// How to check it (Markdown).
    #[serde(default)]
    pub verify: Option<Text>,
}

/// How much a checklist item matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before merging.
    Must,
    /// Should be fixed unless there is a reason.
    Should,
    /// Nice to have.
    Nice,
}

impl Severity {
    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Must => "must",
            Severity::Should => "should",
            Severity::Nice => "nice",
        }
    }
}

/// `questions/*.yaml`: categories and questions.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    /// Categories; ids unique across files.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Questions; ids unique across files.
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// A category of defense questions.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The category's id.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its name.
    pub name: Text,
    /// What it is about (Markdown).
    #[serde(default)]
    pub description: Option<Text>,
}

/// A promotion-defense question.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question's id.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// The category it belongs to.
    #[schemars(with = "IdSchema")]
    pub category: Located<String>,
    /// The levels it is asked at.
    #[schemars(with = "Vec<IdSchema>", length(min = 1))]
    pub levels: Located<Vec<Located<String>>>,
    /// The question as a panel asks it.
    pub prompt: Text,
    /// Seconds to answer in a drill.
    #[serde(default, deserialize_with = "number::located_opt")]
    #[schemars(range(min = 1))]
    pub time_limit: Option<Located<u32>>,
    /// How to structure the answer (Markdown).
    pub framework: Text,
    /// What a strong answer covers; at least one.
    #[schemars(length(min = 1))]
    pub key_points: Located<Vec<Text>>,
    /// Follow-up questions a panel asks.
    #[serde(default)]
    pub follow_ups: Vec<Text>,
    /// Mistakes to avoid.
    #[serde(default)]
    pub pitfalls: Vec<Text>,
    /// Indicator ids the question probes.
    #[serde(default)]
    #[schemars(with = "Vec<IdSchema>")]
    pub indicators: Vec<Located<String>>,
    /// The file it was read from, relative to the pack.
    #[serde(skip)]
    #[schemars(skip)]
    pub file: String,
}

/// `articles/*.yaml`: a long-form page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The article's id.
    #[schemars(with = "IdSchema")]
    pub id: Located<String>,
    /// Its title.
    pub title: Text,
    /// Its body (Markdown).
    pub body: Text,
    /// The file it was read from, relative to the pack.
    #[serde(skip)]
    #[schemars(skip)]
    pub file: String,
}
