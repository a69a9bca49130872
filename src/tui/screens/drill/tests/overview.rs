//! The Overview's part in drilling: the defense date set there, and the
//! countdown with what is due today.

use super::*;

#[test]
fn the_overview_sets_the_defense_date_and_counts_down_to_it_with_what_is_due() {
    let clock = ManualClock::new(START);
    let mut profile = Profile::new("default");
    profile.ratings.insert(
        "craft.l1.a".into(),
        crate::core::profile::Rating {
            score: 5,
            evidence: None,
            updated: None,
        },
    );
    profile.drill.cards.insert(
        "incidents.worst".into(),
        crate::core::profile::Card {
            due: datetime!(2026-12-04 20:00:00 +08:00),
            stability: 2.0,
            difficulty: 5.0,
            reps: 1,
            lapses: 0,
            last_review: datetime!(2026-12-02 20:00:00 +08:00),
        },
    );
    let mut state = app_in(Lang::En, drill_data(profile, &clock));
    update(&mut state, Action::GoTo(ScreenId::Overview));
    assert!(render::text(&state).contains("1 due today"));
    press(&mut state, "d");
    assert!(render::text(&state).contains("Defense date: ▏"));
    // `q` is not typed into a date, and does not quit while typing.
    assert!(press(&mut state, "q").is_empty());
    type_text(&mut state, "2026-12-20");
    assert_eq!(press(&mut state, "enter"), [Effect::Save(Save::Profile)]);
    assert_eq!(state.data.profile.defense_date, Some(date!(2026 - 12 - 20)));
    assert!(
        render::text(&state).contains("defense in 16 days · 1 due today"),
        "{}",
        render::text(&state)
    );
    // In Chinese too.
    state.lang = Lang::Zh;
    // A wide character takes two cells: compare without the blanks.
    let zh: String = render::text(&state).split_whitespace().collect();
    assert!(zh.contains("距答辩16天·今日到期1题"), "{zh}");
}
