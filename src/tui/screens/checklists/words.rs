//! What the Checklists screen says, in Chinese and English.

pub use crate::core::checklist::severity_word;
use crate::core::checklist::{self, Counts, Verdict};
use crate::core::content::Severity;
use crate::core::report::percent;
use crate::tui::i18n::Lang;

/// A fixed text of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Checklists,
    Runs,
    NoChecklists,
    NoRuns,
    StartHint,
    NamePrompt,
    NamePlaceholder,
    NameNeeded,
    Finished,
    InProgress,
    All,
    On,
    Off,
    FailedOnly,
    Severity,
    NoItemsShown,
    NoOpenLeft,
    Why,
    Verify,
    YourNote,
    NoteTitle,
    NotePlaceholder,
    NoteUnchanged,
    EditDiscarded,
    PerSection,
    FailedItems,
    NoFailures,
    EvidenceFor,
    NotAttached,
    AttachHint,
    FinishFirst,
    MarkedFinished,
    NotFinishedHint,
    ExportHint,
    Osc52Sent,
    Kept,
    AttachTitle,
    ChecklistGone,
    ScoreRule,
    UnreadableRuns,
    OnlyRunsDeleted,
}

impl Word {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Word::Checklists => ("检查清单", "Checklists"),
            Word::Runs => ("检查记录", "Runs"),
            Word::NoChecklists => ("内容包里没有检查清单。", "The pack has no checklists."),
            Word::NoRuns => (
                "还没有检查记录：选一份清单按 Enter 开始。",
                "No runs yet: choose a checklist and press Enter to start one.",
            ),
            Word::StartHint => (
                "Enter 开始一次检查（先起个名字）或打开所选记录",
                "Enter starts a run (you name it first) or opens the run",
            ),
            Word::NamePrompt => ("这次检查的名字", "Name of this run"),
            Word::NamePlaceholder => ("例如：PR 482 订单同步", "e.g. PR 482 order sync"),
            Word::NameNeeded => (
                "名字不能为空：写一个，或按 Esc 取消。",
                "The name cannot be empty: write one, or press Esc to cancel.",
            ),
            Word::Finished => ("已完成", "finished"),
            Word::InProgress => ("进行中", "in progress"),
            Word::All => ("全部", "all"),
            Word::On => ("开", "on"),
            Word::Off => ("关", "off"),
            Word::FailedOnly => ("只看不满足", "failed only"),
            Word::Severity => ("严重程度", "severity"),
            Word::NoItemsShown => (
                "筛选后没有条目。o 或 s 可以放宽筛选。",
                "No items pass the filters. o or s widens them.",
            ),
            Word::NoOpenLeft => (
                "没有未检查的条目了。r 查看结果。",
                "No open items left. r shows the result.",
            ),
            Word::Why => ("为什么", "Why"),
            Word::Verify => ("如何验证", "How to verify"),
            Word::YourNote => ("你的备注", "Your note"),
            Word::NoteTitle => ("写备注", "Note"),
            Word::NotePlaceholder => (
                "位置（文件：行号）和建议的改法",
                "Where (file:line) and what you suggest",
            ),
            Word::NoteUnchanged => ("备注没有改动。", "The note is unchanged."),
            Word::EditDiscarded => ("已放弃修改。", "Edit discarded."),
            Word::PerSection => ("各节", "By section"),
            Word::FailedItems => ("不满足的项", "Failed"),
            Word::NoFailures => ("没有不满足的项。", "Nothing failed."),
            Word::EvidenceFor => ("作为证据的指标", "Evidence for"),
            Word::NotAttached => ("（还没有；a 选择指标）", "(none yet; a chooses indicators)"),
            Word::AttachHint => (
                "Enter 关联或取消关联所选指标，Esc 返回结果",
                "Enter attaches or detaches the indicator, Esc goes back",
            ),
            Word::FinishFirst => (
                "先按 d 完成这次检查，完成的记录才能作为证据。",
                "Press d to finish the run first: only a finished run is evidence.",
            ),
            Word::MarkedFinished => ("已标记为完成。", "Marked finished."),
            Word::NotFinishedHint => (
                "尚未完成（d 标记完成）",
                "not finished (d marks it finished)",
            ),
            Word::ExportHint => (
                "w 把 Markdown 写入文件 · c 复制到剪贴板（OSC 52，需要终端支持）",
                "w writes the Markdown to a file · c copies it (OSC 52: the terminal must support it)",
            ),
            Word::Osc52Sent => (
                "已用 OSC 52 复制（终端须支持 OSC 52）",
                "Copied with OSC 52 (only if the terminal supports it)",
            ),
            Word::Kept => ("没有删除。", "Nothing was deleted."),
            Word::AttachTitle => ("作为哪些指标的证据", "Evidence for which indicators"),
            Word::ChecklistGone => (
                "内容包里已没有这份清单；只保留了记录的结果。",
                "The pack no longer has this checklist; only the run's results are kept.",
            ),
            Word::ScoreRule => (
                "得分：按严重程度加权（必须 3、应该 2、最好 1）的满足比例，不适用和未检查的不计。",
                "Score: the share passed, weighted by severity (must 3, should 2, nice 1); n/a and open items do not count.",
            ),
            Word::UnreadableRuns => ("有记录文件无法读取", "Some run files cannot be read"),
            Word::OnlyRunsDeleted => (
                "清单属于内容包，这里只能删除检查记录。",
                "Checklists belong to the pack; only runs are deleted here.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// "5/6 · 2 failed (1 must)".
pub fn progress(lang: Lang, counts: &Counts, failed_must: usize) -> String {
    let mut out = format!(
        "{}/{} · {}",
        counts.decided(),
        counts.total(),
        checklist::failed(lang, counts.fail)
    );
    if failed_must > 0 {
        out.push_str(&checklist::failed_must(lang, failed_must));
    }
    out
}

/// "score 56%", or a dash with nothing judged.
pub fn score(lang: Lang, score: Option<f64>) -> String {
    let value = score.map_or_else(|| "—".to_owned(), percent);
    lang.pick(format!("得分 {value}"), format!("score {value}"))
}

/// "1 pass · 1 fail · 1 n/a · 0 open".
pub fn counts(lang: Lang, c: &Counts) -> String {
    match lang {
        Lang::Zh => format!(
            "满足 {} · 不满足 {} · 不适用 {} · 未检查 {}",
            c.pass, c.fail, c.na, c.open
        ),
        Lang::En => format!(
            "{} pass · {} fail · {} n/a · {} open",
            c.pass, c.fail, c.na, c.open
        ),
    }
}

/// "70 items".
pub fn items(lang: Lang, n: usize) -> String {
    lang.pick(format!("{n} 项"), format!("{n} items"))
}

/// The one-cell mark of a result.
pub fn mark(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Pass) => "✓",
        Some(Verdict::Fail) => "✗",
        Some(Verdict::Na) => "–",
        None => "·",
    }
}

