//! Character classes (`str.isalpha()` and friends) and full case mappings
//! (`str.upper()`, `lower()`, `title()`, `casefold()`, special casing
//! included: 'ß'.upper() is "SS") exactly as Python 3.8 has them, from the
//! generated tables. ASCII takes a fast path that never reaches a table.

use super::in_ranges;
use super::tables::{
    ALPHA, CASED, CASE_IGNORABLE, DECIMAL, DECIMAL_ZEROS, DIGIT, FOLD_MAP, LOWERCASE, LOWER_MAP,
    NUMERIC, SPACE, TITLECASE, TITLE_MAP, UPPERCASE, UPPER_MAP,
};

/// `pub fn NAME(c: char) -> bool`: the ASCII test, else the range table.
macro_rules! char_classes {
    ($($(#[$doc:meta])* $name:ident: $ascii:expr, $table:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(c: char) -> bool {
                if c.is_ascii() {
                    let ascii: fn(char) -> bool = $ascii;
                    return ascii(c);
                }
                in_ranges($table, c as u32)
            }
        )*
    };
}

char_classes! {
    is_alpha: |c| c.is_ascii_alphabetic(), ALPHA;
    is_decimal: |c| c.is_ascii_digit(), DECIMAL;
    is_digit: |c| c.is_ascii_digit(), DIGIT;
    is_numeric: |c| c.is_ascii_digit(), NUMERIC;
    is_space: |c| matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' '), SPACE;
    is_upper: |c| c.is_ascii_uppercase(), UPPERCASE;
    is_lower: |c| c.is_ascii_lowercase(), LOWERCASE;
    /// A titlecase letter (category Lt, such as 'ǅ').
    is_title: |_| false, TITLECASE;
    is_cased: |c| c.is_ascii_alphabetic(), CASED;
    is_case_ignorable: |c| matches!(c, '\'' | '.' | ':' | '^' | '`'), CASE_IGNORABLE;
}

/// `str.isalnum()` of one character: any of alpha, decimal, digit, numeric.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || is_numeric(c)
}

/// The value of a decimal digit of any script.
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

fn mapping(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    let i = table.binary_search_by_key(&(c as u32), |&(cp, _)| cp).ok()?;
    Some(table[i].1)
}

fn push_mapped(out: &mut String, table: &'static [(u32, &'static str)], c: char) {
    match mapping(table, c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}

/// Full uppercase of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        push_mapped(out, UPPER_MAP, c);
    }
}

/// Full lowercase of `c`, a capital sigma taken as not final.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        push_mapped(out, LOWER_MAP, c);
    }
}

/// Full titlecase of `c` ('ß' → "Ss", 'ǆ' → 'ǅ').
pub fn push_title(out: &mut String, c: char) {
    match mapping(TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_upper(out, c),
    }
}

/// Case folding of `c` ('ß' → "ss").
pub fn push_casefold(out: &mut String, c: char) {
    match mapping(FOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => push_lower(out, c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('½') && !is_digit('½'));
        assert!(is_numeric('一') && !is_alpha('Ⅷ') && is_alpha('é') && is_alnum('Ⅷ'));
        assert!(is_space('\x1c') && !is_space('\u{200b}') && is_space('\u{3000}'));
        assert!(is_title('ǅ') && is_cased('ǅ') && !is_upper('ǅ') && !is_lower('ǅ'));
        assert!(is_case_ignorable('\'') && is_case_ignorable('\u{300}') && !is_case_ignorable('a'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('x'), None);
    }

    #[test]
    fn special_casing() {
        let mut s = String::new();
        for c in ['ß', 'ﬁ', 'ŉ'] {
            push_upper(&mut s, c);
        }
        push_lower(&mut s, 'İ');
        push_title(&mut s, 'ß');
        push_title(&mut s, 'ǆ');
        push_casefold(&mut s, 'ß');
        push_casefold(&mut s, 'ẞ');
        assert_eq!(s, "SSFIʼNi\u{307}Ssǅssss");
    }
}
