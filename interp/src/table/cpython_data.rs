//! Reading the files `tools/gen_table_data.py` writes from CPython 3.8:
//! `case NAME` lines, each followed by `field: values` lines.

use std::path::PathBuf;

pub struct Case {
    pub name: String,
    fields: Vec<(String, String)>,
}

impl Case {
    /// The text of a field; a missing field is a broken data file.
    pub fn field(&self, name: &str) -> &str {
        match self.fields.iter().find(|(n, _)| n == name) {
            Some((_, text)) => text,
            None => panic!("case {} has no field {name}", self.name),
        }
    }

    pub fn ints(&self, name: &str) -> Vec<i64> {
        self.field(name).split_whitespace().map(|w| parse_int(w, &self.name)).collect()
    }

    pub fn words(&self, name: &str) -> Vec<&str> {
        self.field(name).split_whitespace().collect()
    }
}

pub fn parse_int(word: &str, case: &str) -> i64 {
    word.parse().unwrap_or_else(|_| panic!("case {case}: bad integer {word:?}"))
}

/// `key/hash`, as the generator prints a key.
pub fn key_hash(word: &str, case: &str) -> (i64, i64) {
    let (key, hash) =
        word.split_once('/').unwrap_or_else(|| panic!("case {case}: bad key {word:?}"));
    (parse_int(key, case), parse_int(hash, case))
}

pub fn load(file: &str) -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/table").join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run tools/gen_table_data.py)", path.display()));
    let mut cases: Vec<Case> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some(name) = line.strip_prefix("case ") {
            cases.push(Case { name: name.to_string(), fields: Vec::new() });
        } else if let (Some((field, rest)), Some(case)) = (line.split_once(':'), cases.last_mut()) {
            case.fields.push((field.to_string(), rest.trim().to_string()));
        }
    }
    assert!(!cases.is_empty(), "{} holds no cases", path.display());
    cases
}

/// The generator's `EqCounted` keys: `(value, hash)`, each operation a
/// fresh object (never identical), `__eq__` counted.
#[derive(Default)]
pub struct CountingEq {
    pub calls: u64,
}

impl super::KeyEq<(i64, i64)> for CountingEq {
    type Error = std::convert::Infallible;
    fn identical(&self, _: &(i64, i64), _: &(i64, i64)) -> bool {
        false
    }
    fn eq(&mut self, stored: &(i64, i64), key: &(i64, i64)) -> Result<bool, Self::Error> {
        self.calls += 1;
        Ok(stored.0 == key.0)
    }
}

/// Keys written as Python reprs (`1`, `1.0`, `True`), equal when their
/// numbers are: which of two equal keys a table keeps shows in its repr.
pub struct NumericReprEq;

pub fn numeric_value(repr: &str) -> f64 {
    match repr {
        "True" => 1.0,
        "False" => 0.0,
        _ => repr.parse().unwrap_or_else(|_| panic!("not a number: {repr}")),
    }
}

impl super::KeyEq<String> for NumericReprEq {
    type Error = std::convert::Infallible;
    fn identical(&self, _: &String, _: &String) -> bool {
        false
    }
    fn eq(&mut self, stored: &String, key: &String) -> Result<bool, Self::Error> {
        Ok(numeric_value(stored) == numeric_value(key))
    }
}

/// `repr/hash` words.
pub fn repr_hash(word: &str, case: &str) -> (String, i64) {
    let (repr, hash) =
        word.rsplit_once('/').unwrap_or_else(|| panic!("case {case}: bad key {word:?}"));
    (repr.to_string(), parse_int(hash, case))
}
