//! What each row of the Library list opens onto, as blocks.

use super::doc::{Block, Tone};
use super::tree::{Node, Section, entry_label};
use crate::core::checklist::severity_word;
use crate::core::content::{Pack, Severity, Text};
use crate::core::report::{level_label, percent};
use crate::tui::i18n::{Lang, Msg};

/// The page of `node`.
pub fn page(pack: &Pack, lang: Lang, node: Node) -> Vec<Block> {
    let p = Page { pack, lang };
    match node {
        Node::Section(section) => p.section(section),
        Node::Entry(Section::Levels, n) => p.level(n),
        Node::Entry(Section::Dimensions, n) => p.dimension(n),
        Node::Entry(Section::Steps, n) => p.step(n),
        Node::Entry(Section::Articles, n) => p.article(n),
        Node::Entry(Section::Checklists, n) => p.checklist(n),
        Node::Entry(Section::Questions, n) => p.category(n),
    }
}

struct Page<'a> {
    pack: &'a Pack,
    lang: Lang,
}

fn para(text: impl Into<String>, tone: Tone, indent: usize) -> Block {
    Block::Para {
        text: text.into(),
        tone,
        indent,
    }
}

fn bullet(text: impl Into<String>, indent: usize) -> Block {
    Block::Bullet {
        text: text.into(),
        tone: Tone::Text,
        indent,
    }
}

fn markdown(source: impl Into<String>, indent: usize) -> Block {
    Block::Markdown {
        source: source.into(),
        indent,
    }
}

