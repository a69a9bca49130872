//! A run, and the list of checklists and runs, as JSON (SPEC §4).

use serde_json::{Value, json};

use super::tally::{item_count, items};
use super::{Run, Tally};
use crate::core::clock::format_instant;
use crate::core::content::Pack;
use crate::core::lang::Lang;
use crate::core::sanitize::neutralize_controls;

fn counts(tally: &Tally) -> Value {
    let c = &tally.counts;
    json!({"pass": c.pass, "fail": c.fail, "na": c.na, "open": c.open})
}

fn finished(run: &Run) -> Value {
    run.finished
        .map_or(Value::Null, |at| Value::String(format_instant(at)))
}

/// One run: its results item by item, counts per section, and the score.
pub fn to_json(pack: &Pack, run: &Run, lang: Lang) -> String {
    let checklist = pack.checklist(&run.checklist);
    let tally = Tally::of(run, checklist);
    let mut rows = Vec::new();
    let mut sections = Vec::new();
    if let Some(checklist) = checklist {
        for (section, item) in items(checklist) {
            rows.push(json!({
                "id": item.id.value,
                "section": section.id.value,
                "severity": item.severity.value.as_str(),
                "text": item.text.get(lang.code(), pack.default_language()),
                "result": run.verdict(&item.id).map_or("open", |v| v.as_str()),
                "note": run.note(&item.id),
            }));
        }
        for (section, counted) in checklist.sections.iter().zip(&tally.sections) {
            let c = &counted.counts;
            sections.push(json!({
                "id": section.id.value,
                "name": section.name.get(lang.code(), pack.default_language()),
                "counts": {"pass": c.pass, "fail": c.fail, "na": c.na, "open": c.open},
                "failed_must": counted.failed_must,
            }));
        }
    }
    let known = |id: &str| checklist.is_some_and(|c| items(c).any(|(_, i)| i.id.value == id));
    for (id, result) in run.results.iter().filter(|(id, _)| !known(id)) {
        rows.push(json!({
            "id": neutralize_controls(id),
            "section": null,
            "severity": null,
            "result": result.result.map_or("open", |v| v.as_str()),
            "note": result.note,
        }));
    }
    let value = json!({
        "id": neutralize_controls(&run.id),
        "checklist": neutralize_controls(&run.checklist),
        "name": run.name,
        "started": format_instant(run.started),
        "finished": finished(run),
        "score": tally.score(),
        "failed_must": tally.failed_must,
        "counts": counts(&tally),
        "sections": sections,
        "items": rows,
        "attached_to": run.attached_to.iter().map(|i| neutralize_controls(i)).collect::<Vec<_>>(),
    });
    pretty(&value)
}

/// The pack's checklists with their item counts, and the profile's runs.
pub fn list_json(pack: &Pack, runs: &[Run], lang: Lang) -> String {
    let checklists: Vec<Value> = pack
        .checklists
        .iter()
        .map(|c| {
            json!({
                "id": c.id.value,
                "name": c.name.get(lang.code(), pack.default_language()),
                "items": item_count(c),
            })
        })
        .collect();
    let runs: Vec<Value> = runs
        .iter()
        .map(|run| {
            let tally = Tally::of(run, pack.checklist(&run.checklist));
            json!({
                "id": neutralize_controls(&run.id),
                "checklist": neutralize_controls(&run.checklist),
                "name": run.name,
                "started": format_instant(run.started),
                "finished": finished(run),
                "counts": counts(&tally),
                "failed_must": tally.failed_must,
                "score": tally.score(),
            })
        })
        .collect();
    pretty(&json!({"checklists": checklists, "runs": runs}))
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}
