//! Set membership (`IN` and the `INFO` charset): the set is a list of
//! items (LITERAL, RANGE, CATEGORY, CHARSET bitmaps, BIGCHARSET blocks,
//! NEGATE) ended by FAILURE, as `sre_compile._compile_charset` writes it.

use super::chars::{in_category, lower_locale, upper_locale, upper_unicode};
use super::constants::op;

/// A code word, FAILURE past the end (so bad code fails, never panics).
#[inline(always)]
pub fn word(code: &[u32], i: usize) -> u32 {
    code.get(i).copied().unwrap_or(op::FAILURE)
}

/// Whether `ch` is in the set that starts at `code[pc]`.
pub fn in_charset(code: &[u32], mut pc: usize, ch: u32) -> bool {
    let mut ok = true;
    loop {
        let item = word(code, pc);
        pc += 1;
        match item {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if ch == word(code, pc) {
                    return ok;
                }
                pc += 1;
            }
            op::CATEGORY => {
                if in_category(word(code, pc), ch) {
                    return ok;
                }
                pc += 1;
            }
            op::CHARSET => {
                if ch < 256 && word(code, pc + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                    return ok;
                }
                pc += 8;
            }
            op::RANGE => {
                if word(code, pc) <= ch && ch <= word(code, pc + 1) {
                    return ok;
                }
                pc += 2;
            }
            op::RANGE_UNI_IGNORE => {
                let (lo, hi) = (word(code, pc), word(code, pc + 1));
                if lo <= ch && ch <= hi {
                    return ok;
                }
                let up = upper_unicode(ch);
                if lo <= up && up <= hi {
                    return ok;
                }
                pc += 2;
            }
            op::NEGATE => ok = !ok,
            op::BIGCHARSET => {
                // <BIGCHARSET> <blockcount> <256 block numbers, 4 to a word> <blocks>
                let count = word(code, pc) as usize;
                pc += 1;
                if ch < 0x10000 {
                    let hi = (ch >> 8) as usize;
                    let block = (word(code, pc + hi / 4) >> ((hi % 4) * 8)) & 0xff;
                    let bit = block as usize * 256 + (ch & 255) as usize;
                    if word(code, pc + 64 + bit / 32) & (1 << (bit & 31)) != 0 {
                        return ok;
                    }
                }
                pc += 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `charset_loc_ignore`: the set holds `ch` in either case (C locale).
pub fn in_charset_loc_ignore(code: &[u32], pc: usize, ch: u32) -> bool {
    let lo = lower_locale(ch);
    if in_charset(code, pc, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != lo && in_charset(code, pc, up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        let set = [op::LITERAL, 'a' as u32, op::RANGE, '0' as u32, '9' as u32, op::FAILURE];
        assert!(in_charset(&set, 0, 'a' as u32));
        assert!(in_charset(&set, 0, '5' as u32));
        assert!(!in_charset(&set, 0, 'b' as u32));
        let neg = [op::NEGATE, op::LITERAL, 'a' as u32, op::FAILURE];
        assert!(!in_charset(&neg, 0, 'a' as u32) && in_charset(&neg, 0, 'z' as u32));
        let mut bitmap = vec![op::CHARSET];
        let mut words = [0u32; 8];
        words['x' as usize >> 5] |= 1 << ('x' as u32 & 31);
        bitmap.extend_from_slice(&words);
        bitmap.push(op::FAILURE);
        assert!(in_charset(&bitmap, 0, 'x' as u32) && !in_charset(&bitmap, 0, 'y' as u32));
        // Truncated code reads as FAILURE instead of panicking.
        assert!(!in_charset(&[op::CHARSET, 1], 0, 300));
    }
}
