//! Finding more than the first error in a file.
//!
//! serde stops at the first error, but a pack author wants every problem in
//! one run. When a file fails, its block lists (`questions:`, `dimensions:`
//! and their nested `indicators:`, ...) are cut into one chunk per item and
//! each item is parsed on its own, keeping its line numbers, so each broken
//! item reports its own error.

use serde::de::DeserializeOwned;

use super::diag::Diagnostic;
use super::parse::{error_to_diagnostic, yaml_options};

/// One item of a block list: the 0-based line it starts on, its text, and
/// the column where its keys start.
pub struct Item {
    /// 0-based index of the item's first line in the file.
    pub first_line: usize,
    /// The item's lines, indentation kept.
    pub text: String,
    /// The indentation of the item's own keys (after `- `).
    pub key_indent: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The items of the block list under `key`, a key written at `indent`.
/// Returns nothing when the list is not in block style.
pub fn list_items(text: &str, key: &str, indent: usize) -> Vec<Item> {
    let lines: Vec<&str> = text.split('\n').collect();
    let header = format!("{key}:");
    let Some(start) = lines.iter().position(|l| {
        indent_of(l) == indent && {
            let rest = &l[indent..];
            rest.strip_prefix(&header)
                .is_some_and(|after| after.trim().is_empty() || after.trim_start().starts_with('#'))
        }
    }) else {
        return Vec::new();
    };
    let Some(first) = (start + 1..lines.len()).find(|&i| !is_blank_or_comment(lines[i])) else {
        return Vec::new();
    };
    let dash = indent_of(lines[first]);
    if dash < indent || !lines[first][dash..].starts_with('-') {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(first) {
        if is_blank_or_comment(line) {
            continue;
        }
        let ind = indent_of(line);
        let body = &line[ind..];
        let is_item = ind == dash && (body == "-" || body.starts_with("- "));
        if is_item {
            starts.push(i);
        } else if ind < dash || (ind == dash && !is_item) {
            end = i;
            break;
        }
    }
    let mut items = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(end);
        items.push(Item {
            first_line: s,
            text: lines[s..e].join("\n"),
            key_indent: dash + 2,
        });
    }
    items
}

/// Parses one item on its own; its error, with the file's line numbers.
pub fn item_error<T: DeserializeOwned>(item: &Item, file: &str) -> Option<Diagnostic> {
    let err = serde_saphyr::from_str_with_options::<Vec<T>>(&item.text, yaml_options()).err()?;
    // Cut out of its file, an item loses the anchors other items define: its
    // alias is only "unknown" here. A truly unknown anchor fails the whole
    // file, which reports it itself.
    if matches!(
        super::parse::innermost(&err),
        serde_saphyr::Error::UnknownAnchor { .. }
    ) {
        return None;
    }
    let mut d = error_to_diagnostic(&err, file);
    if let Some(line) = d.line.as_mut() {
        *line += u32::try_from(item.first_line).unwrap_or(0);
    }
    Some(d)
}

/// Errors of each item of the list `key` (at `indent`), and for items that
/// fail, of the items of their nested list `nested`, when given.
pub fn list_errors<T: DeserializeOwned, N: DeserializeOwned>(
    text: &str,
    file: &str,
    key: &str,
    indent: usize,
    nested: Option<&str>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for item in list_items(text, key, indent) {
        let Some(own) = item_error::<T>(&item, file) else {
            continue;
        };
        let mut inner = Vec::new();
        if let Some(nested_key) = nested {
            // Nested items are found in the item's text; shift their lines.
            for sub in list_items(&item.text, nested_key, item.key_indent) {
                let shifted = Item {
                    first_line: sub.first_line + item.first_line,
                    ..sub
                };
                inner.extend(item_error::<N>(&shifted, file));
            }
        }
        if inner.is_empty() {
            out.push(own);
        } else {
            out.extend(inner);
        }
    }
    out
}

/// Adds `more` to `first`, dropping repeats of the same place and message.
pub fn merge(first: Diagnostic, more: Vec<Diagnostic>, source: &str) -> Vec<Diagnostic> {
    let mut all = vec![first];
    for d in more {
        if !all
            .iter()
            .any(|a| a.line == d.line && (a.column == d.column || a.message == d.message))
        {
            all.push(d.with_snippet_from(source));
        }
    }
    all.sort_by_key(|d| (d.line, d.column));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::schema::{Dimension, Indicator, Question};

    #[test]
    fn cuts_a_block_list_into_items_with_their_lines() {
        let text =
            "# c\nquestions:\n  - id: a\n    prompt: x\n\n  - id: b\n    prompt: y\nother: 1\n";
        let items = list_items(text, "questions", 0);
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].first_line, items[1].first_line), (2, 5));
        assert_eq!(items[1].text, "  - id: b\n    prompt: y");
        assert_eq!(items[0].key_indent, 4);
        // Items at the key's own indentation are a block list too.
        let flush = "questions:\n- id: a\n- id: b\n";
        assert_eq!(list_items(flush, "questions", 0).len(), 2);
        // Flow lists are left alone.
        assert!(list_items("questions: [a, b]\n", "questions", 0).is_empty());
    }

    #[test]
    fn each_broken_item_reports_its_own_error() {
        let text = "questions:\n  - id: a\n    promt: x\n  - id: b\n    category: c\n    levels: [L1]\n    prompt: p\n    framework: f\n    key_points: [k]\n  - id: c\n    txt: y\n";
        let errs = list_errors::<Question, Question>(text, "q.yaml", "questions", 0, None);
        let places: Vec<(Option<u32>, Option<u32>)> =
            errs.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(places, [(Some(3), Some(5)), (Some(11), Some(5))]);
        assert!(errs[0].message.contains("promt"));
        assert!(errs[1].message.contains("txt"));
    }

    #[test]
    fn nested_items_are_checked_inside_a_failing_parent() {
        let text = "dimensions:\n  - id: d\n    name: D\n    indicators:\n      - id: i1\n        level: L1\n        txt: a\n      - id: i2\n        level: L1\n        text: ok\n      - id: i3\n        lvl: L1\n        text: b\n";
        let errs = list_errors::<Dimension, Indicator>(
            text,
            "c.yaml",
            "dimensions",
            0,
            Some("indicators"),
        );
        let lines: Vec<Option<u32>> = errs.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(7), Some(12)]);
    }
}
