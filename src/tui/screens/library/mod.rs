//! Library: everything the pack holds, to browse and read.
//!
//! A list of sections on the left (levels, dimensions, the steps between
//! levels, articles, checklists, questions), the selected entry's page on
//! the right. `↑↓` move in the list and the page follows; `Enter` opens a
//! section, or moves the keys to the page to read it; `Esc` goes back.

mod doc;
mod pages;
mod tree;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use self::doc::{Laid, lay_out};
use self::tree::{Node, Section, entry_label, visible};
use super::{Ctx, Screen, View};
use crate::core::content::Pack;
use crate::core::search::Target;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::layout;
use crate::tui::state::Effect;
use crate::tui::text::pad_to;
use crate::tui::theme::Theme;

/// How far the page is scrolled: a line, or the start of an item not yet
/// placed (its line depends on the width the page is laid out at).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scroll {
    Line(usize),
    Anchor(String),
}

impl Default for Scroll {
    fn default() -> Self {
        Scroll::Line(0)
    }
}

/// The state of the Library screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The sections whose entries are listed.
    expanded: Vec<Section>,
    /// The row selected in the list; its page is on show.
    selected: Node,
    /// Whether the keys scroll the page rather than move in the list.
    reading: bool,
    scroll: Scroll,
}

/// The parts of the screen.
struct Panes {
    list: Rect,
    /// The line between the list and the page.
    rule: Rect,
    /// The page's text.
    page: Rect,
    /// Under the page: the note that there is more.
    below: Rect,
}

fn panes(area: Rect) -> Panes {
    let list_width = (area.width / 3).clamp(18, 32).min(area.width);
    let top = area.y.saturating_add(1);
    let height = area.height.saturating_sub(2);
    let page_x = area.x.saturating_add(list_width + 2);
    let page = Rect::new(page_x, top, area.right().saturating_sub(page_x + 1), height);
    Panes {
        list: Rect::new(area.x + 1, top, list_width.saturating_sub(2), height),
        rule: Rect::new(area.x + list_width, area.y, 1, area.height),
        page,
        below: Rect::new(page.x, page.bottom(), page.width, area.height.min(1)),
    }
}

impl Library {
    fn rows(&self, pack: &Pack) -> Vec<Node> {
        visible(pack, &self.expanded)
    }

    fn laid(&self, pack: &Pack, lang: Lang, width: u16, theme: &Theme) -> Laid {
        lay_out(
            &pages::page(pack, lang, self.selected),
            usize::from(width),
            theme,
        )
    }

    /// The first line on show, for a page of `height` rows.
    fn scroll_line(&self, laid: &Laid, height: usize) -> usize {
        let last = laid.lines.len().saturating_sub(height);
        let line = match &self.scroll {
            Scroll::Line(line) => *line,
            Scroll::Anchor(id) => laid.anchor(id).unwrap_or(0),
        };
        line.min(last)
    }

    fn select(&mut self, node: Node) {
        if node != self.selected {
            self.selected = node;
            self.scroll = Scroll::default();
        }
    }

    fn move_by(&mut self, pack: &Pack, action: Action) -> Option<Vec<Effect>> {
        let rows = self.rows(pack);
        let at = rows.iter().position(|n| *n == self.selected).unwrap_or(0);
        let to = match action {
            Action::Up => at.saturating_sub(1),
            Action::Down => at + 1,
            Action::Home => 0,
            _ => rows.len(),
        }
        .min(rows.len().saturating_sub(1));
        if let Some(node) = rows.get(to) {
            self.select(*node);
        }
        Some(Vec::new())
    }

    fn scroll_by(&mut self, action: Action, ctx: &Ctx, pack: &Pack) -> Option<Vec<Effect>> {
        let page = panes(ctx.body).page;
        // Styles do not change where lines break, so any theme will do.
        let laid = self.laid(pack, ctx.lang, page.width, &Theme::no_color());
        let height = usize::from(page.height);
        let last = laid.lines.len().saturating_sub(height);
        let now = self.scroll_line(&laid, height);
        let step = height.saturating_sub(1).max(1);
        let line = match action {
            Action::Up => now.saturating_sub(1),
            Action::Down => now + 1,
            // A wheel notch moves a few lines, as in most readers.
            Action::ScrollUp { .. } => now.saturating_sub(3),
            Action::ScrollDown { .. } => now + 3,
            Action::PageUp => now.saturating_sub(step),
            Action::PageDown => now + step,
            Action::Home => 0,
            _ => last,
        };
        self.scroll = Scroll::Line(line.min(last));
        Some(Vec::new())
    }

    fn open(&mut self) -> Option<Vec<Effect>> {
        match self.selected {
            _ if self.reading => return None,
            Node::Section(section) => {
                if let Some(at) = self.expanded.iter().position(|s| *s == section) {
                    self.expanded.remove(at);
                } else {
                    self.expanded.push(section);
                }
            }
            Node::Entry(..) => self.reading = true,
        }
        Some(Vec::new())
    }

    fn back(&mut self) -> Option<Vec<Effect>> {
        if self.reading {
            self.reading = false;
            return Some(Vec::new());
        }
        // At the top of a closed list there is nowhere further back; the
        // key is still the Library's, so it does not fall through.
        let section = self.selected.section();
        if let Some(expanded) = self.expanded.iter().position(|s| *s == section) {
            self.expanded.remove(expanded);
            self.select(Node::Section(section));
        }
        Some(Vec::new())
    }

