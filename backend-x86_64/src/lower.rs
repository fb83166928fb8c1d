//! Instruction selection: one arm per op of the opcode table, the entry and
//! the exit stubs. A result shares no register with a live operand (the
//! allocator guarantees it), so a result register may be written before the
//! other operands are read, and an exit taken mid-instruction (overflow)
//! still finds every snapshot value where the allocator put it. The one
//! exception, two-address arithmetic computed in its dying first operand's
//! register, is what x86 does anyway (`add a, b`); an overflowing
//! `addov`/`subov` computed that way is undone in its exit stub.

// dynasm expands a dynamic register `Rq(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};
use traces::regalloc::{sequentialize, CallSave, Loc, Place, RegFile};
use traces::{Op, Trace, Val};

use crate::asm::{Cc, Emitter, Test};
use crate::enc;
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
    /// The state word saying whether the trace is inside a collecting call.
    pub gc_root_area: usize,
    /// Whether the trace calls a helper that may collect.
    pub has_root_area: bool,
    /// The register file the allocation was made for.
    pub file: RegFile,
}

impl Lowering<'_> {
    fn exit_label(&self, i: usize) -> DynamicLabel {
        self.exit_labels[self.exit_of[i] as usize]
    }

    pub fn entry(&mut self) {
        let size = self.e.frame.size;
        dynasm!(self.e.asm ; .arch x64
            ; push rbx ; push rbp ; push r12 ; push r13 ; push r14 ; push r15
            ; sub rsp, size
            ; mov rbx, rdi
        );
        if self.has_root_area {
            // Not inside a collecting call: a collector must not read the
            // root area, whatever an earlier trace left in these words.
            let at_call = 8 * self.gc_root_area as i32;
            enc::store_imm(&mut self.e.asm, STATE, at_call, 0);
        }
    }

    /// Emits instruction `i`.
    pub fn inst(&mut self, i: usize) -> Result<(), CompileError> {
        let trace: &Trace = self.e.trace;
        let inst = &trace.insts[i];
        let arg = |k: usize| inst.args[k];
        match inst.op {
            op if op.is_const() => {}
            Op::Input => {
                let off = 8 * inst.imm as i32;
                if inst.ty.is_float() {
                    let x = self.e.fdst(i);
                    enc::mem(&mut self.e.asm, enc::LOAD_F64, x, STATE, off);
                    self.e.finish(i, x);
                } else {
                    let d = self.e.dst(i);
                    enc::mem(&mut self.e.asm, enc::LOAD64, d, STATE, off);
                    self.e.finish(i, d);
                }
            }
            Op::StState => {
                let off = 8 * inst.imm as i32;
                let v = self.e.gpr(arg(0), SCRATCH_A);
                enc::mem(&mut self.e.asm, enc::STORE64, v, STATE, off);
            }
            Op::Add | Op::Sub | Op::Mul | Op::And | Op::Or | Op::Xor => self.int_binary(i),
            Op::AddOv | Op::SubOv | Op::MulOv => {
                self.int_binary(i);
                let l = self.exit_label(i);
                self.e.jcc(Cc::O, l);
            }
            Op::Neg => {
                let d = self.e.dst(i);
                self.e.load_gpr(d, arg(0));
                dynasm!(self.e.asm ; .arch x64 ; neg Rq(d));
                self.e.finish(i, d);
            }
            Op::Shl | Op::Sar | Op::Shr => self.shift(i),
            // A fused compare is emitted by its guard.
            op if op.is_compare() && self.e.alloc.live.fused[i] => {}
            op if op.is_compare() => {
                let test = self.compare(i);
                let d = self.e.dst(i);
                self.e.set_al(test);
                dynasm!(self.e.asm ; .arch x64 ; movzx Rd(d), al);
                self.e.finish(i, d);
            }
            Op::FAdd | Op::FSub | Op::FMul | Op::FDiv => {
                let b = self.e.fpr(arg(1), XSCRATCH_B);
                let x = self.e.fdst(i);
                self.e.load_fpr(x, arg(0));
                let a = &mut self.e.asm;
                match inst.op {
                    Op::FAdd => dynasm!(a ; .arch x64 ; addsd Rx(x), Rx(b)),
                    Op::FSub => dynasm!(a ; .arch x64 ; subsd Rx(x), Rx(b)),
                    Op::FMul => dynasm!(a ; .arch x64 ; mulsd Rx(x), Rx(b)),
                    _ => dynasm!(a ; .arch x64 ; divsd Rx(x), Rx(b)),
                }
                self.e.finish(i, x);
            }
            Op::FNeg | Op::FAbs => {
                let mask = if inst.op == Op::FNeg { i64::MIN } else { i64::MAX };
                self.e.fconst(XSCRATCH_B, mask);
                let x = self.e.fdst(i);
                self.e.load_fpr(x, arg(0));
                if inst.op == Op::FNeg {
                    dynasm!(self.e.asm ; .arch x64 ; xorpd Rx(x), Rx(XSCRATCH_B));
                } else {
                    dynasm!(self.e.asm ; .arch x64 ; andpd Rx(x), Rx(XSCRATCH_B));
                }
                self.e.finish(i, x);
            }
            Op::FSqrt => {
                let a = self.e.fpr(arg(0), XSCRATCH_B);
                let x = self.e.fdst(i);
                dynasm!(self.e.asm ; .arch x64 ; sqrtsd Rx(x), Rx(a));
                self.e.finish(i, x);
            }
            Op::IToF => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                let x = self.e.fdst(i);
                dynasm!(self.e.asm ; .arch x64 ; xorps Rx(x), Rx(x) ; cvtsi2sd Rx(x), Rq(r));
                self.e.finish(i, x);
            }
            Op::FToI | Op::FToIExact => {
                let a = self.e.fpr(arg(0), XSCRATCH_B);
                let d = self.e.dst(i);
                dynasm!(self.e.asm ; .arch x64 ; cvttsd2si Rq(d), Rx(a));
                if inst.op == Op::FToIExact {
                    let s = XSCRATCH_A;
                    dynasm!(self.e.asm ; .arch x64
                        ; xorps Rx(s), Rx(s) ; cvtsi2sd Rx(s), Rq(d) ; ucomisd Rx(s), Rx(a));
                    let l = self.exit_label(i);
                    self.e.branch(Test::FNe, l);
                }
                self.e.finish(i, d);
            }
            Op::Cast => {
                let d = self.e.dst(i);
                self.e.load_gpr(d, arg(0));
                self.e.finish(i, d);
            }
            Op::FToW => {
                let a = self.e.fpr(arg(0), XSCRATCH_B);
                let d = self.e.dst(i);
                dynasm!(self.e.asm ; .arch x64 ; movq Rq(d), Rx(a));
                self.e.finish(i, d);
            }
            Op::WToF => {
                let r = self.e.gpr(arg(0), SCRATCH_B);
                let x = self.e.fdst(i);
                dynasm!(self.e.asm ; .arch x64 ; movq Rx(x), Rq(r));
                self.e.finish(i, x);
            }
            Op::LdI64 | Op::LdF64 | Op::LdWord | Op::LdRef | Op::LdU8 | Op::LdU32 => self.load(i),
            Op::StI64 | Op::StF64 | Op::StWord | Op::StU8 | Op::StU32 => self.store(i),
            Op::GuardTrue | Op::GuardFalse => {
                let c = arg(0);
                let holds = if self.e.alloc.live.fused[c.index()] {
                    self.compare(c.index())
                } else {
                    let r = self.e.gpr(c, SCRATCH_A);
                    dynasm!(self.e.asm ; .arch x64 ; test Rq(r), Rq(r));
                    Test::Cc(Cc::Ne)
                };
                let exit_when = if inst.op == Op::GuardTrue { holds.negate() } else { holds };
                let l = self.exit_label(i);
                if self.guard_closes_loop(i) {
                    // Rotated back edge: one taken branch per iteration.
                    let top = self.loop_label;
                    self.e.branch(exit_when.negate(), top);
                    dynasm!(self.e.asm ; .arch x64 ; jmp =>l);
                    self.loop_closed = true;
                } else {
                    self.e.branch(exit_when, l);
                }
            }
            Op::GuardEq | Op::GuardNe => {
                let r = self.e.gpr(arg(0), SCRATCH_A);
                match i32::try_from(inst.imm) {
                    Ok(0) => dynasm!(self.e.asm ; .arch x64 ; test Rq(r), Rq(r)),
                    // dynasm takes the 8-bit immediate of cmp as an i32.
                    Ok(k) if i8::try_from(k).is_ok() => {
                        dynasm!(self.e.asm ; .arch x64 ; cmp Rq(r), BYTE k)
                    }
                    Ok(k) => dynasm!(self.e.asm ; .arch x64 ; cmp Rq(r), k),
                    Err(_) => {
                        let k = self.e.pool.label(&mut self.e.asm, inst.imm);
                        dynasm!(self.e.asm ; .arch x64 ; cmp Rq(r), QWORD [=>k]);
                    }
                }
                let cc = if inst.op == Op::GuardEq { Cc::Ne } else { Cc::E };
                let l = self.exit_label(i);
                self.e.jcc(cc, l);
            }
            Op::Exit => {
                let l = self.exit_label(i);
                dynasm!(self.e.asm ; .arch x64 ; jmp =>l);
            }
            Op::Call => self.call(i),
            Op::Loop => {
                let l = i;
                let phis: Vec<(usize, Val)> = (l + 1..trace.insts.len())
                    .take_while(|&p| trace.insts[p].op == Op::Phi)
                    .map(|p| (p, trace.insts[p].args[0]))
                    .collect();
                self.phi_moves(&phis);
                let top = self.loop_label;
                // 32-byte aligned: a short loop body then sits in one 64-byte line of
                // the op cache (a body split across two lines ran 2x slower).
                dynasm!(self.e.asm ; .arch x64 ; .align 32 ; =>top);
            }
            Op::Phi => {}
            Op::Jump if self.loop_closed => {}
            Op::Jump => {
                let l = trace.loop_start().unwrap_or(0);
                let phis: Vec<(usize, Val)> =
                    inst.args.iter().enumerate().map(|(k, v)| (l + 1 + k, *v)).collect();
                self.phi_moves(&phis);
                let top = self.loop_label;
                dynasm!(self.e.asm ; .arch x64 ; jmp =>top);
            }
            // Every op of the table has an arm above (the tests run them all).
            op => {
                return Err(CompileError(format!("op {} has no x86-64 lowering", op.name())));
            }
        }
        Ok(())
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

    fn int_binary(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (a, b) = (inst.args[0], inst.args[1]);
        let op = inst.op;
        let imm = self.e.imm32(b);
        let rb = if imm.is_some() { SCRATCH_B } else { self.e.gpr(b, SCRATCH_B) };
        let d = self.e.dst(i);
        self.e.load_gpr(d, a);
        let asm = &mut self.e.asm;
        match (op, imm) {
            (_, Some(k)) if i8::try_from(k).is_ok() => {
                let k = k as i8;
                match op {
                    Op::Add | Op::AddOv => dynasm!(asm ; .arch x64 ; add Rq(d), BYTE k),
                    Op::Sub | Op::SubOv => dynasm!(asm ; .arch x64 ; sub Rq(d), BYTE k),
                    Op::Mul | Op::MulOv => dynasm!(asm ; .arch x64 ; imul Rq(d), Rq(d), BYTE k),
                    Op::And => dynasm!(asm ; .arch x64 ; and Rq(d), BYTE k),
                    Op::Or => dynasm!(asm ; .arch x64 ; or Rq(d), BYTE k),
                    _ => dynasm!(asm ; .arch x64 ; xor Rq(d), BYTE k),
                }
            }
            (Op::Add | Op::AddOv, Some(k)) => dynasm!(asm ; .arch x64 ; add Rq(d), k),
            (Op::Add | Op::AddOv, None) => dynasm!(asm ; .arch x64 ; add Rq(d), Rq(rb)),
            (Op::Sub | Op::SubOv, Some(k)) => dynasm!(asm ; .arch x64 ; sub Rq(d), k),
            (Op::Sub | Op::SubOv, None) => dynasm!(asm ; .arch x64 ; sub Rq(d), Rq(rb)),
            (Op::Mul | Op::MulOv, Some(k)) => dynasm!(asm ; .arch x64 ; imul Rq(d), Rq(d), k),
            (Op::Mul | Op::MulOv, None) => dynasm!(asm ; .arch x64 ; imul Rq(d), Rq(rb)),
            (Op::And, Some(k)) => dynasm!(asm ; .arch x64 ; and Rq(d), k),
            (Op::And, None) => dynasm!(asm ; .arch x64 ; and Rq(d), Rq(rb)),
            (Op::Or, Some(k)) => dynasm!(asm ; .arch x64 ; or Rq(d), k),
            (Op::Or, None) => dynasm!(asm ; .arch x64 ; or Rq(d), Rq(rb)),
            (_, Some(k)) => dynasm!(asm ; .arch x64 ; xor Rq(d), k),
            (_, None) => dynasm!(asm ; .arch x64 ; xor Rq(d), Rq(rb)),
        }
        self.e.finish(i, d);
    }

    fn shift(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (a, b, op) = (inst.args[0], inst.args[1], inst.op);
        let count = match self.e.loc(b) {
            Loc::Const => Some((self.e.const_bits(b) & 63) as i8),
            _ => {
                self.e.load_gpr(RCX, b);
                None
            }
        };
        let d = self.e.dst(i);
        self.e.load_gpr(d, a);
        let asm = &mut self.e.asm;
        match (op, count) {
            (Op::Shl, Some(k)) => dynasm!(asm ; .arch x64 ; shl Rq(d), k),
            (Op::Shl, None) => dynasm!(asm ; .arch x64 ; shl Rq(d), cl),
            (Op::Sar, Some(k)) => dynasm!(asm ; .arch x64 ; sar Rq(d), k),
            (Op::Sar, None) => dynasm!(asm ; .arch x64 ; sar Rq(d), cl),
            (_, Some(k)) => dynasm!(asm ; .arch x64 ; shr Rq(d), k),
            (_, None) => dynasm!(asm ; .arch x64 ; shr Rq(d), cl),
        }
        self.e.finish(i, d);
    }

    /// Emits the compare of instruction `i`; returns what holds in the flags
    /// when the compare is true.
    fn compare(&mut self, i: usize) -> Test {
        let inst = &self.e.trace.insts[i];
        let (a, b, op) = (inst.args[0], inst.args[1], inst.op);
        let int_cc = match op {
            Op::ILt => Some(Cc::L),
            Op::ILe => Some(Cc::Le),
            Op::IGt => Some(Cc::G),
            Op::IGe => Some(Cc::Ge),
            Op::ULt => Some(Cc::B),
            Op::ULe => Some(Cc::Be),
            Op::UGt => Some(Cc::A),
            Op::UGe => Some(Cc::Ae),
            Op::Eq => Some(Cc::E),
            Op::Ne => Some(Cc::Ne),
            _ => None,
        };
        if let Some(cc) = int_cc {
            let ra = self.e.gpr(a, SCRATCH_C);
            match self.e.imm32(b) {
                // dynasm takes the 8-bit immediate of cmp as an i32.
                Some(k) if i8::try_from(k).is_ok() => {
                    dynasm!(self.e.asm ; .arch x64 ; cmp Rq(ra), BYTE k)
                }
                Some(k) => dynasm!(self.e.asm ; .arch x64 ; cmp Rq(ra), k),
                None => {
                    let rb = self.e.gpr(b, SCRATCH_B);
                    dynasm!(self.e.asm ; .arch x64 ; cmp Rq(ra), Rq(rb));
                }
            }
            return Test::Cc(cc);
        }
        // ucomisd x, y sets "above" for x > y and CF=ZF=PF=1 when unordered,
        // so a < b is tested as b > a.
        let (x, y, test) = match op {
            Op::FLt => (b, a, Test::Cc(Cc::A)),
            Op::FLe => (b, a, Test::Cc(Cc::Ae)),
            Op::FGt => (a, b, Test::Cc(Cc::A)),
            Op::FGe => (a, b, Test::Cc(Cc::Ae)),
            Op::FEq => (a, b, Test::FEq),
            _ => (a, b, Test::FNe),
        };
        let rx = self.e.fpr(x, XSCRATCH_A);
        let ry = self.e.fpr(y, XSCRATCH_B);
        dynasm!(self.e.asm ; .arch x64 ; ucomisd Rx(rx), Rx(ry));
        test
    }

    /// The register holding the address (without offset) of a load or store.
    fn address(&mut self, base: Val, index: Option<Val>, scale: u8) -> u8 {
        let b = self.e.gpr(base, SCRATCH_B);
        let Some(index) = index else { return b };
        let x = self.e.gpr(index, SCRATCH_C);
        let a = &mut self.e.asm;
        match scale {
            1 => dynasm!(a ; .arch x64 ; lea Rq(SCRATCH_C), [Rq(b) + Rq(x)]),
            2 => dynasm!(a ; .arch x64 ; lea Rq(SCRATCH_C), [Rq(b) + Rq(x) * 2]),
            4 => dynasm!(a ; .arch x64 ; lea Rq(SCRATCH_C), [Rq(b) + Rq(x) * 4]),
            _ => dynasm!(a ; .arch x64 ; lea Rq(SCRATCH_C), [Rq(b) + Rq(x) * 8]),
        }
        SCRATCH_C
    }

    fn load(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (base, index) = inst.address();
        let (op, off) = (inst.op, inst.imm as i32);
        let r = self.address(base, index, inst.scale);
        let (form, d) = match op {
            Op::LdF64 => (enc::LOAD_F64, self.e.fdst(i)),
            Op::LdU8 => (enc::LOAD_U8, self.e.dst(i)),
            Op::LdU32 => (enc::LOAD32, self.e.dst(i)),
            _ => (enc::LOAD64, self.e.dst(i)),
        };
        enc::mem(&mut self.e.asm, form, d, r, off);
        self.e.finish(i, d);
    }

    fn store(&mut self, i: usize) {
        let inst = &self.e.trace.insts[i];
        let (base, index) = inst.address();
        let (op, off, value) = (inst.op, inst.imm as i32, inst.args[0]);
        if op == Op::StF64 {
            let x = self.e.fpr(value, XSCRATCH_A);
            let r = self.address(base, index, inst.scale);
            enc::mem(&mut self.e.asm, enc::STORE_F64, x, r, off);
            return;
        }
        let v = if op == Op::StU8 {
            // Byte stores go through al: sil/dil need a REX prefix that a
            // dynamic register cannot promise.
            self.e.load_gpr(SCRATCH_A, value);
            SCRATCH_A
        } else {
            self.e.gpr(value, SCRATCH_A)
        };
        let r = self.address(base, index, inst.scale);
        let form = match op {
            Op::StU8 => enc::STORE8,
            Op::StU32 => enc::STORE32,
            _ => enc::STORE64,
        };
        enc::mem(&mut self.e.asm, form, v, r, off);
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
