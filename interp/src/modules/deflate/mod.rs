//! The deflate compressor (RFC 1951) with the zlib (RFC 1950) and gzip
//! (RFC 1952) wrappers, ported from zlib 1.2.13 — the zlib CPython 3.8
//! links — so that the output is byte for byte zlib's at every level,
//! strategy, window, memory level and flush.
//!
//! | module | owns |
//! |---|---|
//! | this file | the stream: parameters, `deflate()`'s wrapper and flush logic, preset dictionaries, and the output-buffer schedule of CPython's `zlibmodule.c` |
//! | [`matching`] | the window: filling and sliding it, hash chains, `longest_match`, and the five block makers (stored, fast, slow, rle, huff) |
//! | [`trees`] | the blocks: symbol tallies, Huffman trees, block-type choice, the bit buffer |

mod matching;
mod trees;

use super::binascii::crc32_update;
use super::inflate::adler32_update;
use trees::Trees;

pub const Z_NO_FLUSH: i32 = 0;
pub const Z_PARTIAL_FLUSH: i32 = 1;
pub const Z_SYNC_FLUSH: i32 = 2;
pub const Z_FULL_FLUSH: i32 = 3;
pub const Z_FINISH: i32 = 4;
pub const Z_BLOCK: i32 = 5;

pub const Z_FILTERED: i32 = 1;
pub const Z_HUFFMAN_ONLY: i32 = 2;
pub const Z_RLE: i32 = 3;
pub const Z_FIXED: i32 = 4;

/// zlib's return codes that callers see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    StreamEnd,
    /// No progress possible (-5); not an error for CPython's loops.
    BufError,
    /// Bad parameters or state (-2).
    StreamError,
}

impl Status {
    pub fn code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::StreamEnd => 1,
            Status::BufError => -5,
            Status::StreamError => -2,
        }
    }
}

/// What a block maker reports (zlib's `block_state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockState {
    NeedMore,
    BlockDone,
    FinishStarted,
    FinishDone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// The zlib header is still to write.
    Init,
    /// The gzip header is still to write.
    Gzip,
    Busy,
    Finish,
}

/// One call's input and output, as zlib's `z_stream` sees them.
struct Stream<'a> {
    input: &'a [u8],
    next_in: usize,
    out: &'a mut Vec<u8>,
    avail_out: usize,
}

impl Stream<'_> {
    fn avail_in(&self) -> usize {
        self.input.len() - self.next_in
    }
}

/// The configuration table: good, lazy, nice, chain, and which block
/// maker (0 stored, 1 fast, 2 slow).
const CONFIG: [(usize, usize, usize, usize, u8); 10] = [
    (0, 0, 0, 0, 0),
    (4, 4, 8, 4, 1),
    (4, 5, 16, 8, 1),
    (4, 6, 32, 32, 1),
    (4, 4, 16, 16, 2),
    (8, 16, 32, 32, 2),
    (8, 16, 128, 128, 2),
    (8, 32, 128, 256, 2),
    (32, 128, 258, 1024, 2),
    (32, 258, 258, 4096, 2),
];

/// A compression stream (zlib's `deflate_state`).
#[derive(Clone)]
pub struct Deflater {
    level: i32,
    strategy: i32,
    /// 0 raw, 1 zlib, 2 gzip; negated once the trailer is written.
    wrap: i32,
    phase: Phase,
    last_flush: i32,
    adler: u32,
    total_in: u64,

    w_bits: u32,
    w_size: usize,
    w_mask: usize,
    window: Vec<u8>,
    window_size: usize,
    prev: Vec<u16>,
    head: Vec<u16>,
    ins_h: usize,
    hash_mask: usize,
    hash_shift: u32,
    pending_buf_size: usize,

    block_start: isize,
    match_length: usize,
    prev_match: usize,
    match_available: bool,
    strstart: usize,
    match_start: usize,
    lookahead: usize,
    prev_length: usize,
    insert: usize,
    max_chain_length: usize,
    max_lazy_match: usize,
    good_match: usize,
    nice_match: usize,

