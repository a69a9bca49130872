//! Sessions on the fixture bank, with the ratings of `rate_for_weak_spots`
//! (target L2, meets 4):
//!
//! | indicator   | level | w | score | gap w·(4 − s) |
//! |-------------|-------|---|-------|---------------|
//! | people.l2.b | L2    | 1 | —     | 4             |
//! | people.l2.a | L2    | 3 | 3     | 3             |
//! | craft.l1.b  | L1    | 2 | 3     | 2 (L1 first)  |
//! | craft.l2.a  | L2    | 1 | 2     | 2             |
//! | craft.l3.a  | L3    | 1 | 2     | above target: low rating |
//! | people.l1.a | L1    | 1 | 4     | met, below the top: low rating |
//! | craft.l1.a  | L1    | 1 | 5     | top of the scale: not weak |
//!
//! So the weak spots, in order: people.onboard (people.l2.b),
//! incidents.worst (people.l2.a), incidents.pager (craft.l1.b),
//! design.runbook (craft.l2.a), design.standard (craft.l3.a),
//! people.handover (people.l1.a); people.culture probes nothing.

use time::macros::datetime;

use super::*;

fn ids(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i.follow_up {
            Some(f) => format!("{}#{f}", i.question),
            None => i.question.to_string(),
        })
        .collect()
}

fn plan(choice: Choice, count: usize) -> Plan {
    Plan {
        choice,
        count,
        ..Plan::default()
    }
}

fn card_due(due: OffsetDateTime) -> Card {
    Card {
        due,
        stability: 3.0,
        difficulty: 5.0,
        reps: 1,
        lapses: 0,
        last_review: datetime!(2026-11-30 09:00:00 +08:00),
    }
}

#[test]
fn weak_indicators_are_the_gaps_then_the_lowest_ratings() {
    let (mut ws, _) = workspace();
    rate_for_weak_spots(&mut ws);
    assert_eq!(
        weak_indicators(&ws.pack, &ws.profile, &ws.assessment),
        [
            "people.l2.b",
            "people.l2.a",
            "craft.l1.b",
            "craft.l2.a",
            "craft.l3.a",
            "people.l1.a"
        ]
    );
}

#[test]
fn weak_spots_probe_the_biggest_gaps_first() {
    let (mut ws, _) = workspace();
    rate_for_weak_spots(&mut ws);
    let items = build(
        &ws.pack,
        &ws.profile,
        &ws.assessment,
        ws.now(),
        &plan(Choice::Weak, 10),
    );
    assert_eq!(
        ids(&items),
        [
            "people.onboard",
            "incidents.worst",
            "incidents.pager",
            "design.runbook",
            "design.standard",
            "people.handover"
        ]
    );
    assert!(items.iter().all(|i| i.kind == SessionKind::Weak));
    // The count cuts from the end; a category filter keeps the order.
    let mut p = plan(Choice::Weak, 2);
    assert_eq!(
        ids(&build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p)),
        ["people.onboard", "incidents.worst"]
    );
    p.count = 10;
    p.category = Some("design".into());
    assert_eq!(
        ids(&build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p)),
        ["design.runbook", "design.standard"]
    );
}

#[test]
fn a_mock_takes_each_category_in_turn_and_asks_the_follow_ups() {
    let (mut ws, _) = workspace();
    rate_for_weak_spots(&mut ws);
    // Target L2: worst, pager (incidents), runbook (design), onboard, culture
    // (people). First round, weakest of each category: worst, runbook, onboard.
    let items = build(
        &ws.pack,
        &ws.profile,
        &ws.assessment,
        ws.now(),
        &plan(Choice::Mock, 3),
    );
    assert_eq!(
        ids(&items),
        [
            "incidents.worst",
            "incidents.worst#0",
            "design.runbook",
            "design.runbook#0",
            "design.runbook#1",
            "people.onboard"
        ]
    );
    // Time: the question's own limit, half of it for a follow-up.
    let limits: Vec<Option<u32>> = items.iter().map(|i| i.limit).collect();
    assert_eq!(
        limits,
        [
            Some(120),
            Some(60),
            Some(240),
            Some(120),
            Some(120),
            Some(180)
        ]
    );
    // A fourth question comes from the second round (pager), asked with
    // its category.
    let four = build(
        &ws.pack,
        &ws.profile,
        &ws.assessment,
        ws.now(),
        &plan(Choice::Mock, 4),
    );
    let mains: Vec<String> = ids(&four)
        .into_iter()
        .filter(|i| !i.contains('#'))
        .collect();
    assert_eq!(
        mains,
        [
            "incidents.worst",
            "incidents.pager",
            "design.runbook",
            "people.onboard"
        ]
    );
}

