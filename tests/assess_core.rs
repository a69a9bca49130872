//! Self-review operations, filters, the guided pass and history, on the
//! `valid-ops` fixture (levels L1 L2 L3, scale 1..5, meets 4, threshold 0.8):
//!   craft:  craft.l1.a L1, craft.l1.b L1 (w2), craft.l2.a L2, craft.l3.a L3
//!   people: people.l1.a L1, people.l2.a L2 (w3), people.l2.b L2

mod common;

use ladder::core::assess::{self, Filter};
use ladder::core::profile::Profile;
use ladder::core::progress;
use ladder::core::score::assess as score;

#[test]
fn rating_sets_score_and_date_and_keeps_evidence() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assert!(assess::rate(
        &mut p,
        "craft.l1.a",
        3,
        time::macros::date!(2026 - 11 - 01)
    ));
    assert_eq!(
        assess::set_evidence(
            &mut p,
            "craft.l1.a",
            "PR #7\n",
            time::macros::date!(2026 - 11 - 02)
        ),
        Some(true)
    );
    assert!(assess::rate(
        &mut p,
        "craft.l1.a",
        5,
        time::macros::date!(2026 - 11 - 03)
    ));
    assert!(
        !assess::rate(&mut p, "craft.l1.a", 5, time::macros::date!(2026 - 11 - 04)),
        "same score is no change"
    );
    let r = &p.ratings["craft.l1.a"];
    assert_eq!(
        (r.score, r.evidence.as_deref(), r.updated),
        (5, Some("PR #7"), Some(time::macros::date!(2026 - 11 - 03)))
    );
    // Evidence needs a rating first; blank evidence removes it.
    assert_eq!(
        assess::set_evidence(
            &mut p,
            "people.l1.a",
            "x",
            time::macros::date!(2026 - 11 - 05)
        ),
        None
    );
    assert_eq!(
        assess::set_evidence(
            &mut p,
            "craft.l1.a",
            "  \n",
            time::macros::date!(2026 - 11 - 05)
        ),
        Some(true)
    );
    assert_eq!(p.ratings["craft.l1.a"].evidence, None);
    assert!(assess::clear_rating(&mut p, "craft.l1.a"));
    assert!(p.ratings.is_empty());
    let _ = pack;
}

#[test]
fn filters_group_by_dimension_then_level() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assess::rate(&mut p, "craft.l1.b", 5, time::macros::date!(2026 - 01 - 01));
    assess::rate(
        &mut p,
        "people.l2.a",
        2,
        time::macros::date!(2026 - 01 - 01),
    );
    let a = score(&pack, &p);
    let all = assess::visible_indicators(&pack, &p, &a, &Filter::default());
    assert_eq!(
        all,
        [
            "craft.l1.a",
            "craft.l1.b",
            "craft.l2.a",
            "craft.l3.a",
            "people.l1.a",
            "people.l2.a",
            "people.l2.b"
        ]
    );
    let l2 = Filter {
        level: Some("L2".into()),
        ..Filter::default()
    };
    assert_eq!(
        assess::visible_indicators(&pack, &p, &a, &l2),
        ["craft.l2.a", "people.l2.a", "people.l2.b"]
    );
    let people_unrated = Filter {
        dimension: Some("people".into()),
        unrated_only: true,
        ..Filter::default()
    };
    assert_eq!(
        assess::visible_indicators(&pack, &p, &a, &people_unrated),
        ["people.l1.a", "people.l2.b"]
    );
    // L1 readiness (1·0 + 2·5 + 1·0)/20 = 0.5: no current level, target L1.
    // Gaps at L1 below 4: craft.l1.a and people.l1.a (craft.l1.b has 5).
    let gaps = Filter {
        gaps_only: true,
        ..Filter::default()
    };
    assert_eq!(
        assess::visible_indicators(&pack, &p, &a, &gaps),
        ["craft.l1.a", "people.l1.a"]
    );
}

