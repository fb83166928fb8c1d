//! The window side of zlib's `deflate.c`: filling and sliding the window,
//! the hash chains, `longest_match`, and the block makers — stored
//! (level 0), fast (1-3, no lazy matching), slow (4-9, lazy matching),
//! run-length (Z_RLE) and Huffman-only.

use super::trees::{MAX_MATCH, MIN_MATCH};
use super::{BlockState, Deflater, Stream, Z_FILTERED, Z_FINISH, Z_NO_FLUSH};

const MIN_LOOKAHEAD: usize = MAX_MATCH + MIN_MATCH + 1;
const TOO_FAR: usize = 4096;
const MAX_STORED: usize = 65535;

/// What a block maker does after ending a block: go on, or return.
enum Next {
    Continue,
    Return(BlockState),
}

impl Deflater {
    fn max_dist(&self) -> usize {
        self.w_size - MIN_LOOKAHEAD
    }

    #[inline]
    pub(super) fn update_hash(&mut self, c: u8) {
        self.ins_h = ((self.ins_h << self.hash_shift) ^ usize::from(c)) & self.hash_mask;
    }

    /// Inserts the string at `s` in the hash chains; the previous head of
    /// its chain.
    #[inline]
    fn insert_string(&mut self, s: usize) -> usize {
        self.update_hash(self.window[s + MIN_MATCH - 1]);
        let head = self.head[self.ins_h];
        self.prev[s & self.w_mask] = head;
        self.head[self.ins_h] = s as u16;
        usize::from(head)
    }

    /// Inserts the string at `strstart` when three bytes are there; the
    /// previous head of its chain (0 for none).
    fn insert_current(&mut self) -> usize {
        if self.lookahead >= MIN_MATCH {
            self.insert_string(self.strstart)
        } else {
            0
        }
    }

    fn slide_hash(&mut self) {
        let wsize = self.w_size as u16;
        let slide = |p: &mut u16| *p = p.checked_sub(wsize).unwrap_or(0);
        self.head.iter_mut().for_each(slide);
        self.prev.iter_mut().for_each(slide);
    }

    /// Reads input into the window until there is enough lookahead or no
    /// input, sliding the window down when it is nearly full.
    pub(super) fn fill_window(&mut self, strm: &mut Stream) {
        let wsize = self.w_size;
        loop {
            let mut more = self.window_size - self.lookahead - self.strstart;
            if self.strstart >= wsize + self.max_dist() {
                let end = self.strstart + self.lookahead;
                self.window.copy_within(wsize..end, 0);
                self.match_start = self.match_start.wrapping_sub(wsize);
                self.strstart -= wsize;
                self.block_start -= wsize as isize;
                if self.insert > self.strstart {
                    self.insert = self.strstart;
                }
                self.slide_hash();
                more += wsize;
            }
            if strm.avail_in() == 0 {
                break;
            }
            let data = self.read_buf(strm, more);
            let at = self.strstart + self.lookahead;
            self.window[at..at + data.len()].copy_from_slice(data);
            self.lookahead += data.len();
            if self.lookahead + self.insert >= MIN_MATCH {
                let mut s = self.strstart - self.insert;
                self.ins_h = usize::from(self.window[s]);
                self.update_hash(self.window[s + 1]);
                while self.insert != 0 {
                    self.update_hash(self.window[s + MIN_MATCH - 1]);
                    self.prev[s & self.w_mask] = self.head[self.ins_h];
                    self.head[self.ins_h] = s as u16;
                    s += 1;
                    self.insert -= 1;
                    if self.lookahead + self.insert < MIN_MATCH {
                        break;
                    }
                }
            }
            if !(self.lookahead < MIN_LOOKAHEAD && strm.avail_in() != 0) {
                break;
            }
        }
    }