    trees: Trees,
}

/// CPython's `DEF_BUF_SIZE`: the first output buffer of each call.
const DEF_BUF_SIZE: usize = 16384;

impl Deflater {
    /// `deflateInit2`: Err for parameters zlib refuses (Z_STREAM_ERROR).
    pub fn new(
        level: i32,
        method: i32,
        window_bits: i32,
        mem_level: i32,
        strategy: i32,
    ) -> Result<Deflater, Status> {
        let level = if level == -1 { 6 } else { level };
        let (wrap, mut w_bits) = if window_bits < 0 {
            if window_bits < -15 {
                return Err(Status::StreamError);
            }
            (0, -window_bits)
        } else if window_bits > 15 {
            (2, window_bits - 16)
        } else {
            (1, window_bits)
        };
        if !(1..=9).contains(&mem_level)
            || method != 8
            || !(8..=15).contains(&w_bits)
            || !(0..=9).contains(&level)
            || !(0..=Z_FIXED).contains(&strategy)
            || (w_bits == 8 && wrap != 1)
        {
            return Err(Status::StreamError);
        }
        if w_bits == 8 {
            w_bits = 9;
        }
        let w_size = 1usize << w_bits;
        let hash_bits = mem_level as u32 + 7;
        let lit_bufsize = 1usize << (mem_level + 6);
        let (good, lazy, nice, chain, _) = CONFIG[level as usize];
        Ok(Deflater {
            level,
            strategy,
            wrap,
            phase: if wrap == 2 { Phase::Gzip } else { Phase::Init },
            last_flush: -2,
            adler: if wrap == 2 { 0 } else { 1 },
            total_in: 0,
            w_bits: w_bits as u32,
            w_size,
            w_mask: w_size - 1,
            window: vec![0; 2 * w_size],
            window_size: 2 * w_size,
            prev: vec![0; w_size],
            head: vec![0; 1 << hash_bits],
            ins_h: 0,
            hash_mask: (1 << hash_bits) - 1,
            hash_shift: hash_bits.div_ceil(3),
            pending_buf_size: lit_bufsize * 4,
            block_start: 0,
            match_length: 2,
            prev_match: 0,
            match_available: false,
            strstart: 0,
            match_start: 0,
            lookahead: 0,
            prev_length: 2,
            insert: 0,
            max_chain_length: chain,
            max_lazy_match: lazy,
            good_match: good,
            nice_match: nice,
            trees: Trees::new(lit_bufsize),
        })
    }

    /// Whether `Z_FINISH` has been given and fully written.
    pub fn finished(&self) -> bool {
        self.phase == Phase::Finish && self.wrap <= 0 && self.trees.pending_len() == 0
    }

    /// `deflateSetDictionary`: Err (Z_STREAM_ERROR) for a gzip stream or
    /// once compression has begun.
    pub fn set_dictionary(&mut self, dictionary: &[u8]) -> Result<(), Status> {
        let wrap = self.wrap;
        if wrap == 2 || (wrap == 1 && self.phase != Phase::Init) || self.lookahead != 0 {
            return Err(Status::StreamError);
        }
        if wrap == 1 {
            self.adler = adler32_update(self.adler, dictionary);
        }
        self.wrap = 0;
        let mut dictionary = dictionary;
        if dictionary.len() >= self.w_size {
            if wrap == 0 {
                self.head.fill(0);
                self.strstart = 0;
                self.block_start = 0;
                self.insert = 0;
            }
            dictionary = &dictionary[dictionary.len() - self.w_size..];
        }
        let mut sink = Vec::new();
        let mut strm = Stream { input: dictionary, next_in: 0, out: &mut sink, avail_out: 0 };
        self.fill_window(&mut strm);
        while self.lookahead >= trees::MIN_MATCH {
            let mut s = self.strstart;
            for _ in 0..self.lookahead - (trees::MIN_MATCH - 1) {
                self.update_hash(self.window[s + trees::MIN_MATCH - 1]);
                self.prev[s & self.w_mask] = self.head[self.ins_h];
                self.head[self.ins_h] = s as u16;
                s += 1;
            }
            self.strstart = s;
            self.lookahead = trees::MIN_MATCH - 1;
            self.fill_window(&mut strm);
        }
        self.strstart += self.lookahead;
        self.block_start = self.strstart as isize;
        self.insert = self.lookahead;
        self.lookahead = 0;
        self.match_length = trees::MIN_MATCH - 1;
        self.prev_length = trees::MIN_MATCH - 1;
        self.match_available = false;
        self.wrap = wrap;
        Ok(())
    }

