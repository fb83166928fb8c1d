//! Memory for heap objects: blocks of equal-sized cells per size class for
//! small objects (a free-list pop, else the next untouched cell of the
//! class's newest block, to allocate; sweeping walks memory in order), the
//! system allocator for large ones. Emptied blocks are kept for reuse.
//!
//! A cell is free when its header's kind byte is `ObjKind::Freed` (0): the
//! heap sets the kind when it frees an object. Cells never handed out (the
//! tail of each class's newest block) are left untouched: walks stop
//! before them. Free cells are linked through their first word. In stress
//! mode the heap marks freed cells *quarantined* (poisoned, not reused)
//! until it asks for them back with `sweep(reuse_quarantined = true)`.

use std::alloc::{self, Layout};
use std::ptr::{self, NonNull};

use super::header::{ObjHeader, HEADER_KIND_OFFSET, HEADER_QUARANTINE_OFFSET};

/// Objects up to this size live in blocks.
const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / 8 + 1;
const BLOCK_BYTES: usize = 256 * 1024;
const BLOCK_ALIGN: usize = 16;
/// Empty blocks kept for reuse rather than given back to the system: a
/// program that fills the heap with garbage between collections would
/// otherwise fault in fresh pages for every block after each sweep. As
/// many as the allocation between two collections needs.
const MAX_SPARE_BLOCKS: usize = 160;

struct Block {
    mem: NonNull<u8>,
    cell: usize,
    cells: usize,
}

impl Block {
    fn cell_ptr(&self, i: usize) -> *mut u8 {
        // SAFETY: `i < cells`, so the offset is inside the block.
        unsafe { self.mem.as_ptr().add(i * self.cell) }
    }
}

pub(super) struct Cells {
    free: [*mut u8; CLASSES],
    /// Per class, `(next, end)`: the cells of its newest block not handed
    /// out yet, given in address order before any free-list work is done
    /// for them. Their bytes are stale (a reused block) or undefined: walks
    /// over the cells stop at `next` (see [`Cells::used_cells`]).
    fresh: [(*mut u8, *mut u8); CLASSES],
    blocks: Vec<Vec<Block>>,
    /// Per class, blocks a sweep has yet to visit (see [`Cells::begin_sweep`]).
    pending: Vec<Vec<Block>>,
    /// Whether the sweep under way frees quarantined cells for reuse.
    reuse_quarantined: bool,
    large: Vec<(NonNull<u8>, usize)>,
    large_quarantine: Vec<(NonNull<u8>, usize)>,
    block_bytes: usize,
    /// Emptied blocks, any former size class, not yet handed out again.
    spare_blocks: Vec<NonNull<u8>>,
}

/// Whether the cell at `p` holds no object.
///
/// # Safety
/// `p` is a cell of one of our blocks or a large allocation.
unsafe fn is_free(p: *const u8) -> bool {
    // SAFETY: forwarded; the kind byte is inside the cell.
    unsafe { *p.add(HEADER_KIND_OFFSET) == 0 }
}

/// # Safety
/// As for [`is_free`].
unsafe fn is_quarantined(p: *const u8) -> bool {
    // SAFETY: forwarded.
    unsafe { *p.add(HEADER_QUARANTINE_OFFSET) != 0 }
}

impl Cells {
    pub(super) fn new() -> Cells {
        Cells {
            free: [ptr::null_mut(); CLASSES],
            fresh: [(ptr::null_mut(), ptr::null_mut()); CLASSES],
            blocks: (0..CLASSES).map(|_| Vec::new()).collect(),
            pending: (0..CLASSES).map(|_| Vec::new()).collect(),
            reuse_quarantined: true,
            large: Vec::new(),
            large_quarantine: Vec::new(),
            block_bytes: 0,
            spare_blocks: Vec::new(),
        }
    }

