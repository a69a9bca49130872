//! Property tests: parsing never panics, and whatever is saved loads back.

use std::collections::BTreeMap;
use std::path::Path;

use ladder::core::clock::Date;
use ladder::core::ids::{IndicatorId, LevelId, QuestionId};
use ladder::core::profile::{
    Card, DrillLog, Grade, MentorRating, MentorReview, PlanStep, Profile, Rating, Review, Reviewer,
    SessionKind, Snapshot, parse_profile, profile_to_yaml,
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

/// A readiness value: a share from 0 to 1 (anything else is refused on
/// load), with the ends and the tiniest values among them.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0f64..=1.0,
        Just(0.0),
        Just(-0.0),
        Just(1.0),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1970i32..2200, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        let month = time::Month::try_from(m).unwrap_or(time::Month::January);
        Date::from_calendar_date(y, month, d).unwrap_or(Date::MIN)
    })
}

fn instant() -> impl Strategy<Value = time::OffsetDateTime> {
    (date(), 0u32..86_400, -12i8..=14).prop_map(|(day, secs, hours)| {
        let offset = time::UtcOffset::from_hms(hours, 0, 0).unwrap_or(time::UtcOffset::UTC);
        day.midnight().assume_offset(offset) + time::Duration::seconds(i64::from(secs))
    })
}

fn drill() -> impl Strategy<Value = DrillLog> {
    let card = (
        instant(),
        0.0f64..1e6,
        1.0f64..10.0,
        any::<u32>(),
        any::<u32>(),
        instant(),
    )
        .prop_map(
            |(due, stability, difficulty, reps, lapses, last_review)| Card {
                due,
                stability,
                difficulty,
                reps,
                lapses,
                last_review,
            },
        );
    let review = (
        text(30),
        instant(),
        proptest::sample::select(Grade::ALL.to_vec()),
        any::<u32>(),
        proptest::collection::vec(0u32..20, 0..5),
        proptest::option::of(text(10)),
    )
        .prop_map(|(question, at, grade, seconds, covered, mentor)| Review {
            question: question.into(),
            at,
            grade,
            seconds,
            covered,
            by: mentor.map_or(Reviewer::Own, Reviewer::Mentor),
            kind: SessionKind::Due,
            prompt_hash: None,
            follow_up: None,
        });
    (
        proptest::collection::btree_map(text(30).prop_map(QuestionId::from), card, 0..4),
        proptest::collection::vec(review, 0..6),
    )
        .prop_map(|(cards, reviews)| DrillLog { cards, reviews })
}

fn rating() -> impl Strategy<Value = Rating> {
    (
        any::<u32>(),
        proptest::option::of(text(120)),
        proptest::option::of(date()),
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
            text(30).prop_map(IndicatorId::from),
            (any::<u32>(), proptest::option::of(text(80)))
                .prop_map(|(score, comment)| MentorRating { score, comment }),
            0..4,
        ),
        proptest::option::of(text(80)),
        proptest::option::of(date()),
        proptest::collection::vec(
            (
                text(40),
                proptest::option::of(text(10)),
                proptest::option::of(date()),
            )
                .prop_map(|(step, owner, due)| PlanStep { step, owner, due }),
            0..3,
        ),
    )
        .prop_map(|(name, ratings, notes, date, plan)| MentorReview {
            name,
            date,
            ratings,
            notes,
            plan,
        })
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        date(),
        proptest::option::of(text(6).prop_map(LevelId::from)),
        proptest::option::of(text(6).prop_map(LevelId::from)),
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
        proptest::option::of(text(6).prop_map(LevelId::from)),
        proptest::collection::btree_map(text(40).prop_map(IndicatorId::from), rating(), 0..8),
        proptest::option::of(mentor()),
        proptest::collection::vec(snapshot(), 0..3),
        (drill(), proptest::option::of(date())),
    )
        .prop_map(
            |(name, target_level, ratings, mentor, history, (drill, defense_date))| {
                let mut profile = Profile::new(&name);
                profile.target_level = target_level;
                profile.ratings = ratings;
                profile.mentor = mentor;
                profile.history = history;
                profile.drill = drill;
                profile.defense_date = defense_date;
                profile
            },
        )
}

/// A map as loading leaves it: keys neutralised; of two keys that become
/// the same, the first (in key order) is kept.
fn clean_keys<K, V: Clone>(map: &BTreeMap<K, V>) -> BTreeMap<K, V>
where
    K: Ord + std::borrow::Borrow<str> + From<String>,
{
    let mut out = BTreeMap::new();
    for (k, v) in map {
        out.entry(K::from(neutralize_controls(k.borrow()).into_owned()))
            .or_insert_with(|| v.clone());
    }
    out
}

/// What a profile looks like after a load: text and keys neutralised.
fn as_loaded(profile: &Profile) -> Profile {
    let clean = |text: &String| neutralize_controls(text).into_owned();
    let clean_opt = |text: &Option<String>| text.as_ref().map(clean);
    let mut loaded = profile.clone();
    loaded.profile = clean(&profile.profile);
    loaded.ratings = clean_keys(&profile.ratings);
    loaded.target_level = profile
        .target_level
        .as_ref()
        .map(|l| LevelId::new(clean(&l.to_string())));
    for rating in loaded.ratings.values_mut() {
        rating.evidence = clean_opt(&rating.evidence);
    }
    if let Some(mentor) = &mut loaded.mentor {
        mentor.name = clean(&mentor.name);
        mentor.notes = clean_opt(&mentor.notes);
        mentor.ratings = clean_keys(&mentor.ratings);
        for rating in mentor.ratings.values_mut() {
            rating.comment = clean_opt(&rating.comment);
        }
        for step in &mut mentor.plan {
            step.step = clean(&step.step);
            step.owner = clean_opt(&step.owner);
        }
    }
    let clean_level = |l: &Option<LevelId>| l.as_ref().map(|l| LevelId::new(clean(&l.to_string())));
    for snapshot in &mut loaded.history {
        snapshot.levels = clean_keys(&snapshot.levels);
        snapshot.dimensions = clean_keys(&snapshot.dimensions)
            .iter()
            .map(|(k, levels)| (k.clone(), clean_keys(levels)))
            .collect();
        snapshot.current_level = clean_level(&snapshot.current_level);
        snapshot.target_level = clean_level(&snapshot.target_level);
    }
    loaded.drill.cards = clean_keys(&profile.drill.cards);
    for review in &mut loaded.drill.reviews {
        review.question = QuestionId::new(clean(&review.question.to_string()));
        if let Reviewer::Mentor(name) = &mut review.by {
            *name = clean(name);
        }
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
            updated: Some(time::macros::date!(2026 - 04 - 01)),
        },
    );
    profile.mentor = Some(MentorReview {
        name: "Bob".into(),
        date: None,
        plan: Vec::new(),
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
        date: time::macros::date!(2026 - 01 - 01),
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
