//! Ids as types of their own, so an indicator id cannot be passed where a
//! question id is meant. Each is a string in files and compares with `&str`.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The id `id`.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text, for a caller that wants to own it.
            pub fn into_string(self) -> String {
                self.0
            }

            /// A mutable borrow of the text, for neutralising it in place.
            #[allow(dead_code)]
            pub(crate) fn text_mut(&mut self) -> &mut String {
                &mut self.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                $name(id)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

id_type!(
    /// An indicator of the level model, e.g. `tech-depth.p6.profiling`.
    IndicatorId
);
id_type!(
    /// A level of the ladder, e.g. `P7`.
    LevelId
);
id_type!(
    /// A question of the question bank, e.g. `impact.prove-business-value`.
    QuestionId
);
id_type!(
    /// A checklist of the pack, e.g. `go-code-review`.
    ChecklistId
);
id_type!(
    /// A checklist run of a profile, e.g. `2026-12-04-pr-482`.
    RunId
);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn ids_look_up_by_text_and_write_as_plain_strings() {
        let mut scores = BTreeMap::new();
        scores.insert(IndicatorId::new("craft.l1.a"), 3);
        assert_eq!(scores.get("craft.l1.a"), Some(&3));
        assert_eq!(
            serde_json::to_string(&IndicatorId::new("craft.l1.a")).ok(),
            Some("\"craft.l1.a\"".into())
        );
        assert_eq!(LevelId::new("P7"), "P7");
    }
}
