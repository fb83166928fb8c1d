//! Instruction selection: one arm per op of the opcode table, the entry and
//! the loop. AArch64 is a three-address machine, so a result register may
//! be written before the other operands are read only because the allocator
//! never gives a result the register of a live operand; the one exception,
//! a result in its dying first operand's register, reads that operand first
//! anyway. An overflowing `addov`/`subov` computed that way is undone in its
//! exit stub.

// dynasm expands a dynamic register `X(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::aarch64::encode_logical_immediate_64bit;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use traces::regalloc::{sequentialize, CallSave, Loc, Place, RegFile};
use traces::{Op, Trace, Val};

use crate::asm::{Cond, Emitter, Width, PUSHED};
use crate::regs::*;
use crate::CompileError;

/// Per-trace code generation state beyond the emitter's moves.
pub struct Lowering<'a> {
    pub e: Emitter<'a>,
    pub exit_labels: Vec<DynamicLabel>,
    /// Exit number of each guard instruction.
    pub exit_of: Vec<u32>,
    pub calls: std::vec::IntoIter<CallSave>,
    pub loop_label: DynamicLabel,
    /// The last guard already branched back to the loop top.
    pub loop_closed: bool,
    /// The state word counting published GC roots.
    pub gc_root_area: usize,
    /// Whether the trace calls a helper that may collect.
    pub has_root_area: bool,
    /// The register file the allocation was made for.
    pub file: RegFile,
}

/// The condition under which an integer compare op holds after `cmp a, b`,
/// or a float compare op after `fcmp a, b`. An unordered fcmp sets C and V,
/// so every float condition but `ne` is false on NaN, as the IR says.
fn compare_cond(op: Op) -> Cond {
    match op {
        Op::ILt => Cond::Lt,
        Op::ILe => Cond::Le,
        Op::IGt => Cond::Gt,
        Op::IGe => Cond::Ge,
        Op::ULt => Cond::Lo,
        Op::ULe => Cond::Ls,
        Op::UGt => Cond::Hi,
        Op::UGe => Cond::Hs,
        Op::Eq | Op::FEq => Cond::Eq,
        Op::FLt => Cond::Mi,
        Op::FLe => Cond::Ls,
        Op::FGt => Cond::Gt,
        Op::FGe => Cond::Ge,
        _ => Cond::Ne,
    }
}

