//! A run: the checklist's sections and items beside the selected item's
//! text, severity, note, why and how to verify it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::symbols::line;
use ratatui::text::{Line, Span};

use super::status::{self, put};
use super::words::{self, Word};
use super::{Checklists, ChecklistsMode, Note};
use crate::core::checklist::{Run, Tally, Verdict};
use crate::core::content::{Checklist, ChecklistItem, ChecklistSection, Severity};
use crate::core::ids::RunId;
use crate::core::report::keep_lines;
use crate::core::workspace::RunCommand;
use crate::tui::action::{Action, EditTarget};
use crate::tui::data::Data;
use crate::tui::screens::assess::editor::Editor;
use crate::tui::screens::{Ctx, View};
use crate::tui::state::Effect;
use crate::tui::text::{inline_spans, wrap, wrap_spans};
use crate::tui::theme::Theme;
use crate::tui::widgets::gauge::{self, BarStyles};
use crate::tui::widgets::markdown::{self, MarkdownStyles};

/// The items shown, with their sections, under the view's filters.
pub(super) fn shown<'p>(
    checklist: &'p Checklist,
    run: &Run,
    failed_only: bool,
    severity: Option<Severity>,
) -> Vec<(&'p ChecklistSection, &'p ChecklistItem)> {
    checklist
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |i| (s, i)))
        .filter(|(_, item)| !failed_only || run.verdict(&item.id) == Some(Verdict::Fail))
        .filter(|(_, item)| severity.is_none_or(|s| item.severity.value == s))
        .collect()
}

/// The next severity filter: all, must, should, nice, all.
fn next_severity(now: Option<Severity>) -> Option<Severity> {
    match now {
        None => Some(Severity::Must),
        Some(Severity::Must) => Some(Severity::Should),
        Some(Severity::Should) => Some(Severity::Nice),
        Some(Severity::Nice) => None,
    }
}