    /// Memory for an object of `size` bytes (a multiple of 8, at least a
    /// header), 8-aligned, not used by anything else; `None` when the
    /// class's pending blocks should be swept first ([`Cells::sweep_pending`]).
    #[inline]
    pub(super) fn alloc(&mut self, size: usize) -> Option<NonNull<u8>> {
        debug_assert!(size.is_multiple_of(8) && size >= size_of::<ObjHeader>());
        if size > MAX_SMALL {
            return Some(self.alloc_large(size));
        }
        let class = size / 8;
        let head = self.free[class];
        if !head.is_null() {
            // SAFETY: `head` is a free cell of our blocks; its first word is
            // the next free cell (or null).
            self.free[class] = unsafe { *(head as *const *mut u8) };
            // SAFETY: checked non-null above.
            return Some(unsafe { NonNull::new_unchecked(head) });
        }
        if !self.pending[class].is_empty() {
            return None;
        }
        if self.fresh[class].0 == self.fresh[class].1 {
            self.new_block(class);
        }
        let next = self.fresh[class].0;
        // SAFETY: `next` is below `end`, both within the class's newest
        // block, which holds a whole number of cells: the cell fits, and
        // the new `next` is at most `end`.
        self.fresh[class].0 = unsafe { next.add(size) };
        // SAFETY: a block's address is never null.
        Some(unsafe { NonNull::new_unchecked(next) })
    }

    fn alloc_large(&mut self, size: usize) -> NonNull<u8> {
        let layout = Layout::from_size_align(size, BLOCK_ALIGN)
            .unwrap_or_else(|_| alloc::handle_alloc_error(Layout::new::<u8>()));
        // SAFETY: non-zero size.
        let p = unsafe { alloc::alloc(layout) };
        let Some(p) = NonNull::new(p) else { alloc::handle_alloc_error(layout) };
        self.large.push((p, size));
        p
    }

    /// Makes a block (a spare one if any) the class's source of fresh
    /// cells. Its cells are not touched until handed out.
    fn new_block(&mut self, class: usize) {
        let mem = match self.spare_blocks.pop() {
            Some(mem) => mem,
            None => {
                let layout =
                    Layout::from_size_align(BLOCK_BYTES, BLOCK_ALIGN).expect("constant layout");
                // SAFETY: non-zero size.
                let mem = unsafe { alloc::alloc(layout) };
                let Some(mem) = NonNull::new(mem) else { alloc::handle_alloc_error(layout) };
                mem
            }
        };
        let cell = class * 8;
        let block = Block { mem, cell, cells: BLOCK_BYTES / cell };
        // SAFETY: one past the last whole cell, inside or at the end of the
        // block's memory.
        let end = unsafe { mem.as_ptr().add(block.cells * cell) };
        self.fresh[class] = (mem.as_ptr(), end);
        self.block_bytes += BLOCK_BYTES;
        self.blocks[class].push(block);
    }

    /// How many leading cells of `block` have been handed out: all of them,
    /// except in its class's `newest` block while that has fresh cells
    /// from `next` on (never touched, so walks stop short of them rather
    /// than fault their pages in).
    fn used_cells(block: &Block, newest: bool, next: *mut u8) -> usize {
        if !newest || next.is_null() {
            return block.cells;
        }
        (next as usize - block.mem.as_ptr() as usize) / block.cell
    }

    /// Starts a sweep after a full mark. Each class's newest block (the
    /// one still handing out fresh cells) and the large objects are swept
    /// now; the other blocks become *pending*: [`Cells::alloc`] leaves them
    /// to [`Cells::sweep_pending`] when the class's free list runs dry, so
    /// that a block's cells are swept just before they are reused, while
    /// in cache, rather than all at once. `visit` returns true to keep an
    /// object; for false it has dropped the payload and marked the cell
    /// free (and maybe quarantined). Free lists are rebuilt from free
    /// cells (quarantined ones only if `reuse_quarantined`); blocks with
    /// no object left go back to the spares.
    pub(super) fn begin_sweep(
        &mut self,
        reuse_quarantined: bool,
        mut visit: impl FnMut(NonNull<ObjHeader>) -> bool,
    ) {
        debug_assert!(!self.sweeping(), "the last sweep is not finished");
        self.reuse_quarantined = reuse_quarantined;
        self.free = [ptr::null_mut(); CLASSES];
        for class in 0..CLASSES {
            let mut blocks = std::mem::take(&mut self.blocks[class]);
            let newest = if self.fresh[class].0.is_null() { None } else { blocks.pop() };
            self.pending[class] = blocks;
            if let Some(block) = newest {
                let used = Self::used_cells(&block, true, self.fresh[class].0);
                if let Some(block) = self.sweep_block(class, block, used, &mut visit) {
                    self.blocks[class].push(block);
                } else {
                    self.fresh[class] = (ptr::null_mut(), ptr::null_mut());
                }
            }
        }
        self.sweep_large(reuse_quarantined, visit);
    }

