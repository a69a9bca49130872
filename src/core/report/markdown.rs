//! The report as a Markdown document in the person's language.

use std::fmt::Write as _;

use super::escape::{block, cell, code, inline};
use super::{keep_lines, level_label, mentor_comment, percent};
use crate::core::checklist::{self, Run, Tally};
use crate::core::clock::{OffsetDateTime, format_date};
use crate::core::content::{Pack, Text};
use crate::core::lang::Lang;
use crate::core::profile::Profile;
use crate::core::sanitize::neutralize_controls;
use crate::core::score::Assessment;

/// A delta with its sign: "+2", "-1", "0".
fn signed(d: i64) -> String {
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// Indents every line of `s` by `n` spaces (for Markdown nested under a list item).
pub(crate) fn indent(s: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    s.trim_end()
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("{pad}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// How readiness is computed, in one line: what a reader needs to trust the
/// numbers (an unrated indicator counts as 0; coverage says how much is rated).
pub fn readiness_rule(max: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "准备度 = Σ 权重×得分 ÷ Σ 权重×{max}（满分），按该职级的全部指标计算，未评分的指标按 0 分计；已评覆盖率 = 已评分指标的权重占该职级总权重的比例。"
        ),
        Lang::En => format!(
            "Readiness = Σ weight × score ÷ Σ weight × {max} (the top score) over all of the level's indicators; an unrated indicator counts as 0. Coverage (rated) = the share of the level's weight you have rated."
        ),
    }
}

fn t<'a>(text: &'a Text, lang: Lang, pack: &'a Pack) -> &'a str {
    text.get(lang.code(), pack.default_language())
}

/// The report as a Markdown document in `lang`.
///
/// `now` tells what is due in the drill section.
pub fn to_markdown(
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    now: OffsetDateTime,
) -> String {
    to_markdown_with_runs(pack, profile, a, lang, now, &[])
}

/// The report with the finished checklist runs attached to indicators as
/// evidence, each named with its date and score.
pub fn to_markdown_with_runs(
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    now: OffsetDateTime,
    runs: &[Run],
) -> String {
    let (colon, comma) = (lang.pick("：", ": "), lang.pick("，", ", "));
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let level_name = |id: &str| -> String {
        pack.level(id).map_or_else(
            || id.to_owned(),
            |l| level_label(id, t(&l.name, lang, pack)),
        )
    };
    let none = tr("尚未达到任何职级", "none yet");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}{colon}{} · {}\n",
        tr("晋升准备报告", "Promotion readiness"),
        inline(&profile.profile),
        inline(t(&pack.meta.name, lang, pack))
    );
    let _ = writeln!(
        out,
        "- **{}**{colon}{}\n- **{}**{colon}{}\n- **{}**{colon}{} / {}\n- **{}**{colon}{} {}{comma}{} {}\n",
        tr("当前职级", "Current level"),
        a.current_level
            .as_deref()
            .map_or_else(|| none.to_owned(), |l| inline(&level_name(l))),
        tr("目标职级", "Target level"),
        a.target_level
            .as_deref()
            .map_or_else(|| "—".to_owned(), |l| inline(&level_name(l))),
        tr("已评分指标", "Indicators rated"),
        a.rated,
        a.total,
        tr("规则", "Rules"),
        tr("达标分数 ≥", "an indicator is met at a score of at least"),
        pack.meets,
        tr(
            "职级达成的准备度 ≥",
            "a level is reached at readiness of at least"
        ),
        percent(pack.threshold),
    );

    let _ = writeln!(out, "## {}\n", tr("各职级准备度", "Readiness by level"));
    let _ = writeln!(out, "{}\n", readiness_rule(pack.max_score(), lang));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---:|---:|---|",
        tr("职级", "Level"),
        tr("准备度", "Readiness"),
        tr("已评覆盖率", "Coverage (rated)"),
        tr("状态", "Status")
    );
    for r in &a.levels {
        let status = if r.reached {
            tr("✓ 已达到", "✓ reached")
        } else if r.indicators == 0 {
            tr("— 无指标", "— no indicators")
        } else {
            tr("✗ 未达到", "✗ not yet")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&level_name(&r.id)),
            super::readiness_percent(r.readiness, pack.threshold),
            percent(r.coverage),
            status
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## {}\n", tr("各维度准备度", "Readiness by dimension"));
    let mut header = format!("| {} |", tr("维度", "Dimension"));
    let mut rule = String::from("|---|");
    for l in &pack.levels {
        let _ = write!(header, " {} |", cell(&l.id.value));
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for (r, dim) in a.dimensions.iter().zip(&pack.dimensions) {
        let mut row = format!("| {} |", cell(t(&dim.name, lang, pack)));
        for l in &pack.levels {
            let has = dim.indicators.iter().any(|i| i.level.value == l.id.value);
            let v = if has {
                percent(r.levels.get(&l.id.value).copied().unwrap_or(0.0))
            } else {
                "—".to_owned()
            };
            let _ = write!(row, " {v} |");
        }
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');

    strengths(&mut out, pack, profile, a, lang, runs);
    run_evidence(&mut out, pack, runs, lang);
    gaps(&mut out, pack, profile, a, lang, runs);
    calibration(&mut out, pack, profile, a, lang);
    trend(&mut out, pack, profile, lang);
    super::drill::markdown(&mut out, pack, profile, lang, now);

    if !a.orphaned.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            tr("不在本内容包中的评分", "Ratings not in this pack"),
            tr(
                "这些评分保存在档案中，但当前内容包没有对应指标，因此不计入得分：",
                "These ratings are kept in the profile but the pack has no such indicators, so they are not scored:"
            )
        );
        for id in &a.orphaned {
            let _ = writeln!(out, "- {}", code(id));
        }
        out.push('\n');
    }
    out
}

