//! The search window driven with made-up actions in an 80×24 terminal.
//!
//! There the body is 80×21 from row 2; the window is 76×19 centred in it,
//! at column 2, row 3. Inside its border and a column of padding each side
//! the text starts at column 4, row 4: the query on row 4, the count on row
//! 5, a blank row, then results from row 7 to row 20, two rows each, so
//! seven show at once.

use ratatui::layout::Rect;

use super::*;
use crate::core::content::built_in;

const WINDOW: Rect = Rect::new(0, 0, 80, 24);

fn searching(query: &str) -> Search {
    let mut search = Search::open(&built_in().unwrap().pack, Lang::En);
    for c in query.chars() {
        search.update(Action::Input(c), WINDOW);
    }
    search
}

fn click(search: &mut Search, column: u16, row: u16) -> Option<Outcome> {
    search.update(Action::Click { column, row }, WINDOW)
}

#[test]
fn a_click_chooses_a_result_and_a_second_click_on_it_goes_there() {
    let mut search = searching("review");
    let results: Vec<Target> = search.results().into_iter().cloned().collect();
    assert!(results.len() > 9, "{} results", results.len());
    // Result 1 is on rows 9 and 10.
    assert_eq!(click(&mut search, 10, 9), Some(Outcome::Stay));
    assert_eq!(search.chosen(), Some(&results[1]));
    assert_eq!(
        click(&mut search, 75, 10),
        Some(Outcome::Jump(results[1].clone()))
    );
}

#[test]
fn a_click_finds_the_result_drawn_under_it_once_the_list_has_moved() {
    let mut search = searching("review");
    let results: Vec<Target> = search.results().into_iter().cloned().collect();
    for _ in 0..8 {
        search.update(Action::Down, WINDOW);
    }
    // With result 8 chosen, results 2 to 8 show: result 2 on rows 7 and 8.
    assert_eq!(click(&mut search, 10, 8), Some(Outcome::Stay));
    assert_eq!(search.chosen(), Some(&results[2]));
}

#[test]
fn clicks_off_the_results_do_nothing() {
    let mut search = searching("review");
    let chosen = search.chosen().cloned();
    // The query, the count, the padding, the border, outside the window.
    for (column, row) in [(10, 4), (10, 5), (3, 8), (10, 21), (1, 10)] {
        assert_eq!(click(&mut search, column, row), None, "({column}, {row})");
    }
    assert_eq!(search.chosen().cloned(), chosen);
    let mut nothing = searching("");
    assert_eq!(click(&mut nothing, 10, 7), None, "no results yet");
}

#[test]
fn the_wheel_moves_the_choice() {
    let mut search = searching("review");
    let results: Vec<Target> = search.results().into_iter().cloned().collect();
    let down = Action::ScrollDown { column: 0, row: 0 };
    search.update(down.clone(), WINDOW);
    search.update(down, WINDOW);
    search.update(Action::ScrollUp { column: 0, row: 0 }, WINDOW);
    assert_eq!(search.chosen(), Some(&results[1]));
}

#[test]
fn a_snippet_shows_code_without_backticks() {
    use ratatui::buffer::Buffer;
    use ratatui::style::Modifier;
    // "Wraps errors with `%w` and inspects them with `errors.Is`/..."
    let search = searching("tech-depth.p6.idiomatic-errors-context");
    let mut buffer = Buffer::empty(WINDOW);
    render(&search, WINDOW, Lang::En, &Theme::no_color(), &mut buffer);
    let row: String = (0..80).map(|x| buffer[(x, 8)].symbol()).collect();
    // The border is at column 2 and the text starts two columns into the
    // inside (column 6); it is cut with one `…` at the last column inside
    // the padding (column 75).
    assert!(
        row.starts_with("  │   Wraps errors with %w and inspects them with errors.Is/errors.As;"),
        "{row}"
    );
    assert_eq!(row.matches('…').count(), 1, "{row}");
    assert_eq!(buffer[(75, 8)].symbol(), "…", "{row}");
    // "%w" starts at 6 + 18.
    assert!(buffer[(24, 8)].modifier.contains(Modifier::UNDERLINED));
    assert!(!buffer[(22, 8)].modifier.contains(Modifier::UNDERLINED));
}
