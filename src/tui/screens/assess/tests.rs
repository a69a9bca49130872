//! The Assess screen driven with made-up actions and keys, on the fixture
//! pack `valid-ops` (numbers easy to work out by hand), and drawn on a test
//! backend with the built-in pack.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::core::content::{self, PackSource};
use crate::core::profile::{Profile, Rating};
use crate::tui::action::Action;
use crate::tui::data::{Data, SaveStatus};
use crate::tui::i18n::Lang;
use crate::tui::keymap::{Context, Key, Keymap};
use crate::tui::screens::{Screen, ScreenId};
use crate::tui::state::{Effect, State, update};
use crate::tui::theme::Theme;

mod editing;
mod modes;
mod mouse;
mod remove;
mod render;
mod search;

const TODAY: crate::core::clock::Date = time::macros::date!(2025 - 03 - 01);

fn ops_data(profile: Profile) -> Data {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    let pack = content::load(&PackSource::Dir(dir)).unwrap().pack;
    Data::on_day(pack, profile, TODAY)
}

/// The app on Assess with `data`, in a 100×30 window, in English.
fn app(data: Data) -> State {
    app_in(Lang::En, data)
}

/// The app on Assess with `data`, in a 100×30 window, in `lang`.
fn app_in(lang: Lang, data: Data) -> State {
    let mut state = State::new(lang, Theme::no_color(), Keymap::builtin().unwrap(), data);
    update(
        &mut state,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Assess));
    state
}

fn ops() -> State {
    app(ops_data(Profile::new("default")))
}

fn selected(state: &State) -> String {
    let screen = &state.screens.assess;
    screen
        .selected_item(&state.data)
        .map(|item| item.id().to_owned())
        .unwrap_or_default()
}

fn visible(state: &State) -> Vec<String> {
    super::items(&state.screens.assess.filter, &state.data)
        .iter()
        .map(|item| item.id().to_owned())
        .collect()
}

fn readiness(state: &State, level: &str) -> f64 {
    state.data.assessment.level(level).unwrap().readiness
}

/// Presses `key` the way the loop does: through the keymap, then `update`.
fn press(state: &mut State, key: &str) -> Vec<Effect> {
    let key: Key = key.parse().unwrap();
    match state.action_for_key(key) {
        Some(action) => update(state, action),
        None => Vec::new(),
    }
}

fn score(state: &State, id: &str) -> Option<u32> {
    state.data.profile.ratings.get(id).map(|r| r.score)
}