/// The finished checklist runs attached to indicators, by name.
fn run_evidence(out: &mut String, pack: &Pack, runs: &[Run], lang: Lang) {
    let attached: Vec<&Run> = runs
        .iter()
        .filter(|r| r.finished.is_some() && !r.attached_to.is_empty())
        .collect();
    if attached.is_empty() {
        return;
    }
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = writeln!(
        out,
        "## {}\n",
        tr("检查清单记录（证据）", "Checklist runs as evidence")
    );
    for run in attached {
        let checklist = pack.checklist(&run.checklist);
        let tally = Tally::of(run, checklist);
        let day = run.finished.map_or_else(|| run.day(), |at| at.date());
        let score = tally.score().map_or_else(|| "—".to_owned(), percent);
        let checklist_name = checklist.map_or_else(
            || neutralize_controls(&run.checklist).into_owned(),
            |c| t(&c.name, lang, pack).to_owned(),
        );
        let _ = writeln!(
            out,
            "- **{}** ({checklist_name}{}{}{}{} {score}{}{}) `{}`",
            checklist::inline(&run.name),
            tr("，", ", "),
            format_date(day),
            tr("，", ", "),
            tr("得分", "score"),
            tr("，", ", "),
            lang.pick(
                format!("{} 项不满足", tally.counts.fail),
                format!("{} failed", tally.counts.fail)
            ),
            neutralize_controls(&run.id).replace('`', "'"),
        );
        for id in &run.attached_to {
            let text = pack.indicator(id).map_or_else(
                || neutralize_controls(id).into_owned(),
                |(_, ind)| format!("[{}] {}", ind.level.value, t(&ind.text, lang, pack)),
            );
            let _ = writeln!(out, "  - {}{text}", tr("证据：", "evidence for: "));
        }
    }
    out.push('\n');
}

/// The finished runs attached to `indicator` as evidence.
fn attached_runs<'r>(runs: &'r [Run], indicator: &str) -> Vec<&'r Run> {
    runs.iter()
        .filter(|r| r.finished.is_some() && r.attached_to.iter().any(|i| i.as_str() == indicator))
        .collect()
}

