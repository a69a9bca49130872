//! `ladder validate` on broken packs: each `tests/fixtures/packs/broken-*`
//! is the `valid-ops` pack with one thing broken (except `broken-many`).
//! Every expected `file:line:col` is counted by hand from the fixture's text;
//! the comments show the count. Columns are 1-based characters.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, fixtures, ladder};

fn pack_dir(name: &str) -> PathBuf {
    fixtures().join("packs").join(name)
}

/// Runs `ladder validate DIR` with a throwaway data dir.
fn validate(dir: &Path, extra: &[&str]) -> Run {
    let data = tempfile::tempdir().expect("temp dir");
    let mut args = vec!["validate".to_owned(), dir.display().to_string()];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    ladder(data.path(), &args)
}

/// Checks that validating `dir` fails with exactly `errors` errors, and that
/// for each `(place, words)` some line of stderr starts with
/// `DIR/place: ` and contains every one of `words`.
fn expect_broken(dir: &Path, errors: usize, problems: &[(&str, &[&str])]) -> Run {
    let run = validate(dir, &[]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stdout.is_empty(),
        "a failed validation prints nothing on stdout:\n{}",
        run.stdout
    );
    for (place, words) in problems {
        let prefix = format!("{}/{place}: ", dir.display());
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no line starting `{prefix}` in:\n{}", run.stderr));
        for w in *words {
            assert!(line.contains(w), "`{w}` missing from `{line}`");
        }
    }
    let summary = format!(
        "{}: not a valid pack: {errors} error{}, 0 warnings",
        dir.display(),
        if errors == 1 { "" } else { "s" }
    );
    assert!(
        run.stderr.lines().any(|l| l == summary),
        "no `{summary}` in:\n{}",
        run.stderr
    );
    run
}

fn broken(name: &str, place: &str, words: &[&str]) -> Run {
    expect_broken(&pack_dir(&format!("broken-{name}")), 1, &[(place, words)])
}

#[test]
fn yaml_syntax() {
    // pack.yaml line 5: `name: Operations: engineering ladder`. `name` is
    // columns 1–4, `: ` 5–6, `Operations` 7–16, and the second `:` at 17
    // starts a mapping inside a plain value, which YAML forbids.
    broken(
        "yaml-syntax",
        "pack.yaml:5:17",
        &["mapping values are not allowed"],
    );
}

