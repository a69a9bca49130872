//! The JSON Schema of a content pack, for editors that check YAML as it is
//! typed (yaml-language-server). It is generated from the structs the loader
//! deserializes, so the two cannot drift apart; `assets/schema/pack.schema.json`
//! is its output, kept fresh by `tests/pack_schema.rs`.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use super::schema::{Article, Checklist, CompetenciesFile, LevelsFile, PackMeta, QuestionsFile};

/// Where the generated schema is kept, relative to the repository root.
pub const SCHEMA_PATH: &str = "assets/schema/pack.schema.json";

/// Each kind of pack file with the `$defs` entry that describes it.
pub const FILE_DEFS: [(&str, &str); 6] = [
    ("pack.yaml", "PackMeta"),
    ("levels.yaml", "LevelsFile"),
    ("competencies.yaml", "CompetenciesFile"),
    ("checklists/*.yaml", "Checklist"),
    ("questions/*.yaml", "QuestionsFile"),
    ("articles/*.yaml", "Article"),
];

/// An id as [`super::validate::is_valid_id`] accepts it.
pub const ID_PATTERN: &str = "^[A-Za-z0-9._-]+$";

/// A language code as [`super::text::is_language_code`] accepts it.
pub const LANGUAGE_CODE_PATTERN: &str = "^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$";

/// The schema of an id, or of a reference to one.
///
/// A plain YAML `7` is a number to an editor, but the loader reads it as the
/// id "7", so whole numbers are allowed beside strings.
pub struct IdSchema;

impl JsonSchema for IdSchema {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An id: letters, digits, `.`, `_` and `-`, case-sensitive.",
            "type": ["string", "integer"],
            "pattern": ID_PATTERN
        })
    }
}

/// One JSON Schema (draft 2020-12) whose `$defs` describe every file of a pack.
pub fn pack_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<PackMeta>();
    generator.subschema_for::<LevelsFile>();
    generator.subschema_for::<CompetenciesFile>();
    generator.subschema_for::<Checklist>();
    generator.subschema_for::<QuestionsFile>();
    generator.subschema_for::<Article>();
    let defs = generator.take_definitions(true);

    let files: Vec<String> = FILE_DEFS
        .iter()
        .map(|(file, def)| format!("{file}: #/$defs/{def}"))
        .collect();
    let description = format!(
        "The files of a ladder content pack (schema 1). Each file has its own definition; \
         point an editor at `#/$defs/<File>`, e.g. with a first line \
         `# yaml-language-server: $schema=<path to this file>#/$defs/CompetenciesFile`. \
         {}. ladder validate also checks what a schema cannot: references between files, \
         unique ids, a strictly increasing scale and translations.",
        files.join("; ")
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ladder content pack",
        "description": description,
        "$defs": defs,
    })
}