impl Page<'_> {
    fn t(&self, text: &Text) -> String {
        text.get(self.lang.code(), self.pack.default_language())
            .to_owned()
    }

    fn word(&self, zh: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(zh, en)
    }

    fn level_name(&self, n: usize) -> String {
        entry_label(self.pack, self.lang, Section::Levels, n)
    }

    fn section(&self, section: Section) -> Vec<Block> {
        let (zh, en) = match section {
            Section::Levels => (
                "阶梯上的职级，由低到高。每个职级有自己的指标，按能力维度分组。",
                "The levels of the ladder, lowest first. Each has its own indicators, grouped by dimension.",
            ),
            Section::Dimensions => (
                "能力维度，每个维度在每个职级都有指标。",
                "The dimensions of the model, each with indicators at every level.",
            ),
            Section::Steps => (
                "相邻两个职级之间变了什么：每个维度两栏对照，左栏是低一级的指标，右栏是高一级的。",
                "What changes from one level to the next: per dimension, the lower level's indicators in one column against the higher level's in the other.",
            ),
            Section::Articles => (
                "长文：心态、准备和方法。",
                "Long-form pages: mindset, preparation and method.",
            ),
            Section::Checklists => (
                "工程检查清单：每一项有轻重，并说明为什么查、怎么查。",
                "Engineering checklists: each item with its severity, why it matters and how to check it.",
            ),
            Section::Questions => (
                "晋升答辩题库，按类别分组。",
                "The promotion-defense question bank, by category.",
            ),
        };
        let mut blocks = vec![
            Block::Title(section.title(self.lang).to_owned()),
            para(self.word(zh, en), Tone::Text, 0),
            Block::Blank,
        ];
        for n in 0..section.len(self.pack) {
            let label = entry_label(self.pack, self.lang, section, n);
            let label = match section {
                Section::Questions => {
                    let id = self.pack.categories.get(n).map(|c| c.id.value.as_str());
                    let count = self
                        .pack
                        .questions
                        .iter()
                        .filter(|q| Some(q.category.value.as_str()) == id)
                        .count();
                    format!("{label} ({count})")
                }
                _ => label,
            };
            blocks.push(bullet(label, 0));
        }
        if section.len(self.pack) == 0 {
            blocks.push(para(
                self.word(
                    "这个内容包里没有这一类内容。",
                    "This pack has none of these.",
                ),
                Tone::Muted,
                0,
            ));
        }
        if section == Section::Levels {
            blocks.extend(self.scale());
        }
        blocks
    }

    /// The rating scale and what counts as met and reached.
    fn scale(&self) -> Vec<Block> {
        let mut blocks = vec![
            Block::Blank,
            Block::Heading(self.word("评分标准", "Rating scale").to_owned()),
        ];
        for step in &self.pack.scale {
            let label = format!("{} · {}", step.value.value, self.t(&step.label));
            blocks.push(para(label, Tone::Strong, 0));
            if let Some(hint) = &step.hint {
                blocks.push(para(self.t(hint), Tone::Text, 2));
            }
        }
        let threshold = percent(self.pack.threshold);
        let meets = self.pack.meets;
        blocks.push(Block::Blank);
        blocks.push(para(
            match self.lang {
                Lang::Zh => format!(
                    "{meets} 分及以上算达标；一个职级的准备度达到 {threshold}，就算达到了该职级。"
                ),
                Lang::En => format!(
                    "A score of {meets} or more counts as met; a level is reached at {threshold} readiness."
                ),
            },
            Tone::Muted,
            0,
        ));
        blocks
    }

    fn level(&self, n: usize) -> Vec<Block> {
        let Some(level) = self.pack.levels.get(n) else {
            return Vec::new();
        };
        let mut blocks = vec![Block::Title(self.level_name(n))];
        if let Some(summary) = &level.summary {
            blocks.push(markdown(self.t(summary), 0));
            blocks.push(Block::Blank);
        }
        blocks.push(Block::Heading(
            self.word("本职级的指标", "Indicators at this level")
                .to_owned(),
        ));
        for dimension in &self.pack.dimensions {
            let at_level: Vec<_> = dimension
                .indicators
                .iter()
                .filter(|i| i.level.value == level.id.value)
                .collect();
            if at_level.is_empty() {
                continue;
            }
            blocks.push(Block::Blank);
            blocks.push(para(self.t(&dimension.name), Tone::Strong, 0));
            for indicator in at_level {
                blocks.push(Block::Anchor(indicator.id.value.clone()));
                blocks.push(bullet(self.t(&indicator.text), 0));
                blocks.push(para(indicator.id.value.clone(), Tone::Muted, 2));
            }
        }
        blocks
    }

    fn dimension(&self, n: usize) -> Vec<Block> {
        let Some(dimension) = self.pack.dimensions.get(n) else {
            return Vec::new();
        };
        let mut blocks = vec![Block::Title(self.t(&dimension.name))];
        if let Some(description) = &dimension.description {
            blocks.push(markdown(self.t(description), 0));
        }
        for (l, level) in self.pack.levels.iter().enumerate() {
            let at_level: Vec<_> = dimension
                .indicators
                .iter()
                .filter(|i| i.level.value == level.id.value)
                .collect();
            if at_level.is_empty() {
                continue;
            }
            blocks.push(Block::Blank);
            blocks.push(Block::Heading(self.level_name(l)));
            for indicator in at_level {
                blocks.push(Block::Anchor(indicator.id.value.clone()));
                blocks.push(bullet(self.t(&indicator.text), 0));
                let weight = indicator.weight();
                let id = if (weight - 1.0).abs() > f64::EPSILON {
                    let word = self.word("权重", "weight");
                    format!("{} · {word} {weight}", indicator.id.value)
                } else {
                    indicator.id.value.clone()
                };
                blocks.push(para(id, Tone::Muted, 2));
                if let Some(hint) = &indicator.evidence_hint {
                    blocks.push(para(Msg::EvidenceHint.text(self.lang), Tone::Label, 2));
                    blocks.push(para(self.t(hint), Tone::Text, 4));
                }
                if let Some(growth) = &indicator.growth {
                    blocks.push(para(self.word("如何成长", "How to grow"), Tone::Label, 2));
                    blocks.push(markdown(self.t(growth), 4));
                }
            }
        }
        blocks
    }

    /// The indicators of level `n` against those of level `n + 1`, per dimension.
    fn step(&self, n: usize) -> Vec<Block> {
        let (Some(from), Some(to)) = (self.pack.levels.get(n), self.pack.levels.get(n + 1)) else {
            return Vec::new();
        };
        let title = match self.lang {
            Lang::Zh => format!("从 {} 到 {}", from.id.value, to.id.value),
            Lang::En => format!("From {} to {}", from.id.value, to.id.value),
        };
        let mut blocks = vec![Block::Title(title)];
        let fallback = self.pack.default_language();
        let headers = [
            level_label(&from.id, from.name.get(self.lang.code(), fallback)),
            level_label(&to.id, to.name.get(self.lang.code(), fallback)),
        ];
        for dimension in &self.pack.dimensions {
            let texts = |level: &str| -> Vec<String> {
                dimension
                    .indicators
                    .iter()
                    .filter(|i| i.level.value == level)
                    .map(|i| self.t(&i.text))
                    .collect()
            };
            let (left, right) = (texts(&from.id.value), texts(&to.id.value));
            if left.is_empty() && right.is_empty() {
                continue;
            }
            let rows = (0..left.len().max(right.len()))
                .map(|i| {
                    let cell = |side: &[String]| side.get(i).cloned().unwrap_or_default();
                    [cell(&left), cell(&right)]
                })
                .collect();
            blocks.push(Block::Heading(self.t(&dimension.name)));
            blocks.push(Block::Columns {
                headers: headers.clone(),
                rows,
            });
            blocks.push(Block::Blank);
        }
        blocks
    }

    fn article(&self, n: usize) -> Vec<Block> {
        let Some(article) = self.pack.articles.get(n) else {
            return Vec::new();
        };
        vec![
            Block::Title(self.t(&article.title)),
            markdown(self.t(&article.body), 0),
        ]
    }

    fn severity(&self, severity: Severity) -> &'static str {
        severity_word(self.lang, severity)
    }

    fn checklist(&self, n: usize) -> Vec<Block> {
        let Some(checklist) = self.pack.checklists.get(n) else {
            return Vec::new();
        };
        let mut blocks = vec![Block::Title(self.t(&checklist.name))];
        if let Some(description) = &checklist.description {
            blocks.push(markdown(self.t(description), 0));
        }
        for section in &checklist.sections {
            blocks.push(Block::Blank);
            blocks.push(Block::Heading(self.t(&section.name)));
            for item in &section.items {
                blocks.push(Block::Anchor(item.id.value.clone()));
                let severity = self.severity(item.severity.value);
                blocks.push(Block::Bullet {
                    text: format!("[{severity}] {}", self.t(&item.text)),
                    tone: Tone::Strong,
                    indent: 0,
                });
                blocks.push(para(item.id.value.clone(), Tone::Muted, 2));
                if let Some(why) = &item.why {
                    blocks.push(para(self.word("为什么", "Why"), Tone::Label, 2));
                    blocks.push(markdown(self.t(why), 4));
                }
                if let Some(verify) = &item.verify {
                    blocks.push(para(self.word("如何验证", "How to verify"), Tone::Label, 2));
                    blocks.push(markdown(self.t(verify), 4));
                }
            }
        }
        blocks
    }

    fn category(&self, n: usize) -> Vec<Block> {
        let Some(category) = self.pack.categories.get(n) else {
            return Vec::new();
        };
        let mut blocks = vec![Block::Title(self.t(&category.name))];
        if let Some(description) = &category.description {
            blocks.push(markdown(self.t(description), 0));
        }
        let questions = self
            .pack
            .questions
            .iter()
            .filter(|q| q.category.value == category.id.value);
        for question in questions {
            blocks.push(Block::Anchor(question.id.value.clone()));
            blocks.push(Block::Bullet {
                text: self.t(&question.prompt),
                tone: Tone::Strong,
                indent: 0,
            });
            let mut about = vec![question.id.value.clone()];
            let levels: Vec<&str> = question.levels.iter().map(|l| l.value.as_str()).collect();
            about.push(levels.join(", "));
            if let Some(limit) = &question.time_limit {
                about.push(match self.lang {
                    Lang::Zh => format!("{} 秒", limit.value),
                    Lang::En => format!("{} s", limit.value),
                });
            }
            blocks.push(para(about.join(" · "), Tone::Muted, 2));
            blocks.push(para(self.word("回答框架", "Framework"), Tone::Label, 2));
            blocks.push(markdown(self.t(&question.framework), 4));
            let lists = [
                (self.word("要点", "Key points"), &question.key_points.value),
                (self.word("追问", "Follow-ups"), &question.follow_ups),
                (self.word("误区", "Pitfalls"), &question.pitfalls),
            ];
            for (label, texts) in lists {
                if texts.is_empty() {
                    continue;
                }
                blocks.push(para(label, Tone::Label, 2));
                blocks.extend(texts.iter().map(|text| bullet(self.t(text), 4)));
            }
            blocks.push(Block::Blank);
        }
        blocks
    }
}