impl Checklists {
    /// The open run and its checklist.
    fn open_run<'d>(&self, data: &'d Data) -> Option<(&'d Run, Option<&'d Checklist>)> {
        let run = data.run(&self.open.as_ref()?.id)?;
        Some((run, data.pack.checklist(&run.checklist)))
    }

    /// The open run's id and the selected item's id.
    pub(super) fn selected_item(&self, data: &Data) -> Option<(RunId, String)> {
        let view = self.open.as_ref()?;
        let (run, checklist) = self.open_run(data)?;
        let items = shown(checklist?, run, view.failed_only, view.severity);
        let (_, item) = items.get(view.selected.min(items.len().saturating_sub(1)))?;
        Some((run.id.clone(), item.id.value.clone()))
    }

    pub(super) fn update_run(
        &mut self,
        action: Action,
        ctx: &Ctx,
        data: &mut Data,
    ) -> Option<Vec<Effect>> {
        let (len, open_from) = {
            let view = self.open.as_ref()?;
            let (run, checklist) = self.open_run(data)?;
            let items =
                checklist.map_or_else(Vec::new, |c| shown(c, run, view.failed_only, view.severity));
            let selected = view.selected.min(items.len().saturating_sub(1));
            // The next open item after the selected one, wrapping round.
            let next_open = (1..=items.len())
                .map(|step| (selected + step) % items.len().max(1))
                .find(|&i| {
                    items
                        .get(i)
                        .is_some_and(|(_, it)| run.verdict(&it.id).is_none())
                });
            (items.len(), next_open)
        };
        let last = len.saturating_sub(1);
        let page = usize::from(ctx.body.height).saturating_sub(6).max(1);
        let mut effects = Vec::new();
        let before = self.open.as_ref()?.selected;
        match action {
            Action::Up => self.view_mut()?.selected = before.min(last).saturating_sub(1),
            Action::Down => self.view_mut()?.selected = (before + 1).min(last),
            Action::Home => self.view_mut()?.selected = 0,
            Action::End => self.view_mut()?.selected = last,
            Action::PageUp => {
                let view = self.view_mut()?;
                view.scroll = view.scroll.saturating_sub(page);
            }
            Action::PageDown => {
                let last = self.last_detail_scroll(ctx, data);
                let view = self.view_mut()?;
                view.scroll = (view.scroll + page).min(last);
            }
            Action::NextOpen => match open_from {
                Some(i) => self.view_mut()?.selected = i,
                None => self.note = Some(Note::Word(Word::NoOpenLeft)),
            },
            Action::ToggleFailed => {
                let view = self.view_mut()?;
                view.failed_only ^= true;
                view.selected = 0;
            }
            Action::FilterSeverity => {
                let view = self.view_mut()?;
                view.severity = next_severity(view.severity);
                view.selected = 0;
            }
            // Pass and n/a move on, the way one reads a list; a failure
            // stays, so that its note can be written at once.
            Action::Pass | Action::NotApplicable => {
                let verdict = if action == Action::Pass {
                    Verdict::Pass
                } else {
                    Verdict::Na
                };
                effects = self.set_result(Some(verdict), data);
                let view = self.view_mut()?;
                if !view.failed_only {
                    view.selected = (before + 1).min(last);
                }
            }
            Action::Fail => effects = self.set_result(Some(Verdict::Fail), data),
            Action::SectionNotApplicable => effects = self.rest_of_section_na(data),
            Action::Reopen => effects = self.set_result(None, data),
            Action::Edit | Action::EditExternally => {
                let (run, item) = self.selected_item(data)?;
                let text = data.run(&run)?.note(&item).unwrap_or_default().to_owned();
                if action == Action::EditExternally {
                    effects.push(Effect::EditExternally {
                        target: EditTarget::Note { run, item },
                        text,
                    });
                } else {
                    self.mode = ChecklistsMode::Note(Box::new(Editor::new(&item, &text)));
                }
            }
            Action::ShowResult => {
                self.mode = self.result_mode(data);
                self.view_mut()?.scroll = 0;
            }
            Action::Back => {
                self.mode = ChecklistsMode::Home;
                self.open = None;
                return Some(effects);
            }
            _ => return None,
        }
        // The item shown may have left the filtered list.
        let len = match (self.open.as_ref(), self.open_run(data)) {
            (Some(view), Some((run, Some(c)))) => {
                shown(c, run, view.failed_only, view.severity).len()
            }
            _ => return Some(effects),
        };
        let in_run = self.mode == ChecklistsMode::Run;
        let view = self.view_mut()?;
        if view.selected != before && in_run {
            view.scroll = 0;
        }
        view.selected = view.selected.min(len.saturating_sub(1));
        Some(effects)
    }

    /// The furthest the selected item's details scroll, laid out as
    /// [`draw`] lays them out.
    fn last_detail_scroll(&self, ctx: &Ctx, data: &Data) -> usize {
        let Some(((section, item), run)) = self.open.as_ref().and_then(|view| {
            let (run, checklist) = self.open_run(data)?;
            let items = shown(checklist?, run, view.failed_only, view.severity);
            let picked = *items.get(view.selected.min(items.len().saturating_sub(1)))?;
            Some((picked, run))
        }) else {
            return 0;
        };
        let theme = Theme::no_color();
        let view = View {
            lang: ctx.lang,
            theme: &theme,
            data,
        };
        let main_width = ctx.body.width.saturating_sub(2);
        let width = main_width.saturating_sub(main_width * 2 / 5 + 2);
        let height = usize::from(ctx.body.height.saturating_sub(4));
        let len = detail_lines(run, section, item, &view, usize::from(width)).len();
        len.saturating_sub(height.saturating_sub(1))
    }

    /// Marks every open item of the selected item's section not applicable,
    /// and moves to the first item after the section: a change that does
    /// not touch a topic skips it in one key.
    fn rest_of_section_na(&mut self, data: &mut Data) -> Vec<Effect> {
        let Some((run_id, item_id)) = self.selected_item(data) else {
            return Vec::new();
        };
        let Some((run, Some(checklist))) = self.open_run(data) else {
            return Vec::new();
        };
        let Some(section) = checklist
            .sections
            .iter()
            .find(|s| s.items.iter().any(|i| i.id.value == item_id))
        else {
            return Vec::new();
        };
        let open: Vec<String> = section
            .items
            .iter()
            .filter(|i| run.verdict(&i.id).is_none())
            .map(|i| i.id.value.clone())
            .collect();
        let last_of_section = section.items.last().map(|i| i.id.value.clone());
        let mut effects = Vec::new();
        for item in open {
            for effect in self.apply(
                RunCommand::SetResult {
                    run: run_id.clone(),
                    item,
                    result: Some(Verdict::Na),
                },
                data,
            ) {
                if !effects.contains(&effect) {
                    effects.push(effect);
                }
            }
        }
        // On to the item after the section's last, where the list shows it.
        if let (Some(view), Some((run, Some(checklist)))) =
            (self.open.as_ref(), self.open_run(data))
        {
            let items = shown(checklist, run, view.failed_only, view.severity);
            let next = items
                .iter()
                .position(|(_, i)| Some(&i.id.value) == last_of_section.as_ref())
                .map(|at| at + 1);
            if let (Some(next), Some(view)) = (next, self.open.as_mut()) {
                view.selected = next.min(items.len().saturating_sub(1));
            }
        }
        effects
    }

    pub(super) fn view_mut(&mut self) -> Option<&mut super::RunView> {
        self.open.as_mut()
    }
}

