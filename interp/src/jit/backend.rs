//! Compiling a trace for the machine this runs on. Only the backend crate
//! of the host architecture is linked; elsewhere the JIT stays off.

use traces::Trace;

/// A trace compiled to machine code.
pub struct Compiled {
    #[cfg(target_arch = "x86_64")]
    inner: backend_x86_64::CompiledTrace,
}

/// Can this build compile traces?
pub fn available() -> bool {
    cfg!(target_arch = "x86_64")
}

#[cfg(target_arch = "x86_64")]
pub fn compile(trace: &Trace) -> Result<Compiled, String> {
    backend_x86_64::compile(trace).map(|inner| Compiled { inner }).map_err(|e| e.to_string())
}

#[cfg(not(target_arch = "x86_64"))]
pub fn compile(_trace: &Trace) -> Result<Compiled, String> {
    Err("no JIT backend for this architecture".into())
}

impl Compiled {
    pub fn state_words(&self) -> usize {
        #[cfg(target_arch = "x86_64")]
        return self.inner.state_words();
        #[cfg(not(target_arch = "x86_64"))]
        0
    }

    pub fn code_size(&self) -> usize {
        #[cfg(target_arch = "x86_64")]
        return self.inner.code_size();
        #[cfg(not(target_arch = "x86_64"))]
        0
    }

    /// Runs the trace on `state` (the frame's slots on entry, the exit
    /// record on return); returns the exit number.
    pub fn run(&self, state: &mut [u64]) -> u32 {
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: the recorder only emits loads and stores at field
            // offsets of objects whose type the trace guarded first (range
            // iterators), on words read from the frame, which the caller
            // passes in `state` sized to the trace's state area; no helper
            // runs, so no collection can move or free what the trace holds.
            unsafe { self.inner.run(state) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = state;
            0
        }
    }
}
