//! `ladder checklist list` and `ladder checklist export RUN`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};

use super::{Cli, Failure, emit, load_pack, profile_failure, say};
use crate::core::checklist::{self, RunStore, StoredRuns, Tally, Unresolved};
use crate::core::clock::format_date;
use crate::core::lang::Lang;
use crate::core::report::percent;
use crate::core::sanitize::neutralize_controls;

/// `ladder checklist …`.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// List the pack's checklists and the profile's checklist runs.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// Export one checklist run, by its id or a prefix of it that names one run.
    Export {
        /// The run's id, or a unique prefix of it.
        run: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// `checklist list --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    /// Lines to read.
    Text,
    /// One JSON object.
    Json,
}

/// `checklist export --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Markdown to paste into a code review.
    Md,
    /// JSON (the fields are listed in docs/checklists.md).
    Json,
}

/// The profile's runs in the data directory.
pub fn load_runs(cli: &Cli) -> Result<(RunStore, StoredRuns), Failure> {
    let store = RunStore::new(&cli.data_dir()?, &cli.profile).map_err(profile_failure)?;
    let runs = store.load_all().map_err(profile_failure)?;
    Ok((store, runs))
}

/// Runs a `checklist` subcommand.
pub fn run(cli: &Cli, command: &ChecklistCommand) -> Result<bool, Failure> {
    let pack = load_pack(&cli.pack_source())?;
    let (store, stored) = load_runs(cli)?;
    let lang = cli.language();
    match command {
        ChecklistCommand::List { format } => {
            for (_, problem) in &stored.problems {
                say(&format!("warning: {}", profile_failure_text(problem)));
            }
            let text = match format {
                ListFormat::Json => checklist::list_json(&pack, &stored.runs, lang),
                ListFormat::Text => list_text(&pack, &stored, lang, &cli.profile),
            };
            emit(None, &text)?;
            Ok(true)
        }
        ChecklistCommand::Export {
            run,
            format,
            output,
        } => {
            let ids = stored
                .runs
                .iter()
                .map(|r| r.id.as_str())
                .chain(stored.problems.iter().map(|(id, _)| id.as_str()));
            let id = checklist::resolve(run, ids).map_err(|why| unresolved(&why, &store))?;
            if let Some((_, problem)) = stored.problems.iter().find(|(p, _)| p == id) {
                return Err(Failure(profile_failure_text(problem)));
            }
            let Some(found) = stored.runs.iter().find(|r| r.id == id) else {
                return Err(unresolved(&Unresolved::Unknown(run.clone()), &store));
            };
            if pack.checklist(&found.checklist).is_none() {
                say(&format!(
                    "warning: the pack has no checklist `{}` any more, so only the counts of run `{id}` can be exported",
                    neutralize_controls(&found.checklist)
                ));
            }
            let text = match format {
                ExportFormat::Md => checklist::to_markdown(&pack, found, lang),
                ExportFormat::Json => checklist::to_json(&pack, found, lang),
            };
            emit(output.as_deref(), &text)?;
            Ok(true)
        }
    }
}

fn profile_failure_text(err: &crate::core::profile::ProfileError) -> String {
    match err.snippet() {
        Some(snippet) => format!("{err}\n{snippet}"),
        None => err.to_string(),
    }
}

fn unresolved(why: &Unresolved, store: &RunStore) -> Failure {
    let given = |g: &str| neutralize_controls(g).into_owned();
    match why {
        Unresolved::Unknown(g) => Failure(format!(
            "{}: no checklist run `{}`; `ladder checklist list` shows the runs",
            store.dir().display(),
            given(g)
        )),
        Unresolved::Ambiguous { given: g, matches } => Failure(format!(
            "`{}` could be any of {}; give more of the id",
            given(g),
            matches.join(", ")
        )),
    }
}

fn list_text(
    pack: &crate::core::content::Pack,
    stored: &StoredRuns,
    lang: Lang,
    profile: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.pick("内容包中的检查清单：", "Checklists in the pack:")
    );
    if pack.checklists.is_empty() {
        let _ = writeln!(out, "  {}", lang.pick("（没有）", "(none)"));
    }
    for c in &pack.checklists {
        let n = checklist::item_count(c);
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            c.id.value,
            c.name.get(lang.code(), pack.default_language()),
            lang.pick(format!("{n} 项"), format!("{n} items"))
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            format!("档案 {profile} 的检查记录："),
            format!("Runs of profile {profile}:")
        )
    );
    if stored.runs.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            lang.pick(
                "（还没有；在 ladder 的「清单」页开始一次）",
                "(none yet; start one on the Checklists screen of ladder)"
            )
        );
    }
    for run in stored.runs.iter().rev() {
        let tally = Tally::of(run, pack.checklist(&run.checklist));
        let c = &tally.counts;
        let state = match run.finished {
            Some(_) => lang.pick("已完成", "finished"),
            None => lang.pick("进行中", "in progress"),
        };
        let score = tally.score().map_or_else(|| "—".to_owned(), percent);
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}  {}/{}  {}{}  {}  {state}",
            neutralize_controls(&run.id),
            neutralize_controls(&run.checklist),
            run.name.replace('\n', " "),
            format_date(run.day()),
            c.decided(),
            c.total(),
            checklist::failed(lang, c.fail),
            checklist::failed_must(lang, tally.failed_must),
            lang.pick(format!("得分 {score}"), format!("score {score}")),
        );
    }
    out
}
