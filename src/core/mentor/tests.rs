//! Calibration, leans and the agenda, worked out by hand on the fixture
//! pack `valid-ops` (scale 1–5, meets 4; L1: craft.l1.a w1, craft.l1.b w2,
//! people.l1.a w1; L2: craft.l2.a w1, people.l2.a w3, people.l2.b w1).

use std::path::Path;

use super::*;
use crate::core::content::{PackSource, load};
use crate::core::ids::{IndicatorId, LevelId};
use crate::core::profile::{MentorRating, MentorReview, Rating};

fn ops_pack() -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    load(&PackSource::Dir(dir)).unwrap().pack
}

/// Self: craft.l1.a 5, craft.l1.b 2, people.l1.a 4, people.l2.a 2, craft.l2.a 3.
/// Mentor: craft.l1.a 3, craft.l1.b 3, people.l1.a 4, people.l2.a 4, craft.l3.a 2.
fn profile() -> Profile {
    let mut p = Profile::new("alice");
    p.target_level = Some(LevelId::new("L2"));
    for (id, score) in [
        ("craft.l1.a", 5),
        ("craft.l1.b", 2),
        ("people.l1.a", 4),
        ("people.l2.a", 2),
        ("craft.l2.a", 3),
    ] {
        p.ratings.insert(
            IndicatorId::new(id),
            Rating {
                score,
                evidence: None,
                updated: None,
            },
        );
    }
    let mut review = MentorReview {
        name: "Chen".into(),
        date: None,
        ratings: Default::default(),
        notes: None,
        plan: Vec::new(),
    };
    for (id, score) in [
        ("craft.l1.a", 3),
        ("craft.l1.b", 3),
        ("people.l1.a", 4),
        ("people.l2.a", 4),
        ("craft.l3.a", 2),
    ] {
        review.ratings.insert(
            IndicatorId::new(id),
            MentorRating {
                score,
                comment: None,
            },
        );
    }
    p.mentor = Some(review);
    p
}

fn ids(list: &[Calibration]) -> Vec<(&str, i64)> {
    list.iter()
        .map(|c| (c.indicator.as_str(), c.delta))
        .collect()
}

#[test]
fn indicators_rated_by_both_fall_into_three_groups() {
    let pack = ops_pack();
    let a = score::assess(&pack, &profile());
    // craft.l3.a has no self-rating and craft.l2.a no mentor's: left out.
    // |+2| (L1) before |−2| (L2): the same distance goes in ladder order.
    let g = groups(&a);
    assert_eq!(ids(&g.far_apart), [("craft.l1.a", 2), ("people.l2.a", -2)]);
    assert_eq!(ids(&g.one_apart), [("craft.l1.b", -1)]);
    assert_eq!(ids(&g.agree), [("people.l1.a", 0)]);
    assert_eq!(Agreement::of(-3), Agreement::FarApart);
    assert_eq!(Agreement::of(1), Agreement::OneApart);
}

