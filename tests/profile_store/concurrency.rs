//! Several writers at once, in threads and in processes, and writers killed
//! in the middle of a save.
//!
//! Child processes are this test binary run again on one of the ignored
//! `child_*` tests, which only act when the environment tells them to.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use ladder::core::profile::{Profile, ProfileStore, Rating};

use crate::support::{leftovers, store};

const ROLE: &str = "LADDER_TEST_CHILD_ROLE";
const DATA_DIR: &str = "LADDER_TEST_CHILD_DATA_DIR";
const WRITER: &str = "LADDER_TEST_CHILD_WRITER";
const SAVES_PER_WRITER: usize = 15;

/// The profile writer `writer` saves on its `seq`th save: each one different.
fn written_by(writer: usize, seq: usize) -> Profile {
    let mut profile = Profile::new("shared");
    profile.target_level = Some(format!("writer-{writer}").into());
    for i in 0..40 {
        profile.ratings.insert(
            format!("dim.p{i}.indicator").into(),
            Rating {
                score: (i % 5) as u32,
                evidence: Some(format!(
                    "writer {writer}, save {seq}, line {i}\nsecond line"
                )),
                updated: None,
            },
        );
    }
    profile
}

fn last_saves(writers: usize) -> Vec<Profile> {
    (0..writers)
        .map(|w| written_by(w, SAVES_PER_WRITER - 1))
        .collect()
}

#[test]
fn writers_in_threads_leave_one_writers_last_save() {
    let (_dir, store) = store();
    let writers = 4;
    thread::scope(|scope| {
        for writer in 0..writers {
            let store = &store;
            scope.spawn(move || {
                for seq in 0..SAVES_PER_WRITER {
                    store.save(&written_by(writer, seq)).unwrap();
                }
            });
        }
    });
    let saved = store.load("shared").unwrap().unwrap();
    assert!(last_saves(writers).contains(&saved), "{saved:?}");
    assert_eq!(leftovers(&store), Vec::<String>::new());
}

#[test]
fn writers_in_processes_leave_one_writers_last_save() {
    let (dir, store) = store();
    let writers = 3;
    let children: Vec<Child> = (0..writers)
        .map(|writer| spawn_child("child_writer", dir.path(), writer))
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let saved = store.load("shared").unwrap().unwrap();
    assert!(last_saves(writers).contains(&saved), "{saved:?}");
    assert_eq!(leftovers(&store), Vec::<String>::new());
}

/// Run by `writers_in_processes_leave_one_writers_last_save` in a child process.
#[test]
#[ignore = "run as a child process by another test"]
fn child_writer() {
    let Some((store, writer)) = child_setup("writer") else {
        return;
    };
    for seq in 0..SAVES_PER_WRITER {
        store.save(&written_by(writer, seq)).unwrap();
    }
}

/// One of the two profiles the killed writer alternates between: big enough
/// that a save takes a while, so the kill often lands in the middle of one.
fn big(which: &str) -> Profile {
    let mut profile = Profile::new("victim");
    profile.target_level = Some(which.into());
    let evidence = format!("{which}: {}\n", "measured, shipped, explained. ".repeat(6));
    for i in 0..800 {
        profile.ratings.insert(
            format!("dimension-{}.p{}.indicator-{i}", i % 7, i % 4 + 6).into(),
            Rating {
                score: (i % 5) as u32,
                evidence: Some(evidence.repeat(1 + i % 2)),
                updated: Some(time::macros::date!(2026 - 04 - 30)),
            },
        );
    }
    profile
}

#[test]
fn a_writer_killed_mid_save_leaves_the_old_file_whole() {
    let (dir, store) = store();
    let (a, b) = (big("A"), big("B"));
    store.save(&a).unwrap();
    let started = dir.path().join("child-started");
    for round in 0..20 {
        let _ = std::fs::remove_file(&started);
        let mut child = spawn_child("child_saves_until_killed", dir.path(), 0);
        wait_for(&started, &mut child);
        // Half the kills land anywhere in a save; the others as soon as the
        // temp file shows up, in the middle of writing it.
        if round % 2 == 0 {
            thread::sleep(Duration::from_millis(random_below(40)));
        } else {
            wait_for_temp_file(&store);
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let saved = store.load("victim").unwrap().unwrap();
        assert!(saved == a || saved == b, "round {round}: neither profile");
    }
    store.save(&a).unwrap();
    assert_eq!(store.load("victim").unwrap(), Some(a));
    assert_eq!(leftovers(&store), Vec::<String>::new());
}

/// Run by `a_writer_killed_mid_save_leaves_the_old_file_whole` until it is killed.
#[test]
#[ignore = "run as a child process by another test"]
fn child_saves_until_killed() {
    let Some((store, _)) = child_setup("killed") else {
        return;
    };
    let (a, b) = (big("A"), big("B"));
    let started = store.data_dir().join("child-started");
    for round in 0.. {
        store.save(if round % 2 == 0 { &b } else { &a }).unwrap();
        if round == 0 {
            std::fs::write(&started, "").unwrap();
        }
    }
}

fn spawn_child(test: &str, data_dir: &Path, writer: usize) -> Child {
    let role = if test == "child_writer" {
        "writer"
    } else {
        "killed"
    };
    Command::new(std::env::current_exe().unwrap())
        .args([
            &format!("concurrency::{test}"),
            "--exact",
            "--ignored",
            "--test-threads=1",
        ])
        .env(ROLE, role)
        .env(DATA_DIR, data_dir)
        .env(WRITER, writer.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

fn child_setup(role: &str) -> Option<(ProfileStore, usize)> {
    if std::env::var(ROLE).ok()? != role {
        return None;
    }
    let data_dir = PathBuf::from(std::env::var_os(DATA_DIR)?);
    let writer = std::env::var(WRITER).ok()?.parse().ok()?;
    Some((ProfileStore::new(data_dir), writer))
}

/// Waits until the child has finished its first save, failing if it dies or
/// takes unreasonably long.
fn wait_for(marker: &Path, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !marker.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the child exited before saving: {status}");
        }
        assert!(Instant::now() < deadline, "the child never saved");
        thread::sleep(Duration::from_millis(2));
    }
}

/// Waits (for a few seconds at most) until a temp file of a save in progress appears.
fn wait_for_temp_file(store: &ProfileStore) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if leftovers(store)
            .iter()
            .any(|name| name.starts_with(".victim.yaml.tmp-"))
        {
            return;
        }
        thread::sleep(Duration::from_micros(100));
    }
}

fn random_below(limit: u64) -> u64 {
    RandomState::new().build_hasher().finish() % limit
}
