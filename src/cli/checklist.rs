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
use crate::tui::text::{display_width, truncate};

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

/// The widest a name is shown in `checklist list`; a longer one is cut with `…`.
const CHECKLIST_NAME_CELLS: usize = 48;
/// The widest a run's name is shown in `checklist list`.
const RUN_NAME_CELLS: usize = 32;

/// How a column of [`table`] lines its cells up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A column of [`table`]: its alignment, and the widest a cell may be
/// (`None`: never cut, as with ids, which are typed back).
type Column = (Align, Option<usize>);

/// `rows` as lines indented by two, with two spaces between columns, each
/// column as wide as its widest cell in terminal cells (a Chinese character
/// takes two); a cell wider than its column's limit is cut with `…`. The
/// last column is not padded, so no line ends in spaces.
fn table(rows: &[Vec<String>], columns: &[Column]) -> Vec<String> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(columns)
                .map(|(cell, (_, max))| {
                    // Measured as it will be printed: one line, controls
                    // neutralised.
                    let cell =
                        neutralize_controls(&cell.replace(['\n', '\r', '\t'], " ")).into_owned();
                    max.map_or_else(|| cell.clone(), |max| truncate(&cell, max))
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..columns.len())
        .map(|i| {
            cells
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    cells
        .iter()
        .map(|row| {
            let mut line = String::from("  ");
            for (i, cell) in row.iter().enumerate() {
                let gap = widths[i].saturating_sub(display_width(cell));
                let last = i + 1 == row.len();
                if i > 0 {
                    line.push_str("  ");
                }
                match columns[i].0 {
                    Align::Right => {
                        line.extend(std::iter::repeat_n(' ', gap));
                        line.push_str(cell);
                    }
                    Align::Left => {
                        line.push_str(cell);
                        if !last {
                            line.extend(std::iter::repeat_n(' ', gap));
                        }
                    }
                }
            }
            line
        })
        .collect()
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
    let rows: Vec<Vec<String>> = pack
        .checklists
        .iter()
        .map(|c| {
            let n = checklist::item_count(c);
            vec![
                neutralize_controls(&c.id.value).into_owned(),
                c.name.get(lang.code(), pack.default_language()).to_owned(),
                lang.pick(format!("{n} 项"), format!("{n} items")),
            ]
        })
        .collect();
    let columns = [
        (Align::Left, None),
        (Align::Left, Some(CHECKLIST_NAME_CELLS)),
        (Align::Left, None),
    ];
    for line in table(&rows, &columns) {
        let _ = writeln!(out, "{line}");
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
    let rows: Vec<Vec<String>> = stored
        .runs
        .iter()
        .rev()
        .map(|run| {
            let tally = Tally::of(run, pack.checklist(&run.checklist));
            let c = &tally.counts;
            let state = match run.finished {
                Some(_) => lang.pick("已完成", "finished"),
                None => lang.pick("进行中", "in progress"),
            };
            let score = tally.score().map_or_else(|| "—".to_owned(), percent);
            vec![
                neutralize_controls(&run.id).into_owned(),
                neutralize_controls(&run.checklist).into_owned(),
                run.name.clone(),
                format_date(run.day()),
                format!("{}/{}", c.decided(), c.total()),
                format!(
                    "{}{}",
                    checklist::failed(lang, c.fail),
                    checklist::failed_must(lang, tally.failed_must)
                ),
                lang.pick(format!("得分 {score}"), format!("score {score}")),
                state.to_owned(),
            ]
        })
        .collect();
    let columns = [
        (Align::Left, None),
        (Align::Left, None),
        (Align::Left, Some(RUN_NAME_CELLS)),
        (Align::Left, None),
        (Align::Right, None),
        (Align::Left, None),
        (Align::Left, None),
        (Align::Left, None),
    ];
    for line in table(&rows, &columns) {
        let _ = writeln!(out, "{line}");
    }
    out
}
