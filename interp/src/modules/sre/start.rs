//! Where a match can start: a table, for the 256 byte values, of the
//! characters the pattern's first step accepts (the INFO block's charset,
//! or the first one-character item, looking through MARKs, `{1,}` repeats
//! and alternatives). `search` skips the positions the table rejects
//! without running the matcher; code points above 255 are tested
//! against the code itself.

use super::chars::{is_linebreak, lower_ascii, lower_unicode};
use super::charset::{in_charset, word};
use super::constants::{info, op};

/// How deep alternatives inside alternatives are followed.
const MAX_DEPTH: usize = 8;

enum Source {
    /// The INFO block's charset, at this pc.
    Charset(usize),
    /// The pattern's first item, at this pc.
    FirstItem(usize),
}

pub struct StartFilter {
    table: Box<[bool; 256]>,
    source: Source,
}

impl StartFilter {
    /// The filter for a pattern's code, if its first step reads one
    /// character (and no literal prefix does better).
    pub fn for_code(code: &[u32]) -> Option<StartFilter> {
        let mut pc = 0;
        let mut source = None;
        if word(code, 0) == op::INFO {
            let flags = word(code, 2);
            if flags & info::PREFIX != 0 {
                return None;
            }
            if flags & info::CHARSET != 0 {
                source = Some(Source::Charset(5));
            }
            pc = 1 + word(code, 1) as usize;
        }
        let source = match source {
            Some(s) => s,
            None if known(code, pc, 0) => Source::FirstItem(pc),
            None => return None,
        };
        let mut filter = StartFilter { table: Box::new([false; 256]), source };
        for ch in 0..256u32 {
            filter.table[ch as usize] = filter.test(code, ch);
        }
        Some(filter)
    }

    fn test(&self, code: &[u32], ch: u32) -> bool {
        match self.source {
            Source::Charset(set) => in_charset(code, set, ch),
            Source::FirstItem(pc) => fits(code, pc, ch, 0),
        }
    }

    /// Whether a match can start with `ch`.
    #[inline]
    pub fn accepts(&self, code: &[u32], ch: u32) -> bool {
        match self.table.get(ch as usize) {
            Some(&ok) => ok,
            None => self.test(code, ch),
        }
    }
}

/// Whether the first step of the code at `pc` is one character test
/// that `fits` can answer.
fn known(code: &[u32], pc: usize, depth: usize) -> bool {
    let pc = skip_marks(code, pc);
    match word(code, pc) {
        op::REPEAT_ONE | op::MIN_REPEAT_ONE => {
            word(code, pc + 2) >= 1 && one_char(code, pc + 4, 0).is_some()
        }
        op::REPEAT if depth < MAX_DEPTH => {
            word(code, pc + 2) >= 1 && known(code, pc + 4, depth + 1)
        }
        op::BRANCH if depth < MAX_DEPTH => {
            let mut alt = pc + 1;
            let mut any = false;
            while word(code, alt) != 0 {
                if !known(code, alt + 1, depth + 1) {
                    return false;
                }
                any = true;
                alt += word(code, alt) as usize;
            }
            any
        }
        _ => one_char(code, pc, 0).is_some(),
    }
}

/// Whether the first step of the code at `pc` accepts `ch` (for code
/// that `known` accepted).
fn fits(code: &[u32], pc: usize, ch: u32, depth: usize) -> bool {
    let pc = skip_marks(code, pc);
    match word(code, pc) {
        op::REPEAT_ONE | op::MIN_REPEAT_ONE => one_char(code, pc + 4, ch).unwrap_or(true),
        op::REPEAT if depth < MAX_DEPTH => fits(code, pc + 4, ch, depth + 1),
        op::BRANCH if depth < MAX_DEPTH => {
            let mut alt = pc + 1;
            while word(code, alt) != 0 {
                if fits(code, alt + 1, ch, depth + 1) {
                    return true;
                }
                alt += word(code, alt) as usize;
            }
            false
        }
        _ => one_char(code, pc, ch).unwrap_or(true),
    }
}

fn skip_marks(code: &[u32], mut pc: usize) -> usize {
    while word(code, pc) == op::MARK {
        pc += 2;
    }
    pc
}

/// Whether the one-character item at `pc` accepts `ch`; `None` when the
/// op there is not a one-character test.
fn one_char(code: &[u32], pc: usize, ch: u32) -> Option<bool> {
    let arg = word(code, pc + 1);
    Some(match word(code, pc) {
        op::LITERAL => ch == arg,
        op::NOT_LITERAL => ch != arg,
        op::LITERAL_IGNORE => lower_ascii(ch) == arg,
        op::NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
        op::LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
        op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
        op::CATEGORY => super::chars::in_category(arg, ch),
        op::ANY => !is_linebreak(ch),
        op::ANY_ALL => true,
        op::IN => in_charset(code, pc + 2, ch),
        op::IN_IGNORE => in_charset(code, pc + 2, lower_ascii(ch)),
        op::IN_UNI_IGNORE => in_charset(code, pc + 2, lower_unicode(ch)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_and_repeats() {
        // b'agggtaaa|tttaccct' (INFO charset {a, t}) and '(?:x|[0-9])+y'.
        let dna = [
            15, 9, 4, 8, 8, 17, 97, 17, 116, 0, 7, 19, 17, 97, 17, 103, 17, 103, 17, 103, 17, 116,
            17, 97, 17, 97, 17, 97, 16, 21, 19, 17, 116, 17, 116, 17, 116, 17, 97, 17, 99, 17, 99,
            17, 99, 17, 116, 16, 2, 0, 1,
        ];
        let f = StartFilter::for_code(&dna).unwrap();
        assert!(f.accepts(&dna, 'a' as u32) && f.accepts(&dna, 't' as u32));
        assert!(!f.accepts(&dna, 'g' as u32) && !f.accepts(&dna, 0x400));
        let m = u32::MAX;
        let repeat = [
            15, 4, 0, 2, m, 24, 21, 1, m, 7, 5, 17, 120, 16, 13, 11, 14, 5, 23, 48, 57, 0, 17, 122,
            16, 2, 0, 19, 17, 121, 1,
        ];
        let f = StartFilter::for_code(&repeat).unwrap();
        assert!(f.accepts(&repeat, 'x' as u32) && f.accepts(&repeat, '5' as u32));
        assert!(!f.accepts(&repeat, 'y' as u32) && !f.accepts(&repeat, 'z' as u32));
        // A group reference first: no filter.
        assert!(StartFilter::for_code(&[12, 0, 1]).is_none());
    }
}