/// The result in words.
pub fn verdict(lang: Lang, verdict: Option<Verdict>) -> &'static str {
    let (zh, en) = match verdict {
        Some(Verdict::Pass) => ("满足", "pass"),
        Some(Verdict::Fail) => ("不满足", "fail"),
        Some(Verdict::Na) => ("不适用", "n/a"),
        None => ("未检查", "open"),
    };
    lang.pick(zh, en)
}

/// The one-letter mark of a severity in the list.
pub fn severity_letter(severity: Severity) -> &'static str {
    match severity {
        Severity::Must => "M",
        Severity::Should => "S",
        Severity::Nice => "N",
    }
}

/// "Delete run “PR 482”? y deletes it, any other key keeps it".
pub fn confirm_delete(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("删除检查记录「{name}」？按 y 删除，其他键保留"),
        format!("Delete the run “{name}”? y deletes it, any other key keeps it"),
    )
}

/// "Deleted the run “PR 482”."
pub fn deleted(lang: Lang, name: &str) -> String {
    lang.pick(
        format!("已删除检查记录「{name}」。"),
        format!("Deleted the run “{name}”."),
    )
}

/// "Markdown written to PATH".
pub fn exported(lang: Lang, path: &str) -> String {
    lang.pick(
        format!("Markdown 已写入 {path}"),
        format!("Markdown written to {path}"),
    )
}

/// "Not written: WHY".
pub fn export_failed(lang: Lang, why: &str) -> String {
    lang.pick(format!("没有写入：{why}"), format!("Not written: {why}"))
}

/// "Your editor did not return the note: WHY".
pub fn editor_failed(lang: Lang, why: &str) -> String {
    lang.pick(
        format!("外部编辑器没有返回备注：{why}"),
        format!("Your editor did not return the note: {why}"),
    )
}

/// "Started 2026-12-04 10:00".
pub fn started(lang: Lang, at: &str) -> String {
    lang.pick(format!("开始于 {at}"), format!("Started {at}"))
}

/// "Finished on 2026-12-04 10:12 already; …", said when `d` is pressed on
/// a finished run.
pub fn already_finished(lang: Lang, at: &str) -> String {
    lang.pick(
        format!("这次检查已于 {at} 完成；结果仍可修改。"),
        format!("Finished on {at} already; results can still be corrected."),
    )
}

/// `d` with items still open: what a second `d` does.
pub fn open_left(lang: Lang, n: usize) -> String {
    lang.pick(
        format!("还有 {n} 项未检查：再按 d 仍标记完成。"),
        format!("{n} items still open: d again finishes the run anyway."),
    )
}

/// "finished 2026-12-04 10:12".
pub fn finished(lang: Lang, at: &str) -> String {
    lang.pick(format!("完成于 {at}"), format!("finished {at}"))
}
