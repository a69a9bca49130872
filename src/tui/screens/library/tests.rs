//! The Library's keys, its jumps, and snapshots of what it draws.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

use super::tree::{Node, Section};
use super::*;
use crate::core::content::built_in;
use crate::core::profile::Profile;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::screens::ScreenId;
use crate::tui::state::{Overlay, State, dispatch, focus};
use crate::tui::view;

fn data() -> Data {
    Data::on_day(
        built_in().unwrap().pack,
        Profile::new("default"),
        time::macros::date!(2025 - 03 - 01),
    )
}

/// The app on the Library screen, in a terminal of `width` × `height`.
fn app(lang: Lang, width: u16, height: u16) -> State {
    let mut state = State::new(lang, Theme::no_color(), Keymap::builtin().unwrap(), data());
    state.screen = ScreenId::Library;
    dispatch(&mut state, Action::Resize { width, height });
    state
}

fn run(state: &mut State, actions: &[Action]) {
    for action in actions {
        assert!(
            dispatch(state, action.clone()).is_some(),
            "{action:?} did nothing in {:?}",
            state.screens.library
        );
    }
}

fn library(state: &State) -> &Library {
    &state.screens.library
}

use Action::{Back, Down, End, Home, Open, PageDown, Up};

mod mouse;

#[test]
fn the_list_starts_on_levels_with_every_section_closed() {
    let state = app(Lang::En, 80, 24);
    let library = library(&state);
    assert_eq!(library.selected, Node::Section(Section::Levels));
    assert_eq!(library.expanded, []);
    assert!(!library.reading);
}

#[test]
fn arrows_move_through_the_list_and_stop_at_its_ends() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Up]);
    assert_eq!(library(&state).selected, Node::Section(Section::Levels));
    run(&mut state, &[Down, Down]);
    assert_eq!(library(&state).selected, Node::Section(Section::Steps));
    // Six closed sections: the last row is Questions.
    run(&mut state, &[End, Down]);
    assert_eq!(library(&state).selected, Node::Section(Section::Questions));
    run(&mut state, &[Home]);
    assert_eq!(library(&state).selected, Node::Section(Section::Levels));
}

#[test]
fn enter_opens_a_section_then_an_entry_and_esc_goes_back_step_by_step() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Open]);
    assert_eq!(library(&state).expanded, [Section::Levels]);
    // The built-in pack has four levels, listed under their section.
    run(&mut state, &[Down, Down]);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 1));
    run(&mut state, &[Open]);
    assert!(library(&state).reading);

    run(&mut state, &[Back]);
    assert!(!library(&state).reading);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 1));
    run(&mut state, &[Back]);
    assert_eq!(library(&state).selected, Node::Section(Section::Levels));
    assert_eq!(library(&state).expanded, []);
    // Nothing further back: Esc changes nothing.
    let before = library(&state).clone();
    run(&mut state, &[Back]);
    assert_eq!(*library(&state), before);
}

#[test]
fn enter_on_an_open_section_closes_it() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Down, Open, Open]);
    assert_eq!(library(&state).expanded, []);
    assert_eq!(library(&state).selected, Node::Section(Section::Dimensions));
}

#[test]
fn while_reading_the_arrows_scroll_the_page() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Open, Down, Open, Down, Down]);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 0));
    assert_eq!(library(&state).scroll, Scroll::Line(2));
    run(&mut state, &[Up, Home]);
    assert_eq!(library(&state).scroll, Scroll::Line(0));
}

#[test]
fn page_keys_scroll_the_page_from_the_list_and_moving_starts_the_next_page_at_the_top() {
    // The body of a 24-row window has 21 rows; the page leaves a row above
    // and below, so 19 lines show and a page step is 18.
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Open, Down, PageDown]);
    assert_eq!(library(&state).scroll, Scroll::Line(18));
    assert!(!library(&state).reading);
    run(&mut state, &[Down]);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 1));
    assert_eq!(library(&state).scroll, Scroll::Line(0));
}

#[test]
fn scrolling_stops_where_the_page_ends() {
    let mut state = app(Lang::En, 80, 24);
    // The Articles section's page is short: nothing to scroll.
    run(&mut state, &[Down, Down, Down, PageDown, PageDown]);
    assert_eq!(library(&state).selected, Node::Section(Section::Articles));
    assert_eq!(library(&state).scroll, Scroll::Line(0));
}

