//! The set-up page: what is due, the kinds of session, the filters, the
//! number of questions, the time per answer and the defense date.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Drill, DrillMode, Note};
use crate::core::clock::format_date;
use crate::core::drill::{self, Choice, DEFAULT_SECONDS, Plan, Timing};
use crate::core::profile::SessionKind;
use crate::core::report::kind_name;
use crate::tui::data::Data;
use crate::tui::i18n::Lang;
use crate::tui::screens::{Page, View};
use crate::tui::text::truncate;

/// A row of the set-up page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Kind(Choice),
    Level,
    Category,
    Count,
    Time,
    Defense,
}

impl Row {
    /// The rows, top to bottom.
    pub const ALL: [Row; 9] = [
        Row::Kind(Choice::Due),
        Row::Kind(Choice::Weak),
        Row::Kind(Choice::Mock),
        Row::Kind(Choice::Cram),
        Row::Level,
        Row::Category,
        Row::Count,
        Row::Time,
        Row::Defense,
    ];
}

/// The choices for the time per answer, in the order ←/→ step through them.
const TIMINGS: [Timing; 6] = [
    Timing::Question,
    Timing::Fixed(60),
    Timing::Fixed(120),
    Timing::Fixed(180),
    Timing::Fixed(300),
    Timing::Untimed,
];

/// The most questions a session can ask.
pub const MAX_COUNT: usize = 30;

/// The set-up page's selection and choices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Setup {
    pub row: usize,
    pub plan: Plan,
}

impl Setup {
    /// The selected row.
    pub fn selected(&self) -> Row {
        Row::ALL[self.row.min(Row::ALL.len() - 1)]
    }

    /// Moves the selection by `by` rows, stopping at both ends.
    pub fn step_row(&mut self, by: isize) {
        self.row = self.row.saturating_add_signed(by).min(Row::ALL.len() - 1);
    }

    /// Steps the selected setting by `by` (the kinds have none).
    pub fn change(&mut self, by: isize, data: &Data) {
        let row = self.selected();
        let plan = &mut self.plan;
        match row {
            Row::Kind(_) | Row::Defense => {}
            Row::Level => {
                let levels: Vec<String> = data
                    .pack
                    .levels
                    .iter()
                    .map(|l| l.id.value.clone())
                    .collect();
                plan.level = step_option(plan.level.as_deref(), &levels, by);
            }
            Row::Category => {
                let cats: Vec<String> = data
                    .pack
                    .categories
                    .iter()
                    .map(|c| c.id.value.clone())
                    .collect();
                plan.category = step_option(plan.category.as_deref(), &cats, by);
            }
            Row::Count => {
                plan.count = plan.count.saturating_add_signed(by).clamp(1, MAX_COUNT);
            }
            Row::Time => {
                let at = TIMINGS.iter().position(|t| *t == plan.timing).unwrap_or(0);
                let len = TIMINGS.len() as isize;
                let next = (at as isize + by).rem_euclid(len) as usize;
                plan.timing = TIMINGS[next];
            }
        }
    }
}

/// The next value of an optional filter: none, then each of `all`, round.
fn step_option(now: Option<&str>, all: &[String], by: isize) -> Option<String> {
    let len = all.len() as isize + 1;
    let at = now
        .and_then(|n| all.iter().position(|x| x == n))
        .map_or(0, |i| i as isize + 1);
    let next = (at + by).rem_euclid(len);
    (next > 0).then(|| all[(next - 1) as usize].clone())
}

