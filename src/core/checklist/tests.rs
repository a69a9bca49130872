//! Runs scored and exported with hand-worked values.
//!
//! The fixture pack `review-runs` has a checklist `review`:
//! safety.lock (must), safety.errors (must), safety.ctx (should);
//! style.names (should), style.docs (nice), style.tests (nice).
//! Weights: must 3, should 2, nice 1.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use time::macros::{date, datetime};

use super::*;
use crate::core::content::{Pack, PackSource, load};
use crate::core::lang::Lang;

fn pack() -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/review-runs");
    load(&PackSource::Dir(dir)).unwrap().pack
}

fn set(run: &mut Run, item: &str, result: Option<Verdict>, note: Option<&str>) {
    run.results.insert(
        item.to_owned(),
        ItemResult {
            result,
            note: note.map(str::to_owned),
        },
    );
}

/// lock fail (noted), errors pass, ctx n/a, names pass, docs fail, tests open.
fn sample() -> Run {
    let mut run = Run::new(
        RunId::new("2026-12-04-pr-482-order-sync"),
        ChecklistId::new("review"),
        "PR 482 order sync",
        datetime!(2026-12-04 10:00:00 +08:00),
    );
    set(
        &mut run,
        "safety.lock",
        Some(Verdict::Fail),
        Some("mu held across the HTTP call\nsee order.go:88"),
    );
    set(&mut run, "safety.errors", Some(Verdict::Pass), None);
    set(&mut run, "safety.ctx", Some(Verdict::Na), None);
    set(&mut run, "style.names", Some(Verdict::Pass), None);
    set(&mut run, "style.docs", Some(Verdict::Fail), None);
    run.finished = Some(datetime!(2026-12-04 10:12:00 +08:00));
    run
}

#[test]
fn a_run_is_counted_per_section_and_scored_by_severity() {
    let pack = pack();
    let tally = Tally::of(&sample(), pack.checklist("review"));
    assert_eq!(
        tally.counts,
        Counts {
            pass: 2,
            fail: 2,
            na: 1,
            open: 1
        }
    );
    assert_eq!(tally.failed_must, 1);
    // Passed: errors (must 3) + names (should 2) = 5.
    assert_eq!(tally.passed_weight, 5);
    // Judged: 5 + lock (must 3) + docs (nice 1) = 9; ctx is n/a, tests open.
    assert_eq!(tally.judged_weight, 9);
    assert_eq!(tally.score(), Some(5.0 / 9.0));
    assert_eq!(tally.progress(), 5.0 / 6.0);
    assert_eq!(tally.sections.len(), 2);
    assert_eq!(tally.sections[0].id, "safety");
    assert_eq!(
        tally.sections[0].counts,
        Counts {
            pass: 1,
            fail: 1,
            na: 1,
            open: 0
        }
    );
    assert_eq!(tally.sections[0].failed_must, 1);
    assert_eq!(
        tally.sections[1].counts,
        Counts {
            pass: 1,
            fail: 1,
            na: 0,
            open: 1
        }
    );
    assert_eq!(tally.sections[1].failed_must, 0);
    assert_eq!(tally.orphans, 0);
}

#[test]
fn not_applicable_never_moves_the_score_and_nothing_judged_has_none() {
    let pack = pack();
    let review = pack.checklist("review");
    let mut run = Run::new(
        RunId::new("r"),
        ChecklistId::new("review"),
        "r",
        datetime!(2026-12-04 10:00:00 +08:00),
    );
    assert_eq!(Tally::of(&run, review).score(), None);
    assert_eq!(Tally::of(&run, review).progress(), 0.0);
    set(&mut run, "safety.ctx", Some(Verdict::Na), None);
    assert_eq!(Tally::of(&run, review).score(), None);
    // One must passed and one nice failed: 3 / (3 + 1).
    set(&mut run, "safety.lock", Some(Verdict::Pass), None);
    set(&mut run, "style.tests", Some(Verdict::Fail), None);
    assert_eq!(Tally::of(&run, review).score(), Some(0.75));
    // A result for an item the checklist lost is kept but not counted.
    set(&mut run, "gone.item", Some(Verdict::Fail), None);
    let tally = Tally::of(&run, review);
    assert_eq!(tally.score(), Some(0.75));
    assert_eq!(tally.orphans, 1);
    assert_eq!(tally.counts.total(), 6);
}

