//! `ladder mentor` and `ladder import --merge` through the real binary, on
//! the `valid-ops` pack (scale 1..5, meets 4):
//!   craft.l1.a  L1 w1     people.l1.a L1 w1
//!   craft.l1.b  L1 w2     people.l2.a L2 w3
//!   craft.l2.a  L2 w1     people.l2.b L2 w1
//!   craft.l3.a  L3 w1     question incidents.worst probes people.l2.a

mod common;

use std::path::{Path, PathBuf};

use common::{fixtures, ladder};
use ladder::core::ids::IndicatorId;
use ladder::core::profile::{ProfileStore, Reviewer};

/// The mentee's profile before it is shared, with an earlier review by Dana.
const PROFILE: &str = "\
version: 2
profile: default
ratings:
  craft.l1.a: {score: 5}
  craft.l1.b: {score: 5, evidence: Rewrote the disk alerts.}
  craft.l2.a: {score: 1}
  people.l2.a: {score: 2}
mentor:
  name: Dana
  ratings:
    craft.l1.b: {score: 2, comment: Show the page counts}
    people.l2.a: {score: 3}
";

/// Chen's review, as `ladder mentor` would leave it in the shared copy.
const REVIEW: &str = "\
mentor:
  name: Chen
  date: 2026-12-05
  ratings:
    craft.l1.b: {score: 2, comment: Show the page counts}
    people.l2.a: {score: 4, comment: Lead the next review}
    craft.l2.a: {score: 2}
    craft.l1.aa: {score: 3}
  notes: A good first year.
  plan:
    - {step: Run the March incident review, owner: mentee, due: 2027-03-01}
";

/// An answer Chen graded in a mock defense, and the card it left.
const DRILL: &str = "\
drill:
  cards:
    incidents.worst:
      due: 2026-12-09T10:00:00+08:00
      stability: 3.2
      difficulty: 5.1
      reps: 1
      lapses: 0
      last_review: 2026-12-05T10:00:00+08:00
  reviews:
    - question: incidents.worst
      at: 2026-12-05T10:00:00+08:00
      grade: good
      seconds: 170
      covered: [0]
      by: Chen
      kind: mock
";

