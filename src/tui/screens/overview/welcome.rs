//! The first screen of a profile with nothing rated: how to start, instead
//! of gauges that are all empty. In a small window it scrolls (`↑↓`,
//! `PgUp PgDn`) and says when there is more below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::core::report::level_label;
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::screens::View;
use crate::tui::text::{display_width, wrap};
use crate::tui::theme::Theme;

/// The widest the text runs, for lines that are easy to read.
const MAX_WIDTH: usize = 76;

/// How a paragraph is set.
#[derive(Clone, Copy)]
enum Tone {
    Heading,
    Text,
    Muted,
}

impl Tone {
    fn style(self, theme: &Theme) -> Style {
        match self {
            Tone::Heading => theme.heading,
            Tone::Text => theme.text,
            Tone::Muted => theme.muted,
        }
    }
}

/// A paragraph: its first-line lead (a step number), its text, its tone.
struct Para {
    lead: &'static str,
    text: String,
    tone: Tone,
}

/// The name the welcome greets: none for the profile everyone gets without
/// `--profile`, whose name is no one's.
fn greeted(profile: &str) -> Option<&str> {
    (profile != "default").then_some(profile)
}

fn paragraphs(lang: Lang, data: &Data) -> Vec<Option<Para>> {
    let code = lang.code();
    let fallback = data.fallback();
    let first = data.pack.scale.first().map_or(0, |s| s.value.value);
    let last = data.pack.max_score();
    let scale = data
        .pack
        .scale
        .iter()
        // A no-break space keeps each value on the line of its label.
        .map(|s| format!("{}\u{a0}{}", s.value.value, s.label.get(code, fallback)))
        .collect::<Vec<_>>()
        .join(lang.pick("，", " · "));
    let first_level = data.pack.levels.first().map_or_else(String::new, |l| {
        level_label(&l.id, l.name.get(code, fallback))
    });
    let para = |lead, text: String, tone| Some(Para { lead, text, tone });
    let (greeting, intro, steps, outro) = match lang {
        Lang::Zh => (
            match greeted(&data.profile.profile) {
                Some(name) => format!("欢迎，{name}！"),
                None => "欢迎！".to_owned(),
            },
            format!(
                "你还没有给自己打过分，所以这里暂时没有可看的。内容包「{}」共有 {} 项能力指标，按下面几步开始：",
                data.pack.meta.name.get(code, fallback),
                data.assessment.total
            ),
            [
                "按 Tab 切换到「自评」页。".to_owned(),
                format!("用 ↑↓ 选中一项指标，按 {first}–{last} 给自己打分：{scale}。"),
                format!(
                    "不知从哪开始？在「自评」页按 g 进入引导模式，从「{first_level}」起逐级逐项走一遍。"
                ),
                "任何页面按 ? 都能看到本页的全部按键。".to_owned(),
            ],
            "打分随时自动保存。有了自评之后，这里会显示你在各职级的准备度、最大的差距和进步趋势。",
        ),
        Lang::En => (
            match greeted(&data.profile.profile) {
                Some(name) => format!("Welcome, {name}!"),
                None => "Welcome!".to_owned(),
            },
            format!(
                "Nothing is rated yet, so there is nothing to show here. The pack \u{201c}{}\u{201d} has {} indicators; here is how to start:",
                data.pack.meta.name.get(code, fallback),
                data.assessment.total
            ),
            [
                "Press Tab to go to Assess.".to_owned(),
                format!(
                    "Select an indicator with ↑↓ and rate yourself with {first}–{last}: {scale}."
                ),
                format!(
                    "Not sure where to begin? Press g on Assess for the guided pass: it walks through every indicator, level by level, from {first_level} up."
                ),
                "Press ? on any screen to see all of its keys.".to_owned(),
            ],
            "Ratings are saved as you make them. Once you have some, this screen shows your readiness for each level, your biggest gaps and how you progress.",
        ),
    };
    let leads = ["1. ", "2. ", "3. ", "4. "];
    let mut out = vec![
        para("", greeting, Tone::Heading),
        None,
        para("", intro, Tone::Text),
        None,
    ];
    for (lead, step) in leads.into_iter().zip(steps) {
        out.push(para(lead, step, Tone::Text));
    }
    out.push(None);
    out.push(para("", outro.to_owned(), Tone::Muted));
    out
}

/// One line of the welcome: the lead (a step number, or its indent), the
/// text, and its tone; `None` for a blank line.
type WelcomeLine = Option<(String, String, Tone)>;

/// Where the text goes in the screen's `area`: inside a margin.
fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(2),
        area.y.saturating_add(1),
        area.width.saturating_sub(4),
        area.height.saturating_sub(1),
    )
}

/// The welcome's lines, wrapped to `width`.
fn lines(lang: Lang, data: &Data, width: usize) -> Vec<WelcomeLine> {
    let mut lines = Vec::new();
    for para in paragraphs(lang, data) {
        let Some(para) = para else {
            lines.push(None);
            continue;
        };
        let indent = display_width(para.lead);
        for (k, text) in wrap(&para.text, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if k == 0 {
                para.lead.to_owned()
            } else {
                " ".repeat(indent)
            };
            lines.push(Some((lead, text, para.tone)));
        }
    }
    lines
}

/// The rows for text when `len` lines go into `rows`: all of them when the
/// lines fit, else all but the last, which says there is more below.
fn text_rows(len: usize, rows: usize) -> usize {
    if len <= rows {
        rows
    } else {
        rows.saturating_sub(1).max(1)
    }
}

/// The furthest the welcome scrolls when the screen has `area`: none when
/// it fits.
pub fn last_scroll(area: Rect, lang: Lang, data: &Data) -> usize {
    let inner = inner(area);
    let width = usize::from(inner.width).min(MAX_WIDTH);
    let len = lines(lang, data, width).len();
    len.saturating_sub(text_rows(len, usize::from(inner.height)))
}

/// Draws the welcome into `area` from line `scroll` on. When it fits, it
/// sits in the middle, a little above centre; when it does not, it starts
/// at the top and the last row says there is more below.
pub fn render(scroll: usize, area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let inner = inner(area);
    let width = usize::from(inner.width).min(MAX_WIDTH);
    let lines: Vec<Line<'static>> = lines(view.lang, view.data, width)
        .into_iter()
        .map(|line| match line {
            None => Line::default(),
            Some((lead, text, tone)) => Line::from(vec![
                Span::styled(lead, view.theme.key),
                Span::styled(text, tone.style(view.theme)),
            ]),
        })
        .collect();
    let rows = usize::from(inner.height);
    let text_width = u16::try_from(width).unwrap_or(inner.width);
    let left = inner.x + (inner.width - text_width) / 2;
    if lines.len() <= rows {
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let spare = inner.height.saturating_sub(height);
        let block = Rect::new(
            left,
            inner.y + spare / 3,
            text_width,
            inner.height - spare / 3,
        );
        for (line, row) in lines.iter().zip(block.rows()) {
            line.render(row, buf);
        }
        return;
    }
    let shown = text_rows(lines.len(), rows);
    let scroll = scroll.min(lines.len() - shown);
    let block = Rect::new(left, inner.y, text_width, inner.height);
    for (line, row) in lines.iter().skip(scroll).take(shown).zip(block.rows()) {
        line.render(row, buf);
    }
    if scroll + shown < lines.len()
        && let Some(row) = block.rows().nth(shown)
    {
        Line::from(Span::styled(
            Msg::HelpMoreBelow.text(view.lang),
            view.theme.muted,
        ))
        .right_aligned()
        .render(row, buf);
    }
}