#[test]
fn due_comes_first_most_overdue_first_then_new_up_to_the_daily_limit() {
    let (mut ws, _) = workspace();
    rate_for_weak_spots(&mut ws);
    let cards = &mut ws.profile.drill.cards;
    cards.insert(
        "people.culture".into(),
        card_due(datetime!(2026-12-04 20:00:00 +08:00)),
    );
    cards.insert(
        "design.standard".into(),
        card_due(datetime!(2026-12-01 09:00:00 +08:00)),
    );
    cards.insert(
        "people.onboard".into(),
        card_due(datetime!(2026-12-08 09:00:00 +08:00)),
    );
    let now = ws.now();
    assert_eq!(
        backlog(&ws.pack, &ws.profile.drill, now),
        Backlog {
            due_today: 2,
            new: 4,
            new_started_today: 0
        }
    );
    let mut p = plan(Choice::Due, 10);
    p.new_per_day = 2;
    let items = build(&ws.pack, &ws.profile, &ws.assessment, now, &p);
    // New ones by weak rank: worst (1), pager (2), runbook (3), handover (5).
    assert_eq!(
        ids(&items),
        [
            "design.standard",
            "people.culture",
            "incidents.worst",
            "incidents.pager"
        ]
    );
    let kinds: Vec<SessionKind> = items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            SessionKind::Due,
            SessionKind::Due,
            SessionKind::New,
            SessionKind::New
        ]
    );

    // One new question started today leaves one for the day.
    answer(&mut ws, "people.handover", Grade::Good, SessionKind::New);
    let items = build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p);
    assert_eq!(
        ids(&items),
        ["design.standard", "people.culture", "incidents.worst"]
    );
    // The level filter applies to due and new alike.
    p.level = Some("L3".into());
    assert_eq!(
        ids(&build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p)),
        ["design.standard", "people.culture", "incidents.worst"]
    );
    p.level = Some("L1".into());
    assert_eq!(
        ids(&build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p)),
        ["incidents.pager"]
    );
}

#[test]
fn cram_takes_any_filter_in_pack_order_with_the_chosen_time() {
    let (ws, _) = workspace();
    let mut p = plan(Choice::Cram, 3);
    p.timing = Timing::Fixed(90);
    let items = build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p);
    assert_eq!(
        ids(&items),
        ["incidents.worst", "incidents.pager", "design.runbook"]
    );
    assert!(
        items
            .iter()
            .all(|i| i.limit == Some(90) && i.kind == SessionKind::Cram)
    );
    p.timing = Timing::Untimed;
    p.category = Some("people".into());
    p.level = Some("L2".into());
    let items = build(&ws.pack, &ws.profile, &ws.assessment, ws.now(), &p);
    assert_eq!(ids(&items), ["people.onboard", "people.culture"]);
    assert!(items.iter().all(|i| i.limit.is_none()));
}

#[test]
fn the_grade_follows_the_key_points_then_the_clock() {
    use Grade::*;
    // 3 key points, 120 s.
    let limit = Some(120);
    assert_eq!(suggest(0, 3, 60, limit), Again);
    assert_eq!(suggest(1, 3, 60, limit), Again); // 1/3 < 1/2
    assert_eq!(suggest(2, 3, 60, limit), Hard); // 2/3 < 3/4
    assert_eq!(suggest(3, 3, 60, limit), Easy); // all, within 80 s
    assert_eq!(suggest(3, 3, 81, limit), Good); // all, past two thirds
    assert_eq!(suggest(3, 3, 121, limit), Hard); // Good, then over time
    assert_eq!(suggest(1, 3, 500, limit), Again);
    // 4 key points: 3 of them is three quarters, Good; 2 is half, Hard.
    assert_eq!(suggest(3, 4, 60, limit), Good);
    assert_eq!(suggest(2, 4, 60, limit), Hard);
    assert_eq!(suggest(2, 4, 200, limit), Hard);
    // Untimed: only the key points count.
    assert_eq!(suggest(4, 4, 9_999, None), Easy);
    // A follow-up: Good in time, Hard over it.
    assert_eq!(suggest(0, 0, 60, Some(60)), Good);
    assert_eq!(suggest(0, 0, 61, Some(60)), Hard);
}
