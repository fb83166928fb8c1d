//! Executable memory and the compiled trace. Code is written into an
//! anonymous mapping that is then made read+exec; it is never writable and
//! executable at once. Exits are linked to other traces through a table of
//! exit targets kept in ordinary memory, whose address the code reads from a
//! literal word patched while the code is still writable, so linking a side
//! trace never makes code writable.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use memmap2::{Mmap, MmapMut};

use crate::Assembly;

/// Code bytes in read+exec memory.
pub struct CodeMemory {
    map: Mmap,
}

impl CodeMemory {
    /// Copies `assembly`'s code into fresh memory, points its table literal
    /// at `table_addr`, flips it to read+exec and makes the instruction
    /// cache see it.
    pub fn new(assembly: &Assembly, table_addr: u64) -> std::io::Result<CodeMemory> {
        let code = &assembly.code;
        let mut map = MmapMut::map_anon(code.len().max(1))?;
        map[..code.len()].copy_from_slice(code);
        let lit = assembly.table_literal;
        map[lit..lit + 8].copy_from_slice(&table_addr.to_le_bytes());
        let map = map.make_exec()?;
        dynasmrt::cache_control::synchronize_icache(&map);
        Ok(CodeMemory { map })
    }

    pub fn addr(&self) -> u64 {
        self.map.as_ptr() as u64
    }
}

/// The entry point of a compiled trace: see the crate docs for the ABI.
pub type Entry = unsafe extern "C" fn(state: *mut u64) -> u64;

/// A trace compiled to machine code.
pub struct CompiledTrace {
    code: CodeMemory,
    code_len: usize,
    /// Where each exit goes after writing its record: the return stub, or
    /// the entry of a linked trace. The code reads it with one load.
    exit_targets: Box<[AtomicU64]>,
    return_addr: u64,
    /// Keeps linked traces alive while this one can jump to them.
    linked: Mutex<Vec<Option<Arc<CompiledTrace>>>>,
    state_words: usize,
    gc_root_area: Option<usize>,
}

impl CompiledTrace {
    /// Loads `assembly` into executable memory with its own exit table.
    pub fn load(assembly: &Assembly) -> std::io::Result<CompiledTrace> {
        let exit_targets: Box<[AtomicU64]> =
            (0..assembly.exits).map(|_| AtomicU64::new(0)).collect();
        let code = CodeMemory::new(assembly, exit_targets.as_ptr() as u64)?;
        let return_addr = code.addr() + assembly.return_offset as u64;
        for t in exit_targets.iter() {
            t.store(return_addr, Ordering::Release);
        }
        let linked = Mutex::new(vec![None; exit_targets.len()]);
        Ok(CompiledTrace {
            code,
            code_len: assembly.code.len(),
            exit_targets,
            return_addr,
            linked,
            state_words: assembly.state_words,
            gc_root_area: assembly.gc_root_area,
        })
    }

    /// Bytes of machine code (trace body, exit stubs, table literal).
    pub fn code_size(&self) -> usize {
        self.code_len
    }

    /// The machine code, for dumps and disassembly.
    pub fn code(&self) -> &[u8] {
        &self.code.map[..self.code_len]
    }

    pub fn exit_count(&self) -> usize {
        self.exit_targets.len()
    }

    /// Words of state the trace needs (inputs, exit records, GC roots).
    pub fn state_words(&self) -> usize {
        self.state_words
    }

    /// The state word where its GC root area starts (see
    /// `traces::regalloc::exits`), if it calls helpers that may collect.
    pub fn gc_root_area(&self) -> Option<usize> {
        self.gc_root_area
    }

    /// Where exit `exit` currently goes (the return stub or a linked
    /// trace's entry).
    pub fn exit_target(&self, exit: u32) -> Option<u64> {
        self.exit_targets.get(exit as usize).map(|t| t.load(Ordering::Acquire))
    }

    /// The address of the code's first byte, the entry.
    pub fn entry_addr(&self) -> u64 {
        self.code.addr()
    }

    #[cfg(target_arch = "aarch64")]
    pub fn entry(&self) -> Entry {
        // SAFETY: the mapping starts with the entry code emitted by
        // `compile`, which follows the `Entry` ABI, and lives as long as self.
        unsafe { std::mem::transmute::<u64, Entry>(self.code.addr()) }
    }

    /// Runs the trace on `state` and returns the exit taken; the exit record
    /// is in `state`.
    ///
    /// # Safety
    /// Every load, store and helper call the trace makes with these inputs
    /// must be valid: the trace does what its IR says with raw addresses.
    /// The state area must also hold the state words of every trace its
    /// exits are linked to, transitively.
    #[cfg(target_arch = "aarch64")]
    pub unsafe fn run(&self, state: &mut [u64]) -> u32 {
        // SAFETY: the slice is `len` writable words; the caller vouches for
        // the rest.
        unsafe { self.run_raw(state.as_mut_ptr(), state.len()) }
    }

    /// [`CompiledTrace::run`] on the `len` words at `state`, for a caller
    /// that reads the area (its root area) while a helper of the trace runs.
    ///
    /// # Safety
    /// As for `run`; `state` is valid for reads and writes of `len` words
    /// until the trace returns.
    #[cfg(target_arch = "aarch64")]
    pub unsafe fn run_raw(&self, state: *mut u64, len: usize) -> u32 {
        assert!(len >= self.state_words, "state area too small");
        dynasmrt::cache_control::prepare_for_execution(self.code());
        // SAFETY: the state area is large enough (checked); the caller
        // vouches for linked traces' areas and the trace's memory accesses.
        unsafe { (self.entry())(state) as u32 }
    }

    /// Sends `exit` to `target` from now on: after writing its exit record
    /// (in the same state area, which becomes `target`'s input), the exit
    /// jumps to `target`'s entry instead of returning, and `target`'s exit
    /// number is what the caller sees. A side trace reads its parent's exit
    /// record as its inputs. Runs of this trace must then give a state area
    /// large enough for `target` too (see [`CompiledTrace::run`]): traces
    /// differ in the size of their root area.
    pub fn link_exit(&self, exit: u32, target: Arc<CompiledTrace>) -> Result<(), String> {
        let slot = self.exit_targets.get(exit as usize).ok_or_else(|| format!("no exit {exit}"))?;
        let addr = target.code.addr();
        let mut linked = self.linked.lock().map_err(|_| "exit table poisoned".to_string())?;
        linked[exit as usize] = Some(target);
        slot.store(addr, Ordering::Release);
        Ok(())
    }

    /// Makes `exit` return to the caller again.
    pub fn unlink_exit(&self, exit: u32) -> Result<(), String> {
        let slot = self.exit_targets.get(exit as usize).ok_or_else(|| format!("no exit {exit}"))?;
        slot.store(self.return_addr, Ordering::Release);
        if let Ok(mut linked) = self.linked.lock() {
            linked[exit as usize] = None;
        }
        Ok(())
    }
}
