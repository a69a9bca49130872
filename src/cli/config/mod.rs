//! The user's configuration (`config.yaml`): language, default profile,
//! theme, mentor name and key overrides per mode, layered over the built-in
//! values (built-in < file < environment < command line).
//!
//! Checked like a pack: every problem as `file:line:col: message`, with a
//! did-you-mean for misspelt fields, modes, actions and key names.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::Spanned;

use crate::core::lang::Lang;
use crate::core::sanitize::neutralize_controls;
use crate::tui::Theme;
use crate::tui::keymap::{Binding, Key, Keymap, UnknownKey, keys_label};
use crate::tui::screens::ScreenId;

/// The largest config file read: a real one is a few hundred bytes.
const MAX_BYTES: u64 = 256 * 1024;

/// The themes a config may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Colours unless `NO_COLOR` is set.
    Auto,
    Dark,
    Light,
    NoColor,
}

impl ThemeName {
    const ALL: [(&'static str, ThemeName); 4] = [
        ("auto", ThemeName::Auto),
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("no-color", ThemeName::NoColor),
    ];

    /// The name as written in the file.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("auto", |(n, _)| n)
    }

    /// The styles this theme draws with.
    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Auto => Theme::from_env(),
            ThemeName::Dark => Theme::color(),
            ThemeName::Light => Theme::light(),
            ThemeName::NoColor => Theme::no_color(),
        }
    }
}

/// Where a value in force came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File,
    /// The environment variable that set it.
    Environment(&'static str),
    CommandLine,
}

impl Origin {
    /// As `ladder config` says it: `built-in`, `environment (LANG)`, …
    fn label(self) -> String {
        match self {
            Origin::BuiltIn => "built-in".to_owned(),
            Origin::File => "config file".to_owned(),
            Origin::Environment(name) => format!("environment ({name})"),
            Origin::CommandLine => "command line".to_owned(),
        }
    }
}

/// A config file, checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, if one was.
    pub path: Option<PathBuf>,
    pub lang: Option<Lang>,
    pub profile: Option<String>,
    pub theme: Option<ThemeName>,
    pub mentor_name: Option<String>,
    /// Key overrides: (mode, action, keys), in file order.
    pub keys: Vec<(String, String, Vec<Key>)>,
    /// What is allowed but probably not meant, one sentence each.
    pub warnings: Vec<String>,
}

/// The settings a config file can hold, in the order `ladder config
/// --default` writes them.
const FIELDS: [&str; 5] = ["lang", "profile", "theme", "mentor_name", "keys"];

/// A config's settings. Unknown ones are found beforehand (see
/// [`unknown_fields`]), so that a misspelt one does not hide the problems
/// of the others.
#[derive(Deserialize)]
struct RawConfig {
    #[serde(default)]
    lang: Option<Spanned<String>>,
    #[serde(default)]
    profile: Option<Spanned<String>>,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    mentor_name: Option<String>,
    #[serde(default)]
    keys: BTreeMap<Name, BTreeMap<Name, Vec<Spanned<String>>>>,
}

/// A mode or action name with where it was written, ordered by the name.
#[derive(Deserialize)]
#[serde(transparent)]
struct Name(Spanned<String>);

impl PartialEq for Name {
    fn eq(&self, other: &Self) -> bool {
        self.0.value == other.0.value
    }
}
impl Eq for Name {}
impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Name {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.value.cmp(&other.0.value)
    }
}

/// The config file to read: `--config`, else `LADDER_CONFIG`, else
/// `config.yaml` in the platform config directory. The flag says whether
/// it was named (a named file must exist).
pub fn config_path(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(path) = flag {
        return Some((path.to_path_buf(), true));
    }
    if let Some(path) = std::env::var_os("LADDER_CONFIG").filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    directories::ProjectDirs::from("", "", "ladder")
        .map(|dirs| (dirs.config_dir().join("config.yaml"), false))
}