fn with_ops<S: AsRef<std::ffi::OsStr>>(data: &Path, args: &[S]) -> common::Run {
    let mut full: Vec<std::ffi::OsString> = vec![
        "--content".into(),
        fixtures().join("packs/valid-ops").into(),
    ];
    full.extend(args.iter().map(|a| a.as_ref().to_owned()));
    ladder(data, &full)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn merge_takes_the_mentors_part_and_keeps_a_rating_made_after_the_export() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let mine = write(work.path(), "mine.yaml", PROFILE);
    with_ops(data.path(), &[Path::new("import"), mine.as_path()]).expect_code(0);
    let exported = with_ops(data.path(), &["export"]);
    exported.expect_code(0);

    // The mentor's copy: the export with Chen's review in place of Dana's,
    // an answer Chen graded, and (as if edited by hand) the mentee's own
    // craft.l1.a lowered to 1, which a merge must not take.
    let start = exported.stdout.find("mentor:\n").expect("a mentor section");
    let end = exported.stdout[start..]
        .find("\nhistory:")
        .map_or(exported.stdout.len(), |e| start + e + 1);
    let copy_text = format!(
        "{}{REVIEW}{}{DRILL}",
        &exported.stdout[..start],
        &exported.stdout[end..]
    )
    .replace("craft.l1.a:\n    score: 5", "craft.l1.a:\n    score: 1");
    assert!(
        copy_text.contains("craft.l1.a:\n    score: 1"),
        "{copy_text}"
    );
    let copy = write(work.path(), "copy.yaml", &copy_text);

    // Meanwhile the mentee rates craft.l2.a again, after the export.
    let store = ProfileStore::new(data.path());
    let mut profile = store.load("default").expect("load").expect("a profile");
    profile
        .ratings
        .get_mut(&IndicatorId::new("craft.l2.a"))
        .expect("rated")
        .score = 4;
    store.save(&profile).expect("save");

    let run = with_ops(
        data.path(),
        &[Path::new("import"), copy.as_path(), Path::new("--merge")],
    );
    run.expect_code(0).expect_no_internals();
    // Chen rated 4: craft.l1.b as Dana did (unchanged), people.l2.a
    // differently (changed), craft.l2.a and craft.l1.aa anew; two comments.
    let target = data.path().join("profiles/default.yaml");
    let summary = format!(
        "merged the review of Chen from {} into profile `default` ({}): 4 rating(s) (2 new, 1 changed), 2 comment(s), notes, a plan of 1 step(s), 1 drill answer(s) graded by the mentor. Your own ratings, evidence, history and drill answers are as they were.\n",
        copy.display(),
        target.display()
    );
    assert!(run.stderr.ends_with(&summary), "{}", run.stderr);
    // The misspelt id is reported as the mentor's, with the real one.
    assert!(
        run.stderr.starts_with(&format!("{}:", copy.display()))
            && run.stderr.contains(
                "the mentor rated `craft.l1.aa`, which this pack does not have, did you mean `craft.l1.a`? (the rating is kept)"
            ),
        "{}",
        run.stderr
    );

    let merged = store.load("default").expect("load").expect("a profile");
    // The mentee's own part is theirs: the later 4 stands, the copy's 1 does not.
    assert_eq!(merged.ratings["craft.l2.a"].score, 4);
    assert_eq!(merged.ratings["craft.l1.a"].score, 5);
    assert_eq!(
        merged.ratings["craft.l1.b"].evidence.as_deref(),
        Some("Rewrote the disk alerts.")
    );
    let review = merged.mentor.as_ref().expect("the review");
    assert_eq!(review.name, "Chen");
    assert_eq!(review.ratings["people.l2.a"].score, 4);
    assert_eq!(review.notes.as_deref(), Some("A good first year."));
    assert_eq!(review.plan.len(), 1);
    assert_eq!(review.plan[0].owner.as_deref(), Some("mentee"));
    // The answer Chen graded is in the log and counts for scheduling.
    assert_eq!(merged.drill.reviews.len(), 1);
    assert_eq!(merged.drill.reviews[0].by, Reviewer::Mentor("Chen".into()));
    assert_eq!(merged.drill.cards["incidents.worst"].reps, 1);

    // Merging the same copy again brings nothing new into the log.
    let again = with_ops(
        data.path(),
        &[Path::new("import"), copy.as_path(), Path::new("--merge")],
    );
    again.expect_code(0);
    assert!(
        again.stderr.contains("(0 new, 0 changed)"),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("0 drill answer(s)"),
        "{}",
        again.stderr
    );
    let merged = store.load("default").expect("load").expect("a profile");
    assert_eq!(merged.drill.reviews.len(), 1);
}

#[test]
fn mentor_needs_a_name() {
    let data = tempfile::tempdir().expect("data dir");
    let work = tempfile::tempdir().expect("work dir");
    let file = write(work.path(), "wang.yaml", PROFILE);
    let run = with_ops(data.path(), &[Path::new("mentor"), file.as_path()]);
    run.expect_code(1).expect_no_internals();
    assert!(run.stderr.contains("--name"), "{}", run.stderr);
    // Nothing was written to the mentee's file.
    assert_eq!(std::fs::read_to_string(&file).expect("read"), PROFILE);
}

#[test]
fn mentor_on_a_file_that_is_not_there_fails_and_names_it() {
    let data = tempfile::tempdir().expect("data dir");
    let run = with_ops(
        data.path(),
        &["mentor", "/nonexistent/wang.yaml", "--name", "Chen"],
    );
    run.expect_code(1).expect_no_internals();
    assert!(
        run.stderr.contains("/nonexistent/wang.yaml"),
        "{}",
        run.stderr
    );
}
