//! FSRS with its default parameters (`fsrs` 6: w0..w3 = 0.212, 1.2931,
//! 2.3065, 8.2956 are the first stabilities for Again..Easy; at the desired
//! retention 0.9 the interval equals the stability).

use time::macros::{date, datetime};

use super::*;

#[test]
fn a_first_grade_sets_the_first_stability_and_the_whole_days() {
    let at = START;
    let good = next_card(None, Grade::Good, at, None);
    // w2 = 2.3065 days, rounded: 2 days.
    assert_eq!(good.stability, 2.3065);
    // D0(3) = w4 − e^(w5·2) + 1 = 6.4133 − e^1.6668 + 1 = 6.4133 − 5.2952 + 1.
    assert!(
        (good.difficulty - 2.1181).abs() < 1e-3,
        "{}",
        good.difficulty
    );
    assert_eq!(good.due, datetime!(2026-12-06 09:00:00 +08:00));
    assert_eq!((good.reps, good.lapses), (1, 0));
    assert_eq!(good.last_review, at);
    // w1 = 1.2931: 1 day; w3 = 8.2956: 8 days.
    assert_eq!(
        next_card(None, Grade::Hard, at, None).due,
        datetime!(2026-12-05 09:00:00 +08:00)
    );
    assert_eq!(
        next_card(None, Grade::Easy, at, None).due,
        datetime!(2026-12-12 09:00:00 +08:00)
    );
    // Again: a ten-minute relearning step, and no lapse on a first answer.
    let again = next_card(None, Grade::Again, at, None);
    assert_eq!(again.due, datetime!(2026-12-04 09:10:00 +08:00));
    assert_eq!(again.stability, 0.212);
    assert_eq!(again.lapses, 0);
}

#[test]
fn each_grade_moves_the_due_date_across_days_and_again_comes_soonest() {
    let (mut ws, clock) = workspace();
    answer(&mut ws, "incidents.worst", Grade::Good, SessionKind::New);
    let first = ws.profile.drill.cards["incidents.worst"].clone();
    assert_eq!(first.due, datetime!(2026-12-06 09:00:00 +08:00));
    assert!(!is_due(&first, ws.now()));

    pass_days(&mut ws, &clock, 2);
    assert!(is_due(&first, ws.now()));
    // Two days on, S = 2.3065, D = 2.1181:
    //   R = (1 + 0.9805·2/2.3065)^−0.1542 = 1.8502^−0.1542 = 0.9095
    //     (0.9805 = 0.9^(−1/0.1542) − 1);
    //   S' = S·(1 + e^w8·(11 − D)·S^−w9·(e^(w10·(1 − R)) − 1))
    //      = 2.3065·(1 + 6.5026·8.8819·0.8700·0.0747) = 2.3065·4.754 = 10.96,
    // so Good brings it back in 11 days.
    let options: Vec<Card> = Grade::ALL
        .iter()
        .map(|&g| next_card(Some(&first), g, ws.now(), None))
        .collect();
    let good = &options[2];
    assert!((good.stability - 10.96).abs() < 0.02, "{}", good.stability);
    assert_eq!(good.due, datetime!(2026-12-17 09:00:00 +08:00));
    assert_eq!(good.reps, 2);
    // Again < Hard < Good < Easy, and Again is the same morning.
    assert_eq!(options[0].due, datetime!(2026-12-06 09:10:00 +08:00));
    for pair in options.windows(2) {
        assert!(pair[0].due < pair[1].due, "{:?}", options);
    }

    answer(&mut ws, "incidents.worst", Grade::Good, SessionKind::Due);
    assert_eq!(ws.profile.drill.cards["incidents.worst"], *good);
    pass_days(&mut ws, &clock, 11);
    answer(&mut ws, "incidents.worst", Grade::Again, SessionKind::Due);
    let lapsed = &ws.profile.drill.cards["incidents.worst"];
    assert_eq!(lapsed.due, datetime!(2026-12-17 09:10:00 +08:00));
    assert_eq!((lapsed.reps, lapsed.lapses), (3, 1));
    assert!(lapsed.stability < good.stability);
    assert_eq!(ws.profile.drill.reviews.len(), 3);
}

