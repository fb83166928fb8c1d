//! Encoding primitives over dynasm: condition codes, immediates, memory
//! accesses at any offset, moves between value locations, and the frame
//! layout. Instruction selection (`lower`) builds on these and never spells
//! a move itself.

// dynasm expands a dynamic register `X(r)` to `r.into()`.
#![allow(clippy::useless_conversion)]

use dynasmrt::aarch64::{encode_logical_immediate_64bit, Aarch64Relocation};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use traces::regalloc::{Allocation, Loc, Place};
use traces::{Trace, Val};

use crate::regs::*;

pub type Asm = VecAssembler<Aarch64Relocation>;

/// The stack pointer's number as a base register.
pub const SP: u8 = 31;

/// Condition codes, by their encoding: the inverse of a condition is the
/// one with the low bit flipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Eq = 0,
    Ne = 1,
    Hs = 2,
    Lo = 3,
    Mi = 4,
    Pl = 5,
    Vs = 6,
    Vc = 7,
    Hi = 8,
    Ls = 9,
    Ge = 10,
    Lt = 11,
    Gt = 12,
    Le = 13,
}

impl Cond {
    pub fn inverse(self) -> Cond {
        use Cond::*;
        const ALL: [Cond; 14] = [Eq, Ne, Hs, Lo, Mi, Pl, Vs, Vc, Hi, Ls, Ge, Lt, Gt, Le];
        ALL[(self as usize) ^ 1]
    }
}

/// Width of a memory access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// One byte into or from a w register.
    B,
    /// Four bytes into or from a w register.
    W,
    /// Eight bytes into or from an x register.
    X,
    /// Eight bytes into or from a d register.
    D,
}

impl Width {
    fn bytes(self) -> i64 {
        match self {
            Width::B => 1,
            Width::W => 4,
            Width::X | Width::D => 8,
        }
    }
}

/// The emitter's view of the frame, from sp up: a save area for caller-saved
/// registers around calls (32 gprs, then 32 d registers), then spill slots.
/// The callee-saved registers pushed by the entry sit above.
pub struct Frame {
    pub slots: u32,
    /// Bytes below the pushed callee-saved registers; a multiple of 16.
    pub size: u32,
}

/// Bytes of callee-saved registers the entry pushes: x19-x30, d8-d15.
pub const PUSHED: u32 = 160;

impl Frame {
    pub fn new(slots: u32) -> Frame {
        let size = 8 * (64 + slots);
        Frame { slots, size: (size + 15) & !15 }
    }

    pub fn gpr_save(&self, r: u8) -> i64 {
        8 * r as i64
    }

    pub fn fpr_save(&self, d: u8) -> i64 {
        8 * (32 + d as i64)
    }

    pub fn slot(&self, s: u32) -> i64 {
        8 * (64 + s as i64)
    }
}

/// Moves between locations for one trace.
pub struct Emitter<'a> {
    pub asm: Asm,
    pub trace: &'a Trace,
    pub alloc: &'a Allocation,
    pub frame: Frame,
}

