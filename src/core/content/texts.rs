//! Every text of each part of a pack, for the translation check.

use super::schema::*;
use super::text::Text;

/// Texts of pack.yaml.
pub fn meta(m: &PackMeta) -> Vec<&Text> {
    let mut v = vec![&m.name];
    v.extend(m.description.as_ref());
    v
}

/// Texts of levels.yaml.
pub fn levels(l: &LevelsFile) -> Vec<&Text> {
    let mut v = Vec::new();
    for s in &l.scale.value {
        v.push(&s.label);
        v.extend(s.hint.as_ref());
    }
    for level in &l.levels.value {
        v.push(&level.name);
        v.extend(level.summary.as_ref());
    }
    v
}

/// Texts of competencies.yaml.
pub fn competencies(c: &CompetenciesFile) -> Vec<&Text> {
    let mut v = Vec::new();
    for d in &c.dimensions {
        v.push(&d.name);
        v.extend(d.description.as_ref());
        for i in &d.indicators {
            v.push(&i.text);
            v.extend(i.evidence_hint.as_ref());
            v.extend(i.growth.as_ref());
        }
    }
    v
}

/// Texts of one checklist.
pub fn checklist(c: &Checklist) -> Vec<&Text> {
    let mut v = vec![&c.name];
    v.extend(c.description.as_ref());
    for s in &c.sections {
        v.push(&s.name);
        for i in &s.items {
            v.push(&i.text);
            v.extend(i.why.as_ref());
            v.extend(i.verify.as_ref());
        }
    }
    v
}

/// Texts of one questions file.
pub fn questions(q: &QuestionsFile) -> Vec<&Text> {
    let mut v = Vec::new();
    for c in &q.categories {
        v.push(&c.name);
        v.extend(c.description.as_ref());
    }
    for q in &q.questions {
        v.push(&q.prompt);
        v.push(&q.framework);
        v.extend(q.key_points.value.iter());
        v.extend(q.follow_ups.iter());
        v.extend(q.pitfalls.iter());
    }
    v
}

/// Texts of one article.
pub fn article(a: &Article) -> Vec<&Text> {
    vec![&a.title, &a.body]
}
