//! The report's drill part (SPEC §4 `drill`, and the Markdown section) on
//! the `valid-drill` pack, at a fixed `LADDER_NOW`: Friday 2026-12-04 09:00
//! in Shanghai.

mod common;

use std::path::Path;

use common::{Run, fixtures, ladder_command, run_command};
use serde_json::Value;

/// Three questions drilled, one orphan (`retired.q`), a follow-up of a mock.
const PROFILE: &str = "\
version: 2
profile: default
defense_date: 2026-12-20
drill:
  cards:
    incidents.worst: {due: 2026-12-03T09:00:00+08:00, stability: 1.2, difficulty: 6.0, reps: 2, lapses: 0, last_review: 2026-12-01T09:10:00+08:00}
    design.runbook: {due: 2026-12-04T21:00:00+08:00, stability: 2.3, difficulty: 2.1, reps: 1, lapses: 0, last_review: 2026-12-02T09:00:00+08:00}
    people.onboard: {due: 2026-12-09T09:00:00+08:00, stability: 8.3, difficulty: 1.0, reps: 1, lapses: 0, last_review: 2026-12-03T09:00:00+08:00}
    retired.q: {due: 2026-12-01T09:00:00+08:00, stability: 2.3, difficulty: 2.1, reps: 1, lapses: 0, last_review: 2026-11-20T09:00:00+08:00}
  reviews:
    - {question: retired.q, at: 2026-11-20T09:00:00+08:00, grade: good, seconds: 100, covered: [0], by: self, kind: new}
    - {question: incidents.worst, at: 2026-12-01T09:05:00+08:00, grade: again, seconds: 130, covered: [0], by: self, kind: new}
    - {question: incidents.worst, at: 2026-12-01T09:10:00+08:00, grade: hard, seconds: 110, covered: [0, 1], by: self, kind: due}
    - {question: design.runbook, at: 2026-12-02T09:00:00+08:00, grade: good, seconds: 200, covered: [0, 1], by: self, kind: new}
    - {question: design.runbook, at: 2026-12-02T09:40:00+08:00, grade: good, seconds: 50, covered: [], by: self, kind: mock, follow_up: 0}
    - {question: people.onboard, at: 2026-12-03T09:00:00+08:00, grade: easy, seconds: 90, covered: [0, 1, 2], by: self, kind: new}
";

fn report(data: &Path, args: &[&str]) -> Run {
    std::fs::create_dir_all(data.join("profiles")).expect("mkdir");
    std::fs::write(data.join("profiles/default.yaml"), PROFILE).expect("write");
    let run = run_command(
        ladder_command()
            .env("LADDER_NOW", "2026-12-04T09:00:00+08:00")
            .arg("--data-dir")
            .arg(data)
            .arg("--content")
            .arg(fixtures().join("packs/valid-drill"))
            .arg("report")
            .args(args),
    );
    run.expect_code(0).expect_no_internals();
    run
}

#[test]
fn json_drill_counts_what_is_due_new_and_remembered() {
    let data = tempfile::tempdir().expect("data dir");
    let run = report(data.path(), &["--format", "json"]);
    let r: Value = serde_json::from_str(&run.stdout).expect("JSON report");
    let d = &r["drill"];
    // worst (overdue since the 3rd) and runbook (tonight); onboard is the 9th;
    // the orphan does not count.
    assert_eq!(d["due_today"], 2);
    // 7 questions, 3 with a card.
    assert_eq!(d["new"], 4);
    assert_eq!(d["reviews"], 6);
    // 5 of 6 answers not Again.
    assert!((d["retention"].as_f64().unwrap() - 5.0 / 6.0).abs() < 1e-9);
    // The 3rd, 2nd and 1st; nothing yet today.
    assert_eq!(d["streak"], 3);
    assert_eq!(d["defense_date"], "2026-12-20");
    let questions = d["questions"].as_array().expect("questions");
    let ids: Vec<&str> = questions
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "incidents.worst",
            "design.runbook",
            "people.onboard",
            "retired.q"
        ]
    );
    assert_eq!(questions[0]["due"], "2026-12-03T09:00:00+08:00");
    assert_eq!(questions[0]["reviews"], 2);
    assert_eq!(questions[0]["last_grade"], "hard");
    // The follow-up is counted apart from the question's own answers.
    assert_eq!(questions[1]["reviews"], 1);
    assert_eq!(questions[1]["follow_ups"], 1);
    assert_eq!(questions[1]["last_grade"], "good");
    assert_eq!(questions[3]["orphaned"], true);
    assert_eq!(questions[3]["last_grade"], "good");
    // incidents (1/3 + 2/3) / 2, design 2/2, people 3/3.
    let coverage: Vec<(String, f64)> = d["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["category"].as_str().unwrap().to_owned(),
                c["coverage"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(coverage.len(), 3);
    assert_eq!(coverage[0].0, "incidents");
    assert!((coverage[0].1 - 0.5).abs() < 1e-9);
    assert_eq!((coverage[1].0.as_str(), coverage[1].1), ("design", 1.0));
    assert_eq!((coverage[2].0.as_str(), coverage[2].1), ("people", 1.0));
    assert_eq!(d["orphaned"][0]["id"], "retired.q");
    assert_eq!(d["orphaned"][0]["card"], true);
}

#[test]
fn markdown_lists_sessions_coverage_and_what_is_still_weak() {
    let data = tempfile::tempdir().expect("data dir");
    let md = report(data.path(), &["--format", "md"]).stdout.clone();
    let section = &md[md.find("## Defense drill").expect("drill section")..];
    for line in [
        "- **Due today**: 2",
        "- **Retention (answers not graded Again)**: 83%",
        "- **Current streak, days**: 3",
        "- **Defense date**: 2026-12-20 (16 days left)",
        // New and Due answers 5 minutes apart make one session.
        "| 2026-12-01 09:05 | Due | 2 | 50% | 1 |",
        "| 2026-12-02 09:00 | Due | 1 | 100% | 0 |",
        // A follow-up has no key points of its own.
        "| 2026-12-02 09:40 | Mock defense | 1 | — | 0 |",
        "| Incidents | 2 | 50% |",
        "- Tell us about the worst incident you led. (`incidents.worst`): Hard, key points covered 67%, next on 2026-12-03",
        "- `retired.q` (1 answer)",
    ] {
        assert!(section.contains(line), "missing `{line}` in\n{section}");
    }
    assert!(!section.contains("people.onboard"), "{section}");

    let zh = report(data.path(), &["--lang", "zh", "--format", "md"])
        .stdout
        .clone();
    assert!(zh.contains("## 答辩练习"), "{zh}");
    assert!(zh.contains("还有 16 天"), "{zh}");
}
