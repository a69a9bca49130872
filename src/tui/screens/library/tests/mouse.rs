//! The mouse on the Library, at 80×24.
//!
//! The body is 80×21 from row 2. The list is a third of it, 26 columns,
//! with a column of margin each side: columns 1 to 24, rows 3 to 21 (a row
//! is left above and below). The rule is column 26; the page starts at
//! column 28, on the same rows.

use super::*;
use crate::tui::input::testing::{click, wheel_down, wheel_up};

#[test]
fn a_click_on_a_section_selects_and_opens_it_as_enter_does() {
    let mut state = app(Lang::En, 80, 24);
    // Closed sections, one a row: Levels on row 3, Dimensions on row 4.
    assert_eq!(click(&mut state, 5, 4), Some(vec![]));
    assert_eq!(library(&state).selected, Node::Section(Section::Dimensions));
    assert_eq!(library(&state).expanded, [Section::Dimensions]);
    // A second click closes it, as a second Enter does.
    click(&mut state, 24, 4);
    assert_eq!(library(&state).expanded, []);
}

#[test]
fn a_click_on_an_entry_selects_it_and_a_click_on_its_page_reads_it() {
    let mut state = app(Lang::En, 80, 24);
    click(&mut state, 1, 3);
    // Levels open: its four levels on rows 4 to 7.
    click(&mut state, 5, 5);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 1));
    assert!(!library(&state).reading);
    assert_eq!(click(&mut state, 40, 10), Some(vec![]));
    assert!(library(&state).reading);
    // A click back in the list gives it the keys again.
    click(&mut state, 5, 4);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 0));
    assert!(!library(&state).reading);
}

#[test]
fn clicks_off_the_rows_do_nothing() {
    let mut state = app(Lang::En, 80, 24);
    let before = library(&state).clone();
    // Under the six sections, the margin, the rule, the row above the list,
    // and a section's page (a section is opened from the list).
    for (column, row) in [(5, 9), (0, 4), (26, 4), (5, 2), (40, 10)] {
        assert_eq!(click(&mut state, column, row), None, "({column}, {row})");
    }
    assert_eq!(*library(&state), before);
}

#[test]
fn the_wheel_moves_in_the_list_over_it_and_scrolls_the_page_over_the_page() {
    let mut state = app(Lang::En, 80, 24);
    run(&mut state, &[Open, Down]);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 0));
    // The first level's page is longer than a page (see the page keys).
    wheel_down(&mut state, 50, 10);
    wheel_down(&mut state, 50, 10);
    assert_eq!(
        library(&state).scroll,
        Scroll::Line(6),
        "three lines a notch"
    );
    wheel_up(&mut state, 50, 10);
    assert_eq!(library(&state).scroll, Scroll::Line(3));
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 0));
    wheel_down(&mut state, 10, 10);
    assert_eq!(library(&state).selected, Node::Entry(Section::Levels, 1));
    assert_eq!(library(&state).scroll, Scroll::Line(0));
    wheel_up(&mut state, 10, 10);
    wheel_up(&mut state, 10, 10);
    assert_eq!(library(&state).selected, Node::Section(Section::Levels));
}
