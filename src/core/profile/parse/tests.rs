//! Reading profiles: what parses, and what each broken file is told.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::core::profile::{MentorRating, MentorReview, Rating, Snapshot};

const PATH: &str = "profiles/alice.yaml";

fn parse(text: &str) -> Result<Profile, ProfileError> {
    parse_profile(text, Path::new(PATH))
}

fn parse_err(text: &str) -> ProfileError {
    match parse(text) {
        Ok(profile) => panic!("expected an error, got {profile:?}"),
        Err(err) => err,
    }
}

/// Nothing of serde-saphyr's or Rust's debug output may reach a person.
fn assert_clean(message: &str) {
    for leak in [
        "Error {",
        "Budget",
        "Nodes {",
        "Depth {",
        "Some(",
        "\u{1b}",
        "Message {",
    ] {
        assert!(!message.contains(leak), "{leak:?} leaked into: {message}");
    }
}

#[test]
fn a_full_file_parses_into_every_field() {
    let text = "\
version: 1
profile: alice
target_level: P7
ratings:
  tech-depth.p6.profiling:
    score: 3
    evidence: |
      Cut p99 from 800ms to 120ms.
      See the design doc.
    updated: 2026-03-01
  gone.indicator: {score: 0}
mentor:
  name: Bob
  ratings:
    tech-depth.p6.profiling: {score: 2, comment: \"Show the flame graph\"}
  notes: Solid.
history:
  - date: 2026-01-01
    current_level: P6
    levels: {P6: 0.8125, P7: 0.25}
    dimensions:
      tech-depth: {P6: 0.75}
";
    let expected = Profile {
        version: 1,
        profile: "alice".into(),
        pack: None,
        defense_date: None,
        drill: Default::default(),
        target_level: Some("P7".into()),
        ratings: BTreeMap::from([
            (
                "tech-depth.p6.profiling".into(),
                Rating {
                    score: 3,
                    evidence: Some("Cut p99 from 800ms to 120ms.\nSee the design doc.\n".into()),
                    updated: Some(time::macros::date!(2026 - 03 - 01)),
                },
            ),
            (
                "gone.indicator".into(),
                Rating {
                    score: 0,
                    evidence: None,
                    updated: None,
                },
            ),
        ]),
        mentor: Some(MentorReview {
            name: "Bob".into(),
            date: None,
            plan: Vec::new(),
            ratings: BTreeMap::from([(
                "tech-depth.p6.profiling".into(),
                MentorRating {
                    score: 2,
                    comment: Some("Show the flame graph".into()),
                },
            )]),
            notes: Some("Solid.".into()),
        }),
        history: vec![Snapshot {
            date: time::macros::date!(2026 - 01 - 01),
            current_level: Some("P6".into()),
            target_level: None,
            levels: BTreeMap::from([("P6".to_string(), 0.8125), ("P7".to_string(), 0.25)]),
            dimensions: BTreeMap::from([(
                "tech-depth".to_string(),
                BTreeMap::from([("P6".to_string(), 0.75)]),
            )]),
        }],
    };
    assert_eq!(parse(text).unwrap(), expected);
}

#[test]
fn the_smallest_file_is_version_and_name() {
    assert_eq!(
        parse("version: 2\nprofile: x\n").unwrap(),
        Profile::new("x")
    );
}

#[test]
fn an_unknown_field_points_at_itself_and_suggests_the_known_one() {
    let err = parse_err("version: 1\nprofile: a\nratings:\n  x:\n    scroe: 3\n");
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml:5:5: unknown field `scroe` (did you mean `score`?); \
         fix the file by hand, or move it aside and start fresh"
    );
    assert_eq!(err.snippet(), Some("5 |     scroe: 3\n  |     ^"));
    assert!(err.is_unreadable_file());
}

#[test]
fn an_unknown_field_far_from_any_known_one_lists_them() {
    let err = parse_err("version: 1\nprofile: a\nmentor:\n  name: b\n  zzz: 1\n");
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml:5:3: unknown field `zzz` (known here: name, date, ratings, notes, plan); \
         fix the file by hand, or move it aside and start fresh"
    );
}

