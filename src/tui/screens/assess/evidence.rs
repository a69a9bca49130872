//! Evidence: the editor inside the app, the person's own editor, and the
//! wait for a score when `e` or `E` is pressed on an unrated indicator.

use super::editor::Editor;
use super::items::Item;
use super::words::Word;
use super::{Assess, AssessMode, Note, Pending};
use crate::core::ids::IndicatorId;
use crate::core::workspace::{Command, Outcome};
use crate::tui::action::{Action, EditTarget};
use crate::tui::data::{Data, apply, saves};
use crate::tui::external_editor::EditorFailure;
use crate::tui::screens::Ctx;
use crate::tui::state::Effect;

impl Assess {
    /// Applies what the person wrote in their own editor for indicator `id`
    /// (or why nothing came back); the loop calls this after
    /// [`Effect::EditExternally`].
    pub fn edited_externally(
        &mut self,
        id: &str,
        written: Result<String, EditorFailure>,
        data: &mut Data,
    ) -> Vec<Effect> {
        match written {
            Ok(text) => self.apply_evidence(id, &text, data),
            Err(why) => {
                self.note = Some(Note::EditorFailed(why));
                Vec::new()
            }
        }
    }

    pub(super) fn edit(&mut self, data: &Data, externally: bool) -> Vec<Effect> {
        let (id, rating) = match self.selected_item(data) {
            Some(Item::Indicator(id)) => (id, data.profile.ratings.get(id)),
            Some(Item::Orphan(_)) => {
                self.note = Some(Note::Word(Word::OrphanNotRatable));
                return Vec::new();
            }
            None => return Vec::new(),
        };
        let Some(rating) = rating else {
            self.note = Some(Note::RateThenEdit);
            self.mode = AssessMode::AwaitingScore(Pending {
                id: id.to_owned(),
                externally,
            });
            return Vec::new();
        };
        let text = rating.evidence.clone().unwrap_or_default();
        if externally {
            return vec![Effect::EditExternally {
                target: EditTarget::Evidence(id.to_owned()),
                text,
            }];
        }
        self.mode = AssessMode::Editing(Box::new(Editor::new(id, &text)));
        Vec::new()
    }

    /// The score that ends a [`Pending`] wait: rates the indicator and
    /// opens its editor.
    pub(super) fn rate_and_edit(
        &mut self,
        pending: &Pending,
        value: u32,
        data: &mut Data,
    ) -> Vec<Effect> {
        let command = Command::Rate {
            indicator: IndicatorId::new(&pending.id),
            score: value,
        };
        let mut effects = apply(data, command).unwrap_or_default();
        if pending.externally {
            // The person's own editor takes the whole terminal: the guided
            // pass can move on now, as after any rating.
            if self.guided {
                self.guide_on(&pending.id, data);
            }
            effects.push(Effect::EditExternally {
                target: EditTarget::Evidence(pending.id.clone()),
                text: String::new(),
            });
        } else {
            self.resume_guided = self.guided;
            self.mode = AssessMode::Editing(Box::new(Editor::new(&pending.id, "")));
        }
        effects
    }

    pub(super) fn update_editor(
        &mut self,
        action: Action,
        ctx: &Ctx,
        data: &mut Data,
    ) -> Option<Vec<Effect>> {
        let width = super::render::editor_width(self, ctx, data);
        let AssessMode::Editing(editor) = &mut self.mode else {
            return None;
        };
        match action {
            Action::Type(key) => {
                editor.type_key(key, width);
                Some(Vec::new())
            }
            Action::Paste(text) => {
                editor.paste(&text);
                Some(Vec::new())
            }
            Action::Back => {
                let (id, text) = (editor.id.clone(), editor.text());
                self.mode = AssessMode::Browsing;
                if let Some(mentor) = super::mentor::mentor_of(data).map(str::to_owned) {
                    return Some(self.apply_comment(&mentor, &id, &text, data));
                }
                let effects = self.apply_evidence(&id, &text, data);
                self.resume(&id, data);
                Some(effects)
            }
            Action::Cancel => {
                let id = editor.id.clone();
                self.mode = AssessMode::Browsing;
                self.note = Some(Note::Word(Word::EditDiscarded));
                self.resume(&id, data);
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// After the editor closes: the guided pass moves on if it was held
    /// for the editor.
    fn resume(&mut self, id: &str, data: &Data) {
        if std::mem::take(&mut self.resume_guided) && self.guided {
            self.guide_on(id, data);
        }
    }

    fn apply_evidence(&mut self, id: &str, text: &str, data: &mut Data) -> Vec<Effect> {
        let command = Command::SetEvidence {
            indicator: IndicatorId::new(id),
            text: text.to_owned(),
        };
        match data.apply(command) {
            Err(_) => {
                self.note = Some(Note::Word(Word::RateFirst));
                Vec::new()
            }
            Ok(Outcome::Unchanged) => {
                self.note = Some(Note::Word(Word::EvidenceUnchanged));
                Vec::new()
            }
            Ok(changed) => saves(changed),
        }
    }
}
