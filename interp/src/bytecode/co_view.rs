//! CPython 3.8's byte views of a code unit: `co_code` and `co_lnotab`.
//!
//! Tachyon's bytecode is register-based, so `co_code` cannot be CPython's
//! wordcode. It is the instruction stream in the code cache's encoding
//! (see [`super::serialize::encode_instrs`]): non-empty, the same for the
//! same code, one run of bytes per instruction. Byte offsets into it are
//! what `co_lnotab`, `f_lasti` and `tb_lasti` speak of, so
//! `dis.findlinestarts`, `inspect` and `traceback` read consistent lines.

use super::code::{CodeUnit, LineEntry};
use super::serialize::encode_instrs;

/// `co_code` and where each instruction starts in it.
pub struct ByteView {
    pub bytes: Vec<u8>,
    /// `starts[pc]`: the byte offset of instruction `pc`; one more entry,
    /// the length, closes the last instruction.
    starts: Vec<u32>,
}

impl ByteView {
    pub fn of(unit: &CodeUnit) -> ByteView {
        let (bytes, starts) = encode_instrs(&unit.instrs);
        ByteView { bytes, starts }
    }

    /// The byte offset of instruction `pc` (`f_lasti`).
    pub fn offset(&self, pc: u32) -> u32 {
        let last = self.starts.len() - 1;
        self.starts[(pc as usize).min(last)]
    }

    /// The instruction that starts at or covers byte `offset`.
    fn pc_at(&self, offset: u32) -> u32 {
        let after = self.starts.partition_point(|&s| s <= offset);
        after.saturating_sub(1) as u32
    }

    /// `co_lnotab`: (byte increment, line increment) pairs from the first
    /// line, in CPython 3.8's encoding (`assemble_lnotab`): byte steps over
    /// 255 and line steps outside -128..=127 are split, a line change at
    /// offset 0 is a pair with a zero byte step.
    pub fn lnotab(&self, unit: &CodeUnit) -> Vec<u8> {
        let mut out = Vec::new();
        let (mut line, mut at) = (i64::from(unit.first_line), 0u32);
        for entry in &unit.lines {
            let mut d_line = i64::from(entry.line) - line;
            if d_line == 0 || entry.line == 0 {
                continue;
            }
            let offset = self.offset(entry.start);
            let mut d_byte = offset - at;
            while d_byte > 255 {
                out.extend_from_slice(&[255, 0]);
                d_byte -= 255;
            }
            let step: i64 = if d_line < 0 { -128 } else { 127 };
            while !(-128..=127).contains(&d_line) {
                out.extend_from_slice(&[d_byte as u8, step as i8 as u8]);
                d_byte = 0;
                d_line -= step;
            }
            out.extend_from_slice(&[d_byte as u8, d_line as i8 as u8]);
            line = i64::from(entry.line);
            at = offset;
        }
        out
    }

    /// The line table a `co_lnotab` describes (for `code.replace`): each
    /// line starts at the instruction its byte offset falls in.
    pub fn lines_from_lnotab(&self, lnotab: &[u8], first_line: u32) -> Vec<LineEntry> {
        let mut lines: Vec<LineEntry> = Vec::new();
        let (mut line, mut offset) = (i64::from(first_line), 0u32);
        let mut push = |offset: u32, line: i64| {
            let entry = LineEntry { start: 0, line: line.clamp(0, i64::from(u32::MAX)) as u32 };
            let start = self.pc_at(offset);
            match lines.last_mut() {
                Some(last) if last.start == start => last.line = entry.line,
                Some(last) if last.line == entry.line => {}
                _ => lines.push(LineEntry { start, ..entry }),
            }
        };
        push(0, line);
        for pair in lnotab.chunks_exact(2) {
            offset = offset.saturating_add(u32::from(pair[0]));
            line += i64::from(pair[1] as i8);
            push(offset, line);
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::Instr;

    fn unit(first_line: u32, lines: &[(u32, u32)], count: usize) -> CodeUnit {
        CodeUnit {
            first_line,
            lines: lines.iter().map(|&(start, line)| LineEntry { start, line }).collect(),
            instrs: vec![Instr::Return { src: 0 }; count],
            ..CodeUnit::default()
        }
    }

    #[test]
    fn co_code_is_one_run_per_instruction() {
        let u = unit(1, &[], 3);
        let view = ByteView::of(&u);
        assert!(!view.bytes.is_empty());
        assert_eq!(view.offset(3) as usize, view.bytes.len());
        assert!(view.offset(0) < view.offset(1));
    }

    #[test]
    fn lnotab_is_relative_to_the_first_line() {
        let u = unit(3, &[(0, 3), (1, 4), (2, 2)], 3);
        let view = ByteView::of(&u);
        let step = view.offset(1) as u8;
        assert_eq!(view.lnotab(&u), vec![step, 1, step, (-2i8) as u8]);
    }

    #[test]
    fn long_line_steps_are_split_as_cpython_does() {
        let u = unit(1, &[(0, 1), (1, 301)], 2);
        let view = ByteView::of(&u);
        let step = view.offset(1) as u8;
        assert_eq!(view.lnotab(&u), vec![step, 127, 0, 127, 0, 46]);
    }

    #[test]
    fn lnotab_round_trips_to_the_line_table() {
        let u = unit(10, &[(0, 10), (2, 12), (3, 11), (4, 400)], 6);
        let view = ByteView::of(&u);
        let lines = view.lines_from_lnotab(&view.lnotab(&u), 10);
        assert_eq!(lines, u.lines);
    }
}
