//! A validator for exactly the subset of JSON Schema 2020-12 that the pack
//! schema uses. A keyword or pattern it does not know fails the test, so a
//! new kind of constraint cannot be skipped silently.

use ladder::core::content::json_schema::{ID_PATTERN, LANGUAGE_CODE_PATTERN, pack_schema};
use serde_json::Value;

/// The definition `name` of the schema.
pub fn def<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema["$defs"]
        .get(name)
        .unwrap_or_else(|| panic!("the schema has no `$defs/{name}`"))
}

/// Problems the schema finds in `yaml`, a file of kind `def_name`.
pub fn schema_errors(yaml: &str, def_name: &str) -> Vec<String> {
    let schema = pack_schema();
    let value: Value = serde_saphyr::from_str(yaml).unwrap();
    let mut errors = Vec::new();
    check(
        &schema,
        def(&schema, def_name),
        &value,
        def_name,
        &mut errors,
    );
    errors
}

/// `^[A-Za-z0-9._-]+$`, spelt out by hand.
pub fn simple_match_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// `^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`, spelt out by hand.
pub fn simple_match_language(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let head = parts.next().unwrap_or("");
    (2..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

const ANNOTATIONS: [&str; 5] = ["description", "default", "format", "title", "$schema"];

/// Appends to `errors` every way `value` breaks `schema`.
pub fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(obj) = schema.as_object() else {
        if schema == &Value::Bool(false) {
            errors.push(format!("{at}: not allowed"));
        }
        return;
    };
    for (key, arg) in obj {
        match key.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$defs" => {}
            "$ref" => {
                let name = arg.as_str().unwrap().strip_prefix("#/$defs/").unwrap();
                check(root, def(root, name), value, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match arg {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    other => panic!("bad type {other}"),
                };
                if !types.iter().any(|t| has_type(value, t)) {
                    errors.push(format!(
                        "{at}: expected {}, found {value}",
                        types.join(" or ")
                    ));
                }
            }
            "properties" => {
                if let Some(map) = value.as_object() {
                    for (name, sub) in arg.as_object().unwrap() {
                        if let Some(v) = map.get(name) {
                            check(root, sub, v, &format!("{at}.{name}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                if let Some(map) = value.as_object() {
                    let known = obj.get("properties").and_then(Value::as_object);
                    for (name, v) in map {
                        if known.is_none_or(|k| !k.contains_key(name)) {
                            if arg == &Value::Bool(false) {
                                errors.push(format!("{at}: unknown field `{name}`"));
                            } else {
                                check(root, arg, v, &format!("{at}.{name}"), errors);
                            }
                        }
                    }
                }
            }
            "required" => {
                if let Some(map) = value.as_object() {
                    for name in arg.as_array().unwrap() {
                        if !map.contains_key(name.as_str().unwrap()) {
                            errors
                                .push(format!("{at}: missing field `{}`", name.as_str().unwrap()));
                        }
                    }
                }
            }
            "propertyNames" => {
                if let Some(map) = value.as_object() {
                    for name in map.keys() {
                        check(
                            root,
                            arg,
                            &Value::String(name.clone()),
                            &format!("{at} key {name:?}"),
                            errors,
                        );
                    }
                }
            }
            "minProperties" => {
                if let Some(map) = value.as_object()
                    && (map.len() as u64) < arg.as_u64().unwrap()
                {
                    errors.push(format!("{at}: too few entries"));
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        check(root, arg, v, &format!("{at}[{i}]"), errors);
                    }
                }
            }
            "minItems" => {
                if let Some(items) = value.as_array()
                    && (items.len() as u64) < arg.as_u64().unwrap()
                {
                    errors.push(format!("{at}: needs at least {arg} entries"));
                }
            }
            "uniqueItems" => {
                if let Some(items) = value.as_array()
                    && arg == &Value::Bool(true)
                    && items
                        .iter()
                        .enumerate()
                        .any(|(i, v)| items[..i].contains(v))
                {
                    errors.push(format!("{at}: entries repeat"));
                }
            }
            "anyOf" | "oneOf" => {
                let passing = arg
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|sub| {
                        let mut errs = Vec::new();
                        check(root, sub, value, at, &mut errs);
                        errs.is_empty()
                    })
                    .count();
                let ok = if key == "anyOf" {
                    passing >= 1
                } else {
                    passing == 1
                };
                if !ok {
                    errors.push(format!("{at}: {value} matches none of the allowed forms"));
                }
            }
            "const" => {
                if !same_json(value, arg) {
                    errors.push(format!("{at}: must be {arg}, found {value}"));
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" => {
                if let (Some(v), Some(limit)) = (value.as_f64(), arg.as_f64()) {
                    let ok = match key.as_str() {
                        "minimum" => v >= limit,
                        "maximum" => v <= limit,
                        _ => v > limit,
                    };
                    if !ok {
                        errors.push(format!("{at}: {v} breaks {key} {limit}"));
                    }
                }
            }
            "pattern" => {
                if let Some(s) = value.as_str() {
                    let matches = match arg.as_str().unwrap() {
                        p if p == ID_PATTERN => simple_match_id(s),
                        p if p == LANGUAGE_CODE_PATTERN => simple_match_language(s),
                        p => panic!("the schema uses a pattern this check does not know: {p}"),
                    };
                    if !matches {
                        errors.push(format!("{at}: {s:?} does not match {arg}"));
                    }
                }
            }
            other => panic!("the schema uses `{other}`, which this check does not know"),
        }
    }
}

fn has_type(value: &Value, ty: &str) -> bool {
    match ty {
        "string" => value.is_string(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "boolean" => value.is_boolean(),
        other => panic!("unknown type {other}"),
    }
}

fn same_json(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