    /// How many bytes from index 3 on agree at `a` and `b` (at most 258):
    /// zlib's scan loop, which trusts the first three bytes to the caller.
    #[inline]
    fn match_len(window: &[u8], a: usize, b: usize) -> usize {
        let mut k = 3;
        while k + 8 <= MAX_MATCH {
            let x = u64::from_le_bytes(window[a + k..a + k + 8].try_into().expect("8 bytes"));
            let y = u64::from_le_bytes(window[b + k..b + k + 8].try_into().expect("8 bytes"));
            if x != y {
                return k + ((x ^ y).trailing_zeros() / 8) as usize;
            }
            k += 8;
        }
        while k < MAX_MATCH && window[a + k] == window[b + k] {
            k += 1;
        }
        k
    }

    /// The longest match for the string at `strstart` along the hash
    /// chain from `cur_match` (zlib's `longest_match`; sets `match_start`).
    fn longest_match(&mut self, mut cur_match: usize) -> usize {
        let mut chain_length = self.max_chain_length;
        let scan = self.strstart;
        let mut best_len = self.prev_length;
        let mut nice_match = self.nice_match;
        let limit = self.strstart.saturating_sub(self.max_dist());
        let window = &self.window[..];
        let prev = &self.prev[..];
        let pair = |at: usize| u16::from_le_bytes([window[at], window[at + 1]]);
        // The two bytes that end the best match so far, and the first two:
        // a candidate must agree on both pairs to be worth scanning.
        let mut scan_end = pair(scan + best_len - 1);
        let scan_start = pair(scan);
        if self.prev_length >= self.good_match {
            chain_length >>= 2;
        }
        if nice_match > self.lookahead {
            nice_match = self.lookahead;
        }
        loop {
            let m = cur_match;
            if pair(m + best_len - 1) == scan_end && pair(m) == scan_start {
                let len = Self::match_len(window, scan, m);
                if len > best_len {
                    self.match_start = cur_match;
                    best_len = len;
                    if len >= nice_match {
                        break;
                    }
                    scan_end = pair(scan + best_len - 1);
                }
            }
            cur_match = usize::from(prev[cur_match & self.w_mask]);
            if cur_match <= limit {
                break;
            }
            chain_length -= 1;
            if chain_length == 0 {
                break;
            }
        }
        best_len.min(self.lookahead)
    }

    /// Tallies the byte at `strstart` as a literal and steps past it; true
    /// when the block is full.
    fn tally_next_literal(&mut self) -> bool {
        let full = self.trees.tally_lit(self.window[self.strstart]);
        self.lookahead -= 1;
        self.strstart += 1;
        full
    }

    /// Ends the block at `strstart` (zlib's FLUSH_BLOCK_ONLY).
    fn flush_block_only(&mut self, strm: &mut Stream, last: bool) {
        let stored_len = (self.strstart as isize - self.block_start) as usize;
        let data = (self.block_start >= 0).then(|| {
            let start = self.block_start as usize;
            &self.window[start..start + stored_len]
        });
        let fixed = self.strategy == super::Z_FIXED;
        self.trees.flush_block(data, stored_len, last, self.level, fixed);
        self.block_start = self.strstart as isize;
        self.flush_pending(strm);
    }

    /// FLUSH_BLOCK: ends the block, and returns when the output is full.
    fn flush_block(&mut self, strm: &mut Stream, last: bool) -> Next {
        self.flush_block_only(strm, last);
        if strm.avail_out == 0 {
            return Next::Return(if last {
                BlockState::FinishStarted
            } else {
                BlockState::NeedMore
            });
        }
        Next::Continue
    }

    /// The end of the input for fast, slow, rle and huff: the last block,
    /// or the block so far on a flush.
    fn finish_blocks(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        if flush == Z_FINISH {
            if let Next::Return(state) = self.flush_block(strm, true) {
                return state;
            }
            return BlockState::FinishDone;
        }
        if self.trees.has_symbols() {
            if let Next::Return(state) = self.flush_block(strm, false) {
                return state;
            }
        }
        BlockState::BlockDone
    }