#[test]
fn guided_pass_walks_level_by_level_and_skips_rated() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assert_eq!(
        assess::guided_order(&pack),
        [
            "craft.l1.a",
            "craft.l1.b",
            "people.l1.a",
            "craft.l2.a",
            "people.l2.a",
            "people.l2.b",
            "craft.l3.a"
        ]
    );
    assert_eq!(assess::next_unrated(&pack, &p, None), Some("craft.l1.a"));
    assess::rate(&mut p, "craft.l1.a", 4, time::macros::date!(2026 - 01 - 01));
    assess::rate(
        &mut p,
        "people.l1.a",
        4,
        time::macros::date!(2026 - 01 - 01),
    );
    assert_eq!(
        assess::next_unrated(&pack, &p, Some("craft.l1.a")),
        Some("craft.l1.b")
    );
    assert_eq!(
        assess::next_unrated(&pack, &p, Some("craft.l1.b")),
        Some("craft.l2.a")
    );
    // From the last one it wraps to the first still unrated.
    assert_eq!(
        assess::next_unrated(&pack, &p, Some("craft.l3.a")),
        Some("craft.l1.b")
    );
    assert_eq!(assess::progress(&pack, &p), (2, 7));
    for id in assess::guided_order(&pack) {
        assess::rate(&mut p, id, 1, time::macros::date!(2026 - 01 - 01));
    }
    assert_eq!(assess::next_unrated(&pack, &p, None), None);
}

#[test]
fn target_level_can_be_chosen_and_cleared() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assert!(assess::set_target(&mut p, &pack, Some("L3")));
    assert_eq!(score(&pack, &p).target_level.as_deref(), Some("L3"));
    assert!(
        !assess::set_target(&mut p, &pack, Some("L9")),
        "unknown level: no change"
    );
    assert_eq!(p.target_level.as_deref(), Some("L3"));
    assess::set_target(&mut p, &pack, None);
    assert_eq!(p.target_level, None);
    assert_eq!(score(&pack, &p).target_level.as_deref(), Some("L1"));
}

#[test]
fn orphans_are_deleted_only_deliberately_and_only_if_orphaned() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assess::rate(&mut p, "gone.x", 3, time::macros::date!(2026 - 01 - 01));
    assess::rate(&mut p, "craft.l1.a", 3, time::macros::date!(2026 - 01 - 01));
    assert!(!assess::delete_orphan(&mut p, &pack, "craft.l1.a"));
    assert!(assess::delete_orphan(&mut p, &pack, "gone.x"));
    assert_eq!(p.ratings.keys().collect::<Vec<_>>(), ["craft.l1.a"]);
}

#[test]
fn history_keeps_one_snapshot_per_day_and_shows_what_moved() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    assess::rate(&mut p, "craft.l1.b", 5, time::macros::date!(2026 - 10 - 01));
    let a = score(&pack, &p);
    assert!(progress::record(
        &mut p,
        &a,
        time::macros::date!(2026 - 10 - 01)
    ));
    assert!(
        !progress::record(&mut p, &a, time::macros::date!(2026 - 10 - 01)),
        "unchanged: no new entry"
    );
    // Same day, more ratings: today's entry is replaced, not duplicated.
    assess::rate(&mut p, "craft.l1.a", 5, time::macros::date!(2026 - 10 - 01));
    let a = score(&pack, &p);
    assert!(progress::record(
        &mut p,
        &a,
        time::macros::date!(2026 - 10 - 01)
    ));
    assert_eq!(p.history.len(), 1);
    // L1 then: (5 + 2·5)/20 = 0.75.
    assert_eq!(p.history[0].levels["L1"], 0.75);

    // A month later people.l1.a is rated 5: L1 = 20/20 = 1.0, reached; target L2.
    assess::rate(
        &mut p,
        "people.l1.a",
        5,
        time::macros::date!(2026 - 11 - 01),
    );
    let a = score(&pack, &p);
    let (since, moves) = progress::moved_since_last(&p, &a, time::macros::date!(2026 - 11 - 01))
        .expect("a base snapshot");
    assert_eq!(since, time::macros::date!(2026 - 10 - 01));
    assert_eq!(moves.len(), 1);
    assert_eq!(
        (moves[0].level.as_str(), moves[0].before, moves[0].now),
        ("L1", 0.75, 1.0)
    );
    assert!(progress::record(
        &mut p,
        &a,
        time::macros::date!(2026 - 11 - 01)
    ));
    assert_eq!(p.history.len(), 2);
    assert_eq!(p.history[1].current_level.as_deref(), Some("L1"));
    // Trend of the target level (L2 now): 0 on 10-01, then now (today's
    // own snapshot is "now", not a separate point).
    assert_eq!(
        progress::target_trend(&p, &a, time::macros::date!(2026 - 11 - 01)),
        [0.0, 0.0]
    );
    // Seen from a later day, 11-01 is history: 10-01, 11-01, now.
    assert_eq!(
        progress::target_trend(&p, &a, time::macros::date!(2026 - 12 - 01)),
        [0.0, 0.0, 0.0]
    );
}

