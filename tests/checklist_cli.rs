//! `ladder checklist list` and `ladder checklist export` through the real
//! binary, on the `review-runs` pack (see src/core/checklist/tests.rs for
//! its items) and runs written by hand.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, fixtures, ladder};
use serde_json::Value;

fn review_pack() -> PathBuf {
    fixtures().join("packs/review-runs")
}

/// `ladder --data-dir DATA --content review-runs ARGS…`.
fn with_review(data: &Path, args: &[&str]) -> Run {
    let mut full: Vec<std::ffi::OsString> = vec!["--content".into(), review_pack().into()];
    full.extend(args.iter().map(Into::into));
    ladder(data, &full)
}

/// A data dir holding the fixture run, and a second run started the same
/// day, as profile `default`.
fn data_with_runs() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().join("checklists/default");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let name = "2026-12-04-pr-482-order-sync.yaml";
    std::fs::copy(fixtures().join("runs").join(name), dir.join(name)).expect("copy");
    std::fs::write(
        dir.join("2026-12-04-pr-490.yaml"),
        "version: 1\nid: 2026-12-04-pr-490\nchecklist: release\nname: PR 490\n\
         started: 2026-12-04T15:00:00+08:00\nresults:\n  go.rollback: {result: pass}\n",
    )
    .expect("write");
    data
}

#[test]
fn list_shows_checklists_with_item_counts_and_runs_newest_first() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["checklist", "list"]);
    run.expect_code(0).expect_no_internals();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "Checklists in the pack:");
    // Columns as wide as their widest cell: ids 7 (release), names 14
    // (Service review).
    assert_eq!(lines[1], "  release  Release         2 items");
    assert_eq!(lines[2], "  review   Service review  6 items");
    assert_eq!(lines[4], "Runs of profile default:");
    // 1 of 2 decided; nothing failed; 3 / 3 passed. Each column is as
    // wide as its widest cell: ids 28, checklists 7, names 17, scores 10.
    assert_eq!(
        lines[5],
        "  2026-12-04-pr-490             release  PR 490             2026-12-04  1/2  0 failed (0 must)  score 100%  in progress"
    );
    assert_eq!(
        lines[6],
        "  2026-12-04-pr-482-order-sync  review   PR 482 order sync  2026-12-04  5/6  2 failed (1 must)  score 56%   finished"
    );
}

#[test]
fn list_and_export_in_chinese_name_severities_as_the_app_does() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["--lang", "zh", "checklist", "list"]);
    run.expect_code(0).expect_no_internals();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[6],
        "  2026-12-04-pr-482-order-sync  review   PR 482 order sync  2026-12-04  5/6  2 项不满足（必须项 1）  得分 56%   已完成"
    );
    let run = with_review(
        data.path(),
        &["--lang", "zh", "checklist", "export", "2026-12-04-pr-482"],
    );
    run.expect_code(0).expect_no_internals();
    let text = &run.stdout;
    assert!(
        text.contains("**2 项不满足**（必须项 1） · 2 项满足"),
        "{text}"
    );
    assert!(
        text.contains("1. **必须** · 安全 — 锁只保护共享状态。\n"),
        "{text}"
    );
    assert!(
        text.contains("2. **最好** · 风格 — 导出的名字都有文档注释。\n"),
        "{text}"
    );
    assert!(
        text.contains("- ✅ 满足 · 必须 · 每个错误都被处理或返回。\n"),
        "{text}"
    );
    assert!(
        text.contains("- ➖ 不适用 · 应该 · 会阻塞的调用都接收 context。\n"),
        "{text}"
    );
    for english in ["must", "should", "nice"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
}

