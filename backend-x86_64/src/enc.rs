//! Hand encoding of `reg, [base + disp]` memory operands.
//!
//! dynasm sizes a memory operand when the macro is expanded. With a base
//! register chosen at run time it cannot know whether the register needs a
//! SIB byte (rsp, r12) or a displacement (rbp, r13), and with a displacement
//! chosen at run time it cannot know that it fits a byte; so it emits the
//! general form, a SIB byte and a 32-bit displacement, four bytes more than
//! `mov rax, [rcx + 8]` needs. Trace code is mostly loads, stores and spills
//! whose code is cold (a trace often runs once per round of a program's
//! work), so those bytes are instruction-cache misses. This module emits the
//! shortest form: no displacement when it is zero, one byte when it fits,
//! and a SIB byte only where the encoding requires one.

use dynasmrt::DynasmApi;

use crate::asm::Asm;

/// One instruction form taking a register and a memory operand: the
/// mandatory prefix, whether it is 64-bit (REX.W), and the opcode bytes.
#[derive(Clone, Copy, Debug)]
pub struct MemOp {
    prefix: Option<u8>,
    wide: bool,
    opcode: &'static [u8],
}

const fn op(prefix: Option<u8>, wide: bool, opcode: &'static [u8]) -> MemOp {
    MemOp { prefix, wide, opcode }
}

/// `mov r64, [m]`
pub const LOAD64: MemOp = op(None, true, &[0x8B]);
/// `mov [m], r64`
pub const STORE64: MemOp = op(None, true, &[0x89]);
/// `mov r32, [m]` (zero-extends)
pub const LOAD32: MemOp = op(None, false, &[0x8B]);
/// `mov [m], r32`
pub const STORE32: MemOp = op(None, false, &[0x89]);
/// `movzx r32, byte [m]`
pub const LOAD_U8: MemOp = op(None, false, &[0x0F, 0xB6]);
/// `mov byte [m], r8`: only al, cl, dl or bl (without REX, 4 to 7 would
/// name ah to bh, with it spl to dil).
pub const STORE8: MemOp = op(None, false, &[0x88]);
/// `movsd xmm, [m]`
pub const LOAD_F64: MemOp = op(Some(0xF2), false, &[0x0F, 0x10]);
/// `movsd [m], xmm`
pub const STORE_F64: MemOp = op(Some(0xF2), false, &[0x0F, 0x11]);
/// `mov qword [m], imm32` (sign-extended); the register field is the
/// opcode extension 0, the immediate follows (see [`store_imm`]).
const STORE_IMM64: MemOp = op(None, true, &[0xC7]);

/// Emits `op reg, [base + disp]` in its shortest encoding.
pub fn mem(asm: &mut Asm, op: MemOp, reg: u8, base: u8, disp: i32) {
    debug_assert!(reg < 16 && base < 16);
    debug_assert!(
        op.opcode != STORE8.opcode || reg < 4,
        "byte store of a register without a byte form"
    );
    if let Some(p) = op.prefix {
        asm.push(p);
    }
    let rex = 0x40 | (u8::from(op.wide) << 3) | ((reg >> 3) << 2) | (base >> 3);
    if rex != 0x40 {
        asm.push(rex);
    }
    asm.extend(op.opcode.iter().copied());
    let (reg, rm) = (reg & 7, base & 7);
    // rbp and r13 (rm 5) have no form without a displacement: mod 00 with
    // rm 5 means rip-relative.
    let mode: u8 = if disp == 0 && rm != 5 {
        0b00
    } else if i8::try_from(disp).is_ok() {
        0b01
    } else {
        0b10
    };
    asm.push((mode << 6) | (reg << 3) | rm);
    // rsp and r12 (rm 4) name a SIB byte; base = rm, no index.
    if rm == 4 {
        asm.push(0x24);
    }
    match mode {
        0b01 => asm.push(disp as i8 as u8),
        0b10 => asm.push_i32(disp),
        _ => {}
    }
}

