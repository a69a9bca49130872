//! The two interface languages and how one is chosen (SPEC §1).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Both languages, in the order the built-in pack declares them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The tag used on the command line and in files: `zh` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Picks the Chinese or the English of a pair.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language tag that is neither `zh` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use zh or en")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

impl Lang {
    /// The code used in packs and on the command line (same as [`Lang::tag`]).
    pub fn code(self) -> &'static str {
        self.tag()
    }

    /// The language to use: the flag (which also carries `LADDER_LANG`),
    /// else `LANG` starting with `zh`, else English.
    pub fn choose(flag: Option<Lang>, env_lang: Option<&str>) -> Lang {
        flag.unwrap_or_else(|| match env_lang {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        })
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
