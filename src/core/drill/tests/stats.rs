//! Stats, orphans and changed prompts over a hand-made review log.

use time::macros::{date, datetime};

use super::*;
use crate::core::profile::Review;

fn review(question: &str, at: OffsetDateTime, grade: Grade, covered: &[u32]) -> Review {
    Review {
        question: QuestionId::new(question),
        at,
        grade,
        seconds: 100,
        covered: covered.to_vec(),
        by: Reviewer::Own,
        kind: SessionKind::Due,
        prompt_hash: None,
        follow_up: None,
    }
}

#[test]
fn stats_count_days_retention_coverage_streak_and_forecast() {
    let pack = drill_pack();
    let mut log = DrillLog {
        reviews: vec![
            // Tuesday the 1st: incidents.worst, 1 of 3 key points, Again.
            review(
                "incidents.worst",
                datetime!(2026-12-01 21:00:00 +08:00),
                Grade::Again,
                &[0],
            ),
            // Wednesday 00:30 in Shanghai, written in UTC (the 1st there).
            review(
                "incidents.worst",
                datetime!(2026-12-01 16:30:00 UTC),
                Grade::Good,
                &[0, 1, 2],
            ),
            // Thursday and Friday: design.runbook, 1 of 2, then 2 of 2.
            review(
                "design.runbook",
                datetime!(2026-12-03 08:00:00 +08:00),
                Grade::Hard,
                &[1],
            ),
            review(
                "design.runbook",
                datetime!(2026-12-04 08:00:00 +08:00),
                Grade::Good,
                &[0, 1],
            ),
            // An orphan counts in retention but has no category.
            review(
                "gone.question",
                datetime!(2026-12-04 08:30:00 +08:00),
                Grade::Good,
                &[0],
            ),
        ],
        ..DrillLog::default()
    };
    log.cards.insert(
        "incidents.worst".into(),
        Card {
            due: datetime!(2026-12-02 09:00:00 +08:00),
            stability: 2.0,
            difficulty: 5.0,
            reps: 2,
            lapses: 0,
            last_review: datetime!(2026-12-02 00:30:00 +08:00),
        },
    );
    let mut later = log.cards["incidents.worst"].clone();
    later.due = datetime!(2026-12-06 10:00:00 +08:00);
    log.cards.insert("design.runbook".into(), later.clone());
    log.cards.insert("gone.question".into(), later);

    let s = stats(&pack, &log, START, Some(date!(2026 - 12 - 07)));
    assert_eq!(
        s.per_day.into_iter().collect::<Vec<_>>(),
        [
            (date!(2026 - 12 - 01), 1),
            (date!(2026 - 12 - 02), 1),
            (date!(2026 - 12 - 03), 1),
            (date!(2026 - 12 - 04), 2)
        ]
    );
    assert_eq!(s.reviews, 5);
    // 4 of 5 not Again.
    assert_eq!(s.retention, Some(0.8));
    // incidents: (1/3 + 3/3) / 2 = 2/3; design: (1/2 + 2/2) / 2 = 3/4.
    assert_eq!(s.coverage.len(), 2);
    assert_eq!(s.coverage[0].category, "incidents");
    assert_eq!(s.coverage[0].answers, 2);
    assert!((s.coverage[0].coverage - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(s.coverage[1].category, "design");
    assert_eq!(s.coverage[1].coverage, 0.75);
    // The 1st to the 4th, every day.
    assert_eq!(s.streak, 4);
    // From today to the defense on the 7th: the overdue one today, the
    // runbook on the 6th; the orphan is not forecast.
    assert_eq!(
        s.forecast,
        [
            (date!(2026 - 12 - 04), 1),
            (date!(2026 - 12 - 05), 0),
            (date!(2026 - 12 - 06), 1),
            (date!(2026 - 12 - 07), 0)
        ]
    );

    // Saturday with nothing done yet: the streak still counts to Friday;
    // Sunday, it is broken. Without a defense the forecast is two weeks.
    let saturday = stats(&pack, &log, datetime!(2026-12-05 07:00:00 +08:00), None);
    assert_eq!(saturday.streak, 4);
    assert_eq!(saturday.forecast.len(), 14);
    let sunday = stats(&pack, &log, datetime!(2026-12-06 07:00:00 +08:00), None);
    assert_eq!(sunday.streak, 0);
    // A defense far off (or a mistyped year) is forecast two years ahead.
    let far = stats(&pack, &log, START, Some(date!(9999 - 12 - 31)));
    assert_eq!(far.forecast.len(), 730);
    assert_eq!(far.forecast[729].0, date!(2028 - 12 - 02));

    assert_eq!(
        orphaned(&pack, &log),
        [OrphanedQuestion {
            id: "gone.question".into(),
            reviews: 1,
            card: true
        }]
    );
    assert_eq!(
        stats(&pack, &DrillLog::default(), START, None).retention,
        None
    );
    // A hand-edited entry: an index twice and one past the three key points.
    let odd = review("incidents.worst", START, Grade::Good, &[1, 1, 7]);
    assert!((coverage_of(&odd, 3) - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_changed_prompt_is_marked_and_can_be_reset() {
    let (mut ws, _) = workspace();
    answer(&mut ws, "people.onboard", Grade::Good, SessionKind::New);
    assert!(changed_questions(&ws.pack, &ws.profile.drill).is_empty());
    // The pack's author rewrites the prompt.
    let at = ws
        .pack
        .questions
        .iter()
        .position(|q| q.id.value == "people.onboard")
        .unwrap();
    ws.pack.questions[at].prompt =
        crate::core::content::Text::plain("How do you onboard someone to on-call?");
    let changed: Vec<&str> = changed_questions(&ws.pack, &ws.profile.drill)
        .iter()
        .map(|q| q.id.value.as_str())
        .collect();
    assert_eq!(changed, ["people.onboard"]);
    ws.apply(crate::core::workspace::Command::ResetCard {
        question: QuestionId::new("people.onboard"),
    })
    .unwrap();
    assert!(!ws.profile.drill.cards.contains_key("people.onboard"));
    assert_eq!(ws.profile.drill.reviews.len(), 1);
    // Answered again, it is no longer marked.
    answer(&mut ws, "people.onboard", Grade::Hard, SessionKind::New);
    assert!(changed_questions(&ws.pack, &ws.profile.drill).is_empty());
}

#[test]
fn prompt_hashes_are_stable_fnv1a() {
    let pack = drill_pack();
    let a = prompt_hash(pack.question("people.onboard").unwrap());
    let b = prompt_hash(pack.question("people.handover").unwrap());
    assert_eq!(a.len(), 16);
    assert_ne!(a, b);
    assert_eq!(a, prompt_hash(pack.question("people.onboard").unwrap()));
}
