//! What the Assess screen says, in Chinese and English.

use super::remove::Question;
use crate::tui::i18n::Lang;

/// A fixed label or sentence of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Filter,
    Level,
    Dimension,
    UnratedOnly,
    GapsOnly,
    /// `UnratedOnly` where room is short.
    Unrated,
    /// `GapsOnly` where room is short.
    Gaps,
    All,
    On,
    Off,
    Readiness,
    Current,
    Target,
    Automatic,
    Chosen,
    NoLevel,
    Rated,
    Banner,
    GuidedDone,
    GuidedFilterCleared,
    YourScore,
    NotRated,
    GapMark,
    YourEvidence,
    NoEvidence,
    RateFirst,
    Growth,
    Orphans,
    OrphanHeading,
    OrphanExplain,
    OrphanNotRatable,
    MentorScore,
    Saved,
    SaveFailed,
    SaveRetry,
    Nothing,
    EditorTitle,
    EvidenceUnchanged,
    EditDiscarded,
    NothingToDelete,
    NothingToClear,
    Kept,
    TargetKey,
    ReachedAt,
    EditorPlaceholder,
}

impl Word {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Word::Filter => ("筛选", "Filter"),
            Word::Level => ("职级", "level"),
            Word::Dimension => ("维度", "dimension"),
            Word::UnratedOnly => ("仅未评", "unrated only"),
            Word::GapsOnly => ("仅差距", "gaps only"),
            Word::Unrated => ("未评", "unrated"),
            Word::Gaps => ("差距", "gaps"),
            Word::All => ("全部", "all"),
            Word::On => ("开", "on"),
            Word::Off => ("关", "off"),
            Word::Readiness => ("准备度", "Readiness"),
            Word::Current => ("当前", "current"),
            Word::Target => ("目标", "target"),
            Word::Automatic => ("自动", "automatic"),
            Word::Chosen => ("自选", "chosen"),
            Word::NoLevel => ("尚无", "none yet"),
            Word::Rated => ("已评", "rated"),
            Word::Banner => (
                "还没有任何评分。按 g 开始引导式首轮自评，逐级走完每条指标。",
                "No ratings yet: press g for a guided first pass, level by level.",
            ),
            Word::GuidedDone => (
                "每条指标都已评分，引导式首轮自评完成。",
                "Every indicator is rated: the guided first pass is done.",
            ),
            Word::GuidedFilterCleared => (
                "筛选出的指标都已评分：已清除筛选，引导继续评其余指标。",
                "Everything the filter shows is rated: the filter is cleared and the guided pass goes on with the rest.",
            ),
            Word::YourScore => ("你的评分", "Your score"),
            Word::NotRated => (
                "尚未评分：按评分行里的数字键评分。",
                "Not rated yet: press one of the scale keys above.",
            ),
            Word::GapMark => ("! 差距", "! gap"),
            Word::YourEvidence => ("你的证据", "Your evidence"),
            Word::NoEvidence => (
                "还没有证据。按 e 在这里写，按 E 用你的编辑器写。",
                "No evidence yet. Press e to write it here, E to use your editor.",
            ),
            Word::RateFirst => (
                "请先评分：证据附在评分上。",
                "Rate it first: evidence belongs to a rating.",
            ),
            Word::Growth => ("如何成长", "How to grow"),
            Word::Orphans => (
                "不在本内容包中的评分（保留，不计分）",
                "Ratings this pack does not have (kept, not scored)",
            ),
            Word::OrphanHeading => ("不在本内容包中", "Not in this pack"),
            Word::OrphanExplain => (
                "这条评分对应的指标不在当前内容包里：它被保留在档案中，但不计入准备度。按 x 删除（会先确认）。",
                "The indicator of this rating is not in the current pack: the rating is kept in the profile but not scored. Press x to delete it (asks first).",
            ),
            Word::OrphanNotRatable => (
                "这条指标不在本内容包中，不能评分；按 x 可删除它。",
                "This indicator is not in the pack, so it cannot be rated; x deletes it.",
            ),
            Word::MentorScore => ("导师评分", "Mentor's score"),
            Word::Saved => ("✓ 已保存", "✓ saved"),
            Word::SaveFailed => ("⚠ 未能保存：", "⚠ Not saved: "),
            Word::SaveRetry => (
                "——修改保留在内存中，下次按键时重试。",
                " (the change is kept in memory and saving is retried with the next key)",
            ),
            Word::Nothing => (
                "没有符合筛选的指标；按 c 清除筛选。",
                "No indicator matches the filter; press c to clear it.",
            ),
            Word::EditorTitle => ("证据", "Evidence"),
            Word::EvidenceUnchanged => ("证据未改动。", "The evidence is unchanged."),
            Word::EditDiscarded => (
                "已放弃修改，证据保持原样。",
                "Edit discarded: the evidence is as it was.",
            ),
            Word::NothingToDelete => (
                "x 只删除不在本内容包中的评分；要移除评分按 Backspace，要改评分按数字键。",
                "x deletes only ratings the pack does not have; Backspace removes a rating, a scale key changes it.",
            ),
            Word::NothingToClear => (
                "这条指标还没有评分，没有可移除的。",
                "This indicator is not rated: there is no rating to remove.",
            ),
            Word::Kept => ("已保留，没有移除任何内容。", "Kept: nothing was removed."),
            Word::TargetKey => ("按 t 切换", "press t"),
            Word::ReachedAt => ("✓ 达到门槛", "✓ reached at"),
            Word::EditorPlaceholder => (
                "写下支撑这个评分的事实：PR、设计文档、数据前后对比……",
                "What backs this score up: PRs, design docs, before/after numbers...",
            ),
        };
        lang.pick(zh, en)
    }
}

