//! `__text_signature__` of built-in functions and methods, which
//! `inspect.signature` parses: CPython 3.8's, from `text_signatures.txt`
//! (made by `tools/gen_text_signatures.py`; one "owner.name<TAB>signature"
//! line each, newlines written `\n`).

const TABLE: &str = include_str!("text_signatures.txt");

/// The signature of `owner.name` (owner "builtins" for the functions of
/// the builtins module, else the type that defines the method).
pub fn lookup(owner: &str, name: &str) -> Option<String> {
    find_entry(TABLE, owner, name).map(|sig| sig.replace("\\n", "\n"))
}

/// The text after the tab of `table`'s line keyed "owner.name", as
/// written (escapes are the table's own).
pub fn find_entry(table: &'static str, owner: &str, name: &str) -> Option<&'static str> {
    table.lines().find_map(|line| {
        let (key, text) = line.split_once('\t')?;
        let (o, n) = key.split_once('.')?;
        (o == owner && n == name).then_some(text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_functions_and_methods() {
        assert_eq!(lookup("builtins", "len").as_deref(), Some("($module, obj, /)"));
        assert_eq!(lookup("int", "__add__").as_deref(), Some("($self, value, /)"));
        assert_eq!(lookup("builtins", "print"), None);
        assert!(lookup("builtins", "compile").is_some_and(|s| s.contains("\n        dont")));
    }
}