#[test]
fn ids_come_from_the_day_and_the_name() {
    let day = date!(2026 - 12 - 04);
    let free = |_: &str| false;
    assert_eq!(
        new_run_id(day, "PR 482 order sync", "review", free),
        "2026-12-04-pr-482-order-sync"
    );
    assert_eq!(
        new_run_id(day, "  PR #482!! ", "review", free),
        "2026-12-04-pr-482"
    );
    // A name without ASCII letters or digits falls back on the checklist.
    assert_eq!(
        new_run_id(day, "订单同步", "go-code-review", free),
        "2026-12-04-go-code-review"
    );
    let taken = |id: &str| id == "2026-12-04-pr-1" || id == "2026-12-04-pr-1-2";
    assert_eq!(
        new_run_id(day, "PR 1", "review", taken),
        "2026-12-04-pr-1-3"
    );
    let long = "a".repeat(100);
    let id = new_run_id(day, &long, "review", free);
    assert_eq!(id.len(), "2026-12-04-".len() + 40);
    assert!(is_run_id(&id));
}

#[test]
fn a_prefix_resolves_when_it_names_one_run() {
    let ids = [
        "2026-12-04-pr-482",
        "2026-12-04-pr-490",
        "2026-12-05-pr-482",
    ];
    assert_eq!(resolve("2026-12-05", ids), Ok("2026-12-05-pr-482"));
    assert_eq!(resolve("2026-12-04-pr-490", ids), Ok("2026-12-04-pr-490"));
    assert_eq!(
        resolve("2026-12-04", ids),
        Err(Unresolved::Ambiguous {
            given: "2026-12-04".into(),
            matches: vec!["2026-12-04-pr-482".into(), "2026-12-04-pr-490".into()]
        })
    );
    assert_eq!(resolve("x", ids), Err(Unresolved::Unknown("x".into())));
    assert_eq!(resolve("", ids), Err(Unresolved::Unknown("".into())));
    // An id that is also the prefix of another is itself.
    assert_eq!(resolve("a", ["ab", "a"]), Ok("a"));
}

#[test]
fn the_file_reads_back_as_written_and_neutralises_control_characters() {
    let run = sample();
    let path = Path::new("checklists/alice/2026-12-04-pr-482-order-sync.yaml");
    let text = run_to_yaml(&run, path).unwrap();
    assert!(text.starts_with("version: 1\n"), "{text}");
    assert!(
        text.contains("started: \"2026-12-04T10:00:00+08:00\""),
        "{text}"
    );
    assert_eq!(parse_run(&text, path).unwrap(), run);
    let hostile = "version: 1\nid: x\nchecklist: review\nname: \"a\\e[31mb\"\nstarted: 2026-12-04T10:00:00+08:00\n";
    assert_eq!(parse_run(hostile, path).unwrap().name, "a\u{fffd}[31mb");
}

#[test]
fn bad_files_are_reported_with_their_place() {
    let path = Path::new("r.yaml");
    let newer = "version: 2\nid: r\n";
    assert!(matches!(
        parse_run(newer, path),
        Err(crate::core::profile::ProfileError::TooNew { found: 2, .. })
    ));
    let typo = "version: 1\nid: r\nchecklist: review\nname: n\nstarted: 2026-12-04T10:00:00+08:00\nresults:\n  safety.lock: {result: failed}\n";
    let err = parse_run(typo, path).unwrap_err().to_string();
    assert!(err.starts_with("r.yaml:7:"), "{err}");
    let bad_id =
        "version: 1\nid: ../x\nchecklist: review\nname: n\nstarted: 2026-12-04T10:00:00+08:00\n";
    assert!(parse_run(bad_id, path).is_err());
    // Version 0 never existed: pointed at, like a profile's.
    let err = parse_run("id: r\nversion: 0\n", path)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "r.yaml:2:10: version 0 is not a checklist run version (this ladder reads version 1)"
        ),
        "{err}"
    );
    let err = parse_run("id: r\n", path).unwrap_err().to_string();
    assert!(
        err.contains("this is not a checklist run (one starts with `version: 1`)"),
        "{err}"
    );
}

