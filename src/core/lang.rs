//! The two interface languages and how one is chosen (SPEC §1).

use serde::{Deserialize, Serialize};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The code used in packs and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses `zh` or `en` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language to use: the flag (which also carries `LADDER_LANG`),
    /// else `LANG` starting with `zh`, else English.
    pub fn choose(flag: Option<Lang>, env_lang: Option<&str>) -> Lang {
        flag.unwrap_or_else(|| match env_lang {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        })
    }

    /// Picks the string for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins_then_lang_env_then_english() {
        assert_eq!(Lang::choose(Some(Lang::En), Some("zh_CN.UTF-8")), Lang::En);
        assert_eq!(Lang::choose(None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(Lang::choose(None, Some("ZH_TW")), Lang::Zh);
        assert_eq!(Lang::choose(None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::choose(None, Some("C")), Lang::En);
        assert_eq!(Lang::choose(None, None), Lang::En);
    }
}
