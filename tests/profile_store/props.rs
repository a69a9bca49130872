//! Property tests: parsing never panics, and whatever is saved loads back.

use std::collections::BTreeMap;
use std::path::Path;

use ladder::core::profile::{
    MentorRating, MentorReview, Profile, Rating, Snapshot, parse_profile, profile_to_yaml,
};
use ladder::core::sanitize::neutralize_controls;
use proptest::prelude::*;

use crate::support::store;

/// Characters that stress YAML: indicators, quotes, line breaks, controls,
/// bidi marks, wide and astral characters, and anything else.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::sample::select(vec![
            ' ', '\n', '\t', '\r', ':', '#', '-', '?', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', '{', '}', '[', ']', ',', '\\', '~', '\u{0}', '\u{1b}', '\u{7f}', '\u{85}',
            '\u{a0}', '\u{202e}', '\u{2028}', '\u{feff}', '名', '🚀',
        ]),
        1 => any::<char>(),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..max).prop_map(String::from_iter)
}

fn number() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("NaN never equals itself", |v| !v.is_nan())
}

fn rating() -> impl Strategy<Value = Rating> {
    (
        any::<u32>(),
        proptest::option::of(text(120)),
        proptest::option::of(text(12)),
    )
        .prop_map(|(score, evidence, updated)| Rating {
            score,
            evidence,
            updated,
        })
}

fn mentor() -> impl Strategy<Value = MentorReview> {
    (
        text(20),
        proptest::collection::btree_map(
            text(30),
            (any::<u32>(), proptest::option::of(text(80)))
                .prop_map(|(score, comment)| MentorRating { score, comment }),
            0..4,
        ),
        proptest::option::of(text(80)),
    )
        .prop_map(|(name, ratings, notes)| MentorReview {
            name,
            ratings,
            notes,
        })
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        text(12),
        proptest::option::of(text(6)),
        proptest::option::of(text(6)),
        proptest::collection::btree_map(text(6), number(), 0..4),
        proptest::collection::btree_map(
            text(12),
            proptest::collection::btree_map(text(6), number(), 0..3),
            0..3,
        ),
    )
        .prop_map(
            |(date, current_level, target_level, levels, dimensions)| Snapshot {
                date,
                current_level,
                target_level,
                levels,
                dimensions,
            },
        )
}

fn profile(name: impl Strategy<Value = String>) -> impl Strategy<Value = Profile> {
    (
        name,
        proptest::option::of(text(6)),
        proptest::collection::btree_map(text(40), rating(), 0..8),
        proptest::option::of(mentor()),
        proptest::collection::vec(snapshot(), 0..3),
    )
        .prop_map(|(name, target_level, ratings, mentor, history)| {
            let mut profile = Profile::new(&name);
            profile.target_level = target_level;
            profile.ratings = ratings;
            profile.mentor = mentor;
            profile.history = history;
            profile
        })
}

/// What a profile looks like after a load: text neutralised, ids untouched.
fn as_loaded(profile: &Profile) -> Profile {
    let clean = |text: &String| neutralize_controls(text).into_owned();
    let clean_opt = |text: &Option<String>| text.as_ref().map(clean);
    let mut loaded = profile.clone();
    loaded.profile = clean(&profile.profile);
    loaded.target_level = clean_opt(&profile.target_level);
    for rating in loaded.ratings.values_mut() {
        rating.evidence = clean_opt(&rating.evidence);
        rating.updated = clean_opt(&rating.updated);
    }
    if let Some(mentor) = &mut loaded.mentor {
        mentor.name = clean(&mentor.name);
        mentor.notes = clean_opt(&mentor.notes);
        for rating in mentor.ratings.values_mut() {
            rating.comment = clean_opt(&rating.comment);
        }
    }
    for snapshot in &mut loaded.history {
        snapshot.date = clean(&snapshot.date);
        snapshot.current_level = clean_opt(&snapshot.current_level);
        snapshot.target_level = clean_opt(&snapshot.target_level);
    }
    loaded
}

fn sample_text() -> String {
    let mut profile = Profile::new("alice");
    profile.target_level = Some("P7".into());
    profile.ratings.insert(
        "tech-depth.p6.profiling".into(),
        Rating {
            score: 3,
            evidence: Some("Cut p99:\n- pprof\n- \"quoted\" 名前\n".into()),
            updated: Some("2026-04-01".into()),
        },
    );
    profile.mentor = Some(MentorReview {
        name: "Bob".into(),
        ratings: BTreeMap::from([(
            "x".into(),
            MentorRating {
                score: 1,
                comment: None,
            },
        )]),
        notes: Some("ok".into()),
    });
    profile.history.push(Snapshot {
        date: "2026-01-01".into(),
        current_level: None,
        target_level: Some("P7".into()),
        levels: BTreeMap::from([("P6".into(), 0.5)]),
        dimensions: BTreeMap::from([("d".into(), BTreeMap::from([("P6".into(), 0.25)]))]),
    });
    profile_to_yaml(&profile, Path::new("sample.yaml")).unwrap()
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
    Swap(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..20usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), text(10)).prop_map(|(at, s)| Edit::Insert(at, s)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    match edit {
        Edit::Delete(at, len) => {
            let at = at % n;
            let end = (at + len).min(chars.len());
            chars.drain(at.min(end)..end);
        }
        Edit::Insert(at, s) => {
            let at = at % (chars.len() + 1);
            chars.splice(at..at, s.chars());
        }
        Edit::DuplicateLine(line) => {
            let mut lines: Vec<&str> = text.split('\n').collect();
            let line = line % lines.len();
            lines.insert(line, lines[line]);
            return lines.join("\n");
        }
        Edit::Swap(a, b) => {
            let len = chars.len();
            if len > 0 {
                chars.swap(a % len, b % len);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #[test]
    fn parsing_any_text_never_panics(text in any::<String>()) {
        let _ = parse_profile(&text, Path::new("p.yaml"));
    }

    #[test]
    fn parsing_yaml_shaped_text_never_panics(text in text(300)) {
        let _ = parse_profile(&format!("version: 1\nprofile: x\n{text}"), Path::new("p.yaml"));
        let _ = parse_profile(&text, Path::new("p.yaml"));
    }

    #[test]
    fn parsing_a_damaged_profile_never_panics(edits in proptest::collection::vec(edit(), 1..6)) {
        let text = edits.iter().fold(sample_text(), |text, edit| apply(&text, edit));
        if let Err(err) = parse_profile(&text, Path::new("p.yaml")) {
            let message = err.to_string();
            prop_assert!(message.starts_with("p.yaml:"), "{}", message);
            prop_assert!(!message.contains("Error {") && !message.contains('\u{1b}'), "{}", message);
        }
    }

    #[test]
    fn any_profile_written_as_yaml_reads_back(profile in profile(text(20))) {
        let text = profile_to_yaml(&profile, Path::new("p.yaml")).unwrap();
        prop_assert_eq!(parse_profile(&text, Path::new("p.yaml")).unwrap(), as_loaded(&profile));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_profile_saved_loads_back(profile in profile(Just("someone".to_string()))) {
        let (_dir, store) = store();
        store.save(&profile).unwrap();
        let loaded = store.load("someone").unwrap().unwrap();
        prop_assert_eq!(&loaded, &as_loaded(&profile));
        // A second save of what was loaded changes nothing.
        store.save(&loaded).unwrap();
        prop_assert_eq!(store.load("someone").unwrap().unwrap(), loaded);
    }
}
