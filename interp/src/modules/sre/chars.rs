//! Character predicates and case mappings of the matcher: the ASCII,
//! C-locale and Unicode flavours `sre_lib.h` distinguishes, over code
//! points (`u32`; bytes are code points below 256).

use super::constants::category;
use crate::builtins::str_chars;

pub fn is_ascii_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

/// `Py_ISSPACE` on ASCII: tab, newline, vertical tab, form feed, return, space.
pub fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

/// Bit `c` set for the ASCII word characters `[0-9A-Za-z_]`.
const ASCII_WORD: u128 = {
    let mut bits = 0u128;
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'_' {
            bits |= 1 << c;
        }
        c += 1;
    }
    bits
};

#[inline]
pub fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ASCII_WORD & (1u128 << ch) != 0
}

pub fn is_linebreak(ch: u32) -> bool {
    ch == b'\n' as u32
}

fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

pub fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_digit(ch);
    }
    as_char(ch).is_some_and(str_chars::is_decimal)
}

pub fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    as_char(ch).is_some_and(str_chars::is_whitespace)
}

#[inline]
pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    as_char(ch).is_some_and(str_chars::is_alnum)
}

pub fn is_uni_linebreak(ch: u32) -> bool {
    as_char(ch).is_some_and(str_chars::is_line_break)
}

pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// The simple (one code point) lowercase mapping.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    let Some(c) = as_char(ch) else { return ch };
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        // U+0130 lowers to "i" plus a combining dot; its simple mapping is "i".
        (Some(l), Some(_)) if ch == 0x130 => l as u32,
        _ => ch,
    }
}

/// CPython's `_PyUnicode_ToUppercase`: the simple mapping, or for a
/// character with a full (several code point) mapping, its first code
/// point (`ß` gives `S`, so `ß` counts as cased).
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return if (b'a' as u32..=b'z' as u32).contains(&ch) { ch - 32 } else { ch };
    }
    let Some(c) = as_char(ch) else { return ch };
    c.to_uppercase().next().map_or(ch, |u| u as u32)
}

/// The C locale's `tolower`/`toupper`: ASCII only.
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

pub fn upper_locale(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `sre_category`: whether `ch` is in category `cat`.
#[inline]
pub fn in_category(cat: u32, ch: u32) -> bool {
    match cat {
        category::DIGIT => is_ascii_digit(ch),
        category::NOT_DIGIT => !is_ascii_digit(ch),
        category::SPACE => is_ascii_space(ch),
        category::NOT_SPACE => !is_ascii_space(ch),
        category::WORD => is_ascii_word(ch),
        category::NOT_WORD => !is_ascii_word(ch),
        category::LINEBREAK => is_linebreak(ch),
        category::NOT_LINEBREAK => !is_linebreak(ch),
        category::LOC_WORD => is_ascii_word(ch),
        category::LOC_NOT_WORD => !is_ascii_word(ch),
        category::UNI_DIGIT => is_uni_digit(ch),
        category::UNI_NOT_DIGIT => !is_uni_digit(ch),
        category::UNI_SPACE => is_uni_space(ch),
        category::UNI_NOT_SPACE => !is_uni_space(ch),
        category::UNI_WORD => is_uni_word(ch),
        category::UNI_NOT_WORD => !is_uni_word(ch),
        category::UNI_LINEBREAK => is_uni_linebreak(ch),
        category::UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_cases() {
        assert!(is_uni_word('é' as u32) && !is_ascii_word('é' as u32));
        assert!(is_uni_digit('٣' as u32) && !is_ascii_digit('٣' as u32));
        assert!(is_uni_space(0x2003) && is_uni_space(0x1c) && !is_ascii_space(0x1c));
        assert_eq!(lower_unicode('Σ' as u32), 'σ' as u32);
        // CPython's _PyUnicode_ToUppercase: a full mapping's first code point.
        assert_eq!(upper_unicode('ß' as u32), 'S' as u32);
        assert!(unicode_iscased('ß' as u32));
        assert_eq!(lower_unicode(0x130), 'i' as u32);
        assert!(unicode_iscased('k' as u32) && !unicode_iscased('1' as u32));
        assert!(in_category(category::UNI_NOT_WORD, ' ' as u32));
    }
}