/// Reads and checks the config at `path`; `named` makes a missing file an error.
pub fn load(path: &Path, named: bool) -> Result<Config, Vec<String>> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(_) if !named => return Ok(Config::default()),
        Err(err) => {
            return Err(vec![format!(
                "{shown}: {err}; check the path given with --config or LADDER_CONFIG"
            )]);
        }
    };
    if !meta.is_file() {
        return Err(vec![format!(
            "{shown}: is not a regular file; point --config at a YAML file"
        )]);
    }
    if meta.len() > MAX_BYTES {
        return Err(vec![format!(
            "{shown}: is {} bytes, more than any config needs; check that this is the right file",
            meta.len()
        )]);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|err| vec![format!("{shown}: {err}; check that it is UTF-8 text")])?;
    parse(&text, &shown)
}

/// Parses the text of a config file; `shown` names it in messages.
pub fn parse(text: &str, shown: &str) -> Result<Config, Vec<String>> {
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let located = |err: serde_saphyr::Error| {
        let (line, col) = err
            .location()
            .map_or((1, 1), |at| (at.line() as usize, at.column() as usize));
        vec![format!("{shown}:{line}:{col}: {}", describe(&err))]
    };
    let names: BTreeMap<Name, IgnoredAny> = serde_saphyr::from_str(text).map_err(located)?;
    let raw: RawConfig = serde_saphyr::from_str(text).map_err(located)?;
    let at =
        |s: &Spanned<String>| format!("{shown}:{}:{}", s.referenced.line(), s.referenced.column());
    let mut problems: Vec<String> = names
        .keys()
        .filter(|Name(name)| !FIELDS.contains(&name.value.as_str()))
        .map(|Name(name)| {
            format!(
                "{}: unknown field `{}`{}; the fields are: {}",
                at(name),
                neutralize_controls(&name.value),
                did_you_mean(&name.value, FIELDS.iter().copied()),
                FIELDS.join(", ")
            )
        })
        .collect();
    let mut config = Config::default();
    if let Some(lang) = &raw.lang {
        match lang.value.parse::<Lang>() {
            Ok(l) => config.lang = Some(l),
            Err(_) => problems.push(format!(
                "{}: `lang` is `{}`; write zh or en",
                at(lang),
                neutralize_controls(&lang.value)
            )),
        }
    }
    if let Some(profile) = &raw.profile {
        match crate::core::profile::validate_profile_name(&profile.value) {
            Ok(()) => config.profile = Some(profile.value.clone()),
            Err(err) => problems.push(format!("{}: `profile`: {err}", at(profile))),
        }
    }
    if let Some(theme) = &raw.theme {
        match ThemeName::ALL.iter().find(|(n, _)| *n == theme.value) {
            Some((_, t)) => config.theme = Some(*t),
            None => problems.push(format!(
                "{}: unknown theme `{}`{}; write auto, dark, light or no-color",
                at(theme),
                neutralize_controls(&theme.value),
                did_you_mean(&theme.value, ThemeName::ALL.iter().map(|(n, _)| *n))
            )),
        }
    }
    config.mentor_name = raw
        .mentor_name
        .map(|n| neutralize_controls(n.trim()).into_owned())
        .filter(|n| !n.is_empty());

    let builtin = match Keymap::builtin() {
        Ok(keymap) => keymap,
        Err(err) => return Err(vec![err.to_string()]),
    };
    let modes = mode_names(&builtin);
    // Where each key that parsed was written: (mode, action, key, place).
    let mut written: Vec<(&str, &str, Key, &Spanned<String>)> = Vec::new();
    for (Name(mode), actions) in &raw.keys {
        let Some(bindings) = lists(&builtin)
            .into_iter()
            .find(|(name, _)| *name == mode.value)
            .map(|(_, b)| b)
        else {
            problems.push(format!(
                "{}: unknown mode `{}`{}; `ladder config --default` lists the modes",
                at(mode),
                neutralize_controls(&mode.value),
                did_you_mean(&mode.value, modes.iter().map(String::as_str))
            ));
            continue;
        };
        let known: Vec<String> = bindings.iter().map(action_name).collect();
        for (Name(action), keys) in actions {
            if !known.contains(&action.value) {
                problems.push(format!(
                    "{}: `{}` is not an action of mode `{}`{}; its actions are: {}",
                    at(action),
                    neutralize_controls(&action.value),
                    mode.value,
                    did_you_mean(&action.value, known.iter().map(String::as_str)),
                    known.join(", ")
                ));
                continue;
            }
            if keys.is_empty() {
                problems.push(format!(
                    "{}: `{}` needs at least one key",
                    at(action),
                    action.value
                ));
                continue;
            }
            let mut parsed = Vec::new();
            for key in keys {
                match key.value.parse::<Key>() {
                    Ok(k) if parsed.contains(&k) => problems.push(format!(
                        "{}: the key {} is listed twice for `{}`; remove one",
                        at(key),
                        neutralize_controls(&k.to_string()),
                        action.value
                    )),
                    Ok(k) => {
                        parsed.push(k);
                        written.push((&mode.value, &action.value, k, key));
                    }
                    Err(err) => {
                        // `ctlr-e` is close to `ctrl-e`: offer the key with each
                        // modifier, and only keys that read (`ctrl-` does not).
                        // A missing key or an F-key out of range is said as is.
                        let suggestion = match &err {
                            UnknownKey::Name(_) => {
                                let tail = key.value.rsplit_once('-').map_or("", |(_, t)| t);
                                let spelled: Vec<String> = ["ctrl-", "alt-", "shift-"]
                                    .iter()
                                    .map(|m| format!("{m}{tail}"))
                                    .chain(KEY_NAMES.iter().map(|k| (*k).to_owned()))
                                    .filter(|s| s.parse::<Key>().is_ok())
                                    .collect();
                                did_you_mean(&key.value, spelled.iter().map(String::as_str))
                            }
                            UnknownKey::NoKey(..)
                            | UnknownKey::Function(_)
                            | UnknownKey::ShiftedCharacter(_) => String::new(),
                        };
                        problems.push(format!(
                            "{}: {}{}",
                            at(key),
                            neutralize_controls(&err.to_string()),
                            // The suggestions are built from what the file wrote.
                            neutralize_controls(&suggestion)
                        ));
                    }
                }
            }
            config
                .keys
                .push((mode.value.clone(), action.value.clone(), parsed));
        }
    }
    // A key bound twice in one mode is an error, wherever the second came
    // from. The keys that did parse are checked even when other things are
    // wrong, so that every problem is listed at once.
    match apply_keys(builtin, &config.keys) {
        Ok(keymap) => config.warnings = shadowed(&keymap, &config.keys, shown),
        Err(twice) => {
            for (mode, key, actions) in twice {
                // The place the file gave the key: the later one when the
                // file gave it to both actions.
                let spot = written
                    .iter()
                    .filter(|(m, a, k, _)| {
                        *m == mode && *k == key && actions.iter().any(|x| x == a)
                    })
                    .map(|(_, _, _, s)| *s)
                    .max_by_key(|s| (s.referenced.line(), s.referenced.column()))
                    .map_or_else(|| shown.to_owned(), at);
                problems.push(format!(
                    "{spot}: in mode `{mode}` the key {} would do two things ({}); \
                     give one of them another key",
                    neutralize_controls(&key.to_string()),
                    actions.join(" and ")
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        // In the order of the file, as a pack's problems are.
        let place = |p: &str| {
            let mut numbers = p
                .strip_prefix(shown)
                .unwrap_or(p)
                .split(':')
                .skip(1)
                .map_while(|n| n.parse::<usize>().ok());
            (numbers.next().unwrap_or(0), numbers.next().unwrap_or(0))
        };
        problems.sort_by_key(|p| place(p));
        Err(problems)
    }
}

/// A global key the config moved onto a key some screen mode already uses:
/// there the screen's own meaning wins, so the global action cannot be
/// reached in that mode.
fn shadowed(keymap: &Keymap, overrides: &[(String, String, Vec<Key>)], shown: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    for (mode, action, keys) in overrides {
        if mode != "global" {
            continue;
        }
        for key in keys {
            for (name, bindings) in lists(keymap).into_iter().skip(4) {
                if let Some(local) = bindings.iter().find(|b| b.keys.contains(key)) {
                    warnings.push(format!(
                        "{shown}: warning: in mode `{name}` {key} does `{}`, so `{action}` cannot be reached there with it",
                        action_name(local)
                    ));
                }
            }
        }
    }
    warnings
}

/// Key names people write, for did-you-mean.
const KEY_NAMES: &[&str] = &[
    "tab",
    "shift-tab",
    "esc",
    "enter",
    "backspace",
    "delete",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "space",
];

/// The known name nearest to `word`, if one is near; never `word` itself.
fn did_you_mean<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .filter(|k| *k != word)
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or_else(String::new, |(_, k)| format!(" (did you mean `{k}`?)"))
}

fn describe(err: &serde_saphyr::Error) -> String {
    use serde_saphyr::{MessageFormatter, UserMessageFormatter};
    match crate::core::content::parse::innermost(err) {
        serde_saphyr::Error::SerdeUnknownField {
            field, expected, ..
        } => format!(
            "unknown field `{}`{}; the fields are: {}",
            neutralize_controls(field),
            did_you_mean(field, expected.iter().copied()),
            expected.join(", ")
        ),
        other => {
            let message = UserMessageFormatter.format_message(other);
            let first = message.lines().next().unwrap_or("").to_owned();
            neutralize_controls(&first).into_owned()
        }
    }
}

/// The key lists of the key file by mode name: `global`, `help`, `search`,
/// `too_small`, then `<screen>` for browsing and `<screen>.<mode>`.
fn lists(keymap: &Keymap) -> Vec<(String, &Vec<Binding>)> {
    let mut all = vec![
        ("global".to_owned(), &keymap.global),
        ("help".to_owned(), &keymap.help),
        ("search".to_owned(), &keymap.search),
        ("too_small".to_owned(), &keymap.too_small),
    ];
    for id in ScreenId::EVERY {
        for (mode, bindings) in keymap.modes(id) {
            all.push((mode_name(id, mode), bindings));
        }
    }
    all
}

fn mode_name(id: ScreenId, mode: &str) -> String {
    if mode == "browse" {
        id.tag().to_owned()
    } else {
        format!("{}.{mode}", id.tag())
    }
}

fn mode_names(keymap: &Keymap) -> Vec<String> {
    lists(keymap).into_iter().map(|(name, _)| name).collect()
}

fn action_name(binding: &Binding) -> String {
    match serde_json::to_value(&binding.action) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => format!("{:?}", binding.action),
    }
}

/// `keymap` with the overrides applied: each listed action's keys replace
/// the built-in ones in that mode. Fails with (mode, key, actions) for every
/// key that would then do two things in one mode.
pub fn apply_keys(
    mut keymap: Keymap,
    overrides: &[(String, String, Vec<Key>)],
) -> Result<Keymap, Vec<(String, Key, Vec<String>)>> {
    for (mode, action, keys) in overrides {
        let list: Option<&mut Vec<Binding>> = match mode.as_str() {
            "global" => Some(&mut keymap.global),
            "help" => Some(&mut keymap.help),
            "search" => Some(&mut keymap.search),
            "too_small" => Some(&mut keymap.too_small),
            other => {
                let (screen, sub) = other.split_once('.').unwrap_or((other, "browse"));
                ScreenId::EVERY
                    .into_iter()
                    .find(|id| id.tag() == screen)
                    .and_then(|id| keymap.modes_mut(id).get_mut(sub))
            }
        };
        for binding in list.into_iter().flatten() {
            if action_name(binding) == *action {
                binding.keys = keys.clone();
            }
        }
    }
    let mut twice = Vec::new();
    for (mode, bindings) in lists(&keymap) {
        let mut seen: Vec<(Key, String)> = Vec::new();
        for binding in bindings {
            for key in &binding.keys {
                if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                    twice.push((
                        mode.clone(),
                        *key,
                        vec![first.clone(), action_name(binding)],
                    ));
                } else {
                    seen.push((*key, action_name(binding)));
                }
            }
        }
    }
    if twice.is_empty() {
        Ok(keymap)
    } else {
        Err(twice)
    }
}

/// The effective configuration, each value with where it came from.
pub struct Effective<'a> {
    pub config: &'a Config,
    pub lang: (Lang, Origin),
    pub profile: (String, Origin),
    pub theme: (ThemeName, Origin),
}

