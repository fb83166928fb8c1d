//! The AArch64 register file as the allocator sees it (AAPCS64), and the
//! registers the backend keeps for itself.

use traces::regalloc::{RegClass, RegFile};

/// Holds the state pointer for the whole trace (callee-saved, so calls keep it).
pub const STATE: u8 = 19;
/// Scratch: results of spilled values, constants, cycle breaking, the exit
/// number in exit stubs. IP0: nothing the allocator sees lives here.
pub const SCRATCH_A: u8 = 16;
/// Scratch: first operands, helper addresses. IP1.
pub const SCRATCH_B: u8 = 17;
/// Scratch: second operands, indexed addresses.
pub const SCRATCH_C: u8 = 15;
/// Scratch for offsets that fit no immediate form (far spill slots, state
/// words and memory offsets) and the high word of a multiply.
pub const SCRATCH_FAR: u8 = 14;
/// Float scratch: results of spilled values.
pub const DSCRATCH_A: u8 = 31;
/// Float scratch: operands.
pub const DSCRATCH_B: u8 = 30;
/// The zero register's number in a data-processing operand.
pub const XZR: u8 = 31;

/// x0-x18 are not preserved across calls (x18, the platform register, is
/// never used).
const GPR_CALLER_SAVED: u64 = (1 << 19) - 1;
/// d8-d15 are callee-saved (their low 64 bits, all a trace uses).
const FPR_CALLER_SAVED: u64 = 0xffff_ffff & !0xff00;

/// What the allocator may use: x0-x13 and x20-x28 (x19 is the state, x14-x17
/// scratch, x18 the platform register, x29/x30 frame and link), d0-d29.
pub fn reg_file() -> RegFile {
    let mut gprs: Vec<u8> = (8..=13).collect();
    gprs.extend(0..8);
    gprs.extend(20..=28);
    RegFile {
        gpr: RegClass {
            allocatable: gprs,
            caller_saved: GPR_CALLER_SAVED,
            arguments: (0..8).collect(),
        },
        fpr: RegClass {
            allocatable: (16..30).chain(0..16).collect(),
            caller_saved: FPR_CALLER_SAVED,
            arguments: (0..8).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_registers_are_not_allocatable() {
        let file = reg_file();
        for r in [STATE, SCRATCH_A, SCRATCH_B, SCRATCH_C, SCRATCH_FAR, 18, 29, 30, 31] {
            assert!(!file.gpr.allocatable.contains(&r), "x{r}");
        }
        for d in [DSCRATCH_A, DSCRATCH_B] {
            assert!(!file.fpr.allocatable.contains(&d), "d{d}");
        }
        assert!(!file.gpr.is_caller_saved(STATE) && file.gpr.is_caller_saved(9));
        assert!(!file.fpr.is_caller_saved(8) && file.fpr.is_caller_saved(16));
    }
}
