//! The built-in pack meets the floors it promises: bilingual throughout, a
//! full P6–P9 model, a substantial Go review checklist, question bank and
//! articles, and a demo profile that scores as a P6 aiming for P7.

use std::collections::BTreeSet;
use std::path::Path;

use ladder::core::content::{self, Pack, Text};
use ladder::core::profile::parse_profile;
use ladder::core::score::assess;
use texts::{all_texts, han_count, has_both, written_in};

mod drill_links;
mod texts;

const LEVELS: [&str; 4] = ["P6", "P7", "P8", "P9"];

fn pack() -> Pack {
    match content::built_in() {
        Ok(loaded) => loaded.pack,
        Err(e) => panic!(
            "the built-in pack does not load:\n{}",
            e.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn filled(text: Option<&Text>) -> bool {
    text.is_some_and(|t| !t.is_blank())
}

fn fail_if_any(problems: Vec<String>, what: &str) {
    assert!(
        problems.is_empty(),
        "{what}; {} found:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn validates_strictly_without_warnings() {
    let loaded = content::built_in().unwrap_or_else(|e| {
        panic!(
            "the built-in pack does not load:\n{}",
            e.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    fail_if_any(
        loaded.warnings.iter().map(ToString::to_string).collect(),
        "`ladder validate --strict` fails on the built-in pack",
    );
}

#[test]
fn every_text_is_written_in_chinese_and_english() {
    let p = pack();
    assert_eq!(p.languages(), vec!["zh", "en"], "pack.yaml languages");
    let texts = all_texts(&p);
    assert!(
        texts.len() > 500,
        "the text walk found only {} texts",
        texts.len()
    );
    fail_if_any(
        texts
            .iter()
            .filter(|(_, t)| !has_both(t))
            .map(|(place, _)| format!("{place}: needs a non-blank zh and en"))
            .collect(),
        "texts missing a language",
    );
}

#[test]
fn scale_runs_from_0_to_4_with_labels_and_hints() {
    let p = pack();
    let values: Vec<u32> = p.scale.iter().map(|s| s.value.value).collect();
    assert_eq!(values, vec![0, 1, 2, 3, 4], "scale values");
    for s in &p.scale {
        assert!(!s.label.is_blank(), "scale {} has no label", s.value.value);
        assert!(
            filled(s.hint.as_ref()),
            "scale {} has no hint",
            s.value.value
        );
    }
}

#[test]
fn meets_and_threshold_are_meaningful() {
    let p = pack();
    // A meets of 0 would count every unrated indicator as met; 4 would ask
    // for role-model level everywhere.
    assert!(
        (1..=3).contains(&p.meets),
        "meets is {}; expected 1–3",
        p.meets
    );
    assert!(
        p.threshold > 0.5 && p.threshold <= 1.0,
        "threshold is {}; expected above 0.5 and at most 1",
        p.threshold
    );
}

#[test]
fn levels_are_p6_to_p9_with_substantial_chinese_summaries() {
    let p = pack();
    let ids: Vec<&str> = p.levels.iter().map(|l| l.id.value.as_str()).collect();
    assert_eq!(ids, LEVELS, "levels in ladder order");
    for l in &p.levels {
        let zh = l.summary.as_ref().map_or("", |s| written_in(s, "zh"));
        let n = han_count(zh);
        assert!(
            n >= 150,
            "level {} summary has {n} Chinese characters in zh; it needs at least 150",
            l.id.value
        );
    }
}

#[test]
fn six_dimensions_with_three_indicators_per_level_each_with_hint_and_growth() {
    let p = pack();
    assert!(
        p.dimensions.len() >= 6,
        "{} dimensions; at least 6 are needed",
        p.dimensions.len()
    );
    let mut problems = Vec::new();
    for d in &p.dimensions {
        for level in LEVELS {
            let n = d
                .indicators
                .iter()
                .filter(|i| i.level.value == level)
                .count();
            if n < 3 {
                problems.push(format!(
                    "dimension {} has {n} indicators at {level}; needs 3",
                    d.id.value
                ));
            }
        }
        for i in &d.indicators {
            if !filled(i.evidence_hint.as_ref()) {
                problems.push(format!("indicator {} has no evidence_hint", i.id.value));
            }
            if !filled(i.growth.as_ref()) {
                problems.push(format!("indicator {} has no growth advice", i.id.value));
            }
        }
    }
    fail_if_any(problems, "the competency model is below its floor");
}

#[test]
fn go_review_checklist_is_substantial() {
    let p = pack();
    let Some(list) = p
        .checklists
        .iter()
        .find(|c| c.id.value.contains("go") && c.id.value.contains("review"))
    else {
        panic!("no checklist whose id contains `go` and `review`");
    };
    let items: Vec<_> = list.sections.iter().flat_map(|s| &s.items).collect();
    assert!(
        list.sections.len() >= 8,
        "{} has {} sections; at least 8 are needed",
        list.id.value,
        list.sections.len()
    );
    assert!(
        items.len() >= 40,
        "{} has {} items; at least 40 are needed",
        list.id.value,
        items.len()
    );
    fail_if_any(
        items
            .iter()
            .filter(|i| !filled(i.why.as_ref()))
            .map(|i| format!("item {} has no `why`", i.id.value))
            .collect(),
        "checklist items without a reason",
    );
    let with_verify = items.iter().filter(|i| filled(i.verify.as_ref())).count();
    assert!(
        with_verify * 2 >= items.len(),
        "only {with_verify} of {} items say how to verify them; at least half should",
        items.len()
    );
}

#[test]
fn there_is_at_least_one_more_checklist() {
    let p = pack();
    assert!(
        p.checklists.len() >= 2,
        "{} checklists; the Go review checklist needs at least one companion",
        p.checklists.len()
    );
}

#[test]
fn question_bank_is_substantial_and_complete() {
    let p = pack();
    let qs = &p.questions;
    assert!(
        qs.len() >= 60,
        "{} questions; at least 60 are needed",
        qs.len()
    );
    let used: BTreeSet<&str> = qs.iter().map(|q| q.category.value.as_str()).collect();
    assert!(
        used.len() >= 6,
        "questions use {} categories ({used:?}); at least 6 are needed",
        used.len()
    );
    for level in LEVELS {
        let n = qs
            .iter()
            .filter(|q| q.levels.value.iter().any(|l| l.value == level))
            .count();
        assert!(
            n >= 12,
            "{n} questions are tagged {level}; at least 12 are needed"
        );
    }
    let mut problems = Vec::new();
    for q in qs {
        let id = &q.id.value;
        if q.framework.is_blank() {
            problems.push(format!("question {id} has no framework"));
        }
        for (what, have, need) in [
            ("key points", q.key_points.value.len(), 3),
            ("follow-ups", q.follow_ups.len(), 2),
            ("pitfalls", q.pitfalls.len(), 1),
            ("indicators", q.indicators.len(), 1),
        ] {
            if have < need {
                problems.push(format!("question {id} has {have} {what}; needs {need}"));
            }
        }
    }
    fail_if_any(problems, "questions below their floor");
}

#[test]
fn the_three_core_articles_are_there() {
    let p = pack();
    assert!(
        p.articles.len() >= 3,
        "{} articles; at least 3 are needed",
        p.articles.len()
    );
    for id in ["mindset-shift", "defense-prep", "mentor-walkthrough"] {
        assert!(p.article(id).is_some(), "no article with id `{id}`");
    }
}

#[test]
fn demo_profile_is_a_p6_aiming_for_p7() {
    let p = pack();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/profile.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the demo profile {}: {e}", path.display()));
    let profile = parse_profile(&text, &path)
        .unwrap_or_else(|e| panic!("the demo profile does not parse: {e}"));

    let scale: Vec<u32> = p.scale.iter().map(|s| s.value.value).collect();
    let mut problems = Vec::new();
    for (id, rating) in &profile.ratings {
        if p.indicator(id).is_none() {
            problems.push(format!(
                "rates `{id}`, which the built-in pack does not have"
            ));
        }
        if !scale.contains(&rating.score) {
            problems.push(format!(
                "rates `{id}` {}, which is not on the scale",
                rating.score
            ));
        }
    }
    fail_if_any(problems, "the demo profile does not fit the built-in pack");
    assert!(
        profile.ratings.len() >= 60,
        "the demo profile rates {} indicators; at least 60 are needed",
        profile.ratings.len()
    );

    let a = assess(&p, &profile);
    assert_eq!(
        a.current_level.as_deref(),
        Some("P6"),
        "current level of the demo profile"
    );
    assert_eq!(
        a.target_level.as_deref(),
        Some("P7"),
        "target level of the demo profile"
    );
    let p7 = a.level("P7").expect("the assessment has P7");
    assert!(
        !p7.reached,
        "the demo profile reaches P7 (readiness {:.3}); it should show a gap to close",
        p7.readiness
    );
}
