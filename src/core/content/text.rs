//! Localized text and source positions for pack values.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::json_schema::LANGUAGE_CODE_PATTERN;
use crate::core::sanitize::neutralize_owned;

/// A 1-based line and column in a YAML file; zero when unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column (in characters), 0 when unknown.
    pub col: u32,
}

impl Pos {
    pub(super) fn from_location(loc: &serde_saphyr::Location) -> Self {
        Pos {
            line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
            col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
        }
    }

    /// Whether the position is known.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// A value together with where it was written; compares and serializes as the value.
#[derive(Clone, Default)]
pub struct Located<T> {
    /// The value itself.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> Located<T> {
    /// A value with no known position (built in code rather than read).
    pub fn new(value: T) -> Self {
        Located {
            value,
            pos: Pos::default(),
        }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: fmt::Debug> fmt::Debug for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: fmt::Display> fmt::Display for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: PartialEq> PartialEq for Located<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            pos: Pos::from_location(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A text in the pack: one plain string (in the pack's default language) or
/// a map of language code to string.
#[derive(Clone, Default)]
pub struct Text {
    repr: Repr,
    pos: Pos,
}

#[derive(Clone, PartialEq)]
enum Repr {
    Plain(String),
    /// Kept in the order written, so messages follow the file.
    Localized(Vec<(String, String)>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Plain(String::new())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.repr == other.repr
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Plain(s) => s.fmt(f),
            Repr::Localized(map) => f
                .debug_map()
                .entries(map.iter().map(|(k, v)| (k, v)))
                .finish(),
        }
    }
}

impl Text {
    /// A plain text, in whatever language the pack is written in.
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            repr: Repr::Plain(neutralize_owned(text.into())),
            pos: Pos::default(),
        }
    }

    /// A text with one entry per language.
    pub fn localized<K: Into<String>, V: Into<String>>(
        entries: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Text {
            repr: Repr::Localized(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into(), neutralize_owned(v.into())))
                    .collect(),
            ),
            pos: Pos::default(),
        }
    }

    /// The text in `lang`, else in `fallback` (the pack's default language),
    /// else the first one written.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match &self.repr {
            Repr::Plain(s) => s,
            Repr::Localized(map) => map
                .iter()
                .find(|(k, _)| k == lang)
                .or_else(|| map.iter().find(|(k, _)| k == fallback))
                .or_else(|| map.first())
                .map_or("", |(_, v)| v.as_str()),
        }
    }

    /// The language codes this text is written in; `None` for a plain string.
    pub fn languages(&self) -> Option<Vec<&str>> {
        match &self.repr {
            Repr::Plain(_) => None,
            Repr::Localized(map) => Some(map.iter().map(|(k, _)| k.as_str()).collect()),
        }
    }

    /// Every string of the text, in every language (for search).
    pub fn all(&self) -> Vec<&str> {
        match &self.repr {
            Repr::Plain(s) => vec![s.as_str()],
            Repr::Localized(map) => map.iter().map(|(_, v)| v.as_str()).collect(),
        }
    }

    /// Where the text was written.
    pub fn pos(&self) -> Pos {
        self.pos
    }

    /// Whether every language's string is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.all().iter().all(|s| s.trim().is_empty())
    }
}

/// The YAML shape of a text, deserialized by hand: `#[serde(untagged)]`
/// buffers content and misparses flow maps inside flow sequences.
struct TextRepr(Repr);