/// The styles Markdown is drawn with under `theme`.
pub(super) fn markdown_styles(theme: &Theme) -> MarkdownStyles {
    if *theme == Theme::no_color() {
        MarkdownStyles::plain()
    } else {
        MarkdownStyles::default()
    }
}

/// The title row and the progress row of a run.
pub(super) fn header(
    run: &Run,
    checklist: Option<&Checklist>,
    view: &View<'_>,
    width: usize,
) -> [Line<'static>; 2] {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let name = checklist.map_or_else(
        || crate::core::sanitize::neutralize_controls(&run.checklist).into_owned(),
        |c| c.name.get(lang.code(), data.fallback()).to_owned(),
    );
    let title = Line::from(vec![
        Span::styled(name, theme.muted),
        Span::styled(" · ", theme.muted),
        Span::styled(run.name.replace('\n', " "), theme.heading),
    ]);
    let tally = Tally::of(run, checklist);
    let bar_width = (width / 4).clamp(8, 24);
    let styles = BarStyles {
        filled: theme.text,
        empty: theme.muted,
        mark: theme.muted,
    };
    // The mark sits at the end: a run is done when every item has a result.
    let mut spans = gauge::spans(tally.progress(), 1.0, bar_width, styles);
    spans.push(Span::styled(
        format!(
            " {} · {}",
            words::progress(lang, &tally.counts, tally.failed_must),
            words::score(lang, tally.score())
        ),
        theme.text,
    ));
    [title, Line::from(spans)]
}

/// The width of the details beside the list (where a note is written),
/// in a run drawn `width` columns wide inside its margins.
fn detail_width(width: u16) -> u16 {
    width.saturating_sub(width * 2 / 5 + 2)
}

/// The width of the note editor on a screen `body` wide.
pub(super) fn note_width(body: Rect) -> u16 {
    detail_width(body.inner(Margin::new(1, 0)).width)
}

