//! Tables laid out with box-drawing borders, columns shrunk and cell text
//! wrapped inside its cell when the table is wider than the space it has.

use pulldown_cmark::Alignment;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::MarkdownStyles;
use crate::tui::text::{display_width, line_width, truncate_line, wrap_spans};

/// The narrowest a column may get: one wide character.
const MIN_COLUMN: usize = 2;

type Cell = Vec<Span<'static>>;

/// A table's cells as they arrive from the parser.
pub(super) struct Table {
    alignments: Vec<Alignment>,
    rows: Vec<Vec<Cell>>,
    header_rows: usize,
    row: Vec<Cell>,
}

impl Table {
    pub(super) fn new(alignments: Vec<Alignment>) -> Self {
        Self {
            alignments,
            rows: Vec::new(),
            header_rows: 0,
            row: Vec::new(),
        }
    }

    pub(super) fn push_cell(&mut self, cell: Cell) {
        self.row.push(cell);
    }

    pub(super) fn end_row(&mut self, header: bool) {
        self.rows.push(std::mem::take(&mut self.row));
        if header {
            self.header_rows = self.rows.len();
        }
    }

    /// The table's lines, none wider than `width`.
    pub(super) fn render(&self, width: usize, styles: &MarkdownStyles) -> Vec<Line<'static>> {
        let columns = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.alignments.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return Vec::new();
        }
        let borders = 3 * columns + 1;
        if width < borders + MIN_COLUMN * columns {
            return self.render_stacked(width, styles);
        }
        let natural: Vec<usize> = (0..columns)
            .map(|column| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(column))
                    .map(natural_width)
                    .max()
                    .unwrap_or(0)
                    .max(1)
            })
            .collect();
        let widths = fit_columns(&natural, width - borders);

        let border = |left: &str, fill: &str, middle: &str, right: &str| {
            let inner: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
            let text = format!("{left}{}{right}", inner.join(middle));
            Line::from(Span::styled(text, styles.table_border))
        };
        let body_wraps = self.rows[self.header_rows..]
            .iter()
            .any(|row| self.row_lines(row, &widths, Style::new()).len() > 1);

        let mut out = vec![border("┌", "─", "┬", "┐")];
        for (index, row) in self.rows.iter().enumerate() {
            let header = index < self.header_rows;
            if index > 0 && index == self.header_rows {
                out.push(border("╞", "═", "╪", "╡"));
            } else if index > self.header_rows && body_wraps {
                // Once a row spans several lines, rules between rows show
                // where one ends and the next begins.
                out.push(border("├", "─", "┼", "┤"));
            }
            let base = if header {
                styles.table_header
            } else {
                Style::new()
            };
            out.extend(
                self.row_lines(row, &widths, base)
                    .into_iter()
                    .map(|cells| self.join_cells(cells, &widths, styles.table_border)),
            );
        }
        out.push(border("└", "─", "┴", "┘"));
        out
    }

    /// Each line of a row: the wrapped text of every cell at that line.
    fn row_lines(&self, row: &[Cell], widths: &[usize], base: Style) -> Vec<Vec<Line<'static>>> {
        let wrapped: Vec<Vec<Line<'static>>> = widths
            .iter()
            .enumerate()
            .map(|(column, &width)| {
                let spans: Vec<Span<'static>> = row
                    .get(column)
                    .into_iter()
                    .flatten()
                    .map(|span| Span::styled(span.content.clone(), base.patch(span.style)))
                    .collect();
                wrap_spans(&spans, width)
                    .iter()
                    .map(|line| truncate_line(line, width))
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        (0..height)
            .map(|line| {
                wrapped
                    .iter()
                    .map(|cell| cell.get(line).cloned().unwrap_or_default())
                    .collect()
            })
            .collect()
    }

    fn join_cells(
        &self,
        cells: Vec<Line<'static>>,
        widths: &[usize],
        border: Style,
    ) -> Line<'static> {
        let mut spans = vec![Span::styled("│ ", border)];
        for (column, (cell, &width)) in cells.into_iter().zip(widths).enumerate() {
            if column > 0 {
                spans.push(Span::styled(" │ ", border));
            }
            let room = width.saturating_sub(line_width(&cell));
            let (before, after) = match self.alignments.get(column) {
                Some(Alignment::Right) => (room, 0),
                Some(Alignment::Center) => (room / 2, room - room / 2),
                _ => (0, room),
            };
            spans.push(Span::raw(" ".repeat(before)));
            spans.extend(cell.spans);
            spans.push(Span::raw(" ".repeat(after)));
        }
        spans.push(Span::styled(" │", border));
        Line::from(spans)
    }

    /// Too narrow for borders: each cell on its own lines, rows separated by
    /// a rule.
    fn render_stacked(&self, width: usize, styles: &MarkdownStyles) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (index, row) in self.rows.iter().enumerate() {
            if index > 0 {
                out.push(Line::from(Span::styled(
                    "─".repeat(width),
                    styles.table_border,
                )));
            }
            let base = if index < self.header_rows {
                styles.table_header
            } else {
                Style::new()
            };
            for cell in row {
                let spans: Vec<Span<'static>> = cell
                    .iter()
                    .map(|span| Span::styled(span.content.clone(), base.patch(span.style)))
                    .collect();
                out.extend(wrap_spans(&spans, width));
            }
        }
        out
    }
}

/// The width a cell needs to show its text without wrapping.
fn natural_width(cell: &Cell) -> usize {
    let text: String = cell.iter().map(|span| span.content.as_ref()).collect();
    text.split('\n').map(display_width).max().unwrap_or(0)
}

/// Column widths that add up to at most `available`: columns that fit their
/// natural width keep it, and the space left is shared equally among the
/// wider ones (max-min fair), so a short column is never squeezed to make
/// room for a long one. `available` must allow `MIN_COLUMN` per column.
fn fit_columns(natural: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let mut widths = vec![0; natural.len()];
    let mut open: Vec<usize> = (0..natural.len()).collect();
    open.sort_by_key(|&column| natural[column]);
    let mut remaining = available;
    while let Some(&narrowest) = open.first() {
        let share = remaining / open.len();
        if natural[narrowest] <= share {
            widths[narrowest] = natural[narrowest];
            remaining -= natural[narrowest];
            open.remove(0);
            continue;
        }
        // Every open column is wider than its share: split what is left,
        // the extra cells going to the widest columns.
        let extra = remaining % open.len();
        for (rank, &column) in open.iter().rev().enumerate() {
            widths[column] = share + usize::from(rank < extra);
        }
        break;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::fit_columns;

    #[test]
    fn narrow_columns_keep_their_width_and_wide_ones_share_the_rest() {
        assert_eq!(fit_columns(&[10, 8, 24], 30), [10, 8, 12]);
        assert_eq!(fit_columns(&[3, 4], 20), [3, 4]);
        // 25 cells among three wide columns: 8 each, the widest gets the 9th.
        assert_eq!(fit_columns(&[20, 30, 40], 25), [8, 8, 9]);
    }
}
