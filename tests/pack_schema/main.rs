//! The pack JSON Schema (`assets/schema/pack.schema.json`): the committed file
//! is what the structs generate, and it accepts and rejects what the loader does.

// clippy.toml allows unwrap in #[test] functions; the helpers here are test code too.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;
mod subset;

use std::path::{Path, PathBuf};

use ladder::core::content::json_schema::{
    FILE_DEFS, ID_PATTERN, LANGUAGE_CODE_PATTERN, SCHEMA_PATH, pack_schema,
};
use ladder::core::content::text::is_language_code;
use ladder::core::content::validate::is_valid_id;
use ladder::core::content::{self, PackSource};
use serde_json::Value;
use subset::{def, schema_errors, simple_match_id, simple_match_language};

const REFRESH: &str = "run `LADDER_UPDATE_SCHEMA=1 cargo test --test pack_schema` to refresh it";

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn rendered_schema() -> String {
    let mut text = serde_json::to_string_pretty(&pack_schema()).unwrap();
    text.push('\n');
    text
}

#[test]
fn committed_schema_is_up_to_date() {
    let path = repo_path(SCHEMA_PATH);
    let fresh = rendered_schema();
    if std::env::var_os("LADDER_UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {SCHEMA_PATH} ({e}): {REFRESH}"));
    if committed != fresh {
        let line = committed
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()))
            + 1;
        panic!(
            "{SCHEMA_PATH} differs from what the pack structs generate (first at line {line}): {REFRESH}"
        );
    }
}

fn required(schema: &Value, name: &str) -> Vec<String> {
    def(schema, name)["required"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn every_file_kind_has_a_definition() {
    let schema = pack_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let description = schema["description"].as_str().unwrap();
    assert!(description.contains("#/$defs/<File>"), "{description}");
    for (file, name) in FILE_DEFS {
        assert_eq!(def(&schema, name)["type"], "object", "{file}");
        assert!(
            description.contains(&format!("{file}: #/$defs/{name}")),
            "the description does not say which definition {file} uses"
        );
    }
}

#[test]
fn structs_that_deny_unknown_fields_forbid_additional_properties() {
    let schema = pack_schema();
    let objects = [
        "PackMeta",
        "LevelsFile",
        "ScaleStep",
        "Level",
        "CompetenciesFile",
        "Dimension",
        "Indicator",
        "Checklist",
        "ChecklistSection",
        "ChecklistItem",
        "QuestionsFile",
        "Category",
        "Question",
        "Article",
    ];
    for name in objects {
        assert_eq!(
            def(&schema, name)["additionalProperties"],
            Value::Bool(false),
            "`$defs/{name}` must reject unknown fields, as the loader does"
        );
    }
}

#[test]
fn only_fields_without_a_default_are_required() {
    // From SPEC §2: every field not marked optional there, and nothing else.
    let schema = pack_schema();
    let expected: [(&str, &[&str]); 14] = [
        ("PackMeta", &["schema", "id", "name"]),
        ("LevelsFile", &["scale", "meets", "threshold", "levels"]),
        ("ScaleStep", &["value", "label"]),
        ("Level", &["id", "name"]),
        ("CompetenciesFile", &["dimensions"]),
        ("Dimension", &["id", "name"]),
        ("Indicator", &["id", "level", "text"]),
        ("Checklist", &["id", "name", "sections"]),
        ("ChecklistSection", &["id", "name", "items"]),
        ("ChecklistItem", &["id", "text", "severity"]),
        ("QuestionsFile", &[]),
        ("Category", &["id", "name"]),
        (
            "Question",
            &[
                "id",
                "category",
                "levels",
                "prompt",
                "framework",
                "key_points",
            ],
        ),
        ("Article", &["id", "title", "body"]),
    ];
    for (name, fields) in expected {
        let mut got = required(&schema, name);
        got.sort();
        let mut want: Vec<String> = fields.iter().map(|s| (*s).to_owned()).collect();
        want.sort();
        assert_eq!(got, want, "required fields of `$defs/{name}`");
    }
}

#[test]
fn located_values_are_inlined_as_their_value() {
    let schema = pack_schema();
    let names: Vec<&String> = schema["$defs"].as_object().unwrap().keys().collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("Located") && !n.contains("Pos")),
        "{names:?}"
    );
    let levels = &def(&schema, "LevelsFile")["properties"];
    assert_eq!(levels["scale"]["type"], "array");
    assert_eq!(levels["scale"]["items"]["$ref"], "#/$defs/ScaleStep");
    assert_eq!(levels["meets"]["type"], "integer");
    assert_eq!(
        def(&schema, "PackMeta")["properties"]["schema"]["type"],
        "integer"
    );
}

