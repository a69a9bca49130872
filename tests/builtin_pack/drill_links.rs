//! The Weak-spots drill reaches a gap only through a question that probes
//! the indicator. Every question probes something, every P7 and P8
//! indicator is probed, and the areas a panel now asks about are there at
//! the levels written down below.

use std::collections::BTreeSet;

use ladder::core::content::Pack;

use super::{fail_if_any, pack};

/// The levels where a promotion panel probes every indicator: a P7 or P8
/// candidate must be able to drill any gap the assessment shows.
const DRILLED_LEVELS: [&str; 2] = ["P7", "P8"];

fn probed(p: &Pack) -> BTreeSet<&str> {
    p.questions
        .iter()
        .flat_map(|q| q.indicators.iter().map(|i| i.value.as_str()))
        .collect()
}

#[test]
fn every_question_probes_an_indicator_of_the_pack() {
    let p = pack();
    let mut problems = Vec::new();
    for q in &p.questions {
        if q.indicators.is_empty() {
            problems.push(format!("question {} probes no indicator", q.id.value));
        }
        for i in &q.indicators {
            if p.indicator(&i.value).is_none() {
                problems.push(format!(
                    "question {} probes `{}`, which the pack does not have",
                    q.id.value, i.value
                ));
            }
        }
    }
    fail_if_any(problems, "questions the drill cannot link to an indicator");
}

#[test]
fn every_p7_and_p8_indicator_is_probed_by_a_question() {
    let p = pack();
    let probed = probed(&p);
    let unprobed: Vec<String> = p
        .indicators()
        .filter(|(_, i)| DRILLED_LEVELS.contains(&i.level.value.as_str()))
        .filter(|(_, i)| !probed.contains(i.id.value.as_str()))
        .map(|(_, i)| {
            format!(
                "{} ({}) is probed by no question",
                i.id.value, i.level.value
            )
        })
        .collect();
    fail_if_any(
        unprobed,
        "P7/P8 indicators the Weak-spots drill cannot reach",
    );
}

/// Indicators the second edition added, each with the level it belongs to.
const NEW_AREAS: [(&str, &str, &str); 15] = [
    ("storage", "system-design.p6.data-access", "P6"),
    ("storage", "system-design.p7.data-scaling", "P7"),
    ("storage", "system-design.p7.online-schema-change", "P7"),
    ("storage", "system-design.p8.data-standards", "P8"),
    ("security", "delivery.p6.secure-changes", "P6"),
    ("security", "system-design.p7.security-privacy-design", "P7"),
    (
        "security",
        "system-design.p8.security-privacy-standards",
        "P8",
    ),
    ("queues", "reliability.p7.message-queue-operations", "P7"),
    ("observability", "reliability.p7.telemetry-quality", "P7"),
    (
        "observability",
        "reliability.p8.observability-standards",
        "P8",
    ),
    (
        "unowned problems",
        "influence.p8.finds-unowned-problems",
        "P8",
    ),
    (
        "AI-assisted engineering",
        "delivery.p6.ai-assisted-changes",
        "P6",
    ),
    (
        "AI-assisted engineering",
        "delivery.p7.ai-assisted-team-practice",
        "P7",
    ),
    (
        "AI-assisted engineering",
        "delivery.p8.ai-engineering-standards",
        "P8",
    ),
    ("risk", "tech-depth.p9.technical-risk-horizon", "P9"),
];

/// Questions that must probe a given indicator: the storage and queue
/// questions a panel asks, linked to what they test.
const QUESTION_LINKS: [(&str, &str); 6] = [
    (
        "architecture.shard-hot-table",
        "system-design.p7.data-scaling",
    ),
    (
        "architecture.online-ddl-large-table",
        "system-design.p7.online-schema-change",
    ),
    (
        "reliability.mq-backlog-and-dead-letters",
        "reliability.p7.message-queue-operations",
    ),
    (
        "architecture.authz-and-personal-data",
        "system-design.p7.security-privacy-design",
    ),
    (
        "reliability.observability-at-scale",
        "reliability.p8.observability-standards",
    ),
    (
        "growth.unassigned-problem",
        "influence.p8.finds-unowned-problems",
    ),
];

#[test]
fn the_second_edition_areas_are_there_at_their_levels() {
    let p = pack();
    let mut problems = Vec::new();
    for (area, id, level) in NEW_AREAS {
        match p.indicator(id) {
            None => problems.push(format!("{area}: no indicator `{id}`")),
            Some((_, i)) if i.level.value != level => problems.push(format!(
                "{area}: `{id}` is at {}, expected {level}",
                i.level.value
            )),
            Some(_) => {}
        }
    }
    for (question, id) in QUESTION_LINKS {
        match p.questions.iter().find(|q| q.id.value == question) {
            None => problems.push(format!("no question `{question}`")),
            Some(q) if !q.indicators.iter().any(|i| i.value == id) => {
                problems.push(format!("question `{question}` does not probe `{id}`"));
            }
            Some(_) => {}
        }
    }
    fail_if_any(problems, "second-edition coverage is missing");
}

#[test]
fn retired_duplicate_indicators_stay_retired() {
    // Each of these scored a behaviour another indicator already scores.
    let p = pack();
    let back: Vec<String> = [
        "tech-depth.p9.industry-influence",
        "business-impact.p9.strategic-technology-choices",
        "delivery.p6.safe-release-habits",
        "delivery.p6.code-review-practice",
        "system-design.p8.documented-tradeoffs",
    ]
    .iter()
    .filter(|id| p.indicator(id).is_some())
    .map(|id| format!("`{id}` is back"))
    .collect();
    fail_if_any(back, "indicators that double-count a behaviour");
}
