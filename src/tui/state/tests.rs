//! `update` driven by made-up terminal events: no terminal involved.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use std::sync::OnceLock;

use super::*;
use crate::core::content::{self, Pack, PackSource};
use crate::core::profile::Profile;
use crate::tui::input::action_for_event;
use crate::tui::keymap::Mode;

fn state(lang: Lang, width: u16, height: u16) -> State {
    static PACK: OnceLock<Pack> = OnceLock::new();
    let pack = PACK.get_or_init(|| content::load(&PackSource::BuiltIn).unwrap().pack);
    let data = Data::on_day(
        pack.clone(),
        Profile::new("default"),
        time::macros::date!(2026 - 11 - 01),
    );
    let mut state = State::new(lang, Theme::color(), Keymap::builtin().unwrap(), data);
    update(&mut state, Action::Resize { width, height });
    state
}

fn send(state: &mut State, event: Event) -> Vec<Effect> {
    match action_for_event(state, &event) {
        Some(action) => update(state, action),
        None => Vec::new(),
    }
}

fn press(state: &mut State, code: KeyCode) -> Vec<Effect> {
    send(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn press_with(state: &mut State, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    send(state, Event::Key(KeyEvent::new(code, modifiers)))
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// What the shell shows: compared before and after to prove nothing moved.
fn shown(state: &State) -> (ScreenId, Option<Overlay>, Screens, Size) {
    (
        state.screen,
        state.overlay,
        state.screens.clone(),
        state.size,
    )
}

fn help_scroll(state: &State) -> Option<usize> {
    match state.overlay {
        Some(Overlay::Help { scroll }) => Some(scroll),
        _ => None,
    }
}

#[test]
fn the_app_starts_on_overview_with_nothing_open() {
    let state = state(Lang::En, 80, 24);
    assert_eq!(state.screen, ScreenId::Overview);
    assert_eq!(state.overlay, None);
}

#[test]
fn tab_visits_the_screens_in_order_and_wraps() {
    let mut state = state(Lang::En, 80, 24);
    let mut seen = Vec::new();
    for _ in 0..5 {
        assert_eq!(press(&mut state, KeyCode::Tab), []);
        seen.push(state.screen);
    }
    use ScreenId::*;
    assert_eq!(seen, [Assess, Drill, Checklists, Library, Overview]);
}

#[test]
fn shift_tab_goes_back_however_the_terminal_sends_it() {
    let mut state = state(Lang::En, 80, 24);
    press(&mut state, KeyCode::BackTab);
    assert_eq!(state.screen, ScreenId::Library);
    press_with(&mut state, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(state.screen, ScreenId::Checklists);
    press_with(&mut state, KeyCode::Tab, KeyModifiers::SHIFT);
    assert_eq!(state.screen, ScreenId::Drill);
}

#[test]
fn q_quits_from_a_screen_and_the_help_window_and_ctrl_c_closes_the_window_first() {
    let mut state = state(Lang::Zh, 80, 24);
    assert_eq!(press(&mut state, KeyCode::Char('q')), [Effect::Quit]);
    assert_eq!(
        press_with(&mut state, KeyCode::Char('c'), KeyModifiers::CONTROL),
        [Effect::Quit]
    );
    press(&mut state, KeyCode::Char('?'));
    assert_eq!(press(&mut state, KeyCode::Char('q')), [Effect::Quit]);
    // Ctrl-C, like Esc, closes the window; from plain browsing it quits.
    assert_eq!(
        press_with(&mut state, KeyCode::Char('c'), KeyModifiers::CONTROL),
        []
    );
    assert_eq!(state.overlay, None);
    assert_eq!(
        press_with(&mut state, KeyCode::Char('c'), KeyModifiers::CONTROL),
        [Effect::Quit]
    );
}

#[test]
fn a_plain_c_does_not_quit() {
    let mut state = state(Lang::En, 80, 24);
    assert_eq!(press(&mut state, KeyCode::Char('c')), []);
}

#[test]
fn question_mark_opens_help_and_esc_or_question_mark_closes_it() {
    let mut state = state(Lang::En, 80, 24);
    press(&mut state, KeyCode::Char('?'));
    assert_eq!(help_scroll(&state), Some(0));
    press(&mut state, KeyCode::Esc);
    assert_eq!(state.overlay, None);
    // Some terminals send `?` with Shift held.
    press_with(&mut state, KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(help_scroll(&state), Some(0));
    press(&mut state, KeyCode::Char('?'));
    assert_eq!(state.overlay, None);
    assert_eq!(state.screen, ScreenId::Overview);
}

#[test]
fn esc_with_nothing_open_changes_nothing() {
    let mut state = state(Lang::En, 80, 24);
    press(&mut state, KeyCode::Tab);
    let before = shown(&state);
    assert_eq!(press(&mut state, KeyCode::Esc), []);
    assert_eq!(shown(&state), before);
}

#[test]
fn keys_bound_nowhere_change_nothing() {
    let mut state = state(Lang::En, 80, 24);
    let before = shown(&state);
    for code in [
        KeyCode::Char('x'),
        KeyCode::F(5),
        KeyCode::Enter,
        KeyCode::Char('3'),
    ] {
        assert_eq!(press(&mut state, code), []);
    }
    assert_eq!(shown(&state), before);
}

#[test]
fn a_key_acts_when_pressed_not_again_when_released() {
    let mut state = state(Lang::En, 80, 24);
    let mut release = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    send(&mut state, Event::Key(release));
    assert_eq!(state.screen, ScreenId::Overview);
}

#[test]
fn tab_inside_the_help_window_shows_the_next_screens_keys_from_the_top() {
    // 80x18: a 15-row body, so the 17 rows of help scroll.
    let mut state = state(Lang::En, 80, 18);
    press(&mut state, KeyCode::Char('?'));
    press(&mut state, KeyCode::Down);
    assert_eq!(help_scroll(&state), Some(1));
    press(&mut state, KeyCode::Tab);
    assert_eq!(state.screen, ScreenId::Assess);
    assert_eq!(help_scroll(&state), Some(0));
}

#[test]
fn the_help_window_scrolls_within_its_rows() {
    // 80x18: the help window fills the 15-row body, 13 rows inside its
    // border. On Overview it has 27 rows (its 10 keys, 5 global ones and the
    // window's own 7, each list under a heading, with 2 blank rows between):
    // it scrolls 14 at most, and a page is 12 rows.
    let mut state = state(Lang::En, 80, 18);
    press(&mut state, KeyCode::Char('?'));
    press(&mut state, KeyCode::End);
    assert_eq!(help_scroll(&state), Some(14));
    for _ in 0..5 {
        press(&mut state, KeyCode::Char('j'));
    }
    assert_eq!(help_scroll(&state), Some(14));
    press(&mut state, KeyCode::Char('k'));
    assert_eq!(help_scroll(&state), Some(13));
    press(&mut state, KeyCode::Home);
    assert_eq!(help_scroll(&state), Some(0));
    // A page is 12 rows (one kept in sight).
    press(&mut state, KeyCode::PageDown);
    assert_eq!(help_scroll(&state), Some(12));
    press(&mut state, KeyCode::PageDown);
    assert_eq!(help_scroll(&state), Some(14));
    press(&mut state, KeyCode::PageUp);
    assert_eq!(help_scroll(&state), Some(2));
    // Scrolling the window leaves the screen beneath where it was.
    assert_eq!(state.screen, ScreenId::Overview);
}

#[test]
fn growing_the_window_pulls_the_help_back_to_rows_that_exist() {
    let mut state = state(Lang::En, 80, 18);
    press(&mut state, KeyCode::Char('?'));
    press(&mut state, KeyCode::End);
    assert_eq!(help_scroll(&state), Some(14));
    // A 21-row body: 19 rows inside the border, so 27 − 19 = 8 at most.
    send(&mut state, Event::Resize(80, 24));
    assert_eq!(state.size, Size::new(80, 24));
    assert_eq!(help_scroll(&state), Some(8));
}

#[test]
fn a_click_on_a_tab_shows_its_screen_and_closes_the_help_window() {
    let mut state = state(Lang::En, 80, 24);
    // " Drill " is drawn at columns 29 to 35 of the first row.
    send(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 31, 0),
    );
    assert_eq!(state.screen, ScreenId::Drill);
    press(&mut state, KeyCode::Char('?'));
    // " Overview " is drawn at columns 9 to 18.
    send(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 12, 0),
    );
    assert_eq!(state.screen, ScreenId::Overview);
    assert_eq!(state.overlay, None);
}

#[test]
fn clicks_off_the_tabs_and_other_buttons_do_nothing() {
    let mut state = state(Lang::En, 80, 24);
    let before = shown(&state);
    send(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Left), 31, 5),
    );
    send(
        &mut state,
        mouse(MouseEventKind::Down(MouseButton::Right), 31, 0),
    );
    send(&mut state, mouse(MouseEventKind::Moved, 31, 0));
    assert_eq!(shown(&state), before);
}

#[test]
fn the_wheel_scrolls_the_help_window() {
    let mut state = state(Lang::Zh, 80, 18);
    press(&mut state, KeyCode::Char('?'));
    send(&mut state, mouse(MouseEventKind::ScrollDown, 40, 10));
    send(&mut state, mouse(MouseEventKind::ScrollDown, 40, 10));
    assert_eq!(help_scroll(&state), Some(2));
    send(&mut state, mouse(MouseEventKind::ScrollUp, 40, 10));
    assert_eq!(help_scroll(&state), Some(1));
}

#[test]
fn behind_the_too_small_note_only_quit_and_resizing_act() {
    let mut state = state(Lang::En, 80, 24);
    press(&mut state, KeyCode::Tab);
    assert_eq!(state.screen, ScreenId::Assess);
    update(
        &mut state,
        Action::Resize {
            width: 20,
            height: 5,
        },
    );
    assert_eq!(state.context(), Context::TooSmall);
    let before = state.clone();
    // Neither a rating nor a screen switch happens behind the note.
    assert_eq!(state.action_for_key(Key::plain(KeyCode::Char('3'))), None);
    assert_eq!(state.action_for_key(Key::plain(KeyCode::Tab)), None);
    assert_eq!(state.action_for_key(Key::plain(KeyCode::Char('/'))), None);
    // Help has no room here either.
    assert_eq!(state.action_for_key(Key::plain(KeyCode::Char('?'))), None);
    let click = mouse(MouseEventKind::Down(MouseButton::Left), 12, 0);
    assert_eq!(action_for_event(&state, &click), None);
    assert_eq!(state.screen, ScreenId::Assess);
    assert!(state.data.profile.ratings.is_empty());
    assert_eq!(state.screens, before.screens);
    // Growing back shows the same screen, nothing changed.
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    assert_eq!(
        state.context(),
        Context::Screen(ScreenId::Assess, Mode::BROWSE)
    );
    assert_eq!(press(&mut state, KeyCode::Char('q')), [Effect::Quit]);
}

#[test]
fn with_no_timer_running_there_are_no_ticks_and_a_tick_redraws_nothing() {
    let mut state = state(Lang::En, 80, 24);
    assert!(!state.ticking());
    let before = shown(&state);
    let now = state.data.now();
    assert_eq!(dispatch(&mut state, Action::Tick(now)), None);
    assert_eq!(shown(&state), before);
}

#[test]
fn every_key_in_the_keymap_reaches_a_part_of_update_that_handles_it() {
    for screen in ScreenId::ALL {
        for overlay in [
            None,
            Some(Overlay::Help { scroll: 0 }),
            Some(Overlay::Search),
        ] {
            let mut base = state(Lang::En, 80, 24);
            base.screen = screen;
            base.overlay = overlay;
            let bindings = base.keymap.active(base.context());
            assert!(!bindings.is_empty());
            for binding in bindings {
                for key in &binding.keys {
                    let mut state = base.clone();
                    let place = format!("{key} on {screen:?} with {overlay:?}");
                    // The digit keys send the scale value they carry.
                    let action = match (binding.action.clone(), key.code) {
                        (Action::RateKey, KeyCode::Char(c)) => {
                            Action::Rate(c.to_digit(10).unwrap())
                        }
                        (Action::GradeKey, KeyCode::Char(c)) => {
                            Action::Grade(c.to_digit(10).unwrap())
                        }
                        (action, _) => action,
                    };
                    assert_eq!(state.action_for_key(*key), Some(action.clone()), "{place}");
                    assert!(
                        dispatch(&mut state, action.clone()).is_some(),
                        "{place}: {action:?} falls through update"
                    );
                }
            }
        }
    }
}

#[test]
fn an_action_no_one_here_uses_is_reported_as_unhandled() {
    // The check above could not fail if every action were "handled".
    let mut state = state(Lang::En, 80, 24);
    // Overview does not rate and types nothing.
    assert_eq!(dispatch(&mut state, Action::Rate(3)), None);
    assert_eq!(dispatch(&mut state, Action::Input('x')), None);
    press(&mut state, KeyCode::Char('?'));
    assert_eq!(dispatch(&mut state, Action::Input('x')), None);
}

/// Runs `effects` the way the loop does, until nothing is left to save.
fn settle(state: &mut State, storage: &crate::tui::app::Storage, effects: Vec<Effect>) {
    let mut pending = effects;
    for _ in 0..10 {
        let Some(Effect::Save(file)) = pending.pop() else {
            return;
        };
        let action = crate::tui::app::save(state, Some(storage), file);
        pending = update(state, action);
    }
    panic!("saving did not settle");
}

#[test]
fn two_apps_on_one_profile_lose_neither_ones_rating() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::core::profile::ProfileStore::new(dir.path());
    let storage = crate::tui::app::Storage::Store {
        store: store.clone(),
        name: "default".into(),
    };
    let mut a = state(Lang::En, 80, 24);
    let mut b = state(Lang::En, 80, 24);
    for app in [&mut a, &mut b] {
        press(app, KeyCode::Tab);
    }
    // A rates the first indicator, B the second, each from its own copy.
    let effects = press(&mut a, KeyCode::Char('3'));
    settle(&mut a, &storage, effects);
    press(&mut b, KeyCode::Down);
    let effects = press(&mut b, KeyCode::Char('2'));
    settle(&mut b, &storage, effects);
    assert_eq!(b.notice, Some(Notice::MergedWithDisk));
    let saved = store.load("default").unwrap().unwrap();
    let scores: Vec<u32> = saved.ratings.values().map(|r| r.score).collect();
    assert_eq!(saved.ratings.len(), 2, "{scores:?}");
    assert!(scores.contains(&3) && scores.contains(&2), "{scores:?}");
    // A, idle, notices B's change and shows it.
    let disk = store.disk_hash("default");
    assert_ne!(a.data.disk, disk);
    let (profile, hash) = store.load_with_hash("default").unwrap();
    update(
        &mut a,
        Action::ChangedOnDisk(crate::tui::action::DiskProfile {
            profile: std::sync::Arc::new(profile.unwrap()),
            hash,
        }),
    );
    assert_eq!(a.data.profile.ratings.len(), 2);
    assert_eq!(a.notice, Some(Notice::ReloadedFromDisk));
}
