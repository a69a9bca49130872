//! Workspace commands with hand-worked scores and history.
//!
//! The fixture pack `valid-ops` has a 1–5 scale, meets 4, threshold 0.8.
//! L1: craft.l1.a (weight 1), craft.l1.b (weight 2), people.l1.a (weight 1),
//! so L1's readiness is Σ w·s / (4 · 5) = Σ w·s / 20.

use std::path::Path;
use std::sync::Arc;

use time::macros::{date, datetime};

use super::*;
use crate::core::clock::ManualClock;
use crate::core::content::{PackSource, load};
use crate::core::profile::{Grade, Reviewer, SessionKind};

fn ops_pack() -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    load(&PackSource::Dir(dir)).unwrap().pack
}

fn workspace() -> (Workspace, ManualClock) {
    let clock = ManualClock::new(datetime!(2026-12-04 23:50:00 +08:00));
    let ws = Workspace::new(ops_pack(), Profile::new("alice"), Arc::new(clock.clone()));
    (ws, clock)
}

fn rate(id: &str, score: u32) -> Command {
    Command::Rate {
        indicator: IndicatorId::new(id),
        score,
    }
}

fn l1(ws: &Workspace) -> f64 {
    ws.assessment.level("L1").unwrap().readiness
}

#[test]
fn a_rating_rescores_and_records_the_day() {
    let (mut ws, _) = workspace();
    assert_eq!(
        ws.apply(rate("craft.l1.b", 4)),
        Ok(Outcome::Changed(vec![Save::Profile]))
    );
    // 2·4 / 20
    assert_eq!(l1(&ws), 0.4);
    assert_eq!(
        ws.apply(rate("craft.l1.a", 5)).map(|o| o.changed()),
        Ok(true)
    );
    // (1·5 + 2·4) / 20
    assert_eq!(l1(&ws), 0.65);
    assert_eq!(ws.profile.history.len(), 1);
    assert_eq!(ws.profile.history[0].date, date!(2026 - 12 - 04));
    assert_eq!(ws.profile.history[0].levels["L1"], 0.65);
    assert_eq!(
        ws.profile.ratings["craft.l1.a"].updated,
        Some(date!(2026 - 12 - 04))
    );
    assert_eq!(
        ws.profile.pack.as_ref().map(|p| p.id.as_str()),
        Some(ws.pack.id())
    );
    // The same score again changes nothing and saves nothing.
    assert_eq!(ws.apply(rate("craft.l1.a", 5)), Ok(Outcome::Unchanged));
}

#[test]
fn the_day_rolls_over_while_open_and_starts_a_new_history_day() {
    let (mut ws, clock) = workspace();
    ws.apply(rate("craft.l1.b", 4)).unwrap();
    ws.apply(rate("craft.l1.a", 5)).unwrap();
    // 23:50 + 15 min is the next day in +08:00.
    clock.advance(time::Duration::minutes(15));
    assert!(ws.observe(), "the day rolled over");
    assert_eq!(ws.today(), date!(2026 - 12 - 05));
    assert!(!ws.observe(), "and only once");
    ws.apply(rate("people.l1.a", 5)).unwrap();
    // (5 + 8 + 5) / 20 = 0.9 ≥ 0.8: L1 is reached.
    assert_eq!(l1(&ws), 0.9);
    assert_eq!(ws.assessment.current_level.as_deref(), Some("L1"));
    let days: Vec<_> = ws.profile.history.iter().map(|s| s.date).collect();
    assert_eq!(days, [date!(2026 - 12 - 04), date!(2026 - 12 - 05)]);
    assert_eq!(ws.profile.history[0].levels["L1"], 0.65);
    assert_eq!(ws.profile.history[1].levels["L1"], 0.9);
    assert_eq!(ws.profile.history[1].current_level.as_deref(), Some("L1"));
    assert_eq!(
        ws.profile.ratings["people.l1.a"].updated,
        Some(date!(2026 - 12 - 05))
    );
}

#[test]
fn a_tick_carries_the_time_and_time_does_not_go_back() {
    let (mut ws, _) = workspace();
    assert!(ws.set_now(datetime!(2026-12-05 00:00:01 +08:00)));
    assert!(!ws.set_now(datetime!(2026-12-04 08:00:00 +08:00)));
    assert_eq!(ws.today(), date!(2026 - 12 - 05));
}

