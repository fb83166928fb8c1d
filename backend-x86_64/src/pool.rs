//! The constant pool: a trace's 64-bit constants, placed after its code and
//! read rip-relative.
//!
//! Type pointers, boxed constants and helper addresses do not fit an
//! immediate operand. Loading one with `movabs` takes 10 bytes, comparing
//! with one 13 (`movabs` into a scratch register, then `cmp`), calling one 12
//! (`movabs rax`, `call rax`); against the pool the same take 7, 7 and 6
//! bytes, and a constant used twice is stored once. The pool lies past the
//! exit stubs, so the hot path's code shrinks and only the constants a run
//! actually reads are brought into the cache.

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi};
use traces::hash::WordMap;

use crate::asm::Asm;

#[derive(Default)]
pub struct Pool {
    label_of: WordMap<i64, DynamicLabel>,
    /// In order of first use.
    entries: Vec<(i64, DynamicLabel)>,
}

impl Pool {
    /// The label of the pool word holding `bits`.
    pub fn label(&mut self, asm: &mut Asm, bits: i64) -> DynamicLabel {
        *self.label_of.entry(bits).or_insert_with(|| {
            let label = asm.new_dynamic_label();
            self.entries.push((bits, label));
            label
        })
    }

    /// Emits the pool at the end of the code, 8-byte aligned so no constant
    /// straddles a cache line.
    pub fn emit(&self, asm: &mut Asm) {
        if self.entries.is_empty() {
            return;
        }
        while !asm.offset().0.is_multiple_of(8) {
            asm.push(0xCC);
        }
        for &(bits, label) in &self.entries {
            asm.dynamic_label(label);
            asm.push_i64(bits);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constant_used_twice_is_stored_once_and_aligned() {
        let mut asm = Asm::new(0);
        let mut pool = Pool::default();
        asm.push(0x90);
        let a = pool.label(&mut asm, 0x1122_3344_5566_7788);
        let b = pool.label(&mut asm, -1);
        assert_eq!(pool.label(&mut asm, 0x1122_3344_5566_7788), a);
        assert_ne!(a, b);
        pool.emit(&mut asm);
        let code = asm.finalize().unwrap();
        assert_eq!(code.len(), 8 + 16, "one byte of code, padding, two words");
        assert_eq!(code[8..16], 0x1122_3344_5566_7788u64.to_le_bytes());
        assert_eq!(code[16..], [0xFF; 8]);
    }
}