/// `ladder config`: what is in force and where each value came from.
pub fn show(effective: &Effective<'_>) -> String {
    let mut out = String::new();
    let file = effective
        .config
        .path
        .as_ref()
        .map_or_else(|| "none".to_owned(), |p| p.display().to_string());
    let _ = writeln!(out, "# config file: {}", neutralize_controls(&file));
    let (lang, from) = effective.lang;
    let _ = writeln!(out, "lang: {}  # {}", lang.code(), from.label());
    let (profile, from) = &effective.profile;
    let _ = writeln!(out, "profile: {profile}  # {}", from.label());
    let (theme, from) = effective.theme;
    let _ = writeln!(out, "theme: {}  # {}", theme.name(), from.label());
    match &effective.config.mentor_name {
        Some(name) => {
            let _ = writeln!(out, "mentor_name: {name}  # config file");
        }
        None => {
            let _ = writeln!(out, "# mentor_name: not set");
        }
    }
    for warning in &effective.config.warnings {
        let _ = writeln!(out, "# {warning}");
    }
    if effective.config.keys.is_empty() {
        let _ = writeln!(
            out,
            "# keys: all built-in (`ladder config --default` lists them)"
        );
    } else {
        let _ = writeln!(out, "keys:  # config file; every other key is built-in");
        let mut by_mode: BTreeMap<&str, Vec<(&str, &[Key])>> = BTreeMap::new();
        for (mode, action, keys) in &effective.config.keys {
            by_mode.entry(mode).or_default().push((action, keys));
        }
        for (mode, actions) in by_mode {
            let _ = writeln!(out, "  {mode}:");
            for (action, keys) in actions {
                let _ = writeln!(out, "    {action}: [{}]", yaml_keys(keys));
            }
        }
    }
    out
}

