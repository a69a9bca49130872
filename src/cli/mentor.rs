//! `ladder mentor FILE [--name NAME]`: the terminal app in mentor mode on a
//! mentee's exported profile file.

use std::path::Path;

use super::{Cli, Failure, config, load_pack, profile_problems, say};
use crate::core::clock::SharedClock;
use crate::core::lang::Lang;
use crate::core::mentor::MentorSession;
use crate::core::mentor::file;
use crate::core::sanitize::neutralize_controls;

/// Opens the app on `path` as mentor `name` (else the config's).
pub fn mentor(
    cli: &Cli,
    path: &Path,
    name: Option<&str>,
    clock: &SharedClock,
) -> Result<bool, Failure> {
    let lang = cli.language();
    let given = name.map(str::trim).filter(|n| !n.is_empty());
    let Some(mentor) = given.map(str::to_owned).or_else(|| {
        cli.settings
            .mentor_name
            .clone()
            .filter(|n| !n.trim().is_empty())
    }) else {
        return Err(Failure(
            lang.pick(
                "请用 --name 说明导师是谁，例如 `ladder mentor FILE --name \"王芳\"`；名字会记在配置里，下次不用再给。",
                "say who the mentor is with --name, e.g. `ladder mentor FILE --name \"Wang Fang\"`; the name is remembered in the config for next time",
            )
            .to_owned(),
        ));
    };
    let mentor = neutralize_controls(mentor.trim()).into_owned();
    if path.is_dir() {
        return Err(Failure(format!(
            "{}: is a directory; give the mentee's profile file (a .yaml file written by `ladder export`)",
            path.display()
        )));
    }
    let opened = file::read(path).map_err(super::profile_failure)?;
    let pack = load_pack(&cli.pack_source())?;
    for problem in profile_problems(&pack, &opened.profile, path) {
        say(&format!("warning: {problem}"));
    }
    if let Some(review) = &opened.profile.mentor {
        let unknown = crate::core::mentor::merge::unknown_ids(&pack, review);
        super::import::report_unknown_ids(path, &unknown, lang);
    }
    if !super::has_terminal() {
        return Err(Failure(
            crate::tui::TuiError::NotATerminal(lang).to_string(),
        ));
    }
    if given.is_some() && cli.settings.mentor_name.as_deref() != Some(mentor.as_str()) {
        remember(cli, &mentor, lang);
    }
    if let Some(other) = opened
        .profile
        .mentor
        .as_ref()
        .map(|m| m.name.trim())
        .filter(|n| *n != mentor)
    {
        let other = neutralize_controls(other);
        say(&match lang {
            Lang::Zh => format!(
                "注意：{} 里已有 {other} 的评审；你的第一次改动会以你的名字接手它（一个文件只有一份导师评审，{other} 的评分和评语保留）",
                path.display()
            ),
            Lang::En => format!(
                "note: {} holds {other}'s review; your first change takes it over under your name (a file has one mentor review; {other}'s scores and comments are kept)",
                path.display()
            ),
        });
    }
    let mentee = mentee_name(&opened.profile.profile, path);
    let mut data = crate::tui::data::Data::new(pack, opened.profile, clock.clone());
    data.mentor_session = Some(MentorSession { mentor, mentee });
    let options = crate::tui::Options {
        lang,
        theme: cli.theme().0.theme(),
        keymap: cli.keymap()?,
        data,
        storage: Some(crate::tui::app::Storage::File(path.to_path_buf())),
    };
    crate::tui::run(options)
        .map(|()| true)
        .map_err(|e| Failure(e.to_string()))
}

/// The mentee as named on screen: the profile's name, or the file's when
/// the profile is the anonymous `default`.
fn mentee_name(profile: &str, path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = if profile == "default" && !stem.is_empty() {
        stem
    } else {
        profile.to_owned()
    };
    neutralize_controls(&name).into_owned()
}

/// Writes `mentor_name` into the config file, keeping everything else, and
/// says so; a failure is said and otherwise ignored (the review goes on).
fn remember(cli: &Cli, name: &str, lang: Lang) {
    let Some(path) = cli
        .settings
        .path
        .clone()
        .or_else(|| config::config_path(cli.config.as_deref()).map(|(p, _)| p))
    else {
        return;
    };
    match set_mentor_name(&path, name) {
        Ok(()) => say(&format!(
            "{} {}",
            lang.pick("导师名字已记入", "the mentor's name is remembered in"),
            path.display()
        )),
        Err(why) => say(&format!(
            "{}: {why}; {}",
            path.display(),
            lang.pick(
                "导师名字没有记住，下次请再用 --name",
                "the mentor's name was not remembered; pass --name again next time"
            )
        )),
    }
}

/// The config text with `mentor_name` set to `name`: the key's line is
/// replaced where there is one, else the key is added at the end.
pub fn with_mentor_name(text: &str, name: &str) -> String {
    let quoted = serde_json::to_string(name).unwrap_or_else(|_| "\"\"".to_owned());
    let line = format!("mentor_name: {quoted}\n");
    let mut out = String::new();
    let mut done = false;
    for l in text.split_inclusive('\n') {
        if !done && l.starts_with("mentor_name:") {
            out.push_str(&line);
            done = true;
        } else {
            out.push_str(l);
        }
    }
    if !done {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

fn set_mentor_name(path: &Path, name: &str) -> Result<(), String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.to_string()),
    };
    let new = with_mentor_name(&text, name);
    let shown = path.display().to_string();
    match config::parse(&new, &shown) {
        Ok(c) if c.mentor_name.as_deref() == Some(name) => {}
        _ => return Err("the file's layout does not allow a simple edit".to_owned()),
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    super::emit(Some(path), &new).map_err(|Failure(why)| why)
}

#[cfg(test)]
mod tests {
    use super::with_mentor_name;

    #[test]
    fn the_name_replaces_its_line_and_keeps_the_rest() {
        let text = "lang: zh\nmentor_name: Old\ntheme: dark\n";
        assert_eq!(
            with_mentor_name(text, "王芳"),
            "lang: zh\nmentor_name: \"王芳\"\ntheme: dark\n"
        );
        assert_eq!(
            with_mentor_name("lang: en", "A"),
            "lang: en\nmentor_name: \"A\"\n"
        );
        assert_eq!(with_mentor_name("", "A"), "mentor_name: \"A\"\n");
    }
}
