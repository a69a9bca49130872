//! The shell drawn on a test backend: snapshots of what a person sees, the
//! styles that carry meaning without colour, and no panic at any size.

// Helpers outside the test functions unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use ladder::core::content::{self, PackSource};
use ladder::core::profile::Profile;
use ladder::tui::keymap::Keymap;
use ladder::tui::screens::ScreenId;
use ladder::tui::{Action, Data, Lang, State, Theme, update, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn data() -> Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        Data::on_day(
            content::load(&PackSource::BuiltIn).unwrap().pack,
            Profile::new("default"),
            time::macros::date!(2026 - 11 - 01),
        )
    })
    .clone()
}

fn state(lang: Lang, theme: Theme, width: u16, height: u16) -> State {
    let mut state = State::new(lang, theme, Keymap::builtin().unwrap(), data());
    update(&mut state, Action::Resize { width, height });
    state
}

fn go_to(state: &mut State, screen: ScreenId) {
    update(state, Action::GoTo(screen));
}

/// What the terminal shows, drawn the way the loop draws it.
fn screen(state: &State) -> TestBackend {
    let backend = TestBackend::new(state.size.width, state.size.height);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal.backend().clone()
}

fn tag(lang: Lang) -> &'static str {
    lang.tag()
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        for lang in Lang::ALL {
            for id in ScreenId::ALL {
                let mut state = state(lang, Theme::color(), w, h);
                go_to(&mut state, id);
                let name = format!("{}_{}_{w}x{h}", id.tag(), tag(lang));
                insta::assert_snapshot!(name, screen(&state));
            }
        }
    }
}

#[test]
fn every_screen_at_60x18() {
    // A small window: every page that does not fit scrolls and says that
    // there is more below (the Overview's welcome, the Assess details).
    for lang in Lang::ALL {
        for id in ScreenId::ALL {
            let mut state = state(lang, Theme::color(), 60, 18);
            go_to(&mut state, id);
            let name = format!("{}_{}_60x18", id.tag(), tag(lang));
            insta::assert_snapshot!(name, screen(&state));
        }
    }
}

#[test]
fn the_help_window() {
    for lang in Lang::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let mut state = state(lang, Theme::color(), width, height);
            go_to(&mut state, ScreenId::Assess);
            update(&mut state, Action::Help);
            let name = format!("help_assess_{}_{width}x{height}", tag(lang));
            insta::assert_snapshot!(name, screen(&state));
        }
    }
}

#[test]
fn the_help_window_when_it_must_scroll() {
    // At the smallest shell the help window's 16 rows do not fit in 11.
    let mut state = state(Lang::En, Theme::color(), 60, 16);
    update(&mut state, Action::Help);
    update(&mut state, Action::Down);
    insta::assert_snapshot!("help_scrolled_en_60x16", screen(&state));
}

#[test]
fn the_note_in_a_terminal_too_small() {
    for lang in Lang::ALL {
        for (width, height) in [(59, 16), (60, 15), (16, 4)] {
            let state = state(lang, Theme::color(), width, height);
            let name = format!("too_small_{}_{width}x{height}", tag(lang));
            insta::assert_snapshot!(name, screen(&state));
        }
    }
}

fn modifiers_of(buf: &Buffer, xs: std::ops::Range<u16>, y: u16) -> Vec<Modifier> {
    xs.map(|x| buf[(x, y)].modifier).collect()
}

#[test]
fn the_active_tab_is_marked_without_colour() {
    let mut state = state(Lang::En, Theme::no_color(), 80, 24);
    go_to(&mut state, ScreenId::Assess);
    let backend = screen(&state);
    let buf = backend.buffer();
    // " Assess " takes columns 20 to 27; " Overview " 9 to 18.
    let reversed = Modifier::BOLD | Modifier::REVERSED;
    assert_eq!(modifiers_of(buf, 20..28, 0), vec![reversed; 8]);
    assert_eq!(modifiers_of(buf, 9..19, 0), vec![Modifier::empty(); 10]);
    for x in 0..80 {
        for y in 0..24 {
            let cell = &buf[(x, y)];
            assert_eq!((cell.fg, cell.bg), (Default::default(), Default::default()));
        }
    }
}

#[test]
fn the_profile_in_use_shows_at_the_right_of_the_tab_bar() {
    let mut data = data();
    data.profile = Profile::new("mentee-ana");
    let mut state = State::new(Lang::En, Theme::color(), Keymap::builtin().unwrap(), data);
    update(
        &mut state,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let backend = screen(&state);
    // " mentee-ana " is 12 columns, the last 12 of the 80.
    let row: String = (68..80)
        .map(|x| backend.buffer()[(x, 0)].symbol())
        .collect();
    assert_eq!(row, " mentee-ana ");
    assert_eq!(backend.buffer()[(68, 0)].modifier, Modifier::DIM);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn drawing_never_panics_at_any_size(
        width in 1u16..=300,
        height in 1u16..=100,
        drawn_width in 1u16..=300,
        drawn_height in 1u16..=100,
        screen_index in 0usize..5,
        zh in any::<bool>(),
        help in any::<bool>(),
        to_end in any::<bool>(),
    ) {
        let lang = if zh { Lang::Zh } else { Lang::En };
        let mut state = state(lang, Theme::color(), width, height);
        go_to(&mut state, ScreenId::ALL[screen_index]);
        if help {
            update(&mut state, Action::Help);
        }
        if to_end {
            update(&mut state, Action::End);
        }
        // The state's size and the drawn size agree after a resize event;
        // draw both ways, since a resize may land between the two.
        for (w, h) in [(width, height), (drawn_width, drawn_height)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            view::draw(&state, area, &mut buf);
        }
    }
}