#[test]
fn list_lines_up_wide_and_long_names_by_display_width() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().join("checklists/default");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("2026-12-05-review.yaml"),
        "version: 1\nid: 2026-12-05-review\nchecklist: review\nname: 订单同步第二轮评审\n\
         started: 2026-12-05T09:00:00+08:00\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("2026-12-06-long.yaml"),
        "version: 1\nid: 2026-12-06-long\nchecklist: release\n\
         name: A very long name that goes on and on past any column\n\
         started: 2026-12-06T09:00:00+08:00\n",
    )
    .expect("write");
    let run = with_review(data.path(), &["checklist", "list"]);
    run.expect_code(0).expect_no_internals();
    let lines: Vec<&str> = run.stdout.lines().collect();
    // The long name is cut to 32 cells (31 and `…`); the Chinese name takes
    // 18 cells (9 characters of 2) and is padded with 14 spaces to 32.
    assert_eq!(
        lines[5],
        "  2026-12-06-long    release  A very long name that goes on a…  2026-12-06  0/2  0 failed (0 must)  score —  in progress"
    );
    assert_eq!(
        lines[6],
        "  2026-12-05-review  review   订单同步第二轮评审                2026-12-05  0/6  0 failed (0 must)  score —  in progress"
    );
    // In Chinese the checklists' names line up by width too: 发布 takes 4
    // cells and 服务评审 8.
    let run = with_review(data.path(), &["--lang", "zh", "checklist", "list"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[1], "  release  发布      2 项");
    assert_eq!(lines[2], "  review   服务评审  6 项");
}

#[test]
fn the_built_in_checklists_line_up() {
    let data = tempfile::tempdir().expect("temp dir");
    let run = ladder(data.path(), &["--lang", "en", "checklist", "list"]);
    run.expect_code(0).expect_no_internals();
    let lines: Vec<&str> = run.stdout.lines().collect();
    // go-code-review and promotion-materials (19 characters, the longest
    // id): every name starts after the indent, 19 and two spaces.
    assert!(
        lines[1].starts_with("  go-code-review       Go code review"),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("  promotion-materials  Promotion materials"),
        "{}",
        run.stdout
    );
    // The item counts line up after the longest name.
    let column = |line: &str| line.find(" items").expect("items");
    assert_eq!(column(lines[1]), column(lines[2]), "{}", run.stdout);
}

#[test]
fn list_as_json_has_the_pinned_shape() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["checklist", "list", "--format", "json"]);
    run.expect_code(0);
    let value: Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(value["checklists"][1]["id"], "review");
    assert_eq!(value["checklists"][1]["items"], 6);
    let runs = value["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["id"], "2026-12-04-pr-482-order-sync");
    assert_eq!(runs[0]["finished"], "2026-12-04T10:12:00+08:00");
    assert_eq!(
        runs[1]["counts"],
        serde_json::json!({"pass": 1, "fail": 0, "na": 0, "open": 1})
    );
    assert_eq!(runs[1]["finished"], Value::Null);
}

