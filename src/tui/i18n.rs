//! The interface's own words, in Chinese and English.
//!
//! Content from a pack carries its own translations; this file holds only what
//! the shell itself says (tab names, the help window, notes).

pub use crate::core::lang::{Lang, UnknownLang};

/// Chooses the interface language in the order SPEC §1 gives: the `--lang`
/// flag, then `LADDER_LANG`, then a `LANG` starting with `zh`, else English.
///
/// Takes the values rather than reading the environment so that the CLI, the
/// TUI and tests all share one rule. A `LADDER_LANG` that names neither
/// language is passed over rather than trusted.
pub fn choose_lang(flag: Option<Lang>, ladder_lang: Option<&str>, lang: Option<&str>) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    if let Some(lang) = ladder_lang.and_then(|value| value.parse().ok()) {
        return lang;
    }
    match lang {
        Some(value) if value.starts_with("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// Reads `LADDER_LANG` and `LANG` from the environment and applies
/// [`choose_lang`].
pub fn lang_from_env(flag: Option<Lang>) -> Lang {
    let ladder_lang = std::env::var("LADDER_LANG").ok();
    let lang = std::env::var("LANG").ok();
    choose_lang(flag, ladder_lang.as_deref(), lang.as_deref())
}

/// A sentence or label the shell shows, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    HelpTitle,
    HelpThisWindow,
    HelpThisScreen,
    HelpEverywhere,
    HelpEditor,
    HelpMoreAbove,
    HelpMoreBelow,
    NotATerminal,
}

impl Msg {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Msg::AppName => ("ladder", "ladder"),
            Msg::HelpTitle => ("按键", "Keys"),
            Msg::HelpThisWindow => ("本窗口", "This window"),
            Msg::HelpThisScreen => ("本页", "This screen"),
            Msg::HelpEverywhere => ("任意页面", "Everywhere"),
            Msg::HelpEditor => ("编辑框中", "In the editor"),
            Msg::HelpMoreAbove => ("↑ 上面还有", "↑ more above"),
            Msg::HelpMoreBelow => ("↓ 下面还有", "↓ more below"),
            Msg::NotATerminal => (
                "界面需要在交互式终端中运行；若要文字报告，请运行 `ladder report`。",
                "the screens need an interactive terminal; for a text report, run `ladder report`.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// The note shown when the terminal is smaller than the layout needs,
/// from the fullest wording to the shortest, each already split into lines;
/// the view shows the first one that fits.
pub fn too_small_note(lang: Lang, min_width: u16, min_height: u16) -> [Vec<String>; 3] {
    let size = format!("{min_width}x{min_height}");
    match lang {
        Lang::Zh => [
            vec!["终端窗口太小".to_owned(), format!("请放大到至少 {size}")],
            vec!["窗口太小".to_owned(), format!("至少 {size}")],
            vec![size],
        ],
        Lang::En => [
            vec![
                "The terminal is too small.".to_owned(),
                format!("Please enlarge it to at least {size}."),
            ],
            vec!["Too small:".to_owned(), format!("need {size}")],
            vec![size],
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_every_variable() {
        assert_eq!(
            choose_lang(Some(Lang::En), Some("zh"), Some("zh_CN.UTF-8")),
            Lang::En
        );
        assert_eq!(choose_lang(Some(Lang::Zh), Some("en"), Some("C")), Lang::Zh);
    }

    #[test]
    fn ladder_lang_wins_over_lang() {
        assert_eq!(choose_lang(None, Some("en"), Some("zh_CN.UTF-8")), Lang::En);
        assert_eq!(choose_lang(None, Some("zh"), Some("en_US.UTF-8")), Lang::Zh);
        assert_eq!(choose_lang(None, Some(" ZH "), None), Lang::Zh);
    }

    #[test]
    fn a_ladder_lang_naming_no_known_language_is_passed_over() {
        assert_eq!(choose_lang(None, Some("fr"), Some("zh_TW.UTF-8")), Lang::Zh);
        assert_eq!(choose_lang(None, Some(""), None), Lang::En);
    }

    #[test]
    fn lang_starting_with_zh_gives_chinese_and_anything_else_english() {
        assert_eq!(choose_lang(None, None, Some("zh_CN.UTF-8")), Lang::Zh);
        assert_eq!(choose_lang(None, None, Some("zh")), Lang::Zh);
        assert_eq!(choose_lang(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(choose_lang(None, None, Some("C.UTF-8")), Lang::En);
        // Only a prefix counts: a locale merely mentioning zh is not Chinese.
        assert_eq!(choose_lang(None, None, Some("en_zh")), Lang::En);
        assert_eq!(choose_lang(None, None, None), Lang::En);
    }

    #[test]
    fn tags_parse_and_print_back() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag().parse::<Lang>(), Ok(lang));
            assert_eq!(lang.to_string(), lang.tag());
        }
        assert_eq!(
            "de".parse::<Lang>().map_err(|e| e.to_string()),
            Err("unknown language `de`: use zh or en".to_owned())
        );
    }
}
