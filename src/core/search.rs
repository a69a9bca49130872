//! Finding indicators, questions, checklist items and articles by id or by
//! their text in one language, with a fuzzy matcher.
//!
//! The index holds the texts already resolved to one language, so a search
//! per key press only scores; it is rebuilt when the language changes.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::core::content::Pack;
use crate::core::content::text::Text;

/// An exact id outranks any fuzzy match: someone who types a whole id wants
/// that item, however well some text happens to match too.
const EXACT_ID_BONUS: u32 = 1 << 20;

/// The kind of thing a search finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A level indicator of a dimension.
    Indicator,
    /// A defense question.
    Question,
    /// An item of a checklist.
    ChecklistItem,
    /// A long-form article.
    Article,
}

/// Something in the pack a person can be taken to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An indicator, by id.
    Indicator(String),
    /// A question, by id.
    Question(String),
    /// An item of a checklist (item ids are unique only within a checklist).
    ChecklistItem { checklist: String, item: String },
    /// An article, by id.
    Article(String),
}

impl Target {
    /// What kind of thing this is.
    pub fn kind(&self) -> Kind {
        match self {
            Target::Indicator(_) => Kind::Indicator,
            Target::Question(_) => Kind::Question,
            Target::ChecklistItem { .. } => Kind::ChecklistItem,
            Target::Article(_) => Kind::Article,
        }
    }

    /// The id as a person reads it; a checklist item's carries its checklist.
    pub fn label(&self) -> String {
        match self {
            Target::Indicator(id) | Target::Question(id) | Target::Article(id) => id.clone(),
            Target::ChecklistItem { checklist, item } => format!("{checklist}/{item}"),
        }
    }
}

/// One searchable thing: where it leads and the texts it is found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where choosing it leads.
    pub target: Target,
    /// The text shown for it (an indicator's text, a prompt, a title).
    pub text: String,
    /// Longer text searched only for the query as written (an article's
    /// body): fuzzy matching over a whole page would match nearly anything.
    pub body: Option<String>,
    /// The text in the pack's other languages, searched for the words as
    /// written (below `text`): someone reading Chinese may still search
    /// for `idempotent`.
    pub other: Vec<String>,
}

/// A match: which entry, and how well it matched (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The position of the entry in the index.
    pub entry: usize,
    /// The match score.
    pub score: u32,
}

