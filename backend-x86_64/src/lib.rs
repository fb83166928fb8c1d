//! Instruction selection and encoding of trace IR for x86-64 (System V). The
//! parts of code generation that do not depend on the instruction set
//! (liveness, register allocation, parallel moves, exit bookkeeping) live in
//! `traces::regalloc`.
//!
//! # Entry ABI
//!
//! A compiled trace is `extern "sysv64" fn(state: *mut u64) -> u64`.
//! - `state` is the trace's state area of [`CompiledTrace::state_words`]
//!   words. `input k` reads word `k` (floats as their bits, bools as 0/1).
//! - The trace runs until a guard fails (or it reaches `exit`). The exit
//!   stub then writes the guard's snapshot values into the same area, in the
//!   order of `Snapshot::values` (word `k` = the `k`-th value), and returns
//!   the exit number (guards are numbered in trace order, `Trace::exits`).
//! - Before calling a helper that may collect, the live refs and words are
//!   published past the exit records (`traces::regalloc::exits` describes
//!   the root area, [`CompiledTrace::gc_root_area`] says where it is), which
//!   is why `state_words` may exceed `Trace::state_words`.
//! - An exit linked to another trace ([`CompiledTrace::link_exit`]) writes
//!   its record and then enters that trace with the same state area, whose
//!   exit number is what the caller finally sees.
//!
//! Inside, rbx holds the state pointer, rax/rcx/rdx and xmm14/xmm15 are
//! scratch, the other registers are allocated; spill slots and a save area
//! for caller-saved registers around helper calls sit below the pushed
//! callee-saved registers, with rsp 16-byte aligned at every call.
//!
//! - [`regs`]: the register file given to the allocator.
//! - [`asm`]: condition codes, frame layout, moves between locations.
//! - [`lower`]: instruction selection per op, the entry, loops.
//! - [`enc`]: shortest encodings of memory operands.
//! - `pool`: 64-bit constants, read rip-relative.
//! - `calls`: helper calls (saves, arguments, GC roots).
//! - `stubs`: exit stubs and the shared epilogue.
//! - [`code`]: W^X code memory, the compiled trace, exit linking.

pub mod asm;
mod calls;
pub mod code;
pub mod enc;
pub mod lower;
mod pool;
pub mod regs;
mod stubs;

use std::sync::atomic::AtomicU64;

use traces::regalloc::{
    allocate, call_saves, exit_map, gc_root_area, has_collecting_calls, state_words_with_roots,
};
use traces::Trace;

pub use code::{CodeMemory, CompiledTrace, Entry};

/// Why a trace could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "x86-64 backend: {}", self.0)
    }
}

impl std::error::Error for CompileError {}

/// Largest input slot or exit record a trace may use: keeps every state
/// offset within a 32-bit displacement.
pub const MAX_STATE_WORDS: usize = 1 << 24;

/// Compiles `trace`. The trace is verified first, in every build: code
/// generation relies on its invariants, and the check costs about a tenth
/// of compiling.
pub fn compile(trace: &Trace) -> Result<CompiledTrace, CompileError> {
    traces::verify::verify(trace).map_err(|e| CompileError(format!("invalid trace: {e}")))?;
    if trace.state_words() + trace.insts.len() > MAX_STATE_WORDS {
        return Err(CompileError(format!("more than {MAX_STATE_WORDS} state words")));
    }
    let file = regs::reg_file();
    for h in &trace.helpers {
        let gprs = h.args.iter().filter(|t| t.is_gpr()).count();
        let fprs = h.args.iter().filter(|t| t.is_float()).count();
        if gprs > file.gpr.arguments.len() || fprs > file.fpr.arguments.len() {
            return Err(CompileError(format!("helper {} passes arguments on the stack", h.name)));
        }
    }
    let alloc = allocate(trace, &file);
    let exits = exit_map(trace, &alloc);
    let calls = call_saves(trace, &alloc, &file);
    let state_words = state_words_with_roots(trace, &calls).map_err(CompileError)?;
    let exit_targets: Box<[AtomicU64]> = (0..exits.len()).map(|_| AtomicU64::new(0)).collect();
    let table_addr = exit_targets.as_ptr() as u64;

    let mut asm = asm::Asm::new(0);
    let exit_labels = (0..exits.len()).map(|_| asm.new_dynamic_label()).collect();
    let loop_label = asm.new_dynamic_label();
    let mut exit_of = vec![0u32; trace.insts.len()];
    for (n, e) in exits.iter().enumerate() {
        exit_of[e.inst] = n as u32;
    }
    let frame = asm::Frame::new(alloc.slots);
    let e = asm::Emitter { asm, trace, alloc: &alloc, frame, pool: Default::default() };
    let mut lowering = lower::Lowering {
        e,
        exit_labels,
        exit_of,
        calls: calls.into_iter(),
        loop_label,
        loop_closed: false,
        gc_root_area: gc_root_area(trace),
        has_root_area: has_collecting_calls(trace),
        file,
    };
    lowering.entry();
    for i in 0..trace.insts.len() {
        lowering.inst(i)?;
    }
    let return_offset = lowering.exits(&exits, table_addr);
    let code = lowering.e.asm.finalize().map_err(|e| CompileError(format!("assembler: {e:?}")))?;
    let memory = CodeMemory::new(&code).map_err(|e| CompileError(format!("code memory: {e}")))?;
    let root_area = has_collecting_calls(trace).then(|| gc_root_area(trace));
    Ok(CompiledTrace::new(
        memory,
        code.len(),
        exit_targets,
        return_offset,
        (state_words, root_area),
    ))
}
