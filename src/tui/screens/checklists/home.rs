//! The home list: the pack's checklists, then the profile's runs (those in
//! progress first, newest first), with the name prompt and the delete
//! question drawn over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::status::{self, put};
use super::words::{self, Word};
use super::{Checklists, ChecklistsMode, RunView};
use crate::core::checklist::{Run, Tally, item_count};
use crate::core::clock::format_date;
use crate::core::ids::RunId;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::screens::View;
use crate::tui::screens::assess::editor::Editor;
use crate::tui::state::Effect;
use crate::tui::text::{pad_to, truncate};

/// A row of the home list that can be selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Row {
    /// The pack's checklist at this index.
    Checklist(usize),
    /// A run of the profile.
    Run(RunId),
}

/// The rows in the order shown.
pub(super) fn rows(data: &Data) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..data.pack.checklists.len())
        .map(Row::Checklist)
        .collect();
    let mut runs: Vec<_> = data.runs.iter().collect();
    // In progress first, then the newest first.
    runs.sort_by(|a, b| {
        a.finished
            .is_some()
            .cmp(&b.finished.is_some())
            .then(b.started.cmp(&a.started))
            .then(b.id.cmp(&a.id))
    });
    rows.extend(runs.into_iter().map(|r| Row::Run(r.id.clone())));
    rows
}

impl Checklists {
    pub(super) fn update_home(&mut self, action: Action, data: &mut Data) -> Option<Vec<Effect>> {
        let rows = rows(data);
        let last = rows.len().saturating_sub(1);
        self.home = self.home.min(last);
        match action {
            Action::Up => self.home = self.home.saturating_sub(1),
            Action::Down => self.home = (self.home + 1).min(last),
            Action::Home => self.home = 0,
            Action::End => self.home = last,
            Action::PageUp => self.home = self.home.saturating_sub(10),
            Action::PageDown => self.home = (self.home + 10).min(last),
            Action::Open => match rows.get(self.home)? {
                Row::Checklist(i) => {
                    let checklist = data.pack.checklists.get(*i)?.id.value.clone();
                    self.mode = ChecklistsMode::Naming {
                        checklist,
                        editor: Box::new(Editor::new("", "")),
                    };
                }
                Row::Run(id) => {
                    let run = data.run(id)?;
                    let finished = run.finished.is_some();
                    // Resuming starts at the first item still open.
                    let first_open = data
                        .pack
                        .checklist(&run.checklist)
                        .and_then(|c| {
                            super::run::shown(c, run, false, None)
                                .iter()
                                .position(|(_, item)| run.verdict(&item.id).is_none())
                        })
                        .unwrap_or(0);
                    self.open = Some(RunView {
                        id: id.clone(),
                        selected: first_open,
                        ..RunView::default()
                    });
                    self.mode = if finished {
                        ChecklistsMode::Finished
                    } else {
                        ChecklistsMode::Run
                    };
                }
            },
            Action::Delete => match rows.get(self.home)? {
                Row::Run(id) => self.mode = ChecklistsMode::Confirming(id.clone()),
                Row::Checklist(_) => self.note = Some(super::Note::Word(Word::OnlyRunsDeleted)),
            },
            _ => return None,
        }
        Some(Vec::new())
    }
}

