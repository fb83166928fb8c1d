//! The structure check `_sre.compile` makes before accepting a code list
//! (CPython's `_validate`): every skip stays inside its block, every
//! repeat ends with its UNTIL/SUCCESS, alternatives jump to one place,
//! group numbers exist. Code that fails is "invalid SRE code".

use super::constants::{at, category, info, op};

type Check = Result<(), ()>;

fn ensure(ok: bool) -> Check {
    if ok {
        Ok(())
    } else {
        Err(())
    }
}

struct Cursor<'a> {
    code: &'a [u32],
    pos: usize,
}

impl Cursor<'_> {
    /// The next word, if it is before `end`.
    fn next(&mut self, end: usize) -> Result<u32, ()> {
        ensure(self.pos < end)?;
        let w = *self.code.get(self.pos).ok_or(())?;
        self.pos += 1;
        Ok(w)
    }

    /// A skip word: `skip - adj` (wrapping, as in C) words must remain
    /// before `end`.
    fn skip(&mut self, end: usize, adj: u32) -> Result<usize, ()> {
        ensure(self.pos < end)?;
        let skip = *self.code.get(self.pos).ok_or(())?;
        ensure(skip.wrapping_sub(adj) as usize <= end - self.pos)?;
        self.pos += 1;
        Ok(skip as usize)
    }
}

/// Whether `code` is a valid program for a pattern with `groups` groups.
pub fn is_valid(code: &[u32], groups: usize) -> bool {
    if code.last() != Some(&op::SUCCESS) {
        return false;
    }
    inner(code, 0, code.len() - 1, groups).is_ok()
}

fn charset(code: &[u32], start: usize, end: usize) -> Check {
    let mut c = Cursor { code, pos: start };
    while c.pos < end {
        match c.next(end)? {
            op::NEGATE => {}
            op::LITERAL => {
                c.next(end)?;
            }
            op::RANGE | op::RANGE_UNI_IGNORE => {
                c.next(end)?;
                c.next(end)?;
            }
            op::CHARSET => {
                ensure(8 <= end - c.pos)?;
                c.pos += 8;
            }
            op::BIGCHARSET => {
                let blocks = c.next(end)?;
                ensure(64 <= end - c.pos)?;
                for i in 0..256 {
                    let w = *code.get(c.pos + i / 4).ok_or(())?;
                    ensure((w >> ((i % 4) * 8)) & 0xff < blocks)?;
                }
                c.pos += 64;
                let bitmaps = blocks as usize * 8;
                ensure(bitmaps <= end - c.pos)?;
                c.pos += bitmaps;
            }
            op::CATEGORY => ensure(c.next(end)? <= category::UNI_NOT_LINEBREAK)?,
            _ => return Err(()),
        }
    }
    Ok(())
}

