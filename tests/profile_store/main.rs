//! The profile store on a real file system: round trips, refusals, backups,
//! moving a bad file aside, and (in the submodules) concurrent and killed
//! writers and property tests.

// clippy.toml allows unwrap in #[test] functions; the helpers here are test code too.
#![allow(clippy::unwrap_used)]

mod concurrency;
mod props;
mod support;

use std::collections::BTreeMap;
use std::fs;

use ladder::core::profile::{MentorRating, MentorReview, Profile, ProfileError, Rating, Snapshot};
use support::{leftovers, store};

fn rating(score: u32, evidence: Option<&str>) -> Rating {
    Rating {
        score,
        evidence: evidence.map(str::to_string),
        updated: Some(time::macros::date!(2026 - 04 - 01)),
    }
}

fn sample() -> Profile {
    let mut profile = Profile::new("alice");
    profile.target_level = Some("P7".into());
    profile.ratings.insert(
        "tech-depth.p6.profiling".into(),
        rating(
            3,
            Some("Cut p99 from 800ms to 120ms:\n- pprof\n- fixed the lock\n"),
        ),
    );
    profile
        .ratings
        .insert("impact.p7.roadmap".into(), rating(1, None));
    profile.mentor = Some(MentorReview {
        name: "Bob".into(),
        date: None,
        plan: Vec::new(),
        ratings: BTreeMap::from([(
            "tech-depth.p6.profiling".into(),
            MentorRating {
                score: 2,
                comment: Some("Show the flame graph".into()),
            },
        )]),
        notes: None,
    });
    profile.history.push(Snapshot {
        date: time::macros::date!(2026 - 03 - 01),
        current_level: Some("P6".into()),
        target_level: Some("P7".into()),
        levels: BTreeMap::from([("P6".into(), 0.8125), ("P7".into(), 0.25)]),
        dimensions: BTreeMap::from([(
            "tech-depth".into(),
            BTreeMap::from([("P6".into(), 0.75), ("P7".into(), 0.0)]),
        )]),
    });
    profile
}

#[test]
fn a_saved_profile_loads_back_equal() {
    let (_dir, store) = store();
    let profile = sample();
    store.save(&profile).unwrap();
    assert_eq!(store.load("alice").unwrap(), Some(profile));
    assert!(
        store
            .path("alice")
            .unwrap()
            .ends_with("profiles/alice.yaml")
    );
}

#[test]
fn a_new_profile_is_a_short_readable_file() {
    let (_dir, store) = store();
    store.save(&Profile::new("default")).unwrap();
    let text = fs::read_to_string(store.path("default").unwrap()).unwrap();
    assert_eq!(text, "version: 2\nprofile: default\nratings: {}\n");
}

#[test]
fn a_profile_never_saved_loads_as_none() {
    let (_dir, store) = store();
    assert_eq!(store.load("nobody").unwrap(), None);
    assert_eq!(store.list().unwrap(), Vec::<String>::new());
}

#[test]
fn list_names_only_profiles() {
    let (_dir, store) = store();
    store.save(&Profile::new("b")).unwrap();
    store.save(&Profile::new("a")).unwrap();
    store.save(&Profile::new("b")).unwrap();
    fs::write(store.profiles_dir().join("notes.txt"), "x").unwrap();
    assert_eq!(
        store.list().unwrap(),
        vec!["a".to_string(), "b".to_string()]
    );
}

#[test]
fn the_previous_good_file_is_kept_as_a_backup() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    let first = sample();
    store.save(&first).unwrap();
    let first_bytes = fs::read(&path).unwrap();
    let mut second = first.clone();
    second.target_level = Some("P8".into());
    store.save(&second).unwrap();
    let backup = path.with_file_name("alice.yaml.bak");
    assert_eq!(fs::read(&backup).unwrap(), first_bytes);
    assert_eq!(store.load("alice").unwrap(), Some(second));
    assert_eq!(leftovers(&store), Vec::<String>::new());
}

const CORRUPT: &str = "version: 1\nprofile: alice\nratings: {x: {score: 3}\n";