#[test]
fn unknown_field_with_hint() {
    // questions/ops.yaml line 7: four spaces, then the key `promt` at column 5.
    let run = broken(
        "unknown-field",
        "questions/ops.yaml:7:5",
        &["unknown field `promt`", "did you mean `prompt`?"],
    );
    // The snippet shows the line with a caret under column 5.
    assert!(
        run.stderr
            .contains("7 |     promt: Tell us about the worst incident you led.\n  |     ^"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_field() {
    // competencies.yaml: the indicator craft.l2.a (line 16 `      - id:`,
    // line 17 `        level: L2`) has lost its `text`. Serde finds out at
    // the end of that mapping, and the parser places the error at the last
    // key it read there: `level`, line 17, after eight spaces, column 9.
    broken(
        "missing-field",
        "competencies.yaml:17:9",
        &["missing field `text`", "add it"],
    );
}

#[test]
fn scale_value_as_a_string() {
    // levels.yaml line 3: `  - {value: two, ...}`: two spaces, `-` 3,
    // space 4, `{` 5, `value` 6–10, `:` 11, space 12, `two` at 13.
    broken(
        "value-string",
        "levels.yaml:3:13",
        &["expected a whole number, 0 or more"],
    );
}

#[test]
fn negative_scale_value() {
    // levels.yaml line 2: `  - {value: -1, ...}`: same layout, `-1` at 13.
    broken(
        "negative-value",
        "levels.yaml:2:13",
        &["expected a whole number, 0 or more"],
    );
}

#[test]
fn negative_weight() {
    // competencies.yaml line 10: eight spaces, `weight` 9–14, `:` 15,
    // space 16, `-2` at 17.
    broken(
        "negative-weight",
        "competencies.yaml:10:17",
        &["weight is -2", "above 0"],
    );
}

#[test]
fn a_weight_too_large_to_add_up_is_refused_where_it_stands() {
    // `weight: 1e308` would make the sum of weights infinite and readiness 0%.
    // competencies.yaml line 10: eight spaces, `weight` 9–14, `:` 15,
    // space 16, the value at 17.
    let text =
        std::fs::read_to_string(fixtures().join("packs/broken-negative-weight/competencies.yaml"))
            .unwrap()
            .replace("weight: -2", "weight: 1e308");
    let dir = common::patched_pack("broken-negative-weight", &[("competencies.yaml", &text)]);
    let run = common::ladder_command()
        .arg("validate")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "competencies.yaml:10:17: weight is 1e308; it must be a number above 0 and at most 1000"
        ),
        "{stderr}"
    );
}

#[test]
fn duplicate_indicator_across_dimensions() {
    // competencies.yaml line 32 (dimension `people`): `      - id: craft.l1.a`:
    // six spaces, `-` 7, space 8, `id` 9–10, `:` 11, space 12, the id at 13.
    // The first craft.l1.a is on line 5, in dimension `craft`.
    broken(
        "duplicate-indicator",
        "competencies.yaml:32:13",
        &[
            "duplicate indicator id `craft.l1.a`",
            "already used at line 5",
        ],
    );
}

#[test]
fn duplicate_question_across_files() {
    // Files are read in name order, so ops.yaml (line 4) comes first and the
    // copy in pager.yaml line 2 is the duplicate: `  - id: incidents.worst`:
    // two spaces, `-` 3, space 4, `id` 5–6, `:` 7, space 8, the id at 9.
    let dir = pack_dir("broken-duplicate-question");
    let first = format!("already used at {}/questions/ops.yaml:4", dir.display());
    expect_broken(
        &dir,
        1,
        &[(
            "questions/pager.yaml:2:9",
            &["duplicate question id `incidents.worst`", &first],
        )],
    );
}

#[test]
fn indicator_naming_an_unknown_level() {
    // competencies.yaml line 26: eight spaces, `level` 9–13, `:` 14,
    // space 15, `L9` at 16. No level is close to L9, so all are listed.
    broken(
        "unknown-level",
        "competencies.yaml:26:16",
        &["unknown level `L9`", "expected one of: L1, L2, L3"],
    );
}

#[test]
fn question_naming_an_unknown_category() {
    // questions/ops.yaml line 5: four spaces, `category` 5–12, `:` 13,
    // space 14, `incident` at 15.
    broken(
        "unknown-category",
        "questions/ops.yaml:5:15",
        &["unknown category `incident`", "did you mean `incidents`?"],
    );
}

#[test]
fn question_naming_an_unknown_indicator() {
    // questions/ops.yaml line 12: four spaces, `indicators` 5–14, `:` 15,
    // space 16, `[` 17, `peple.l2.a` at 18.
    broken(
        "unknown-indicator",
        "questions/ops.yaml:12:18",
        &[
            "unknown indicator `peple.l2.a`",
            "did you mean `people.l2.a`?",
        ],
    );
}

#[test]
fn scale_not_strictly_increasing() {
    // levels.yaml: values 1, 2, 2, 4, 5; the second 2 is on line 4 at 13.
    broken(
        "scale-order",
        "levels.yaml:4:13",
        &["strictly increase", "2 comes after 2"],
    );
}

#[test]
fn scale_with_one_entry() {
    // levels.yaml: `scale:` on line 1, its only entry `  - {value: 4, ...}` on
    // line 2; the list starts at its `-`, column 3. (meets 4 is on the scale.)
    broken("scale-one", "levels.yaml:2:3", &["at least 2 entries"]);
}

#[test]
fn threshold_zero() {
    // levels.yaml line 8: `threshold: 0`: `threshold` 1–9, `:` 10, space 11, 0 at 12.
    broken(
        "threshold-zero",
        "levels.yaml:8:12",
        &["threshold is 0;", "above 0 and at most 1"],
    );
}

#[test]
fn threshold_above_one() {
    broken(
        "threshold-high",
        "levels.yaml:8:12",
        &["threshold is 1.5;", "above 0 and at most 1"],
    );
}

#[test]
fn meets_outside_the_scale() {
    // levels.yaml line 7: `meets: 6`: `meets` 1–5, `:` 6, space 7, 6 at 8.
    broken(
        "meets-outside",
        "levels.yaml:7:8",
        &["meets is 6, outside the scale (1–5)"],
    );
}

#[test]
fn no_levels() {
    // levels.yaml line 9: `levels: []`: `levels` 1–6, `:` 7, space 8, `[` at 9.
    // Only this one error: the indicators' and question's levels are not
    // reported as unknown on top of it.
    broken("no-levels", "levels.yaml:9:9", &["at least one level"]);
}

#[test]
fn id_with_a_space() {
    // competencies.yaml line 2: `  - id: craft work`: the id at column 9.
    broken(
        "id-space",
        "competencies.yaml:2:9",
        &["dimension id `craft work`", "letters, digits"],
    );
}

#[test]
fn missing_pack_yaml() {
    // A missing file has no line to point at: the message names the file.
    broken(
        "missing-pack",
        "pack.yaml",
        &["missing", "a pack needs pack.yaml"],
    );
}

#[test]
fn missing_levels_yaml() {
    broken(
        "missing-levels",
        "levels.yaml",
        &["missing", "a pack needs levels.yaml"],
    );
}

#[test]
fn empty_competencies_yaml() {
    broken(
        "empty-competencies",
        "competencies.yaml",
        &["the file is empty"],
    );
}

#[test]
fn schema_2() {
    // pack.yaml line 3 (after two comment lines): `schema: 2`, the 2 at 9.
    broken(
        "schema-2",
        "pack.yaml:3:9",
        &["schema 2 needs a newer ladder", "upgrade ladder"],
    );
}

#[test]
fn unknown_severity() {
    // checklists/handover.yaml line 9: eight spaces, `severity` 9–16, `:` 17,
    // space 18, `mandatory` at 19. Nothing is close enough for a hint, so the
    // three allowed words are listed.
    broken(
        "unknown-severity",
        "checklists/handover.yaml:9:19",
        &["unknown variant `mandatory`", "must, should, nice"],
    );
}

#[test]
fn text_map_with_a_key_that_is_not_a_language() {
    // competencies.yaml line 3: `    name: {english: Craft}`: four spaces,
    // `name` 5–8, `:` 9, space 10, the text's `{` at 11.
    broken(
        "text-key",
        "competencies.yaml:3:11",
        &["`english` is not a language code"],
    );
}

#[test]
fn many_aliases_to_one_anchor() {
    // questions/ops.yaml line 11: `    follow_ups: [&f What would you do
    // differently?, *f, *f, …]` with 2 000 aliases. Four spaces, `follow_ups`
    // 5–14, `:` 15, space 16, `[` 17, `&f` 18–19, space 20, the 30-character
    // question 21–50, `,` 51, space 52: the first `*f` is at 53 and each next
    // one 4 columns on. The budget allows 1 000 aliases, so the 1 001st trips
    // it: 53 + 4·1000 = 4053.
    broken(
        "alias-bomb",
        "questions/ops.yaml:11:4053",
        &["aliases", "too often"],
    );
}

#[test]
fn ten_thousand_nested_lists() {
    // questions/ops.yaml line 10: `    key_points: ` fills columns 1–16, then
    // 10 000 `[`. The parser allows 255 nested flow collections, so the
    // 256th `[`, at 16 + 256 = 272, stops it.
    broken(
        "deep-nesting",
        "questions/ops.yaml:10:272",
        &["nests", "too deeply"],
    );
}

#[test]
fn invalid_utf8() {
    // questions/ops.yaml line 7: `    prompt: Tell us about the \xFFworst…`:
    // four spaces, `prompt:` 5–11, then ` Tell us about the ` 12–30; the bad
    // byte is at 31.
    broken("not-utf8", "questions/ops.yaml:7:31", &["not UTF-8"]);
}

#[test]
fn file_larger_than_the_limit() {
    // 5 MiB is made here rather than kept in the repository.
    let padding = "# padding\n".repeat(5 * 1024 * 1024 / 10 + 1);
    let dir = common::patched_pack("valid-ops", &[("questions/huge.yaml", &padding)]);
    expect_broken(
        dir.path(),
        1,
        &[(
            "questions/huge.yaml",
            &["too large", "5.0 MiB", "the limit is 4 MiB"],
        )],
    );
}

#[test]
fn every_problem_in_every_file_in_one_run() {
    // broken-many has four problems in four files, at the same places as the
    // single-problem fixtures above.
    expect_broken(
        &pack_dir("broken-many"),
        4,
        &[
            ("questions/ops.yaml:7:5", &["unknown field `promt`"]),
            (
                "competencies.yaml:32:13",
                &["duplicate indicator id `craft.l1.a`"],
            ),
            ("levels.yaml:8:12", &["threshold is 1.5"]),
            (
                "checklists/handover.yaml:9:19",
                &["unknown variant `mandatory`"],
            ),
        ],
    );
}

#[test]
fn every_broken_fixture_fails_cleanly() {
    // Catches a fixture added without a test of its own, or one that stopped
    // failing because the program changed.
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures().join("packs")).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.starts_with("broken-") {
            continue;
        }
        seen += 1;
        let run = validate(&path, &[]);
        run.expect_code(1).expect_no_internals();
        assert!(run.stderr.contains("not a valid pack"), "{name}");
    }
    assert!(seen >= 28, "only {seen} broken fixtures");
}