#[test]
fn each_dimension_leans_higher_or_lower() {
    let pack = ops_pack();
    let a = score::assess(&pack, &profile());
    let leans = leans(&pack, &a);
    // craft: +2 and −1, so +1 over 2 (mean +0.5): higher.
    // people: 0 and −2, so −2 over 2 (mean −1): lower.
    let got: Vec<(&str, usize, i64, f64, Lean)> = leans
        .iter()
        .map(|l| {
            (
                l.dimension.as_str(),
                l.count,
                l.total_delta,
                l.mean_delta,
                l.lean,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("craft", 2, 1, 0.5, Lean::Higher),
            ("people", 2, -2, -1.0, Lean::Lower)
        ]
    );
}

#[test]
fn with_nothing_rated_there_is_no_agenda() {
    // Unrated, every indicator up to the target falls short of meets: the
    // agenda would be the pack's heaviest indicators, which says nothing.
    let pack = ops_pack();
    let p = Profile::new("wang");
    let a = score::assess(&pack, &p);
    assert_eq!(a.target_level.as_deref(), Some("L1"));
    assert!(agenda(&pack, &p, &a).is_empty());
    // One rating up to the target is enough for the others to be weighed.
    let mut rated = p.clone();
    rated.ratings.insert(
        IndicatorId::new("craft.l1.a"),
        crate::core::profile::Rating {
            score: 4,
            evidence: None,
            updated: None,
        },
    );
    let a = score::assess(&pack, &rated);
    assert!(!agenda(&pack, &rated, &a).is_empty());
}

#[test]
fn the_agenda_weighs_shortfall_and_disagreement_up_to_the_target() {
    let pack = ops_pack();
    let p = profile();
    let a = score::assess(&pack, &p);
    let items = agenda(&pack, &p, &a);
    // weight = w·max(0, meets − s) + |self − mentor|, s the mentor's score
    // where given, else one's own, else 0; meets is 4; target L2:
    //   people.l2.b  1·(4 − 0)             = 4
    //   craft.l1.a   1·(4 − 3) + |5 − 3|   = 3   (L1, id before craft.l1.b)
    //   craft.l1.b   2·(4 − 3) + |2 − 3|   = 3
    //   people.l2.a  3·0       + |2 − 4|   = 2
    //   craft.l2.a   1·(4 − 3)             = 1
    //   people.l1.a  0 + 0 = 0: left out; craft.l3.a is above the target.
    let got: Vec<(&str, f64)> = items
        .iter()
        .map(|i| (i.indicator.as_str(), i.weight))
        .collect();
    assert_eq!(
        got,
        [
            ("people.l2.b", 4.0),
            ("craft.l1.a", 3.0),
            ("craft.l1.b", 3.0),
            ("people.l2.a", 2.0),
            ("craft.l2.a", 1.0)
        ]
    );
    assert_eq!(
        (items[3].self_score, items[3].mentor_score),
        (Some(2), Some(4))
    );
    // The fixture's one question probes people.l2.a.
    assert_eq!(items[3].questions, ["incidents.worst"]);
    assert!(items[0].questions.is_empty());
}

#[test]
fn the_mentors_view_takes_their_scores_and_ones_own_elsewhere() {
    let pack = ops_pack();
    let theirs = mentor_assessment(&pack, &profile()).unwrap();
    // L1 with the mentor's 3, 3, 4: (1·3 + 2·3 + 1·4) / 20 = 0.65.
    assert_eq!(theirs.level("L1").unwrap().readiness, 0.65);
    // L2: craft.l2.a keeps its own 3, people.l2.a the mentor's 4, people.l2.b
    // unrated: (1·3 + 3·4 + 0) / (5·5) = 15/25 = 0.6.
    assert_eq!(theirs.level("L2").unwrap().readiness, 0.6);
    assert!(has_review(&profile()));
    assert!(!has_review(&Profile::new("bob")));
}

/// A mentee's file as a person might have written it: comments, quoting
/// and an order of their own.
const MENTEE: &str = "\
version: 2
profile: wang   # the mentee
target_level: L2
ratings:
  # the basics
  craft.l1.a: {score: 5, evidence: 'did it twice'}
  craft.l1.b:
    score: 2
mentor:
  name: Old
  ratings:
    craft.l1.a: {score: 1}

drill:
  cards: {}
";

#[test]
fn only_the_mentor_block_of_the_file_is_replaced() {
    let path = Path::new("wang.yaml");
    let file = file::ProfileText {
        text: MENTEE.to_owned(),
        profile: crate::core::profile::parse_profile(MENTEE, path).unwrap(),
    };
    let mut review = MentorReview {
        name: "Chen".into(),
        date: None,
        ratings: Default::default(),
        notes: Some("Good start".into()),
        plan: Vec::new(),
    };
    review.ratings.insert(
        IndicatorId::new("craft.l1.b"),
        MentorRating {
            score: 3,
            comment: None,
        },
    );
    let text = file::with_review(&file, Some(&review), path).unwrap();
    let expected = "\
version: 2
profile: wang   # the mentee
target_level: L2
ratings:
  # the basics
  craft.l1.a: {score: 5, evidence: 'did it twice'}
  craft.l1.b:
    score: 2
mentor:
  name: Chen
  ratings:
    craft.l1.b:
      score: 3
  notes: Good start

drill:
  cards: {}
";
    assert_eq!(text, expected);
    // Without a review the block goes, and the rest stays.
    let text = file::with_review(&file, None, path).unwrap();
    assert_eq!(
        text,
        MENTEE.replace(
            "mentor:\n  name: Old\n  ratings:\n    craft.l1.a: {score: 1}\n",
            ""
        )
    );
}

#[test]
fn a_file_without_a_review_gets_one_before_the_history() {
    let path = Path::new("wang.yaml");
    let text = "version: 2\nprofile: wang\nratings: {}\nhistory: []\n";
    let file = file::ProfileText {
        text: text.to_owned(),
        profile: crate::core::profile::parse_profile(text, path).unwrap(),
    };
    let review = MentorReview {
        name: "Chen".into(),
        date: None,
        ratings: Default::default(),
        notes: None,
        plan: Vec::new(),
    };
    assert_eq!(
        file::with_review(&file, Some(&review), path).unwrap(),
        "version: 2\nprofile: wang\nratings: {}\nmentor:\n  name: Chen\n  ratings: {}\nhistory: []\n"
    );
}

#[test]
fn answers_the_mentor_graded_go_into_the_file_once() {
    use crate::core::profile::{Grade, Review, Reviewer, SessionKind};
    let path = Path::new("wang.yaml");
    let file = file::ProfileText {
        text: MENTEE.to_owned(),
        profile: crate::core::profile::parse_profile(MENTEE, path).unwrap(),
    };
    let review = file.profile.mentor.clone();
    let answer = Review {
        question: "incidents.worst".into(),
        at: time::macros::datetime!(2026-12-05 10:00:00 +08:00),
        grade: Grade::Good,
        seconds: 170,
        covered: vec![0],
        by: Reviewer::Mentor("Chen".into()),
        kind: SessionKind::Mock,
        prompt_hash: None,
        follow_up: None,
    };
    // Answers one gave oneself are not the mentor's to write.
    let own = Review {
        by: Reviewer::Own,
        ..answer.clone()
    };
    assert_eq!(
        file::with_answers(&file, review.as_ref(), &[(own, None)], path).unwrap(),
        file::with_review(&file, review.as_ref(), path).unwrap()
    );
    let text = file::with_answers(&file, review.as_ref(), &[(answer.clone(), None)], path).unwrap();
    let written = crate::core::profile::parse_profile(&text, path).unwrap();
    assert_eq!(written.drill.reviews, std::slice::from_ref(&answer));
    // Only the drill block (and the review's) is written anew: the
    // mentee's part, all before `mentor:`, keeps its comments and layout,
    // byte for byte.
    let mentee_part = MENTEE.split("mentor:").next().unwrap();
    assert!(mentee_part.contains("# the basics"));
    assert!(text.starts_with(mentee_part), "{text}");
    assert_eq!(written.ratings, file.profile.ratings);
    assert_eq!(written.mentor, file.profile.mentor);
    // Once in the file, the same answer is not added again.
    let again = file::ProfileText {
        text: text.clone(),
        profile: written,
    };
    assert_eq!(
        file::with_answers(&again, review.as_ref(), &[(answer, None)], path).unwrap(),
        file::with_review(&again, review.as_ref(), path).unwrap()
    );
}