#[test]
fn a_corrupt_file_is_never_overwritten() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, CORRUPT).unwrap();

    let err = store.load("alice").unwrap_err();
    assert!(err.is_unreadable_file());
    assert!(
        err.to_string()
            .starts_with(&format!("{}:3:", path.display())),
        "{err}"
    );

    let err = store.save(&sample()).unwrap_err();
    assert!(matches!(err, ProfileError::Refused { .. }), "{err}");
    assert!(err.is_unreadable_file());
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{}:3:", path.display())),
        "{message}"
    );
    assert!(
        message.ends_with("(nothing was saved, and the file was left as it is)"),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), CORRUPT);
    assert!(!path.with_file_name("alice.yaml.bak").exists());
    assert_eq!(leftovers(&store), Vec::<String>::new());
}

#[test]
fn a_file_from_a_newer_ladder_is_refused_and_named() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let newer =
        "version: 3\nprofile: alice\nratings: {x: {score: 3, confidence: 0.9}}\nstreak: 12\n";
    fs::write(&path, newer).unwrap();

    let expected = format!(
        "{}: was written by a newer ladder (version 3; this one reads 2): upgrade ladder",
        path.display()
    );
    assert_eq!(store.load("alice").unwrap_err().to_string(), expected);
    let err = store.save(&sample()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{expected} (nothing was saved, and the file was left as it is)")
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn a_file_that_is_not_text_is_refused_with_its_position() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let bytes = b"version: 1\nprofile: al\xffice\n".to_vec();
    fs::write(&path, &bytes).unwrap();
    let err = store.load("alice").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2:12: the file is not UTF-8 text; fix the file by hand, or move it aside and \
             start fresh",
            path.display()
        )
    );
    assert!(store.save(&sample()).is_err());
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn an_oversized_file_is_refused_without_being_parsed() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let size = 5 * 1024 * 1024;
    fs::write(&path, vec![b'#'; size]).unwrap();
    let err = store.load("alice").unwrap_err();
    assert!(
        matches!(err, ProfileError::TooLarge { size: s, limit: 4_194_304, .. } if s == size as u64),
        "{err}"
    );
    assert!(matches!(
        store.save(&sample()),
        Err(ProfileError::Refused { .. })
    ));
    assert_eq!(fs::metadata(&path).unwrap().len(), size as u64);
}

#[test]
fn ratings_for_unknown_ids_survive_a_load_and_save() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "\
version: 1
profile: alice
ratings:
  removed.p6.old-indicator: {score: 2, evidence: kept}
  \"名前.指標\": {score: 4}
  \"tab\\there\": {score: 0}
  \"1\": {score: 1}
  \"null\": {score: 1}
  \"with space\": {score: 3, evidence: \"multi\\nline\"}
mentor:
  name: Bob
  ratings:
    also.gone: {score: 1, comment: why}
";
    fs::write(&path, text).unwrap();
    let loaded = store.load("alice").unwrap().unwrap();
    let ids: Vec<&str> = loaded.ratings.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        ids,
        [
            "1",
            "null",
            "removed.p6.old-indicator",
            "tab\there",
            "with space",
            "名前.指標"
        ]
    );
    assert_eq!(
        loaded.ratings["with space"],
        rating_without_date(3, "multi\nline")
    );
    store.save(&loaded).unwrap();
    let again = store.load("alice").unwrap().unwrap();
    // Read from a version 1 file, written as version 2, nothing else changed.
    assert_eq!(
        again,
        Profile {
            version: 2,
            ..loaded
        }
    );
    assert_eq!(
        again.mentor.unwrap().ratings.keys().collect::<Vec<_>>(),
        ["also.gone"]
    );
}

fn rating_without_date(score: u32, evidence: &str) -> Rating {
    Rating {
        score,
        evidence: Some(evidence.into()),
        updated: None,
    }
}

