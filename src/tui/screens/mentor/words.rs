//! What the Mentor screen says, in Chinese and English.

use crate::tui::i18n::Lang;

/// A fixed label or sentence of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    Calibration,
    NoReview,
    /// The same, said to the mentor, who has not rated anything yet.
    NoReviewYetMentor,
    NoneRatedByBoth,
    FarApart,
    OneApart,
    Agree,
    PerDimension,
    Higher,
    Lower,
    Even,
    Agenda,
    NoAgenda,
    NothingToCalibrate,
    Questions,
    Growth,
    Notes,
    NoNotes,
    Plan,
    NoPlan,
    Legend,
    Mentee,
    Mentor,
    StartWalkthrough,
    // The walkthrough's pages.
    PageLevels,
    PageMindset,
    PageReadiness,
    PageAgenda,
    PageGaps,
    PagePlan,
    WhatChanges,
    NoTarget,
    NoArticle,
    TalkingPoints,
    Trend,
    NoTrend,
    NoGaps,
    PlanKeys,
    Current,
    Target,
    // The plan form.
    FormStep,
    FormOwner,
    FormDue,
    FormHelp,
    BadDate,
    EmptyStep,
    OnlyMentor,
    NotesTitle,
    NotesPlaceholder,
    NotesUnchanged,
    StepRemoved,
    NothingToRemove,
}

