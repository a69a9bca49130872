//! The details of the selected item, as lines already wrapped to a width:
//! the indicator, the scale to rate it on, the person's score and evidence,
//! what good evidence looks like and how to grow.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::items::Item;
use super::words::{Word, gap_reason};
use crate::core::checklist::Tally;
use crate::core::clock::format_date;
use crate::core::content::{Indicator, Text};
use crate::core::report::{keep_lines, level_label, percent};
use crate::core::sanitize::neutralize_controls;
use crate::core::score::Contribution;
use crate::tui::data::Data;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::text::{display_width as width, inline_spans, truncate, wrap, wrap_spans};
use crate::tui::theme::Theme;
use crate::tui::widgets::markdown::{self, MarkdownStyles};

/// What the details are drawn with.
pub struct Ctx<'a> {
    pub data: &'a Data,
    pub lang: Lang,
    pub theme: &'a Theme,
    pub width: usize,
}

impl Ctx<'_> {
    fn text<'t>(&self, text: &'t Text) -> &'t str {
        text.get(self.lang.code(), self.data.fallback())
    }

    fn word(&self, word: Word) -> &'static str {
        word.text(self.lang)
    }

    /// The colon after a label: full-width in Chinese.
    fn colon(&self) -> &'static str {
        self.lang.pick("：", ": ")
    }

    fn wrapped(&self, text: &str, style: Style, out: &mut Vec<Line<'static>>) {
        out.extend(
            wrap(text, self.width)
                .into_iter()
                .map(|line| Line::from(Span::styled(line, style))),
        );
    }

    /// A heading, then its text wrapped, after a blank line.
    fn section(&self, heading: &str, text: &str, out: &mut Vec<Line<'static>>) {
        out.push(Line::default());
        self.wrapped(heading, self.theme.heading, out);
        self.wrapped(text, self.theme.text, out);
    }

    /// A heading, then Markdown (evidence, growth advice), after a blank line.
    /// Evidence goes through `keep_lines` first: people type it a fact a
    /// line, and Markdown would join the lines.
    fn markdown(&self, heading: &str, source: &str, out: &mut Vec<Line<'static>>) {
        out.push(Line::default());
        self.wrapped(heading, self.theme.heading, out);
        // The theme without colour asks for Markdown without colour too.
        let styles = if *self.theme == Theme::no_color() {
            MarkdownStyles::plain()
        } else {
            MarkdownStyles::default()
        };
        out.extend(markdown::render(source, self.width, &styles));
    }

    /// The label of scale value `value`, if the scale has it.
    fn label(&self, value: u32) -> Option<&str> {
        self.data
            .pack
            .scale_step(value)
            .map(|step| self.text(&step.label))
    }
}

/// The details of `item`.
pub fn lines(item: Option<Item<'_>>, cx: &Ctx<'_>) -> Vec<Line<'static>> {
    match item {
        Some(Item::Indicator(id)) => match cx.data.pack.indicator(id) {
            Some((dim, ind)) => indicator(cx, cx.text(&dim.name), ind),
            None => Vec::new(),
        },
        Some(Item::Orphan(id)) => orphan(cx, id),
        None => Vec::new(),
    }
}