#[test]
fn export_takes_a_unique_prefix_and_writes_a_file() {
    let data = data_with_runs();
    let out = data.path().join("review.md");
    let run = with_review(
        data.path(),
        &[
            "checklist",
            "export",
            "2026-12-04-pr-48",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    run.expect_code(0).expect_no_internals();
    assert_eq!(run.stdout, "");
    let text = std::fs::read_to_string(out).expect("written");
    assert!(
        text.starts_with("### Service review: PR 482 order sync\n\n"),
        "{text}"
    );
    assert!(
        text.contains("**2 failed** (1 must) · 2 passed · 1 not applicable · 1 open · score 56%")
    );
}

#[test]
fn export_as_json_scores_the_run() {
    let data = data_with_runs();
    let run = with_review(
        data.path(),
        &[
            "checklist",
            "export",
            "2026-12-04-pr-490",
            "--format",
            "json",
        ],
    );
    run.expect_code(0);
    let value: Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(value["checklist"], "release");
    // The must passed; the nice is open: 3 / 3.
    assert_eq!(value["score"].as_f64(), Some(1.0));
    assert_eq!(value["items"][1]["result"], "open");
}

#[test]
fn unknown_and_ambiguous_runs_fail_with_a_sentence() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["checklist", "export", "2026-12-04"]);
    run.expect_code(1).expect_no_internals();
    assert_eq!(
        run.stderr.trim(),
        "`2026-12-04` could be any of 2026-12-04-pr-482-order-sync, 2026-12-04-pr-490; give more of the id"
    );
    let run = with_review(data.path(), &["checklist", "export", "pr-482"]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("no checklist run `pr-482`; `ladder checklist list` shows the runs"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn an_unreadable_run_is_named_and_left_alone() {
    let data = data_with_runs();
    let path = data
        .path()
        .join("checklists/default/2026-12-05-broken.yaml");
    std::fs::write(&path, "version: 1\nid: [\n").expect("write");
    let run = with_review(data.path(), &["checklist", "list"]);
    run.expect_code(0).expect_no_internals();
    assert!(run.stderr.starts_with("warning: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("2026-12-05-broken.yaml:"),
        "{}",
        run.stderr
    );
    let run = with_review(data.path(), &["checklist", "export", "2026-12-05"]);
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains("2026-12-05-broken.yaml:"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "version: 1\nid: [\n"
    );
}

#[test]
fn no_runs_yet_is_said_plainly_in_chinese_too() {
    let data = tempfile::tempdir().expect("temp dir");
    let run = with_review(data.path(), &["--lang", "zh", "checklist", "list"]);
    run.expect_code(0);
    assert!(
        run.stdout.contains("  review   服务评审  6 项\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("（还没有；在 ladder 的「清单」页开始一次）"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_report_names_a_finished_run_attached_as_evidence() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["report"]);
    run.expect_code(0).expect_no_internals();
    let md = &run.stdout;
    assert!(md.contains("## Checklist runs as evidence\n\n"), "{md}");
    // Finished 10:12 on 2026-12-04; 5/9 passed by weight; 2 failed.
    assert!(
        md.contains(
            "- **PR 482 order sync** (Service review, 2026-12-04, score 56%, 2 failed) `2026-12-04-pr-482-order-sync`\n  - evidence for: [L1] Writes alerts that page only for user-visible symptoms.\n"
        ),
        "{md}"
    );
    // The run in progress is attached to nothing and not named.
    assert!(!md.contains("PR 490"), "{md}");
}

#[test]
fn a_strength_or_a_gap_names_the_run_attached_to_it() {
    let data = data_with_runs();
    // craft.l1.b met (4 is "meets") with no written evidence; craft.l1.a
    // met with evidence and no run.
    let profiles = data.path().join("profiles");
    std::fs::create_dir_all(&profiles).expect("mkdir");
    std::fs::write(
        profiles.join("default.yaml"),
        "version: 2\nprofile: default\nratings:\n  craft.l1.a: {score: 5, evidence: Ran the rollback.}\n  craft.l1.b: {score: 4}\n",
    )
    .expect("write");
    let run = with_review(data.path(), &["report"]);
    run.expect_code(0).expect_no_internals();
    let md = &run.stdout;
    let strengths = md
        .split("## Strengths, with evidence\n\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a strengths section");
    // The run, finished 2026-12-04 with 5 of 9 weighted points: 56%.
    assert!(
        strengths.contains(
            "Writes alerts that page only for user-visible symptoms. (score: 4)\n\n    Checklist run: **PR 482 order sync** (2026-12-04, score 56%)\n"
        ),
        "{strengths}"
    );
    assert!(
        !strengths.contains("no evidence attached yet"),
        "{strengths}"
    );
    assert!(strengths.contains("    Ran the rollback.\n"), "{strengths}");
}

#[test]
fn the_json_report_lists_the_runs_kept_as_evidence() {
    let data = data_with_runs();
    let run = with_review(data.path(), &["report", "--format", "json"]);
    run.expect_code(0);
    let value: Value = serde_json::from_str(&run.stdout).expect("json");
    let runs = value["checklist_runs"].as_array().expect("checklist_runs");
    // Only the finished run attached to an indicator.
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["id"], "2026-12-04-pr-482-order-sync");
    assert_eq!(runs[0]["finished"], "2026-12-04T10:12:00+08:00");
    assert_eq!(runs[0]["score"].as_f64(), Some(5.0 / 9.0));
    assert_eq!(runs[0]["attached_to"], serde_json::json!(["craft.l1.b"]));
    // Without runs the field is left out, as before.
    let empty = tempfile::tempdir().expect("temp dir");
    let run = with_review(empty.path(), &["report", "--format", "json"]);
    let value: Value = serde_json::from_str(&run.stdout).expect("json");
    assert!(value.get("checklist_runs").is_none());
}
