//! The backend of the host architecture. Nothing outside this module names
//! an instruction set: the rest of the tracer and the interpreter call
//! [`compile`] and hold a [`CompiledTrace`].

use traces::{Op, Trace};

/// Does this build have a backend for the host architecture?
pub const BACKEND_AVAILABLE: bool = cfg!(any(target_arch = "x86_64", target_arch = "aarch64"));

/// Why a trace could not be compiled (the loop then stays interpreted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CompileError {}

#[cfg(target_arch = "x86_64")]
pub use backend_x86_64::CompiledTrace;

/// Compiles `trace` for the host.
#[cfg(target_arch = "x86_64")]
pub fn compile(trace: &Trace) -> Result<CompiledTrace, CompileError> {
    doomed_guard(trace)?;
    backend_x86_64::compile(trace).map_err(|e| CompileError(e.to_string()))
}

/// A guard on a constant bool that fails (the fold engine drops the ones
/// that hold) always exits: such a trace is not worth compiling, and the
/// backends fuse a guard with its operand's compare, which a constant is
/// not.
pub fn doomed_guard(trace: &Trace) -> Result<(), CompileError> {
    for (i, inst) in trace.insts.iter().enumerate() {
        let conditional = matches!(inst.op, Op::GuardTrue | Op::GuardFalse);
        if conditional && trace.inst(inst.args[0]).op.is_const() {
            return Err(CompileError(format!("guard %{i} always fails")));
        }
    }
    Ok(())
}

#[cfg(target_arch = "aarch64")]
pub use backend_aarch64::CompiledTrace;

/// Compiles `trace` for the host.
#[cfg(target_arch = "aarch64")]
pub fn compile(trace: &Trace) -> Result<CompiledTrace, CompileError> {
    doomed_guard(trace)?;
    backend_aarch64::compile(trace).map_err(|e| CompileError(e.to_string()))
}

/// A compiled trace where no backend exists for the architecture.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
#[derive(Debug)]
pub struct CompiledTrace {
    _none: (),
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
impl CompiledTrace {
    pub fn state_words(&self) -> usize {
        0
    }
    pub fn code_size(&self) -> usize {
        0
    }
    /// # Safety
    /// Never called: no trace compiles on this architecture.
    pub unsafe fn run(&self, _state: &mut [u64]) -> u32 {
        0
    }
}

#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub fn compile(_trace: &Trace) -> Result<CompiledTrace, CompileError> {
    Err(CompileError(format!("no JIT backend for {}", std::env::consts::ARCH)))
}
