//! The config loader against good and broken files: each problem located
//! by line and column, misspellings answered with the nearest name.

use super::*;

fn problems(text: &str) -> Vec<String> {
    match parse(text, "config.yaml") {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

#[test]
fn an_empty_file_changes_nothing() {
    let config = parse("", "config.yaml").unwrap();
    assert!(config.keys.is_empty());
    assert_eq!(config.lang, None);
}

#[test]
fn every_setting_is_read() {
    let text = "lang: zh\nprofile: work\ntheme: light\nmentor_name: Chen Jing\n\
                keys:\n  global: {quit: [x]}\n  assess.editing: {back: [ctrl-s]}\n";
    let config = parse(text, "config.yaml").unwrap();
    assert_eq!(config.lang, Some(Lang::Zh));
    assert_eq!(config.profile.as_deref(), Some("work"));
    assert_eq!(config.theme, Some(ThemeName::Light));
    assert_eq!(config.mentor_name.as_deref(), Some("Chen Jing"));
    assert_eq!(config.keys.len(), 2);
}

#[test]
fn an_override_replaces_the_builtin_keys_of_that_action_only() {
    let config = parse("keys:\n  global: {quit: [x]}\n", "c").unwrap();
    let keymap = apply_keys(Keymap::builtin().unwrap(), &config.keys).unwrap();
    let quit = keymap
        .global
        .iter()
        .find(|b| b.action == crate::tui::Action::Quit)
        .unwrap();
    let x: Key = "x".parse().unwrap();
    assert_eq!(quit.keys, [x]);
    // q no longer quits; the other global keys are as built in.
    let q: Key = "q".parse().unwrap();
    assert!(keymap.global.iter().all(|b| !b.keys.contains(&q)));
    assert_eq!(keymap.global.len(), Keymap::builtin().unwrap().global.len());
}

#[test]
fn misspelt_fields_modes_actions_and_keys_are_located_with_the_nearest_name() {
    assert_eq!(
        problems("lang: en\nthmee: dark\n"),
        [
            "config.yaml:2:1: unknown field `thmee` (did you mean `theme`?); \
          the fields are: lang, profile, theme, mentor_name, keys"
        ]
    );
    // A misspelt setting does not hide the problems after it.
    assert_eq!(
        problems("lnag: en\ntheme: lihgt\nkeys:\n  asess: {edit: [e]}\n"),
        [
            "config.yaml:1:1: unknown field `lnag` (did you mean `lang`?); \
          the fields are: lang, profile, theme, mentor_name, keys",
            "config.yaml:2:8: unknown theme `lihgt` (did you mean `light`?); \
          write auto, dark, light or no-color",
            "config.yaml:4:3: unknown mode `asess` (did you mean `assess`?); \
          `ladder config --default` lists the modes"
        ]
    );
    assert_eq!(
        problems("keys:\n  asess: {edit: [e]}\n"),
        [
            "config.yaml:2:3: unknown mode `asess` (did you mean `assess`?); \
          `ladder config --default` lists the modes"
        ]
    );
    let found = problems("keys:\n  global:\n    quti: [x]\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with(
            "config.yaml:3:5: `quti` is not an action of mode `global` (did you mean `quit`?)"
        ),
        "{found:?}"
    );
    let found = problems("keys:\n  assess:\n    edit: [ctlr-e]\n");
    assert!(
        found[0].starts_with("config.yaml:3:12: unknown key `ctlr-e`"),
        "{found:?}"
    );
    assert!(found[0].ends_with("(did you mean `ctrl-e`?)"), "{found:?}");
    assert_eq!(
        problems("theme: lihgt\n"),
        [
            "config.yaml:1:8: unknown theme `lihgt` (did you mean `light`?); \
          write auto, dark, light or no-color"
        ]
    );
    assert_eq!(
        problems("lang: fr\n"),
        ["config.yaml:1:7: `lang` is `fr`; write zh or en"]
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let found = problems("keys:\n  nope: {quit: [q]}\ntheme: x\nlang: fr\n");
    assert_eq!(found.len(), 3, "{found:?}");
    // In the order of the file.
    let lines: Vec<&str> = found
        .iter()
        .map(|p| p.split(':').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(lines, ["2", "3", "4"], "{found:?}");
}

#[test]
fn a_key_bound_twice_in_one_mode_is_an_error() {
    // j already moves down on Assess: the j the file wrote is pointed at.
    assert_eq!(
        problems("keys:\n  assess: {edit: [j]}\n"),
        [
            "config.yaml:2:19: in mode `assess` the key j would do two things (down and edit); \
          give one of them another key"
        ]
    );
    // Given to two actions by the file: the later one is pointed at.
    assert_eq!(
        problems("keys:\n  global:\n    quit: [x]\n    help: [x]\n"),
        [
            "config.yaml:4:12: in mode `global` the key x would do two things (quit and help); \
          give one of them another key"
        ]
    );
    // Listed twice for one action: not "two things", only one too many.
    assert_eq!(
        problems("keys:\n  global: {quit: [x, x]}\n"),
        ["config.yaml:2:22: the key x is listed twice for `quit`; remove one"]
    );
    // The same key in two modes is fine.
    assert!(problems("keys:\n  assess: {edit: [w]}\n  library: {open: [w]}\n").is_empty());
}

#[test]
fn yaml_errors_are_located_too() {
    let found = problems("keys: [\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("config.yaml:"), "{found:?}");
    assert!(!found[0].contains("Error {"), "{found:?}");
}

#[test]
fn the_default_file_lists_every_mode_and_parses_once_uncommented() {
    let text = default_file();
    for mode in [
        "global:",
        "assess:",
        "assess.editing:",
        "assess.confirm:",
        "too_small:",
    ] {
        assert!(text.contains(mode), "{mode}");
    }
    // Uncommenting the keys section gives the built-in keys back: no errors.
    let keys: String = text
        .lines()
        .skip_while(|l| *l != "# keys:")
        .map(|l| l.strip_prefix('#').unwrap_or(l))
        .map(|l| l.split("   # ").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let config = parse(&keys, "default.yaml").unwrap();
    let keymap = apply_keys(Keymap::builtin().unwrap(), &config.keys).unwrap();
    assert_eq!(keymap, Keymap::builtin().unwrap());
}

#[test]
fn a_global_key_a_screen_already_uses_is_a_warning() {
    // x deletes an orphaned rating on Assess: quit on x cannot act there.
    let config = parse("keys:\n  global: {quit: [x]}\n", "config.yaml").unwrap();
    assert!(
        config
            .warnings
            .iter()
            .any(|w| w == "config.yaml: warning: in mode `assess` x does `delete`, so `quit` cannot be reached there with it"),
        "{:?}",
        config.warnings
    );
    // A key no screen uses warns of nothing.
    let config = parse("keys:\n  global: {quit: [ctrl-q]}\n", "config.yaml").unwrap();
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
}

#[test]
fn a_key_bound_twice_is_reported_with_the_other_problems() {
    // The new user's file: a wrong language, the same key for two global
    // actions and a misspelt mode. All three at once, in the order of the file.
    assert_eq!(
        problems("lang: fr\nkeys:\n  global: {quit: [x], help: [x]}\n  asess: {edit: [e]}\n"),
        [
            "config.yaml:1:7: `lang` is `fr`; write zh or en",
            "config.yaml:3:30: in mode `global` the key x would do two things (quit and help); \
          give one of them another key",
            "config.yaml:4:3: unknown mode `asess` (did you mean `assess`?); \
          `ladder config --default` lists the modes"
        ]
    );
    // Beside a key that does not parse and an unknown action in the same
    // mode: the keys that did parse are still checked.
    let found = problems("keys:\n  assess:\n    edit: [j, ctlr-e]\n    eddit: [w]\n");
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(
        found[..2],
        [
            "config.yaml:3:12: in mode `assess` the key j would do two things (down and edit); \
          give one of them another key",
            "config.yaml:3:15: unknown key `ctlr-e`: write a single character, or a name such as \
          tab, shift-tab, esc, enter, up, pagedown, f1, optionally after ctrl- or alt- \
          (did you mean `ctrl-e`?)",
        ]
    );
    assert!(
        found[2].starts_with(
            "config.yaml:4:5: `eddit` is not an action of mode `assess` (did you mean `edit`?)"
        ),
        "{found:?}"
    );
    // A misspelt top-level field does not hide it either.
    assert_eq!(
        problems("keys:\n  global: {quit: [x], help: [x]}\nthmee: dark\n"),
        [
            "config.yaml:2:30: in mode `global` the key x would do two things (quit and help); \
          give one of them another key",
            "config.yaml:3:1: unknown field `thmee` (did you mean `theme`?); \
          the fields are: lang, profile, theme, mentor_name, keys"
        ]
    );
}

#[test]
fn a_modifier_without_a_key_is_said_so_and_never_suggested_back() {
    assert_eq!(
        problems("keys:\n  assess:\n    edit: [ctrl-]\n"),
        ["config.yaml:3:12: `ctrl-` needs a key after the dash, e.g. ctrl-e"]
    );
    // A misspelt modifier with no key: nothing that does not read is offered.
    assert_eq!(
        problems("keys:\n  assess:\n    edit: [ctlr-]\n"),
        [
            "config.yaml:3:12: unknown key `ctlr-`: write a single character, or a name such as \
          tab, shift-tab, esc, enter, up, pagedown, f1, optionally after ctrl- or alt-"
        ]
    );
    // A known modifier before an unknown key: not offered back either.
    assert_eq!(
        problems("keys:\n  assess:\n    edit: [ctrl-foo]\n"),
        [
            "config.yaml:3:12: unknown key `ctrl-foo`: write a single character, or a name such as \
          tab, shift-tab, esc, enter, up, pagedown, f1, optionally after ctrl- or alt-"
        ]
    );
    assert_eq!(did_you_mean("ctrl-", ["ctrl-"].into_iter()), "");
    assert_eq!(
        did_you_mean("lang", ["lang", "lnag"].into_iter()),
        " (did you mean `lnag`?)"
    );
}

#[test]
fn function_keys_are_read_from_f1_to_f24_as_the_default_file_says() {
    let config = parse("keys:\n  global: {quit: [f13, f24]}\n", "config.yaml").unwrap();
    let f = |n| Key::plain(ratatui::crossterm::event::KeyCode::F(n));
    assert_eq!(config.keys[0].2, [f(13), f(24)]);
    assert_eq!(
        problems("keys:\n  global: {quit: [f25]}\n"),
        [
            "config.yaml:2:19: unknown key `f25`: function keys go from f1 to f24, \
          and most terminals send only f1 to f12"
        ]
    );
    assert!(
        default_file().contains("f1..f24 (most\n# terminals send only f1..f12)"),
        "{}",
        default_file()
    );
}
