//! Mentor mode on Assess: the scale keys set the mentor's score and `e`
//! writes the mentor's comment. The mentee's own ratings and evidence are
//! shown beside them and never changed.

use super::editor::Editor;
use super::items::Item;
use super::{Assess, AssessMode, Note};
use crate::core::ids::IndicatorId;
use crate::core::workspace::{Command, Outcome};
use crate::tui::data::{Data, apply, saves};
use crate::tui::i18n::Lang;
use crate::tui::state::Effect;

/// What mentor mode says on the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Say {
    /// `e` before the mentor gave a score.
    ScoreFirst,
    CommentUnchanged,
    /// A key that changes the mentee's own part.
    NotInMentorMode,
}

impl Say {
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Say::ScoreFirst => (
                "先按分值键给出你的评分，再按 e 写评语。",
                "Give your score with a scale key first, then e writes your comment.",
            ),
            Say::CommentUnchanged => ("评语未改动。", "The comment is unchanged."),
            Say::NotInMentorMode => (
                "导师模式下学员自己的评分和证据不会被改动。",
                "In mentor mode the mentee's own ratings and evidence stay as they are.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// The words of mentor mode's details and editor.
pub fn words(lang: Lang) -> Words {
    Words {
        mentee_score: lang.pick("学员自评", "Mentee's score"),
        mentee_evidence: lang.pick("学员的证据", "Mentee's evidence"),
        mentee_unrated: lang.pick("学员还没有给这一项自评。", "The mentee has not rated this yet."),
        mentee_no_evidence: lang.pick(
            "学员没有为这一项写证据：可以在评语里问一问。",
            "The mentee wrote no evidence for this: your comment can ask for some.",
        ),
        your_score: lang.pick("你的评分（导师）", "Your score (mentor)"),
        your_comment: lang.pick("你的评语", "Your comment"),
        no_comment: lang.pick("还没有评语：按 e 写。", "No comment yet: e writes one."),
        not_rated: lang.pick(
            "你还没有评分：按分值键评分。",
            "Not rated by you yet: a scale key rates it.",
        ),
        mentor_comment: lang.pick("导师评语", "Mentor's comment"),
        editor_title: lang.pick("导师评语", "Mentor's comment"),
        editor_placeholder: lang.pick(
            "写下你对这条评分的看法：你看到的证据、缺了什么、下一步可以做什么。Esc 保存，Ctrl-C 放弃。",
            "What you see behind your score: the evidence, what is missing, a next step. Esc saves, Ctrl-C discards.",
        ),
    }
}

/// See [`words`].
pub struct Words {
    pub mentee_score: &'static str,
    pub mentee_evidence: &'static str,
    pub mentee_unrated: &'static str,
    pub mentee_no_evidence: &'static str,
    pub your_score: &'static str,
    pub your_comment: &'static str,
    pub no_comment: &'static str,
    pub not_rated: &'static str,
    pub mentor_comment: &'static str,
    pub editor_title: &'static str,
    pub editor_placeholder: &'static str,
}

/// The mentor at the keyboard, in mentor mode.
pub fn mentor_of(data: &Data) -> Option<&str> {
    data.mentor_session.as_ref().map(|s| s.mentor.as_str())
}

impl Assess {
    pub(super) fn mentor_rate(&mut self, mentor: &str, value: u32, data: &mut Data) -> Vec<Effect> {
        let Some(Item::Indicator(id)) = self.selected_item(data) else {
            self.note = Some(Note::Mentor(Say::NotInMentorMode));
            return Vec::new();
        };
        if data.pack.scale_step(value).is_none() {
            self.note = Some(Note::NotOnScale(value));
            return Vec::new();
        }
        let command = Command::MentorRate {
            mentor: mentor.to_owned(),
            indicator: IndicatorId::new(id),
            score: value,
        };
        apply(data, command).unwrap_or_default()
    }

    pub(super) fn mentor_edit(&mut self, data: &Data) -> Vec<Effect> {
        let Some(Item::Indicator(id)) = self.selected_item(data) else {
            self.note = Some(Note::Mentor(Say::NotInMentorMode));
            return Vec::new();
        };
        let rating = data.profile.mentor.as_ref().and_then(|m| m.ratings.get(id));
        let Some(rating) = rating else {
            self.note = Some(Note::Mentor(Say::ScoreFirst));
            return Vec::new();
        };
        let text = rating.comment.clone().unwrap_or_default();
        self.mode = AssessMode::Editing(Box::new(Editor::new(id, &text)));
        Vec::new()
    }

    pub(super) fn apply_comment(
        &mut self,
        mentor: &str,
        id: &str,
        text: &str,
        data: &mut Data,
    ) -> Vec<Effect> {
        let command = Command::MentorComment {
            mentor: mentor.to_owned(),
            indicator: IndicatorId::new(id),
            text: text.to_owned(),
        };
        match data.apply(command) {
            Err(_) => {
                self.note = Some(Note::Mentor(Say::ScoreFirst));
                Vec::new()
            }
            Ok(Outcome::Unchanged) => {
                self.note = Some(Note::Mentor(Say::CommentUnchanged));
                Vec::new()
            }
            Ok(changed) => saves(changed),
        }
    }
}
