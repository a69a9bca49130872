//! Where the parts of the shell go, as pure functions of the window's size.
//!
//! Drawing and mouse handling both ask here, so a click lands on the tab that
//! is drawn under it.

use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use super::i18n::{Lang, Msg};
use super::screens::ScreenId;

/// Below this many columns the shell shows a note instead of screens.
pub const MIN_WIDTH: u16 = 60;
/// Below this many rows the shell shows a note instead of screens.
pub const MIN_HEIGHT: u16 = 16;

/// The rows of the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shell {
    pub tabs: Rect,
    /// The line under the tabs.
    pub rule: Rect,
    /// The current screen's part.
    pub body: Rect,
    pub footer: Rect,
}

/// The shell's rows in `area`, or `None` when `area` is below the minimum.
pub fn shell(area: Rect) -> Option<Shell> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let row = |y: u16, height: u16| Rect::new(area.x, y, area.width, height);
    Some(Shell {
        tabs: row(area.y, 1),
        rule: row(area.y + 1, 1),
        body: row(area.y + 2, area.height - 3),
        footer: row(area.bottom() - 1, 1),
    })
}

/// One tab's place in the tab bar, in columns from the bar's left edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TabCell {
    pub id: ScreenId,
    pub x: u16,
    pub width: u16,
}

/// The program's name, as the tab bar starts: ` ladder `.
pub fn brand(lang: Lang) -> String {
    format!(" {} ", Msg::AppName.text(lang))
}

/// Where each tab sits: after the name, each title padded by a space on
/// both sides, one column apart.
pub fn tab_cells(lang: Lang) -> Vec<TabCell> {
    let mut x = width(&brand(lang)) + 1;
    ScreenId::ALL
        .into_iter()
        .map(|id| {
            let cell = TabCell {
                id,
                x,
                width: width(id.title(lang)) + 2,
            };
            x = x.saturating_add(cell.width + 1);
            cell
        })
        .collect()
}

/// The tab under the cell (`column`, `row`) of a window of `area`, if any.
pub fn tab_at(lang: Lang, area: Rect, column: u16, row: u16) -> Option<ScreenId> {
    let tabs = shell(area)?.tabs;
    if row != tabs.y {
        return None;
    }
    let column = column.checked_sub(tabs.x)?;
    tab_cells(lang)
        .into_iter()
        .find(|cell| (cell.x..cell.x + cell.width).contains(&column))
        .map(|cell| cell.id)
}

/// Which line of `area`, counted from its top, the cell (`column`, `row`)
/// is on; `None` when the cell is outside `area`.
pub fn line_at(area: Rect, column: u16, row: u16) -> Option<usize> {
    area.contains(Position::new(column, row))
        .then(|| usize::from(row - area.y))
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The columns `text` takes on a terminal (a Chinese character takes two).
pub fn width(text: &str) -> u16 {
    u16::try_from(text.width()).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_needs_sixty_by_sixteen() {
        assert_eq!(shell(Rect::new(0, 0, 59, 40)), None);
        assert_eq!(shell(Rect::new(0, 0, 200, 15)), None);
        let rows = shell(Rect::new(0, 0, 60, 16)).unwrap();
        assert_eq!(rows.tabs, Rect::new(0, 0, 60, 1));
        assert_eq!(rows.rule, Rect::new(0, 1, 60, 1));
        assert_eq!(rows.body, Rect::new(0, 2, 60, 13));
        assert_eq!(rows.footer, Rect::new(0, 15, 60, 1));
    }

    #[test]
    fn tabs_sit_after_the_name_one_column_apart() {
        // " ladder " is 8 columns; tabs start after one more.
        let cells = tab_cells(Lang::En);
        let places: Vec<(u16, u16)> = cells.iter().map(|c| (c.x, c.width)).collect();
        // " Overview " 10, " Assess " 8, " Drill " 7, " Checklists " 12, " Library " 9.
        assert_eq!(places, [(9, 10), (20, 8), (29, 7), (37, 12), (50, 9)]);
        // Chinese titles are two columns a character.
        let places: Vec<(u16, u16)> = tab_cells(Lang::Zh).iter().map(|c| (c.x, c.width)).collect();
        assert_eq!(places, [(9, 6), (16, 6), (23, 6), (30, 6), (37, 8)]);
    }

    #[test]
    fn every_tab_fits_in_the_narrowest_shell() {
        for lang in Lang::ALL {
            let last = tab_cells(lang).last().copied().unwrap();
            assert!(last.x + last.width <= MIN_WIDTH, "{lang}");
        }
    }

    #[test]
    fn a_click_finds_the_tab_drawn_under_it() {
        let area = Rect::new(0, 0, 80, 24);
        assert_eq!(tab_at(Lang::En, area, 9, 0), Some(ScreenId::Overview));
        assert_eq!(tab_at(Lang::En, area, 27, 0), Some(ScreenId::Assess));
        assert_eq!(tab_at(Lang::En, area, 28, 0), None, "the gap between tabs");
        assert_eq!(tab_at(Lang::En, area, 58, 0), Some(ScreenId::Library));
        assert_eq!(tab_at(Lang::En, area, 59, 0), None);
        assert_eq!(tab_at(Lang::En, area, 3, 0), None, "the program's name");
        assert_eq!(tab_at(Lang::En, area, 22, 1), None, "below the bar");
        assert_eq!(tab_at(Lang::Zh, area, 39, 0), Some(ScreenId::Library));
        let small = Rect::new(0, 0, 40, 10);
        assert_eq!(tab_at(Lang::En, small, 10, 0), None, "no tabs are drawn");
    }

    #[test]
    fn a_cell_is_on_a_line_of_an_area_only_inside_it() {
        let area = Rect::new(2, 3, 10, 5);
        assert_eq!(line_at(area, 2, 3), Some(0));
        assert_eq!(line_at(area, 11, 7), Some(4));
        assert_eq!(line_at(area, 12, 7), None, "right of it");
        assert_eq!(line_at(area, 5, 8), None, "below it");
        assert_eq!(line_at(area, 1, 4), None, "left of it");
        assert_eq!(line_at(Rect::new(0, 0, 0, 0), 0, 0), None);
    }

    #[test]
    fn centring_never_leaves_the_area() {
        let area = Rect::new(2, 3, 10, 5);
        assert_eq!(centered(area, 4, 1), Rect::new(5, 5, 4, 1));
        assert_eq!(centered(area, 40, 40), area);
    }
}