impl Word {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Word::Calibration => ("校准", "Calibration"),
            Word::NoReview => (
                "还没有导师评审。把档案导出（ladder export -o 我的档案.yaml）发给导师；导师用 ladder mentor 文件 --name 名字 在旁边评分、写评语和计划，再把文件发回来；你用 ladder import 文件 --merge 收下导师的部分，这里就会显示校准、议程和计划。",
                "No mentor review yet. Export your profile (ladder export -o me.yaml) and send it to your mentor; they open it with ladder mentor FILE --name NAME, rate beside you, comment and write a plan, and send it back; ladder import FILE --merge takes in their part, and the calibration, agenda and plan show here.",
            ),
            Word::NoReviewYetMentor => (
                "你还没有开始评审：在「自评」页用分值键给各项评分、按 e 写评语，这里就会显示校准。",
                "You have not started the review yet: on Assess, rate indicators with the scale keys and write comments with e, and the calibration shows here.",
            ),
            Word::NoneRatedByBoth => (
                "还没有两人都评过分的指标。",
                "No indicator is rated by both yet.",
            ),
            Word::FarApart => ("相差两分或以上：深入谈", "Two or more apart: talk in depth"),
            Word::OneApart => ("相差一分：简短谈", "One apart: talk briefly"),
            Word::Agree => ("一致", "Agree"),
            Word::PerDimension => (
                "各维度：自评比导师高还是低",
                "Per dimension: self higher or lower than the mentor",
            ),
            Word::Higher => ("自评偏高", "rates themselves higher"),
            Word::Lower => ("自评偏低", "rates themselves lower"),
            Word::Even => ("大体一致", "on balance the same"),
            Word::Agenda => (
                "谈话议程（对目标职级最要紧的几项）",
                "Agenda (what matters most for the target level)",
            ),
            Word::NoAgenda => (
                "目标职级以下没有需要谈的项。",
                "Nothing up to the target level needs talking about.",
            ),
            Word::NothingToCalibrate => (
                "还没有可校准的内容：先给一些指标评分。",
                "Nothing to calibrate yet: rate some indicators first.",
            ),
            Word::Questions => ("可用来检验的答辩题", "Drill questions that probe it"),
            Word::Growth => ("成长建议", "Growth advice"),
            Word::Notes => ("导师备注", "Mentor's notes"),
            Word::NoNotes => ("还没有备注。", "No notes yet."),
            Word::Plan => ("约定的计划", "Agreed plan"),
            Word::NoPlan => ("还没有计划。", "No plan yet."),
            Word::Legend => ("各维度 ·", "Dimensions ·"),
            Word::Mentee => ("学员自评", "mentee"),
            Word::Mentor => ("导师眼中", "mentor's view"),
            Word::StartWalkthrough => (
                "按 Enter 开始一对一走查。",
                "Enter starts the 1:1 walkthrough.",
            ),
            Word::PageLevels => ("职级阶梯", "The ladder"),
            Word::PageMindset => ("心态的转变", "The mindset shift"),
            Word::PageReadiness => ("准备度与趋势", "Readiness and trend"),
            Word::PageAgenda => ("校准议程", "Calibration agenda"),
            Word::PageGaps => ("最大的差距", "Top gaps"),
            Word::PagePlan => ("约定的计划", "The plan"),
            Word::WhatChanges => (
                "从当前到目标，变的是什么",
                "What changes from current to target",
            ),
            Word::NoTarget => ("还没有目标职级。", "There is no target level yet."),
            Word::NoArticle => ("这个内容包没有文章。", "This pack has no articles."),
            Word::TalkingPoints => ("谈话要点", "Talking points"),
            Word::Trend => ("目标职级准备度的走势", "Readiness for the target over time"),
            Word::NoTrend => ("还没有历史记录。", "No history yet."),
            Word::NoGaps => ("目标职级以下没有差距。", "No gaps up to the target level."),
            Word::PlanKeys => (
                "a 添加一步（内容、负责人、日期），x 删除最后一步。",
                "a adds a step (what, who, by when), x removes the last one.",
            ),
            Word::Current => ("当前", "current"),
            Word::Target => ("目标", "target"),
            Word::FormStep => ("下一步", "Next step"),
            Word::FormOwner => ("负责人", "Owner"),
            Word::FormDue => ("日期（YYYY-MM-DD，可空）", "Due (YYYY-MM-DD, may be blank)"),
            Word::FormHelp => (
                "Enter 下一项 / 保存，Esc 放弃。",
                "Enter: next field / save. Esc: discard.",
            ),
            Word::BadDate => (
                "日期要写成 2027-01-15 这样，或留空。",
                "Write the date as 2027-01-15, or leave it blank.",
            ),
            Word::EmptyStep => ("先写下这一步要做什么。", "Write what the step is first."),
            Word::OnlyMentor => (
                "只有导师能改计划和备注（ladder mentor）。",
                "Only the mentor changes the plan and notes (ladder mentor).",
            ),
            Word::NotesTitle => ("导师备注", "Mentor's notes"),
            Word::NotesPlaceholder => (
                "这次谈话的总体看法。Esc 保存，Ctrl-C 放弃。",
                "Your overall view from this conversation. Esc saves, Ctrl-C discards.",
            ),
            Word::NotesUnchanged => ("备注未改动。", "The notes are unchanged."),
            Word::StepRemoved => ("已删除最后一步。", "The last step was removed."),
            Word::NothingToRemove => ("计划里还没有步骤。", "The plan has no steps yet."),
        };
        lang.pick(zh, en)
    }
}

/// "self 3 · mentor 1", "self 2 · mentor ·" for a score not given, and
/// "not rated yet" for neither.
pub fn pair(lang: Lang, own: Option<u32>, theirs: Option<u32>) -> String {
    let show = |v: Option<u32>| v.map_or_else(|| "·".to_owned(), |v| v.to_string());
    if own.is_none() && theirs.is_none() {
        return lang.pick("尚未评分", "not rated yet").to_owned();
    }
    match lang {
        Lang::Zh => format!("自评 {} · 导师 {}", show(own), show(theirs)),
        Lang::En => format!("self {} · mentor {}", show(own), show(theirs)),
    }
}

/// A dimension's lean: "rates themselves higher (+0.5 on average over 4)".
pub fn lean(lang: Lang, word: Word, mean: f64, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{}（{} 项平均 {mean:+.1}）", word.text(lang), count),
        Lang::En => format!("{} ({mean:+.1} on average over {count})", word.text(lang)),
    }
}

/// "2/6 · The mindset shift"
pub fn page_title(lang: Lang, n: usize, of: usize, title: Word) -> String {
    format!("{n}/{of} · {}", title.text(lang))
}