#[test]
fn what_the_pack_does_not_allow_is_refused_and_changes_nothing() {
    let (mut ws, _) = workspace();
    // The scale is 1–5.
    assert_eq!(
        ws.apply(rate("craft.l1.a", 0)),
        Err(Refused::OffScale { score: 0 })
    );
    assert_eq!(
        ws.apply(rate("no.such", 3)),
        Err(Refused::UnknownIndicator("no.such".into()))
    );
    assert_eq!(
        ws.apply(Command::SetEvidence {
            indicator: "craft.l1.a".into(),
            text: "PR #1".into()
        }),
        Err(Refused::NotRated("craft.l1.a".into()))
    );
    assert_eq!(
        ws.apply(Command::SetTarget(Some("L9".into()))),
        Err(Refused::UnknownLevel("L9".into()))
    );
    assert_eq!(
        ws.apply(Command::DeleteOrphan {
            indicator: "craft.l1.a".into()
        }),
        Err(Refused::NotOrphaned("craft.l1.a".into()))
    );
    assert!(ws.profile.ratings.is_empty());
    assert!(ws.profile.history.is_empty());
}

#[test]
fn evidence_target_and_defense_date_are_commands_too() {
    let (mut ws, _) = workspace();
    ws.apply(rate("people.l2.a", 2)).unwrap();
    let evidence = Command::SetEvidence {
        indicator: "people.l2.a".into(),
        text: "Ran the Q3 incident review.\n".into(),
    };
    assert!(ws.apply(evidence.clone()).unwrap().changed());
    assert_eq!(ws.apply(evidence), Ok(Outcome::Unchanged));
    assert_eq!(
        ws.profile.ratings["people.l2.a"].evidence.as_deref(),
        Some("Ran the Q3 incident review.")
    );
    // Nothing is reached, so the target follows the rule: the first level.
    assert_eq!(ws.assessment.target_level.as_deref(), Some("L1"));
    ws.apply(Command::SetTarget(Some("L2".into()))).unwrap();
    assert_eq!(ws.assessment.target_level.as_deref(), Some("L2"));
    // Up to L2, unrated counts as 0: craft.l1.b (weight 2) is a gap of
    // 2·(4 − 0) = 8, people.l2.a (weight 3, at 2) one of 3·(4 − 2) = 6, and
    // the four other unrated ones (weight 1) of 4 each.
    let gaps: Vec<&str> = ws
        .assessment
        .gaps
        .iter()
        .map(|g| g.indicator.as_str())
        .collect();
    assert_eq!(gaps[..2], ["craft.l1.b", "people.l2.a"]);
    assert_eq!(gaps.len(), 6);
    let day = Some(date!(2027 - 03 - 15));
    assert!(ws.apply(Command::SetDefenseDate(day)).unwrap().changed());
    assert_eq!(ws.profile.defense_date, day);
    assert!(
        ws.apply(Command::ClearRating {
            indicator: "people.l2.a".into()
        })
        .unwrap()
        .changed()
    );
    assert!(!ws.profile.ratings.contains_key("people.l2.a"));
}

#[test]
fn a_mentor_rates_beside_the_self_rating_without_touching_it() {
    let (mut ws, _) = workspace();
    ws.apply(rate("craft.l1.b", 4)).unwrap();
    let own = ws.profile.ratings.clone();
    ws.apply(Command::MentorRate {
        mentor: "Chen".into(),
        indicator: "craft.l1.b".into(),
        score: 2,
    })
    .unwrap();
    ws.apply(Command::MentorComment {
        mentor: "Chen".into(),
        indicator: "craft.l1.b".into(),
        text: "Show the runbook.".into(),
    })
    .unwrap();
    assert_eq!(ws.profile.ratings, own);
    let mentor = ws.profile.mentor.as_ref().unwrap();
    assert_eq!(mentor.name, "Chen");
    assert_eq!(mentor.date, Some(date!(2026 - 12 - 04)));
    assert_eq!(mentor.ratings["craft.l1.b"].score, 2);
    assert_eq!(
        mentor.ratings["craft.l1.b"].comment.as_deref(),
        Some("Show the runbook.")
    );
    // self − mentor = 4 − 2.
    assert_eq!(ws.assessment.calibration[0].delta, 2);
    assert_eq!(
        ws.apply(Command::MentorRate {
            mentor: " ".into(),
            indicator: "craft.l1.b".into(),
            score: 3
        }),
        Err(Refused::NoMentorName)
    );
}

