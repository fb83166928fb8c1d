//! Character classes and case mappings with Python's semantics.
//!
//! Rust's `char` methods give the Unicode properties (Uppercase, Lowercase,
//! White_Space, full case mappings with special casing); the decimal digit,
//! space and identifier tables come from python3.8 (`crate::number::text`,
//! `crate::unicode`). Where neither has Python's exact property (digits
//! that are not decimal, numeric ideographs, titlecase letters) small
//! lists below cover the characters that text commonly holds.

use crate::number::text::{decimal_value, is_space};

/// The titlecase letters (general category Lt).
const TITLECASE: &[(u32, u32)] = &[
    (0x01C5, 0x01C5),
    (0x01C8, 0x01C8),
    (0x01CB, 0x01CB),
    (0x01F2, 0x01F2),
    (0x1F88, 0x1F8F),
    (0x1F98, 0x1F9F),
    (0x1FA8, 0x1FAF),
    (0x1FBC, 0x1FBC),
    (0x1FCC, 0x1FCC),
    (0x1FFC, 0x1FFC),
];

/// Digits that are not decimal (Numeric_Type=Digit): superscripts,
/// subscripts, circled and parenthesised digits.
const DIGITS: &[(u32, u32)] = &[
    (0x00B2, 0x00B3),
    (0x00B9, 0x00B9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x1F100, 0x1F10A),
];

/// Ideographs with a numeric value (Numeric_Type=Numeric, category Lo).
const NUMERIC_IDEOGRAPHS: &str = "〇一二三四五六七八九十百千万億兆零壱弐参拾廿卅";

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(TITLECASE, c)
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title(c)
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

pub fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(DIGITS, c))
}

pub fn is_numeric(c: char) -> bool {
    is_digit(c) || c.is_numeric() || NUMERIC_IDEOGRAPHS.contains(c)
}

pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

pub fn is_whitespace(c: char) -> bool {
    is_space(c)
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

pub fn push_upper(out: &mut String, c: char) {
    out.extend(c.to_uppercase());
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
    out.extend(c.to_lowercase());
}

fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{AD}' | '\u{B7}' | '\u{2019}')
        || ('\u{300}'..='\u{36F}').contains(&c)
}

/// Titlecase of `c`: the digraphs have their own titlecase letter; a
/// character whose uppercase is several letters keeps only the first one
/// capital ('ß' → "Ss").
pub fn push_title(out: &mut String, c: char) {
    let digraph = match c {
        'Ǆ' | 'ǅ' | 'ǆ' => Some('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => Some('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => Some('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => Some('ǲ'),
        _ => None,
    };
    if let Some(t) = digraph {
        out.push(t);
        return;
    }
    if is_title(c) {
        out.push(c);
        return;
    }
    let mut upper = c.to_uppercase();
    if let Some(first) = upper.next() {
        out.push(first);
        for rest in upper {
            out.extend(rest.to_lowercase());
        }
    }
}

/// `str.casefold()` of one character.
pub fn push_casefold(out: &mut String, c: char) {
    let folded = match c {
        'ß' | 'ẞ' => "ss",
        'ς' => "σ",
        'µ' => "μ",
        'ſ' => "s",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        'İ' => "i\u{307}",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_agree_with_python() {
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('½') && !is_digit('½'));
        assert!(is_numeric('一') && !is_alpha('Ⅷ') && is_alpha('é'));
        assert!(is_whitespace('\x1c') && !is_whitespace('\u{200b}'));
        assert!(is_title('ǅ') && is_cased('ǅ') && !is_upper('ǅ'));
    }

    #[test]
    fn case_mappings() {
        let mut s = String::new();
        push_title(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        push_casefold(&mut s, 'ß');
        let chars: Vec<char> = "ΑΣ Σ".chars().collect();
        push_lower_at(&mut s, &chars, 1);
        push_lower_at(&mut s, &chars, 3);
        assert_eq!(s, "Ssǅssςσ");
    }
}
