//! The Drill screen driven with made-up keys and a clock moved by hand, on
//! the fixture pack `valid-drill`, and drawn on a test backend with the
//! built-in pack.
#![allow(clippy::unwrap_used)]

mod interviewer;
mod modes;
mod overview;
mod render;

use std::path::Path;
use std::sync::Arc;

use time::macros::{date, datetime};

use super::{Drill, DrillMode, Note};
use crate::core::clock::{Clock, ManualClock, OffsetDateTime};
use crate::core::content::{self, PackSource};
use crate::core::profile::{Grade, Profile, SessionKind};
use crate::core::workspace::Save;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::screens::{Screen, ScreenId};
use crate::tui::state::{Effect, State, update};
use crate::tui::theme::Theme;

/// Friday 2026-12-04, 09:00 in Shanghai.
const START: OffsetDateTime = datetime!(2026-12-04 09:00:00 +08:00);

fn drill_data(profile: Profile, clock: &ManualClock) -> Data {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-drill");
    let pack = content::load(&PackSource::Dir(dir)).unwrap().pack;
    Data::new(pack, profile, Arc::new(clock.clone()))
}

/// The app on Drill with `data`, in an 80×24 window, in `lang`.
fn app_in(lang: Lang, data: Data) -> State {
    let mut state = State::new(lang, Theme::no_color(), Keymap::builtin().unwrap(), data);
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut state, Action::GoTo(ScreenId::Drill));
    state
}

/// A fresh profile on the fixture pack, its clock at [`START`].
fn fresh() -> (State, ManualClock) {
    let clock = ManualClock::new(START);
    (
        app_in(Lang::En, drill_data(Profile::new("default"), &clock)),
        clock,
    )
}

/// Presses `key` the way the loop does: the clock read, the keymap, `update`.
fn press(state: &mut State, key: &str) -> Vec<Effect> {
    state.data.observe();
    let key: Key = key.parse().unwrap();
    match state.action_for_key(key) {
        Some(action) => update(state, action),
        None => Vec::new(),
    }
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        let key = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        press(state, &key);
    }
}

/// Moves the clock on by `seconds` and lets a tick through.
fn wait(state: &mut State, clock: &ManualClock, seconds: i64) {
    clock.advance(time::Duration::seconds(seconds));
    update(state, Action::Tick(clock.now()));
}

fn drill(state: &State) -> &Drill {
    &state.screens.drill
}

fn mode_name(state: &State) -> &'static str {
    drill(state).mode().name
}

fn on_screen(state: &State) -> Option<String> {
    drill(state)
        .mode
        .run()
        .and_then(|r| r.item())
        .map(|i| match i.follow_up {
            Some(f) => format!("{}#{f}", i.question),
            None => i.question.to_string(),
        })
}