#[test]
fn the_markdown_report_lists_rated_gaps_first_and_unrated_ones_briefly() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    // L1: craft.l1.a 5, craft.l1.b 5 (w2), people.l1.a 3 → (5+10+3)/20 = 0.9,
    // reached; target L2. Gaps up to L2 below 4: people.l1.a (rated 3),
    // and the unrated craft.l2.a, people.l2.a, people.l2.b.
    assess::rate(&mut p, "craft.l1.a", 5, time::macros::date!(2026 - 01 - 01));
    assess::rate(&mut p, "craft.l1.b", 5, time::macros::date!(2026 - 01 - 01));
    assess::rate(
        &mut p,
        "people.l1.a",
        3,
        time::macros::date!(2026 - 01 - 01),
    );
    let a = score(&pack, &p);
    let md = ladder::core::report::to_markdown(
        &pack,
        &p,
        &a,
        ladder::core::lang::Lang::En,
        time::macros::datetime!(2026-01-01 09:00:00 UTC),
    );
    let rated = md
        .find("- **[L1] People**: Writes a clear handover")
        .expect("rated gap");
    let header = md.find("### Not rated yet (3)").expect("unrated list");
    let unrated = md
        .find("- [L2] People: Leads an incident review")
        .expect("unrated gap");
    assert!(rated < header && header < unrated, "{md}");
    // Only rated gaps carry advice: the unrated ones are one line each.
    assert!(!md[header..].contains("How to grow"), "{md}");
}

#[test]
fn a_move_smaller_than_a_whole_percent_is_not_reported() {
    let pack = common::fixture_pack("valid-ops");
    let mut p = Profile::new("me");
    // L1 now: (5 + 2·5)/20 = 0.75.
    assess::rate(&mut p, "craft.l1.a", 5, time::macros::date!(2026 - 01 - 01));
    assess::rate(&mut p, "craft.l1.b", 5, time::macros::date!(2026 - 01 - 01));
    let a = score(&pack, &p);
    let mut earlier = progress::snapshot(&a, time::macros::date!(2026 - 09 - 01));
    // 75.3% then and 75% now both show as 75%: nothing moved.
    earlier.levels.insert("L1".into(), 0.753);
    p.history.push(earlier.clone());
    let (_, moves) =
        progress::moved_since_last(&p, &a, time::macros::date!(2026 - 10 - 01)).expect("a base");
    assert!(moves.is_empty(), "{moves:?}");
    // 74.4% shows as 74%: that is a move to 75%.
    p.history[0].levels.insert("L1".into(), 0.744);
    let (_, moves) =
        progress::moved_since_last(&p, &a, time::macros::date!(2026 - 10 - 01)).expect("a base");
    assert_eq!(moves.len(), 1);
}