/// "Checklist run: **PR 482 order sync** (2026-12-04, score 56%)".
fn run_line(run: &Run, pack: &Pack, lang: Lang) -> String {
    let score = Tally::of(run, pack.checklist(&run.checklist))
        .score()
        .map_or_else(|| "—".to_owned(), percent);
    let day = run.finished.map_or_else(|| run.day(), |at| at.date());
    format!(
        "{}**{}** ({}{}{} {score})",
        lang.pick("检查清单记录：", "Checklist run: "),
        checklist::inline(&run.name),
        format_date(day),
        lang.pick("，", ", "),
        lang.pick("得分", "score"),
    )
}

fn strengths(
    out: &mut String,
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    runs: &[Run],
) {
    let colon = lang.pick("：", ": ");
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let items = super::strengths(pack, profile, a);
    let _ = writeln!(out, "## {}\n", tr("优势与证据", "Strengths, with evidence"));
    if items.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr("还没有达标的指标。", "No indicator is met yet.")
        );
        return;
    }
    // Each item is the indicator line, a blank line, then its evidence
    // indented under it: without the blank line Markdown would run the
    // evidence on into the indicator's sentence.
    for s in items {
        let _ = writeln!(
            out,
            "- **[{}] {}**{colon}{} ({}{colon}{})\n",
            inline(&pack.levels[s.level].id.value),
            inline(t(&s.dimension.name, lang, pack)),
            inline(t(&s.indicator.text, lang, pack)),
            tr("得分", "score"),
            s.score
        );
        // Finished checklist runs attached to it are evidence too.
        let attached = attached_runs(runs, &s.indicator.id.value);
        if let Some(e) = s.evidence {
            let _ = writeln!(out, "{}\n", indent(&keep_lines(&block(e)), 4));
        }
        for run in &attached {
            let _ = writeln!(out, "    {}\n", run_line(run, pack, lang));
        }
        if s.evidence.is_none() && attached.is_empty() {
            let _ = writeln!(
                out,
                "    *{}*\n",
                tr("（尚未附上证据）", "(no evidence attached yet)")
            );
        }
    }
}

fn gaps(
    out: &mut String,
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    runs: &[Run],
) {
    let (colon, colon_end, comma) = (
        lang.pick("：", ": "),
        lang.pick("：", ":"),
        lang.pick("，", ", "),
    );
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let target = inline(a.target_level.as_deref().unwrap_or("—"));
    let _ = writeln!(
        out,
        "## {} {target}\n",
        tr("差距：通往", "Gaps on the way to")
    );
    if a.gaps.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "没有差距：目标职级及以下的指标都已达标。",
                "No gaps: every indicator up to the target is met."
            )
        );
        return;
    }
    // Gaps the person rated come first, with everything needed to close
    // them; unrated ones follow as a short list, so a report early in a
    // self-review is not pages of advice on things not yet looked at.
    let rated: Vec<_> = a.gaps.iter().filter(|g| g.rated).collect();
    let unrated: Vec<_> = a.gaps.iter().filter(|g| !g.rated).collect();
    if rated.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "已评分的指标里没有差距。",
                "None of the indicators you rated is below the bar."
            )
        );
    }
    for g in &rated {
        let Some((dim, ind)) = pack.indicator(&g.indicator) else {
            continue;
        };
        let _ = writeln!(
            out,
            "- **[{}] {}**{colon}{} ({}{colon}{}{comma}{}{colon}{})\n",
            inline(&g.level),
            inline(t(&dim.name, lang, pack)),
            inline(t(&ind.text, lang, pack)),
            tr("得分", "score"),
            g.score,
            tr("达标", "meets"),
            pack.meets
        );
        if let Some(e) = profile
            .ratings
            .get(g.indicator.as_str())
            .and_then(|r| r.evidence.as_deref())
            .filter(|e| !e.trim().is_empty())
        {
            let _ = writeln!(
                out,
                "    - {}{colon_end}\n\n{}\n",
                tr("现有证据", "Evidence so far"),
                indent(&keep_lines(&block(e)), 8)
            );
        }
        for run in attached_runs(runs, &g.indicator) {
            let _ = writeln!(out, "    - {}\n", run_line(run, pack, lang));
        }
        if let Some(h) = &ind.evidence_hint {
            let _ = writeln!(
                out,
                "    - {}{colon}{}\n",
                tr("什么算好证据", "What good evidence looks like"),
                inline(t(h, lang, pack))
            );
        }
        if let Some(growth) = &ind.growth {
            let _ = writeln!(
                out,
                "    - {}{colon_end}\n\n{}\n",
                tr("如何成长", "How to grow"),
                indent(&block(t(growth, lang, pack)), 8)
            );
        }
    }
    if !unrated.is_empty() {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            tr("尚未评分", "Not rated yet"),
            unrated.len()
        );
        for g in &unrated {
            let Some((dim, ind)) = pack.indicator(&g.indicator) else {
                continue;
            };
            let _ = writeln!(
                out,
                "- [{}] {}{colon}{} {}",
                inline(&g.level),
                inline(t(&dim.name, lang, pack)),
                inline(t(&ind.text, lang, pack)),
                code(&g.indicator)
            );
        }
        out.push('\n');
    }
}