    /// Compresses `input` with `flush` as CPython's zlib module drives
    /// zlib: output buffers of 16 KiB, doubled each time one fills, and
    /// `deflate()` called until it leaves room in one. The output
    /// buffer sizes matter: stored blocks are cut to fit them.
    pub fn run(&mut self, input: &[u8], flush: i32) -> Result<Vec<u8>, Status> {
        let mut out = Vec::new();
        let mut length = DEF_BUF_SIZE;
        let mut next_in = 0;
        loop {
            if out.len() == length {
                length *= 2;
            }
            let avail_out = length - out.len();
            let mut strm = Stream { input, next_in, out: &mut out, avail_out };
            let status = self.deflate(&mut strm, flush);
            let (left, consumed) = (strm.avail_out, strm.next_in);
            next_in = consumed;
            if status == Status::StreamError {
                return Err(status);
            }
            if left != 0 {
                return Ok(out);
            }
        }
    }

    fn rank(flush: i32) -> i32 {
        flush * 2 - if flush > 4 { 9 } else { 0 }
    }

    /// zlib's `deflate()`.
    fn deflate(&mut self, strm: &mut Stream, flush: i32) -> Status {
        if !(0..=Z_BLOCK).contains(&flush) {
            return Status::StreamError;
        }
        if self.phase == Phase::Finish && flush != Z_FINISH {
            return Status::StreamError;
        }
        if strm.avail_out == 0 {
            return Status::BufError;
        }
        let old_flush = self.last_flush;
        self.last_flush = flush;
        if self.trees.pending_len() != 0 {
            self.flush_pending(strm);
            if strm.avail_out == 0 {
                self.last_flush = -1;
                return Status::Ok;
            }
        } else if strm.avail_in() == 0
            && Self::rank(flush) <= Self::rank(old_flush)
            && flush != Z_FINISH
        {
            return Status::BufError;
        }
        if self.phase == Phase::Finish && strm.avail_in() != 0 {
            return Status::BufError;
        }
        if self.phase == Phase::Init && self.wrap == 0 {
            self.phase = Phase::Busy;
        }
        if matches!(self.phase, Phase::Init | Phase::Gzip) {
            if self.phase == Phase::Init {
                self.write_zlib_header();
            } else {
                self.write_gzip_header();
            }
            self.phase = Phase::Busy;
            self.flush_pending(strm);
            if self.trees.pending_len() != 0 {
                self.last_flush = -1;
                return Status::Ok;
            }
        }
        if strm.avail_in() != 0
            || self.lookahead != 0
            || (flush != Z_NO_FLUSH && self.phase != Phase::Finish)
        {
            let bstate = if self.level == 0 {
                self.deflate_stored(strm, flush)
            } else if self.strategy == Z_HUFFMAN_ONLY {
                self.deflate_huff(strm, flush)
            } else if self.strategy == Z_RLE {
                self.deflate_rle(strm, flush)
            } else if CONFIG[self.level as usize].4 == 1 {
                self.deflate_fast(strm, flush)
            } else {
                self.deflate_slow(strm, flush)
            };
            if matches!(bstate, BlockState::FinishStarted | BlockState::FinishDone) {
                self.phase = Phase::Finish;
            }
            if matches!(bstate, BlockState::NeedMore | BlockState::FinishStarted) {
                if strm.avail_out == 0 {
                    self.last_flush = -1;
                }
                return Status::Ok;
            }
            if bstate == BlockState::BlockDone {
                if flush == Z_PARTIAL_FLUSH {
                    self.trees.align();
                } else if flush != Z_BLOCK {
                    self.trees.stored_block(&[], false);
                    if flush == Z_FULL_FLUSH {
                        self.head.fill(0);
                        if self.lookahead == 0 {
                            self.strstart = 0;
                            self.block_start = 0;
                            self.insert = 0;
                        }
                    }
                }
                self.flush_pending(strm);
                if strm.avail_out == 0 {
                    self.last_flush = -1;
                    return Status::Ok;
                }
            }
        }
        if flush != Z_FINISH {
            return Status::Ok;
        }
        if self.wrap <= 0 {
            return Status::StreamEnd;
        }
        if self.wrap == 2 {
            let mut trailer = self.adler.to_le_bytes().to_vec();
            trailer.extend_from_slice(&(self.total_in as u32).to_le_bytes());
            trailer.iter().for_each(|&b| self.trees.put_byte(b));
        } else {
            self.trees.put_short_msb(self.adler >> 16);
            self.trees.put_short_msb(self.adler & 0xFFFF);
        }
        self.flush_pending(strm);
        self.wrap = -self.wrap;
        if self.trees.pending_len() != 0 {
            Status::Ok
        } else {
            Status::StreamEnd
        }
    }

