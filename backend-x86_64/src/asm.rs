//! Encoding primitives over dynasm: condition codes, moves between value
//! locations, and the frame layout. Instruction selection (`lower`) builds
//! on these and never spells a move itself.

// dynasm expands a dynamic register `Rq(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use traces::regalloc::{Allocation, Loc, Place};
use traces::{Trace, Val};

use crate::enc;
use crate::pool::Pool;
use crate::regs::*;

pub type Asm = VecAssembler<X64Relocation>;

/// Condition codes of jcc and setcc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cc {
    O,
    E,
    Ne,
    L,
    Le,
    G,
    Ge,
    B,
    Be,
    A,
    Ae,
}

impl Cc {
    pub fn inverse(self) -> Cc {
        match self {
            // Overflow is only ever branched on, never inverted.
            Cc::O => Cc::O,
            Cc::E => Cc::Ne,
            Cc::Ne => Cc::E,
            Cc::L => Cc::Ge,
            Cc::Ge => Cc::L,
            Cc::Le => Cc::G,
            Cc::G => Cc::Le,
            Cc::B => Cc::Ae,
            Cc::Ae => Cc::B,
            Cc::Be => Cc::A,
            Cc::A => Cc::Be,
        }
    }
}

/// What a compare left in the flags: a condition code, or one of the two
/// float equalities that also need the parity flag (unordered).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    Cc(Cc),
    /// Equal and ordered.
    FEq,
    /// Not equal or unordered.
    FNe,
}

impl Test {
    pub fn negate(self) -> Test {
        match self {
            Test::Cc(c) => Test::Cc(c.inverse()),
            Test::FEq => Test::FNe,
            Test::FNe => Test::FEq,
        }
    }
}

/// The emitter's view of the frame: spill slots, then a save area for
/// caller-saved registers around calls (16 gprs, then 16 xmm low halves).
pub struct Frame {
    pub slots: u32,
    /// Bytes below the pushed callee-saved registers; keeps rsp 16-aligned.
    pub size: i32,
}

impl Frame {
    pub fn new(slots: u32) -> Frame {
        let mut size = 8 * (slots as i32 + 32);
        if size % 16 == 0 {
            size += 8;
        }
        Frame { slots, size }
    }

    pub fn slot(&self, s: u32) -> i32 {
        8 * s as i32
    }

    pub fn gpr_save(&self, r: u8) -> i32 {
        8 * (self.slots as i32 + r as i32)
    }

    pub fn fpr_save(&self, x: u8) -> i32 {
        8 * (self.slots as i32 + 16 + x as i32)
    }
}

/// Moves between locations for one trace.
pub struct Emitter<'a> {
    pub asm: Asm,
    pub trace: &'a Trace,
    pub alloc: &'a Allocation,
    pub frame: Frame,
    pub pool: Pool,
}