    /// Slides the window down by `w_size` for the stored path, counting a
    /// hash slide owed should the level change (it cannot from Python,
    /// but zlib keeps the count).
    fn stored_slide(&mut self) {
        self.strstart -= self.w_size;
        self.window.copy_within(self.w_size..self.w_size + self.strstart, 0);
        if self.trees.matches < 2 {
            self.trees.matches += 1;
        }
        if self.insert > self.strstart {
            self.insert = self.strstart;
        }
    }

    /// Level 0: stored blocks, copied straight to the output when it has
    /// room for a worthy block, else gathered in the window.
    pub(super) fn deflate_stored(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        let mut min_block = (self.pending_buf_size - 5).min(self.w_size);
        let mut last = false;
        let used_before = strm.avail_in();
        loop {
            let mut len = MAX_STORED;
            let have = (self.trees.bits_pending() as usize + 42) >> 3;
            if strm.avail_out < have {
                break;
            }
            let have = strm.avail_out - have;
            let mut left = (self.strstart as isize - self.block_start) as usize;
            if len > left + strm.avail_in() {
                len = left + strm.avail_in();
            }
            if len > have {
                len = have;
            }
            if len < min_block
                && ((len == 0 && flush != Z_FINISH)
                    || flush == Z_NO_FLUSH
                    || len != left + strm.avail_in())
            {
                break;
            }
            last = flush == Z_FINISH && len == left + strm.avail_in();
            self.trees.stored_block(&[], last);
            let n = self.trees.pending.len();
            let l = len as u16;
            self.trees.pending[n - 4..].copy_from_slice(&[
                l as u8,
                (l >> 8) as u8,
                !l as u8,
                (!l >> 8) as u8,
            ]);
            self.flush_pending(strm);
            if left != 0 {
                left = left.min(len);
                let start = self.block_start as usize;
                strm.out.extend_from_slice(&self.window[start..start + left]);
                strm.avail_out -= left;
                self.block_start += left as isize;
                len -= left;
            }
            if len != 0 {
                let data = self.read_buf(strm, len);
                strm.out.extend_from_slice(data);
                strm.avail_out -= len;
            }
            if last {
                break;
            }
        }
        let used = used_before - strm.avail_in();
        if used != 0 {
            if used >= self.w_size {
                self.trees.matches = 2;
                let end = strm.next_in;
                self.window[..self.w_size].copy_from_slice(&strm.input[end - self.w_size..end]);
                self.strstart = self.w_size;
                self.insert = self.strstart;
            } else {
                if self.window_size - self.strstart <= used {
                    self.stored_slide();
                }
                let end = strm.next_in;
                let at = self.strstart;
                self.window[at..at + used].copy_from_slice(&strm.input[end - used..end]);
                self.strstart += used;
                self.insert += used.min(self.w_size - self.insert);
            }
            self.block_start = self.strstart as isize;
        }
        if last {
            return BlockState::FinishDone;
        }
        if flush != Z_NO_FLUSH
            && flush != Z_FINISH
            && strm.avail_in() == 0
            && self.strstart as isize == self.block_start
        {
            return BlockState::BlockDone;
        }
        let mut have = self.window_size - self.strstart;
        if strm.avail_in() > have && self.block_start >= self.w_size as isize {
            self.block_start -= self.w_size as isize;
            self.stored_slide();
            have += self.w_size;
        }
        have = have.min(strm.avail_in());
        if have != 0 {
            let data = self.read_buf(strm, have);
            let at = self.strstart;
            self.window[at..at + have].copy_from_slice(data);
            self.strstart += have;
            self.insert += have.min(self.w_size - self.insert);
        }
        let have = (self.trees.bits_pending() as usize + 42) >> 3;
        let have = (self.pending_buf_size - have).min(MAX_STORED);
        min_block = have.min(self.w_size);
        let left = (self.strstart as isize - self.block_start) as usize;
        if left >= min_block
            || ((left != 0 || flush == Z_FINISH)
                && flush != Z_NO_FLUSH
                && strm.avail_in() == 0
                && left <= have)
        {
            let len = left.min(have);
            last = flush == Z_FINISH && strm.avail_in() == 0 && len == left;
            let start = self.block_start as usize;
            let data = &self.window[start..start + len];
            self.trees.stored_block(data, last);
            self.block_start += len as isize;
            self.flush_pending(strm);
        }
        if last {
            BlockState::FinishStarted
        } else {
            BlockState::NeedMore
        }
    }