#[test]
fn a_two_question_session_times_pauses_takes_notes_and_grades() {
    let (mut state, clock) = fresh();
    assert_eq!(mode_name(&state), "browse");
    // Two questions; nothing is rated, so the gaps are L1's: craft.l1.b
    // (w2) first, then craft.l1.a; pager and runbook probe them.
    for _ in 0..6 {
        press(&mut state, "down");
    }
    press(&mut state, "left");
    press(&mut state, "left");
    press(&mut state, "left");
    assert_eq!(drill(&state).setup.plan.count, 2);
    press(&mut state, "home");
    assert!(press(&mut state, "enter").is_empty());
    assert_eq!(mode_name(&state), "answering");
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.pager"));
    assert!(state.ticking());

    // 100 s, a minute paused (not counted), 10 s more.
    wait(&mut state, &clock, 100);
    press(&mut state, "p");
    assert_eq!(mode_name(&state), "paused");
    assert!(!state.ticking());
    wait(&mut state, &clock, 60);
    press(&mut state, "p");
    wait(&mut state, &clock, 10);
    let run = drill(&state).mode.run().unwrap();
    assert_eq!(run.seconds(state.data.now()), 110);

    // The notes take digits and Space: nothing is graded or revealed.
    press(&mut state, "n");
    assert_eq!(mode_name(&state), "notes");
    type_text(&mut state, "3 steps 1 2 4");
    press(&mut state, "q");
    assert_eq!(mode_name(&state), "notes");
    assert!(state.data.profile.drill.reviews.is_empty());
    assert_eq!(
        drill(&state).mode.run().unwrap().notes.text(),
        "3 steps 1 2 4q"
    );
    press(&mut state, "esc");
    assert_eq!(mode_name(&state), "answering");

    // Reveal: the clock stops at 110 s; tick 2 of 4 key points: half, Hard.
    press(&mut state, "space");
    assert_eq!(mode_name(&state), "revealed");
    wait(&mut state, &clock, 30);
    press(&mut state, "space");
    press(&mut state, "down");
    press(&mut state, "x");
    let run = drill(&state).mode.run().unwrap();
    assert_eq!(run.ticked, [true, true, false, false]);
    assert_eq!(run.seconds(state.data.now()), 110);
    assert_eq!(run.suggestion(state.data.now()), Grade::Hard);
    // Enter takes the suggestion, saves, and the next card starts its clock.
    assert_eq!(press(&mut state, "enter"), [Effect::Save(Save::Profile)]);
    let review = &state.data.profile.drill.reviews[0];
    assert_eq!(review.question, "incidents.pager");
    assert_eq!((review.grade, review.seconds), (Grade::Hard, 110));
    assert_eq!(review.covered, [0, 1]);
    assert_eq!(review.kind, SessionKind::New);
    // Hard on a new question: a day later.
    assert_eq!(
        state.data.profile.drill.cards["incidents.pager"].due,
        datetime!(2026-12-05 09:03:20 +08:00)
    );

    assert_eq!(on_screen(&state).as_deref(), Some("design.runbook"));
    assert_eq!(mode_name(&state), "answering");
    // 250 s of the runbook's 240: 10 s over, counted, and the card stays.
    wait(&mut state, &clock, 250);
    assert_eq!(mode_name(&state), "answering");
    let run = drill(&state).mode.run().unwrap();
    assert_eq!(run.seconds(state.data.now()), 250);
    assert!(
        render::text(&state).contains("+0:10 over"),
        "{}",
        render::text(&state)
    );
    // A grade straight from the card.
    assert_eq!(press(&mut state, "4"), [Effect::Save(Save::Profile)]);
    let review = &state.data.profile.drill.reviews[1];
    assert_eq!((review.grade, review.seconds), (Grade::Easy, 250));
    assert!(review.covered.is_empty());

    // The session is over: the summary, then back to the set-up.
    assert_eq!(mode_name(&state), "summary");
    match &drill(&state).mode {
        DrillMode::Summary(finished) => {
            assert_eq!(finished.done.len(), 2);
            // 100 + 60 + 10 + 30 + 250 seconds on the clock.
            assert_eq!(finished.seconds, 450);
        }
        other => panic!("{other:?}"),
    }
    press(&mut state, "esc");
    assert_eq!(mode_name(&state), "browse");
}

#[test]
fn esc_ends_a_session_keeping_what_was_graded_and_cram_leaves_the_schedule() {
    let (mut state, _clock) = fresh();
    for _ in 0..3 {
        press(&mut state, "down");
    }
    press(&mut state, "enter");
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.worst"));
    press(&mut state, "space");
    press(&mut state, "3");
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.pager"));
    press(&mut state, "esc");
    assert_eq!(mode_name(&state), "summary");
    let log = &state.data.profile.drill;
    assert_eq!(log.reviews.len(), 1);
    assert_eq!(log.reviews[0].kind, SessionKind::Cram);
    assert!(log.cards.is_empty());

    // Ending before any grade goes straight back to the set-up.
    press(&mut state, "esc");
    press(&mut state, "enter");
    press(&mut state, "esc");
    assert_eq!(mode_name(&state), "browse");
    assert_eq!(state.data.profile.drill.reviews.len(), 1);
}

#[test]
fn a_mock_asks_the_follow_ups_after_their_question_without_rescheduling_it() {
    let clock = ManualClock::new(START);
    let mut profile = Profile::new("default");
    profile.target_level = Some("L2".into());
    let mut state = app_in(Lang::En, drill_data(profile, &clock));
    press(&mut state, "down");
    press(&mut state, "down");
    for _ in 0..4 {
        press(&mut state, "down");
    }
    // Questions: 5 → 1.
    for _ in 0..4 {
        press(&mut state, "left");
    }
    press(&mut state, "up");
    press(&mut state, "up");
    press(&mut state, "up");
    press(&mut state, "up");
    press(&mut state, "enter");
    // Target L2, nothing rated: the L2 gap people.l2.a (w3) leads, and
    // the first category's weakest spot is incidents.worst.
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.worst"));
    press(&mut state, "space");
    press(&mut state, "3");
    assert_eq!(on_screen(&state).as_deref(), Some("incidents.worst#0"));
    // A follow-up has half the question's time: 60 s.
    assert_eq!(
        drill(&state).mode.run().unwrap().item().unwrap().limit,
        Some(60)
    );
    assert!(render::text(&state).contains("Follow-up to: Tell us about the worst"));
    press(&mut state, "space");
    press(&mut state, "2");
    let log = &state.data.profile.drill;
    assert_eq!(log.reviews.len(), 2);
    assert_eq!(log.reviews[1].follow_up, Some(0));
    assert_eq!(log.reviews[1].kind, SessionKind::Mock);
    assert_eq!(log.cards["incidents.worst"].reps, 1);
    assert_eq!(mode_name(&state), "summary");
}

