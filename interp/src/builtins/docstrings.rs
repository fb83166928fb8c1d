//! `__doc__` of built-in functions, methods and types: CPython 3.8's, from
//! `docstrings.txt` (made by `tools/gen_docstrings.py`; one
//! "owner.name<TAB>doc" line each, with `\\`, `\n` and `\t` escaped; a
//! type's own doc is keyed "TYPE.__doc__").

use super::text_signature::find_entry;

const TABLE: &str = include_str!("docstrings.txt");

/// The docstring of `owner.name` (owner "builtins" for the functions of
/// the builtins module, else the type that defines the method; name
/// `__doc__` for the type's own).
pub fn lookup(owner: &str, name: &str) -> Option<String> {
    find_entry(TABLE, owner, name).map(unescape)
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_functions_methods_and_types() {
        assert_eq!(
            lookup("builtins", "len").as_deref(),
            Some("Return the number of items in a container.")
        );
        assert_eq!(
            lookup("str", "upper").as_deref(),
            Some("Return a copy of the string converted to uppercase.")
        );
        assert!(lookup("int", "__doc__")
            .is_some_and(|d| d.starts_with("int([x]) -> integer\nint(x, base=10)")));
        assert!(lookup("str", "expandtabs").is_some_and(|d| d.contains('\n')));
        assert_eq!(lookup("str", "no_such_method"), None);
    }

    #[test]
    fn unescapes_backslashes() {
        assert_eq!(unescape(r"a\\nb\nc\td"), "a\\nb\nc\td");
    }
}