/// Every searchable thing of a pack in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    /// Indexes `pack` with its texts in `lang`, falling back to the pack's
    /// default language; in pack order: indicators, questions, checklist
    /// items, articles.
    pub fn build(pack: &Pack, lang: &str) -> Self {
        let fallback = pack.default_language();
        let others = |text: &Text| -> Vec<String> {
            let shown = text.get(lang, fallback);
            text.all()
                .into_iter()
                .filter(|t| *t != shown)
                .map(str::to_owned)
                .collect()
        };
        let mut entries = Vec::new();
        for (_, indicator) in pack.indicators() {
            entries.push(Entry {
                target: Target::Indicator(indicator.id.value.clone()),
                text: indicator.text.get(lang, fallback).to_owned(),
                body: None,
                other: others(&indicator.text),
            });
        }
        for question in &pack.questions {
            entries.push(Entry {
                target: Target::Question(question.id.value.clone()),
                text: question.prompt.get(lang, fallback).to_owned(),
                body: None,
                other: others(&question.prompt),
            });
        }
        for checklist in &pack.checklists {
            for item in checklist.sections.iter().flat_map(|s| &s.items) {
                entries.push(Entry {
                    target: Target::ChecklistItem {
                        checklist: checklist.id.value.clone(),
                        item: item.id.value.clone(),
                    },
                    text: item.text.get(lang, fallback).to_owned(),
                    body: None,
                    other: others(&item.text),
                });
            }
        }
        for article in &pack.articles {
            entries.push(Entry {
                target: Target::Article(article.id.value.clone()),
                text: article.title.get(lang, fallback).to_owned(),
                body: Some(article.body.get(lang, fallback).to_owned()),
                other: others(&article.title),
            });
        }
        Index { entries }
    }

    /// An index of the given entries.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        Index { entries }
    }

    /// The entries, in index order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a hit points at.
    pub fn entry(&self, hit: Hit) -> Option<&Entry> {
        self.entries.get(hit.entry)
    }

    /// The entries matching `query`, best first (ties keep index order).
    ///
    /// Each word of the query must appear in the id or the text (case is
    /// ignored). Only when nothing contains
    /// the words does matching turn fuzzy, so a typo still finds something
    /// while a plain word is not drowned in loose matches across long texts.
    /// An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let strict = self.containing(query);
        if strict.is_empty() {
            self.matches(query, AtomKind::Fuzzy)
        } else {
            strict
        }
    }

    /// Entries whose id or text contains every word of `query` (case
    /// ignored); an id match ranks above a text match, an earlier and
    /// shorter match above a later or longer one. Bodies come last.
    fn containing(&self, query: &str) -> Vec<Hit> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let rank = |haystack: &str, base: u32| -> Option<u32> {
            let hay = haystack.to_lowercase();
            let mut first = usize::MAX;
            for w in &words {
                first = first.min(hay.find(w.as_str())?);
            }
            let first = u32::try_from(hay[..first].chars().count()).unwrap_or(u32::MAX);
            let len = u32::try_from(hay.chars().count()).unwrap_or(u32::MAX);
            Some(
                base.saturating_sub(first.min(500))
                    .saturating_sub(len.min(500) / 4),
            )
        };
        self.ranked(query, |entry| {
            [
                rank(&entry.target.label(), 3000),
                rank(&entry.text, 2000),
                entry.other.iter().filter_map(|t| rank(t, 1500)).max(),
                entry.body.as_deref().and_then(|b| rank(b, 1000)),
            ]
            .into_iter()
            .flatten()
            .max()
        })
    }

    fn matches(&self, query: &str, kind: AtomKind) -> Vec<Hit> {
        let pattern = Pattern::new(query, CaseMatching::Smart, Normalization::Smart, kind);
        let literal = Pattern::new(
            query,
            CaseMatching::Smart,
            Normalization::Smart,
            AtomKind::Substring,
        );
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut score = |pattern: &Pattern, text: &str| {
            pattern.score(Utf32Str::new(text, &mut buf), &mut matcher)
        };
        self.ranked(query, |entry| {
            [
                score(&pattern, &entry.target.label()),
                score(&pattern, &entry.text),
                // Found only in the body: below a match of the title.
                entry
                    .body
                    .as_deref()
                    .and_then(|body| score(&literal, body))
                    .map(|s| s / 2),
            ]
            .into_iter()
            .flatten()
            .max()
        })
    }

    /// Scores every entry with `score` (None: no match), adds the exact-id
    /// bonus, and sorts best first; the stable sort keeps pack order among
    /// equal scores.
    fn ranked(&self, query: &str, mut score: impl FnMut(&Entry) -> Option<u32>) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| {
                let bonus = if is_exact_id(&entry.target, query) {
                    EXACT_ID_BONUS
                } else {
                    0
                };
                Some(Hit {
                    entry: i,
                    score: score(entry)?.saturating_add(bonus),
                })
            })
            .collect();
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        hits
    }
}