impl<'de> Deserialize<'de> for TextRepr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextRepr;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a text: a string, or a map of language to string such as {zh: ..., en: ...}",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(neutralize_owned(v.to_owned()))))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(neutralize_owned(v))))
            }

            // A plain scalar such as `2024`, `1.5` or `true` is text here:
            // people write labels and names without quoting them.
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(v.to_string())))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(v.to_string())))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(v.to_string())))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TextRepr, E> {
                Ok(TextRepr(Repr::Plain(v.to_string())))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextRepr, A::Error> {
                let mut entries: Vec<(String, String)> = Vec::new();
                while let Some(lang) = map.next_key::<String>()? {
                    let value: String = map.next_value()?;
                    if !is_language_code(&lang) {
                        return Err(de::Error::custom(format!(
                            "`{lang}` is not a language code: a text is a string or a map such as {{zh: ..., en: ...}}"
                        )));
                    }
                    if entries.iter().any(|(k, _)| *k == lang) {
                        return Err(de::Error::custom(format!(
                            "language `{lang}` appears twice in one text"
                        )));
                    }
                    entries.push((lang, neutralize_owned(value)));
                }
                if entries.is_empty() {
                    return Err(de::Error::custom(
                        "empty text: write a string, or a map such as {zh: ..., en: ...}",
                    ));
                }
                Ok(TextRepr(Repr::Localized(entries)))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

/// A language code as packs write them: `en`, `zh`, `zh-Hant`, `pt_BR`.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_lowercase()));
    first_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<TextRepr>::deserialize(deserializer)?;
        Ok(Text {
            repr: spanned.value.0,
            pos: Pos::from_location(&spanned.referenced),
        })
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.repr {
            Repr::Plain(s) => serializer.serialize_str(s),
            Repr::Localized(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A string in the pack's default language, or a map of language code to string, e.g. {zh: ..., en: ...}",
            "anyOf": [
                {"type": "string"},
                {"type": "number"},
                {"type": "boolean"},
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": LANGUAGE_CODE_PATTERN},
                    "additionalProperties": {"type": "string"}
                }
            ]
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        items: Vec<Text>,
    }

    #[test]
    fn plain_and_localized_forms() {
        let h: Holder = serde_saphyr::from_str(
            "items:\n  - plain words\n  - {zh: 中文, en: English}\n  - zh: 块\n    en: block\n",
        )
        .unwrap();
        assert_eq!(h.items[0].get("zh", "en"), "plain words");
        assert_eq!(h.items[1].get("zh", "en"), "中文");
        assert_eq!(h.items[1].get("en", "zh"), "English");
        assert_eq!(h.items[2].get("en", "zh"), "block");
        assert_eq!(h.items[1].pos(), Pos { line: 3, col: 5 });
    }

    #[test]
    fn flow_maps_inside_flow_sequences() {
        let h: Holder =
            serde_saphyr::from_str("items: [{zh: 一, en: one}, {zh: 二, en: two}, three]\n")
                .unwrap();
        let en: Vec<&str> = h.items.iter().map(|t| t.get("en", "zh")).collect();
        assert_eq!(en, vec!["one", "two", "three"]);
    }

    #[test]
    fn falls_back_to_default_then_first() {
        let t = Text::localized([("zh", "只有中文")]);
        assert_eq!(t.get("en", "zh"), "只有中文");
        let t = Text::localized([("fr", "seulement")]);
        assert_eq!(t.get("en", "zh"), "seulement");
    }

    #[test]
    fn control_characters_are_neutralised() {
        let h: Holder =
            serde_saphyr::from_str("items: [\"a\\e[2Jb\", {en: \"x\\u202Ey\"}]\n").unwrap();
        assert_eq!(h.items[0].get("en", "en"), "a\u{fffd}[2Jb");
        assert_eq!(h.items[1].get("en", "en"), "x\u{fffd}y");
    }

    #[test]
    fn unquoted_words_and_numbers_are_text() {
        let h: Holder = serde_saphyr::from_str_with_options(
            "items: [No, y, yes, 2024, 1.5, true]\n",
            crate::core::content::parse::yaml_options(),
        )
        .unwrap();
        let got: Vec<&str> = h.items.iter().map(|t| t.get("en", "en")).collect();
        assert_eq!(got, ["No", "y", "yes", "2024", "1.5", "true"]);
    }

    #[test]
    fn rejects_non_language_keys_and_empty_maps() {
        assert!(serde_saphyr::from_str::<Holder>("items: [{text: hi}]\n").is_err());
        assert!(serde_saphyr::from_str::<Holder>("items: [{}]\n").is_err());
        assert!(serde_saphyr::from_str::<Holder>("items: [[a]]\n").is_err());
    }

    #[test]
    fn language_codes() {
        for ok in ["en", "zh", "zh-Hant", "pt_BR", "yue"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "e", "EN", "english", "zh-", "text"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
