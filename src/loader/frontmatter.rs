//! Markdown with YAML (`---`) or TOML (`+++`) front matter: `title`,
//! `date`, `author`, `source`/`outlet`, `url`. The spans still index the
//! file itself: the front matter is blanked, not cut.

use super::meta::{parse_date, tidy_author, tidy_outlet};
use chrono::NaiveDate;
use serde_json::Value;

/// What the front matter says, and the bytes it takes at the top of the file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    pub len: usize,
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// Reads the front matter at the top of `text`, if there is one.
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let (fence, yaml) = if body.starts_with("---\n") || body.starts_with("---\r\n") {
        ("---", true)
    } else if body.starts_with("+++\n") || body.starts_with("+++\r\n") {
        ("+++", false)
    } else {
        return None;
    };
    let first = body.find('\n')? + 1;
    // The closing fence is a line of its own (YAML may also end with `...`).
    let mut pos = first;
    let mut end = None;
    for line in body[first..].split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (yaml && t == "...") {
            end = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let mut fm = FrontMatter::default();
    let Some((close, after)) = end else {
        fm.warnings.push(format!(
            "front matter opened with {fence} is never closed: read as text"
        ));
        return Some(fm);
    };
    fm.len = bom + after;
    let src = &body[first..close];
    let value: Result<Value, String> = if yaml {
        serde_yaml_ng::from_str::<Value>(src).map_err(|e| e.to_string())
    } else {
        toml::from_str::<toml::Table>(src)
            .map_err(|e| e.to_string())
            .map(|t| toml_to_json(toml::Value::Table(t)))
    };
    let map = match value {
        Ok(Value::Object(m)) => m,
        Ok(Value::Null) => return Some(fm),
        Ok(_) => {
            fm.warnings
                .push("front matter is not a table of fields".into());
            return Some(fm);
        }
        Err(e) => {
            fm.warnings.push(format!(
                "front matter not readable ({}), ignored",
                e.lines().next().unwrap_or("")
            ));
            return Some(fm);
        }
    };
    let get = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| match map.get(*n)? {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Array(a) => {
                let v: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                (!v.is_empty()).then(|| v.join(", "))
            }
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    };
    fm.title = get(&["title", "headline"]);
    fm.author = get(&["author", "authors", "byline"]).and_then(|a| tidy_author(&a));
    fm.outlet = get(&["outlet", "source", "publisher", "site"]).and_then(|o| tidy_outlet(&o));
    fm.published =
        get(&["date", "published", "publishDate", "pubdate"]).and_then(|d| parse_date(&d));
    fm.url = get(&["url", "link", "canonical"]).filter(|u| u.starts_with("http"));
    Some(fm)
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_and_toml_front_matter() {
        let y = "---\ntitle: \"Levee holds\"\ndate: 2026-03-04\nauthor: [Ana Ruiz]\nsource: Valley Herald\n---\nBody.\n";
        let fm = front_matter(y).unwrap();
        assert_eq!(&y[fm.len..], "Body.\n");
        assert_eq!(fm.title.as_deref(), Some("Levee holds"));
        assert_eq!(fm.published.unwrap().to_string(), "2026-03-04");
        assert_eq!(fm.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(fm.outlet.as_deref(), Some("Valley Herald"));
        let t = "+++\ntitle = \"Levee holds\"\ndate = 2026-03-04\nurl = \"https://example.org/l\"\n+++\nBody.\n";
        let fm = front_matter(t).unwrap();
        assert_eq!(fm.published.unwrap().to_string(), "2026-03-04");
        assert_eq!(fm.url.as_deref(), Some("https://example.org/l"));
        let open = front_matter("---\ntitle: x\nno end\n").unwrap();
        assert_eq!(open.len, 0);
        assert!(open.warnings[0].contains("never closed"));
        assert!(front_matter("Body").is_none());
    }
}
