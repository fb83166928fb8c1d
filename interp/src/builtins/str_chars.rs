//! Character classes and case mappings with Python's semantics: the
//! per-character facts come from `crate::unicode::chars` (Python 3.8's
//! Unicode database); what depends on the neighbours of a character (the
//! final sigma) and `splitlines`' line boundaries live here.

pub use crate::unicode::chars::{
    is_alnum, is_alpha, is_cased, is_decimal, is_digit, is_lower, is_numeric, is_title, is_upper,
    push_casefold, push_title, push_upper,
};
use crate::unicode::chars::{is_case_ignorable, push_lower};

pub fn is_whitespace(c: char) -> bool {
    crate::unicode::chars::is_space(c)
}

pub fn is_printable(c: char) -> bool {
    crate::unicode::is_printable(c as u32)
}

/// Line boundaries of `str.splitlines`.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Lowercase of `chars[i]`; a capital sigma at the end of a word becomes
/// the final form, as CPython's `handle_capital_sigma` decides.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == 'Σ' {
        let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
        let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
        let final_sigma =
            before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c));
        out.push(if final_sigma { 'ς' } else { 'σ' });
        return;
    }
    push_lower(out, c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_sigma() {
        let mut s = String::new();
        let chars: Vec<char> = "ΑΣ Σ Α'Σ'".chars().collect();
        for i in [1, 3, 7] {
            push_lower_at(&mut s, &chars, i);
        }
        assert_eq!(s, "ςσς");
    }
}
