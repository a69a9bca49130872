//! Taking ratings away: deleting one the pack no longer has (`x`), and
//! removing the person's own rating of an indicator (`Backspace`). Either
//! asks for `y` first when something written would be lost with it.

use super::items::{Item, items};
use super::words::Word;
use super::{Assess, AssessMode, Note};
use crate::core::ids::IndicatorId;
use crate::core::workspace::Command;
use crate::tui::data::{Data, apply};
use crate::tui::state::Effect;

/// A question on the status line, waiting for `y`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Question {
    /// Delete this orphaned rating.
    DeleteOrphan(String),
    /// Remove the rating of this indicator, and the evidence written for it.
    ClearRating(String),
}

impl Question {
    /// The id the question is about.
    pub(super) fn id(&self) -> &str {
        match self {
            Question::DeleteOrphan(id) | Question::ClearRating(id) => id,
        }
    }
}

impl Assess {
    /// `x`: asks before deleting the selected orphaned rating.
    pub(super) fn ask_delete(&mut self, data: &Data) -> Vec<Effect> {
        match self.selected_item(data) {
            Some(Item::Orphan(id)) => {
                self.mode = AssessMode::Confirming(Question::DeleteOrphan(id.to_owned()))
            }
            _ => self.note = Some(Note::Word(Word::NothingToDelete)),
        }
        Vec::new()
    }

    /// `Backspace`: removes the selected indicator's rating at once, or
    /// asks first when it has evidence, which would go with it.
    pub(super) fn clear_rating(&mut self, data: &mut Data) -> Vec<Effect> {
        let id = match self.selected_item(data) {
            Some(Item::Indicator(id)) => id.to_owned(),
            Some(Item::Orphan(_)) => return self.ask_delete(data),
            None => return Vec::new(),
        };
        match data.profile.ratings.get(id.as_str()) {
            None => {
                self.note = Some(Note::Word(Word::NothingToClear));
                Vec::new()
            }
            Some(rating) if rating.evidence.is_some() => {
                self.mode = AssessMode::Confirming(Question::ClearRating(id));
                Vec::new()
            }
            Some(_) => self.clear_now(&id, data),
        }
    }

    /// Carries out what `question` asked; returns the effects that save the change.
    pub(super) fn answer_yes(&mut self, question: &Question, data: &mut Data) -> Vec<Effect> {
        match question {
            Question::DeleteOrphan(id) => self.delete_orphan(id, data),
            Question::ClearRating(id) => self.clear_now(id, data),
        }
    }

    fn clear_now(&mut self, id: &str, data: &mut Data) -> Vec<Effect> {
        let command = Command::ClearRating {
            indicator: IndicatorId::new(id),
        };
        let effects = apply(data, command).unwrap_or_default();
        if effects.is_empty() {
            return effects;
        }
        self.note = Some(Note::Cleared(id.to_owned()));
        // The indicator may move in a filtered list (now unrated, now a
        // gap): keep it selected where it is still shown.
        if let Some(at) = items(&self.filter, data)
            .iter()
            .position(|item| item.id() == id)
        {
            self.selected = at;
        }
        effects
    }

    fn delete_orphan(&mut self, id: &str, data: &mut Data) -> Vec<Effect> {
        let command = Command::DeleteOrphan {
            indicator: IndicatorId::new(id),
        };
        let effects = apply(data, command).unwrap_or_default();
        if !effects.is_empty() {
            self.note = Some(Note::Deleted(id.to_owned()));
        }
        self.selected = self
            .selected
            .min(items(&self.filter, data).len().saturating_sub(1));
        effects
    }
}