impl Lowering<'_> {
    pub(crate) fn exit_label(&self, i: usize) -> DynamicLabel {
        self.exit_labels[self.exit_of[i] as usize]
    }

    /// Saves the callee-saved registers, makes the frame, keeps the state
    /// pointer in x19.
    pub fn entry(&mut self) -> Result<(), CompileError> {
        let size = self.e.frame.size;
        if size >= 1 << 24 {
            return Err(CompileError(format!("a frame of {size} bytes is too large")));
        }
        let (lo, hi) = (size & 0xfff, size >> 12);
        let pushed = PUSHED;
        dynasm!(self.e.asm ; .arch aarch64
            ; stp x29, x30, [sp, -(pushed as i32)]!
            ; stp x19, x20, [sp, 16]
            ; stp x21, x22, [sp, 32]
            ; stp x23, x24, [sp, 48]
            ; stp x25, x26, [sp, 64]
            ; stp x27, x28, [sp, 80]
            ; stp d8, d9, [sp, 96]
            ; stp d10, d11, [sp, 112]
            ; stp d12, d13, [sp, 128]
            ; stp d14, d15, [sp, 144]
            ; mov x29, sp
            ; sub sp, sp, lo
            ; sub sp, sp, hi, lsl 12
            ; mov x19, x0
        );
        if self.has_root_area {
            // Not inside a collecting call: a collector must not read the
            // root area, whatever an earlier trace left in these words.
            self.e.mov_imm(SCRATCH_B, 0);
            self.e.access(true, Width::X, SCRATCH_B, STATE, 8 * self.gc_root_area as i64);
        }
        Ok(())
    }

    /// Pops the frame and the callee-saved registers (the inverse of `entry`).
    pub fn epilogue(&mut self) {
        let size = self.e.frame.size;
        let (lo, hi) = (size & 0xfff, size >> 12);
        let pushed = PUSHED as i32;
        dynasm!(self.e.asm ; .arch aarch64
            ; add sp, sp, hi, lsl 12
            ; add sp, sp, lo
            ; ldp d14, d15, [sp, 144]
            ; ldp d12, d13, [sp, 128]
            ; ldp d10, d11, [sp, 112]
            ; ldp d8, d9, [sp, 96]
            ; ldp x27, x28, [sp, 80]
            ; ldp x25, x26, [sp, 64]
            ; ldp x23, x24, [sp, 48]
            ; ldp x21, x22, [sp, 32]
            ; ldp x19, x20, [sp, 16]
            ; ldp x29, x30, [sp], pushed
        );
    }

    /// Emits instruction `i`.
    pub fn inst(&mut self, i: usize) -> Result<(), CompileError> {
        let trace: &Trace = self.e.trace;
        let inst = &trace.insts[i];
        let arg = |k: usize| inst.args[k];
        match inst.op {
            op if op.is_const() => {}
            Op::Input => {
                let off = 8 * inst.imm;
                if inst.ty.is_float() {
                    let x = self.e.fdst(i);
                    self.e.access(false, Width::D, x, STATE, off);
                    self.e.finish(i, x);
                } else {
                    let d = self.e.dst(i);
                    self.e.access(false, Width::X, d, STATE, off);
                    self.e.finish(i, d);
                }
            }
            Op::StState => {
                let v = self.e.gpr(arg(0), SCRATCH_A);
                self.e.access(true, Width::X, v, STATE, 8 * inst.imm);
            }
            Op::Add | Op::Sub | Op::AddOv | Op::SubOv => self.add_sub(i),
            Op::Mul => {
                let (ra, rb) = self.int_operands(i);
                let d = self.e.dst(i);
                dynasm!(self.e.asm ; .arch aarch64 ; mul X(d), X(ra), X(rb));
                self.e.finish(i, d);
            }
            Op::MulOv => {
                // Overflow unless the high word is the sign of the low one.
                let (ra, rb) = self.int_operands(i);
                let d = self.e.dst(i);
                let high = SCRATCH_FAR;
                dynasm!(self.e.asm ; .arch aarch64
                    ; smulh X(high), X(ra), X(rb)
                    ; mul X(d), X(ra), X(rb)
                    ; cmp X(high), X(d), asr 63
                );
                let l = self.exit_label(i);
                self.e.branch(Cond::Ne, l);
                self.e.finish(i, d);
            }
            Op::And | Op::Or | Op::Xor | Op::Shl | Op::Sar | Op::Shr => self.logical(i),
            Op::Neg => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                let d = self.e.dst(i);
                dynasm!(self.e.asm ; .arch aarch64 ; neg X(d), X(r));
                self.e.finish(i, d);
            }
            // A fused compare is emitted by its guard.
            op if op.is_compare() && self.e.alloc.live.fused[i] => {}
            op if op.is_compare() => {
                let c = self.compare(i);
                let d = self.e.dst(i);
                self.e.cset(d, c);
                self.e.finish(i, d);
            }
            Op::FAdd | Op::FSub | Op::FMul | Op::FDiv => {
                let a = self.e.fpr(arg(0), DSCRATCH_A);
                let b = self.e.fpr(arg(1), DSCRATCH_B);
                let x = self.e.fdst(i);
                let asm = &mut self.e.asm;
                match inst.op {
                    Op::FAdd => dynasm!(asm ; .arch aarch64 ; fadd D(x), D(a), D(b)),
                    Op::FSub => dynasm!(asm ; .arch aarch64 ; fsub D(x), D(a), D(b)),
                    Op::FMul => dynasm!(asm ; .arch aarch64 ; fmul D(x), D(a), D(b)),
                    _ => dynasm!(asm ; .arch aarch64 ; fdiv D(x), D(a), D(b)),
                }
                self.e.finish(i, x);
            }
            Op::FNeg | Op::FAbs | Op::FSqrt => {
                let a = self.e.fpr(arg(0), DSCRATCH_B);
                let x = self.e.fdst(i);
                let asm = &mut self.e.asm;
                match inst.op {
                    Op::FNeg => dynasm!(asm ; .arch aarch64 ; fneg D(x), D(a)),
                    Op::FAbs => dynasm!(asm ; .arch aarch64 ; fabs D(x), D(a)),
                    _ => dynasm!(asm ; .arch aarch64 ; fsqrt D(x), D(a)),
                }
                self.e.finish(i, x);
            }
            Op::IToF => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                let x = self.e.fdst(i);
                dynasm!(self.e.asm ; .arch aarch64 ; scvtf D(x), X(r));
                self.e.finish(i, x);
            }
            Op::FToI | Op::FToIExact => {
                let a = self.e.fpr(arg(0), DSCRATCH_B);
                let d = self.e.dst(i);
                // fcvtzs saturates and gives 0 for NaN; the IR (x86's
                // cvttsd2si) gives i64::MIN for both. i64::MAX only ever
                // comes from saturation (no double equals it), and
                // `cmn d, 1` overflows exactly then; fcmp a, a is unordered
                // (V set) exactly for NaN.
                let min = SCRATCH_C;
                dynasm!(self.e.asm ; .arch aarch64
                    ; fcvtzs X(d), D(a)
                    ; movz X(min), 0x8000, lsl 48
                    ; cmn XSP(d), 1
                    ; csel X(d), X(min), X(d), vs
                    ; fcmp D(a), D(a)
                    ; csel X(d), X(min), X(d), vs
                );
                if inst.op == Op::FToIExact {
                    // Exact when converting back gives the same float
                    // (never for NaN: the compare is unordered, so `ne`).
                    let s = DSCRATCH_A;
                    dynasm!(self.e.asm ; .arch aarch64 ; scvtf D(s), X(d) ; fcmp D(s), D(a));
                    let l = self.exit_label(i);
                    self.e.branch(Cond::Ne, l);
                }
                self.e.finish(i, d);
            }
            Op::Cast => {
                let d = self.e.dst(i);
                self.e.load_gpr(d, arg(0));
                self.e.finish(i, d);
            }
            Op::FToW => {
                let a = self.e.fpr(arg(0), DSCRATCH_B);
                let d = self.e.dst(i);
                dynasm!(self.e.asm ; .arch aarch64 ; fmov X(d), D(a));
                self.e.finish(i, d);
            }
            Op::WToF => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                let x = self.e.fdst(i);
                dynasm!(self.e.asm ; .arch aarch64 ; fmov D(x), X(r));
                self.e.finish(i, x);
            }
            Op::LdI64 | Op::LdF64 | Op::LdWord | Op::LdRef | Op::LdU8 | Op::LdU32 => self.load(i),
            Op::StI64 | Op::StF64 | Op::StWord | Op::StU8 | Op::StU32 => self.store(i),
            Op::GuardTrue | Op::GuardFalse => self.guard_bool(i),
            Op::GuardEq | Op::GuardNe => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                self.e.cmp_imm(r, inst.imm);
                let c = if inst.op == Op::GuardEq { Cond::Ne } else { Cond::Eq };
                let l = self.exit_label(i);
                self.e.branch(c, l);
            }
            Op::Exit => {
                let l = self.exit_label(i);
                dynasm!(self.e.asm ; .arch aarch64 ; b =>l);
            }
            Op::Call => self.call(i),
            Op::Loop => {
                let phis: Vec<(usize, Val)> = (i + 1..trace.insts.len())
                    .take_while(|&p| trace.insts[p].op == Op::Phi)
                    .map(|p| (p, trace.insts[p].args[0]))
                    .collect();
                self.phi_moves(&phis);
                // A 16-byte aligned loop top, padded with nops (it is
                // fallen into).
                while !self.e.asm.offset().0.is_multiple_of(16) {
                    dynasm!(self.e.asm ; .arch aarch64 ; nop);
                }
                let top = self.loop_label;
                dynasm!(self.e.asm ; .arch aarch64 ; =>top);
            }
            Op::Phi => {}
            Op::Jump if self.loop_closed => {}
            Op::Jump => {
                let l = trace.loop_start().unwrap_or(0);
                let phis: Vec<(usize, Val)> =
                    inst.args.iter().enumerate().map(|(k, v)| (l + 1 + k, *v)).collect();
                self.phi_moves(&phis);
                let top = self.loop_label;
                dynasm!(self.e.asm ; .arch aarch64 ; b =>top);
            }
            // Every op of the table has an arm above (the tests run them all).
            op => {
                return Err(CompileError(format!("op {} has no aarch64 lowering", op.name())));
            }
        }
        Ok(())
    }

    /// Registers holding the two gpr operands of instruction `i`.
    fn int_operands(&mut self, i: usize) -> (u8, u8) {
        let inst = &self.e.trace.insts[i];
        let (a, b) = (inst.args[0], inst.args[1]);
        (self.e.gpr(a, SCRATCH_B), self.e.gpr(b, SCRATCH_C))
    }

    /// add, sub and their overflow-checked forms (`adds`/`subs` and b.vs);
    /// a small constant second operand is an immediate.
    fn add_sub(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (a, b, op) = (inst.args[0], inst.args[1], inst.op);
        let ra = self.e.gpr(a, SCRATCH_B);
        let imm = self.e.signed_imm12(b);
        let rb = if imm.is_some() { SCRATCH_C } else { self.e.gpr(b, SCRATCH_C) };
        let d = self.e.dst(i);
        // x + -k is x - k, overflow included (both are the exact sum).
        let flipped = match op {
            Op::Add => Op::Sub,
            Op::Sub => Op::Add,
            Op::AddOv => Op::SubOv,
            _ => Op::AddOv,
        };
        let (op_emitted, imm) = match imm {
            Some(k) if k < 0 => (flipped, Some(k.unsigned_abs())),
            k => (op, k.map(|k| k as u32)),
        };
        let asm = &mut self.e.asm;
        match (op_emitted, imm) {
            (Op::Add, Some(k)) => dynasm!(asm ; .arch aarch64 ; add XSP(d), XSP(ra), k),
            (Op::Add, None) => dynasm!(asm ; .arch aarch64 ; add X(d), X(ra), X(rb)),
            (Op::Sub, Some(k)) => dynasm!(asm ; .arch aarch64 ; sub XSP(d), XSP(ra), k),
            (Op::Sub, None) => dynasm!(asm ; .arch aarch64 ; sub X(d), X(ra), X(rb)),
            (Op::AddOv, Some(k)) => dynasm!(asm ; .arch aarch64 ; adds X(d), XSP(ra), k),
            (Op::AddOv, None) => dynasm!(asm ; .arch aarch64 ; adds X(d), X(ra), X(rb)),
            (_, Some(k)) => dynasm!(asm ; .arch aarch64 ; subs X(d), XSP(ra), k),
            (_, None) => dynasm!(asm ; .arch aarch64 ; subs X(d), X(ra), X(rb)),
        }
        if matches!(op, Op::AddOv | Op::SubOv) {
            let l = self.exit_label(i);
            self.e.branch(Cond::Vs, l);
        }
        self.e.finish(i, d);
    }

    /// Bitwise ops and shifts (register shifts take the count modulo 64,
    /// as the IR does).
    fn logical(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (b, op) = (inst.args[1], inst.op);
        let shift = matches!(op, Op::Shl | Op::Sar | Op::Shr);
        let constant = (self.e.loc(b) == Loc::Const).then(|| self.e.const_bits(b) as u64);
        let ra = self.e.gpr(inst.args[0], SCRATCH_B);
        let d = self.e.dst(i);
        let bitmask = constant.filter(|k| !shift && encode_logical_immediate_64bit(*k).is_some());
        if let Some(k) = bitmask {
            let asm = &mut self.e.asm;
            match op {
                Op::And => dynasm!(asm ; .arch aarch64 ; and XSP(d), X(ra), k),
                Op::Or => dynasm!(asm ; .arch aarch64 ; orr XSP(d), X(ra), k),
                _ => dynasm!(asm ; .arch aarch64 ; eor XSP(d), X(ra), k),
            }
            self.e.finish(i, d);
            return;
        }
        let shift = constant.filter(|_| shift).map(|k| k as u32);
        if let Some(k) = shift {
            let (k, asm) = (k & 63, &mut self.e.asm);
            match op {
                Op::Shl => dynasm!(asm ; .arch aarch64 ; lsl X(d), X(ra), k),
                Op::Sar => dynasm!(asm ; .arch aarch64 ; asr X(d), X(ra), k),
                _ => dynasm!(asm ; .arch aarch64 ; lsr X(d), X(ra), k),
            }
            self.e.finish(i, d);
            return;
        }
        let rb = self.e.gpr(b, SCRATCH_C);
        let asm = &mut self.e.asm;
        match op {
            Op::And => dynasm!(asm ; .arch aarch64 ; and X(d), X(ra), X(rb)),
            Op::Or => dynasm!(asm ; .arch aarch64 ; orr X(d), X(ra), X(rb)),
            Op::Xor => dynasm!(asm ; .arch aarch64 ; eor X(d), X(ra), X(rb)),
            Op::Shl => dynasm!(asm ; .arch aarch64 ; lslv X(d), X(ra), X(rb)),
            Op::Sar => dynasm!(asm ; .arch aarch64 ; asrv X(d), X(ra), X(rb)),
            _ => dynasm!(asm ; .arch aarch64 ; lsrv X(d), X(ra), X(rb)),
        }
        self.e.finish(i, d);
    }

    /// Emits the compare of instruction `i`; returns the condition that
    /// holds when the compare is true.
    fn compare(&mut self, i: usize) -> Cond {
        let inst = &self.e.trace.insts[i];
        let (a, b, op) = (inst.args[0], inst.args[1], inst.op);
        if self.e.trace.ty(a).is_float() {
            let ra = self.e.fpr(a, DSCRATCH_A);
            let rb = self.e.fpr(b, DSCRATCH_B);
            dynasm!(self.e.asm ; .arch aarch64 ; fcmp D(ra), D(rb));
        } else {
            let ra = self.e.gpr(a, SCRATCH_B);
            match self.e.signed_imm12(b) {
                Some(k) => self.e.cmp_imm(ra, k as i64),
                None => {
                    let rb = self.e.gpr(b, SCRATCH_C);
                    dynasm!(self.e.asm ; .arch aarch64 ; cmp X(ra), X(rb));
                }
            }
        }
        compare_cond(op)
    }

    fn guard_bool(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let c = inst.args[0];
        let l = self.exit_label(i);
        let closes_loop = self.guard_closes_loop(i);
        if !self.e.alloc.live.fused[c.index()] && !closes_loop {
            let r = self.e.gpr(c, SCRATCH_B);
            if inst.op == Op::GuardTrue {
                dynasm!(self.e.asm ; .arch aarch64 ; cbz X(r), =>l);
            } else {
                dynasm!(self.e.asm ; .arch aarch64 ; cbnz X(r), =>l);
            }
            return;
        }
        let holds = if self.e.alloc.live.fused[c.index()] {
            self.compare(c.index())
        } else {
            let r = self.e.gpr(c, SCRATCH_B);
            dynasm!(self.e.asm ; .arch aarch64 ; cmp XSP(r), 0);
            Cond::Ne
        };
        let exit_when = if inst.op == Op::GuardTrue { holds.inverse() } else { holds };
        if closes_loop {
            // Rotated back edge: one taken branch per iteration.
            let top = self.loop_label;
            self.e.branch(exit_when.inverse(), top);
            dynasm!(self.e.asm ; .arch aarch64 ; b =>l);
            self.loop_closed = true;
        } else {
            self.e.branch(exit_when, l);
        }
    }

    /// Guard `i` is followed by a `jump` that moves nothing: the guard's
    /// branch can go back to the loop top and fall through to its exit.
    fn guard_closes_loop(&self, i: usize) -> bool {
        let trace = self.e.trace;
        let Some(jump) = trace.insts.get(i + 1).filter(|j| j.op == Op::Jump) else { return false };
        let l = trace.loop_start().unwrap_or(0);
        jump.args.iter().enumerate().all(|(k, v)| {
            let phi = self.e.alloc.locs[l + 1 + k];
            phi == self.e.loc(*v) && !matches!(phi, Loc::Const | Loc::None)
        })
    }

    /// The register holding the address (without offset) of a load or
    /// store: the base, or base + index * scale in SCRATCH_C.
    fn address(&mut self, base: Val, index: Option<Val>, scale: u8) -> u8 {
        let b = self.e.gpr(base, SCRATCH_B);
        let Some(index) = index else { return b };
        let x = self.e.gpr(index, SCRATCH_C);
        let (a, c) = (&mut self.e.asm, SCRATCH_C);
        match scale {
            1 => dynasm!(a ; .arch aarch64 ; add X(c), X(b), X(x)),
            2 => dynasm!(a ; .arch aarch64 ; add X(c), X(b), X(x), lsl 1),
            4 => dynasm!(a ; .arch aarch64 ; add X(c), X(b), X(x), lsl 2),
            _ => dynasm!(a ; .arch aarch64 ; add X(c), X(b), X(x), lsl 3),
        }
        SCRATCH_C
    }

    fn width(op: Op) -> Width {
        match op {
            Op::LdU8 | Op::StU8 => Width::B,
            Op::LdU32 | Op::StU32 => Width::W,
            Op::LdF64 | Op::StF64 => Width::D,
            _ => Width::X,
        }
    }

    fn load(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (base, index) = inst.address();
        let (op, off) = (inst.op, inst.imm);
        let r = self.address(base, index, inst.scale);
        let d = if op == Op::LdF64 { self.e.fdst(i) } else { self.e.dst(i) };
        self.e.access(false, Self::width(op), d, r, off);
        self.e.finish(i, d);
    }

    fn store(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (base, index) = inst.address();
        let (op, off, value) = (inst.op, inst.imm, inst.args[0]);
        let v = if op == Op::StF64 {
            self.e.fpr(value, DSCRATCH_A)
        } else {
            self.e.gpr(value, SCRATCH_A)
        };
        let r = self.address(base, index, inst.scale);
        self.e.access(true, Self::width(op), v, r, off);
    }

    /// Moves each (phi, value) pair at once: loop entry and back edge.
    fn phi_moves(&mut self, pairs: &[(usize, Val)]) {
        let trace = self.e.trace;
        let moves: Vec<_> = pairs
            .iter()
            .map(|&(p, v)| {
                let float = trace.insts[p].ty.is_float();
                let phi = Place::of(self.e.alloc.locs[p], Val(p as u32), float);
                (phi, Place::of(self.e.loc(v), v, float))
            })
            .collect();
        for (d, s) in sequentialize(&moves) {
            self.e.place_move(d, s);
        }
    }
}