#[test]
fn names_that_would_leave_the_store_are_refused() {
    let (dir, store) = store();
    for name in ["../escape", "a/b", ".hidden", "", "x\0"] {
        assert!(
            matches!(store.path(name), Err(ProfileError::BadName { .. })),
            "{name:?}"
        );
        assert!(
            matches!(store.load(name), Err(ProfileError::BadName { .. })),
            "{name:?}"
        );
        assert!(matches!(
            store.move_aside(name, "t"),
            Err(ProfileError::BadName { .. })
        ));
        let profile = Profile::new(name);
        assert!(
            matches!(store.save(&profile), Err(ProfileError::BadName { .. })),
            "{name:?}"
        );
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_bad_file_can_be_moved_aside_and_started_afresh() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, CORRUPT).unwrap();

    let moved = store.move_aside("alice", "2026-04-30T12:00:00Z").unwrap();
    assert_eq!(
        moved,
        path.with_file_name("alice.yaml.corrupt-2026-04-30T12-00-00Z")
    );
    assert_eq!(fs::read_to_string(&moved).unwrap(), CORRUPT);
    assert_eq!(store.load("alice").unwrap(), None);

    store.save(&sample()).unwrap();
    assert_eq!(store.load("alice").unwrap(), Some(sample()));

    // The same stamp again does not clobber the first file moved aside.
    fs::write(&path, "not: [a profile\n").unwrap();
    let second = store.move_aside("alice", "2026-04-30T12:00:00Z").unwrap();
    assert_eq!(
        second,
        path.with_file_name("alice.yaml.corrupt-2026-04-30T12-00-00Z-2")
    );
    assert_eq!(fs::read_to_string(&moved).unwrap(), CORRUPT);
    assert_eq!(fs::read_to_string(&second).unwrap(), "not: [a profile\n");
}

#[test]
fn moving_aside_a_missing_file_says_it_is_not_there() {
    let (_dir, store) = store();
    let err = store.move_aside("ghost", "1").unwrap_err();
    let path = store.path("ghost").unwrap();
    assert_eq!(
        err.to_string(),
        format!("{}: no such file; check the path", path.display())
    );
}

#[test]
fn a_save_removes_temp_files_left_by_a_dead_writer_but_no_others() {
    let (_dir, store) = store();
    let dir = store.profiles_dir();
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join(".alice.yaml.tmp-999999-3"),
        "version: 1\nprofile: al",
    )
    .unwrap();
    // The temp file of another profile, named `alice.yaml.tmp-1`, is not ours to remove.
    fs::write(dir.join(".alice.yaml.tmp-1.yaml.tmp-999999-3"), "x").unwrap();
    store.save(&sample()).unwrap();
    assert_eq!(
        leftovers(&store),
        vec![".alice.yaml.tmp-1.yaml.tmp-999999-3".to_string()]
    );
}

#[cfg(unix)]
#[test]
fn a_new_file_is_private_and_an_existing_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    store.save(&sample()).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    store.save(&Profile::new("alice")).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[cfg(unix)]
#[test]
fn a_profile_linked_from_elsewhere_is_saved_through_the_link() {
    let (dir, store) = store();
    let elsewhere = dir.path().join("notes");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::create_dir_all(store.profiles_dir()).unwrap();
    let real = elsewhere.join("alice.yaml");
    fs::write(&real, "version: 1\nprofile: alice\n").unwrap();
    let link = store.path("alice").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();

    store.save(&sample()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(store.load("alice").unwrap(), Some(sample()));
    assert_eq!(
        fs::read_to_string(elsewhere.join("alice.yaml.bak")).unwrap(),
        "version: 1\nprofile: alice\n"
    );
}

#[test]
fn a_file_outside_the_store_can_be_read_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mentee.yaml");
    let missing = ladder::core::profile::read_profile_file(&path).unwrap_err();
    assert!(matches!(missing, ProfileError::NotFound { .. }));
    ladder::core::profile::save_profile_file(&path, &sample()).unwrap();
    assert_eq!(
        ladder::core::profile::read_profile_file(&path).unwrap(),
        sample()
    );
}

#[test]
fn the_default_data_dir_is_named_for_ladder() {
    if let Some(dir) = ladder::core::profile::default_data_dir() {
        let shown = dir.to_string_lossy().to_lowercase();
        assert!(shown.contains("ladder"), "{shown}");
    }
}

#[test]
fn the_demo_profile_loads_and_survives_a_save() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/profile.yaml");
    let profile = ladder::core::profile::read_profile_file(&demo).unwrap();
    assert!(!profile.ratings.is_empty());
    let (_dir, store) = store();
    let mut copy = profile.clone();
    copy.profile = "demo".into();
    store.save(&copy).unwrap();
    copy.version = 2;
    assert_eq!(store.load("demo").unwrap(), Some(copy));
}

/// A profile file as ladder wrote it before version 2.
const VERSION_1: &str = "\
version: 1
profile: alice
target_level: P7
ratings:
  tech-depth.p6.profiling:
    score: 3
    evidence: Cut p99 from 800ms to 120ms.
    updated: 2026-03-01
