//! The report's drill part: what is due, how answers went, what is still weak.

use std::fmt::Write as _;

use serde::Serialize;

use super::percent;
use crate::core::clock::{OffsetDateTime, format_date, format_instant};
use crate::core::content::Pack;
use crate::core::drill;
use crate::core::lang::Lang;
use crate::core::profile::{Grade, Profile, SessionKind};
use crate::core::sanitize::neutralize_controls;

/// `drill` in the JSON report (SPEC §4).
#[derive(Serialize)]
pub(super) struct JsonDrill {
    due_today: usize,
    new: usize,
    reviews: usize,
    retention: Option<f64>,
    streak: u32,
    defense_date: Option<String>,
    questions: Vec<JsonQuestion>,
    coverage: Vec<JsonCoverage>,
    orphaned: Vec<JsonOrphan>,
}

#[derive(Serialize)]
struct JsonQuestion {
    id: String,
    category: Option<String>,
    due: Option<String>,
    reviews: usize,
    follow_ups: usize,
    last_grade: Option<&'static str>,
    prompt_changed: bool,
    orphaned: bool,
}

#[derive(Serialize)]
struct JsonCoverage {
    category: String,
    answers: usize,
    coverage: f64,
}

#[derive(Serialize)]
struct JsonOrphan {
    id: String,
    reviews: usize,
    card: bool,
}

/// The drill part of the JSON report, as seen at `now`.
pub(super) fn json(pack: &Pack, profile: &Profile, now: OffsetDateTime) -> JsonDrill {
    let log = &profile.drill;
    let backlog = drill::backlog(pack, log, now);
    let stats = drill::stats(pack, log, now, profile.defense_date);
    let orphaned = drill::orphaned(pack, log);
    let question = |id: &str, category: Option<String>, changed: bool, orphaned: bool| {
        let all = log.reviews.iter().filter(|r| r.question.as_str() == id);
        JsonQuestion {
            id: id.to_owned(),
            category,
            due: log.cards.get(id).map(|c| format_instant(c.due)),
            reviews: drill::reviews_of(log, id).count(),
            follow_ups: all.filter(|r| r.follow_up.is_some()).count(),
            last_grade: drill::last_grade(log, id).map(Grade::as_str),
            prompt_changed: changed,
            orphaned,
        }
    };
    let mut questions: Vec<JsonQuestion> = pack
        .questions
        .iter()
        .filter(|q| {
            let id = q.id.value.as_str();
            log.cards.contains_key(id) || log.reviews.iter().any(|r| r.question.as_str() == id)
        })
        .map(|q| {
            question(
                &q.id.value,
                Some(q.category.value.clone()),
                drill::prompt_changed(log, q),
                false,
            )
        })
        .collect();
    questions.extend(orphaned.iter().map(|o| question(&o.id, None, false, true)));
    JsonDrill {
        due_today: backlog.due_today,
        new: backlog.new,
        reviews: stats.reviews,
        retention: stats.retention,
        streak: stats.streak,
        defense_date: profile.defense_date.map(format_date),
        questions,
        coverage: stats
            .coverage
            .into_iter()
            .map(|c| JsonCoverage {
                category: c.category,
                answers: c.answers,
                coverage: c.coverage,
            })
            .collect(),
        orphaned: orphaned
            .into_iter()
            .map(|o| JsonOrphan {
                id: o.id,
                reviews: o.reviews,
                card: o.card,
            })
            .collect(),
    }
}

/// A grade's name in `lang`.
pub fn grade_name(grade: Grade, lang: Lang) -> &'static str {
    match grade {
        Grade::Again => lang.pick("重来", "Again"),
        Grade::Hard => lang.pick("困难", "Hard"),
        Grade::Good => lang.pick("良好", "Good"),
        Grade::Easy => lang.pick("简单", "Easy"),
    }
}

/// A session kind's name in `lang`.
pub fn kind_name(kind: SessionKind, lang: Lang) -> &'static str {
    match kind {
        SessionKind::Due | SessionKind::New => lang.pick("到期复习", "Due"),
        SessionKind::Weak => lang.pick("薄弱项", "Weak spots"),
        SessionKind::Mock => lang.pick("模拟答辩", "Mock defense"),
        SessionKind::Cram => lang.pick("突击练习", "Cram"),
    }
}

/// How many past sessions the Markdown report lists.
const SESSIONS_SHOWN: usize = 10;

