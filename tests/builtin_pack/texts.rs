//! Walking every text of a pack, and reading one language of a text.

use ladder::core::content::{Pack, Text};

/// The text in `lang` when it is written in that language, blank otherwise.
pub fn written_in<'a>(text: &'a Text, lang: &str) -> &'a str {
    match text.languages() {
        Some(langs) if langs.contains(&lang) => text.get(lang, lang).trim(),
        _ => "",
    }
}

/// Whether the text has a non-blank Chinese and an English version.
pub fn has_both(text: &Text) -> bool {
    !written_in(text, "zh").is_empty() && !written_in(text, "en").is_empty()
}

/// Chinese characters (CJK ideographs), not counting punctuation or Latin text.
pub fn han_count(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}'))
        .count()
}

/// Every text of the pack, each with a name that says where it is.
pub fn all_texts(p: &Pack) -> Vec<(String, &Text)> {
    let mut v: Vec<(String, &Text)> = vec![("pack name".into(), &p.meta.name)];
    v.extend(
        p.meta
            .description
            .iter()
            .map(|t| ("pack description".into(), t)),
    );
    for s in &p.scale {
        v.push((format!("scale {} label", s.value.value), &s.label));
        v.extend(
            s.hint
                .iter()
                .map(|t| (format!("scale {} hint", s.value.value), t)),
        );
    }
    for l in &p.levels {
        v.push((format!("level {} name", l.id.value), &l.name));
        v.extend(
            l.summary
                .iter()
                .map(|t| (format!("level {} summary", l.id.value), t)),
        );
    }
    for d in &p.dimensions {
        let id = &d.id.value;
        v.push((format!("dimension {id} name"), &d.name));
        v.extend(
            d.description
                .iter()
                .map(|t| (format!("dimension {id} description"), t)),
        );
        for i in &d.indicators {
            let id = &i.id.value;
            v.push((format!("indicator {id} text"), &i.text));
            v.extend(
                i.evidence_hint
                    .iter()
                    .map(|t| (format!("indicator {id} evidence_hint"), t)),
            );
            v.extend(
                i.growth
                    .iter()
                    .map(|t| (format!("indicator {id} growth"), t)),
            );
        }
    }
    for c in &p.checklists {
        let id = &c.id.value;
        v.push((format!("checklist {id} name"), &c.name));
        v.extend(
            c.description
                .iter()
                .map(|t| (format!("checklist {id} description"), t)),
        );
        for s in &c.sections {
            v.push((
                format!("checklist {id} section {} name", s.id.value),
                &s.name,
            ));
            for i in &s.items {
                let item = &i.id.value;
                v.push((format!("checklist {id} item {item} text"), &i.text));
                v.extend(
                    i.why
                        .iter()
                        .map(|t| (format!("checklist {id} item {item} why"), t)),
                );
                v.extend(
                    i.verify
                        .iter()
                        .map(|t| (format!("checklist {id} item {item} verify"), t)),
                );
            }
        }
    }
    for c in &p.categories {
        let id = &c.id.value;
        v.push((format!("category {id} name"), &c.name));
        v.extend(
            c.description
                .iter()
                .map(|t| (format!("category {id} description"), t)),
        );
    }
    for q in &p.questions {
        let id = &q.id.value;
        v.push((format!("question {id} prompt"), &q.prompt));
        v.push((format!("question {id} framework"), &q.framework));
        for (n, list) in [
            ("key point", &q.key_points.value),
            ("follow-up", &q.follow_ups),
            ("pitfall", &q.pitfalls),
        ] {
            v.extend(
                list.iter()
                    .enumerate()
                    .map(|(i, t)| (format!("question {id} {n} {}", i + 1), t)),
            );
        }
    }
    for a in &p.articles {
        let id = &a.id.value;
        v.push((format!("article {id} title"), &a.title));
        v.push((format!("article {id} body"), &a.body));
    }
    v
}