#[test]
fn patterns_agree_with_the_loader() {
    let schema = pack_schema();
    assert_eq!(def(&schema, "Id")["pattern"], ID_PATTERN);
    let text_map = &def(&schema, "Text")["anyOf"][3];
    assert_eq!(text_map["propertyNames"]["pattern"], LANGUAGE_CODE_PATTERN);
    // The validator below reads the two patterns through the loader's own
    // predicates; these samples pin that the patterns say the same thing.
    for (id, ok) in [
        ("P7", true),
        ("tech-depth.p6_x", true),
        ("a b", false),
        ("", false),
        ("é", false),
    ] {
        assert_eq!(is_valid_id(id), ok, "{id:?}");
        assert_eq!(simple_match_id(id), ok, "{id:?}");
    }
    for (code, ok) in [
        ("en", true),
        ("zh-Hant", true),
        ("pt_BR", true),
        ("EN", false),
        ("english", false),
        ("zh-", false),
    ] {
        assert_eq!(is_language_code(code), ok, "{code:?}");
        assert_eq!(simple_match_language(code), ok, "{code:?}");
    }
}

/// The `$defs` entry for a file of a pack, by its path in the pack.
fn def_for(rel: &str) -> &'static str {
    FILE_DEFS
        .iter()
        .find(|(file, _)| match file.strip_suffix("*.yaml") {
            Some(dir) => rel.starts_with(dir) && rel.ends_with(".yaml"),
            None => rel == *file,
        })
        .map(|(_, def)| *def)
        .unwrap_or_else(|| panic!("no definition for {rel}"))
}

fn yaml_files(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir.join(rel))
        .unwrap()
        .map(|e| e.unwrap())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let child = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if e.path().is_dir() {
            yaml_files(dir, &child, out);
        } else if name.ends_with(".yaml") {
            out.push((child, e.path()));
        }
    }
}

#[test]
fn every_built_in_and_fixture_pack_file_matches_its_definition() {
    for pack in ["content", "tests/fixtures/packs/valid-ops"] {
        let mut files = Vec::new();
        yaml_files(&repo_path(pack), "", &mut files);
        assert!(files.len() >= 3, "{pack} has no files");
        for (rel, path) in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let errors = schema_errors(&text, def_for(&rel));
            assert!(
                errors.is_empty(),
                "{pack}/{rel} does not match the schema:\n{}",
                errors.join("\n")
            );
        }
    }
}

/// Replaces one file of the `valid-ops` fixture and reports whether the
/// loader and the schema each accept it.
fn verdicts(rel: &str, yaml: &str) -> (bool, Vec<String>) {
    let dir = common::patched_pack("valid-ops", &[(rel, yaml)]);
    let loaded = content::load(&PackSource::Dir(dir.path().to_owned()));
    (loaded.is_ok(), schema_errors(yaml, def_for(rel)))
}

const PACK: &str = "schema: 1\nid: ops-ladder\nname: Ops\nlanguages: [en]\n";
const LEVELS_HEAD: &str = "scale: [{value: 1, label: a}, {value: 4, label: b}, {value: 5, label: c}]\nmeets: 4\nlevels: [{id: L1, name: a}, {id: L2, name: b}, {id: L3, name: c}]\n";
const CHECKLIST: &str =
    "id: handover\nname: Handover\nsections:\n  - id: s\n    name: S\n    items:\n";
const QUESTION: &str = "categories: [{id: incidents, name: Incidents}]\nquestions:\n  - id: q\n    category: incidents\n    prompt: Why?\n    framework: Because.\n";