fn inner(code: &[u32], start: usize, end: usize, groups: usize) -> Check {
    let mut c = Cursor { code, pos: start };
    while c.pos < end {
        let opcode = c.next(end)?;
        match opcode {
            op::MARK => ensure(c.next(end)? as usize <= 2 * groups + 1)?,
            op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE => {
                c.next(end)?;
            }
            op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
            op::AT => ensure(c.next(end)? <= at::UNI_NON_BOUNDARY)?,
            op::CATEGORY => ensure(c.next(end)? <= category::UNI_NOT_LINEBREAK)?,
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                let skip = c.skip(end, 0)?;
                ensure(skip >= 2)?;
                charset(code, c.pos, c.pos + skip - 2)?;
                ensure(code.get(c.pos + skip - 2) == Some(&op::FAILURE))?;
                c.pos += skip - 1;
            }
            op::INFO => {
                let skip = c.skip(end, 0)?;
                let newcode = c.pos + skip - 1;
                let flags = c.next(end)?;
                c.next(end)?;
                c.next(end)?;
                ensure(flags & !(info::PREFIX | info::LITERAL | info::CHARSET) == 0)?;
                ensure(!(flags & info::PREFIX != 0 && flags & info::CHARSET != 0))?;
                ensure(flags & info::LITERAL == 0 || flags & info::PREFIX != 0)?;
                if flags & info::PREFIX != 0 {
                    let len = c.next(end)? as usize;
                    c.next(end)?;
                    ensure(len <= newcode.saturating_sub(c.pos))?;
                    c.pos += len;
                    ensure(len <= newcode.saturating_sub(c.pos))?;
                    for i in 0..len {
                        ensure((*code.get(c.pos + i).ok_or(())? as usize) < len)?;
                    }
                    c.pos += len;
                }
                if flags & info::CHARSET != 0 {
                    ensure(c.pos < newcode)?;
                    charset(code, c.pos, newcode - 1)?;
                    ensure(code.get(newcode - 1) == Some(&op::FAILURE))?;
                    c.pos = newcode;
                } else {
                    ensure(c.pos == newcode)?;
                }
            }
            op::BRANCH => {
                let mut target = None;
                loop {
                    let skip = c.skip(end, 0)?;
                    if skip == 0 {
                        break;
                    }
                    ensure(skip >= 3)?;
                    inner(code, c.pos, c.pos + skip - 3, groups)?;
                    c.pos += skip - 3;
                    ensure(c.next(end)? == op::JUMP)?;
                    let jump = c.skip(end, 0)?;
                    let to = c.pos + jump - 1;
                    ensure(jump >= 1 && *target.get_or_insert(to) == to)?;
                }
            }
            op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::REPEAT => {
                let skip = c.skip(end, 0)?;
                let (min, max) = (c.next(end)?, c.next(end)?);
                ensure(min <= max)?;
                // REPEAT's skip reaches its UNTIL; the others' reach past
                // the SUCCESS that ends their item.
                let body =
                    if opcode == op::REPEAT { skip.checked_sub(3) } else { skip.checked_sub(4) };
                let body = body.ok_or(())?;
                inner(code, c.pos, c.pos + body, groups)?;
                c.pos += body;
                let last = c.next(end)?;
                ensure(if opcode == op::REPEAT {
                    last == op::MAX_UNTIL || last == op::MIN_UNTIL
                } else {
                    last == op::SUCCESS
                })?;
            }
            op::GROUPREF
            | op::GROUPREF_IGNORE
            | op::GROUPREF_UNI_IGNORE
            | op::GROUPREF_LOC_IGNORE => ensure((c.next(end)? as usize) < groups)?,
            op::GROUPREF_EXISTS => {
                ensure((c.next(end)? as usize) < groups)?;
                let skip = c.skip(end, 1)?;
                // The skip counts from the group word; an else part is
                // announced by a JUMP just before the skip's target.
                let group_at = c.pos - 2;
                let jump_at = group_at + skip.saturating_sub(2);
                if skip >= 3 && jump_at < end && code.get(jump_at) == Some(&op::JUMP) {
                    inner(code, group_at + 2, jump_at, groups)?;
                    c.pos = jump_at + 1;
                    let no = c.skip(end, 0)?;
                    ensure(no >= 1)?;
                    inner(code, c.pos, c.pos + no - 1, groups)?;
                    c.pos += no - 1;
                } else {
                    ensure(skip >= 2)?;
                    inner(code, group_at + 2, group_at + skip, groups)?;
                    c.pos = group_at + skip;
                }
            }
            op::ASSERT | op::ASSERT_NOT => {
                let skip = c.skip(end, 0)?;
                let back = c.next(end)?;
                ensure(back & 0x8000_0000 == 0 && skip >= 3)?;
                let body = c.pos - 1;
                inner(code, body + 1, body + skip - 2, groups)?;
                c.pos = body + skip - 2;
                ensure(c.next(end)? == op::SUCCESS)?;
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_sre_compile_makes_is_valid() {
        let m = super::super::constants::MAXREPEAT;
        // python3.8 sre_compile._code for (a|b)*c, (a)?(?(1)b|c), (a)?(?(1)b),
        // (?<=ab)c, xyz(q) and a BRANCH.
        let good: &[(&[u32], usize)] = &[
            (&[15, 4, 0, 1, m, 24, 13, 0, m, 18, 0, 14, 5, 23, 97, 98, 0, 18, 1, 19, 17, 99, 1], 1),
            (
                &[
                    15, 4, 0, 1, 2, 24, 9, 0, 1, 18, 0, 17, 97, 18, 1, 19, 13, 0, 6, 17, 98, 16, 3,
                    17, 99, 1,
                ],
                1,
            ),
            (&[15, 4, 0, 0, 2, 24, 9, 0, 1, 18, 0, 17, 97, 18, 1, 19, 13, 0, 4, 17, 98, 1], 1),
            (&[15, 4, 0, 1, 1, 4, 7, 2, 17, 97, 17, 98, 1, 17, 99, 1], 0),
            (
                &[
                    15, 14, 1, 4, 4, 4, 3, 120, 121, 122, 113, 0, 0, 0, 0, 17, 120, 17, 121, 17,
                    122, 18, 0, 17, 113, 18, 1, 1,
                ],
                1,
            ),
            (&[15, 4, 0, 1, 1, 7, 9, 18, 0, 17, 97, 18, 1, 16, 7, 5, 17, 98, 16, 2, 0, 1], 1),
        ];
        for (code, groups) in good {
            assert!(is_valid(code, *groups), "{code:?}");
        }
        // (?(2)a|b) with one group, a skip past the end, no SUCCESS.
        assert!(!is_valid(&[13, 1, 6, 17, 97, 16, 3, 17, 98, 1], 1));
        assert!(!is_valid(&[14, 50, 0, 1], 0));
        assert!(!is_valid(&[17, 97], 0));
        assert!(!is_valid(&[], 0));
    }
}
