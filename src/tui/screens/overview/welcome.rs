//! The first screen of a profile with nothing rated: how to start, instead
//! of gauges that are all empty.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::core::report::level_label;
use crate::tui::i18n::Lang;
use crate::tui::screens::View;
use crate::tui::text::{display_width, wrap};

/// The widest the text runs, for lines that are easy to read.
const MAX_WIDTH: usize = 76;

/// A paragraph: its first-line lead (a step number), its text, its style.
struct Para {
    lead: &'static str,
    text: String,
    style: Style,
}

/// The name the welcome greets: none for the profile everyone gets without
/// `--profile`, whose name is no one's.
fn greeted(profile: &str) -> Option<&str> {
    (profile != "default").then_some(profile)
}

fn paragraphs(view: &View<'_>) -> Vec<Option<Para>> {
    let data = view.data;
    let lang = view.lang;
    let theme = view.theme;
    let code = lang.code();
    let fallback = data.fallback();
    let first = data.pack.scale.first().map_or(0, |s| s.value.value);
    let last = data.pack.max_score();
    let scale = data
        .pack
        .scale
        .iter()
        .map(|s| format!("{} {}", s.value.value, s.label.get(code, fallback)))
        .collect::<Vec<_>>()
        .join(lang.pick("，", " · "));
    let first_level = data.pack.levels.first().map_or_else(String::new, |l| {
        level_label(&l.id, l.name.get(code, fallback))
    });
    let para = |lead, text: String, style| Some(Para { lead, text, style });
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
        para("", greeting, theme.heading),
        None,
        para("", intro, theme.text),
        None,
    ];
    for (lead, step) in leads.into_iter().zip(steps) {
        out.push(para(lead, step, theme.text));
    }
    out.push(None);
    out.push(para("", outro.to_owned(), theme.muted));
    out
}

/// Draws the welcome into `area`; lines that do not fit are left out.
pub fn render(area: Rect, buf: &mut Buffer, view: &View<'_>) {
    let inner = Rect::new(
        area.x.saturating_add(2),
        area.y.saturating_add(1),
        area.width.saturating_sub(4),
        area.height.saturating_sub(1),
    );
    let width = usize::from(inner.width).min(MAX_WIDTH);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for para in paragraphs(view) {
        let Some(para) = para else {
            lines.push(Line::default());
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
            lines.push(Line::from(vec![
                Span::styled(lead, view.theme.key),
                Span::styled(text, para.style),
            ]));
        }
    }
    // In a large window the text sits in the middle, a little above centre.
    let text_width = u16::try_from(width).unwrap_or(inner.width);
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let spare = inner.height.saturating_sub(height);
    let block = Rect::new(
        inner.x + (inner.width - text_width) / 2,
        inner.y + spare / 3,
        text_width,
        inner.height - spare / 3,
    );
    for (line, row) in lines.iter().zip(block.rows()) {
        line.render(row, buf);
    }
}