fn is_exact_id(target: &Target, query: &str) -> bool {
    let same = |id: &str| id.eq_ignore_ascii_case(query);
    match target {
        Target::Indicator(id) | Target::Question(id) | Target::Article(id) => same(id),
        Target::ChecklistItem { checklist, item } => {
            same(item) || same(&format!("{checklist}/{item}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::built_in;

    fn pack() -> Pack {
        built_in().unwrap().pack
    }

    fn first(index: &Index, query: &str) -> Option<Target> {
        let hit = *index.search(query).first()?;
        index.entry(hit).map(|e| e.target.clone())
    }

    #[test]
    fn an_indicator_is_found_by_its_id() {
        let index = Index::build(&pack(), "en");
        assert_eq!(
            first(&index, "tech-depth.p6.profiling"),
            Some(Target::Indicator("tech-depth.p6.profiling".to_owned()))
        );
    }

    #[test]
    fn a_checklist_item_is_found_by_its_own_id_or_with_its_checklist() {
        let index = Index::build(&pack(), "en");
        let lock_scope = Some(Target::ChecklistItem {
            checklist: "go-code-review".to_owned(),
            item: "concurrency.lock-scope".to_owned(),
        });
        assert_eq!(first(&index, "concurrency.lock-scope"), lock_scope);
        assert_eq!(
            first(&index, "go-code-review/concurrency.lock-scope"),
            lock_scope
        );
    }

    #[test]
    fn chinese_text_finds_an_indicator() {
        // Only tech-depth.p6.idiomatic-errors-context says 不靠注释屏蔽告警.
        let index = Index::build(&pack(), "zh");
        assert_eq!(
            first(&index, "不靠注释屏蔽告警"),
            Some(Target::Indicator(
                "tech-depth.p6.idiomatic-errors-context".to_owned()
            ))
        );
        // Searching in English finds it by its Chinese words too, and the
        // text shown is the English one.
        let english = Index::build(&pack(), "en");
        let hits = english.search("不靠注释屏蔽告警");
        assert_eq!(hits.len(), 1);
        let entry = english.entry(hits[0]).unwrap();
        assert!(entry.text.contains("without suppression comments"));
    }

    #[test]
    fn words_of_the_other_language_rank_below_the_shown_language() {
        let index = Index::from_entries(vec![
            Entry {
                other: vec!["make the handler idempotent".to_owned()],
                ..entry(Target::Indicator("a".to_owned()), "让处理幂等")
            },
            entry(Target::Indicator("b".to_owned()), "idempotent 的消费者"),
        ]);
        let found: Vec<usize> = index.search("idempotent").iter().map(|h| h.entry).collect();
        assert_eq!(found, [1, 0]);
    }

    #[test]
    fn english_text_finds_an_indicator() {
        let index = Index::build(&pack(), "en");
        assert_eq!(
            first(&index, "without suppression comments"),
            Some(Target::Indicator(
                "tech-depth.p6.idiomatic-errors-context".to_owned()
            ))
        );
    }

    #[test]
    fn an_article_title_and_a_question_quoting_it_are_both_found() {
        // The article mindset-shift is titled 从实现者到系统定义者, and the
        // question growth.implementer-to-definer quotes the title.
        let index = Index::build(&pack(), "zh");
        let mut found: Vec<Target> = index
            .search("系统定义者")
            .iter()
            .take(2)
            .filter_map(|hit| index.entry(*hit).map(|e| e.target.clone()))
            .collect();
        found.sort_by_key(Target::label);
        assert_eq!(
            found,
            [
                Target::Question("growth.implementer-to-definer".to_owned()),
                Target::Article("mindset-shift".to_owned()),
            ]
        );
    }

    #[test]
    fn texts_fall_back_to_the_default_language() {
        // The built-in pack has no French: Chinese, its first language, is used.
        let index = Index::build(&pack(), "fr");
        let article = index
            .entries()
            .iter()
            .find(|e| e.target == Target::Article("mindset-shift".to_owned()))
            .map(|e| e.text.as_str());
        assert_eq!(article, Some("从实现者到系统定义者"));
    }

    fn entry(target: Target, text: &str) -> Entry {
        Entry {
            target,
            text: text.to_owned(),
            body: None,
            other: Vec::new(),
        }
    }

    #[test]
    fn an_exact_id_ranks_above_a_fuzzy_match() {
        // The first entry's text starts with the query word for word, and
        // it comes first in the index, so without the id's bonus it would
        // lead or tie ahead.
        let index = Index::from_entries(vec![
            entry(
                Target::Question("ops.handover".to_owned()),
                "deploy twice a day",
            ),
            entry(Target::Article("deploy".to_owned()), "Releasing software"),
        ]);
        let order: Vec<usize> = index.search("deploy").iter().map(|h| h.entry).collect();
        assert_eq!(order, [1, 0]);
    }

    #[test]
    fn a_plain_word_finds_only_what_contains_it_and_a_typo_still_finds_something() {
        let index = Index::from_entries(vec![
            entry(
                Target::Question("reliability.slo-error-budget".into()),
                "How did you set SLOs?",
            ),
            entry(
                Target::Indicator("reliability.p9.reliability-strategy".into()),
                "Sets the strategy",
            ),
            entry(
                Target::Question("impact.frame-vague-problem".into()),
                "Frame a vague problem",
            ),
        ]);
        // "slo" is in the first entry's id and text only; the others would
        // match it fuzzily (s…l…o) but contain no "slo".
        let found: Vec<usize> = index.search("slo").iter().map(|h| h.entry).collect();
        assert_eq!(found, [0]);
        // "retry" is in none of them: a fuzzy match on "reliability…strategy"
        // is no better than nothing, but a typo of a real word still finds it.
        let typo: Vec<usize> = index.search("strtegy").iter().map(|h| h.entry).collect();
        assert_eq!(typo, [1]);
    }

    #[test]
    fn every_word_must_match_and_blank_queries_find_nothing() {
        let index = Index::from_entries(vec![
            entry(
                Target::Indicator("a.one".to_owned()),
                "profile the hot path",
            ),
            entry(Target::Indicator("a.two".to_owned()), "profile the service"),
        ]);
        let found: Vec<usize> = index
            .search("profile hot")
            .iter()
            .map(|h| h.entry)
            .collect();
        assert_eq!(found, [0]);
        assert_eq!(index.search("   "), []);
        assert_eq!(index.search("zzzz"), []);
    }

    #[test]
    fn a_word_only_in_an_article_body_still_finds_it_below_title_matches() {
        let index = Index::from_entries(vec![
            Entry {
                target: Target::Article("a".to_owned()),
                text: "Preparing".to_owned(),
                body: Some("bring the flamegraph".to_owned()),
                other: Vec::new(),
            },
            entry(Target::Article("b".to_owned()), "Reading a flamegraph"),
        ]);
        let found: Vec<usize> = index.search("flamegraph").iter().map(|h| h.entry).collect();
        assert_eq!(found, [1, 0]);
    }
}