impl Emitter<'_> {
    pub fn loc(&self, v: Val) -> Loc {
        self.alloc.locs[v.index()]
    }

    pub fn const_bits(&self, v: Val) -> i64 {
        self.trace.insts[v.index()].imm
    }

    /// `b.cond l`.
    pub fn branch(&mut self, c: Cond, l: DynamicLabel) {
        let a = &mut self.asm;
        match c {
            Cond::Eq => dynasm!(a ; .arch aarch64 ; b.eq =>l),
            Cond::Ne => dynasm!(a ; .arch aarch64 ; b.ne =>l),
            Cond::Hs => dynasm!(a ; .arch aarch64 ; b.hs =>l),
            Cond::Lo => dynasm!(a ; .arch aarch64 ; b.lo =>l),
            Cond::Mi => dynasm!(a ; .arch aarch64 ; b.mi =>l),
            Cond::Pl => dynasm!(a ; .arch aarch64 ; b.pl =>l),
            Cond::Vs => dynasm!(a ; .arch aarch64 ; b.vs =>l),
            Cond::Vc => dynasm!(a ; .arch aarch64 ; b.vc =>l),
            Cond::Hi => dynasm!(a ; .arch aarch64 ; b.hi =>l),
            Cond::Ls => dynasm!(a ; .arch aarch64 ; b.ls =>l),
            Cond::Ge => dynasm!(a ; .arch aarch64 ; b.ge =>l),
            Cond::Lt => dynasm!(a ; .arch aarch64 ; b.lt =>l),
            Cond::Gt => dynasm!(a ; .arch aarch64 ; b.gt =>l),
            Cond::Le => dynasm!(a ; .arch aarch64 ; b.le =>l),
        }
    }

    /// `d = 1` when `c` holds, else 0.
    pub fn cset(&mut self, d: u8, c: Cond) {
        let a = &mut self.asm;
        match c {
            Cond::Eq => dynasm!(a ; .arch aarch64 ; cset X(d), eq),
            Cond::Ne => dynasm!(a ; .arch aarch64 ; cset X(d), ne),
            Cond::Hs => dynasm!(a ; .arch aarch64 ; cset X(d), hs),
            Cond::Lo => dynasm!(a ; .arch aarch64 ; cset X(d), lo),
            Cond::Mi => dynasm!(a ; .arch aarch64 ; cset X(d), mi),
            Cond::Pl => dynasm!(a ; .arch aarch64 ; cset X(d), pl),
            Cond::Vs => dynasm!(a ; .arch aarch64 ; cset X(d), vs),
            Cond::Vc => dynasm!(a ; .arch aarch64 ; cset X(d), vc),
            Cond::Hi => dynasm!(a ; .arch aarch64 ; cset X(d), hi),
            Cond::Ls => dynasm!(a ; .arch aarch64 ; cset X(d), ls),
            Cond::Ge => dynasm!(a ; .arch aarch64 ; cset X(d), ge),
            Cond::Lt => dynasm!(a ; .arch aarch64 ; cset X(d), lt),
            Cond::Gt => dynasm!(a ; .arch aarch64 ; cset X(d), gt),
            Cond::Le => dynasm!(a ; .arch aarch64 ; cset X(d), le),
        }
    }

    /// `dst = imm` in at most four instructions: movz (or movn when most
    /// halfwords are all ones), then movk for each remaining halfword; or
    /// one orr when that would take more and `imm` is a bitmask immediate.
    pub fn mov_imm(&mut self, dst: u8, imm: i64) {
        let v = imm as u64;
        let half = |k: u32| ((v >> (16 * k)) & 0xffff) as u32;
        let ones = (0..4).filter(|&k| half(k) == 0xffff).count();
        let zeros = (0..4).filter(|&k| half(k) == 0).count();
        if ones.max(zeros) < 3 && encode_logical_immediate_64bit(v).is_some() {
            dynasm!(self.asm ; .arch aarch64 ; orr XSP(dst), xzr, v);
            return;
        }
        let inverted = ones > zeros;
        let skip = if inverted { 0xffff } else { 0 };
        // 0 and -1 are one move of the low halfword.
        let all_skipped = (0..4).all(|k| half(k) == skip);
        let mut first = true;
        for k in 0..4 {
            let h = half(k);
            if h == skip && !(all_skipped && k == 0) {
                continue;
            }
            let a = &mut self.asm;
            if first && inverted {
                let h = !h & 0xffff;
                match k {
                    0 => dynasm!(a ; .arch aarch64 ; movn X(dst), h),
                    1 => dynasm!(a ; .arch aarch64 ; movn X(dst), h, lsl 16),
                    2 => dynasm!(a ; .arch aarch64 ; movn X(dst), h, lsl 32),
                    _ => dynasm!(a ; .arch aarch64 ; movn X(dst), h, lsl 48),
                }
            } else if first {
                match k {
                    0 => dynasm!(a ; .arch aarch64 ; movz X(dst), h),
                    1 => dynasm!(a ; .arch aarch64 ; movz X(dst), h, lsl 16),
                    2 => dynasm!(a ; .arch aarch64 ; movz X(dst), h, lsl 32),
                    _ => dynasm!(a ; .arch aarch64 ; movz X(dst), h, lsl 48),
                }
            } else {
                match k {
                    0 => dynasm!(a ; .arch aarch64 ; movk X(dst), h),
                    1 => dynasm!(a ; .arch aarch64 ; movk X(dst), h, lsl 16),
                    2 => dynasm!(a ; .arch aarch64 ; movk X(dst), h, lsl 32),
                    _ => dynasm!(a ; .arch aarch64 ; movk X(dst), h, lsl 48),
                }
            }
            first = false;
        }
    }

    pub fn mov_rr(&mut self, dst: u8, src: u8) {
        if dst != src {
            dynasm!(self.asm ; .arch aarch64 ; mov X(dst), X(src));
        }
    }

    pub fn fmov_rr(&mut self, dst: u8, src: u8) {
        if dst != src {
            dynasm!(self.asm ; .arch aarch64 ; fmov D(dst), D(src));
        }
    }

    /// Loads (`store` false) or stores register `r` at `[base + off]`
    /// (`base` 31 is sp), choosing the scaled, the unscaled or, for offsets
    /// neither reaches, the register-offset form through SCRATCH_FAR.
    pub fn access(&mut self, store: bool, width: Width, r: u8, base: u8, off: i64) {
        let size = width.bytes();
        let scaled = off >= 0 && off % size == 0 && off / size < 4096;
        let unscaled = (-256..256).contains(&off);
        let a = &mut self.asm;
        if scaled {
            let o = off as u32;
            match (store, width) {
                (false, Width::B) => dynasm!(a ; .arch aarch64 ; ldrb W(r), [XSP(base), o]),
                (false, Width::W) => dynasm!(a ; .arch aarch64 ; ldr W(r), [XSP(base), o]),
                (false, Width::X) => dynasm!(a ; .arch aarch64 ; ldr X(r), [XSP(base), o]),
                (false, Width::D) => dynasm!(a ; .arch aarch64 ; ldr D(r), [XSP(base), o]),
                (true, Width::B) => dynasm!(a ; .arch aarch64 ; strb W(r), [XSP(base), o]),
                (true, Width::W) => dynasm!(a ; .arch aarch64 ; str W(r), [XSP(base), o]),
                (true, Width::X) => dynasm!(a ; .arch aarch64 ; str X(r), [XSP(base), o]),
                (true, Width::D) => dynasm!(a ; .arch aarch64 ; str D(r), [XSP(base), o]),
            }
        } else if unscaled {
            let o = off as i32;
            match (store, width) {
                (false, Width::B) => dynasm!(a ; .arch aarch64 ; ldurb W(r), [XSP(base), o]),
                (false, Width::W) => dynasm!(a ; .arch aarch64 ; ldur W(r), [XSP(base), o]),
                (false, Width::X) => dynasm!(a ; .arch aarch64 ; ldur X(r), [XSP(base), o]),
                (false, Width::D) => dynasm!(a ; .arch aarch64 ; ldur D(r), [XSP(base), o]),
                (true, Width::B) => dynasm!(a ; .arch aarch64 ; sturb W(r), [XSP(base), o]),
                (true, Width::W) => dynasm!(a ; .arch aarch64 ; stur W(r), [XSP(base), o]),
                (true, Width::X) => dynasm!(a ; .arch aarch64 ; stur X(r), [XSP(base), o]),
                (true, Width::D) => dynasm!(a ; .arch aarch64 ; stur D(r), [XSP(base), o]),
            }
        } else {
            self.mov_imm(SCRATCH_FAR, off);
            let (a, x) = (&mut self.asm, SCRATCH_FAR);
            match (store, width) {
                (false, Width::B) => dynasm!(a ; .arch aarch64 ; ldrb W(r), [XSP(base), X(x)]),
                (false, Width::W) => dynasm!(a ; .arch aarch64 ; ldr W(r), [XSP(base), X(x)]),
                (false, Width::X) => dynasm!(a ; .arch aarch64 ; ldr X(r), [XSP(base), X(x)]),
                (false, Width::D) => dynasm!(a ; .arch aarch64 ; ldr D(r), [XSP(base), X(x)]),
                (true, Width::B) => dynasm!(a ; .arch aarch64 ; strb W(r), [XSP(base), X(x)]),
                (true, Width::W) => dynasm!(a ; .arch aarch64 ; str W(r), [XSP(base), X(x)]),
                (true, Width::X) => dynasm!(a ; .arch aarch64 ; str X(r), [XSP(base), X(x)]),
                (true, Width::D) => dynasm!(a ; .arch aarch64 ; str D(r), [XSP(base), X(x)]),
            }
        }
    }

    pub fn load_sp(&mut self, dst: u8, off: i64) {
        self.access(false, Width::X, dst, SP, off);
    }

    pub fn store_sp(&mut self, off: i64, src: u8) {
        self.access(true, Width::X, src, SP, off);
    }

    pub fn fload_sp(&mut self, dst: u8, off: i64) {
        self.access(false, Width::D, dst, SP, off);
    }

    pub fn fstore_sp(&mut self, off: i64, src: u8) {
        self.access(true, Width::D, src, SP, off);
    }

    /// Puts gpr value `v` into register `dst`.
    pub fn load_gpr(&mut self, dst: u8, v: Val) {
        match self.loc(v) {
            Loc::Reg(r) => self.mov_rr(dst, r),
            Loc::Slot(s) => self.load_sp(dst, self.frame.slot(s)),
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

    /// `v` as an unsigned 12-bit immediate, if it is a constant that fits.
    pub fn imm12(&self, v: Val) -> Option<u32> {
        self.signed_imm12(v).and_then(|k| u32::try_from(k).ok())
    }

    /// `v` as a 12-bit immediate and a sign, if it is a constant whose
    /// magnitude fits: add, sub and cmp take the other one of their pair
    /// (sub, add, cmn) for a negative constant.
    pub fn signed_imm12(&self, v: Val) -> Option<i32> {
        match self.loc(v) {
            Loc::Const => i32::try_from(self.const_bits(v)).ok().filter(|k| k.abs() < 4096),
            _ => None,
        }
    }

    /// `cmp r, k` for any constant `k`: an immediate (or cmn's) when its
    /// magnitude fits 12 bits, else through SCRATCH_C.
    pub fn cmp_imm(&mut self, r: u8, k: i64) {
        match i32::try_from(k).ok().filter(|k| k.abs() < 4096) {
            Some(k) if k >= 0 => dynasm!(self.asm ; .arch aarch64 ; cmp XSP(r), k as u32),
            Some(k) => dynasm!(self.asm ; .arch aarch64 ; cmn XSP(r), (-k) as u32),
            None => {
                self.mov_imm(SCRATCH_C, k);
                dynasm!(self.asm ; .arch aarch64 ; cmp X(r), X(SCRATCH_C));
            }
        }
    }

    /// Puts float value `v` into d register `dst` (constants go through
    /// SCRATCH_B).
    pub fn load_fpr(&mut self, dst: u8, v: Val) {
        match self.loc(v) {
            Loc::Reg(r) => self.fmov_rr(dst, r),
            Loc::Slot(s) => self.fload_sp(dst, self.frame.slot(s)),
            Loc::Const | Loc::None => {
                let r = self.gpr(v, SCRATCH_B);
                dynasm!(self.asm ; .arch aarch64 ; fmov D(dst), X(r));
            }
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
            _ => DSCRATCH_A,
        }
    }

    /// Writes a result computed in `r` to its spill slot, if it has one.
    pub fn finish(&mut self, i: usize, r: u8) {
        if let Loc::Slot(s) = self.alloc.locs[i] {
            if self.trace.insts[i].ty.is_float() {
                self.fstore_sp(self.frame.slot(s), r);
            } else {
                self.store_sp(self.frame.slot(s), r);
            }
        }
    }

    /// One move of a parallel move sequence (see
    /// `traces::regalloc::sequentialize`). The temporary is SCRATCH_A;
    /// SCRATCH_B carries slot-to-slot moves and constants.
    pub fn place_move(&mut self, dst: Place, src: Place) {
        match (dst, src) {
            (Place::Reg(d), Place::Reg(s)) => self.mov_rr(d, s),
            (Place::FReg(d), Place::FReg(s)) => self.fmov_rr(d, s),
            (Place::Reg(d), Place::Temp) => self.mov_rr(d, SCRATCH_A),
            (Place::Temp, Place::Reg(s)) => self.mov_rr(SCRATCH_A, s),
            (Place::FReg(d), Place::Temp) => {
                dynasm!(self.asm ; .arch aarch64 ; fmov D(d), X(SCRATCH_A))
            }
            (Place::Temp, Place::FReg(s)) => {
                dynasm!(self.asm ; .arch aarch64 ; fmov X(SCRATCH_A), D(s))
            }
            (Place::Reg(d), Place::Slot(s)) => self.load_sp(d, self.frame.slot(s)),
            (Place::Temp, Place::Slot(s)) => self.load_sp(SCRATCH_A, self.frame.slot(s)),
            (Place::FReg(d), Place::Slot(s)) => self.fload_sp(d, self.frame.slot(s)),
            (Place::Slot(d), Place::Reg(s)) => self.store_sp(self.frame.slot(d), s),
            (Place::Slot(d), Place::Temp) => self.store_sp(self.frame.slot(d), SCRATCH_A),
            (Place::Slot(d), Place::FReg(s)) => self.fstore_sp(self.frame.slot(d), s),
            (Place::Slot(d), Place::Slot(s)) => {
                self.load_sp(SCRATCH_B, self.frame.slot(s));
                self.store_sp(self.frame.slot(d), SCRATCH_B);
            }
            (Place::Reg(d), Place::Const(v)) => self.mov_imm(d, self.const_bits(v)),
            (Place::FReg(d), Place::Const(v)) => self.load_fpr(d, v),
            (Place::Slot(d), Place::Const(v)) => {
                let r = self.gpr(v, SCRATCH_B);
                self.store_sp(self.frame.slot(d), r);
            }
            // A value never moves between register classes except through
            // the temporary, and constants are never destinations.
            _ => {}
        }
    }

    /// Writes value `v` into state word `k` (exit records, GC roots).
    /// Leaves SCRATCH_A alone: exit stubs hold the exit number there.
    pub fn store_state(&mut self, k: usize, v: Val) {
        let off = 8 * k as i64;
        match (self.loc(v), self.trace.ty(v).is_float()) {
            (Loc::Reg(d), true) => self.access(true, Width::D, d, STATE, off),
            _ => {
                let r = self.gpr(v, SCRATCH_B);
                self.access(true, Width::X, r, STATE, off);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_invert_by_their_low_bit() {
        assert_eq!(Cond::Eq.inverse(), Cond::Ne);
        assert_eq!(Cond::Lt.inverse(), Cond::Ge);
        assert_eq!(Cond::Mi.inverse(), Cond::Pl);
        assert_eq!(Cond::Hi.inverse(), Cond::Ls);
        assert_eq!(Cond::Le.inverse(), Cond::Gt);
    }

    /// The instruction words `emit` produces on an emitter over an empty trace.
    fn words(emit: impl FnOnce(&mut Emitter)) -> Vec<u32> {
        let trace = Trace::new("empty");
        let alloc = traces::regalloc::allocate(&trace, &crate::regs::reg_file());
        let mut e =
            Emitter { asm: Asm::new(0), trace: &trace, alloc: &alloc, frame: Frame::new(0) };
        emit(&mut e);
        let code = e.asm.finalize().expect("assembles");
        code.chunks(4).map(|c| u32::from_le_bytes(c.try_into().expect("whole words"))).collect()
    }

    #[test]
    fn constants_take_the_shortest_sequence() {
        // movz x0, 5
        assert_eq!(words(|e| e.mov_imm(0, 5)), [0xd28000a0]);
        // movn x0, 0 (-1) and movn x0, 1 (-2)
        assert_eq!(words(|e| e.mov_imm(0, -1)), [0x92800000]);
        assert_eq!(words(|e| e.mov_imm(0, -2)), [0x92800020]);
        // movz x0, 0 for zero
        assert_eq!(words(|e| e.mov_imm(0, 0)), [0xd2800000]);
        // orr x0, xzr, 0x5555555555555555
        assert_eq!(words(|e| e.mov_imm(0, 0x5555_5555_5555_5555)), [0xb200f3e0]);
        assert_eq!(words(|e| e.mov_imm(0, 0x1234_5678_9abc_def0)).len(), 4);
        assert_eq!(words(|e| e.mov_imm(0, 0x1_0000_0001)).len(), 1, "a bitmask");
        assert_eq!(words(|e| e.mov_imm(0, 0x1_0000_0003)).len(), 2);
        assert_eq!(words(|e| e.mov_imm(0, i64::MIN)).len(), 1);
    }

    #[test]
    fn accesses_pick_the_form_their_offset_fits() {
        // ldr x1, [x19, 32760]: the largest scaled offset.
        assert_eq!(words(|e| e.access(false, Width::X, 1, 19, 32760)), [0xf97ffe61]);
        // ldur x1, [x19, -8]
        assert_eq!(words(|e| e.access(false, Width::X, 1, 19, -8)), [0xf85f8261]);
        // Unaligned and far offsets: the unscaled form, then a register.
        assert_eq!(words(|e| e.access(false, Width::X, 1, 19, 3)).len(), 1);
        assert_eq!(words(|e| e.access(true, Width::D, 1, SP, 32768)).len(), 2);
        assert_eq!(words(|e| e.access(true, Width::B, 1, 19, 4095)).len(), 1);
        assert_eq!(words(|e| e.access(true, Width::W, 1, 19, -1_000_000)).len(), 3);
    }

    #[test]
    fn frames_stay_aligned() {
        for slots in 0..5 {
            assert_eq!(Frame::new(slots).size % 16, 0);
        }
        assert_eq!(Frame::new(3).slot(0), 512);
    }
}
