//! A run's result (counts per section, failed items `must` first, the
//! score, what it is evidence for, and its export), and the choice of the
//! indicators it is evidence for.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::run::header;
use super::status::{self, put};
use super::words::{self, Word};
use super::{Checklists, ChecklistsMode, Note};
use crate::core::checklist::{Tally, Verdict, items, to_markdown};
use crate::core::clock::{OffsetDateTime, format_date};
use crate::core::ids::IndicatorId;
use crate::core::workspace::RunCommand;
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::screens::{Ctx, View};
use crate::tui::state::Effect;
use crate::tui::text::{inline_spans, pad_to, wrap};

/// `2026-12-04 10:12`.
pub(super) fn when(at: OffsetDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

impl Checklists {
    /// `confirming_finish`: the last `d` was told items are still open.
    pub(super) fn update_result(
        &mut self,
        action: Action,
        ctx: &Ctx,
        data: &mut Data,
        confirming_finish: bool,
    ) -> Option<Vec<Effect>> {
        let id = self.open.as_ref()?.id.clone();
        let page = usize::from(ctx.body.height).saturating_sub(4).max(1);
        match action {
            Action::Up => {
                let view = self.view_mut()?;
                view.scroll = view.scroll.saturating_sub(1);
            }
            Action::Down => {
                let last = self.last_scroll(ctx, data);
                let view = self.view_mut()?;
                view.scroll = (view.scroll + 1).min(last);
            }
            Action::PageUp => {
                let view = self.view_mut()?;
                view.scroll = view.scroll.saturating_sub(page);
            }
            Action::PageDown => {
                let last = self.last_scroll(ctx, data);
                let view = self.view_mut()?;
                view.scroll = (view.scroll + page).min(last);
            }
            Action::Home => self.view_mut()?.scroll = 0,
            Action::Finish => {
                // Finished once is finished: the stamp stays, and `d` says when.
                if let Some(at) = data.run(&id)?.finished {
                    self.note = Some(Note::AlreadyFinished(at));
                    return Some(Vec::new());
                }
                // Open items are asked about once: a second `d` finishes.
                let run = data.run(&id)?;
                let open = Tally::of(run, data.pack.checklist(&run.checklist))
                    .counts
                    .open;
                if open > 0 && !confirming_finish {
                    self.note = Some(Note::OpenLeft(open));
                    return Some(Vec::new());
                }
                let effects = self.apply(RunCommand::Finish { run: id }, data);
                if !effects.is_empty() {
                    self.note = Some(Note::Word(Word::MarkedFinished));
                }
                self.mode = self.result_mode(data);
                return Some(effects);
            }
            Action::ExportFile | Action::Copy => {
                let run = data.run(&id)?;
                let text = to_markdown(&data.pack, run, ctx.lang);
                return Some(vec![if action == Action::Copy {
                    self.note = Some(Note::Word(Word::Osc52Sent));
                    Effect::Clipboard(text)
                } else {
                    Effect::Export { run: id, text }
                }]);
            }
            Action::Attach => {
                if data.run(&id)?.finished.is_none() {
                    self.note = Some(Note::Word(Word::FinishFirst));
                } else {
                    self.mode = ChecklistsMode::Attach;
                }
            }
            Action::Back => {
                self.mode = ChecklistsMode::Run;
                self.view_mut()?.scroll = 0;
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The furthest the result scrolls in the screen's part of the window:
    /// its last line shows at the bottom (the status row and the margins
    /// taken off).
    fn last_scroll(&self, ctx: &Ctx, data: &Data) -> usize {
        let theme = crate::tui::theme::Theme::no_color();
        let view = View {
            lang: ctx.lang,
            theme: &theme,
            data,
        };
        let width = usize::from(ctx.body.width.saturating_sub(2));
        let len = result_lines(self, &view, width).len();
        len.saturating_sub(usize::from(ctx.body.height.saturating_sub(2)))
    }

    pub(super) fn update_attach(&mut self, action: Action, data: &mut Data) -> Option<Vec<Effect>> {
        let last = data.pack.indicator_count().saturating_sub(1);
        let view = self.view_mut()?;
        match action {
            Action::Up => view.attach = view.attach.saturating_sub(1),
            Action::Down => view.attach = (view.attach + 1).min(last),
            Action::PageUp => view.attach = view.attach.saturating_sub(10),
            Action::PageDown => view.attach = (view.attach + 10).min(last),
            Action::Home => view.attach = 0,
            Action::End => view.attach = last,
            Action::Open => {
                let run = view.id.clone();
                let (_, indicator) = data.pack.indicators().nth(view.attach)?;
                let indicator = IndicatorId::new(indicator.id.value.clone());
                let attached = data.run(&run)?.attached_to.contains(&indicator);
                let command = if attached {
                    RunCommand::Detach { run, indicator }
                } else {
                    RunCommand::Attach { run, indicator }
                };
                return Some(self.apply(command, data));
            }
            Action::Back => self.mode = self.result_mode(data),
            _ => return None,
        }
        Some(Vec::new())
    }
}

/// The result's lines, wrapped to `width`.
fn result_lines(state: &Checklists, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let Some(run) = state.open.as_ref().and_then(|v| data.run(&v.id)) else {
        return Vec::new();
    };
    let checklist = data.pack.checklist(&run.checklist);
    let tally = Tally::of(run, checklist);
    let mut out: Vec<Line<'static>> = header(run, checklist, view, width).into();
    let mut dates = words::started(lang, &when(run.started));
    dates.push_str(" · ");
    match run.finished {
        Some(at) => dates.push_str(&words::finished(lang, &when(at))),
        None => dates.push_str(Word::NotFinishedHint.text(lang)),
    }
    out.push(Line::from(Span::styled(dates, theme.muted)));
    let Some(checklist) = checklist else {
        out.push(Line::from(Span::styled(
            Word::ChecklistGone.text(lang),
            theme.muted,
        )));
        return out;
    };
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        Word::PerSection.text(lang),
        theme.heading,
    )));
    let name_width = checklist
        .sections
        .iter()
        .map(|s| crate::tui::text::display_width(s.name.get(lang.code(), data.fallback())))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (section, counted) in checklist.sections.iter().zip(&tally.sections) {
        let mut text = format!(
            "  {}  {}",
            pad_to(section.name.get(lang.code(), data.fallback()), name_width),
            words::counts(lang, &counted.counts)
        );
        if counted.failed_must > 0 {
            text.push_str(&lang.pick(
                format!(" · 必须项不满足 {}", counted.failed_must),
                format!(" · {} must failed", counted.failed_must),
            ));
        }
        let style = if counted.failed_must > 0 {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        out.push(Line::from(Span::styled(text, style)));
    }
    out.push(Line::default());
    let mut failed: Vec<_> = items(checklist)
        .filter(|(_, item)| run.verdict(&item.id) == Some(Verdict::Fail))
        .collect();
    failed.sort_by_key(|(_, item)| item.severity.value);
    out.push(Line::from(Span::styled(
        format!("{} ({})", Word::FailedItems.text(lang), failed.len()),
        theme.heading,
    )));
    if failed.is_empty() {
        out.push(Line::from(Span::styled(
            Word::NoFailures.text(lang),
            theme.muted,
        )));
    }
    for (section, item) in failed {
        let text = format!(
            "✗ {} · {} · {}",
            words::severity_word(lang, item.severity.value),
            section.name.get(lang.code(), data.fallback()),
            item.text
                .get(lang.code(), data.fallback())
                .replace('\n', " ")
        );
        let style = if item.severity.value == crate::core::content::Severity::Must {
            theme.text.add_modifier(Modifier::BOLD)
        } else {
            theme.text
        };
        for (i, line) in wrap(&text, width.saturating_sub(2)).into_iter().enumerate() {
            let lead = if i == 0 { "  " } else { "    " };
            out.push(Line::from(Span::styled(format!("{lead}{line}"), style)));
        }
        if let Some(note) = run.note(&item.id) {
            for line in wrap(note, width.saturating_sub(6)) {
                out.push(Line::from(Span::styled(
                    format!("      {line}"),
                    theme.muted,
                )));
            }
        }
    }
    out.push(Line::default());
    let colon = lang.pick("：", ": ");
    out.push(Line::from(Span::styled(
        format!("{}{colon}", Word::EvidenceFor.text(lang)),
        theme.heading,
    )));
    if run.attached_to.is_empty() {
        out.push(Line::from(Span::styled(
            format!("  {}", Word::NotAttached.text(lang)),
            theme.muted,
        )));
    }
    for id in &run.attached_to {
        let text = data.pack.indicator(id).map_or_else(
            || crate::core::sanitize::neutralize_controls(id).into_owned(),
            |(_, ind)| {
                ind.text
                    .get(lang.code(), data.fallback())
                    .replace('\n', " ")
            },
        );
        out.push(Line::from(Span::styled(format!("  {text}"), theme.text)));
    }
    out.push(Line::default());
    for word in [Word::ScoreRule, Word::ExportHint] {
        for line in wrap(word.text(lang), width) {
            out.push(Line::from(Span::styled(line, theme.muted)));
        }
    }
    out
}

/// Draws the open run's result.
pub(super) fn draw(state: &Checklists, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area).inner(Margin::new(1, 0));
    if area.height < 2 {
        return;
    }
    let lines = result_lines(state, view, usize::from(area.width));
    let scroll = state.open.as_ref().map_or(0, |v| v.scroll);
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    status::scrolled(lines, scroll, body, buf, view);
    status::draw(
        state,
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
        buf,
        view,
    );
}

/// Draws the list of indicators to attach the run to.
pub(super) fn draw_attach(state: &Checklists, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let area = area.intersection(buf.area).inner(Margin::new(1, 0));
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let Some(open) = &state.open else { return };
    let Some(run) = data.run(&open.id) else {
        return;
    };
    if area.height < 4 {
        return;
    }
    put(
        Rect { height: 1, ..area },
        buf,
        Line::from(vec![
            Span::styled(Word::AttachTitle.text(lang), theme.heading),
            Span::styled(format!(" · {}", run.name.replace('\n', " ")), theme.muted),
        ]),
    );
    put(
        Rect::new(area.x, area.y + 1, area.width, 1),
        buf,
        Line::from(Span::styled(Word::AttachHint.text(lang), theme.muted)),
    );
    let list = Rect::new(area.x, area.y + 2, area.width, area.height - 3);
    let height = usize::from(list.height);
    let skip = (open.attach + 1).saturating_sub(height);
    let rows = data.pack.indicators().enumerate().skip(skip);
    for ((index, (dimension, indicator)), y) in rows.zip(list.top()..list.bottom()) {
        let attached = run
            .attached_to
            .iter()
            .any(|i| i.as_str() == indicator.id.value);
        // The choice is marked with `›` as on Assess, so it shows without
        // colour or reverse video too.
        let chosen = index == open.attach;
        let lead = format!(
            "{} {} {} · {} · ",
            if chosen { "›" } else { " " },
            if attached { "[x]" } else { "[ ]" },
            dimension.name.get(lang.code(), data.fallback()),
            indicator.level.value,
        );
        let style = if chosen {
            theme.text.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        let text = indicator
            .text
            .get(lang.code(), data.fallback())
            .replace('\n', " ");
        // Code in the indicator's text is styled as on Assess, not shown
        // with its backticks.
        let mut spans = vec![Span::styled(lead, style)];
        spans.extend(inline_spans(&text, style, theme.code));
        put(Rect::new(list.x, y, list.width, 1), buf, Line::from(spans));
    }
    status::draw(
        state,
        Rect::new(area.x, area.bottom() - 1, area.width, 1),
        buf,
        view,
    );
}