    fn write_zlib_header(&mut self) {
        let mut header = (8 + ((self.w_bits - 8) << 4)) << 8;
        let level_flags = if self.strategy >= Z_HUFFMAN_ONLY || self.level < 2 {
            0
        } else if self.level < 6 {
            1
        } else if self.level == 6 {
            2
        } else {
            3
        };
        header |= level_flags << 6;
        if self.strstart != 0 {
            header |= 0x20;
        }
        header += 31 - (header % 31);
        self.trees.put_short_msb(header);
        if self.strstart != 0 {
            self.trees.put_short_msb(self.adler >> 16);
            self.trees.put_short_msb(self.adler & 0xFFFF);
        }
        self.adler = 1;
    }

    fn write_gzip_header(&mut self) {
        self.adler = 0;
        let xfl = if self.level == 9 {
            2
        } else if self.strategy >= Z_HUFFMAN_ONLY || self.level < 2 {
            4
        } else {
            0
        };
        // No name, time 0, OS 3 (Unix), as zlib writes without deflateSetHeader.
        for b in [31, 139, 8, 0, 0, 0, 0, 0, xfl, 3] {
            self.trees.put_byte(b);
        }
    }

    /// Moves what `pending` holds (and the whole bytes of the bit buffer)
    /// to the output, as far as it has room.
    fn flush_pending(&mut self, strm: &mut Stream) {
        self.trees.flush_bits();
        let len = self.trees.pending_len().min(strm.avail_out);
        if len == 0 {
            return;
        }
        let start = self.trees.pending_out;
        strm.out.extend_from_slice(&self.trees.pending[start..start + len]);
        strm.avail_out -= len;
        self.trees.pending_out += len;
        if self.trees.pending_len() == 0 {
            self.trees.pending.clear();
            self.trees.pending_out = 0;
        }
    }

    /// Takes up to `size` input bytes, adding them to the check value.
    fn read_buf<'s>(&mut self, strm: &mut Stream<'s>, size: usize) -> &'s [u8] {
        let input: &'s [u8] = strm.input;
        let len = strm.avail_in().min(size);
        let data = &input[strm.next_in..strm.next_in + len];
        strm.next_in += len;
        match self.wrap {
            1 => self.adler = adler32_update(self.adler, data),
            2 => self.adler = crc32_update(self.adler, data),
            _ => {}
        }
        self.total_in += len as u64;
        data
    }
}

/// `zlib.compress(data, level)`: a whole zlib stream.
pub fn compress(data: &[u8], level: i32) -> Result<Vec<u8>, Status> {
    let mut d = Deflater::new(level, 8, 15, 8, 0)?;
    d.run(data, Z_FINISH)
}

#[cfg(test)]
mod tests;
