//! A run as Markdown to paste into a code review: a title, a summary line,
//! the failed items (`must` first) with their notes and how to verify
//! them, then everything else collapsed in a `<details>` block.
//!
//! Meant for a comment, the title is a level-3 heading and the failed items
//! a level-4 section under it (levels 1 and 2 read as a page's title on
//! GitHub); no level is skipped.

use std::fmt::Write as _;

use super::tally::items;
use super::words::{self, severity_word};
use super::{Run, Tally, Verdict};
use crate::core::clock::{OffsetDateTime, format_date};
use crate::core::content::{ChecklistItem, ChecklistSection, Pack, Text};
use crate::core::lang::Lang;
use crate::core::report::escape::block;
use crate::core::report::markdown::indent;
use crate::core::report::{keep_lines, percent};
use crate::core::sanitize::neutralize_controls;

fn t<'a>(text: &'a Text, lang: Lang, pack: &'a Pack) -> &'a str {
    text.get(lang.code(), pack.default_language())
}

/// Text a person typed, on one line, with Markdown's special characters
/// escaped so it reads as typed.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in neutralize_controls(text).chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// `2026-12-04 10:00`.
fn when(at: OffsetDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// The summary line's counts: "2 failed (1 must) · 10 passed · …".
pub fn summary(tally: &Tally, lang: Lang) -> String {
    let c = &tally.counts;
    let mut parts = Vec::new();
    let mut failed = format!("**{}**", words::failed(lang, c.fail));
    if tally.failed_must > 0 {
        failed.push_str(&words::failed_must(lang, tally.failed_must));
    }
    parts.push(failed);
    parts.push(lang.pick(format!("{} 项满足", c.pass), format!("{} passed", c.pass)));
    parts.push(lang.pick(
        format!("{} 项不适用", c.na),
        format!("{} not applicable", c.na),
    ));
    if c.open > 0 {
        parts.push(lang.pick(format!("{} 项未检查", c.open), format!("{} open", c.open)));
    }
    let score = tally.score().map_or_else(|| "—".to_owned(), percent);
    parts.push(lang.pick(format!("得分 {score}"), format!("score {score}")));
    parts.join(" · ")
}

/// The run as Markdown in `lang`.
pub fn to_markdown(pack: &Pack, run: &Run, lang: Lang) -> String {
    let checklist = pack.checklist(&run.checklist);
    let tally = Tally::of(run, checklist);
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let colon = tr("：", ": ");
    let mut out = String::new();
    let title = checklist.map_or_else(
        || inline(&run.checklist),
        |c| inline(t(&c.name, lang, pack)),
    );
    let _ = writeln!(out, "### {title}{colon}{}\n", inline(&run.name));
    let _ = writeln!(out, "{}\n", summary(&tally, lang));
    let mut dates = format!("{} {}", tr("开始于", "Started"), when(run.started));
    if let Some(done) = run.finished {
        let _ = write!(
            dates,
            "{}{} {}",
            tr("，", ", "),
            tr("完成于", "finished"),
            when(done)
        );
    } else {
        let _ = write!(
            dates,
            "{}{}",
            tr("，", ", "),
            tr("尚未完成", "not finished")
        );
    }
    let _ = writeln!(
        out,
        "{dates}{}`{}`{}\n",
        tr("（记录 ", " (run "),
        inline_code(&run.id),
        tr("）", ")")
    );
    let Some(checklist) = checklist else {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "_内容包里已没有这份清单，无法列出各项。_",
                "_The pack no longer has this checklist, so its items cannot be listed._"
            )
        );
        return out;
    };
    let mut failed: Vec<(&ChecklistSection, &ChecklistItem)> = items(checklist)
        .filter(|(_, item)| run.verdict(&item.id) == Some(Verdict::Fail))
        .collect();
    // Stable: within a severity the checklist's order stays.
    failed.sort_by_key(|(_, item)| item.severity.value);
    if !failed.is_empty() {
        let _ = writeln!(
            out,
            "#### {} ({})\n",
            tr("不满足的项", "Failed"),
            failed.len()
        );
        for (n, (section, item)) in failed.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. **{}** · {} — {}\n",
                n + 1,
                severity_word(lang, item.severity.value),
                t(&section.name, lang, pack),
                t(&item.text, lang, pack)
            );
            if let Some(note) = run.note(&item.id).filter(|n| !n.trim().is_empty()) {
                let _ = writeln!(out, "{}\n", indent(&keep_lines(&block(note)), 3));
            }
            if let Some(verify) = item.verify.as_ref().filter(|v| !v.is_blank()) {
                let _ = writeln!(out, "   **{}**\n", tr("如何验证：", "How to verify:"));
                let _ = writeln!(out, "{}\n", indent(t(verify, lang, pack), 3));
            }
        }
    }
    let c = &tally.counts;
    let rest = c.pass + c.na + c.open;
    if rest > 0 {
        let _ = writeln!(
            out,
            "<details>\n<summary>{}</summary>\n",
            lang.pick(
                format!(
                    "其余各项：满足 {}，不适用 {}，未检查 {}",
                    c.pass, c.na, c.open
                ),
                format!(
                    "The other items: {} passed, {} not applicable, {} open",
                    c.pass, c.na, c.open
                )
            )
        );
        for section in &checklist.sections {
            let rows: Vec<&ChecklistItem> = section
                .items
                .iter()
                .filter(|item| run.verdict(&item.id) != Some(Verdict::Fail))
                .collect();
            if rows.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{}**\n", t(&section.name, lang, pack));
            for item in rows {
                let mark = match run.verdict(&item.id) {
                    Some(Verdict::Pass) => tr("✅ 满足", "✅ pass"),
                    Some(Verdict::Na) => tr("➖ 不适用", "➖ n/a"),
                    _ => tr("⬜ 未检查", "⬜ open"),
                };
                let _ = writeln!(
                    out,
                    "- {mark} · {} · {}",
                    severity_word(lang, item.severity.value),
                    t(&item.text, lang, pack)
                );
                if let Some(note) = run.note(&item.id).filter(|n| !n.trim().is_empty()) {
                    let _ = writeln!(out, "\n{}\n", indent(&keep_lines(&block(note)), 2));
                }
            }
            out.push('\n');
        }
        out.push_str("</details>\n");
    }
    if tally.orphans > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                format!("_另有 {} 条结果属于清单中已不存在的条目。_", tally.orphans),
                format!(
                    "_{} more results are for items the checklist no longer has._",
                    tally.orphans
                )
            )
        );
    }
    out
}

/// An id inside backticks: ids never hold one, but a hand-edited file might.
fn inline_code(id: &str) -> String {
    neutralize_controls(id).replace('`', "'")
}