fn key(text: &str) -> Key {
    text.parse().unwrap()
}

#[test]
fn slash_opens_search_where_every_printable_key_types() {
    let mut state = app(Lang::En, 80, 24);
    assert_eq!(state.action_for_key(key("/")), Some(Action::Search));
    run(&mut state, &[Action::Search]);
    assert_eq!(state.overlay, Some(Overlay::Search));
    for (name, typed) in [("q", 'q'), ("j", 'j'), ("?", '?'), ("/", '/'), ("P", 'P')] {
        assert_eq!(state.action_for_key(key(name)), Some(Action::Input(typed)));
    }
    assert_eq!(state.action_for_key(key("esc")), Some(Back));
    assert_eq!(state.action_for_key(key("enter")), Some(Open));
    assert_eq!(state.action_for_key(key("down")), Some(Down));
    assert_eq!(
        state.action_for_key(key("backspace")),
        Some(Action::DeleteChar)
    );
    let ctrl_c = Key {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
    };
    assert_eq!(state.action_for_key(ctrl_c), Some(Action::Back));
}

fn type_text(state: &mut State, text: &str) {
    for c in text.chars() {
        run(state, &[Action::Input(c)]);
    }
}

#[test]
fn typing_narrows_the_results_and_backspace_widens_them() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Action::Search]);
    type_text(&mut state, "mindset-shifx");
    assert_eq!(state.search.query(), "mindset-shifx");
    assert_eq!(state.search.results(), Vec::<&Target>::new());
    run(&mut state, &[Action::DeleteChar]);
    let article = Target::Article("mindset-shift".to_owned());
    assert_eq!(state.search.chosen(), Some(&article));
    run(&mut state, &[Back]);
    assert_eq!(state.overlay, None);
    assert_eq!(state.screen, ScreenId::Library);
}

#[test]
fn enter_on_an_article_opens_its_page_in_the_library() {
    let mut state = app(Lang::En, 80, 24);
    state.screen = ScreenId::Drill;
    run(&mut state, &[Action::Search]);
    type_text(&mut state, "mindset-shift");
    run(&mut state, &[Open]);
    assert_eq!(state.overlay, None);
    assert_eq!(state.screen, ScreenId::Library);
    let library = library(&state);
    // Articles in file order: defense-prep, mentor-walkthrough, mindset-shift.
    assert_eq!(library.selected, Node::Entry(Section::Articles, 2));
    assert!(library.expanded.contains(&Section::Articles));
    assert!(library.reading);
    assert_eq!(library.scroll, Scroll::Line(0));
}

#[test]
fn an_indicator_opens_in_its_dimension_scrolled_to_it() {
    // Search sends an indicator to Assess; the Library shows it when asked.
    let mut state = app(Lang::En, 80, 24);
    let id = "tech-depth.p6.profiling".to_owned();
    let data = state.data.clone();
    assert!(
        state
            .screens
            .library
            .focus(&Target::Indicator(id.clone()), &data)
    );
    assert_eq!(
        library(&state).selected,
        Node::Entry(Section::Dimensions, 0)
    );
    assert_eq!(library(&state).scroll, Scroll::Anchor(id));
    // The first key that scrolls starts from the indicator's line: past
    // the title and the dimension's description, so well below the top.
    run(&mut state, &[Down]);
    let Scroll::Line(line) = library(&state).scroll else {
        panic!("the scroll is a line once moved");
    };
    assert!(line > 10, "scrolled to {line}");
}

#[test]
fn a_question_and_a_checklist_item_open_in_their_category_and_checklist() {
    let mut state = app(Lang::En, 80, 24);
    // Categories in file order: architecture, leadership, tradeoffs, growth,
    // impact, tech-depth, reliability.
    let question = Target::Question("growth.implementer-to-definer".to_owned());
    assert!(focus(&mut state, &question));
    assert_eq!(library(&state).selected, Node::Entry(Section::Questions, 3));
    let item = Target::ChecklistItem {
        checklist: "go-code-review".to_owned(),
        item: "concurrency.lock-scope".to_owned(),
    };
    assert!(focus(&mut state, &item));
    assert_eq!(
        library(&state).selected,
        Node::Entry(Section::Checklists, 0)
    );
    assert_eq!(
        library(&state).scroll,
        Scroll::Anchor("concurrency.lock-scope".to_owned())
    );
    assert!(!focus(&mut state, &Target::Article("no-such".to_owned())));
}