/// The drill section of the Markdown report; nothing before the first answer.
pub(super) fn markdown(
    out: &mut String,
    pack: &Pack,
    profile: &Profile,
    lang: Lang,
    now: OffsetDateTime,
) {
    let log = &profile.drill;
    if log.is_empty() {
        return;
    }
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let (l, d) = (lang.code(), pack.default_language());
    let colon = tr("：", ": ");
    let backlog = drill::backlog(pack, log, now);
    let stats = drill::stats(pack, log, now, profile.defense_date);
    let _ = writeln!(out, "## {}\n", tr("答辩练习", "Defense drill"));
    let _ = writeln!(
        out,
        "- **{}**{colon}{}\n- **{}**{colon}{}\n- **{}**{colon}{}\n- **{}**{colon}{}\n- **{}**{colon}{}",
        tr("今日到期", "Due today"),
        backlog.due_today,
        tr("未练过的题", "Not yet drilled"),
        backlog.new,
        tr("已作答", "Answers"),
        stats.reviews,
        tr(
            "记住率（未评“重来”的比例）",
            "Retention (answers not graded Again)"
        ),
        stats.retention.map_or_else(|| "—".to_owned(), percent),
        tr("连续练习天数", "Current streak, days"),
        stats.streak,
    );
    if let Some(day) = profile.defense_date {
        let left = (day - now.date()).whole_days();
        let _ = writeln!(
            out,
            "- **{}**{colon}{} ({})",
            tr("答辩日期", "Defense date"),
            format_date(day),
            if left >= 0 {
                lang.pick(format!("还有 {left} 天"), format!("{left} days left"))
            } else {
                tr("已过", "past").to_owned()
            }
        );
    }
    out.push('\n');

    let sessions = drill::sessions(pack, log);
    let _ = writeln!(out, "### {}\n", tr("练习记录", "Sessions"));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|",
        tr("开始", "Started"),
        tr("类型", "Kind"),
        tr("作答", "Answers"),
        tr("要点覆盖", "Key points covered"),
        tr("重来", "Again"),
    );
    let skip = sessions.len().saturating_sub(SESSIONS_SHOWN);
    for s in sessions.iter().skip(skip) {
        let start = s.start.to_offset(now.offset());
        let _ = writeln!(
            out,
            "| {} {:02}:{:02} | {} | {} | {} | {} |",
            format_date(start.date()),
            start.hour(),
            start.minute(),
            kind_name(s.kind, lang),
            s.answers,
            s.coverage.map_or_else(|| "—".to_owned(), percent),
            s.again
        );
    }
    if skip > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            lang.pick(
                format!("（另有更早的 {skip} 次练习未列出）"),
                format!("({skip} earlier sessions not listed)")
            )
        );
    }
    out.push('\n');

    if !stats.coverage.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n",
            tr("各类别要点覆盖", "Key points covered by category")
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---:|---:|",
            tr("类别", "Category"),
            tr("作答", "Answers"),
            tr("平均覆盖", "Average coverage")
        );
        for c in &stats.coverage {
            let name = pack
                .category(&c.category)
                .map_or(c.category.as_str(), |cat| cat.name.get(l, d));
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                super::escape::cell(name),
                c.answers,
                percent(c.coverage)
            );
        }
        out.push('\n');
    }

    let weak: Vec<_> = pack
        .questions
        .iter()
        .filter_map(|q| {
            let last = drill::reviews_of(log, &q.id.value).last()?;
            matches!(last.grade, Grade::Again | Grade::Hard).then_some((q, last))
        })
        .collect();
    let _ = writeln!(out, "### {}\n", tr("仍然薄弱的题", "Questions still weak"));
    if weak.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "没有：每道题最近一次都答到了“良好”或以上。",
                "None: every question's last answer was graded Good or Easy."
            )
        );
    }
    for (q, last) in &weak {
        let due = log
            .cards
            .get(q.id.value.as_str())
            .map(|c| format_date(c.due.to_offset(now.offset()).date()));
        let _ = writeln!(
            out,
            "- {} (`{}`){colon}{}{} {}{}",
            q.prompt.get(l, d).trim(),
            q.id.value,
            grade_name(last.grade, lang),
            tr("，要点覆盖", ", key points covered"),
            percent(drill::coverage_of(last, q.key_points.value.len())),
            due.map_or_else(String::new, |day| lang
                .pick(format!("，下次 {day}"), format!(", next on {day}")))
        );
    }
    if !weak.is_empty() {
        out.push('\n');
    }

    let changed = drill::changed_questions(pack, log);
    if !changed.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "这些题的题目在上次练习后改过，可以在练习页重置它们的复习安排：",
                "These questions were reworded since they were last drilled; their schedule can be reset on the Drill screen:"
            )
        );
        for q in changed {
            let _ = writeln!(out, "- `{}`", q.id.value);
        }
        out.push('\n');
    }
    let orphaned = drill::orphaned(pack, log);
    if !orphaned.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr(
                "这些题的练习记录保存在档案中，但当前内容包没有这些题：",
                "These questions' drill history is kept in the profile, but the pack no longer has them:"
            )
        );
        for o in orphaned {
            let _ = writeln!(
                out,
                "- `{}` ({})",
                neutralize_controls(&o.id),
                match (lang, o.reviews) {
                    (Lang::En, 1) => "1 answer".to_owned(),
                    (Lang::En, n) => format!("{n} answers"),
                    (Lang::Zh, n) => format!("{n} 次作答"),
                }
            );
        }
        out.push('\n');
    }
}