#[test]
fn a_newer_version_is_reported_as_newer_even_with_new_fields() {
    let err = parse_err(
        "version: 3\nprofile: a\nstreaks: {days: 4}\nratings: {x: {score: 1, confidence: high}}\n",
    );
    assert!(matches!(
        err,
        ProfileError::TooNew {
            found: 3,
            supported: 2,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml: was written by a newer ladder (version 3; this one reads 2): \
         upgrade ladder"
    );
    assert!(err.is_unreadable_file());
}

#[test]
fn the_version_is_found_wherever_it_is_in_the_file() {
    let err = parse_err("profile: a\nfuture: [1, 2]\nversion: 7\n");
    assert!(matches!(err, ProfileError::TooNew { found: 7, .. }));
}

#[test]
fn a_missing_version_says_this_is_not_a_profile() {
    let err = parse_err("profile: a\nratings: {}\n");
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml:1:1: there is no `version`, so this is not a ladder profile \
         (one starts with `version: 2`); fix the file by hand, or move it aside and start fresh"
    );
}

#[test]
fn version_zero_is_pointed_at() {
    let err = parse_err("profile: a\nversion: 0\n");
    let ProfileError::Parse {
        line, col, message, ..
    } = err
    else {
        panic!("expected a parse error, got {err:?}");
    };
    assert_eq!((line, col), (2, 10));
    assert_eq!(
        message,
        "version 0 is not a profile version (this ladder reads versions 1 to 2)"
    );
}

#[test]
fn a_version_that_is_not_a_number_is_a_parse_error() {
    let err = parse_err("version: one\nprofile: a\n");
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml:1:10: expected a whole number, 0 or more; \
         fix the file by hand, or move it aside and start fresh"
    );
}

#[test]
fn a_negative_score_is_pointed_at() {
    let err = parse_err("version: 1\nprofile: a\nratings:\n  x: {score: -1}\n");
    let ProfileError::Parse { line, col, .. } = err else {
        panic!("expected a parse error, got {err:?}");
    };
    assert_eq!((line, col), (4, 14));
}

#[test]
fn an_empty_file_says_so() {
    for text in ["", "  \n\n"] {
        let err = parse_err(text);
        assert_eq!(
            err.to_string(),
            "profiles/alice.yaml:1:1: the file is empty; \
             fix the file by hand, or move it aside and start fresh"
        );
    }
}

#[test]
fn a_file_that_is_not_a_mapping_says_what_was_expected() {
    for text in ["hello\n", "- 1\n- 2\n", "~\n"] {
        let err = parse_err(text);
        assert_clean(&err.to_string());
        assert!(
            matches!(
                err,
                ProfileError::Parse {
                    line: 1,
                    col: 1,
                    ..
                }
            ),
            "{err}"
        );
    }
}

#[test]
fn syntax_errors_name_the_line() {
    let err = parse_err("version: 1\nprofile: a\nratings: {x: {score: 1}\n");
    let message = err.to_string();
    assert!(message.starts_with("profiles/alice.yaml:"), "{message}");
    assert_clean(&message);
    assert!(err.is_unreadable_file());
}

