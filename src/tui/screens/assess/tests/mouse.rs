//! The mouse on Assess, at 80×24: clicks on the list, the wheel over the
//! list and over the details.
//!
//! The body is 80×21 from row 2; inside its one-column margins, 78 columns
//! from column 1. With nothing rated the banner takes row 2, the filters
//! row 3 and (narrower than 100) the readiness strip row 4; the status line
//! takes row 22. The list is 78·2/5 = 31 columns (1 to 31) on rows 5 to 21,
//! a rule at column 32, the details from column 34. The ops fixture's list,
//! row by row from row 5: craft · L1, craft.l1.a, craft.l1.b, craft · L2,
//! craft.l2.a, craft · L3, craft.l3.a, people · L1, people.l1.a,
//! people · L2, people.l2.a, people.l2.b (rows 5 to 16).

use super::*;
use crate::tui::input::testing::{click, wheel_down, wheel_up};

fn at_80x24(mut state: State) -> State {
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    state
}

fn ops_80x24() -> State {
    at_80x24(ops())
}

#[test]
fn a_click_on_an_indicator_selects_it() {
    let mut state = ops_80x24();
    assert_eq!(click(&mut state, 5, 9), Some(vec![]));
    assert_eq!(selected(&state), "craft.l2.a");
    click(&mut state, 31, 16);
    assert_eq!(selected(&state), "people.l2.b");
    click(&mut state, 1, 6);
    assert_eq!(selected(&state), "craft.l1.a");
}

#[test]
fn clicks_on_headings_and_off_the_list_select_nothing() {
    let mut state = ops_80x24();
    press(&mut state, "j");
    // A group's heading, the row under the last item, the rule, the
    // details, the filters, the left margin.
    for (column, row) in [(5, 8), (5, 17), (32, 6), (40, 6), (5, 3), (0, 6)] {
        assert_eq!(click(&mut state, column, row), None, "({column}, {row})");
        assert_eq!(selected(&state), "craft.l1.b");
    }
}

#[test]
fn once_something_is_rated_the_banner_goes_and_the_rows_move_up() {
    let mut state = ops_80x24();
    press(&mut state, "3");
    // craft.l2.a is now on row 8, where craft · L2 was.
    click(&mut state, 5, 8);
    assert_eq!(selected(&state), "craft.l2.a");
}

#[test]
fn the_wheel_moves_in_the_list_over_it_and_scrolls_the_details_elsewhere() {
    let mut state = ops_80x24();
    wheel_down(&mut state, 10, 12);
    wheel_down(&mut state, 10, 12);
    assert_eq!(selected(&state), "craft.l2.a");
    wheel_up(&mut state, 10, 12);
    assert_eq!(selected(&state), "craft.l1.b");
    // Over the details, the strip or the status line the selection stays.
    for (column, row) in [(50, 10), (50, 4), (10, 22)] {
        wheel_down(&mut state, column, row);
        wheel_up(&mut state, column, row);
        assert_eq!(selected(&state), "craft.l1.b", "({column}, {row})");
    }
}

#[test]
fn the_wheel_over_the_details_scrolls_them() {
    let pack = content::built_in().unwrap().pack;
    let mut state = at_80x24(app(Data::on_day(pack, Profile::new("default"), TODAY)));
    let (len, height) = {
        let ctx = crate::tui::screens::Ctx {
            lang: Lang::En,
            body: ratatui::layout::Rect::new(0, 2, 80, 21),
        };
        super::super::render::detail_extent(&state.screens.assess, &ctx, &state.data)
    };
    // The first indicator of the built-in pack has more to say (its text,
    // the scale, hints, how to grow) than the 17 rows it gets here, so the
    // last of them says there is more below and 16 show text.
    assert_eq!(height, 16);
    assert!(len > height + 1, "{len}");
    assert!(super::render::text(&state).contains("↓ more below"));
    wheel_down(&mut state, 50, 10);
    wheel_down(&mut state, 50, 10);
    assert_eq!(state.screens.assess.detail_scroll, 2);
    wheel_up(&mut state, 50, 10);
    assert_eq!(state.screens.assess.detail_scroll, 1);
    // At the end, nothing more is below.
    for _ in 0..len {
        wheel_down(&mut state, 50, 10);
    }
    assert_eq!(state.screens.assess.detail_scroll, len - height);
    assert!(!super::render::text(&state).contains("↓ more below"));
}

fn built_in_80x24() -> State {
    let pack = content::built_in().unwrap().pack;
    at_80x24(app(Data::on_day(pack, Profile::new("default"), TODAY)))
}

fn scrolled_down(state: &mut State) {
    update(state, Action::PageDown);
    assert!(state.screens.assess.scroll_of(&state.data) > 0);
}

#[test]
fn another_indicator_s_details_start_at_the_top() {
    let mut state = built_in_80x24();
    scrolled_down(&mut state);
    press(&mut state, "j");
    assert_eq!(state.screens.assess.scroll_of(&state.data), 0);
    // With only the unrated shown, rating the first one hides it and the
    // next one takes its place in the list, selected at the same position.
    let mut state = built_in_80x24();
    press(&mut state, "u");
    let first = selected(&state);
    scrolled_down(&mut state);
    press(&mut state, "2");
    assert_ne!(selected(&state), first);
    assert_eq!(state.screens.assess.scroll_of(&state.data), 0);
    let shown = super::render::text(&state);
    assert!(shown.contains("↓ more below"), "{shown}");
}

#[test]
fn a_resize_shows_the_details_from_the_top() {
    let mut state = built_in_80x24();
    scrolled_down(&mut state);
    update(
        &mut state,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(state.screens.assess.scroll_of(&state.data), 0);
}

#[test]
fn a_click_answers_no_to_a_pending_delete() {
    let mut state = at_80x24(with_orphan());
    press(&mut state, "end");
    press(&mut state, "x");
    assert!(state.screens.assess.confirming().is_some());
    assert_eq!(click(&mut state, 5, 6), Some(vec![]));
    assert_eq!(state.screens.assess.confirming(), None);
    assert_eq!(press(&mut state, "y"), []);
    assert_eq!(score(&state, "gone.old-indicator"), Some(2));
}
