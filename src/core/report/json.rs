//! The report as JSON: SPEC §4's fields and a few more.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{mentor_comment, strengths};
use crate::core::checklist::{Run, Tally};
use crate::core::clock::OffsetDateTime;
use crate::core::content::Pack;
use crate::core::lang::Lang;
use crate::core::profile::Profile;
use crate::core::sanitize::escape_json_controls;
use crate::core::score::{Assessment, Calibration, Gap};

#[derive(Serialize)]
struct JsonLevel<'a> {
    id: &'a str,
    name: &'a str,
    readiness: f64,
    coverage: f64,
    reached: bool,
    rated: usize,
    indicators: usize,
}

#[derive(Serialize)]
struct JsonDimension<'a> {
    id: &'a str,
    name: &'a str,
    levels: &'a BTreeMap<String, f64>,
}

#[derive(Serialize)]
struct JsonGap<'a> {
    #[serde(flatten)]
    gap: &'a Gap,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonCalibration<'a> {
    #[serde(flatten)]
    calibration: &'a Calibration,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonTrendPoint<'a> {
    date: String,
    current_level: Option<&'a str>,
    target_level: Option<&'a str>,
    levels: &'a BTreeMap<String, f64>,
}

/// One self-rating of an indicator the pack has.
#[derive(Serialize)]
struct JsonRating<'a> {
    indicator: &'a str,
    level: &'a str,
    dimension: &'a str,
    weight: f64,
    score: u32,
    evidence: Option<&'a str>,
    updated: Option<String>,
}

/// A met indicator worth telling a panel about (the Markdown report's
/// "Strengths, with evidence"), in the same order.
#[derive(Serialize)]
struct JsonStrength<'a> {
    indicator: &'a str,
    level: &'a str,
    dimension: &'a str,
    score: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    profile: &'a str,
    pack: &'a str,
    pack_version: Option<&'a str>,
    current_level: Option<&'a str>,
    target_level: Option<&'a str>,
    threshold: f64,
    meets: u32,
    rated: usize,
    total: usize,
    levels: Vec<JsonLevel<'a>>,
    dimensions: Vec<JsonDimension<'a>>,
    gaps: Vec<JsonGap<'a>>,
    calibration: Vec<JsonCalibration<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentor: Option<super::mentor::JsonMentor<'a>>,
    orphaned: &'a [String],
    trend: Vec<JsonTrendPoint<'a>>,
    ratings: Vec<JsonRating<'a>>,
    strengths: Vec<JsonStrength<'a>>,
    drill: super::drill::JsonDrill,
    /// Finished checklist runs attached to indicators as evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checklist_runs: Vec<JsonRunEvidence<'a>>,
}

/// A finished checklist run kept as evidence for indicators.
#[derive(Serialize)]
struct JsonRunEvidence<'a> {
    id: &'a str,
    name: &'a str,
    checklist: &'a str,
    finished: String,
    score: Option<f64>,
    counts: crate::core::checklist::Counts,
    attached_to: Vec<&'a str>,
}

/// The report as pretty JSON: SPEC §4's fields and a few more; `now` tells
/// what is due in `drill`.
pub fn to_json(
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    now: OffsetDateTime,
) -> String {
    to_json_with_runs(pack, profile, a, lang, now, &[])
}

/// The report as JSON with the finished checklist runs attached to
/// indicators as evidence (`checklist_runs`, left out when there are none).
pub fn to_json_with_runs(
    pack: &Pack,
    profile: &Profile,
    a: &Assessment,
    lang: Lang,
    now: OffsetDateTime,
    runs: &[Run],
) -> String {
    let (l, d) = (lang.code(), pack.default_language());
    let agenda = super::mentor::agenda(pack, profile, a);
    let report = JsonReport {
        profile: &profile.profile,
        pack: pack.id(),
        pack_version: pack.meta.version.as_ref().map(|v| v.value.as_str()),
        current_level: a.current_level.as_deref(),
        target_level: a.target_level.as_deref(),
        threshold: pack.threshold,
        meets: pack.meets,
        rated: a.rated,
        total: a.total,
        levels: a
            .levels
            .iter()
            .zip(&pack.levels)
            .map(|(r, lv)| JsonLevel {
                id: &r.id,
                name: lv.name.get(l, d),
                readiness: r.readiness,
                coverage: r.coverage,
                reached: r.reached,
                rated: r.rated,
                indicators: r.indicators,
            })
            .collect(),
        dimensions: a
            .dimensions
            .iter()
            .zip(&pack.dimensions)
            .map(|(r, dim)| JsonDimension {
                id: &r.id,
                name: dim.name.get(l, d),
                levels: &r.levels,
            })
            .collect(),
        gaps: a
            .gaps
            .iter()
            .map(|g| JsonGap {
                gap: g,
                text: pack
                    .indicator(&g.indicator)
                    .map_or("", |(_, i)| i.text.get(l, d)),
            })
            .collect(),
        calibration: a
            .calibration
            .iter()
            .map(|c| JsonCalibration {
                calibration: c,
                comment: mentor_comment(profile, &c.indicator),
            })
            .collect(),
        mentor: super::mentor::json(profile, &agenda),
        orphaned: &a.orphaned,
        trend: profile
            .history
            .iter()
            .map(|s| JsonTrendPoint {
                date: crate::core::clock::format_date(s.date),
                current_level: s.current_level.as_deref(),
                target_level: s.target_level.as_deref(),
                levels: &s.levels,
            })
            .collect(),
        ratings: pack
            .indicators()
            .filter_map(|(dim, ind)| {
                let r = profile.ratings.get(ind.id.as_str())?;
                Some(JsonRating {
                    indicator: &ind.id,
                    level: &ind.level,
                    dimension: &dim.id,
                    weight: ind.weight(),
                    score: r.score,
                    evidence: r.evidence.as_deref(),
                    updated: r.updated.map(crate::core::clock::format_date),
                })
            })
            .collect(),
        strengths: strengths(pack, profile, a)
            .into_iter()
            .map(|s| JsonStrength {
                indicator: &s.indicator.id,
                level: &s.indicator.level,
                dimension: &s.dimension.id,
                score: s.score,
                text: s.indicator.text.get(l, d),
            })
            .collect(),
        drill: super::drill::json(pack, profile, now),
        checklist_runs: runs
            .iter()
            .filter(|r| !r.attached_to.is_empty())
            .filter_map(|run| {
                let finished = run.finished?;
                let tally = Tally::of(run, pack.checklist(&run.checklist));
                Some(JsonRunEvidence {
                    id: &run.id,
                    name: &run.name,
                    checklist: &run.checklist,
                    finished: crate::core::clock::format_instant(finished),
                    score: tally.score(),
                    counts: tally.counts,
                    attached_to: run.attached_to.iter().map(|i| i.as_str()).collect(),
                })
            })
            .collect(),
    };
    // Serializing plain structs of strings and numbers cannot fail; readiness
    // values are always finite (0/0 is taken as 0 in scoring).
    escape_json_controls(serde_json::to_string_pretty(&report).unwrap_or_default()) + "\n"
}
