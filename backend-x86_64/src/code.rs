//! Executable memory and the compiled trace. Code is written into an
//! anonymous mapping that is then made read+exec; it is never writable and
//! executable at once. Exits are linked to other traces through a table of
//! exit targets kept in ordinary memory, so linking a side trace never makes
//! code writable (and is safe while other threads run the code).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use memmap2::{Mmap, MmapMut};

/// Code bytes in read+exec memory.
pub struct CodeMemory {
    map: Mmap,
    /// Where the code starts in `map` (see [`next_colour`]).
    offset: usize,
}

/// Bytes of one way of the level-1 instruction cache: addresses this far
/// apart compete for the same cache sets.
const ICACHE_WAY_BYTES: usize = 4096;
/// Code starts on a cache line.
const LINE_BYTES: usize = 64;

/// Every trace has its own mapping, so without care every trace would start
/// at a page boundary: the entries and loop heads of all traces would fall
/// in the same few instruction-cache sets and evict each other (nqueens'
/// 30 traces missed the cache on 6% of their instructions). Each trace
/// starts instead where it would if the traces were laid end to end, modulo
/// a cache way, so they spread over the sets as contiguous code would.
fn next_colour(len: usize) -> usize {
    static PLACED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    colour(PLACED.fetch_add(lines_of(len), Ordering::Relaxed))
}

/// Bytes of whole cache lines that `len` bytes of code take.
fn lines_of(len: usize) -> usize {
    len.div_ceil(LINE_BYTES) * LINE_BYTES
}

/// Where in its page code starts when `placed` bytes went before it.
fn colour(placed: usize) -> usize {
    placed % ICACHE_WAY_BYTES
}

impl CodeMemory {
    /// Copies `code` into fresh memory and flips it to read+exec.
    pub fn new(code: &[u8]) -> std::io::Result<CodeMemory> {
        let offset = next_colour(code.len());
        let mut map = MmapMut::map_anon(offset + code.len().max(1))?;
        map[offset..offset + code.len()].copy_from_slice(code);
        Ok(CodeMemory { map: map.make_exec()?, offset })
    }

    pub fn addr(&self) -> u64 {
        self.map.as_ptr() as u64 + self.offset as u64
    }

    fn bytes(&self, len: usize) -> &[u8] {
        &self.map[self.offset..self.offset + len]
    }
}

/// The entry point of a compiled trace: see the crate docs for the ABI.
pub type Entry = unsafe extern "sysv64" fn(state: *mut u64) -> u64;

/// A trace compiled to machine code.
pub struct CompiledTrace {
    code: CodeMemory,
    code_len: usize,
    /// Where each exit goes after writing its record: the shared `ret`, or
    /// the entry of a linked trace. The code reads it with one indirect jump.
    exit_targets: Box<[AtomicU64]>,
    return_addr: u64,
    /// Keeps linked traces alive while this one can jump to them.
    linked: Mutex<Vec<Option<Arc<CompiledTrace>>>>,
    state_words: usize,
    /// Where its GC root area starts, if it calls helpers that may collect.
    gc_root_area: Option<usize>,
}

impl CompiledTrace {
    pub(crate) fn new(
        code: CodeMemory,
        code_len: usize,
        exit_targets: Box<[AtomicU64]>,
        return_offset: usize,
        (state_words, gc_root_area): (usize, Option<usize>),
    ) -> CompiledTrace {
        let return_addr = code.addr() + return_offset as u64;
        for t in exit_targets.iter() {
            t.store(return_addr, Ordering::Release);
        }
        let linked = Mutex::new(vec![None; exit_targets.len()]);
        CompiledTrace {
            code,
            code_len,
            exit_targets,
            return_addr,
            linked,
            state_words,
            gc_root_area,
        }
    }

    /// Bytes of machine code (trace body and exit stubs).
    pub fn code_size(&self) -> usize {
        self.code_len
    }

    /// The machine code, for dumps and disassembly.
    pub fn code(&self) -> &[u8] {
        self.code.bytes(self.code_len)
    }

    pub fn exit_count(&self) -> usize {
        self.exit_targets.len()
    }

    /// Words of state the trace needs (inputs, exit records, root area).
    pub fn state_words(&self) -> usize {
        self.state_words
    }

    /// The state word where its GC root area starts (see
    /// `traces::regalloc::exits`), if it calls helpers that may collect.
    pub fn gc_root_area(&self) -> Option<usize> {
        self.gc_root_area
    }

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
    pub unsafe fn run_raw(&self, state: *mut u64, len: usize) -> u32 {
        assert!(len >= self.state_words, "state area too small");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_starts_where_it_would_if_laid_end_to_end() {
        assert_eq!(lines_of(1), 64);
        assert_eq!(lines_of(64), 64);
        assert_eq!(lines_of(65), 128);
        assert_eq!(colour(0), 0);
        assert_eq!(colour(lines_of(1500)), 1536);
        assert_eq!(colour(1536 + lines_of(3000)), 1536 + 3008 - 4096);
    }

    #[test]
    fn placed_code_is_line_aligned_and_intact() {
        let a = CodeMemory::new(&[0xC3; 100]).unwrap();
        let b = CodeMemory::new(&[0x90; 200]).unwrap();
        assert_eq!(a.addr() as usize % LINE_BYTES, 0);
        assert_eq!(b.addr() as usize % LINE_BYTES, 0);
        assert_eq!(a.bytes(100), &[0xC3; 100][..]);
        assert_eq!(b.bytes(200), &[0x90; 200][..]);
    }
}