mentor:
  name: Bob
  ratings:
    tech-depth.p6.profiling: {score: 2, comment: Show the flame graph}
history:
  - date: 2026-03-01
    current_level: P6
    levels: {P6: 0.8125, P7: 0.25}
";

#[test]
fn a_version_1_file_upgrades_on_the_first_save_and_keeps_its_original_once() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, VERSION_1).unwrap();

    let loaded = store.load("alice").unwrap().unwrap();
    assert_eq!(loaded.version, 1);
    assert_eq!(
        loaded.ratings["tech-depth.p6.profiling"].updated,
        Some(time::macros::date!(2026 - 03 - 01))
    );
    assert_eq!(loaded.mentor.as_ref().unwrap().date, None);
    store.save(&loaded).unwrap();

    let v1_bak = path.with_file_name("alice.yaml.v1.bak");
    assert_eq!(fs::read_to_string(&v1_bak).unwrap(), VERSION_1);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("version: 2\n"), "{text}");
    assert!(text.contains("updated: \"2026-03-01\""), "{text}");
    let again = store.load("alice").unwrap().unwrap();
    assert_eq!(
        again,
        Profile {
            version: 2,
            ..loaded
        }
    );

    // Later saves leave the version 1 original alone.
    let mut changed = again.clone();
    changed.target_level = Some("P8".into());
    store.save(&changed).unwrap();
    assert_eq!(fs::read_to_string(&v1_bak).unwrap(), VERSION_1);
    let bak = path.with_file_name("alice.yaml.bak");
    assert!(fs::read_to_string(bak).unwrap().starts_with("version: 2\n"));
}

#[test]
fn a_version_2_file_keeps_its_drill_log_and_plan() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "\
version: 2
profile: alice
pack: {id: go-backend-p6-p9, version: 1.0.0}
defense_date: 2027-03-15
ratings: {}
mentor:
  name: Chen
  date: 2026-12-01
  ratings: {}
  plan:
    - {step: Agree the SLO, owner: alice, due: 2027-01-15}
drill:
  cards:
    impact.prove-business-value:
      due: 2026-12-09T09:00:00+08:00
      stability: 3.2
      difficulty: 5.1
      reps: 2
      lapses: 0
      last_review: 2026-12-04T09:05:00+08:00
  reviews:
    - question: impact.prove-business-value
      at: 2026-12-04T09:05:00+08:00
      grade: good
      seconds: 174
      covered: [0, 2, 3]
      by: self
      kind: due
";
    fs::write(&path, text).unwrap();
    let loaded = store.load("alice").unwrap().unwrap();
    assert_eq!(
        loaded.defense_date,
        Some(time::macros::date!(2027 - 03 - 15))
    );
    let plan = &loaded.mentor.as_ref().unwrap().plan;
    assert_eq!(plan[0].due, Some(time::macros::date!(2027 - 01 - 15)));
    let card = &loaded.drill.cards["impact.prove-business-value"];
    assert_eq!(
        card.due,
        time::macros::datetime!(2026-12-09 09:00:00 +08:00)
    );
    assert_eq!(card.reps, 2);
    let review = &loaded.drill.reviews[0];
    assert_eq!(review.grade, ladder::core::profile::Grade::Good);
    assert_eq!(review.covered, [0, 2, 3]);
    assert_eq!(review.by, ladder::core::profile::Reviewer::Own);
    store.save(&loaded).unwrap();
    assert_eq!(store.load("alice").unwrap().unwrap(), loaded);
    assert!(!path.with_file_name("alice.yaml.v1.bak").exists());
}