#[test]
fn a_duplicate_rating_is_an_error() {
    let err = parse_err("version: 1\nprofile: a\nratings:\n  x: {score: 1}\n  x: {score: 2}\n");
    assert!(
        matches!(
            err,
            ProfileError::Parse {
                line: 5,
                col: 3,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("`x`"), "{err}");
}

#[test]
fn a_second_document_is_an_error() {
    let err = parse_err("version: 1\nprofile: a\n---\nversion: 1\nprofile: b\n");
    assert!(
        err.to_string().contains("more than one YAML document"),
        "{err}"
    );
}

#[test]
fn a_null_name_asks_for_quotes() {
    let err = parse_err("version: 1\nprofile:\n");
    assert!(err.to_string().contains("expected text here"), "{err}");
}

#[test]
fn control_characters_in_text_and_ids_are_neutralised() {
    let text = "version: 1\nprofile: \"a\\e]0;pwned\\a\"\nratings:\n  \"odd\\tid\\e\":\n    score: 1\n    evidence: \"\\e[2J\\u202Egood\\nline\\ttab\"\nmentor:\n  name: \"\\x9bBob\"\n  ratings: {x: {score: 1, comment: \"\\x07\"}}\n  notes: \"\\u2066n\"\n";
    let profile = parse(text).unwrap();
    assert_eq!(profile.profile, "a\u{FFFD}]0;pwned\u{FFFD}");
    let (id, rating) = profile.ratings.iter().next().unwrap();
    assert_eq!(id, "odd\tid\u{FFFD}");
    assert_eq!(
        rating.evidence.as_deref(),
        Some("\u{FFFD}[2J\u{FFFD}good\nline\ttab")
    );
    let mentor = profile.mentor.unwrap();
    assert_eq!(mentor.name, "\u{FFFD}Bob");
    assert_eq!(mentor.ratings["x"].comment.as_deref(), Some("\u{FFFD}"));
    assert_eq!(mentor.notes.as_deref(), Some("\u{FFFD}n"));
}

#[test]
fn control_characters_in_an_error_are_neutralised() {
    let err = parse_err("version: 1\nprofile: a\nratings: {x: {score: 1, \"\\e[31m\": 2}}\n");
    assert_eq!(
        err.to_string(),
        "profiles/alice.yaml:3:25: unknown field `\u{FFFD}[31m` (known here: score, evidence, \
         updated); fix the file by hand, or move it aside and start fresh"
    );
}

fn alias_bomb() -> String {
    let mut text =
        String::from("version: 1\nprofile: a\nextra:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut previous = 'a';
    for name in 'b'..='j' {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        text.push_str(&format!("  {name}: &{name} [{refs}]\n"));
        previous = name;
    }
    text
}

#[test]
fn an_alias_bomb_fails_with_a_clear_message() {
    for text in [
        alias_bomb(),
        alias_bomb().replace("version: 1\n", "version: 2\n"),
    ] {
        let err = parse_err(&text);
        let message = err.to_string();
        assert!(message.starts_with("profiles/alice.yaml:"), "{message}");
        assert!(message.contains("aliases"), "{message}");
        assert_clean(&message);
    }
}

#[test]
fn ten_thousand_levels_of_nesting_fail_without_overflowing() {
    let flow = format!(
        "version: 1\nprofile: a\nx: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let block = format!("version: 1\nprofile: a\nx:\n{}1\n", "- ".repeat(10_000));
    let maps = format!(
        "version: 1\nprofile: a\nx: {}1{}\n",
        "{k: ".repeat(10_000),
        "}".repeat(10_000)
    );
    for text in [flow, block, maps] {
        let err = parse_err(&text);
        let message = err.to_string();
        assert!(message.starts_with("profiles/alice.yaml:"), "{message}");
        assert!(
            message.contains("nests more than 32 levels deep"),
            "{message}"
        );
        assert_clean(&message);
    }
}

#[test]
fn deep_block_nesting_is_reported_as_too_deep() {
    let mut text = String::from("version: 1\nprofile: a\nx:\n");
    for depth in 1..=40 {
        text.push_str(&" ".repeat(depth));
        text.push_str("k:\n");
    }
    let err = parse_err(&text);
    assert!(
        err.to_string().contains("nests more than 32 levels deep"),
        "{err}"
    );
}

#[test]
fn a_huge_text_is_refused_before_parsing() {
    let text = format!(
        "version: 1\nprofile: a\n#{}\n",
        "x".repeat(MAX_PROFILE_BYTES)
    );
    let err = parse_err(&text);
    assert!(matches!(err, ProfileError::TooLarge { limit, .. } if limit == 4 * 1024 * 1024));
    assert!(err.is_unreadable_file());
}

#[test]
fn a_long_line_is_shown_as_a_window_around_the_column() {
    let text = format!(
        "version: 1\nprofile: a\nratings: {{x: {{score: 1, evidence: {}}}, y: {{zz: 1}}}}\n",
        "e".repeat(300)
    );
    let err = parse_err(&text);
    let ProfileError::Parse { col, snippet, .. } = &err else {
        panic!("expected a parse error, got {err:?}");
    };
    // `ratings: {x: {score: 1, evidence: ` is 34 characters, then 300 `e`s, then `}, y: {`.
    assert_eq!(*col, 34 + 300 + 7 + 1);
    let lines: Vec<&str> = snippet.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("3 | …e"), "{snippet}");
    let caret_at = lines[1].chars().count() - 1;
    assert_eq!(lines[0].chars().nth(caret_at), Some('z'), "{snippet}");
}

#[test]
fn the_caret_counts_wide_characters_as_two_columns() {
    let err =
        parse_err("version: 1\nprofile: 名前\nratings: {x: {score: 1}}\ntarget_level: 前\n名: 1\n");
    assert_eq!(err.snippet(), Some("5 | 名: 1\n  | ^"));
    // 27 columns precede `名前`: `ratings: {` 10, `"名"` 4, `: {` 3, `score: 1, ` 10.
    let err = parse_err("version: 1\nprofile: a\nratings: {\"名\": {score: 1, 名前: 2}}\n");
    assert_eq!(
        err.snippet(),
        Some(
            format!(
                "3 | ratings: {{\"名\": {{score: 1, 名前: 2}}}}\n  | {}^",
                " ".repeat(27)
            )
            .as_str()
        )
    );
}