    /// Whether blocks swept by [`Cells::begin_sweep`] wait for their turn.
    pub(super) fn sweeping(&self) -> bool {
        self.pending.iter().any(|p| !p.is_empty())
    }

    /// Sweeps one pending block of `size`'s class (see
    /// [`Cells::begin_sweep`]); false when none is left.
    pub(super) fn sweep_pending(
        &mut self,
        size: usize,
        visit: impl FnMut(NonNull<ObjHeader>) -> bool,
    ) -> bool {
        let class = size / 8;
        let Some(block) = self.pending.get_mut(class).and_then(Vec::pop) else { return false };
        let used = block.cells;
        if let Some(block) = self.sweep_block(class, block, used, visit) {
            // Before the newest block, which must stay last (walks stop at
            // its fresh cells).
            let at = if self.fresh[class].0.is_null() {
                self.blocks[class].len()
            } else {
                self.blocks[class].len().saturating_sub(1)
            };
            self.blocks[class].insert(at, block);
        }
        true
    }

    /// Sweeps every pending block.
    pub(super) fn finish_sweep(&mut self, mut visit: impl FnMut(NonNull<ObjHeader>) -> bool) {
        for class in 0..CLASSES {
            while self.sweep_pending(class * 8, &mut visit) {}
        }
    }

    /// Visits the first `used` cells of `block` and chains its free cells
    /// (in address order, so allocation walks memory forwards) onto the
    /// class's free list. Gives the block back unless it emptied, in which
    /// case it becomes a spare.
    fn sweep_block(
        &mut self,
        class: usize,
        block: Block,
        used: usize,
        mut visit: impl FnMut(NonNull<ObjHeader>) -> bool,
    ) -> Option<Block> {
        let (mut head, mut tail) = (ptr::null_mut::<u8>(), ptr::null_mut::<u8>());
        let mut live = 0;
        let mut quarantined = false;
        for i in 0..used {
            let p = block.cell_ptr(i);
            // SAFETY: `p` is a handed-out cell of this block; a non-free cell
            // holds an object; free cells are ours to link (and to clear of
            // their quarantine mark).
            unsafe {
                if !is_free(p) && visit(NonNull::new_unchecked(p as *mut ObjHeader)) {
                    live += 1;
                    continue;
                }
                if !self.reuse_quarantined && is_quarantined(p) {
                    quarantined = true;
                    continue;
                }
                *p.add(HEADER_QUARANTINE_OFFSET) = 0;
                if tail.is_null() {
                    head = p;
                } else {
                    *(tail as *mut *mut u8) = p;
                }
                tail = p;
            }
        }
        if live == 0 && !quarantined {
            self.block_bytes -= BLOCK_BYTES;
            if self.spare_blocks.len() < MAX_SPARE_BLOCKS {
                self.spare_blocks.push(block.mem);
            } else {
                // SAFETY: nothing lives in the block, and no free list points
                // into it (its cells were never chained).
                unsafe { dealloc_block(block.mem) };
            }
            return None;
        }
        if !tail.is_null() {
            // SAFETY: `tail` is the last free cell chained above.
            unsafe { *(tail as *mut *mut u8) = self.free[class] };
            self.free[class] = head;
        }
        Some(block)
    }

