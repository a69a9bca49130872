//! The words a run's severities and failures are told in, shared by the
//! app, the Markdown export and `ladder checklist list`, so that each says
//! them the same way in each language.

use crate::core::content::Severity;
use crate::core::lang::Lang;

/// A severity in words, as the Library names it: must / should / nice,
/// 必须 / 应该 / 最好 in Chinese.
pub fn severity_word(lang: Lang, severity: Severity) -> &'static str {
    match severity {
        Severity::Must => lang.pick("必须", "must"),
        Severity::Should => lang.pick("应该", "should"),
        Severity::Nice => lang.pick("最好", "nice"),
    }
}

/// "2 failed", "2 项不满足".
pub fn failed(lang: Lang, fail: usize) -> String {
    lang.pick(format!("{fail} 项不满足"), format!("{fail} failed"))
}

/// How many of the failed items are musts, to follow [`failed`]:
/// " (1 must)", "（必须项 1）".
pub fn failed_must(lang: Lang, must: usize) -> String {
    let word = severity_word(lang, Severity::Must);
    lang.pick(format!("（{word}项 {must}）"), format!(" ({must} {word})"))
}
