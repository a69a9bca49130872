//! Writing profiles: what is written reads back exactly.

use std::collections::BTreeMap;
use std::path::Path;

use super::*;
use crate::core::profile::{Rating, Snapshot};

const PATH: &str = "profiles/alice.yaml";

fn parse(text: &str) -> Result<Profile, ProfileError> {
    parse_profile(text, Path::new(PATH))
}

#[test]
fn a_new_profile_is_written_as_three_plain_lines() {
    let text = profile_to_yaml(&Profile::new("x"), Path::new(PATH)).unwrap();
    assert_eq!(text, "version: 2\nprofile: x\nratings: {}\n");
}

#[test]
fn strings_that_look_like_other_types_survive_writing() {
    let mut profile = Profile::new("1");
    for (id, evidence) in [
        ("yes", "yes"),
        ("1", "1"),
        ("empty", ""),
        ("null", "null"),
        ("~", "~"),
        ("true", "false"),
        ("- x", "- item\n"),
        ("1.5", "0x10"),
        ("k: v", "a: b"),
        ("#", "# not a comment"),
        ("lead", "  leading\ntrailing  \n\n"),
        ("crlf", "a\r\nb"),
        ("bom", "\u{FEFF}x"),
        ("sep", "a\u{2028}b\u{2029}c"),
        ("nl", "\n"),
        ("quote", "'\"`"),
        ("&a", "*b"),
    ] {
        profile.ratings.insert(
            crate::core::ids::IndicatorId::new(id.to_string()),
            Rating {
                score: 2,
                evidence: Some(evidence.to_string()),
                updated: Some(time::macros::date!(2026 - 01 - 02)),
            },
        );
    }
    profile.target_level = Some("no".into());
    let text = profile_to_yaml(&profile, Path::new(PATH)).unwrap();
    let mut expected = profile.clone();
    // `\r` is a control character, so it comes back neutralised.
    expected.ratings.get_mut("crlf").unwrap().evidence = Some("a\u{FFFD}\nb".into());
    assert_eq!(parse(&text).unwrap(), expected);
}

#[test]
fn floats_survive_writing() {
    let mut profile = Profile::new("f");
    let values = [
        0.0,
        -0.0,
        0.1,
        1.0 / 3.0,
        0.8125,
        1.0,
        5e-324,
        0.999_999_999_999_999_9,
    ];
    profile.history.push(Snapshot {
        date: time::macros::date!(2026 - 01 - 01),
        current_level: None,
        target_level: Some("P7".into()),
        levels: values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("L{i}"), *v))
            .collect(),
        dimensions: BTreeMap::new(),
    });
    let text = profile_to_yaml(&profile, Path::new(PATH)).unwrap();
    let back = parse(&text).unwrap();
    for (i, v) in values.iter().enumerate() {
        let got = back.history[0].levels[&format!("L{i}")];
        assert_eq!(got.to_bits(), v.to_bits(), "L{i}: {got} != {v}");
    }
}

#[test]
fn a_readiness_out_of_range_is_refused_where_it_stands() {
    // Readiness is a share from 0 to 1; the app writes nothing else, and a
    // hand-edited `.nan`, `.inf` or `1e308` would print as `NaN%` in reports.
    for value in [".nan", "-.inf", "1e308", "1.5", "-0.1"] {
        let text = format!(
            "version: 2\nprofile: f\nratings: {{}}\nhistory:\n  - date: 2026-01-01\n    levels:\n      P7: 0.5\n      P8: {value}\n"
        );
        let err = parse(&text).unwrap_err();
        let ProfileError::Parse {
            line,
            col: c,
            message,
            ..
        } = &err
        else {
            panic!("expected a parse error, got {err:?}");
        };
        // `      P8: ` is ten characters: the value starts in column 11.
        assert_eq!((*line, *c), (8, 11), "{value}: {message}");
        assert!(message.contains("not a share from 0 to 1"), "{message}");
    }
    let dims = "version: 2\nprofile: f\nratings: {}\nhistory:\n  - date: 2026-01-01\n    levels: {}\n    dimensions: {craft: {P7: .inf}}\n";
    let err = parse(dims).unwrap_err();
    assert!(err.to_string().contains(":7:"), "{err}");
}

#[test]
fn a_profile_too_large_to_read_back_is_not_written() {
    let mut profile = Profile::new("big");
    profile.ratings.insert(
        "x".into(),
        Rating {
            score: 1,
            evidence: Some("word ".repeat(900_000)),
            updated: None,
        },
    );
    let err = profile_to_yaml(&profile, Path::new(PATH)).unwrap_err();
    let ProfileError::Serialize { message, .. } = &err else {
        panic!("expected a serialize error, got {err:?}");
    };
    assert!(message.starts_with("it would be "), "{message}");
    assert!(
        message.ends_with(" bytes, more than the 4194304 a profile may have; shorten the longest evidence or notes"),
        "{message}"
    );
}

#[test]
fn an_id_longer_than_a_simple_key_still_reads_back() {
    let mut profile = Profile::new("long");
    let id = "k".repeat(2_000);
    profile.ratings.insert(
        crate::core::ids::IndicatorId::new(id.clone()),
        Rating {
            score: 1,
            evidence: None,
            updated: None,
        },
    );
    let text = profile_to_yaml(&profile, Path::new(PATH)).unwrap();
    assert_eq!(
        parse(&text).unwrap().ratings.keys().collect::<Vec<_>>(),
        [&crate::core::ids::IndicatorId::new(id.clone())]
    );
}

#[test]
fn control_characters_in_keys_are_neutralised_and_never_written_back() {
    // No pack id holds a control character, so such a key names nothing; it is
    // kept, neutralised, and the file written back is clean for `cat` and
    // for the next reader.
    let text = "version: 2\nprofile: f\nratings:\n  \"k\\e]52;c;x\\a\\N\\u202E\\u200F\": {score: 3}\n  craft.a: {score: 4}\nmentor:\n  name: M\n  ratings:\n    \"m\\u2066\": {score: 2}\nhistory:\n  - date: 2026-01-01\n    levels: {\"P\\u061C\": 0.5}\n    dimensions: {\"d\\e\": {\"L\\u200E\": 0.25}}\n";
    let profile = parse(text).unwrap();
    let keys: Vec<&str> = profile.ratings.keys().map(|k| k.as_ref()).collect();
    assert_eq!(
        keys,
        [
            "craft.a",
            "k\u{fffd}]52;c;x\u{fffd}\u{fffd}\u{fffd}\u{fffd}"
        ]
    );
    let written = profile_to_yaml(&profile, Path::new(PATH)).unwrap();
    assert!(
        !written.chars().any(crate::core::sanitize::is_dangerous),
        "{written}"
    );
    let back = parse(&written).unwrap();
    assert_eq!(back, profile);
    assert_eq!(back.history[0].levels["P\u{fffd}"], 0.5);
    assert_eq!(back.history[0].dimensions["d\u{fffd}"]["L\u{fffd}"], 0.25);
    let mentor = back.mentor.unwrap();
    assert!(mentor.ratings.contains_key("m\u{fffd}"));
}
