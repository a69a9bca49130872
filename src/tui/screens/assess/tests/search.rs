//! A search result that is an indicator opens on Assess, selected, with
//! the filters that would hide it dropped.

use super::*;
use crate::core::search::Target;
use crate::tui::state::{Overlay, focus};

fn search_and_enter(state: &mut State, query: &str) {
    update(state, Action::Search);
    assert_eq!(state.overlay, Some(Overlay::Search));
    for c in query.chars() {
        update(state, Action::Input(c));
    }
    update(state, Action::Open);
}

#[test]
fn enter_on_an_indicator_in_search_selects_it_on_assess() {
    let mut state = ops();
    update(&mut state, Action::GoTo(ScreenId::Drill));
    search_and_enter(&mut state, "people.l2.b");
    assert_eq!(state.overlay, None);
    assert_eq!(state.screen, ScreenId::Assess);
    assert_eq!(selected(&state), "people.l2.b");
}

#[test]
fn only_the_filters_that_hide_it_are_dropped() {
    let mut state = ops();
    // Dimension people, level L1: people.l2.a is hidden by the level only.
    press(&mut state, "d");
    press(&mut state, "d");
    press(&mut state, "l");
    assert_eq!(visible(&state), ["people.l1.a"]);
    search_and_enter(&mut state, "people.l2.a");
    assert_eq!(selected(&state), "people.l2.a");
    let filter = &state.screens.assess.filter;
    assert_eq!(filter.dimension.as_deref(), Some("people"));
    assert_eq!(filter.level, None);
}

#[test]
fn a_rated_gap_drops_the_unrated_filter_and_keeps_the_gaps_filter() {
    let mut state = ops();
    // craft.l1.a at 3 is below meets (4) at L1, the automatic target with
    // nothing reached: rated, and a gap.
    press(&mut state, "3");
    press(&mut state, "u");
    press(&mut state, "n");
    assert!(!visible(&state).contains(&"craft.l1.a".to_owned()));
    let target = Target::Indicator("craft.l1.a".to_owned());
    assert!(focus(&mut state, &target));
    assert_eq!(selected(&state), "craft.l1.a");
    let filter = &state.screens.assess.filter;
    assert!(!filter.unrated_only);
    assert!(filter.gaps_only);
}

#[test]
fn a_jump_answers_no_to_a_pending_delete() {
    let mut state = with_orphan();
    press(&mut state, "end");
    press(&mut state, "x");
    assert!(state.screens.assess.confirming().is_some());
    assert!(focus(
        &mut state,
        &Target::Indicator("craft.l2.a".to_owned())
    ));
    assert_eq!(state.screens.assess.confirming(), None);
    assert_eq!(press(&mut state, "y"), []);
    assert_eq!(score(&state, "gone.old-indicator"), Some(2));
}

#[test]
fn assess_takes_only_indicators_the_pack_has() {
    let mut state = ops();
    let data = state.data.clone();
    let assess = &mut state.screens.assess;
    assert!(!assess.focus(&Target::Indicator("gone.old-indicator".into()), &data));
    assert!(!assess.focus(&Target::Article("craft.l1.a".into()), &data));
    assert_eq!(selected(&state), "craft.l1.a");
}