    /// Makes sure of the lookahead the matchers need; Some(state) when the
    /// block maker must return, None to go on; `Some(BlockDone)` here
    /// means "input over: finish the blocks".
    fn need_lookahead(&mut self, strm: &mut Stream, flush: i32, min: usize) -> Option<BlockState> {
        if self.lookahead < min {
            self.fill_window(strm);
            if self.lookahead < min && flush == Z_NO_FLUSH {
                return Some(BlockState::NeedMore);
            }
            if self.lookahead == 0 {
                return Some(BlockState::BlockDone);
            }
        }
        None
    }

    /// Levels 1-3: greedy matching; strings inside a match are hashed only
    /// when the match is short (`max_lazy_match` is the insert limit here).
    pub(super) fn deflate_fast(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        loop {
            match self.need_lookahead(strm, flush, MIN_LOOKAHEAD) {
                Some(BlockState::BlockDone) => break,
                Some(state) => return state,
                None => {}
            }
            let hash_head = self.insert_current();
            if hash_head != 0 && self.strstart.wrapping_sub(hash_head) <= self.max_dist() {
                self.match_length = self.longest_match(hash_head);
            }
            let bflush;
            if self.match_length >= MIN_MATCH {
                bflush = self
                    .trees
                    .tally_dist(self.strstart - self.match_start, self.match_length - MIN_MATCH);
                self.lookahead -= self.match_length;
                if self.match_length <= self.max_lazy_match && self.lookahead >= MIN_MATCH {
                    self.match_length -= 1;
                    loop {
                        self.strstart += 1;
                        self.insert_string(self.strstart);
                        self.match_length -= 1;
                        if self.match_length == 0 {
                            break;
                        }
                    }
                    self.strstart += 1;
                } else {
                    self.strstart += self.match_length;
                    self.match_length = 0;
                    self.ins_h = usize::from(self.window[self.strstart]);
                    self.update_hash(self.window[self.strstart + 1]);
                }
            } else {
                bflush = self.tally_next_literal();
            }
            if bflush {
                if let Next::Return(state) = self.flush_block(strm, false) {
                    return state;
                }
            }
        }
        self.insert = self.strstart.min(MIN_MATCH - 1);
        self.finish_blocks(strm, flush)
    }