    fn sweep_large(
        &mut self,
        reuse_quarantined: bool,
        mut visit: impl FnMut(NonNull<ObjHeader>) -> bool,
    ) {
        let mut large = std::mem::take(&mut self.large);
        large.retain(|&(p, size)| {
            if visit(p.cast()) {
                return true;
            }
            self.large_quarantine.push((p, size));
            false
        });
        self.large = large;
        if reuse_quarantined {
            for (p, size) in self.large_quarantine.drain(..) {
                // SAFETY: allocated by `alloc_large` with this size, freed once.
                unsafe {
                    alloc::dealloc(p.as_ptr(), Layout::from_size_align_unchecked(size, BLOCK_ALIGN))
                };
            }
        } else {
            // Large objects freed outside stress mode are released at once.
            self.large_quarantine.retain(|&(p, size)| {
                // SAFETY: `p` is one of our large allocations.
                let keep = unsafe { is_quarantined(p.as_ptr()) };
                if !keep {
                    // SAFETY: as above; freed once, as it leaves the list.
                    unsafe {
                        alloc::dealloc(
                            p.as_ptr(),
                            Layout::from_size_align_unchecked(size, BLOCK_ALIGN),
                        )
                    };
                }
                keep
            });
        }
    }

    /// Every object (for the heap's teardown).
    pub(super) fn for_each_object(&mut self, mut f: impl FnMut(NonNull<ObjHeader>)) {
        for (class, blocks) in self.blocks.iter().enumerate() {
            for (index, block) in blocks.iter().enumerate() {
                let newest = index + 1 == blocks.len();
                for i in 0..Self::used_cells(block, newest, self.fresh[class].0) {
                    let p = block.cell_ptr(i);
                    // SAFETY: `p` is a handed-out cell of this block.
                    if unsafe { !is_free(p) } {
                        // SAFETY: non-null cell pointer.
                        f(unsafe { NonNull::new_unchecked(p as *mut ObjHeader) })
                    }
                }
            }
        }
        for block in self.pending.iter().flatten() {
            for i in 0..block.cells {
                let p = block.cell_ptr(i);
                // SAFETY: every cell of a pending block was handed out.
                if unsafe { !is_free(p) } {
                    // SAFETY: non-null cell pointer.
                    f(unsafe { NonNull::new_unchecked(p as *mut ObjHeader) })
                }
            }
        }
        for &(p, _) in &self.large {
            f(p.cast())
        }
    }

    /// Bytes held from the system (blocks, spare ones too, and large
    /// objects).
    pub(super) fn footprint(&self) -> usize {
        self.block_bytes
            + self.spare_blocks.len() * BLOCK_BYTES
            + self.large.iter().chain(&self.large_quarantine).map(|&(_, s)| s).sum::<usize>()
    }
}

/// # Safety
/// `mem` is a block allocated by `Cells::new_block`, freed once, with
/// nothing pointing into it.
unsafe fn dealloc_block(mem: NonNull<u8>) {
    // SAFETY: forwarded; the layout is the one `new_block` allocates with.
    unsafe {
        alloc::dealloc(mem.as_ptr(), Layout::from_size_align_unchecked(BLOCK_BYTES, BLOCK_ALIGN))
    };
}