#[test]
fn the_defense_date_is_typed_checked_and_saved() {
    let (mut state, _clock) = fresh();
    press(&mut state, "d");
    assert_eq!(mode_name(&state), "defense_date");
    type_text(&mut state, "2026-13-01");
    assert!(press(&mut state, "enter").is_empty());
    assert_eq!(mode_name(&state), "defense_date");
    assert_eq!(
        drill(&state).note,
        Some(Note::NotADate("2026-13-01".into()))
    );
    // Today is 2026-12-04: the day before is refused, today is taken.
    for _ in 0..5 {
        press(&mut state, "backspace");
    }
    type_text(&mut state, "12-03");
    assert!(press(&mut state, "enter").is_empty());
    assert_eq!(
        drill(&state).note,
        Some(Note::PastDate("2026-12-03".into()))
    );
    assert_eq!(state.data.profile.defense_date, None);
    assert!(render::text(&state).contains("is in the past"));
    // Leaving the entry takes what was said about it along.
    press(&mut state, "esc");
    assert_eq!(drill(&state).note, None);
    press(&mut state, "d");
    type_text(&mut state, "2026-12-20");
    assert_eq!(press(&mut state, "enter"), [Effect::Save(Save::Profile)]);
    assert_eq!(state.data.profile.defense_date, Some(date!(2026 - 12 - 20)));
    assert!(render::text(&state).contains("2026-12-20 (in 16 days)"));
    // Esc while typing changes nothing; an empty date clears it.
    press(&mut state, "d");
    press(&mut state, "esc");
    assert_eq!(state.data.profile.defense_date, Some(date!(2026 - 12 - 20)));
    press(&mut state, "d");
    for _ in 0..10 {
        press(&mut state, "backspace");
    }
    press(&mut state, "enter");
    assert_eq!(state.data.profile.defense_date, None);
}

#[test]
fn filters_that_leave_nothing_say_so() {
    let (mut state, _clock) = fresh();
    // Level L1, category Design: no such question.
    for _ in 0..4 {
        press(&mut state, "down");
    }
    press(&mut state, "right");
    press(&mut state, "down");
    press(&mut state, "right");
    press(&mut state, "right");
    assert_eq!(drill(&state).setup.plan.level.as_deref(), Some("L1"));
    assert_eq!(drill(&state).setup.plan.category.as_deref(), Some("design"));
    press(&mut state, "home");
    press(&mut state, "enter");
    assert_eq!(mode_name(&state), "browse");
    assert_eq!(drill(&state).note, Some(Note::NothingToDrill));
    assert!(render::text(&state).contains("Nothing to drill"));
}

#[test]
fn a_reworded_question_is_marked_and_r_starts_it_over() {
    let (mut state, _clock) = fresh();
    press(&mut state, "down");
    press(&mut state, "down");
    press(&mut state, "down");
    press(&mut state, "enter");
    press(&mut state, "esc");
    // Drill people.onboard properly, then pretend its prompt was another.
    let (mut state, _clock) = fresh();
    press(&mut state, "enter");
    press(&mut state, "3");
    press(&mut state, "esc");
    press(&mut state, "esc");
    let first = state.data.profile.drill.reviews[0].question.clone();
    state.data.profile.drill.reviews[0].prompt_hash = Some("0000000000000000".into());
    assert!(render::text(&state).contains("1 questions were reworded"));
    assert_eq!(press(&mut state, "r"), [Effect::Save(Save::Profile)]);
    assert!(!state.data.profile.drill.cards.contains_key(first.as_str()));
    assert_eq!(state.data.profile.drill.reviews.len(), 1);
    assert!(press(&mut state, "r").is_empty());
    assert_eq!(drill(&state).note, Some(Note::NothingToReset));
}

#[test]
fn only_a_running_clock_asks_for_ticks() {
    let (mut state, clock) = fresh();
    let now = clock.now();
    assert_eq!(
        drill(&state).clone().update(
            Action::Tick(now),
            &crate::tui::screens::Ctx {
                lang: Lang::En,
                body: ratatui::layout::Rect::new(0, 2, 80, 21)
            },
            &mut state.data
        ),
        None
    );
    press(&mut state, "enter");
    assert!(state.ticking());
    press(&mut state, "space");
    assert!(!state.ticking());
}

#[test]
fn in_a_short_window_the_selected_row_stays_in_view() {
    let (mut state, _clock) = fresh();
    update(
        &mut state,
        Action::Resize {
            width: 60,
            height: 18,
        },
    );
    assert!(!render::text(&state).contains("Defense date"));
    press(&mut state, "end");
    let shown = render::text(&state);
    assert!(shown.contains("▶ Defense date"), "{shown}");
    press(&mut state, "home");
    assert!(render::text(&state).contains("Defense drill"));
}