#[test]
fn a_bad_date_is_located() {
    let (_dir, store) = store();
    let path = store.path("alice").unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(
        &path,
        "version: 2\nprofile: alice\ndefense_date: 2027-02-30\n",
    )
    .unwrap();
    let err = store.load("alice").unwrap_err().to_string();
    assert!(err.contains("alice.yaml:3:"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

fn review(question: &str, minute: i64) -> ladder::core::profile::Review {
    ladder::core::profile::Review {
        question: question.into(),
        at: time::macros::datetime!(2026-12-04 09:00:00 +08:00) + time::Duration::minutes(minute),
        grade: ladder::core::profile::Grade::Good,
        seconds: 120,
        covered: vec![0, 1],
        by: ladder::core::profile::Reviewer::Own,
        kind: ladder::core::profile::SessionKind::Due,
        prompt_hash: None,
        follow_up: None,
    }
}

#[test]
fn drill_reviews_live_in_an_append_only_log_beside_the_profile() {
    let (_dir, store) = store();
    let mut profile = Profile::new("alice");
    profile.drill.reviews = vec![review("q.one", 0), review("q.two", 5)];
    store.save(&profile).unwrap();
    let path = store.path("alice").unwrap();
    let log = path.with_file_name("alice.reviews.jsonl");
    let yaml = fs::read_to_string(&path).unwrap();
    assert!(!yaml.contains("reviews"), "{yaml}");
    let first = fs::read_to_string(&log).unwrap();
    assert_eq!(first.lines().count(), 2);
    assert!(
        first
            .lines()
            .next()
            .unwrap()
            .contains("\"question\":\"q.one\"")
    );
    assert_eq!(store.load("alice").unwrap().unwrap(), profile);

    // One more answer: one more line, the earlier ones byte for byte as they were.
    profile.drill.reviews.push(review("q.one", 60));
    store.save(&profile).unwrap();
    let second = fs::read_to_string(&log).unwrap();
    assert!(second.starts_with(&first));
    assert_eq!(second.lines().count(), 3);
    assert_eq!(store.load("alice").unwrap().unwrap(), profile);

    // A replaced profile (an import) rewrites the log to match.
    profile.drill.reviews = vec![review("q.three", 1)];
    store.save(&profile).unwrap();
    assert_eq!(fs::read_to_string(&log).unwrap().lines().count(), 1);
    assert_eq!(store.load("alice").unwrap().unwrap(), profile);
}

#[test]
fn a_broken_review_log_is_named_with_its_line() {
    let (_dir, store) = store();
    store.save(&Profile::new("alice")).unwrap();
    let path = store.path("alice").unwrap();
    fs::write(
        path.with_file_name("alice.reviews.jsonl"),
        "{\"question\": 1}\n",
    )
    .unwrap();
    let err = store.load("alice").unwrap_err().to_string();
    assert!(err.contains("alice.reviews.jsonl:1:"), "{err}");
}

#[test]
fn a_failed_save_leaves_the_file_and_its_backup_as_they_were() {
    let (_dir, store) = store();
    let mut profile = Profile::new("alice");
    store.save(&profile).unwrap();
    profile.target_level = Some("P7".into());
    store.save(&profile).unwrap();
    let path = store.path("alice").unwrap();
    let bak = path.with_file_name("alice.yaml.bak");
    let (before, before_bak) = (fs::read(&path).unwrap(), fs::read(&bak).unwrap());
    // A profile that cannot be written as YAML fails before anything is touched.
    profile.ratings.insert(
        "x".into(),
        Rating {
            score: 1,
            evidence: Some("y".repeat(ladder::core::profile::MAX_PROFILE_BYTES + 1)),
            updated: None,
        },
    );
    assert!(store.save(&profile).is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(fs::read(&bak).unwrap(), before_bak);
}

#[test]
fn a_save_that_expects_an_older_file_saves_nothing() {
    use ladder::core::profile::Expect;
    let (_dir, store) = store();
    let first = store
        .save_as("alice", &Profile::new("alice"), Expect::Absent)
        .unwrap();
    // Creating it again is refused.
    assert!(matches!(
        store.save_as("alice", &Profile::new("alice"), Expect::Absent),
        Err(ProfileError::Exists { .. })
    ));
    let mut mine = Profile::new("alice");
    mine.target_level = Some("P7".into());
    let second = store
        .save_as("alice", &mine, Expect::Hash(Some(first)))
        .unwrap();
    // A writer that still thinks the file is the first one is stopped.
    let mut stale = Profile::new("alice");
    stale.target_level = Some("P8".into());
    assert!(matches!(
        store.save_as("alice", &stale, Expect::Hash(Some(first))),
        Err(ProfileError::ChangedOnDisk { .. })
    ));
    assert_eq!(store.load("alice").unwrap().unwrap(), mine);
    assert_eq!(store.disk_hash("alice"), Some(second));
    // The file opened is the file saved, whatever its `profile:` says.
    let mut other = Profile::new("holdout-a");
    other.target_level = Some("P6".into());
    store.save_as("alice", &other, Expect::Any).unwrap();
    assert!(!store.path("holdout-a").unwrap().exists());
}
