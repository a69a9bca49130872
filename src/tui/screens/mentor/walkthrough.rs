//! The walkthrough: a paced sequence of pages for a 1:1 on a shared
//! screen, from the ladder to the agreed plan.

use super::calibration;
use super::lines::Out;
use super::words::{self, Word};
use crate::core::content::Article;
use crate::core::progress;
use crate::core::report::{level_label, percent, readiness_percent};

/// The pages, in order.
pub const PAGES: [Word; 6] = [
    Word::PageLevels,
    Word::PageMindset,
    Word::PageReadiness,
    Word::PageAgenda,
    Word::PageGaps,
    Word::PagePlan,
];

/// The index of the plan's page.
pub const PLAN_PAGE: usize = 5;

/// The lines of page `page`.
pub fn lines(out: &mut Out<'_>, page: usize) {
    let page = page.min(PAGES.len() - 1);
    let title = words::page_title(out.lang, page + 1, PAGES.len(), PAGES[page]);
    out.title_bar(&title);
    out.blank();
    match page {
        0 => levels(out),
        1 => mindset(out),
        2 => readiness(out),
        3 => calibration::agenda(out),
        4 => gaps(out),
        _ => plan(out),
    }
}

fn levels(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    let a = &data.assessment;
    for level in &data.pack.levels {
        let id = level.id.as_str();
        let mut marks = Vec::new();
        if a.current_level.as_deref() == Some(id) {
            marks.push(Word::Current.text(lang));
        }
        if a.target_level.as_deref() == Some(id) {
            marks.push(Word::Target.text(lang));
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!("  ← {}", marks.join(" · "))
        };
        let label = level_label(id, out.text_of(&level.name));
        out.item("  ", 4, &format!("{label}{marks}"), out.theme.text);
    }
    out.blank();
    let Some(target) = a.target_level.as_deref().and_then(|t| data.pack.level(t)) else {
        out.muted(Word::NoTarget.text(lang));
        return;
    };
    let from = a.current_level.as_deref().unwrap_or("—");
    out.heading(&format!(
        "{} · {from} → {}",
        Word::WhatChanges.text(lang),
        target.id.as_str()
    ));
    if let Some(summary) = &target.summary {
        let summary = out.text_of(summary).to_owned();
        out.markdown(&summary, 0);
    }
    out.blank();
    for dim in &data.pack.dimensions {
        let at_target: Vec<_> = dim
            .indicators
            .iter()
            .filter(|i| i.level.value == target.id.value)
            .collect();
        if at_target.is_empty() {
            continue;
        }
        out.styled(out.text_of(&dim.name), out.theme.heading);
        for ind in at_target {
            let text = out.text_of(&ind.text).replace('\n', " ");
            out.item(" - ", 3, &text, out.theme.text);
        }
    }
}

/// The article about the mindset shift: its id or title says "mindset",
/// else the pack's first article.
fn mindset_article<'p>(out: &Out<'p>) -> Option<&'p Article> {
    let articles = &out.data.pack.articles;
    articles
        .iter()
        .find(|a| {
            a.id.value.to_lowercase().contains("mindset")
                || out.text_of(&a.title).to_lowercase().contains("mindset")
                || out.text_of(&a.title).contains("心态")
        })
        .or_else(|| articles.first())
}

fn mindset(out: &mut Out<'_>) {
    let lang = out.lang;
    let Some(article) = mindset_article(out) else {
        out.muted(Word::NoArticle.text(lang));
        return;
    };
    let title = out.text_of(&article.title).to_owned();
    let body = out.text_of(&article.body).to_owned();
    out.heading(&title);
    // The article's headings are the talking points; its text follows.
    let points: Vec<String> = body
        .lines()
        .filter_map(|l| {
            let t = l.trim_start();
            t.starts_with('#')
                .then(|| t.trim_start_matches('#').trim().to_owned())
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !points.is_empty() {
        out.blank();
        out.styled(Word::TalkingPoints.text(lang), out.theme.heading);
        for p in &points {
            out.item(" • ", 3, p, out.theme.text);
        }
    }
    out.blank();
    out.markdown(&body, 0);
}

fn readiness(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    let a = &data.assessment;
    let bar_width = 20usize;
    for level in &a.levels {
        let filled = ((level.readiness.clamp(0.0, 1.0)) * bar_width as f64).round() as usize;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(bar_width - filled));
        let reached = if level.reached { " ✓" } else { "" };
        out.text(&format!(
            "  {:<4} {bar} {:>4}{reached}",
            level.id,
            readiness_percent(level.readiness, data.pack.threshold)
        ));
    }
    out.blank();
    let current = a.current_level.as_deref().unwrap_or("—");
    let target = a.target_level.as_deref().unwrap_or("—");
    out.text(&format!(
        "{} {current} · {} {target}",
        Word::Current.text(lang),
        Word::Target.text(lang)
    ));
    out.blank();
    out.heading(Word::Trend.text(lang));
    let trend = progress::target_trend(&data.profile, a, data.today());
    let dated: Vec<String> = data
        .profile
        .history
        .iter()
        .filter_map(|s| {
            let t = a.target_level.as_deref()?;
            Some(format!("{} {}", s.date, percent(*s.levels.get(t)?)))
        })
        .collect();
    if trend.len() < 2 || dated.is_empty() {
        out.muted(Word::NoTrend.text(lang));
    } else {
        for line in dated.iter().rev().take(8).rev() {
            out.text(&format!("  {line}"));
        }
    }
}

fn gaps(out: &mut Out<'_>) {
    let (lang, data) = (out.lang, out.data);
    let gaps = &data.assessment.gaps;
    if gaps.is_empty() {
        out.muted(Word::NoGaps.text(lang));
        return;
    }
    for (n, gap) in gaps.iter().take(5).enumerate() {
        let Some((_, ind)) = data.pack.indicator(&gap.indicator) else {
            continue;
        };
        let text = out.text_of(&ind.text).replace('\n', " ");
        let theirs = data
            .profile
            .mentor
            .as_ref()
            .and_then(|m| m.ratings.get(gap.indicator.as_str()));
        let own = data
            .profile
            .ratings
            .get(gap.indicator.as_str())
            .map(|r| r.score);
        let pair = words::pair(lang, own, theirs.map(|r| r.score));
        let bold = out.theme.text.add_modifier(ratatui::style::Modifier::BOLD);
        out.item(
            &format!("{}. ", n + 1),
            3,
            &format!("{} · {pair}", gap.level),
            bold,
        );
        out.inline(&text, 3, out.theme.text);
        if let Some(comment) = theirs.and_then(|r| r.comment.as_deref()) {
            let prefix = lang.pick("导师：", "mentor: ");
            out.inline(
                &format!("{prefix}{}", comment.replace('\n', " ")),
                3,
                out.theme.muted,
            );
        }
        out.blank();
    }
}

fn plan(out: &mut Out<'_>) {
    let lang = out.lang;
    if out.data.mentor_session.is_some() {
        out.muted(Word::PlanKeys.text(lang));
        out.blank();
    }
    calibration::plan(out);
}