#[test]
fn nothing_is_planned_past_the_defense() {
    let at = START;
    let defense = Some(date!(2026 - 12 - 10));
    // Easy would be 8 days on, the 12th: moved to the defense day.
    assert_eq!(
        next_card(None, Grade::Easy, at, defense).due,
        datetime!(2026-12-10 09:00:00 +08:00)
    );
    // Good (the 6th) is before it and stays.
    assert_eq!(
        next_card(None, Grade::Good, at, defense).due,
        datetime!(2026-12-06 09:00:00 +08:00)
    );
    // A defense today or past plans nothing.
    for day in [date!(2026 - 12 - 04), date!(2026 - 12 - 01)] {
        assert_eq!(
            next_card(None, Grade::Easy, at, Some(day)).due,
            datetime!(2026-12-12 09:00:00 +08:00)
        );
    }
    // Through the workspace: the profile's defense date is used.
    let (mut ws, clock) = workspace();
    ws.apply(crate::core::workspace::Command::SetDefenseDate(defense))
        .unwrap();
    for _ in 0..4 {
        answer(&mut ws, "people.onboard", Grade::Easy, SessionKind::Due);
        let card = &ws.profile.drill.cards["people.onboard"];
        assert!(card.due.date() <= date!(2026 - 12 - 10), "{card:?}");
        pass_days(&mut ws, &clock, 1);
    }
}

#[test]
fn days_between_counts_calendar_days_in_the_later_offset() {
    let from = datetime!(2026-12-04 23:30:00 +08:00);
    assert_eq!(days_between(from, datetime!(2026-12-05 00:10:00 +08:00)), 1);
    // 15:30 UTC is 23:30 in Shanghai: the same day there.
    assert_eq!(days_between(datetime!(2026-12-04 15:30:00 UTC), from), 0);
    assert_eq!(days_between(from, datetime!(2026-12-01 09:00:00 +08:00)), 0);
}

#[test]
fn a_broken_card_starts_over_instead_of_failing() {
    let broken = Card {
        due: START,
        stability: f64::NAN,
        difficulty: 5.0,
        reps: 4,
        lapses: 1,
        last_review: START,
    };
    let next = next_card(Some(&broken), Grade::Good, START, None);
    assert_eq!(next.stability, 2.3065);
    assert_eq!((next.reps, next.lapses), (5, 1));
    // Counts at their limit stay there; a last review in the future counts
    // as today.
    let worn = Card {
        reps: u32::MAX,
        lapses: u32::MAX,
        stability: 3.0,
        last_review: START + time::Duration::days(400),
        ..broken
    };
    let next = next_card(Some(&worn), Grade::Again, START, None);
    assert_eq!((next.reps, next.lapses), (u32::MAX, u32::MAX));
    assert_eq!(next.due, START + time::Duration::minutes(10));
}

#[test]
fn cram_and_follow_ups_leave_the_schedule_alone() {
    let (mut ws, _) = workspace();
    answer(&mut ws, "design.runbook", Grade::Easy, SessionKind::Cram);
    assert!(ws.profile.drill.cards.is_empty());
    let command = record(
        &ws.pack,
        &ws.profile,
        Answer {
            question: QuestionId::new("design.runbook"),
            follow_up: Some(1),
            kind: SessionKind::Mock,
            grade: Grade::Hard,
            seconds: 95,
            covered: vec![],
            by: Reviewer::Own,
        },
        ws.now(),
    );
    ws.apply(command).unwrap();
    assert!(ws.profile.drill.cards.is_empty());
    assert_eq!(ws.profile.drill.reviews.len(), 2);
    assert_eq!(ws.profile.drill.reviews[1].follow_up, Some(1));
    // The fingerprint of the prompt is kept with each answer.
    let q = ws.pack.question("design.runbook").unwrap();
    assert_eq!(
        ws.profile.drill.reviews[0].prompt_hash.as_deref(),
        Some(prompt_hash(q).as_str())
    );
}