/// Emits `mov qword [base + disp], imm` (the immediate sign-extended).
pub fn store_imm(asm: &mut Asm, base: u8, disp: i32, imm: i32) {
    mem(asm, STORE_IMM64, 0, base, disp);
    asm.push_i32(imm);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regs::*;

    fn bytes(f: impl FnOnce(&mut Asm)) -> Vec<u8> {
        let mut asm = Asm::new(0);
        f(&mut asm);
        asm.finalize().unwrap()
    }

    // Expected bytes are GNU as's encodings of the same instructions.
    #[test]
    fn shortest_displacement() {
        assert_eq!(bytes(|a| mem(a, LOAD64, RAX, RCX, 0)), [0x48, 0x8B, 0x01]);
        assert_eq!(bytes(|a| mem(a, LOAD64, RAX, RCX, 8)), [0x48, 0x8B, 0x41, 0x08]);
        assert_eq!(bytes(|a| mem(a, LOAD64, RAX, RCX, -128)), [0x48, 0x8B, 0x41, 0x80]);
        assert_eq!(
            bytes(|a| mem(a, LOAD64, RAX, RCX, 128)),
            [0x48, 0x8B, 0x81, 0x80, 0x00, 0x00, 0x00]
        );
    }

    #[test]
    fn bases_needing_sib_or_displacement() {
        // mov rdx, [rsp]; mov rdx, [r12 + 16]; mov rdx, [rbp]; mov r9, [r13]
        assert_eq!(bytes(|a| mem(a, LOAD64, RDX, 4, 0)), [0x48, 0x8B, 0x14, 0x24]);
        assert_eq!(bytes(|a| mem(a, LOAD64, RDX, R12, 16)), [0x49, 0x8B, 0x54, 0x24, 0x10]);
        assert_eq!(bytes(|a| mem(a, LOAD64, RDX, RBP, 0)), [0x48, 0x8B, 0x55, 0x00]);
        assert_eq!(bytes(|a| mem(a, LOAD64, R9, R13, 0)), [0x4D, 0x8B, 0x4D, 0x00]);
    }

    #[test]
    fn forms() {
        // mov [r8 + 8], r15
        assert_eq!(bytes(|a| mem(a, STORE64, R15, R8, 8)), [0x4D, 0x89, 0x78, 0x08]);
        // mov esi, [rdi + 4]; mov [rdi + 4], esi
        assert_eq!(bytes(|a| mem(a, LOAD32, RSI, RDI, 4)), [0x8B, 0x77, 0x04]);
        assert_eq!(bytes(|a| mem(a, STORE32, RSI, RDI, 4)), [0x89, 0x77, 0x04]);
        // movzx r10d, byte [rax + 1]
        assert_eq!(bytes(|a| mem(a, LOAD_U8, R10, RAX, 1)), [0x44, 0x0F, 0xB6, 0x50, 0x01]);
        // mov byte [r11 + 2], al
        assert_eq!(bytes(|a| mem(a, STORE8, RAX, R11, 2)), [0x41, 0x88, 0x43, 0x02]);
        // movsd xmm9, [rbx + 24]; movsd [rsp + 8], xmm1
        assert_eq!(bytes(|a| mem(a, LOAD_F64, 9, RBX, 24)), [0xF2, 0x44, 0x0F, 0x10, 0x4B, 0x18]);
        assert_eq!(bytes(|a| mem(a, STORE_F64, 1, 4, 8)), [0xF2, 0x0F, 0x11, 0x4C, 0x24, 0x08]);
        // mov qword [rbx + 16], -1
        assert_eq!(
            bytes(|a| store_imm(a, RBX, 16, -1)),
            [0x48, 0xC7, 0x43, 0x10, 0xFF, 0xFF, 0xFF, 0xFF]
        );
    }
}