impl Drop for Cells {
    fn drop(&mut self) {
        for block in self.blocks.iter().chain(&self.pending).flatten() {
            // SAFETY: the heap is going away; each block is freed once.
            unsafe { dealloc_block(block.mem) };
        }
        for &mem in &self.spare_blocks {
            // SAFETY: spare blocks left `blocks` when they emptied.
            unsafe { dealloc_block(mem) };
        }
        for &(p, size) in self.large.iter().chain(&self.large_quarantine) {
            // SAFETY: allocated by `alloc_large` with this size, freed once.
            unsafe {
                alloc::dealloc(p.as_ptr(), Layout::from_size_align_unchecked(size, BLOCK_ALIGN))
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out a cell of `size` bytes and gives it a non-free kind byte,
    /// as the heap does when it writes an object's header.
    fn alloc_marked(cells: &mut Cells, size: usize) -> *mut u8 {
        let p = cells.alloc(size).expect("no sweep pending").as_ptr();
        // SAFETY: a fresh cell of at least a header's size.
        unsafe { *p.add(HEADER_KIND_OFFSET) = 1 };
        p
    }

    /// Sweeps, freeing the cells `dies` picks; returns how many objects
    /// the sweep saw.
    fn sweep_counting(cells: &mut Cells, dies: impl Fn(*mut u8) -> bool) -> usize {
        let mut seen = 0;
        let mut visit = |obj: NonNull<ObjHeader>| {
            seen += 1;
            free_if(obj, &dies)
        };
        cells.begin_sweep(true, &mut visit);
        cells.finish_sweep(&mut visit);
        seen
    }

    /// A sweep's visit: frees the object's cell if `dies` says so.
    fn free_if(obj: NonNull<ObjHeader>, dies: &impl Fn(*mut u8) -> bool) -> bool {
        let p = obj.as_ptr() as *mut u8;
        if dies(p) {
            // SAFETY: an object cell the sweep hands us to free.
            unsafe { *p.add(HEADER_KIND_OFFSET) = 0 };
            return false;
        }
        true
    }

    #[test]
    fn pending_blocks_are_swept_when_their_class_needs_cells() {
        let mut cells = Cells::new();
        let per_block = BLOCK_BYTES / 64;
        let objs: Vec<_> = (0..per_block * 2).map(|_| alloc_marked(&mut cells, 64)).collect();
        // Only the very first object lives: the newest block empties at
        // once, the first waits for its turn.
        let dies = |p: *mut u8| p != objs[0];
        cells.begin_sweep(true, |obj| free_if(obj, &dies));
        assert!(cells.sweeping());
        assert_eq!(cells.spare_blocks.len(), 1);
        assert!(cells.alloc(64).is_none(), "the pending block comes first");
        assert!(cells.alloc(32).is_some(), "other classes are not held up");
        assert!(cells.sweep_pending(64, |obj| free_if(obj, &dies)));
        assert!(!cells.sweeping());
        assert!(!cells.sweep_pending(64, |obj| free_if(obj, &dies)));
        // The first block's free cells, in address order.
        assert_eq!(cells.alloc(64).map(|p| p.as_ptr()), Some(objs[1]));
        assert_eq!(cells.alloc(64).map(|p| p.as_ptr()), Some(objs[2]));
    }

    #[test]
    fn walks_include_pending_blocks() {
        let mut cells = Cells::new();
        let per_block = BLOCK_BYTES / 64;
        let objs: Vec<_> = (0..per_block + 1).map(|_| alloc_marked(&mut cells, 64)).collect();
        cells.begin_sweep(true, |_| true);
        assert!(cells.sweeping());
        let mut walked = Vec::new();
        cells.for_each_object(|obj| walked.push(obj.as_ptr() as *mut u8));
        walked.sort();
        let mut expected = objs.clone();
        expected.sort();
        assert_eq!(walked, expected);
    }

    #[test]
    fn walks_never_see_cells_that_were_not_handed_out() {
        let mut cells = Cells::new();
        let size = 64;
        let per_block = BLOCK_BYTES / size;
        // Fill a block and a half, then free everything: both blocks become
        // spares whose cells still look like objects.
        for _ in 0..per_block + per_block / 2 {
            alloc_marked(&mut cells, size);
        }
        assert_eq!(sweep_counting(&mut cells, |_| true), per_block + per_block / 2);
        assert_eq!(cells.block_bytes, 0);
        // A reused block in another size class: only the three objects
        // handed out are walked, not the stale headers after them.
        let kept: Vec<_> = (0..3).map(|_| alloc_marked(&mut cells, 48)).collect();
        assert_eq!(sweep_counting(&mut cells, |_| false), 3);
        let mut walked = Vec::new();
        cells.for_each_object(|obj| walked.push(obj.as_ptr() as *mut u8));
        assert_eq!(walked, kept);
        // The fresh tail survives the sweep: allocation carries on after
        // the kept cells.
        let next = alloc_marked(&mut cells, 48);
        // SAFETY: address arithmetic within one block, for comparison only.
        assert_eq!(next, unsafe { kept[2].add(48) });
    }

    #[test]
    fn an_emptied_newest_block_is_released_and_its_fresh_cells_forgotten() {
        let mut cells = Cells::new();
        let first = alloc_marked(&mut cells, 32);
        assert_eq!(sweep_counting(&mut cells, |_| true), 1);
        assert_eq!(cells.block_bytes, 0);
        assert_eq!(cells.spare_blocks.len(), 1);
        // The next allocation takes the spare block afresh from its start.
        assert_eq!(alloc_marked(&mut cells, 32), first);
        assert_eq!(sweep_counting(&mut cells, |_| false), 1);
    }
}