#[test]
fn the_summary_line_counts_in_both_languages() {
    let pack = pack();
    let tally = Tally::of(&sample(), pack.checklist("review"));
    assert_eq!(
        markdown::summary(&tally, Lang::En),
        "**2 failed** (1 must) · 2 passed · 1 not applicable · 1 open · score 56%"
    );
    assert_eq!(
        markdown::summary(&tally, Lang::Zh),
        "**2 项不满足**（必须项 1） · 2 项满足 · 1 项不适用 · 1 项未检查 · 得分 56%"
    );
}

#[test]
fn the_json_export_has_the_pinned_fields() {
    let pack = pack();
    let value: serde_json::Value =
        serde_json::from_str(&to_json(&pack, &sample(), Lang::En)).unwrap();
    assert_eq!(value["id"], "2026-12-04-pr-482-order-sync");
    assert_eq!(value["checklist"], "review");
    assert_eq!(value["name"], "PR 482 order sync");
    assert_eq!(value["started"], "2026-12-04T10:00:00+08:00");
    assert_eq!(value["finished"], "2026-12-04T10:12:00+08:00");
    assert_eq!(value["score"].as_f64(), Some(5.0 / 9.0));
    assert_eq!(
        value["counts"],
        serde_json::json!({"pass": 2, "fail": 2, "na": 1, "open": 1})
    );
    let items = value["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert_eq!(items[0]["id"], "safety.lock");
    assert_eq!(items[0]["section"], "safety");
    assert_eq!(items[0]["severity"], "must");
    assert_eq!(items[0]["result"], "fail");
    assert_eq!(
        items[0]["note"],
        "mu held across the HTTP call\nsee order.go:88"
    );
    assert_eq!(items[5]["result"], "open");
    assert_eq!(items[5]["note"], serde_json::Value::Null);
    assert_eq!(value["sections"][1]["counts"]["open"], 1);
}

#[test]
fn the_list_names_checklists_with_item_counts_and_runs_with_counts() {
    let pack = pack();
    let value: serde_json::Value =
        serde_json::from_str(&list_json(&pack, &[sample()], Lang::Zh)).unwrap();
    assert_eq!(
        value["checklists"],
        serde_json::json!([
            {"id": "release", "name": "发布", "items": 2},
            {"id": "review", "name": "服务评审", "items": 6},
        ])
    );
    assert_eq!(value["runs"][0]["id"], "2026-12-04-pr-482-order-sync");
    assert_eq!(value["runs"][0]["counts"]["fail"], 2);
}

#[test]
fn a_note_cannot_close_the_collapsed_part_or_start_a_heading() {
    let mut run = sample();
    // A passed item's note sits inside the collapsed <details> block.
    set(
        &mut run,
        "safety.errors",
        Some(Verdict::Pass),
        Some("</details>\n# Approved\n<script>x()</script>"),
    );
    let md = super::markdown::to_markdown(&pack(), &run, Lang::En);
    assert!(!md.contains("</details>\n# Approved"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
    // Exactly one collapsed block: the one the export opens and closes.
    assert_eq!(md.matches("</details>").count(), 1, "{md}");
}

#[test]
fn severities_and_failed_musts_have_one_wording_per_language() {
    use crate::core::content::Severity;
    let named: Vec<(&str, &str)> = [Severity::Must, Severity::Should, Severity::Nice]
        .into_iter()
        .map(|s| (severity_word(Lang::Zh, s), severity_word(Lang::En, s)))
        .collect();
    assert_eq!(
        named,
        [("必须", "must"), ("应该", "should"), ("最好", "nice")]
    );
    assert_eq!(
        format!("{}{}", failed(Lang::Zh, 2), failed_must(Lang::Zh, 1)),
        "2 项不满足（必须项 1）"
    );
    assert_eq!(
        format!("{}{}", failed(Lang::En, 2), failed_must(Lang::En, 1)),
        "2 failed (1 must)"
    );
}
