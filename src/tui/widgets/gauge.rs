//! A one-row bar of a ratio with a threshold marked on it.
//!
//! The mark is a column of its own between the cells of the bar, not a cell
//! painted over it, so it stays visible however full the bar is, with or
//! without colour.

use ratatui::style::Style;
use ratatui::text::Span;

/// Eighths of a cell, from one to seven.
const PARTIAL: [char; 7] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL: char = '█';
const EMPTY: char = '░';
const MARK: char = '│';

/// How the parts of the bar look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarStyles {
    pub filled: Style,
    pub empty: Style,
    pub mark: Style,
}

/// The bar's cells, `width` columns in all: `ratio` (clamped to [0, 1]) of
/// the `width − 1` bar cells filled to an eighth of a cell, and the mark
/// after the cell where `threshold` falls. Under 2 columns there is no bar.
pub fn bar(ratio: f64, threshold: f64, width: usize) -> String {
    let (before, after) = halves(ratio, threshold, width);
    if width < 2 {
        return String::new();
    }
    format!("{before}{MARK}{after}")
}

/// The bar as styled pieces: filled, empty, mark, filled, empty.
pub fn spans(ratio: f64, threshold: f64, width: usize, styles: BarStyles) -> Vec<Span<'static>> {
    if width < 2 {
        return Vec::new();
    }
    let (before, after) = halves(ratio, threshold, width);
    let split = |text: String| -> [Span<'static>; 2] {
        let at = text.find(EMPTY).unwrap_or(text.len());
        [
            Span::styled(text[..at].to_owned(), styles.filled),
            Span::styled(text[at..].to_owned(), styles.empty),
        ]
    };
    let [a, b] = split(before);
    let [c, d] = split(after);
    vec![a, b, Span::styled(MARK.to_string(), styles.mark), c, d]
}

fn unit(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

/// The bar cells before and after the mark.
fn halves(ratio: f64, threshold: f64, width: usize) -> (String, String) {
    let cells = width.saturating_sub(1);
    let eighths = (unit(ratio) * (cells * 8) as f64).round() as usize;
    let mark = ((unit(threshold) * cells as f64).round() as usize).min(cells);
    let cell = |j: usize| match eighths.saturating_sub(j * 8) {
        0 => EMPTY,
        k if k >= 8 => FULL,
        k => PARTIAL[k - 1],
    };
    let before = (0..mark).map(cell).collect();
    let after = (mark..cells).map(cell).collect();
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_sits_at_the_threshold_and_the_fill_counts_eighths() {
        // 9 columns: 8 bar cells and the mark after cell round(0.75·8) = 6.
        // 50% of 8 cells is 4 full cells.
        assert_eq!(bar(0.5, 0.75, 9), "████░░│░░");
        // 81% of 64 eighths is 51.84, so 52: 6 full cells and a half one,
        // which lies past the mark.
        assert_eq!(bar(0.81, 0.75, 9), "██████│▌░");
        assert_eq!(bar(0.0, 0.75, 9), "░░░░░░│░░");
        assert_eq!(bar(1.0, 0.75, 9), "██████│██");
    }

    #[test]
    fn odd_inputs_still_give_a_bar_of_the_asked_width() {
        assert_eq!(bar(1.5, 1.0, 5), "████│");
        assert_eq!(bar(-1.0, 0.0, 5), "│░░░░");
        assert_eq!(bar(f64::NAN, 0.5, 3), "░│░");
        assert_eq!(bar(0.5, 0.5, 1), "");
        assert_eq!(bar(0.5, 0.5, 0), "");
    }

    #[test]
    fn the_styled_bar_reads_the_same() {
        let styles = BarStyles {
            filled: Style::new(),
            empty: Style::new(),
            mark: Style::new(),
        };
        let text: String = spans(0.81, 0.75, 9, styles)
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(text, "██████│▌░");
    }
}
