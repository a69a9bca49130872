//! The mentor's part of the report: in JSON the review's name, date, notes,
//! plan, comments and the agenda; in Markdown the groups, each dimension's
//! lean, the agenda and the plan, after the calibration table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::escape::{block, cell, code, inline};
use super::markdown::indent;
use crate::core::content::Pack;
use crate::core::lang::Lang;
use crate::core::mentor::{self, Lean};
use crate::core::profile::Profile;
use crate::core::score::Assessment;

#[derive(Serialize)]
pub(super) struct JsonPlanStep<'a> {
    step: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
}

#[derive(Serialize)]
pub(super) struct JsonAgendaItem<'a> {
    indicator: &'a str,
    level: &'a str,
    #[serde(rename = "self")]
    self_score: Option<u32>,
    mentor: Option<u32>,
    weight: f64,
    questions: &'a [String],
}

/// SPEC §4's `mentor` object, with the agenda.
#[derive(Serialize)]
pub(super) struct JsonMentor<'a> {
    name: &'a str,
    date: Option<String>,
    notes: Option<&'a str>,
    plan: Vec<JsonPlanStep<'a>>,
    comments: BTreeMap<&'a str, &'a str>,
    agenda: Vec<JsonAgendaItem<'a>>,
}

/// The agenda items, kept for the JSON to borrow from.
pub(super) fn agenda(pack: &Pack, profile: &Profile, a: &Assessment) -> Vec<mentor::AgendaItem> {
    mentor::agenda(pack, profile, a)
}

pub(super) fn json<'a>(
    profile: &'a Profile,
    agenda: &'a [mentor::AgendaItem],
) -> Option<JsonMentor<'a>> {
    let m = profile.mentor.as_ref()?;
    Some(JsonMentor {
        name: &m.name,
        date: m.date.map(crate::core::clock::format_date),
        notes: m.notes.as_deref(),
        plan: m
            .plan
            .iter()
            .map(|s| JsonPlanStep {
                step: &s.step,
                owner: s.owner.as_deref(),
                due: s.due.map(crate::core::clock::format_date),
            })
            .collect(),
        comments: m
            .ratings
            .iter()
            .filter_map(|(id, r)| Some((id.as_str(), r.comment.as_deref()?)))
            .collect(),
        agenda: agenda
            .iter()
            .map(|i| JsonAgendaItem {
                indicator: &i.indicator,
                level: &i.level,
                self_score: i.self_score,
                mentor: i.mentor_score,
                weight: i.weight,
                questions: &i.questions,
            })
            .collect(),
    })
}

/// The Markdown after the calibration table.
pub(super) fn markdown(
    out: &mut String,
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
) {
    let tr = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let Some(review) = &profile.mentor else {
        return;
    };
    let (l, d) = (lang.code(), pack.default_language());
    if !a.calibration.is_empty() {
        let g = mentor::groups(a);
        let _ = writeln!(
            out,
            "{}\n",
            match lang {
                Lang::Zh => format!(
                    "相差两分或以上（深入谈）{} 项，相差一分（简短谈）{} 项，一致 {} 项。",
                    g.far_apart.len(),
                    g.one_apart.len(),
                    g.agree.len()
                ),
                Lang::En => format!(
                    "Two or more apart (talk in depth): {}; one apart (talk briefly): {}; agree: {}.",
                    g.far_apart.len(),
                    g.one_apart.len(),
                    g.agree.len()
                ),
            }
        );
        for lean in mentor::leans(pack, a) {
            let name = pack
                .dimensions
                .iter()
                .find(|dim| dim.id.value == lean.dimension)
                .map_or(lean.dimension.as_str(), |dim| dim.name.get(l, d));
            let word = match (lean.lean, lang) {
                (Lean::Higher, Lang::Zh) => "自评比导师高",
                (Lean::Lower, Lang::Zh) => "自评比导师低",
                (Lean::Even, Lang::Zh) => "与导师大体一致",
                (Lean::Higher, Lang::En) => "rates themselves higher than the mentor",
                (Lean::Lower, Lang::En) => "rates themselves lower than the mentor",
                (Lean::Even, Lang::En) => "on balance the same as the mentor",
            };
            let _ = writeln!(
                out,
                "- {}: {word} ({:+.1}, {})",
                inline(name),
                lean.mean_delta,
                match lang {
                    Lang::Zh => format!("{} 项平均", lean.count),
                    Lang::En => format!("mean over {}", lean.count),
                }
            );
        }
        out.push('\n');
    }
    let items = mentor::agenda(pack, profile, a);
    if !items.is_empty() {
        let _ = writeln!(out, "### {}\n", tr("一对一议程", "Agenda for the 1:1"));
        for (n, item) in items.iter().enumerate() {
            let Some((_, ind)) = pack.indicator(&item.indicator) else {
                continue;
            };
            let show = |v: Option<u32>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
            let _ = writeln!(
                out,
                "{}. **{}** {} ({}) · {} {} · {} {}",
                n + 1,
                inline(&ind.text.get(l, d).replace('\n', " ")),
                code(&item.indicator),
                item.level,
                tr("自评", "self"),
                show(item.self_score),
                tr("导师", "mentor"),
                show(item.mentor_score)
            );
            if let Some(growth) = &ind.growth {
                let _ = writeln!(out, "\n   {}\n", tr("成长建议：", "Growth advice:"));
                let _ = writeln!(out, "{}", indent(&block(growth.get(l, d)), 3));
            }
            if !item.questions.is_empty() {
                let _ = writeln!(
                    out,
                    "\n   {}\n",
                    tr("可用来检验的答辩题：", "Drill questions that probe it:")
                );
                for id in &item.questions {
                    if let Some(q) = pack.question(id) {
                        let _ = writeln!(
                            out,
                            "   - {}",
                            inline(&q.prompt.get(l, d).replace('\n', " "))
                        );
                    }
                }
            }
            out.push('\n');
        }
    }
    if !review.plan.is_empty() {
        let _ = writeln!(out, "### {}\n", tr("约定的计划", "Agreed plan"));
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            tr("下一步", "Step"),
            tr("负责人", "Owner"),
            tr("日期", "Due")
        );
        for step in &review.plan {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&step.step),
                cell(step.owner.as_deref().unwrap_or("")),
                step.due
                    .map(crate::core::clock::format_date)
                    .unwrap_or_default()
            );
        }
        out.push('\n');
    }
}
