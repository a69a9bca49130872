//! The interface's own words, in Chinese and English.
//!
//! Content from a pack carries its own translations; this file holds only what
//! the shell itself says (tab names, the help window, notes). Which language
//! to speak is chosen in `core::lang`, for the reports and the app alike.

pub use crate::core::lang::{Lang, UnknownLang};

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
    /// Said after the app was asked to stop by a signal.
    Stopped,
    CurrentRule,
    /// The heading of an indicator's evidence hint, the same on every screen.
    EvidenceHint,
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
            Msg::EvidenceHint => ("什么算好证据", "What good evidence looks like"),
            Msg::CurrentRule => (
                "当前职级：它和它以下的每一级都已达到的最高一级。",
                "Current level: the highest one with every level below it reached too.",
            ),
            Msg::NotATerminal => (
                "界面需要在交互式终端中运行；若要文字报告，请运行 `ladder report`。",
                "the screens need an interactive terminal; for a text report, run `ladder report`.",
            ),
            Msg::Stopped => (
                "ladder 收到停止信号：终端已恢复，改动都已保存。",
                "ladder was asked to stop: the terminal is restored and every change is saved.",
            ),
        };
        lang.pick(zh, en)
    }
}

/// The note shown when the terminal (now `size`) is smaller than the layout
/// needs (`min`), from the fullest wording to the shortest, each already
/// split into lines; the view shows the first one that fits.
pub fn too_small_note(
    lang: Lang,
    size: (u16, u16),
    min: (u16, u16),
    quit: &str,
) -> [Vec<String>; 3] {
    let need = format!("{}x{}", min.0, min.1);
    let now = format!("{}x{}", size.0, size.1);
    match lang {
        Lang::Zh => [
            vec![
                "终端窗口太小".to_owned(),
                format!("请放大到至少 {need}"),
                format!("（当前 {now}）"),
                format!("按 {quit} 退出"),
            ],
            vec!["窗口太小".to_owned(), format!("至少 {need}")],
            vec![need],
        ],
        Lang::En => [
            vec![
                "The terminal is too small.".to_owned(),
                format!("Please enlarge it to at least {need}"),
                format!("(it is {now} now)."),
                format!("{quit} quits."),
            ],
            vec!["Too small:".to_owned(), format!("need {need}")],
            vec![need],
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