impl Emitter<'_> {
    pub fn loc(&self, v: Val) -> Loc {
        self.alloc.locs[v.index()]
    }

    pub fn const_bits(&self, v: Val) -> i64 {
        self.trace.insts[v.index()].imm
    }

    pub fn jcc(&mut self, cc: Cc, l: DynamicLabel) {
        let a = &mut self.asm;
        match cc {
            Cc::O => dynasm!(a ; .arch x64 ; jo =>l),
            Cc::E => dynasm!(a ; .arch x64 ; je =>l),
            Cc::Ne => dynasm!(a ; .arch x64 ; jne =>l),
            Cc::L => dynasm!(a ; .arch x64 ; jl =>l),
            Cc::Le => dynasm!(a ; .arch x64 ; jle =>l),
            Cc::G => dynasm!(a ; .arch x64 ; jg =>l),
            Cc::Ge => dynasm!(a ; .arch x64 ; jge =>l),
            Cc::B => dynasm!(a ; .arch x64 ; jb =>l),
            Cc::Be => dynasm!(a ; .arch x64 ; jbe =>l),
            Cc::A => dynasm!(a ; .arch x64 ; ja =>l),
            Cc::Ae => dynasm!(a ; .arch x64 ; jae =>l),
        }
    }

    /// Jumps to `l` when `test` holds.
    pub fn branch(&mut self, test: Test, l: DynamicLabel) {
        let a = &mut self.asm;
        match test {
            Test::Cc(cc) => self.jcc(cc, l),
            Test::FNe => dynasm!(a ; .arch x64 ; jne =>l ; jp =>l),
            Test::FEq => dynasm!(a ; .arch x64 ; jp >skip ; je =>l ; skip:),
        }
    }

    /// Sets al to 1 when `test` holds, else 0 (clobbers cl for float tests).
    pub fn set_al(&mut self, test: Test) {
        let a = &mut self.asm;
        match test {
            Test::Cc(cc) => match cc {
                Cc::O => dynasm!(a ; .arch x64 ; seto al),
                Cc::E => dynasm!(a ; .arch x64 ; sete al),
                Cc::Ne => dynasm!(a ; .arch x64 ; setne al),
                Cc::L => dynasm!(a ; .arch x64 ; setl al),
                Cc::Le => dynasm!(a ; .arch x64 ; setle al),
                Cc::G => dynasm!(a ; .arch x64 ; setg al),
                Cc::Ge => dynasm!(a ; .arch x64 ; setge al),
                Cc::B => dynasm!(a ; .arch x64 ; setb al),
                Cc::Be => dynasm!(a ; .arch x64 ; setbe al),
                Cc::A => dynasm!(a ; .arch x64 ; seta al),
                Cc::Ae => dynasm!(a ; .arch x64 ; setae al),
            },
            Test::FEq => dynasm!(a ; .arch x64 ; sete al ; setnp cl ; and al, cl),
            Test::FNe => dynasm!(a ; .arch x64 ; setne al ; setp cl ; or al, cl),
        }
    }

    /// `dst = imm`, without touching the flags.
    pub fn mov_imm(&mut self, dst: u8, imm: i64) {
        let a = &mut self.asm;
        if let Ok(u) = u32::try_from(imm) {
            dynasm!(a ; .arch x64 ; mov Rd(dst), u as i32);
        } else if let Ok(s) = i32::try_from(imm) {
            dynasm!(a ; .arch x64 ; mov Rq(dst), s);
        } else {
            let l = self.pool.label(a, imm);
            dynasm!(a ; .arch x64 ; mov Rq(dst), QWORD [=>l]);
        }
    }

    /// `dst = bits` as a float register's low half (upper half zeroed).
    pub fn fconst(&mut self, dst: u8, bits: i64) {
        if bits == 0 {
            dynasm!(self.asm ; .arch x64 ; xorps Rx(dst), Rx(dst));
        } else {
            let l = self.pool.label(&mut self.asm, bits);
            dynasm!(self.asm ; .arch x64 ; movsd Rx(dst), QWORD [=>l]);
        }
    }

    pub fn mov_rr(&mut self, dst: u8, src: u8) {
        if dst != src {
            dynasm!(self.asm ; .arch x64 ; mov Rq(dst), Rq(src));
        }
    }

    pub fn movapd(&mut self, dst: u8, src: u8) {
        if dst != src {
            dynasm!(self.asm ; .arch x64 ; movapd Rx(dst), Rx(src));
        }
    }

    pub fn load_rsp(&mut self, dst: u8, off: i32) {
        enc::mem(&mut self.asm, enc::LOAD64, dst, RSP, off);
    }

    pub fn store_rsp(&mut self, off: i32, src: u8) {
        enc::mem(&mut self.asm, enc::STORE64, src, RSP, off);
    }

    pub fn fload_rsp(&mut self, dst: u8, off: i32) {
        enc::mem(&mut self.asm, enc::LOAD_F64, dst, RSP, off);
    }

    pub fn fstore_rsp(&mut self, off: i32, src: u8) {
        enc::mem(&mut self.asm, enc::STORE_F64, src, RSP, off);
    }

    /// Puts gpr value `v` into register `dst`.
    pub fn load_gpr(&mut self, dst: u8, v: Val) {
        match self.loc(v) {
            Loc::Reg(r) => self.mov_rr(dst, r),
            Loc::Slot(s) => self.load_rsp(dst, self.frame.slot(s)),
            Loc::Const | Loc::None => self.mov_imm(dst, self.const_bits(v)),
        }
    }

    /// A register holding gpr value `v`: its own, or `scratch` loaded.
    pub fn gpr(&mut self, v: Val, scratch: u8) -> u8 {
        match self.loc(v) {
            Loc::Reg(r) => r,
            _ => {
                self.load_gpr(scratch, v);
                scratch
            }
        }
    }

    /// `v` as a sign-extended 32-bit immediate, if it is a constant that fits.
    pub fn imm32(&self, v: Val) -> Option<i32> {
        match self.loc(v) {
            Loc::Const => i32::try_from(self.const_bits(v)).ok(),
            _ => None,
        }
    }

    /// Puts float value `v` into xmm `dst`.
    pub fn load_fpr(&mut self, dst: u8, v: Val) {
        match self.loc(v) {
            Loc::Reg(r) => self.movapd(dst, r),
            Loc::Slot(s) => self.fload_rsp(dst, self.frame.slot(s)),
            Loc::Const | Loc::None => self.fconst(dst, self.const_bits(v)),
        }
    }

    pub fn fpr(&mut self, v: Val, scratch: u8) -> u8 {
        match self.loc(v) {
            Loc::Reg(r) => r,
            _ => {
                self.load_fpr(scratch, v);
                scratch
            }
        }
    }

    /// The register an instruction's gpr result is computed in.
    pub fn dst(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Reg(r) => r,
            _ => SCRATCH_A,
        }
    }

    pub fn fdst(&self, i: usize) -> u8 {
        match self.alloc.locs[i] {
            Loc::Reg(r) => r,
            _ => XSCRATCH_A,
        }
    }

    /// Writes a result computed in `r` to its spill slot, if it has one.
    pub fn finish(&mut self, i: usize, r: u8) {
        if let Loc::Slot(s) = self.alloc.locs[i] {
            if self.trace.insts[i].ty.is_float() {
                self.fstore_rsp(self.frame.slot(s), r);
            } else {
                self.store_rsp(self.frame.slot(s), r);
            }
        }
    }

    /// One move of a parallel move sequence (see
    /// `traces::regalloc::sequentialize`). The temporary is rax; rcx carries
    /// slot-to-slot moves and float constants.
    pub fn place_move(&mut self, dst: Place, src: Place) {
        match (dst, src) {
            (Place::Reg(d), Place::Reg(s)) => self.mov_rr(d, s),
            (Place::FReg(d), Place::FReg(s)) => self.movapd(d, s),
            (Place::Reg(d), Place::Temp) => self.mov_rr(d, SCRATCH_A),
            (Place::Temp, Place::Reg(s)) => self.mov_rr(SCRATCH_A, s),
            (Place::FReg(d), Place::Temp) => dynasm!(self.asm ; .arch x64 ; movq Rx(d), rax),
            (Place::Temp, Place::FReg(s)) => dynasm!(self.asm ; .arch x64 ; movq rax, Rx(s)),
            (Place::Reg(d), Place::Slot(s)) => self.load_rsp(d, self.frame.slot(s)),
            (Place::Temp, Place::Slot(s)) => self.load_rsp(SCRATCH_A, self.frame.slot(s)),
            (Place::FReg(d), Place::Slot(s)) => self.fload_rsp(d, self.frame.slot(s)),
            (Place::Slot(d), Place::Reg(s)) => self.store_rsp(self.frame.slot(d), s),
            (Place::Slot(d), Place::Temp) => self.store_rsp(self.frame.slot(d), SCRATCH_A),
            (Place::Slot(d), Place::FReg(s)) => self.fstore_rsp(self.frame.slot(d), s),
            (Place::Slot(d), Place::Slot(s)) => {
                self.load_rsp(SCRATCH_B, self.frame.slot(s));
                self.store_rsp(self.frame.slot(d), SCRATCH_B);
            }
            (Place::Reg(d), Place::Const(v)) => self.mov_imm(d, self.const_bits(v)),
            (Place::FReg(d), Place::Const(v)) => self.load_fpr(d, v),
            (Place::Slot(d), Place::Const(v)) => {
                self.mov_imm(SCRATCH_B, self.const_bits(v));
                self.store_rsp(self.frame.slot(d), SCRATCH_B);
            }
            // A value never moves between register classes except through
            // the temporary, and constants are never destinations.
            _ => {}
        }
    }

    /// Writes value `v` into state word `k` (exit records, GC roots).
    /// Leaves rax alone: exit stubs hold the exit number there.
    pub fn store_state(&mut self, k: usize, v: Val) {
        let off = 8 * k as i32;
        match (self.loc(v), self.trace.ty(v).is_float()) {
            (Loc::Reg(x), true) => enc::mem(&mut self.asm, enc::STORE_F64, x, STATE, off),
            (Loc::Reg(r), false) => enc::mem(&mut self.asm, enc::STORE64, r, STATE, off),
            (Loc::Const, _) if i32::try_from(self.const_bits(v)).is_ok() => {
                let imm = self.const_bits(v) as i32;
                enc::store_imm(&mut self.asm, STATE, off, imm);
            }
            _ => {
                let r = self.gpr(v, SCRATCH_B);
                enc::mem(&mut self.asm, enc::STORE64, r, STATE, off);
            }
        }
    }
}