    /// Levels 4-9: lazy matching — a match is taken only if the next
    /// position does not start a longer one.
    pub(super) fn deflate_slow(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        loop {
            match self.need_lookahead(strm, flush, MIN_LOOKAHEAD) {
                Some(BlockState::BlockDone) => break,
                Some(state) => return state,
                None => {}
            }
            let hash_head = self.insert_current();
            self.prev_length = self.match_length;
            self.prev_match = self.match_start;
            self.match_length = MIN_MATCH - 1;
            if hash_head != 0
                && self.prev_length < self.max_lazy_match
                && self.strstart.wrapping_sub(hash_head) <= self.max_dist()
            {
                self.match_length = self.longest_match(hash_head);
                if self.match_length <= 5
                    && (self.strategy == Z_FILTERED
                        || (self.match_length == MIN_MATCH
                            && self.strstart - self.match_start > TOO_FAR))
                {
                    self.match_length = MIN_MATCH - 1;
                }
            }
            if self.prev_length >= MIN_MATCH && self.match_length <= self.prev_length {
                let max_insert = self.strstart + self.lookahead - MIN_MATCH;
                let bflush = self
                    .trees
                    .tally_dist(self.strstart - 1 - self.prev_match, self.prev_length - MIN_MATCH);
                self.lookahead -= self.prev_length - 1;
                self.prev_length -= 2;
                loop {
                    self.strstart += 1;
                    if self.strstart <= max_insert {
                        self.insert_string(self.strstart);
                    }
                    self.prev_length -= 1;
                    if self.prev_length == 0 {
                        break;
                    }
                }
                self.match_available = false;
                self.match_length = MIN_MATCH - 1;
                self.strstart += 1;
                if bflush {
                    if let Next::Return(state) = self.flush_block(strm, false) {
                        return state;
                    }
                }
            } else if self.match_available {
                let bflush = self.trees.tally_lit(self.window[self.strstart - 1]);
                if bflush {
                    self.flush_block_only(strm, false);
                }
                self.strstart += 1;
                self.lookahead -= 1;
                if strm.avail_out == 0 {
                    return BlockState::NeedMore;
                }
            } else {
                self.match_available = true;
                self.strstart += 1;
                self.lookahead -= 1;
            }
        }
        if self.match_available {
            self.trees.tally_lit(self.window[self.strstart - 1]);
            self.match_available = false;
        }
        self.insert = self.strstart.min(MIN_MATCH - 1);
        self.finish_blocks(strm, flush)
    }

    /// Z_RLE: matches of distance one only, no hash chains.
    pub(super) fn deflate_rle(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        loop {
            match self.need_lookahead(strm, flush, MAX_MATCH + 1) {
                Some(BlockState::BlockDone) => break,
                Some(state) => return state,
                None => {}
            }
            self.match_length = 0;
            if self.lookahead >= MIN_MATCH && self.strstart > 0 {
                let s = self.strstart - 1;
                let w = &self.window;
                let prev = w[s];
                if prev == w[s + 1] && prev == w[s + 2] && prev == w[s + 3] {
                    // zlib compares in groups of 8 from s + 4 and stops at
                    // s + 1 + MAX_MATCH at the latest.
                    let strend = self.strstart + MAX_MATCH;
                    let mut scan = s + 3;
                    loop {
                        let mut stop = false;
                        for _ in 0..8 {
                            scan += 1;
                            if w[scan] != prev {
                                stop = true;
                                break;
                            }
                        }
                        if stop || scan >= strend {
                            break;
                        }
                    }
                    self.match_length = (MAX_MATCH - (strend - scan)).min(self.lookahead);
                }
            }
            let bflush;
            if self.match_length >= MIN_MATCH {
                bflush = self.trees.tally_dist(1, self.match_length - MIN_MATCH);
                self.lookahead -= self.match_length;
                self.strstart += self.match_length;
                self.match_length = 0;
            } else {
                bflush = self.tally_next_literal();
            }
            if bflush {
                if let Next::Return(state) = self.flush_block(strm, false) {
                    return state;
                }
            }
        }
        self.insert = 0;
        self.finish_blocks(strm, flush)
    }

    /// Z_HUFFMAN_ONLY: literals only.
    pub(super) fn deflate_huff(&mut self, strm: &mut Stream, flush: i32) -> BlockState {
        loop {
            if self.lookahead == 0 {
                self.fill_window(strm);
                if self.lookahead == 0 {
                    if flush == Z_NO_FLUSH {
                        return BlockState::NeedMore;
                    }
                    break;
                }
            }
            self.match_length = 0;
            let bflush = self.tally_next_literal();
            if bflush {
                if let Next::Return(state) = self.flush_block(strm, false) {
                    return state;
                }
            }
        }
        self.insert = 0;
        self.finish_blocks(strm, flush)
    }
}
