//! The gaps listed and the line that counts the ones not listed, on the
//! ops fixture.

use super::*;

#[test]
fn rated_gaps_come_before_unrated_ones_and_the_unrated_are_counted() {
    let mut data = ops_data();
    // craft.l1.b at 3 is worth 2·(4−3) = 2, less than the unrated L2
    // indicators' 1·4 = 4 each, so the assessment lists it last of the four;
    // the screen still puts it with the rated ones, before the unrated.
    data.profile.ratings.insert("craft.l1.b".into(), rating(3));
    data.rescore();
    let core: Vec<&str> = data
        .assessment
        .gaps
        .iter()
        .map(|g| g.indicator.as_str())
        .collect();
    assert_eq!(
        core,
        ["people.l2.a", "craft.l2.a", "people.l2.b", "craft.l1.b"]
    );
    let ids: Vec<&str> = top_gaps(&data)
        .iter()
        .map(|g| g.indicator.as_str())
        .collect();
    assert_eq!(
        ids,
        ["people.l2.a", "craft.l1.b", "craft.l2.a", "people.l2.b"]
    );
    assert_eq!(unrated_gaps(&data), 2);
    // Every gap is listed, the two unrated ones too: no note counts them again.
    assert_eq!(gap_rows(&data), 4);
    let screen = draw(data, Lang::En, 80, 24, &[]).to_string();
    assert!(!screen.contains("not rated yet"), "{screen}");
    assert!(screen.contains("unrated"), "{screen}");
}

/// The ops fixture aiming at L2 with its six indicators up to L2 all gaps:
/// `scores` for the rated ones, the rest unrated.
fn six_gaps(scores: &[(&str, u32)]) -> Data {
    let mut profile = Profile::new("ops");
    profile.target_level = Some(crate::core::ids::LevelId::new("L2"));
    for (id, score) in scores {
        profile.ratings.insert(
            crate::core::ids::IndicatorId::new((*id).to_owned()),
            rating(*score),
        );
    }
    Data::on_day(ops_pack(), profile, TODAY)
}

#[test]
fn more_rated_gaps_than_listed_are_counted_under_the_list() {
    // All six at 1, shortfall w·(4 − 1): people.l2.a 9, craft.l1.b 6, the
    // other four 3 each (L1 before L2, then by id); people.l2.b is sixth.
    let data = six_gaps(&[
        ("craft.l1.a", 1),
        ("craft.l1.b", 1),
        ("people.l1.a", 1),
        ("craft.l2.a", 1),
        ("people.l2.a", 1),
        ("people.l2.b", 1),
    ]);
    assert_eq!(data.assessment.gaps.len(), 6);
    assert_eq!(gap_rows(&data), 6);
    let screen = draw(data, Lang::En, 80, 24, &[]).to_string();
    assert!(
        screen.contains("+1 more rated gap: Assess → n (gaps only)"),
        "{screen}"
    );
    assert!(!screen.contains("Onboards a new engineer"), "{screen}");
}

#[test]
fn the_unrated_count_leaves_out_the_unrated_gaps_listed() {
    // Rated first: people.l2.a 3·3 = 9, craft.l1.b 2·2 = 4, craft.l1.a 3,
    // people.l1.a 1; then the unrated craft.l2.a and people.l2.b (4 each,
    // by id). Five are listed, craft.l2.a among them: one more is unrated.
    let data = six_gaps(&[
        ("craft.l1.a", 1),
        ("craft.l1.b", 2),
        ("people.l1.a", 3),
        ("people.l2.a", 1),
    ]);
    let ids: Vec<&str> = top_gaps(&data)
        .iter()
        .map(|g| g.indicator.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "people.l2.a",
            "craft.l1.b",
            "craft.l1.a",
            "people.l1.a",
            "craft.l2.a"
        ]
    );
    let en = draw(data.clone(), Lang::En, 80, 24, &[]).to_string();
    assert!(
        en.contains("1 more not rated yet up to L2: rate it on Assess"),
        "{en}"
    );
    let zh: String = draw(data, Lang::Zh, 80, 24, &[])
        .to_string()
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    assert!(zh.contains("到L2为止还有1项未评分"), "{zh}");
}

#[test]
fn a_short_window_lists_fewer_gaps_and_counts_the_rest() {
    // At 60×16 the body is 60×13, in one column: header 2, levels 5
    // (title, three levels, the rule) and the gaps' title with one row make
    // 9; the trend takes 2 of the 4 left and the gaps the other 2: two gaps
    // and the note. Of the rated people.l2.a, craft.l1.b, craft.l1.a and
    // people.l1.a, the last two are not shown, nor the two unrated ones.
    let data = six_gaps(&[
        ("craft.l1.a", 1),
        ("craft.l1.b", 2),
        ("people.l1.a", 3),
        ("people.l2.a", 1),
    ]);
    let screen = draw(data.clone(), Lang::En, 60, 16, &[]).to_string();
    assert!(
        screen.contains("  +2 more rated gaps, 2 unrated: Assess → n (gaps only) "),
        "{screen}"
    );
    // Only the two shown can be selected.
    let body = Rect::new(0, 2, 60, 13);
    assert_eq!(dashboard::gaps_shown(body, &data, Lang::En), 2);
}

#[test]
fn with_every_gap_rated_there_is_no_note() {
    let mut data = ops_data();
    for id in ["craft.l2.a", "people.l2.b"] {
        data.profile
            .ratings
            .insert(crate::core::ids::IndicatorId::new(id.to_owned()), rating(2));
    }
    data.rescore();
    assert_eq!(unrated_gaps(&data), 0);
    assert_eq!(gap_rows(&data), 4);
    let screen = draw(data, Lang::En, 80, 24, &[]).to_string();
    assert!(!screen.contains("not rated yet"), "{screen}");
}