/// "Guided pass · 12/89 rated · ..." while the guided pass runs.
pub fn guided_progress(lang: Lang, rated: usize, total: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("引导式首轮 · 已评 {rated}/{total} · 每评一条自动跳到下一条未评指标 · g 停止")
        }
        Lang::En => format!(
            "Guided pass · {rated}/{total} rated · each rating moves on to the next unrated one · g stops"
        ),
    }
}

/// The note after a key that is not on the pack's scale.
pub fn not_on_scale(lang: Lang, value: u32, values: &str) -> String {
    match lang {
        Lang::Zh => format!("{value} 不在本内容包的评分尺度上（可用：{values}）。"),
        Lang::En => format!("{value} is not on this pack's scale (use {values})."),
    }
}

/// The note after `e` or `E` on an unrated indicator.
pub fn rate_then_edit(lang: Lang, values: &str) -> String {
    match lang {
        Lang::Zh => format!("请先评分：按一个分值（{values}），随后打开编辑器。"),
        Lang::En => format!("Rate it first: press a score ({values}) and the editor opens."),
    }
}

/// The question before a rating is deleted or removed: `name` is the
/// indicator's text (cut to fit), or the id of a rating the pack lacks.
pub fn confirm(lang: Lang, question: &Question, name: &str) -> String {
    match (question, lang) {
        (Question::DeleteOrphan(_), Lang::Zh) => {
            format!("删除 {name} 的评分？按 y 删除，其他键保留。")
        }
        (Question::DeleteOrphan(_), Lang::En) => {
            format!("Delete the rating of {name}? y deletes, other keys keep it.")
        }
        (Question::ClearRating(_), Lang::Zh) => {
            format!("移除「{name}」的评分和证据？按 y 移除，其他键保留。")
        }
        (Question::ClearRating(_), Lang::En) => {
            format!(
                "Remove the rating and evidence of \u{201c}{name}\u{201d}? y removes, other keys keep."
            )
        }
    }
}

/// The note after a rating of an indicator of the pack was removed.
pub fn cleared(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("已移除「{name}」的评分。"),
        Lang::En => format!("Removed the rating of \u{201c}{name}\u{201d}."),
    }
}

/// The note after `t` changed the target level.
pub fn target_changed(lang: Lang, from: &str, to: &str, how: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("目标职级：{from} → {to}（{how}）· 再按 t 换下一级")
        }
        Lang::En => {
            format!("Target: {from} → {to} ({how}) · t again: next level")
        }
    }
}

/// The note after an orphaned rating was deleted.
pub fn deleted(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Zh => format!("已删除 {id} 的评分。"),
        Lang::En => format!("Deleted the rating of {id}."),
    }
}

/// The note when the person's editor gave nothing back.
pub fn editor_failed(lang: Lang, why: &str) -> String {
    match lang {
        Lang::Zh => format!("外部编辑器没有返回内容：{why}"),
        Lang::En => format!("Nothing came back from the editor: {why}"),
    }
}

/// Why an indicator is a gap, after the gap mark.
pub fn gap_reason(lang: Lang, meets: u32, label: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{}：低于 {meets}（{label}），且不高于目标职级",
            Word::GapMark.text(lang)
        ),
        Lang::En => format!(
            "{}: below {meets} ({label}), at or below the target level",
            Word::GapMark.text(lang)
        ),
    }
}