/// Draws the open run.
pub(super) fn draw(state: &Checklists, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area).inner(Margin::new(1, 0));
    let (Some(open), Some((run, checklist))) = (&state.open, state.open_run(view.data)) else {
        return;
    };
    if area.height < 5 {
        return;
    }
    let (lang, theme) = (view.lang, view.theme);
    let width = usize::from(area.width);
    let [title, progress] = header(run, checklist, view, width);
    put(Rect { height: 1, ..area }, buf, title);
    put(Rect::new(area.x, area.y + 1, area.width, 1), buf, progress);
    let on_off = |on: bool| if on { Word::On } else { Word::Off }.text(lang);
    let severity = open
        .severity
        .map_or(Word::All.text(lang), |s| words::severity_word(lang, s));
    let colon = lang.pick("：", ": ");
    let filters = Line::from(vec![
        Span::styled("o", theme.key),
        Span::styled(
            format!(" {}{colon}", Word::FailedOnly.text(lang)),
            theme.muted,
        ),
        Span::styled(on_off(open.failed_only), theme.text),
        Span::raw("  "),
        Span::styled("s", theme.key),
        Span::styled(
            format!(" {}{colon}", Word::Severity.text(lang)),
            theme.muted,
        ),
        Span::styled(severity, theme.text),
    ]);
    put(Rect::new(area.x, area.y + 2, area.width, 1), buf, filters);
    let main = Rect::new(area.x, area.y + 3, area.width, area.height - 4);
    let status_row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let Some(checklist) = checklist else {
        put(
            main,
            buf,
            Line::from(Span::styled(Word::ChecklistGone.text(lang), theme.muted)),
        );
        status::draw(state, status_row, buf, view);
        return;
    };
    let list_width = main.width * 2 / 5;
    let list = Rect {
        width: list_width,
        ..main
    };
    let detail = Rect::new(
        main.x + list_width + 2,
        main.y,
        detail_width(main.width),
        main.height,
    );
    for y in list.top()..list.bottom() {
        if let Some(cell) = buf.cell_mut((list.right(), y)) {
            cell.set_symbol(line::VERTICAL).set_style(theme.border);
        }
    }
    let items = shown(checklist, run, open.failed_only, open.severity);
    let selected = open.selected.min(items.len().saturating_sub(1));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    let mut section_id = None;
    for (index, (section, item)) in items.iter().enumerate() {
        if section_id != Some(section.id.value.as_str()) {
            section_id = Some(section.id.value.as_str());
            lines.push(Line::from(Span::styled(
                section
                    .name
                    .get(lang.code(), view.data.fallback())
                    .to_owned(),
                theme.heading,
            )));
        }
        if index == selected {
            selected_line = lines.len();
        }
        let verdict = run.verdict(&item.id);
        // The note mark and a space, or two spaces: the text starts in one
        // column either way.
        let noted = if run.note(&item.id).is_some() {
            "✎ "
        } else {
            "  "
        };
        let style = if index == selected {
            theme.text.add_modifier(Modifier::REVERSED)
        } else if verdict.is_some() {
            theme.muted
        } else {
            theme.text
        };
        let lead = format!(
            "{} {} {noted}",
            words::mark(verdict),
            words::severity_letter(item.severity.value),
        );
        let text = item
            .text
            .get(lang.code(), view.data.fallback())
            .replace('\n', " ");
        // Code in the item's text is styled as on every screen, not shown
        // with its backticks.
        // The selection is marked with `›` as on Assess, not by reverse
        // video alone, so it shows without colour too.
        let marker = if index == selected { "›" } else { " " };
        let mut spans = vec![Span::styled(marker, theme.text), Span::styled(lead, style)];
        spans.extend(inline_spans(&text, style, theme.code));
        lines.push(Line::from(spans));
    }
    if items.is_empty() {
        let note = wrap(Word::NoItemsShown.text(lang), usize::from(list.width));
        lines.extend(
            note.into_iter()
                .map(|l| Line::from(Span::styled(l, theme.muted))),
        );
    }
    let height = usize::from(list.height);
    let skip = (selected_line + 2).saturating_sub(height);
    for (line, y) in lines.into_iter().skip(skip).zip(list.top()..list.bottom()) {
        put(Rect::new(list.x, y, list.width, 1), buf, line);
    }
    match &state.mode {
        ChecklistsMode::Note(editor) => {
            put(
                Rect {
                    height: 1,
                    ..detail
                },
                buf,
                Line::from(Span::styled(Word::NoteTitle.text(lang), theme.muted)),
            );
            editor.render(
                Word::YourNote.text(lang),
                Word::NotePlaceholder.text(lang),
                theme,
                Rect {
                    y: detail.y + 1,
                    height: detail.height.saturating_sub(1),
                    ..detail
                },
                buf,
            );
        }
        _ => {
            if let Some((section, item)) = items.get(selected) {
                let lines = detail_lines(run, section, item, view, usize::from(detail.width));
                status::scrolled(lines, open.scroll, detail, buf, view);
            }
        }
    }
    status::draw(state, status_row, buf, view);
}

/// The selected item's details, wrapped to `width`.
fn detail_lines(
    run: &Run,
    section: &ChecklistSection,
    item: &ChecklistItem,
    view: &View<'_>,
    width: usize,
) -> Vec<Line<'static>> {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let text = |t: &crate::core::content::Text| t.get(lang.code(), data.fallback()).to_owned();
    let mut out: Vec<Line<'static>> = Vec::new();
    let verdict = run.verdict(&item.id);
    let result = match verdict {
        Some(_) => format!("{} {}", words::mark(verdict), words::verdict(lang, verdict)),
        None => words::verdict(lang, verdict).to_owned(),
    };
    let head = format!(
        "{} · {} · {result}",
        text(&section.name),
        words::severity_word(lang, item.severity.value),
    );
    for l in wrap(&head, width) {
        out.push(Line::from(Span::styled(l, theme.muted)));
    }
    out.push(Line::default());
    let bold = theme.text.add_modifier(Modifier::BOLD);
    out.extend(wrap_spans(
        &inline_spans(&text(&item.text), bold, theme.code),
        width,
    ));
    let styles = markdown_styles(theme);
    if let Some(note) = run.note(&item.id) {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            Word::YourNote.text(lang),
            theme.heading,
        )));
        out.extend(markdown::render(&keep_lines(note), width, &styles));
    }
    for (heading, body) in [(Word::Why, &item.why), (Word::Verify, &item.verify)] {
        if let Some(body) = body.as_ref().filter(|b| !b.is_blank()) {
            out.push(Line::default());
            out.push(Line::from(Span::styled(heading.text(lang), theme.heading)));
            out.extend(markdown::render(&text(body), width, &styles));
        }
    }
    out
}