/// `m:ss`.
pub fn clock_text(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The time per answer in words.
fn timing_text(timing: Timing, lang: Lang) -> String {
    match timing {
        Timing::Question => lang.pick(
            format!("每题自己的时限（没有则 {}）", clock_text(DEFAULT_SECONDS)),
            format!("each question's own (else {})", clock_text(DEFAULT_SECONDS)),
        ),
        Timing::Fixed(s) => clock_text(s),
        Timing::Untimed => lang.pick("不计时", "no clock").to_owned(),
    }
}

/// One line on each kind: how much there is to drill.
fn kind_detail(choice: Choice, plan: &Plan, data: &Data, lang: Lang) -> String {
    let mut all = plan.clone();
    all.choice = choice;
    all.count = usize::MAX;
    let items = drill::build(
        &data.pack,
        &data.profile,
        &data.assessment,
        data.now(),
        &all,
    );
    let mains = items.iter().filter(|i| i.follow_up.is_none()).count();
    match choice {
        Choice::Due => {
            let due = items.iter().filter(|i| i.kind == SessionKind::Due).count();
            let new = mains - due;
            lang.pick(
                format!(
                    "{due} 道到期，再加 {new} 道新题（每天最多 {} 道）",
                    plan.new_per_day
                ),
                format!(
                    "{due} due, then {new} new (up to {} a day)",
                    plan.new_per_day
                ),
            )
        }
        Choice::Weak => lang.pick(
            format!("{mains} 道题考察你的差距和低分项"),
            format!("{mains} questions probe your gaps and low ratings"),
        ),
        Choice::Mock => {
            let level = plan
                .level
                .clone()
                .or_else(|| data.assessment.target_level.clone())
                .unwrap_or_else(|| "—".to_owned());
            lang.pick(
                format!("{level} 的 {mains} 道题，按答辩顺序，每题带追问"),
                format!("{mains} questions for {level}, in panel order, with follow-ups"),
            )
        }
        Choice::Cram => lang.pick(
            format!("{mains} 道题任你练，不影响复习安排"),
            format!("{mains} questions, outside the schedule"),
        ),
    }
}

/// The page's lines, `width` wide at most.
pub fn lines(drill: &Drill, view: &View<'_>, width: usize) -> Vec<Line<'static>> {
    let (lang, theme, data) = (view.lang, view.theme, view.data);
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let (l, d) = (lang.code(), data.pack.default_language());
    let plan = &drill.setup.plan;
    let backlog = drill::backlog(&data.pack, &data.profile.drill, data.now());
    let mut out = vec![
        Line::from(Span::styled(tr("答辩演练", "Defense drill"), theme.heading)),
        Line::from(Span::styled(
            lang.pick(
                format!(
                    "今天到期 {} 道 · 未练过 {} 道",
                    backlog.due_today, backlog.new
                ),
                format!(
                    "Due today: {} · not yet drilled: {}",
                    backlog.due_today, backlog.new
                ),
            ),
            theme.text,
        )),
        Line::default(),
    ];
    let label_width = if lang == Lang::Zh { 10 } else { 14 };
    let selected = drill.setup.selected();
    for row in Row::ALL {
        let (label, value) = match row {
            Row::Kind(choice) => (
                kind_name(kind_of(choice), lang).to_owned(),
                kind_detail(choice, plan, data, lang),
            ),
            Row::Level => (
                tr("职级", "Level").to_owned(),
                plan.level.clone().unwrap_or_else(|| {
                    tr("全部（模拟答辩：目标职级）", "all (mock: the target level)").to_owned()
                }),
            ),
            Row::Category => (
                tr("类别", "Category").to_owned(),
                plan.category
                    .as_deref()
                    .map(|c| {
                        data.pack
                            .category(c)
                            .map_or(c, |cat| cat.name.get(l, d))
                            .to_owned()
                    })
                    .unwrap_or_else(|| tr("全部", "all").to_owned()),
            ),
            Row::Count => (tr("题数", "Questions").to_owned(), plan.count.to_string()),
            Row::Time => (
                tr("每题时间", "Time each").to_owned(),
                timing_text(plan.timing, lang),
            ),
            Row::Defense => (
                tr("答辩日期", "Defense date").to_owned(),
                defense_text(drill, data, lang),
            ),
        };
        if row == Row::Level {
            out.push(Line::default());
        }
        let is_selected = row == selected;
        let mark = if is_selected { "▶ " } else { "  " };
        let label = crate::tui::text::pad_to(&label, label_width);
        let arrows = match row {
            Row::Level | Row::Category | Row::Count | Row::Time if is_selected => " ‹ ›",
            _ => "",
        };
        let text = truncate(&format!("{mark}{label}{value}{arrows}"), width);
        let style = if is_selected {
            theme.text.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        };
        out.push(Line::from(Span::styled(text, style)));
    }
    out.push(Line::default());
    let changed = drill::changed_questions(&data.pack, &data.profile.drill).len();
    if changed > 0 {
        out.push(muted_line(
            lang.pick(
                format!("{changed} 道题的题目在上次练习后改过：按 r 重置它们的复习安排"),
                format!(
                    "{changed} questions were reworded since drilled: r starts their schedule over"
                ),
            ),
            width,
            theme.muted,
        ));
    }
    let orphaned = drill::orphaned(&data.pack, &data.profile.drill).len();
    if orphaned > 0 {
        out.push(muted_line(
            lang.pick(
                format!("{orphaned} 道练过的题已不在内容包中（记录仍保存在档案里）"),
                format!(
                    "{orphaned} drilled questions are no longer in the pack (their history is kept)"
                ),
            ),
            width,
            theme.muted,
        ));
    }
    if let Some(note) = &drill.note {
        out.push(Line::from(Span::styled(
            truncate(&note_text(note, lang), width),
            theme.text.add_modifier(Modifier::BOLD),
        )));
    }
    out
}

fn muted_line(text: String, width: usize, style: Style) -> Line<'static> {
    Line::from(Span::styled(truncate(&text, width), style))
}

/// The kind logged for a choice (its name is the session's).
fn kind_of(choice: Choice) -> SessionKind {
    match choice {
        Choice::Due => SessionKind::Due,
        Choice::Weak => SessionKind::Weak,
        Choice::Mock => SessionKind::Mock,
        Choice::Cram => SessionKind::Cram,
    }
}

/// The defense date row: the date and the days left, or the date being typed.
fn defense_text(drill: &Drill, data: &Data, lang: Lang) -> String {
    if let DrillMode::DefenseDate(entry) = &drill.mode {
        let text = &entry.text;
        return lang.pick(
            format!("{text}▏ (YYYY-MM-DD，Enter 保存)"),
            format!("{text}▏ (YYYY-MM-DD, Enter saves)"),
        );
    }
    match data.profile.defense_date {
        Some(day) => format!("{} ({})", format_date(day), days_left(day, data, lang)),
        None => lang
            .pick("未设定（按 d 设定）", "not set (d sets it)")
            .to_owned(),
    }
}

/// "in 12 days", "today", "past".
pub fn days_left(day: crate::core::clock::Date, data: &Data, lang: Lang) -> String {
    let left = (day - data.today()).whole_days();
    match left {
        0 => lang.pick("就是今天", "today").to_owned(),
        n if n > 0 => lang.pick(format!("还有 {n} 天"), format!("in {n} days")),
        _ => lang.pick("已过", "past").to_owned(),
    }
}

fn note_text(note: &Note, lang: Lang) -> String {
    match note {
        Note::NothingToDrill => lang
            .pick(
                "这个类型和筛选下没有可练的题：换个类型或放宽筛选。",
                "Nothing to drill for this kind and these filters: try another kind or fewer filters.",
            )
            .to_owned(),
        Note::NotADate(text) => lang.pick(
            format!("“{text}”不是 YYYY-MM-DD 形式的日期，例如 2027-03-15。"),
            format!("`{text}` is not a date written as YYYY-MM-DD, such as 2027-03-15."),
        ),
        Note::PastDate(text) => lang.pick(
            format!("{text} 已经过去：答辩日期请填今天或之后的日期。"),
            format!("{text} is in the past: give today or a later day for the defense."),
        ),
        Note::DefenseSet(Some(day)) => lang.pick(
            format!("答辩日期已设为 {}；复习不会安排在这天之后。", format_date(*day)),
            format!("Defense date set to {}; no review is planned after it.", format_date(*day)),
        ),
        Note::DefenseSet(None) => lang.pick("已清除答辩日期。", "Defense date cleared.").to_owned(),
        Note::Reset(n) => lang.pick(
            format!("已重置 {n} 道题的复习安排（作答记录保留）。"),
            format!("{n} questions start their schedule over (their answers stay in the log)."),
        ),
        Note::NothingToReset => lang
            .pick("没有改过题目的题。", "No question was reworded since it was drilled.")
            .to_owned(),
    }
}

/// Draws the page, from the top unless the window is too short to show
/// the selected row (and the line under it) that way.
pub fn render(drill: &Drill, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let lines = lines(drill, view, super::pages::text_width(area));
    let rows = usize::from(area.height.saturating_sub(2));
    let start = (selected_line(drill) + 2).saturating_sub(rows);
    let start = start.min(lines.len());
    Page::default().render(&lines[start..], area, buf, view);
}

/// The line of the selected row in [`lines`]: three lines of heading, the
/// kinds, a blank line, the settings.
fn selected_line(drill: &Drill) -> usize {
    let row = drill.setup.row.min(Row::ALL.len() - 1);
    3 + row + usize::from(!matches!(Row::ALL[row], Row::Kind(_)))
}