#[test]
fn a_drill_review_is_logged_with_its_card() {
    let (mut ws, _) = workspace();
    let at = ws.now();
    let review = Review {
        question: "q.one".into(),
        at,
        grade: Grade::Good,
        seconds: 174,
        covered: vec![0, 2],
        by: Reviewer::Own,
        kind: SessionKind::New,
        prompt_hash: None,
        follow_up: None,
    };
    let card = Card {
        due: at + time::Duration::days(3),
        stability: 3.2,
        difficulty: 5.1,
        reps: 1,
        lapses: 0,
        last_review: at,
    };
    ws.apply(Command::RecordReview {
        review: Box::new(review.clone()),
        card: Some(card.clone()),
    })
    .unwrap();
    assert_eq!(ws.profile.drill.reviews, [review]);
    assert_eq!(ws.profile.drill.cards["q.one"], card);
    assert!(
        ws.apply(Command::ResetCard {
            question: "q.one".into()
        })
        .unwrap()
        .changed()
    );
    assert!(ws.profile.drill.cards.is_empty());
    assert_eq!(ws.profile.drill.reviews.len(), 1, "the log keeps its past");
}

#[test]
fn a_replacement_keeps_the_profile_name() {
    let (mut ws, _) = workspace();
    let mut other = Profile::new("bob");
    other.ratings.insert(
        "craft.l1.a".into(),
        crate::core::profile::Rating {
            score: 5,
            evidence: None,
            updated: None,
        },
    );
    ws.apply(Command::Replace(Box::new(other))).unwrap();
    assert_eq!(ws.profile.profile, "alice");
    // 1·5 / 20
    assert_eq!(l1(&ws), 0.25);
    assert_eq!(ws.profile.history.len(), 1);
}

#[test]
fn a_failed_save_is_remembered_until_one_succeeds() {
    let (mut ws, _) = workspace();
    assert!(ws.unsaved().is_empty());
    ws.saved(&Save::Profile, Err("disk full".into()));
    assert_eq!(ws.save, SaveStatus::Failed("disk full".into()));
    assert_eq!(ws.unsaved(), [Save::Profile]);
    ws.saved(&Save::Profile, Ok(Some(7)));
    assert_eq!(ws.save, SaveStatus::Saved);
    assert!(ws.unsaved().is_empty());
}

#[test]
fn a_newer_file_is_taken_and_the_changes_made_here_are_replayed_on_top() {
    let (mut ws, _) = workspace();
    ws.apply(rate("craft.l1.a", 5)).unwrap();
    ws.apply(rate("craft.l1.b", 2)).unwrap();
    // Meanwhile another writer rated craft.l1.b and people.l1.a.
    let mut newer = Profile::new("elsewhere");
    for (id, score) in [("craft.l1.b", 4), ("people.l1.a", 3)] {
        newer.ratings.insert(
            id.into(),
            crate::core::profile::Rating {
                score,
                evidence: None,
                updated: None,
            },
        );
    }
    assert!(ws.rebase(newer, Some(42)));
    let scores: Vec<(&str, u32)> = ws
        .profile
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.score))
        .collect();
    // Theirs kept, mine on top: craft.l1.b is mine (the later change).
    assert_eq!(
        scores,
        [("craft.l1.a", 5), ("craft.l1.b", 2), ("people.l1.a", 3)]
    );
    assert_eq!(ws.profile.profile, "alice");
    assert_eq!(ws.disk, Some(42));
    // (5 + 2·2 + 3) / 20
    assert_eq!(l1(&ws), 0.6);
    assert!(ws.has_unsaved_changes());
    ws.saved(&Save::Profile, Ok(Some(43)));
    assert!(!ws.has_unsaved_changes());
    // With nothing unsaved, taking a newer file replays nothing.
    assert!(!ws.rebase(Profile::new("x"), Some(44)));
    assert!(ws.profile.ratings.is_empty());
}