fn indicator(extra: &str) -> String {
    // `people.l2.a` stays: the fixture's question file names it.
    format!(
        "dimensions:\n  - id: people\n    name: People\n    indicators:\n      - {{id: people.l2.a, level: L2, text: Leads.}}\n      - id: craft.l1.a\n        level: L1\n        text: Does it.\n{extra}"
    )
}

#[test]
fn schema_and_loader_agree_on_what_is_accepted() {
    let cases: Vec<(&str, String, bool)> = vec![
        ("pack.yaml", format!("{PACK}version: 1.0.0\n"), true),
        ("pack.yaml", format!("{PACK}version: 2\n"), true),
        ("pack.yaml", format!("{PACK}version: 1.5\n"), true),
        ("pack.yaml", "schema: 2\nid: ops-ladder\nname: Ops\n".into(), false),
        ("pack.yaml", "schema: 1\nid: ops ladder\nname: Ops\n".into(), false),
        ("pack.yaml", "schema: 1\nid: ops-ladder\nname: Ops\nlanguages: [en, en]\n".into(), false),
        ("pack.yaml", "schema: 1\nid: ops-ladder\nname: Ops\nlanguages: [english]\n".into(), false),
        ("pack.yaml", format!("{PACK}description: {{en: Map text}}\n"), true),
        // An unquoted number or word is text: people write labels unquoted.
        ("pack.yaml", format!("{PACK}description: 42\n"), true),
        ("pack.yaml", format!("{PACK}description: No\n"), true),
        ("pack.yaml", format!("{PACK}description: [a]\n"), false),
        ("pack.yaml", format!("{PACK}description: {{english: x}}\n"), false),
        ("pack.yaml", format!("{PACK}descripton: x\n"), false),
        ("levels.yaml", format!("{LEVELS_HEAD}threshold: 1\n"), true),
        ("levels.yaml", format!("{LEVELS_HEAD}threshold: 0.5\n"), true),
        ("levels.yaml", format!("{LEVELS_HEAD}threshold: 0\n"), false),
        ("levels.yaml", format!("{LEVELS_HEAD}threshold: 1.5\n"), false),
        ("levels.yaml", "scale: [{value: 1, label: a}]\nmeets: 1\nthreshold: 1\nlevels: [{id: L1, name: a}, {id: L2, name: b}, {id: L3, name: c}]\n".into(), false),
        ("levels.yaml", "scale: [{value: 1, label: a}, {value: 5, label: b}]\nmeets: 4\nthreshold: 1\nlevels: []\n".into(), false),
        ("competencies.yaml", indicator(""), true),
        ("competencies.yaml", indicator("        weight: 0.5\n"), true),
        ("competencies.yaml", indicator("        weight: 0\n"), false),
        ("competencies.yaml", indicator("        weight: -1\n"), false),
        ("competencies.yaml", indicator("        weight: 1000\n"), true),
        ("competencies.yaml", indicator("        weight: 1e308\n"), false),
        ("competencies.yaml", indicator("        weight: \"2\"\n"), false),
        ("competencies.yaml", indicator("        weight: ~\n"), true),
        ("levels.yaml", format!("{LEVELS_HEAD}threshold: \"1\"\n"), false),
        ("competencies.yaml", indicator("        growth: {en: Grow.}\n"), true),
        ("competencies.yaml", indicator("        evidence: PRs\n"), false),
        ("checklists/handover.yaml", format!("{CHECKLIST}      - {{id: a, text: A, severity: nice}}\n"), true),
        ("checklists/handover.yaml", format!("{CHECKLIST}      - {{id: a, text: A, severity: critical}}\n"), false),
        ("checklists/handover.yaml", format!("{CHECKLIST}      - {{id: a, text: A}}\n"), false),
        ("checklists/handover.yaml", "id: 7\nname: Seven\nsections:\n  - id: s\n    name: S\n    items: [{id: a, text: A, severity: must}]\n".into(), true),
        ("checklists/handover.yaml", "id: handover\nname: Handover\nsections: []\n".into(), false),
        ("questions/ops.yaml", format!("{QUESTION}    levels: [L2]\n    key_points: [One]\n    time_limit: 60\n"), true),
        ("questions/ops.yaml", format!("{QUESTION}    levels: [L2]\n    key_points: [One]\n    time_limit: 0\n"), false),
        ("questions/ops.yaml", format!("{QUESTION}    levels: []\n    key_points: [One]\n"), false),
        ("questions/ops.yaml", format!("{QUESTION}    levels: [L2]\n    key_points: []\n"), false),
        ("questions/ops.yaml", format!("{QUESTION}    levels: [L2]\n    key_points: [One]\n    promt: x\n"), false),
        ("articles/a.yaml", "id: a\ntitle: A\nbody: Body.\n".into(), true),
        ("articles/a.yaml", "id: a\ntitle: A\n".into(), false),
    ];
    let mut disagreements = Vec::new();
    for (rel, yaml, expected) in &cases {
        let (loader_ok, errors) = verdicts(rel, yaml);
        let schema_ok = errors.is_empty();
        if loader_ok != *expected || schema_ok != *expected {
            disagreements.push(format!(
                "{rel}: expected {}, loader {}, schema {} {errors:?}\n{yaml}",
                verdict(*expected),
                verdict(loader_ok),
                verdict(schema_ok)
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

fn verdict(ok: bool) -> &'static str {
    if ok { "accepted" } else { "rejected" }
}

#[test]
fn a_misspelt_field_is_rejected_with_its_name() {
    let errors = schema_errors("id: a\ntitle: A\nbody: B\nbdy: typo\n", "Article");
    assert_eq!(errors, vec!["Article: unknown field `bdy`".to_owned()]);
}

/// Broken fixture packs whose one problem is beyond what a JSON Schema of
/// single files can say: references between files, duplicates, order, a
/// missing file. The schema accepts each of their files; the loader refuses
/// the pack. Every other broken fixture is refused by both (a file that is
/// not YAML, or not UTF-8, counts as refused by the schema).
const BEYOND_SCHEMA: &[&str] = &[
    "broken-duplicate-indicator",
    "broken-duplicate-question",
    "broken-meets-outside",
    "broken-missing-levels",
    "broken-missing-pack",
    "broken-scale-order",
    "broken-unknown-category",
    "broken-unknown-indicator",
    "broken-unknown-level",
];

/// The schema's verdict on a fixture pack: every YAML file matches its
/// definition. A file that is not YAML at all counts as a refusal.
fn schema_verdict(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    yaml_files(dir, "", &mut files);
    let mut errors = Vec::new();
    for (rel, path) in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            errors.push(format!("{rel}: not UTF-8"));
            continue;
        };
        if serde_saphyr::from_str::<Value>(&text).is_err() {
            errors.push(format!("{rel}: not YAML"));
            continue;
        }
        errors.extend(
            schema_errors(&text, def_for(&rel))
                .into_iter()
                .map(|e| format!("{rel}: {e}")),
        );
    }
    errors
}

/// One set of fixture files for both: `valid-*` and `warn-*` packs load and
/// match the schema; a `broken-*` pack is refused by the loader, and by the
/// schema unless its problem is listed in [`BEYOND_SCHEMA`].
#[test]
fn loader_and_schema_agree_on_every_fixture_pack() {
    let root = repo_path("tests/fixtures/packs");
    let mut names: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut wrong = Vec::new();
    for name in &names {
        let dir = root.join(name);
        let loader_ok = content::load(&PackSource::Dir(dir.clone())).is_ok();
        let errors = schema_verdict(&dir);
        let schema_ok = errors.is_empty();
        let expected_loader = !name.starts_with("broken-");
        let expected_schema = expected_loader || BEYOND_SCHEMA.contains(&name.as_str());
        if loader_ok != expected_loader || schema_ok != expected_schema {
            wrong.push(format!(
                "{name}: loader {}, schema {} {errors:?} (expected schema {})",
                verdict(loader_ok),
                verdict(schema_ok),
                verdict(expected_schema)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