#[test]
fn json_format_lists_the_diagnostics() {
    let dir = pack_dir("broken-many");
    let run = validate(&dir, &["--format", "json"]);
    run.expect_code(1).expect_no_internals();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 4);
    assert_eq!(v["warnings"], 0);
    assert_eq!(v["pack"], serde_json::Value::Null);
    assert_eq!(v["source"], dir.display().to_string());
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 4);
    let promt = diags
        .iter()
        .find(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("/questions/ops.yaml"))
        })
        .expect("the questions file's problem");
    assert_eq!(
        promt["file"],
        format!("{}/questions/ops.yaml", dir.display())
    );
    assert_eq!((&promt["line"], &promt["column"]), (&7.into(), &5.into()));
    assert_eq!(promt["severity"], "error");
    assert!(
        promt["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("unknown field `promt`, did you mean `prompt`?")),
        "{promt}"
    );
    assert!(diags.iter().all(|d| d["severity"] == "error"));
}

#[test]
fn missing_translation_is_a_warning_unless_strict() {
    // competencies.yaml line 7: `        text: {en: …}` has no `zh`, which
    // pack.yaml declares: eight spaces, `text` 9–12, `:` 13, space 14, `{` 15.
    let dir = pack_dir("warn-missing-translation");
    let warning = format!(
        "{}/competencies.yaml:7:15: warning: missing translation: add `zh`",
        dir.display()
    );

    let relaxed = validate(&dir, &[]);
    relaxed.expect_code(0).expect_no_internals();
    assert!(
        relaxed.stderr.lines().any(|l| l == warning),
        "{}",
        relaxed.stderr
    );
    assert!(
        relaxed.stdout.contains("ok (0 errors, 1 warning)"),
        "{}",
        relaxed.stdout
    );

    let strict = validate(&dir, &["--strict"]);
    strict.expect_code(1).expect_no_internals();
    assert!(
        strict.stderr.lines().any(|l| l == warning),
        "{}",
        strict.stderr
    );
    assert!(
        strict.stderr.contains("--strict fails on warnings"),
        "{}",
        strict.stderr
    );
}

#[test]
fn paths_are_shown_as_given() {
    // A relative DIR comes back relative, joined to the file inside the pack.
    let data = tempfile::tempdir().expect("temp dir");
    let run = common::run_command(
        common::ladder_command()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("--data-dir")
            .arg(data.path())
            .args(["validate", "tests/fixtures/packs/broken-unknown-field"]),
    );
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.starts_with(
            "tests/fixtures/packs/broken-unknown-field/questions/ops.yaml:7:5: unknown field `promt`, did you mean `prompt`?"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn quoted_numbers_are_text_not_numbers() {
    // competencies.yaml line 10: `        weight: "2"`: eight spaces, `weight`
    // 9–14, `:` 15, space 16, the quote at 17.
    broken(
        "weight-quoted",
        "competencies.yaml:10:17",
        &["expected a number", "\"2\"", "without quotes"],
    );
    // levels.yaml line 8: `threshold: '0.8'`: `threshold` 1–9, `:` 10,
    // space 11, the quote at 12.
    broken(
        "threshold-quoted",
        "levels.yaml:8:12",
        &["expected a number", "\"0.8\"", "without quotes"],
    );
}