fn yaml_keys(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| format!("\"{}\"", key_spelling(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A key as the config file spells it (`ctrl-c`, `pagedown`, `?`).
fn key_spelling(key: &Key) -> String {
    let shown = key.to_string();
    match shown.as_str() {
        "↑" => "up".into(),
        "↓" => "down".into(),
        "←" => "left".into(),
        "→" => "right".into(),
        "PgUp" => "pageup".into(),
        "PgDn" => "pagedown".into(),
        _ if shown.chars().count() == 1 => shown,
        _ => shown.to_lowercase().replace(' ', ""),
    }
}

/// `ladder config --default`: a commented file with every setting and
/// every mode's actions and keys, ready to edit.
pub fn default_file() -> String {
    let mut out = String::from(
        "# ladder's configuration: copy to config.yaml in the config directory\n\
         # (or point --config / LADDER_CONFIG at it) and keep only what you change.\n\
         # Precedence: built-in < this file < environment < command line; the\n\
         # system's locale (LC_ALL, LC_MESSAGES, LANG) chooses the language only\n\
         # where this file sets no lang.\n\n\
         # lang: en            # zh or en\n\
         # profile: default    # the profile used without --profile\n\
         # theme: auto         # auto (colours unless NO_COLOR), dark, light, no-color\n\
         # mentor_name: ...    # your name, when you review someone's file as their mentor\n\n\
         # keys: {<mode>: {<action>: [<key>, ...]}}: the listed keys replace the\n\
         # built-in ones of that action in that mode; a key may do one thing per mode.\n\
         # Keys: a character, or tab, shift-tab, esc, enter, backspace, delete, up,\n\
         # down, left, right, home, end, pageup, pagedown, space, f1..f24 (most\n\
         # terminals send only f1..f12), each optionally after ctrl- or alt-;\n\
         # shift-a is A (for other characters write what shift types).\n\
         # keys:\n",
    );
    if let Ok(keymap) = Keymap::builtin() {
        for (mode, bindings) in lists(&keymap) {
            let _ = writeln!(out, "#   {mode}:");
            for binding in bindings {
                let _ = writeln!(
                    out,
                    "#     {}: [{}]   # {}; built-in {}",
                    action_name(binding),
                    yaml_keys(&binding.keys),
                    binding.desc.en,
                    keys_label(&binding.keys)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
