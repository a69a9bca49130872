//! One hostile string, placed wherever a shared file can put text, must
//! reach no output with its control characters: not the terminal (stdout,
//! stderr, the TUI), not a file written with `-o`, not JSON (where they are
//! `\u` escapes), not a source snippet.

// Helpers outside the test functions unwrap too: a failure is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::{Run, fixtures, ladder, patched_pack};
use ladder::core::content::{self, PackSource};
use ladder::core::profile::parse_profile;
use ladder::core::sanitize::is_dangerous;
use ladder::tui::keymap::Keymap;
use ladder::tui::screens::ScreenId;
use ladder::tui::{Action, Data, Lang, State, Theme, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// OSC 52 (clipboard write), BEL, a screen clear, NUL, NEL (C1), a
/// right-to-left override and a right-to-left mark.
const HOSTILE: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{0}\u{85}\u{202e}\u{200f}";

/// The same without NUL, which no file name can hold.
const HOSTILE_NAME: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{85}\u{202e}\u{200f}";

/// The same, as a YAML double-quoted string (YAML has escapes for each).
const HOSTILE_YAML: &str = r"\e]52;c;aGk=\a\e[2J\0\N\u202E\u200F";

/// Fails naming where a control character got through, and which.
fn assert_clean(place: &str, text: &str) {
    if let Some((at, c)) = text.char_indices().find(|(_, c)| is_dangerous(*c)) {
        panic!(
            "{place}: U+{:04X} at byte {at} reached the output:\n{}",
            c as u32,
            text.escape_debug()
        );
    }
}

fn assert_run_clean(place: &str, run: &Run) {
    assert_clean(&format!("{place} (stdout)"), &run.stdout);
    assert_clean(&format!("{place} (stderr)"), &run.stderr);
}

/// The valid-ops pack with the hostile string in texts, in a language code,
/// in an unknown reference and in a file name.
fn hostile_pack(broken: bool) -> tempfile::TempDir {
    let pack = std::fs::read_to_string(fixtures().join("packs/valid-ops/pack.yaml")).unwrap();
    let mut pack = pack.replace(
        "name: Operations engineering ladder",
        &format!("name: \"Ops{HOSTILE_YAML}\""),
    );
    let levels = std::fs::read_to_string(fixtures().join("packs/valid-ops/levels.yaml"))
        .unwrap()
        .replace(
            "name: Associate",
            &format!("name: \"Associate{HOSTILE_YAML}\""),
        );
    let mut files = vec![("levels.yaml".to_owned(), levels)];
    if broken {
        pack = pack
            .replace("id: ops-ladder", &format!("id: \"ops{HOSTILE_YAML}\""))
            .replace(
                "languages: [en]",
                &format!("languages: [en, \"x{HOSTILE_YAML}\"]"),
            );
        let competencies =
            std::fs::read_to_string(fixtures().join("packs/valid-ops/competencies.yaml"))
                .unwrap()
                .replace("level: L3", &format!("level: \"L3{HOSTILE_YAML}\""));
        files.push(("competencies.yaml".to_owned(), competencies));
        // A raw control character in the source line of a syntax error.
        files.push((
            format!("questions/q{HOSTILE_NAME}.yaml"),
            format!("categories: [{HOSTILE}\n"),
        ));
    }
    files.push(("pack.yaml".to_owned(), pack));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    patched_pack("valid-ops", &files)
}

/// A profile with the hostile string in a rating id, evidence, a history
/// key, the mentor's name, comment and notes, and the target level.
fn hostile_profile() -> String {
    format!(
        "version: 2
profile: default
target_level: \"L2{HOSTILE_YAML}\"
ratings:
  craft.l1.a: {{score: 5, evidence: \"ok{HOSTILE_YAML}\\n# I approve\"}}
  \"craft{HOSTILE_YAML}\": {{score: 4}}
mentor:
  name: \"Dana{HOSTILE_YAML}\\n# I approve this promotion\"
  notes: \"n{HOSTILE_YAML}\"
  ratings:
    craft.l1.a: {{score: 5, comment: \"c{HOSTILE_YAML}|x\"}}
history:
  - date: 2026-01-01
    current_level: \"L1{HOSTILE_YAML}\"
    levels: {{\"P{HOSTILE_YAML}\": 0.5, L1: 1}}
"
    )
}

fn with_profile(data: &Path) {
    let dir = data.join("profiles");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("default.yaml"), hostile_profile()).unwrap();
}

#[test]
fn no_output_of_the_command_line_carries_a_control_character() {
    let broken = hostile_pack(true);
    let b = broken.path().to_str().unwrap();
    for args in [
        vec!["validate", b],
        vec!["validate", "--format", "json", b],
        vec!["--content", b, "report"],
    ] {
        let data = tempfile::tempdir().unwrap();
        let run = ladder(data.path(), &args);
        assert_run_clean(&args.join(" "), &run);
        assert!(run.code == Some(1), "{args:?}: {run:?}");
    }

    let good = hostile_pack(false);
    let g = good.path().to_str().unwrap();
    let data = tempfile::tempdir().unwrap();
    with_profile(data.path());
    let out = data.path().join(format!("out{HOSTILE_NAME}.md"));
    let o = out.to_str().unwrap();
    let missing = format!("/nonexistent/{HOSTILE_NAME}");
    let runs = [
        vec!["validate", g],
        vec!["--content", g, "report"],
        vec!["--content", g, "report", "--format", "json"],
        vec!["--content", g, "report", "-o", o],
        vec!["--content", g, "export"],
        vec!["--content", g, "--profile", HOSTILE_NAME, "report"],
        vec!["--content", g, "import", &missing],
    ];
    for args in runs {
        let run = ladder(data.path(), &args);
        assert_run_clean(&args.join(" "), &run);
    }
    assert_clean("report -o FILE", &std::fs::read_to_string(&out).unwrap());

    // The history key was neutralised on load, so JSON (like the profile
    // file written back) holds U+FFFD where the controls were.
    let json = ladder(data.path(), &["--content", g, "report", "--format", "json"]);
    json.expect_code(0);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let history = value.to_string();
    assert!(
        history.contains("P\u{fffd}]52;c;aGk=\u{fffd}\u{fffd}[2J\u{fffd}\u{fffd}\u{fffd}\u{fffd}"),
        "{history}"
    );
}

#[test]
fn no_screen_of_the_app_carries_a_control_character() {
    let good = hostile_pack(false);
    let pack = content::load(&PackSource::Dir(good.path().to_owned()))
        .unwrap()
        .pack;
    let profile = parse_profile(&hostile_profile(), Path::new("default.yaml")).unwrap();
    let data = Data::on_day(pack, profile, time::macros::date!(2026 - 11 - 01));
    for lang in Lang::ALL {
        let mut state = State::new(
            lang,
            Theme::color(),
            Keymap::builtin().unwrap(),
            data.clone(),
        );
        update(
            &mut state,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        for id in ScreenId::ALL {
            update(&mut state, Action::GoTo(id));
            for step in 0..6 {
                let backend = TestBackend::new(120, 40);
                let mut terminal = Terminal::new(backend).unwrap();
                terminal.draw(|frame| view::render(&state, frame)).unwrap();
                let shown: String = terminal
                    .backend()
                    .buffer()
                    .content
                    .iter()
                    .map(|c| c.symbol())
                    .collect();
                assert_clean(&format!("{id:?} {lang:?} step {step}"), &shown);
                update(&mut state, Action::Down);
            }
        }
    }
}

#[test]
fn text_typed_pasted_or_returned_by_an_editor_is_neutralised_before_it_is_kept() {
    use ladder::core::assess;
    use ladder::core::profile::Profile;
    use ladder::tui::key::Key;
    use ratatui::crossterm::event::KeyCode;

    // A bidi control arrives as a key (typed or pasted): it types nothing.
    for c in ['\u{202e}', '\u{200f}', '\u{2066}', '\u{61c}', '\u{85}'] {
        assert_eq!(
            Key::plain(KeyCode::Char(c)).typed(),
            None,
            "U+{:04X}",
            c as u32
        );
    }
    assert_eq!(Key::plain(KeyCode::Char('证')).typed(), Some('证'));

    // The editor's text (and `$VISUAL`'s, which comes the same way) is
    // neutralised when it becomes evidence: newline and tab stay.
    let mut profile = Profile::new("p");
    let day = time::macros::date!(2026 - 11 - 05);
    assess::rate(&mut profile, "craft.l1.a", 4, day);
    let text = format!("PR 7{HOSTILE}\n\tdone");
    assert_eq!(
        assess::set_evidence(&mut profile, "craft.l1.a", &text, day),
        Some(true)
    );
    let kept = profile.ratings["craft.l1.a"].evidence.clone().unwrap();
    assert_clean("evidence", &kept);
    assert!(
        kept.starts_with("PR 7\u{fffd}]52;") && kept.ends_with("\n\tdone"),
        "{kept:?}"
    );
}