fn indicator(cx: &Ctx<'_>, dimension: &str, ind: &Indicator) -> Vec<Line<'static>> {
    let data = cx.data;
    let id = ind.id.as_str();
    let mut out = Vec::new();
    let level = data
        .pack
        .level(&ind.level)
        .map(|l| level_label(&l.id, cx.text(&l.name)))
        .unwrap_or_else(|| ind.level.value.clone());
    cx.wrapped(&format!("{dimension} · {level}"), cx.theme.muted, &mut out);
    out.push(Line::default());
    let bold = cx.theme.text.add_modifier(Modifier::BOLD);
    let spans = inline_spans(cx.text(&ind.text), bold, cx.theme.code);
    out.extend(wrap_spans(&spans, cx.width));
    out.push(Line::default());

    let rating = data.profile.ratings.get(id);
    let score = rating.map(|r| r.score);
    let mentor_mode = data.mentor_session.is_some();
    let theirs = data.profile.mentor.as_ref().and_then(|m| m.ratings.get(id));
    if mentor_mode {
        out.extend(scale_row(cx, theirs.map(|m| m.score)));
        mentor_block(cx, score, theirs, &mut out);
    } else {
        out.extend(scale_row(cx, score));
    }
    match score {
        _ if mentor_mode => {}
        Some(value) => {
            let label = cx.label(value).unwrap_or("?");
            let line = format!("{}{}{value} {label}", cx.word(Word::YourScore), cx.colon());
            cx.wrapped(&line, cx.theme.heading, &mut out);
            let hint = data
                .pack
                .scale_step(value)
                .and_then(|step| step.hint.as_ref());
            if let Some(hint) = hint {
                cx.wrapped(cx.text(hint), cx.theme.muted, &mut out);
            }
        }
        None => cx.wrapped(cx.word(Word::NotRated), cx.theme.muted, &mut out),
    }
    if let Some(c) = Contribution::of(&data.pack, id, score) {
        cx.wrapped(
            &contribution(cx, &c, score.is_some()),
            cx.theme.text,
            &mut out,
        );
    }
    if data.assessment.gaps.iter().any(|g| g.indicator == id) {
        let meets = data.pack.meets;
        let reason = gap_reason(cx.lang, meets, cx.label(meets).unwrap_or("?"));
        cx.wrapped(&reason, cx.theme.key, &mut out);
    }
    if let Some(mentor) = theirs.filter(|_| !mentor_mode) {
        let label = cx.label(mentor.score).unwrap_or("?");
        let line = format!(
            "{}{}{} {label}",
            cx.word(Word::MentorScore),
            cx.colon(),
            mentor.score
        );
        cx.wrapped(&line, cx.theme.text, &mut out);
        if let Some(comment) = &mentor.comment {
            let heading = super::mentor::words(cx.lang).mentor_comment;
            cx.markdown(heading, &keep_lines(comment), &mut out);
        }
    }

    let heading = if mentor_mode {
        super::mentor::words(cx.lang).mentee_evidence
    } else {
        cx.word(Word::YourEvidence)
    };
    // A mentor reads the mentee's part; the keys that would write it are
    // not the mentor's.
    let (unrated, no_evidence) = if mentor_mode {
        let words = super::mentor::words(cx.lang);
        (words.mentee_unrated, words.mentee_no_evidence)
    } else {
        (cx.word(Word::RateFirst), cx.word(Word::NoEvidence))
    };
    match rating.map(|r| r.evidence.as_deref()) {
        None => cx.section(heading, unrated, &mut out),
        Some(None) => cx.section(heading, no_evidence, &mut out),
        Some(Some(evidence)) => cx.markdown(heading, &keep_lines(evidence), &mut out),
    }
    runs(cx, id, &mut out);
    if let Some(hint) = &ind.evidence_hint {
        out.push(Line::default());
        let heading = Msg::EvidenceHint.text(cx.lang);
        cx.wrapped(heading, cx.theme.heading, &mut out);
        let spans = inline_spans(cx.text(hint), cx.theme.text, cx.theme.code);
        out.extend(wrap_spans(&spans, cx.width));
    }
    if let Some(growth) = &ind.growth {
        cx.markdown(cx.word(Word::Growth), cx.text(growth), &mut out);
    }
    out
}

/// Mentor mode: the mentor's score and comment, then the mentee's score.
fn mentor_block(
    cx: &Ctx<'_>,
    score: Option<u32>,
    theirs: Option<&crate::core::profile::MentorRating>,
    out: &mut Vec<Line<'static>>,
) {
    let w = super::mentor::words(cx.lang);
    match theirs {
        Some(m) => {
            let label = cx.label(m.score).unwrap_or("?");
            let line = format!("{}{}{} {label}", w.your_score, cx.colon(), m.score);
            cx.wrapped(&line, cx.theme.heading, out);
            match &m.comment {
                Some(comment) => cx.markdown(w.your_comment, &keep_lines(comment), out),
                None => cx.wrapped(w.no_comment, cx.theme.muted, out),
            }
        }
        None => cx.wrapped(w.not_rated, cx.theme.muted, out),
    }
    out.push(Line::default());
    let line = match score {
        Some(value) => {
            let label = cx.label(value).unwrap_or("?");
            format!("{}{}{value} {label}", w.mentee_score, cx.colon())
        }
        None => format!(
            "{}{}{}",
            w.mentee_score,
            cx.colon(),
            cx.word(Word::NotRated)
        ),
    };
    cx.wrapped(&line, cx.theme.text, out);
}

/// The finished checklist runs attached to the indicator as evidence, with
/// the day each was finished and its score.
fn runs(cx: &Ctx<'_>, id: &str, out: &mut Vec<Line<'static>>) {
    let data = cx.data;
    let mut runs = data.runs_for(id).peekable();
    if runs.peek().is_none() {
        return;
    }
    out.push(Line::default());
    let heading = cx.lang.pick("检查清单记录", "Checklist runs");
    cx.wrapped(heading, cx.theme.heading, out);
    for run in runs {
        let tally = Tally::of(run, data.pack.checklist(&run.checklist));
        let day = run.finished.map_or_else(|| run.day(), |at| at.date());
        let score = tally.score().map_or_else(|| "—".to_owned(), percent);
        let line = format!(
            "• {} · {} · {}",
            run.name.replace('\n', " "),
            format_date(day),
            cx.lang
                .pick(format!("得分 {score}"), format!("score {score}"))
        );
        cx.wrapped(&line, cx.theme.text, out);
    }
}

/// A weight as written: `2`, `1.5`.
fn weight(w: f64) -> String {
    let text = format!("{w:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A small share of readiness, to a tenth of a percent so that weights
/// show: 1.5 and 1 at the same score must not read alike.
fn share(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The indicator's weight and what it adds to its level's readiness now
/// and at `meets`: the numbers behind the level's readiness.
fn contribution(cx: &Ctx<'_>, c: &Contribution, rated: bool) -> String {
    let meets = cx.data.pack.meets;
    let (w, all, level) = (weight(c.weight), weight(c.level_weight), &c.level);
    let (now, then) = (share(c.now), share(c.at_meets));
    match (cx.lang, rated) {
        (Lang::Zh, true) => format!(
            "权重 {w}（{level} 共 {all}）：当前为 {level} 准备度贡献 {now}，达标（{meets} 分）时 {then}"
        ),
        (Lang::Zh, false) => format!(
            "权重 {w}（{level} 共 {all}）：未评分按 0 计，当前为 {level} 准备度贡献 {now}，达标（{meets} 分）时 {then}"
        ),
        (Lang::En, true) => format!(
            "Weight {w} of {level}'s {all}: adds {now} to {level} readiness now, {then} at {meets} (meets)"
        ),
        (Lang::En, false) => format!(
            "Weight {w} of {level}'s {all}: unrated counts as 0, so it adds {now} to {level} readiness now, {then} at {meets} (meets)"
        ),
    }
}

/// "0 Not yet · 1 Done once · ...", wrapped between steps, the current
/// score in brackets and reversed so it shows without colour.
fn scale_row(cx: &Ctx<'_>, score: Option<u32>) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for step in &cx.data.pack.scale {
        let value = step.value.value;
        let current = score == Some(value);
        let label = cx.text(&step.label);
        let token = if current {
            format!("[{value} {label}]")
        } else {
            format!("{value} {label}")
        };
        let token = truncate(&token, cx.width);
        let gap = if used == 0 { 0 } else { 3 };
        if used > 0 && used + gap + width(&token) > cx.width {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        } else if used > 0 {
            spans.push(Span::styled(" · ", cx.theme.muted));
            used += gap;
        }
        used += width(&token);
        let style = if current {
            cx.theme.tab_active
        } else {
            cx.theme.text
        };
        spans.push(Span::styled(token, style));
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

fn orphan(cx: &Ctx<'_>, id: &str) -> Vec<Line<'static>> {
    let data = cx.data;
    let mut out = Vec::new();
    cx.wrapped(cx.word(Word::OrphanHeading), cx.theme.muted, &mut out);
    out.push(Line::default());
    // Ids in a profile are kept as written, so they are made safe to show here.
    cx.wrapped(
        &neutralize_controls(id),
        cx.theme.text.add_modifier(Modifier::BOLD),
        &mut out,
    );
    out.push(Line::default());
    if let Some(rating) = data.profile.ratings.get(id) {
        let label = cx.label(rating.score).unwrap_or("");
        let line = format!(
            "{}{}{} {label}",
            cx.word(Word::YourScore),
            cx.colon(),
            rating.score
        );
        cx.wrapped(line.trim_end(), cx.theme.heading, &mut out);
        if let Some(evidence) = &rating.evidence {
            cx.markdown(cx.word(Word::YourEvidence), &keep_lines(evidence), &mut out);
            out.push(Line::default());
        }
    }
    if let Some(mentor) = data.profile.mentor.as_ref().and_then(|m| m.ratings.get(id)) {
        let line = format!(
            "{}{}{}",
            cx.word(Word::MentorScore),
            cx.colon(),
            mentor.score
        );
        cx.wrapped(&line, cx.theme.text, &mut out);
    }
    cx.wrapped(cx.word(Word::OrphanExplain), cx.theme.muted, &mut out);
    out
}
