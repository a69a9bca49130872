//! Scoring (SPEC §4) on the `valid-ops` fixture pack, with every expected
//! number worked out by hand in the comments.
//!
//! The pack: scale 1..5 (max 5), meets 4, threshold 0.8, levels L1 L2 L3.
//!   craft.l1.a  L1 w1     people.l1.a L1 w1
//!   craft.l1.b  L1 w2     people.l2.a L2 w3
//!   craft.l2.a  L2 w1     people.l2.b L2 w1
//!   craft.l3.a  L3 w1

mod common;

use ladder::core::score::{Assessment, ScoreInput};

fn input<'a>(scores: &[(&'a str, u32)]) -> ScoreInput<'a> {
    ScoreInput {
        self_scores: scores.iter().copied().collect(),
        ..ScoreInput::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn gap_ids(a: &Assessment) -> Vec<&str> {
    a.gaps.iter().map(|g| g.indicator.as_str()).collect()
}

#[test]
fn weights_unrated_and_the_threshold_boundary() {
    let pack = common::fixture_pack("valid-ops");
    let a = Assessment::compute(
        &pack,
        &input(&[
            ("craft.l1.a", 5),
            ("craft.l1.b", 4),
            ("people.l1.a", 3),
            ("craft.l2.a", 4),
            ("people.l2.a", 2),
        ]),
    );
    // L1: (1·5 + 2·4 + 1·3) / (4·5) = 16/20 = 0.8, exactly the threshold: reached.
    assert!(close(a.levels[0].readiness, 0.8));
    assert!(a.levels[0].reached);
    assert!(close(a.levels[0].coverage, 1.0));
    // L2: (1·4 + 3·2 + 1·0) / (5·5) = 10/25 = 0.4; coverage (1+3)/5 = 0.8.
    assert!(close(a.levels[1].readiness, 0.4));
    assert!(close(a.levels[1].coverage, 0.8));
    assert_eq!((a.levels[1].rated, a.levels[1].indicators), (2, 3));
    // L3: nothing rated.
    assert!(close(a.levels[2].readiness, 0.0));
    assert!(close(a.levels[2].coverage, 0.0));

    assert_eq!(a.current_level.as_deref(), Some("L1"));
    assert_eq!(a.target_level.as_deref(), Some("L2"));
    // Gaps up to L2 below meets=4, by w·(4−s):
    //   people.l2.a 3·(4−2)=6, people.l2.b 1·(4−0)=4 (unrated), people.l1.a 1·(4−3)=1.
    assert_eq!(gap_ids(&a), ["people.l2.a", "people.l2.b", "people.l1.a"]);
    assert!(close(a.gaps[0].shortfall, 6.0));
    assert!(!a.gaps[1].rated);
    assert_eq!(a.gaps[1].score, 0);

    // Per dimension: craft L1 (5+8)/15, L2 4/5; people L1 3/5, L2 (3·2)/(4·5), L3 none → 0.
    let craft = &a.dimensions[0];
    assert!(close(craft.levels["L1"], 13.0 / 15.0));
    assert!(close(craft.levels["L2"], 0.8));
    let people = &a.dimensions[1];
    assert!(close(people.levels["L1"], 0.6));
    assert!(close(people.levels["L2"], 0.3));
    assert!(close(people.levels["L3"], 0.0));
    assert_eq!((a.rated, a.total), (5, 7));
}

#[test]
fn explicit_target_widens_gaps_and_ties_follow_ladder_order() {
    let pack = common::fixture_pack("valid-ops");
    let mut inp = input(&[
        ("craft.l1.a", 5),
        ("craft.l1.b", 4),
        ("people.l1.a", 3),
        ("craft.l2.a", 4),
        ("people.l2.a", 2),
    ]);
    inp.target_level = Some("L3");
    let a = Assessment::compute(&pack, &inp);
    assert_eq!(a.target_level.as_deref(), Some("L3"));
    // craft.l3.a (unrated) adds 1·4 = 4, tying people.l2.b: L2 comes before L3.
    assert_eq!(
        gap_ids(&a),
        ["people.l2.a", "people.l2.b", "craft.l3.a", "people.l1.a"]
    );
}

#[test]
fn empty_profile_targets_the_first_level_and_ties_fall_back_to_id() {
    let pack = common::fixture_pack("valid-ops");
    let a = Assessment::compute(&pack, &input(&[]));
    assert_eq!(a.current_level, None);
    assert_eq!(a.target_level.as_deref(), Some("L1"));
    // craft.l1.b 2·4 = 8; craft.l1.a and people.l1.a both 1·4 = 4 at L1: by id.
    assert_eq!(gap_ids(&a), ["craft.l1.b", "craft.l1.a", "people.l1.a"]);
    assert_eq!(a.rated, 0);
}

#[test]
fn top_level_reached_keeps_the_target_at_the_top() {
    let pack = common::fixture_pack("valid-ops");
    let all: Vec<(&str, u32)> = pack.indicators().map(|(_, i)| (i.id.as_str(), 5)).collect();
    let a = Assessment::compute(&pack, &input(&all));
    assert_eq!(a.current_level.as_deref(), Some("L3"));
    assert_eq!(a.target_level.as_deref(), Some("L3"));
    assert!(a.gaps.is_empty());
    assert!(a.levels.iter().all(|l| close(l.readiness, 1.0)));
}

#[test]
fn a_level_with_no_indicators_has_readiness_zero_and_blocks() {
    let dir = common::patched_pack(
        "valid-ops",
        &[
            (
                "competencies.yaml",
                "dimensions:\n  - id: craft\n    name: Craft\n    indicators:\n      - {id: a1, level: L1, text: A}\n      - {id: a3, level: L3, text: C}\n",
            ),
            ("questions/ops.yaml", "questions: []\n"),
        ],
    );
    let pack = common::load_dir(dir.path());
    let a = Assessment::compute(&pack, &input(&[("a1", 5), ("a3", 5)]));
    // L2 has no indicators: 0/0 is taken as 0, so L2 is not reached and L3
    // cannot be current even though it is fully rated.
    assert!(close(a.levels[1].readiness, 0.0));
    assert_eq!(a.levels[1].indicators, 0);
    assert_eq!(a.current_level.as_deref(), Some("L1"));
    assert_eq!(a.target_level.as_deref(), Some("L2"));
    assert!(a.gaps.is_empty());
}

#[test]
fn calibration_orders_by_absolute_delta_then_ladder() {
    let pack = common::fixture_pack("valid-ops");
    let mut inp = input(&[("craft.l1.a", 5), ("people.l1.a", 3), ("craft.l2.a", 4)]);
    inp.mentor_scores = [
        ("craft.l1.a", 2),
        ("people.l1.a", 4),
        ("craft.l2.a", 1),
        ("people.l2.b", 3),
    ]
    .into_iter()
    .collect();
    let a = Assessment::compute(&pack, &inp);
    let got: Vec<(&str, u32, u32, i64)> = a
        .calibration
        .iter()
        .map(|c| (c.indicator.as_str(), c.self_score, c.mentor, c.delta))
        .collect();
    // people.l2.b has only a mentor score, so it is not calibrated.
    assert_eq!(
        got,
        [
            ("craft.l1.a", 5, 2, 3),
            ("craft.l2.a", 4, 1, 3),
            ("people.l1.a", 3, 4, -1)
        ]
    );
}

#[test]
fn orphaned_ratings_are_listed_and_not_scored() {
    let pack = common::fixture_pack("valid-ops");
    let a = Assessment::compute(&pack, &input(&[("gone.old-id", 5), ("craft.l1.a", 5)]));
    assert_eq!(a.orphaned, ["gone.old-id"]);
    assert_eq!(a.rated, 1);
    // L1: 1·5 / (4·5) = 0.25.
    assert!(close(a.levels[0].readiness, 0.25));
}

#[test]
fn scores_above_the_scale_count_as_the_top() {
    let pack = common::fixture_pack("valid-ops");
    let a = Assessment::compute(&pack, &input(&[("craft.l3.a", 9)]));
    assert!(close(a.levels[2].readiness, 1.0));
}

#[test]
fn what_one_indicator_adds_to_its_level() {
    use ladder::core::score::Contribution;
    let pack = common::fixture_pack("valid-ops");
    // craft.l1.b, weight 2 of L1's 1 + 2 + 1 = 4; the whole is 4·5 = 20.
    // At 3: 2·3/20 = 0.3; at meets (4): 2·4/20 = 0.4.
    let c = Contribution::of(&pack, "craft.l1.b", Some(3)).unwrap();
    assert_eq!(c.level, "L1");
    assert!(close(c.weight, 2.0) && close(c.level_weight, 4.0));
    assert!(close(c.now, 0.3));
    assert!(close(c.at_meets, 0.4));
    // people.l2.a, weight 3 of L2's 1 + 3 + 1 = 5; the whole is 25.
    // Unrated counts as 0; at meets: 3·4/25 = 0.48.
    let c = Contribution::of(&pack, "people.l2.a", None).unwrap();
    assert!(close(c.now, 0.0));
    assert!(close(c.at_meets, 0.48));
    // Above the top of the scale counts as the top: 3·5/25 = 0.6.
    let c = Contribution::of(&pack, "people.l2.a", Some(7)).unwrap();
    assert!(close(c.now, 0.6));
    assert_eq!(Contribution::of(&pack, "no.such", Some(3)), None);
}