/// Draws the home list, the name prompt or the question, and the status row.
pub(super) fn draw(state: &Checklists, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area).inner(Margin::new(1, 0));
    if area.height < 3 {
        return;
    }
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let naming = match &state.mode {
        ChecklistsMode::Naming { editor, .. } => Some(editor),
        _ => None,
    };
    let prompt_height = if naming.is_some() { 3 } else { 0 };
    let list_area = Rect {
        height: area.height.saturating_sub(1 + prompt_height),
        ..area
    };
    let status_row = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let width = usize::from(area.width);

    let rows = rows(data);
    let selected = state.home.min(rows.len().saturating_sub(1));
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut selected_line = 0;
    lines.push(Line::from(vec![
        Span::styled(Word::Checklists.text(lang), theme.heading),
        Span::styled(format!("  {}", Word::StartHint.text(lang)), theme.muted),
    ]));
    if data.pack.checklists.is_empty() {
        lines.push(Line::from(Span::styled(
            Word::NoChecklists.text(lang),
            theme.muted,
        )));
    }
    let name_width = width.saturating_sub(14).clamp(10, 40);
    for (index, row) in rows.iter().enumerate() {
        if index == data.pack.checklists.len() {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                Word::Runs.text(lang),
                theme.heading,
            )));
        }
        if index == selected {
            selected_line = lines.len();
        }
        let text = match row {
            Row::Checklist(i) => {
                let c = &data.pack.checklists[*i];
                let name = c.name.get(lang.code(), data.fallback());
                format!(
                    "  {}  {}",
                    pad_to(&truncate(name, name_width), name_width),
                    words::items(lang, item_count(c))
                )
            }
            Row::Run(id) => run_row(id, view, width),
        };
        let style = if index == selected {
            theme.text.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    if rows.len() == data.pack.checklists.len() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            Word::Runs.text(lang),
            theme.heading,
        )));
        lines.push(Line::from(Span::styled(
            Word::NoRuns.text(lang),
            theme.muted,
        )));
    }
    if !data.run_problems.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{}:", Word::UnreadableRuns.text(lang)),
            theme.heading,
        )));
        for (_, why) in &data.run_problems {
            let why = crate::core::sanitize::neutralize_controls(why).replace('\n', " ");
            lines.push(Line::from(Span::styled(why, theme.muted)));
        }
    }
    // Keep the selection in view.
    let height = usize::from(list_area.height);
    let skip = (selected_line + 1).saturating_sub(height);
    for (line, y) in lines
        .into_iter()
        .skip(skip)
        .zip(list_area.top()..list_area.bottom())
    {
        put(Rect::new(area.x, y, area.width, 1), buf, line);
    }
    if let Some(editor) = naming {
        let prompt = Rect::new(area.x, list_area.bottom(), area.width, 3);
        editor.render(
            Word::NamePrompt.text(lang),
            Word::NamePlaceholder.text(lang),
            theme,
            prompt,
            buf,
        );
    }
    status::draw(state, status_row, buf, view);
}

/// When `run` started as its row says it: the day, and the time too when
/// another of `runs` has the same name and day, so the two rows differ.
fn started_label(run: &Run, runs: &[Run]) -> String {
    let twin = runs
        .iter()
        .any(|other| other.id != run.id && other.name == run.name && other.day() == run.day());
    if twin {
        format!(
            "{} {:02}:{:02}",
            format_date(run.day()),
            run.started.hour(),
            run.started.minute()
        )
    } else {
        format_date(run.day())
    }
}

/// "PR 482 order sync   Go code review  2026-12-04  5/6 · 2 failed (1 must)  in progress".
fn run_row(id: &RunId, view: &View<'_>, width: usize) -> String {
    let (lang, data) = (view.lang, view.data);
    let Some(run) = data.run(id) else {
        return String::new();
    };
    let checklist = data.pack.checklist(&run.checklist);
    let tally = Tally::of(run, checklist);
    let checklist_name = checklist.map_or_else(
        || crate::core::sanitize::neutralize_controls(&run.checklist).into_owned(),
        |c| c.name.get(lang.code(), data.fallback()).to_owned(),
    );
    let state = if run.finished.is_some() {
        Word::Finished
    } else {
        Word::InProgress
    };
    // The checklist's name comes last: it is what may be cut.
    let tail = format!(
        "  {}  {}  {}  {}",
        started_label(run, &data.runs),
        words::progress(lang, &tally.counts, tally.failed_must),
        state.text(lang),
        checklist_name,
    );
    let name_width = (width / 3).clamp(12, 40);
    format!(
        "  {}{tail}",
        pad_to(
            &truncate(&run.name.replace('\n', " "), name_width),
            name_width
        )
    )
}