#[test]
fn the_first_indicator_of_the_first_dimension_is_selected_at_start() {
    let state = ops();
    assert_eq!(selected(&state), "craft.l1.a");
    // Grouped by dimension, then level in ladder order.
    assert_eq!(
        visible(&state),
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
}

#[test]
fn a_scale_key_rates_rescores_and_asks_for_a_save() {
    let mut state = ops();
    assert_eq!(
        press(&mut state, "5"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(score(&state, "craft.l1.a"), Some(5));
    // L1: weights 1, 2, 1 on a 1..5 scale: 1·5 / (4·5) = 0.25.
    assert_eq!(readiness(&state, "L1"), 0.25);
    press(&mut state, "j");
    assert_eq!(
        press(&mut state, "4"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    // (1·5 + 2·4) / 20 = 0.65.
    assert_eq!(readiness(&state, "L1"), 0.65);
    assert_eq!(
        state.data.profile.ratings["craft.l1.b"].updated,
        Some(TODAY)
    );
    // The same score again changes nothing and saves nothing.
    assert_eq!(press(&mut state, "4"), []);
}

#[test]
fn a_digit_off_the_scale_is_not_a_key_here() {
    // The ops pack's scale is 1–5: 0 and 6–9 rate nothing, and help and
    // the footer do not offer them.
    let mut state = ops();
    for digit in ['0', '6', '9'] {
        let key = Key::plain(KeyCode::Char(digit));
        assert_eq!(state.action_for_key(key), None, "{digit}");
    }
    assert_eq!(
        state.action_for_key(Key::plain(KeyCode::Char('5'))),
        Some(Action::Rate(5))
    );
    press(&mut state, "j");
    assert!(state.data.profile.ratings.is_empty());
}

#[test]
fn moving_stops_at_both_ends() {
    let mut state = ops();
    press(&mut state, "k");
    assert_eq!(selected(&state), "craft.l1.a");
    press(&mut state, "end");
    assert_eq!(selected(&state), "people.l2.b");
    press(&mut state, "down");
    assert_eq!(selected(&state), "people.l2.b");
    press(&mut state, "up");
    assert_eq!(selected(&state), "people.l2.a");
    press(&mut state, "home");
    assert_eq!(selected(&state), "craft.l1.a");
}

#[test]
fn filters_cycle_and_combine() {
    let mut state = ops();
    press(&mut state, "l");
    assert_eq!(visible(&state), ["craft.l1.a", "craft.l1.b", "people.l1.a"]);
    press(&mut state, "l");
    assert_eq!(
        visible(&state),
        ["craft.l2.a", "people.l2.a", "people.l2.b"]
    );
    press(&mut state, "d");
    assert_eq!(visible(&state), ["craft.l2.a"]);
    press(&mut state, "d");
    assert_eq!(visible(&state), ["people.l2.a", "people.l2.b"]);
    press(&mut state, "l");
    press(&mut state, "l");
    // Past the last level the level filter is off again.
    assert_eq!(state.screens.assess.filter.level, None);
    assert_eq!(
        visible(&state),
        ["people.l1.a", "people.l2.a", "people.l2.b"]
    );
    press(&mut state, "c");
    assert_eq!(visible(&state).len(), 7);
}

#[test]
fn unrated_only_hides_what_was_just_rated_and_selects_the_next() {
    let mut state = ops();
    press(&mut state, "u");
    press(&mut state, "3");
    assert_eq!(visible(&state).len(), 6);
    assert_eq!(selected(&state), "craft.l1.b");
}

#[test]
fn gaps_only_shows_what_is_below_meets_up_to_the_target() {
    let mut state = ops();
    // Nothing rated: the target is the first level, L1, and all of L1 is a gap.
    press(&mut state, "n");
    assert_eq!(visible(&state), ["craft.l1.a", "craft.l1.b", "people.l1.a"]);
    // 4 meets the bar, so craft.l1.a is no longer a gap.
    press(&mut state, "4");
    assert_eq!(visible(&state), ["craft.l1.b", "people.l1.a"]);
}

#[test]
fn a_filter_change_keeps_the_selection_when_it_is_still_shown() {
    let mut state = ops();
    press(&mut state, "j");
    press(&mut state, "l");
    assert_eq!(selected(&state), "craft.l1.b");
    press(&mut state, "l");
    assert_eq!(
        selected(&state),
        "craft.l2.a",
        "hidden: the first one shown"
    );
}

#[test]
fn the_guided_pass_moves_to_the_next_unrated_in_ladder_order() {
    let mut state = ops();
    assert_eq!(press(&mut state, "g"), []);
    assert!(state.screens.assess.guided);
    assert_eq!(selected(&state), "craft.l1.a");
    press(&mut state, "4");
    assert_eq!(selected(&state), "craft.l1.b");
    press(&mut state, "4");
    // All of L1 before L2: the people dimension's L1 indicator is next.
    assert_eq!(selected(&state), "people.l1.a");
    press(&mut state, "3");
    assert_eq!(selected(&state), "craft.l2.a");
    assert_eq!(
        crate::core::assess::progress(&state.data.pack, &state.data.profile),
        (3, 7)
    );
    press(&mut state, "g");
    assert!(!state.screens.assess.guided);
    press(&mut state, "2");
    assert_eq!(selected(&state), "craft.l2.a", "without guidance, it stays");
}

#[test]
fn the_guided_pass_ends_when_everything_is_rated() {
    let mut state = ops();
    press(&mut state, "g");
    for _ in 0..7 {
        press(&mut state, "3");
    }
    assert_eq!(state.data.profile.ratings.len(), 7);
    assert!(!state.screens.assess.guided);
    let done = super::Note::Word(super::Word::GuidedDone);
    assert_eq!(state.screens.assess.note, Some(done));
}

// The guided order of valid-ops, level by level and by dimension within a
// level: craft.l1.a, craft.l1.b, people.l1.a, craft.l2.a, people.l2.a,
// people.l2.b, craft.l3.a.

#[test]
fn the_guided_pass_keeps_a_dimension_filter() {
    let mut state = ops();
    press(&mut state, "d");
    let filter = state.screens.assess.filter.clone();
    assert!(filter.is_active());
    press(&mut state, "g");
    assert_eq!(selected(&state), "craft.l1.a");
    press(&mut state, "4");
    press(&mut state, "4");
    // people.l1.a is next in the order but not in craft: it is skipped.
    assert_eq!(selected(&state), "craft.l2.a");
    assert_eq!(state.screens.assess.filter, filter);
    assert_eq!(state.screens.assess.note, None);
}

#[test]
fn the_guided_pass_says_so_when_it_clears_a_filter_it_has_finished() {
    let mut state = ops();
    press(&mut state, "d");
    press(&mut state, "g");
    for _ in 0..4 {
        press(&mut state, "4");
    }
    // All four craft indicators rated: the pass goes on with the first
    // unrated one after craft.l3.a (wrapping round), people.l1.a, and
    // says that the filter went.
    assert_eq!(selected(&state), "people.l1.a");
    assert!(!state.screens.assess.filter.is_active());
    let cleared = super::Note::Word(super::Word::GuidedFilterCleared);
    assert_eq!(state.screens.assess.note, Some(cleared.clone()));
    assert!(state.screens.assess.guided);
    // Starting the pass on a filter with nothing left to rate says so too.
    press(&mut state, "g");
    assert!(!state.screens.assess.guided);
    press(&mut state, "d");
    press(&mut state, "g");
    assert_eq!(selected(&state), "people.l1.a");
    assert_eq!(state.screens.assess.note, Some(cleared));
}

#[test]
fn t_moves_the_target_to_the_next_level_then_back_to_automatic() {
    let mut state = ops();
    // Nothing reached: the automatic target is the first level, L1, so the
    // first press goes to L2, not to "L1, chosen".
    assert_eq!(state.data.assessment.target_level.as_deref(), Some("L1"));
    let mut seen = Vec::new();
    for _ in 0..3 {
        assert_eq!(
            press(&mut state, "t"),
            [Effect::Save(crate::core::workspace::Save::Profile)]
        );
        seen.push((
            state
                .data
                .profile
                .target_level
                .as_ref()
                .map(|l| l.to_string()),
            state.data.assessment.target_level.clone(),
        ));
    }
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        seen,
        [
            (some("L2"), some("L2")),
            (some("L3"), some("L3")),
            (None, some("L1")),
        ]
    );
}

#[test]
fn t_says_what_the_target_was_and_what_it_is_now() {
    let mut state = ops();
    press(&mut state, "t");
    let screen = render::text(&state);
    assert!(
        screen.contains("Target: L1 → L2 (chosen) · t again: next level"),
        "{screen}"
    );
    press(&mut state, "t");
    press(&mut state, "t");
    let screen = render::text(&state);
    assert!(screen.contains("Target: L3 → L1 (automatic) ·"), "{screen}");
}

#[test]
fn t_from_an_automatic_top_level_starts_over_at_the_first() {
    // L1 and L2 all at 5: both reached, so the automatic target is L3, the
    // last level; the next press chooses L1.
    let mut profile = Profile::new("default");
    for id in [
        "craft.l1.a",
        "craft.l1.b",
        "craft.l2.a",
        "people.l1.a",
        "people.l2.a",
        "people.l2.b",
    ] {
        profile.ratings.insert(
            id.into(),
            Rating {
                score: 5,
                evidence: None,
                updated: None,
            },
        );
    }
    let mut state = app(ops_data(profile));
    assert_eq!(state.data.assessment.current_level.as_deref(), Some("L2"));
    assert_eq!(state.data.assessment.target_level.as_deref(), Some("L3"));
    assert_eq!(
        press(&mut state, "t"),
        [Effect::Save(crate::core::workspace::Save::Profile)]
    );
    assert_eq!(state.data.profile.target_level.as_deref(), Some("L1"));
}

fn with_orphan() -> State {
    let mut profile = Profile::new("default");
    let rating = |score| Rating {
        score,
        evidence: None,
        updated: None,
    };
    profile.ratings.insert("craft.l1.a".into(), rating(3));
    profile
        .ratings
        .insert("gone.old-indicator".into(), rating(2));
    app(ops_data(profile))
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        let key = Key::plain(KeyCode::Char(c));
        let action = state.action_for_key(key).unwrap();
        assert_eq!(action, Action::Type(key));
        update(state, action);
    }
}