#[test]
fn drawing_at_any_size_stays_inside_the_area() {
    let mut state = app(Lang::Zh, 80, 24);
    run(&mut state, &[Down, Down, Open, Down, Open]);
    let data = data();
    let theme = Theme::no_color();
    let view = View {
        lang: Lang::Zh,
        theme: &theme,
        data: &data,
    };
    for (width, height) in [(1, 1), (2, 3), (7, 2), (19, 5), (40, 10), (61, 13)] {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        library(&state).render(area, &mut buf, &view);
    }
}

fn snapshot(state: &State) -> Terminal<TestBackend> {
    let size = state.size;
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal.draw(|frame| view::render(state, frame)).unwrap();
    terminal
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snapshots(scene: &str, prepare: impl Fn(&mut State)) {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let mut state = app(lang, width, height);
            prepare(&mut state);
            let name = format!("{scene}_{lang}_{width}x{height}");
            insta::assert_snapshot!(name, snapshot(&state).backend());
        }
    }
}

#[test]
fn snapshot_the_list() {
    // Levels and Dimensions open, Dimensions chosen: its page lists them.
    snapshots("list", |state| {
        run(state, &[Open, End, Up, Up, Up, Up, Open]);
        assert_eq!(library(state).selected, Node::Section(Section::Dimensions));
    });
}

#[test]
fn snapshot_a_level_page() {
    snapshots("level", |state| run(state, &[Open, Down, Open]));
}

#[test]
fn snapshot_a_step_from_one_level_to_the_next() {
    snapshots("step", |state| run(state, &[Down, Down, Open, Down, Open]));
}

#[test]
fn snapshot_an_article() {
    snapshots("article", |state| {
        assert!(focus(state, &Target::Article("mindset-shift".to_owned())));
    });
}

#[test]
fn snapshot_the_search_window_with_results() {
    snapshots("search", |state| {
        run(state, &[Action::Search]);
        let query = state.lang.pick("泄漏", "leak");
        type_text(state, query);
        run(state, &[Down]);
    });
}

#[test]
fn a_section_the_pack_has_nothing_for_says_so() {
    use super::doc::Block;
    use super::pages::page;
    use super::tree::{Node, Section};
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/valid-ops");
    let pack = crate::core::content::load(&crate::core::content::PackSource::Dir(dir))
        .unwrap()
        .pack;
    // The ops fixture has no articles, and levels L1–L3, not P-numbers.
    assert!(pack.articles.is_empty());
    let blocks = page(&pack, Lang::En, Node::Section(Section::Articles));
    assert!(
        blocks.iter().any(|b| matches!(
            b,
            Block::Para { text, .. } if text == "This pack has none of these."
        )),
        "{blocks:?}"
    );
    assert_eq!(Section::Steps.title(Lang::En), "Level to level");
    // A section with entries lists them and no such line.
    let blocks = page(&pack, Lang::En, Node::Section(Section::Steps));
    assert!(!blocks.iter().any(|b| matches!(
        b,
        Block::Para { text, .. } if text == "This pack has none of these."
    )));
}

#[test]
fn the_selection_is_marked_as_on_assess_without_colour() {
    // The theme is NO_COLOR's: the selected row starts with `›`, as on
    // Assess, and no other row of the list does.
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Down]);
    let text = snapshot(&state).backend().to_string();
    let list: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('▸') || l.contains('▾'))
        .collect();
    assert!(list.iter().any(|l| l.contains("› ▸ Dimensions")), "{text}");
    assert_eq!(list.iter().filter(|l| l.contains('›')).count(), 1, "{text}");
    run(&mut state, &[Down]);
    let text = snapshot(&state).backend().to_string();
    assert!(text.contains("› ▸ Level to level"), "{text}");
    assert!(!text.contains("› ▸ Dimensions"), "{text}");
}