fn calibration(out: &mut String, pack: &Pack, profile: &Profile, a: &Assessment, lang: Lang) {
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let Some(mentor) = &profile.mentor else {
        return;
    };
    let _ = writeln!(
        out,
        "## {} ({})\n",
        tr("导师校准", "Mentor calibration"),
        inline(&mentor.name)
    );
    if a.calibration.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "导师还没有为已自评的指标打分。",
                "The mentor has not yet rated any self-rated indicator."
            )
        );
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---|",
            tr("指标", "Indicator"),
            tr("自评", "Self"),
            tr("导师", "Mentor"),
            tr("差值", "Delta"),
            tr("导师意见", "Mentor's comment")
        );
        for c in &a.calibration {
            let text = pack
                .indicator(&c.indicator)
                .map_or("", |(_, i)| t(&i.text, lang, pack));
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} | {} |",
                cell(text),
                code(&c.indicator),
                c.self_score,
                c.mentor,
                signed(c.delta),
                cell(mentor_comment(profile, &c.indicator).unwrap_or(""))
            );
        }
        out.push('\n');
    }
    super::mentor::markdown(out, pack, profile, a, lang);
    if let Some(notes) = mentor.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            tr("导师备注", "Mentor's notes"),
            block(notes.trim())
        );
    }
}

fn trend(out: &mut String, pack: &Pack, profile: &Profile, lang: Lang) {
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    if profile.history.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", tr("变化趋势", "Trend"));
    // The pack's levels in ladder order, then any level only the history knows.
    let mut levels: Vec<&String> = pack.levels.iter().map(|l| &l.id.value).collect();
    for s in &profile.history {
        for k in s.levels.keys() {
            if !levels.contains(&k) {
                levels.push(k);
            }
        }
    }
    let mut header = format!("| {} | {} |", tr("日期", "Date"), tr("当前职级", "Current"));
    let mut rule = String::from("|---|---|");
    for l in &levels {
        let _ = write!(header, " {} |", cell(l));
        rule.push_str("---:|");
    }
    let _ = writeln!(out, "{header}\n{rule}");
    for s in &profile.history {
        let mut row = format!(
            "| {} | {} |",
            cell(&s.date.to_string()),
            cell(s.current_level.as_deref().unwrap_or("—"))
        );
        for l in &levels {
            let v = s
                .levels
                .get(*l)
                .map_or_else(|| "—".to_owned(), |x| percent(*x));
            let _ = write!(row, " {v} |");
        }
        let _ = writeln!(out, "{row}");
    }
    out.push('\n');
}
