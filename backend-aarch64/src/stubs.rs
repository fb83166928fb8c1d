//! Exit stubs: per guard, write the snapshot's values into the exit record
//! and leave through the exit-target table (which
//! `CompiledTrace::link_exit` can point at another trace).

// dynasm expands a dynamic register `X(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use traces::hash::WordMap;
use traces::regalloc::{ExitInfo, Loc};
use traces::{Op, Val};

use crate::lower::Lowering;
use crate::regs::*;

/// Where the exit stubs' code ends up: offsets into the trace's code.
pub struct StubOffsets {
    /// The code an unlinked exit jumps to: returns the exit number.
    pub ret: usize,
    /// The 8-byte word holding the exit-target table's address, written
    /// when the code is loaded.
    pub table_literal: usize,
}

impl Lowering<'_> {
    /// An overflowed `addov`/`subov` computed in its first operand's
    /// register (see `traces::regalloc::linear_scan`) gives the operand back
    /// before the exit record is written: wrapping arithmetic undoes exactly.
    fn undo_in_place_overflow(&mut self, g: usize) {
        let inst = &self.e.trace.insts[g];
        if !matches!(inst.op, Op::AddOv | Op::SubOv) {
            return;
        }
        let (a, b) = (inst.args[0], inst.args[1]);
        let (Loc::Reg(d), Loc::Reg(ra)) = (self.e.alloc.locs[g], self.e.loc(a)) else { return };
        if d != ra {
            return;
        }
        let rb = self.e.gpr(b, SCRATCH_B);
        if inst.op == Op::AddOv {
            dynasm!(self.e.asm ; .arch aarch64 ; sub X(d), X(d), X(rb));
        } else {
            dynasm!(self.e.asm ; .arch aarch64 ; add X(d), X(d), X(rb));
        }
    }

    /// The exit stubs, the shared epilogue and the exit table's literal.
    /// An exit leaves with its number in x16 and the state pointer in x0,
    /// then jumps to its table entry: a linked trace's entry (which takes
    /// the state in x0) or the return stub (which moves x16 to x0).
    pub fn exits(&mut self, exits: &[ExitInfo]) -> StubOffsets {
        let common = self.e.asm.new_dynamic_label();
        let table = self.e.asm.new_dynamic_label();
        // Guards that exit with the same values in the same places (several
        // guards of one bytecode share its snapshot) share the code writing
        // them: the first such exit falls into it, the others jump to it.
        let mut writers: WordMap<&[(Val, Loc)], DynamicLabel> = WordMap::default();
        for (n, exit) in exits.iter().enumerate() {
            let l = self.exit_labels[n];
            dynasm!(self.e.asm ; .arch aarch64 ; =>l);
            self.undo_in_place_overflow(exit.inst);
            self.e.mov_imm(SCRATCH_A, n as i64);
            if let Some(&writer) = writers.get(exit.entries.as_slice()) {
                dynasm!(self.e.asm ; .arch aarch64 ; b =>writer);
                continue;
            }
            let writer = self.e.asm.new_dynamic_label();
            writers.insert(&exit.entries, writer);
            dynasm!(self.e.asm ; .arch aarch64 ; =>writer);
            for (k, &(v, _)) in exit.entries.iter().enumerate() {
                self.e.store_state(k, v);
            }
            dynasm!(self.e.asm ; .arch aarch64 ; b =>common);
        }
        dynasm!(self.e.asm ; .arch aarch64 ; =>common ; mov x0, x19);
        self.epilogue();
        dynasm!(self.e.asm ; .arch aarch64
            ; ldr x17, =>table
            ; ldr x17, [x17, x16, lsl 3]
            ; br x17
        );
        let ret = self.e.asm.offset().0;
        dynasm!(self.e.asm ; .arch aarch64 ; mov x0, x16 ; ret ; .align 8 ; =>table);
        let table_literal = self.e.asm.offset().0;
        dynasm!(self.e.asm ; .arch aarch64 ; .u64 0);
        StubOffsets { ret, table_literal }
    }
}
