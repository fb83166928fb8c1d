//! Exit stubs: per guard, write the snapshot's values into the exit record
//! and return the exit number through the exit-target table (which
//! `CompiledTrace::link_exit` can point at another trace).

// dynasm expands a dynamic register `Rq(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use traces::hash::WordMap;
use traces::regalloc::{ExitInfo, Loc};
use traces::{Op, Val};

use crate::lower::Lowering;
use crate::regs::*;

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
            dynasm!(self.e.asm ; .arch x64 ; sub Rq(d), Rq(rb));
        } else {
            dynasm!(self.e.asm ; .arch x64 ; add Rq(d), Rq(rb));
        }
    }

    /// The exit stubs and the shared epilogue. Returns the offset of the
    /// `ret` that unlinked exits jump to.
    pub fn exits(&mut self, exits: &[ExitInfo], table_addr: u64) -> usize {
        let common = self.e.asm.new_dynamic_label();
        // Guards that exit with the same values in the same places (several
        // guards of one bytecode share its snapshot) share the code writing
        // them: the first such exit falls into it, the others jump to it.
        let mut writers: WordMap<&[(Val, Loc)], DynamicLabel> = WordMap::default();
        for (n, exit) in exits.iter().enumerate() {
            let l = self.exit_labels[n];
            dynasm!(self.e.asm ; .arch x64 ; =>l);
            self.undo_in_place_overflow(exit.inst);
            let n = n as i32;
            dynasm!(self.e.asm ; .arch x64 ; mov eax, n);
            if let Some(&writer) = writers.get(exit.entries.as_slice()) {
                dynasm!(self.e.asm ; .arch x64 ; jmp =>writer);
                continue;
            }
            let writer = self.e.asm.new_dynamic_label();
            writers.insert(&exit.entries, writer);
            dynasm!(self.e.asm ; .arch x64 ; =>writer);
            for (k, &(v, _)) in exit.entries.iter().enumerate() {
                self.e.store_state(k, v);
            }
            dynasm!(self.e.asm ; .arch x64 ; jmp =>common);
        }
        let size = self.e.frame.size;
        dynasm!(self.e.asm ; .arch x64
            ; =>common
            ; mov rdi, rbx
            ; add rsp, size
            ; pop r15 ; pop r14 ; pop r13 ; pop r12 ; pop rbp ; pop rbx
        );
        self.e.mov_imm(RCX, table_addr as i64);
        dynasm!(self.e.asm ; .arch x64 ; jmp QWORD [rcx + rax * 8]);
        let ret = self.e.asm.offset().0;
        dynasm!(self.e.asm ; .arch x64 ; ret);
        self.e.pool.emit(&mut self.e.asm);
        ret
    }
}