    /// Where `target` is read in the Library: its entry and the anchor
    /// the page scrolls to.
    fn place(pack: &Pack, target: &Target) -> Option<(Node, Option<String>)> {
        match target {
            Target::Indicator(id) => {
                let (dimension, _) = pack.indicator(id)?;
                let n = pack
                    .dimensions
                    .iter()
                    .position(|d| d.id.value == dimension.id.value)?;
                Some((Node::Entry(Section::Dimensions, n), Some(id.clone())))
            }
            Target::Question(id) => {
                let question = pack.question(id)?;
                let n = pack
                    .categories
                    .iter()
                    .position(|c| c.id.value == question.category.value)?;
                Some((Node::Entry(Section::Questions, n), Some(id.clone())))
            }
            Target::ChecklistItem { checklist, item } => {
                let n = pack
                    .checklists
                    .iter()
                    .position(|c| c.id.value == *checklist)?;
                Some((Node::Entry(Section::Checklists, n), Some(item.clone())))
            }
            Target::Article(id) => {
                let n = pack.articles.iter().position(|a| a.id.value == *id)?;
                Some((Node::Entry(Section::Articles, n), None))
            }
        }
    }

    /// The first of `rows` on show in a list `height` rows tall: the
    /// selected one is always among them.
    fn first_row(&self, rows: &[Node], height: u16) -> usize {
        let at = rows.iter().position(|n| *n == self.selected).unwrap_or(0);
        (at + 1).saturating_sub(usize::from(height))
    }

    /// The row of the list drawn at (`column`, `row`) in a body of `body`.
    fn node_at(&self, pack: &Pack, body: Rect, column: u16, row: u16) -> Option<Node> {
        let list = panes(body).list;
        let line = layout::line_at(list, column, row)?;
        let rows = self.rows(pack);
        rows.get(self.first_row(&rows, list.height) + line).copied()
    }

    /// A click on a row of the list selects it, and opens or closes a
    /// section as Enter does; a click on an entry's page gives it the keys.
    fn click(&mut self, pack: &Pack, body: Rect, column: u16, row: u16) -> Option<Vec<Effect>> {
        if let Some(node) = self.node_at(pack, body, column, row) {
            self.reading = false;
            self.select(node);
            if let Node::Section(_) = node {
                return self.open();
            }
            return Some(Vec::new());
        }
        let on_page = layout::line_at(panes(body).page, column, row).is_some();
        match self.selected {
            Node::Entry(..) if on_page && !self.reading => self.open(),
            _ => None,
        }
    }

    fn render_list(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let pack = &view.data.pack;
        let rows = self.rows(pack);
        let skip = self.first_row(&rows, area.height);
        let width = usize::from(area.width);
        for (node, row) in rows.iter().skip(skip).zip(area.rows()) {
            // The selection is marked `›` as on Assess, so that it shows
            // without colour or reverse video too.
            let mark = if *node == self.selected { "› " } else { "  " };
            let (text, style) = match node {
                Node::Section(section) => {
                    let mark = if self.expanded.contains(section) {
                        "▾"
                    } else {
                        "▸"
                    };
                    (
                        format!("{mark} {}", section.title(view.lang)),
                        view.theme.heading,
                    )
                }
                Node::Entry(section, n) => (
                    format!("  {}", entry_label(pack, view.lang, *section, *n)),
                    view.theme.text,
                ),
            };
            let style = if *node == self.selected {
                let chosen = view.theme.tab_active;
                // While the page has the keys, the list's choice steps back.
                if self.reading {
                    chosen.add_modifier(Modifier::DIM)
                } else {
                    chosen
                }
            } else {
                style
            };
            let padded = pad_to(&format!("{mark}{text}"), width);
            Line::from(Span::styled(padded, style)).render(row, buf);
        }
    }
}

impl Screen for Library {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        let pack = &data.pack;
        match action {
            Action::Click { column, row } => self.click(pack, ctx.body, column, row),
            // The wheel over the list moves in it; anywhere else it scrolls
            // the page, whichever has the keys.
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row }
                if layout::line_at(panes(ctx.body).list, column, row).is_some() =>
            {
                let step = match action {
                    Action::ScrollUp { .. } => Action::Up,
                    _ => Action::Down,
                };
                self.move_by(pack, step)
            }
            Action::PageUp
            | Action::PageDown
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. } => self.scroll_by(action, ctx, pack),
            Action::Up | Action::Down | Action::Home | Action::End if self.reading => {
                self.scroll_by(action, ctx, pack)
            }
            Action::Up | Action::Down | Action::Home | Action::End => self.move_by(pack, action),
            Action::Open => self.open(),
            Action::Back => self.back(),
            _ => None,
        }
    }

    fn focus(&mut self, target: &Target, data: &Data) -> bool {
        let Some((node, anchor)) = Library::place(&data.pack, target) else {
            return false;
        };
        let section = node.section();
        if !self.expanded.contains(&section) {
            self.expanded.push(section);
        }
        self.selected = node;
        self.scroll = anchor.map_or(Scroll::default(), Scroll::Anchor);
        self.reading = true;
        true
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let area = area.intersection(buf.area);
        let panes = panes(area);
        self.render_list(panes.list.intersection(area), buf, view);
        for row in panes.rule.intersection(area).rows() {
            Line::from(Span::styled("│", view.theme.border)).render(row, buf);
        }
        let page = panes.page.intersection(area);
        let laid = self.laid(&view.data.pack, view.lang, page.width, view.theme);
        let scroll = self.scroll_line(&laid, usize::from(page.height));
        for (line, row) in laid.lines.iter().skip(scroll).zip(page.rows()) {
            line.render(row, buf);
        }
        if scroll + usize::from(page.height) < laid.lines.len() {
            Line::from(Span::styled(
                Msg::HelpMoreBelow.text(view.lang),
                view.theme.muted,
            ))
            .right_aligned()
            .render(panes.below.intersection(area), buf);
        }
    }
}
