//! The command line (SPEC §1): parsing and the subcommands.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

pub mod checklist;
pub mod config;
mod import;
mod mentor;
mod output;

pub use output::{emit, guard_standard_streams};
mod places;
mod validate;

use import::import;
use validate::validate;

use crate::core::clock::{self, SharedClock, StartedClock, SystemClock, UtcOffset};
use crate::core::content::{self, Diagnostic, Loaded, Pack, PackSource};
use crate::core::lang::Lang;
use crate::core::profile::{self, Profile, ProfileError, ProfileStore};
use crate::core::sanitize::neutralize_controls;
use crate::core::{report, score};

/// ladder: a terminal coach for climbing an engineering career ladder.
#[derive(Debug, Parser)]
#[command(name = "ladder", version, about, long_about = None)]
#[command(after_help = "Without a subcommand, ladder opens the terminal app.\n\
Profiles are stored as <data dir>/profiles/<NAME>.yaml.")]
pub struct Cli {
    /// Use the content pack in DIR instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Where profiles are stored [env: LADDER_DATA_DIR; default: the platform data directory].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The profile to use [default: the config's `profile`, else `default`].
    #[arg(long = "profile", global = true, value_name = "NAME")]
    pub profile_arg: Option<String>,
    /// The configuration file [env: LADDER_CONFIG; default: config.yaml in the platform config directory].
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The profile in force, once the configuration is read ([`Cli::resolve`]).
    #[arg(skip)]
    pub profile: String,
    /// The configuration file's settings, once read.
    #[arg(skip)]
    pub settings: config::Config,
    /// Interface language [env: LADDER_LANG; default: the config's `lang`, else the locale (LC_ALL, LC_MESSAGES, LANG) when it is zh or en, else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// What to do; without one, the terminal app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a content pack and list every problem: DIR, else --content, else the built-in pack.
    Validate {
        /// The pack directory to check.
        dir: Option<PathBuf>,
        /// Treat warnings (such as missing translations) as failures.
        #[arg(long)]
        strict: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ValidateFormat,
    },
    /// Print the profile's assessment report.
    Report {
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the profile file, to share it (standard output by default).
    Export {
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Replace the profile with FILE, after checking it against the pack.
    Import {
        /// The profile file to import.
        file: PathBuf,
        /// Replace an existing profile (a backup of it is kept).
        #[arg(long, conflicts_with = "merge")]
        force: bool,
        /// Take only the mentor's part of FILE (their scores, comments,
        /// notes and plan) into the existing profile; nothing else changes.
        #[arg(long)]
        merge: bool,
    },
    /// Open a mentee's profile file in the app as their mentor: rate beside
    /// their own scores, calibrate, run the 1:1 and agree a plan. Only the
    /// file's `mentor` section is written; send the file back for
    /// `ladder import FILE --merge`.
    Mentor {
        /// The mentee's profile file (from `ladder export`).
        file: PathBuf,
        /// The mentor's name [default: the config's `mentor_name`]; a new
        /// name is remembered in the config.
        #[arg(long, value_name = "MENTOR")]
        name: Option<String>,
    },
    /// List checklists and runs, or export a run (to paste into a code review).
    Checklist {
        #[command(subcommand)]
        command: checklist::ChecklistCommand,
    },
    /// Print the configuration in force and where each value came from.
    Config {
        /// Print a commented default configuration file instead.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// `validate --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ValidateFormat {
    /// file:line:col messages.
    Text,
    /// One JSON object.
    Json,
}

/// `report --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    /// A Markdown document.
    Md,
    /// JSON (the fields are listed in docs/scoring.md).
    Json,
}

/// A failure to report to the user: the message is printed as is, exit 1.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

impl Cli {
    /// Reads the configuration file and settles the profile in force.
    /// A file that is wrong fails with every problem, one per line.
    pub fn resolve(&mut self) -> Result<(), Failure> {
        if let Some((path, named)) = config::config_path(self.config.as_deref()) {
            let mut settings = config::load(&path, named).map_err(|problems| {
                Failure(format!(
                    "{}\n{}: not used; fix it, or run with --config pointing at another file",
                    problems.join("\n"),
                    path.display()
                ))
            })?;
            if named || path.is_file() {
                settings.path = Some(path);
            }
            for warning in &settings.warnings {
                say(warning);
            }
            self.settings = settings;
        }
        if let Some(value) = env_value("LADDER_LANG").filter(|v| v.parse::<Lang>().is_err()) {
            say(&format!(
                "LADDER_LANG is `{}`, which is not zh or en: it is ignored",
                crate::core::sanitize::neutralize_line(&value)
            ));
        }
        self.profile = self.profile_in_force().0;
        Ok(())
    }

    fn profile_in_force(&self) -> (String, config::Origin) {
        match (&self.profile_arg, &self.settings.profile) {
            (Some(name), _) => (name.clone(), config::Origin::CommandLine),
            (None, Some(name)) => (name.clone(), config::Origin::File),
            (None, None) => ("default".to_owned(), config::Origin::BuiltIn),
        }
    }

    /// The interface language: the flag, else LADDER_LANG (when it names zh
    /// or en), else the config file's, else the locale (LC_ALL, LC_MESSAGES,
    /// LANG), else English.
    pub fn language(&self) -> Lang {
        self.language_in_force().0
    }

    fn language_in_force(&self) -> (Lang, config::Origin) {
        if let Some(flag) = self.lang {
            return (flag.into(), config::Origin::CommandLine);
        }
        if let Some(lang) = env_value("LADDER_LANG").and_then(|v| v.parse().ok()) {
            return (lang, config::Origin::Environment("LADDER_LANG"));
        }
        if let Some(lang) = self.settings.lang {
            return (lang, config::Origin::File);
        }
        // The system's locale, as POSIX orders it: LC_ALL, then
        // LC_MESSAGES, then LANG, the first that is set. It chooses when it
        // names Chinese or English; any other (C, fr_FR) leaves the
        // built-in English.
        let Some((name, locale)) = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env_value(name).map(|value| (name, value)))
        else {
            return (Lang::En, config::Origin::BuiltIn);
        };
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("zh") || lower.starts_with("en") {
            (
                Lang::choose(None, Some(&locale)),
                config::Origin::Environment(name),
            )
        } else {
            (Lang::En, config::Origin::BuiltIn)
        }
    }

    /// The theme: the config's, with `NO_COLOR` still winning over colour.
    pub fn theme(&self) -> (config::ThemeName, config::Origin) {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self.settings.theme {
            _ if no_color => (
                config::ThemeName::NoColor,
                config::Origin::Environment("NO_COLOR"),
            ),
            Some(theme) => (theme, config::Origin::File),
            None => (config::ThemeName::Auto, config::Origin::BuiltIn),
        }
    }

    /// The key map: the built-in one with the config's overrides.
    pub fn keymap(&self) -> Result<crate::tui::keymap::Keymap, Failure> {
        let builtin = crate::tui::keymap::Keymap::builtin()?;
        config::apply_keys(builtin, &self.settings.keys).map_err(|twice| {
            Failure(
                twice
                    .into_iter()
                    .map(|(mode, key, actions)| {
                        format!(
                            "keys: in mode `{mode}` {key} does two things ({})",
                            actions.join(" and ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
    }

    /// The pack source the options name.
    pub fn pack_source(&self) -> PackSource {
        self.content
            .clone()
            .map_or(PackSource::BuiltIn, PackSource::Dir)
    }

    /// The data directory: the option, else the platform's.
    pub fn data_dir(&self) -> Result<PathBuf, Failure> {
        self.data_dir
            .clone()
            .or_else(|| env_value("LADDER_DATA_DIR").map(PathBuf::from))
            .or_else(profile::default_data_dir)
            .ok_or_else(|| {
            Failure("ladder cannot find a data directory on this system: pass --data-dir DIR or set LADDER_DATA_DIR".into())
        })
    }

    /// The profile store under the data directory.
    pub fn store(&self) -> Result<ProfileStore, Failure> {
        Ok(ProfileStore::new(&self.data_dir()?))
    }
}

/// The clock: from `LADDER_NOW` (RFC 3339) when it is set, running on from
/// there; else the system's, in the local offset.
///
/// The local offset is looked up here, once: call this before any thread starts.
pub fn clock() -> Result<SharedClock, Failure> {
    match env_value("LADDER_NOW") {
        Some(text) => {
            let start = clock::parse_instant(&text).map_err(|why| {
                Failure(format!("LADDER_NOW: {why}; unset it to use the real time"))
            })?;
            Ok(Arc::new(StartedClock::new(start)))
        }
        None => {
            let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
            Ok(Arc::new(SystemClock::new(offset)))
        }
    }
}

/// An environment variable's value; an empty one counts as unset.
fn env_value(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Runs a subcommand. `Ok(false)` means "ran, but the result is a failure" (exit 1).
pub fn run(cli: &Cli, command: &Command, clock: &SharedClock) -> Result<bool, Failure> {
    match command {
        Command::Validate {
            dir,
            strict,
            format,
        } => {
            let source = dir
                .clone()
                .map_or_else(|| cli.pack_source(), PackSource::Dir);
            validate(&source, *strict, *format)
        }
        Command::Report { format, output } => {
            let pack = load_pack(&cli.pack_source())?;
            let store = cli.store()?;
            let profile = match store.load(&cli.profile).map_err(profile_failure)? {
                Some(p) => p,
                None => {
                    say(&format!(
                        "{}: no such profile yet, so this report has no ratings; open `ladder` to rate yourself, or `ladder import FILE`",
                        store.path(&cli.profile)?.display()
                    ));
                    Profile::new(&cli.profile)
                }
            };
            for problem in profile_problems(&pack, &profile, &store.path(&cli.profile)?) {
                say(&format!("warning: {problem}"));
            }
            let a = score::assess(&pack, &profile);
            // Runs are evidence in the report; one that does not read is
            // named by `ladder checklist list`, not here.
            let runs = checklist::load_runs(cli)
                .map(|(_, s)| s.runs)
                .unwrap_or_default();
            let text = match format {
                ReportFormat::Json => report::to_json_with_runs(
                    &pack,
                    &profile,
                    &a,
                    cli.language(),
                    clock.now(),
                    &runs,
                ),
                ReportFormat::Md => report::to_markdown_with_runs(
                    &pack,
                    &profile,
                    &a,
                    cli.language(),
                    clock.now(),
                    &runs,
                ),
            };
            emit(output.as_deref(), &text)?;
            Ok(true)
        }
        Command::Export { output } => {
            let store = cli.store()?;
            let path = store.path(&cli.profile)?;
            let profile = store.load(&cli.profile).map_err(profile_failure)?.ok_or_else(|| {
                Failure(format!(
                    "{}: no profile `{}` to export; rate yourself in `ladder` first, or pick one with --profile NAME",
                    path.display(),
                    cli.profile
                ))
            })?;
            emit(
                output.as_deref(),
                &profile::profile_to_yaml(&profile, &path)?,
            )?;
            Ok(true)
        }
        Command::Import { file, force, merge } => import(cli, file, *force, *merge, clock),
        Command::Mentor { file, name } => mentor::mentor(cli, file, name.as_deref(), clock),
        Command::Checklist { command } => checklist::run(cli, command),
        Command::Config { default } => {
            if *default {
                print!("{}", config::default_file());
            } else {
                let effective = config::Effective {
                    config: &cli.settings,
                    lang: cli.language_in_force(),
                    profile: cli.profile_in_force(),
                    theme: cli.theme(),
                };
                print!("{}", neutralize_controls(&config::show(&effective)));
            }
            Ok(true)
        }
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "ladder", &mut script);
            emit(None, &String::from_utf8_lossy(&script))?;
            Ok(true)
        }
    }
}

/// Loads a pack for a command; on failure, prints every error and fails.
pub fn load_pack(source: &PackSource) -> Result<Pack, Failure> {
    match content::load(source) {
        Ok(Loaded { pack, .. }) => Ok(pack),
        Err(e) => {
            print_diagnostics(e.errors());
            Err(Failure(e.to_string()))
        }
    }
}

/// A line on standard error; if stderr itself is gone there is no one to tell.
pub fn say(text: &str) {
    let text = neutralize_controls(text);
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// How many times one message is shown, in one file, before the rest are counted.
const SAME_MESSAGE_SHOWN: usize = 3;
/// How many problems are shown in all before the rest are counted.
const PROBLEMS_SHOWN: usize = 100;

/// Prints problems, each once per place, but not one message a thousand
/// times: after a few the repeats of a message in a file are counted, and
/// after many the rest are. (`--format json` lists every one.)
fn print_diagnostics<'a>(all: impl IntoIterator<Item = &'a Diagnostic>) {
    let mut seen: std::collections::HashMap<(&str, &str), usize> = std::collections::HashMap::new();
    let mut order: Vec<(&str, &str)> = Vec::new();
    let mut shown = 0;
    let mut left = 0;
    for d in all {
        let key = (d.file.as_str(), d.message.as_str());
        let count = seen.entry(key).or_insert(0);
        *count += 1;
        if *count == 1 {
            order.push(key);
        }
        if *count > SAME_MESSAGE_SHOWN {
            continue;
        }
        if shown == PROBLEMS_SHOWN {
            left += 1;
            continue;
        }
        shown += 1;
        print_diagnostic(d);
    }
    for key in order {
        let more = seen[&key].saturating_sub(SAME_MESSAGE_SHOWN);
        if more > 0 {
            say(&format!(
                "{}: … and {more} more like this: {}",
                key.0, key.1
            ));
        }
    }
    if left > 0 {
        say(&format!(
            "… and {left} more problems not shown: fix these first, or see them all with `ladder validate --format json`"
        ));
    }
}

fn print_diagnostic(d: &Diagnostic) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", neutralize_controls(&d.to_string()));
    if let Some(snippet) = &d.snippet {
        let _ = writeln!(err, "{}", neutralize_controls(snippet));
    }
}

/// What in a profile does not fit the pack: scores off the scale, and a
/// target level the pack does not have.
fn profile_problems(pack: &Pack, profile: &Profile, path: &Path) -> Vec<String> {
    let values: Vec<String> = pack
        .scale
        .iter()
        .map(|s| s.value.value.to_string())
        .collect();
    let places = places::Places::read(path);
    let mut problems = Vec::new();
    let mentor = profile
        .mentor
        .iter()
        .flat_map(|m| m.ratings.iter().map(|(k, r)| (k, r.score, "mentor's ")));
    for (id, score, whose) in profile
        .ratings
        .iter()
        .map(|(k, r)| (k, r.score, ""))
        .chain(mentor)
    {
        if pack.scale_step(score).is_none() {
            problems.push(format!(
                "{}: the {whose}rating of `{id}` is {score}, which is not on the pack's scale ({}); give it one of those values",
                places.score(id, !whose.is_empty()),
                values.join(", ")
            ));
        }
    }
    if let Some(t) = &profile.target_level
        && pack.level(t).is_none()
    {
        let ids: Vec<&str> = pack.levels.iter().map(|l| l.id.as_str()).collect();
        problems.push(format!(
            "{}: target_level `{}` is not a level of the pack ({}); choose one of them or remove the line",
            places.target_level(),
            neutralize_controls(t),
            ids.join(", ")
        ));
    }
    problems
}

/// A profile error as the user sees it: the message, then the source snippet.
pub fn profile_failure(e: ProfileError) -> Failure {
    match e.snippet() {
        Some(snippet) => Failure(format!("{e}\n{snippet}")),
        None => Failure(e.to_string()),
    }
}

/// Whether standard input and output are a terminal (the app needs both).
pub fn has_terminal() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}
