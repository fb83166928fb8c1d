//! The deflate decoder (RFC 1951) with the zlib (RFC 1950) and gzip
//! (RFC 1952) wrappers, decoding canonical Huffman codes by counts and
//! symbols as Mark Adler's `puff.c` does. Errors carry zlib's own messages,
//! which `zlib.error` shows.

use super::binascii::crc32_update;

/// The container around the deflate data (from `wbits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapper {
    Raw,
    Zlib,
    Gzip,
    /// Zlib or gzip, told apart by the first bytes (`wbits` 32 + n).
    Auto,
}

/// What one run over the input gave.
#[derive(Debug, Default)]
pub struct Inflated {
    pub output: Vec<u8>,
    /// Input bytes used, the trailer included once the stream is complete.
    pub consumed: usize,
    /// The end of the stream (and its trailer) was reached.
    pub complete: bool,
}

/// A decoding error: zlib's code (-3: data error) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InflateError {
    pub message: &'static str,
}

/// Input ran out: the caller has only part of the stream.
struct NeedInput;

enum Stop {
    Input,
    Error(&'static str),
}

impl From<NeedInput> for Stop {
    fn from(_: NeedInput) -> Stop {
        Stop::Input
    }
}

/// The bit reader. It reads ahead (up to 64 bits) for speed; `rewind`
/// gives back the whole bytes read ahead, so that where a run stops the
/// input position says how much of the input the decoded bits used, as
/// zlib's does.
#[derive(Clone, Copy)]
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buffer: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    fn refill(&mut self) {
        while self.count <= 56 {
            let Some(&b) = self.data.get(self.pos) else { return };
            self.buffer |= u64::from(b) << self.count;
            self.count += 8;
            self.pos += 1;
        }
    }

    fn need(&mut self, n: u32) -> Result<(), NeedInput> {
        if self.count < n {
            self.refill();
            if self.count < n {
                return Err(NeedInput);
            }
        }
        Ok(())
    }

    /// Gives back the whole bytes read ahead.
    fn rewind(&mut self) {
        let whole = self.count / 8;
        self.pos -= whole as usize;
        self.count -= whole * 8;
        self.buffer &= (1u64 << self.count) - 1;
    }

    fn bits(&mut self, n: u32) -> Result<u32, NeedInput> {
        if n == 0 {
            return Ok(0);
        }
        self.need(n)?;
        let v = (self.buffer & ((1u64 << n) - 1)) as u32;
        self.buffer >>= n;
        self.count -= n;
        Ok(v)
    }

    /// Up to `n` next bits without taking them: the bits and how many
    /// there are (fewer at the end of the input).
    fn peek(&mut self, n: u32) -> (u64, u32) {
        if self.count < n {
            self.refill();
        }
        (self.buffer, self.count)
    }

    /// Drops the bits up to the next byte boundary.
    fn align(&mut self) {
        let drop = self.count % 8;
        self.buffer >>= drop;
        self.count -= drop;
    }

    /// The next whole byte (after `align`).
    fn byte(&mut self) -> Result<u8, NeedInput> {
        Ok(self.bits(8)? as u8)
    }

    /// Where the unread input starts, counting buffered whole bytes as unread.
    fn position(&self) -> usize {
        self.pos - (self.count / 8) as usize
    }
}

const MAX_BITS: usize = 15;

/// Codes up to this long are decoded by one table lookup.
const FAST_BITS: u32 = 9;

/// A canonical Huffman code: how many codes of each length, and the
/// symbols in code order; `fast` maps the next FAST_BITS input bits to
/// `symbol << 4 | length` for the short codes (0 where the code is longer).
#[derive(Clone)]
struct Huffman {
    counts: [u16; MAX_BITS + 1],
    symbols: Vec<u16>,
    fast: Vec<u16>,
}

impl Huffman {
    /// Builds the code from the lengths; Err when over-subscribed, or
    /// incomplete where that is not allowed (`complete`).
    fn new(lengths: &[u8], complete: bool) -> Result<Huffman, ()> {
        let mut counts = [0u16; MAX_BITS + 1];
        lengths.iter().for_each(|&l| counts[l as usize] += 1);
        let mut left: i32 = 1;
        for &count in &counts[1..] {
            left = (left << 1) - i32::from(count);
            if left < 0 {
                return Err(());
            }
        }
        let used = lengths.iter().filter(|&&l| l != 0).count();
        if complete && left > 0 && used > 1 {
            return Err(());
        }
        let mut offsets = [0u16; MAX_BITS + 2];
        for len in 1..=MAX_BITS {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[offsets[l as usize] as usize] = symbol as u16;
                offsets[l as usize] += 1;
            }
        }
        let mut fast = vec![0u16; 1 << FAST_BITS];
        let (mut code, mut index) = (0u32, 0usize);
        for len in 1..=FAST_BITS {
            for _ in 0..counts[len as usize] {
                let reversed = (0..len).fold(0, |r, i| r << 1 | (code >> i & 1));
                let entry = symbols[index] << 4 | len as u16;
                for fill in 0..1u32 << (FAST_BITS - len) {
                    fast[(reversed | fill << len) as usize] = entry;
                }
                code += 1;
                index += 1;
            }
            code <<= 1;
        }
        Ok(Huffman { counts, symbols, fast })
    }

    fn decode(&self, bits: &mut Bits) -> Result<Option<u16>, NeedInput> {
        // Only the bits of the code itself are taken from the input.
        let (peeked, available) = bits.peek(FAST_BITS);
        let entry = self.fast[(peeked & ((1 << FAST_BITS) - 1)) as usize];
        let len = u32::from(entry & 15);
        if len != 0 && len <= available {
            bits.bits(len)?;
            return Ok(Some(entry >> 4));
        }
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..=MAX_BITS {
            code |= bits.bits(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - count < first {
                return Ok(Some(self.symbols[(index + (code - first)) as usize]));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Ok(None)
    }
}

const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] =
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const CODE_LENGTH_ORDER: [usize; 19] =
    [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

fn fixed_codes() -> (Huffman, Huffman) {
    let mut lengths = [0u8; 288];
    lengths[..144].fill(8);
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    lengths[280..].fill(8);
    let lit = Huffman::new(&lengths, false).expect("the fixed code is complete");
    let dist = Huffman::new(&[5u8; 30], false).expect("the fixed code is complete");
    (lit, dist)
}

fn dynamic_codes(bits: &mut Bits) -> Result<(Huffman, Huffman), Stop> {
    let nlen = bits.bits(5)? as usize + 257;
    let ndist = bits.bits(5)? as usize + 1;
    let ncode = bits.bits(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err(Stop::Error("too many length or distance symbols"));
    }
    let mut lengths = [0u8; 19];
    for &i in &CODE_LENGTH_ORDER[..ncode] {
        lengths[i] = bits.bits(3)? as u8;
    }
    let lencode =
        Huffman::new(&lengths, true).map_err(|_| Stop::Error("invalid code lengths set"))?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < nlen + ndist {
        let Some(symbol) = lencode.decode(bits)? else {
            return Err(Stop::Error("invalid code lengths set"));
        };
        if symbol < 16 {
            lengths[i] = symbol as u8;
            i += 1;
            continue;
        }
        let (value, repeat) = match symbol {
            16 => {
                if i == 0 {
                    return Err(Stop::Error("invalid bit length repeat"));
                }
                (lengths[i - 1], 3 + bits.bits(2)? as usize)
            }
            17 => (0, 3 + bits.bits(3)? as usize),
            _ => (0, 11 + bits.bits(7)? as usize),
        };
        if i + repeat > nlen + ndist {
            return Err(Stop::Error("invalid bit length repeat"));
        }
        lengths[i..i + repeat].fill(value);
        i += repeat;
    }
    if lengths[256] == 0 {
        return Err(Stop::Error("invalid code -- missing end-of-block"));
    }
    let lit = Huffman::new(&lengths[..nlen], true)
        .map_err(|_| Stop::Error("invalid literal/lengths set"))?;
    let dist =
        Huffman::new(&lengths[nlen..], true).map_err(|_| Stop::Error("invalid distances set"))?;
    Ok((lit, dist))
}

/// One decoded symbol of a compressed block.
enum Symbol {
    Literal(u8),
    Copy { len: usize, dist: usize },
    EndOfBlock,
}

fn symbol(bits: &mut Bits, lit: &Huffman, dist: &Huffman) -> Result<Symbol, Stop> {
    let Some(symbol) = lit.decode(bits)? else {
        return Err(Stop::Error("invalid literal/length code"));
    };
    match symbol {
        0..=255 => Ok(Symbol::Literal(symbol as u8)),
        256 => Ok(Symbol::EndOfBlock),
        _ => {
            let index = usize::from(symbol - 257);
            if index >= 29 {
                return Err(Stop::Error("invalid literal/length code"));
            }
            let len = usize::from(LENGTH_BASE[index])
                + bits.bits(u32::from(LENGTH_EXTRA[index]))? as usize;
            let Some(code) = dist.decode(bits)? else {
                return Err(Stop::Error("invalid distance code"));
            };
            let code = usize::from(code);
            if code >= 30 {
                return Err(Stop::Error("invalid distance code"));
            }
            let dist =
                usize::from(DIST_BASE[code]) + bits.bits(u32::from(DIST_EXTRA[code]))? as usize;
            Ok(Symbol::Copy { len, dist })
        }
    }
}

fn adler32(data: &[u8]) -> u32 {
    adler32_update(1, data)
}

/// Adler-32 of `data` continuing from `adler`.
pub fn adler32_update(adler: u32, data: &[u8]) -> u32 {
    let (mut a, mut b) = (adler & 0xFFFF, adler >> 16);
    for chunk in data.chunks(5552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// The zlib header: Err for a bad one; whether a dictionary id follows.
fn zlib_header(bits: &mut Bits, window_bits: u32) -> Result<bool, Stop> {
    let cmf = bits.byte()?;
    let flg = bits.byte()?;
    if (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
        return Err(Stop::Error("incorrect header check"));
    }
    if cmf & 0x0F != 8 {
        return Err(Stop::Error("unknown compression method"));
    }
    if u32::from(cmf >> 4) + 8 > window_bits.max(8) {
        return Err(Stop::Error("invalid window size"));
    }
    Ok(flg & 0x20 != 0)
}

fn gzip_header(bits: &mut Bits) -> Result<(), Stop> {
    if bits.byte()? != 0x1F || bits.byte()? != 0x8B {
        return Err(Stop::Error("incorrect header check"));
    }
    if bits.byte()? != 8 {
        return Err(Stop::Error("unknown compression method"));
    }
    let flags = bits.byte()?;
    if flags & 0xE0 != 0 {
        return Err(Stop::Error("unknown header flags set"));
    }
    for _ in 0..6 {
        bits.byte()?;
    }
    if flags & 4 != 0 {
        let len = u16::from(bits.byte()?) | u16::from(bits.byte()?) << 8;
        for _ in 0..len {
            bits.byte()?;
        }
    }
    for flag in [8, 16] {
        if flags & flag != 0 {
            while bits.byte()? != 0 {}
        }
    }
    if flags & 2 != 0 {
        bits.byte()?;
        bits.byte()?;
    }
    Ok(())
}

fn u32_be(bits: &mut Bits) -> Result<u32, NeedInput> {
    let mut v = 0u32;
    for _ in 0..4 {
        v = v << 8 | u32::from(bits.byte()?);
    }
    Ok(v)
}

fn u32_le(bits: &mut Bits) -> Result<u32, NeedInput> {
    let mut v = 0u32;
    for shift in [0, 8, 16, 24] {
        v |= u32::from(bits.byte()?) << shift;
    }
    Ok(v)
}

/// Where the decoder is in the stream.
#[derive(Clone)]
enum Mode {
    Header,
    /// The dictionary id of a zlib header with FDICT is next.
    DictId,
    Block,
    Stored(usize),
    /// A compressed block, its codes in `tables`.
    Codes,
    Trailer,
    Done,
}

/// Output decoded but not yet handed out (the output was full).
#[derive(Clone, Copy)]
enum Pending {
    Literal(u8),
    Copy { len: usize, dist: usize },
}

/// What the decoder keeps of its output: at least the last 32 KiB.
const HISTORY: usize = 1 << 15;

/// A deflate stream decoded as its input arrives, call by call (zlib's
/// `inflate()` as `Decompress` uses it). Each step (a symbol, a header)
/// is read whole or not at all: when input runs out mid-step the step's
/// bytes wait in `carry` for the next call.
#[derive(Clone)]
pub struct Inflater {
    wrapper: Wrapper,
    window_bits: u32,
    mode: Mode,
    last_block: bool,
    carry: Vec<u8>,
    buffer: u64,
    count: u32,
    /// Recent output; `history[checked..]` is not yet in `check`.
    history: Vec<u8>,
    checked: usize,
    check: u32,
    total_out: u64,
    pending: Option<Pending>,
    /// Where this call's output starts in `history`.
    call_start: usize,
    /// The literal/length and distance codes of the block in `Codes`.
    tables: Option<Box<(Huffman, Huffman)>>,
    dictionary: Option<Vec<u8>>,
}

/// What one `Inflater::feed` gave.
#[derive(Debug, Default)]
pub struct Fed {
    pub output: Vec<u8>,
    /// How many of the bytes given were used (the rest is left for the
    /// caller: input after the output filled up, or after the stream).
    pub consumed: usize,
    /// The end of the stream (and its trailer) was reached.
    pub done: bool,
    /// A zlib header asks for a dictionary and none was given.
    pub need_dictionary: bool,
}

/// Why a run of the decoder stopped.
enum Halt {
    Input,
    OutputFull,
    Done,
    NeedDictionary,
}

impl Inflater {
    /// A decoder for `wrapper`; `window_bits` (8..15) is the window the
    /// caller allows; `dictionary` primes a raw stream's window, or
    /// answers a zlib header's FDICT.
    pub fn new(wrapper: Wrapper, window_bits: u32, dictionary: Option<Vec<u8>>) -> Inflater {
        let mut d = Inflater {
            wrapper,
            window_bits,
            mode: Mode::Header,
            last_block: false,
            carry: Vec::new(),
            buffer: 0,
            count: 0,
            history: Vec::new(),
            checked: 0,
            check: 0,
            total_out: 0,
            pending: None,
            call_start: 0,
            tables: None,
            dictionary,
        };
        if wrapper == Wrapper::Raw {
            d.mode = Mode::Block;
            if let Some(dict) = &d.dictionary {
                d.history = dict.clone();
                d.checked = d.history.len();
            }
        }
        d
    }

    pub fn is_done(&self) -> bool {
        matches!(self.mode, Mode::Done)
    }

    /// Decodes what `data` allows, handing out at most `max_output`
    /// bytes (0: no limit).
    pub fn feed(&mut self, data: &[u8], max_output: usize) -> Result<Fed, InflateError> {
        let carried = self.carry.len();
        let mut input = std::mem::take(&mut self.carry);
        input.extend_from_slice(data);
        let mut bits = Bits { data: &input, pos: 0, buffer: self.buffer, count: self.count };
        self.call_start = self.history.len();
        let limit = if max_output == 0 { usize::MAX } else { max_output };
        let halt = self.run(&mut bits, limit);
        bits.rewind();
        let output = self.history[self.call_start..].to_vec();
        self.update_check();
        self.trim_history();
        let halt = halt.map_err(|message| InflateError { message })?;
        self.buffer = bits.buffer;
        self.count = bits.count;
        let mut fed = Fed { output, ..Fed::default() };
        // Bytes of earlier calls are the decoder's already: only new bytes
        // go back to the caller.
        let end = match halt {
            Halt::Input => input.len(),
            Halt::Done => {
                fed.done = true;
                // The trailer is byte-aligned: no whole byte waits in the buffer.
                self.buffer = 0;
                self.count = 0;
                bits.position().max(carried)
            }
            Halt::OutputFull => bits.pos.max(carried),
            Halt::NeedDictionary => {
                fed.need_dictionary = true;
                bits.pos.max(carried)
            }
        };
        self.carry = input[bits.pos.min(end)..end].to_vec();
        if fed.done {
            self.carry.clear();
        }
        fed.consumed = end - carried;
        Ok(fed)
    }

    /// Runs the decoder until input or output runs out or the stream ends.
    fn run(&mut self, bits: &mut Bits, limit: usize) -> Result<Halt, &'static str> {
        loop {
            let saved = *bits;
            let step = self.step(bits, limit);
            match step {
                Ok(None) => {}
                Ok(Some(halt)) => return Ok(halt),
                Err(Stop::Input) => {
                    *bits = saved;
                    return Ok(Halt::Input);
                }
                Err(Stop::Error(message)) => return Err(message),
            }
        }
    }

    /// One whole step of the stream; Some(halt) to stop.
    fn step(&mut self, bits: &mut Bits, limit: usize) -> Result<Option<Halt>, Stop> {
        match &mut self.mode {
            Mode::Header => {
                self.header(bits)?;
            }
            Mode::DictId => {
                let id = u32_be(bits)?;
                let Some(dict) = self.dictionary.clone() else {
                    return Ok(Some(Halt::NeedDictionary));
                };
                if adler32(&dict) != id {
                    return Err(Stop::Error("incorrect dictionary"));
                }
                self.history = dict;
                self.checked = self.history.len();
                self.call_start = self.history.len();
                self.mode = Mode::Block;
            }
            Mode::Block => {
                self.last_block = bits.bits(1)? == 1;
                self.mode = match bits.bits(2)? {
                    0 => {
                        bits.align();
                        let len = u16::from(bits.byte()?) | u16::from(bits.byte()?) << 8;
                        let nlen = u16::from(bits.byte()?) | u16::from(bits.byte()?) << 8;
                        if len != !nlen {
                            return Err(Stop::Error("invalid stored block lengths"));
                        }
                        Mode::Stored(usize::from(len))
                    }
                    1 => {
                        self.tables = Some(Box::new(fixed_codes()));
                        Mode::Codes
                    }
                    2 => {
                        self.tables = Some(Box::new(dynamic_codes(bits)?));
                        Mode::Codes
                    }
                    _ => return Err(Stop::Error("invalid block type")),
                };
            }
            Mode::Stored(left) => {
                let left = *left;
                return Ok(self.stored(bits, left, limit));
            }
            Mode::Codes => {
                let tables = self.tables.take().expect("Codes mode has its tables");
                let halt = self.codes(bits, &tables, limit);
                self.tables = Some(tables);
                return halt;
            }
            Mode::Trailer => {
                bits.align();
                self.update_check();
                let out_len = self.total_out as u32;
                match self.wrapper {
                    Wrapper::Zlib if u32_be(bits)? != self.check => {
                        return Err(Stop::Error("incorrect data check"));
                    }
                    Wrapper::Gzip => {
                        let crc = u32_le(bits)?;
                        let len = u32_le(bits)?;
                        if crc != self.check {
                            return Err(Stop::Error("incorrect data check"));
                        }
                        if len != out_len {
                            return Err(Stop::Error("incorrect length check"));
                        }
                    }
                    _ => {}
                }
                self.mode = Mode::Done;
            }
            Mode::Done => return Ok(Some(Halt::Done)),
        }
        Ok(None)
    }

    /// Room left in this call's output.
    fn room(&self, limit: usize) -> usize {
        limit - (self.history.len() - self.call_start)
    }

    /// Copies a stored block's bytes (`left` of them still to come).
    fn stored(&mut self, bits: &mut Bits, mut left: usize, limit: usize) -> Option<Halt> {
        // Whole bytes still in the bit buffer come first.
        while left > 0 && bits.count >= 8 && self.room(limit) > 0 {
            self.history.push(bits.buffer as u8);
            bits.buffer >>= 8;
            bits.count -= 8;
            left -= 1;
        }
        let n = left.min(self.room(limit)).min(bits.data.len() - bits.pos);
        self.history.extend_from_slice(&bits.data[bits.pos..bits.pos + n]);
        bits.pos += n;
        left -= n;
        if left == 0 {
            self.end_block();
            return None;
        }
        self.mode = Mode::Stored(left);
        Some(if self.room(limit) == 0 { Halt::OutputFull } else { Halt::Input })
    }

    /// Decodes a compressed block's symbols. zlib decodes the next symbol
    /// before it finds the output full, so this does too: the symbol
    /// waits in `pending`.
    fn codes(
        &mut self,
        bits: &mut Bits,
        tables: &(Huffman, Huffman),
        limit: usize,
    ) -> Result<Option<Halt>, Stop> {
        loop {
            let room = self.room(limit);
            match self.pending.take() {
                Some(Pending::Literal(b)) if room > 0 => self.history.push(b),
                Some(Pending::Copy { len, dist }) if room > 0 => {
                    let n = len.min(room);
                    let from = self.history.len() - dist;
                    if dist >= n {
                        self.history.extend_from_within(from..from + n);
                    } else {
                        for k in 0..n {
                            self.history.push(self.history[from + k]);
                        }
                    }
                    if n < len {
                        self.pending = Some(Pending::Copy { len: len - n, dist });
                        return Ok(Some(Halt::OutputFull));
                    }
                }
                Some(pending) => {
                    self.pending = Some(pending);
                    return Ok(Some(Halt::OutputFull));
                }
                None => {}
            }
            let saved = *bits;
            match symbol(bits, &tables.0, &tables.1) {
                Ok(Symbol::Literal(b)) => self.pending = Some(Pending::Literal(b)),
                Ok(Symbol::Copy { len, dist }) => {
                    if dist > self.history.len() {
                        return Err(Stop::Error("invalid distance too far back"));
                    }
                    self.pending = Some(Pending::Copy { len, dist });
                }
                Ok(Symbol::EndOfBlock) => {
                    self.end_block();
                    return Ok(None);
                }
                Err(Stop::Input) => {
                    *bits = saved;
                    return Ok(Some(Halt::Input));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn end_block(&mut self) {
        self.mode = if !self.last_block {
            Mode::Block
        } else if self.wrapper == Wrapper::Raw {
            Mode::Done
        } else {
            Mode::Trailer
        };
    }

    fn header(&mut self, bits: &mut Bits) -> Result<(), Stop> {
        if self.wrapper == Wrapper::Auto {
            let mut peek = *bits;
            let first = (peek.byte()?, peek.byte()?);
            self.wrapper = if first == (0x1F, 0x8B) { Wrapper::Gzip } else { Wrapper::Zlib };
        }
        self.check = if self.wrapper == Wrapper::Gzip { 0 } else { 1 };
        self.mode = if self.wrapper == Wrapper::Gzip {
            gzip_header(bits)?;
            Mode::Block
        } else if zlib_header(bits, self.window_bits)? {
            Mode::DictId
        } else {
            Mode::Block
        };
        Ok(())
    }

    /// Adds the output not yet checked to the check value.
    fn update_check(&mut self) {
        let new = &self.history[self.checked..];
        self.total_out += new.len() as u64;
        self.check = match self.wrapper {
            Wrapper::Gzip => crc32_update(self.check, new),
            Wrapper::Zlib => adler32_update(self.check, new),
            _ => 0,
        };
        self.checked = self.history.len();
    }

    /// Drops output older than the window, now and then.
    fn trim_history(&mut self) {
        if self.history.len() > 4 * HISTORY {
            let cut = self.history.len() - HISTORY;
            self.history.drain(..cut);
            self.checked -= cut;
            self.call_start = self.call_start.saturating_sub(cut);
        }
    }
}

/// Decodes one stream from `input` in `wrapper` (`window_bits`: the
/// window size the caller allows, 8..15). Output made before the input ran
/// out is kept, with `complete` false.
pub fn inflate(input: &[u8], wrapper: Wrapper, window_bits: u32) -> Result<Inflated, InflateError> {
    let mut d = Inflater::new(wrapper, window_bits, None);
    let fed = d.feed(input, 0)?;
    if fed.need_dictionary {
        return Err(InflateError { message: "need dictionary" });
    }
    Ok(Inflated { output: fed.output, consumed: fed.consumed, complete: fed.done })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zlib_stream_of_cpython() {
        // zlib.compress(b"hello hello hello") from CPython 3.8.
        let data = [
            0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0xc8, 0x40, 0x90, 0x00, 0x3a, 0x2e,
            0x06, 0x7d,
        ];
        let r = inflate(&data, Wrapper::Zlib, 15).unwrap();
        assert!(r.complete);
        assert_eq!(r.output, b"hello hello hello");
        assert_eq!(r.consumed, data.len());
    }

    #[test]
    fn truncated_input_keeps_what_was_decoded() {
        let data = [0x78, 0x9c, 0xcb, 0x48, 0xcd];
        let r = inflate(&data, Wrapper::Zlib, 15).unwrap();
        assert!(!r.complete);
    }

    #[test]
    fn bad_header_is_zlibs_message() {
        let err = inflate(&[0x78, 0x00, 0, 0], Wrapper::Zlib, 15).unwrap_err();
        assert_eq!(err.message, "incorrect header check");
    }

    /// A zlib stream of text with matches, made by the deflate port.
    fn sample_stream() -> (Vec<u8>, Vec<u8>) {
        let text: Vec<u8> = (0..20_000u32).map(|i| b"abcdefgh"[(i * i % 7) as usize]).collect();
        let stream = crate::modules::deflate::compress(&text, 6).unwrap();
        (text, stream)
    }

    #[test]
    fn byte_at_a_time_equals_one_shot() {
        let (text, stream) = sample_stream();
        let mut d = Inflater::new(Wrapper::Zlib, 15, None);
        let mut out = Vec::new();
        for (i, b) in stream.iter().enumerate() {
            let fed = d.feed(&[*b], 0).unwrap();
            assert_eq!(fed.consumed, 1);
            out.extend(fed.output);
            assert_eq!(fed.done, i == stream.len() - 1);
        }
        assert_eq!(out, text);
    }

    #[test]
    fn output_limit_leaves_the_rest_of_the_input() {
        let (text, mut stream) = sample_stream();
        stream.extend_from_slice(b"tail");
        let mut d = Inflater::new(Wrapper::Auto, 15, None);
        let mut out = Vec::new();
        let mut input = stream.clone();
        loop {
            let fed = d.feed(&input, 1000).unwrap();
            assert!(fed.output.len() <= 1000);
            out.extend(fed.output);
            input.drain(..fed.consumed);
            if fed.done {
                break;
            }
        }
        assert_eq!(out, text);
        assert_eq!(input, b"tail");
    }

    #[test]
    fn stored_blocks_across_calls() {
        let data: Vec<u8> = (0..70_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let stream = crate::modules::deflate::compress(&data, 0).unwrap();
        let mut d = Inflater::new(Wrapper::Zlib, 15, None);
        let mut out = Vec::new();
        for chunk in stream.chunks(777) {
            out.extend(d.feed(chunk, 0).unwrap().output);
        }
        assert!(d.is_done());
        assert_eq!(out, data);
    }

    /// Damaged streams, fed in pieces with output limits, give errors or
    /// output, never a panic.
    #[test]
    fn quickcheck_damaged_streams_do_not_panic() {
        fn prop(flips: Vec<(u16, u8)>, chunk: u8, limit: u8, raw: bool) -> bool {
            let (_, mut stream) = sample_stream();
            for (at, bits) in flips {
                let at = usize::from(at) % stream.len();
                stream[at] ^= bits;
            }
            let (wrapper, input) =
                if raw { (Wrapper::Raw, &stream[2..]) } else { (Wrapper::Auto, &stream[..]) };
            let mut d = Inflater::new(wrapper, 15, None);
            for piece in input.chunks(usize::from(chunk) + 1) {
                let mut piece = piece.to_vec();
                loop {
                    match d.feed(&piece, usize::from(limit)) {
                        Ok(fed)
                            if fed.consumed < piece.len() && !fed.done && !fed.need_dictionary =>
                        {
                            piece.drain(..fed.consumed);
                        }
                        Ok(_) => break,
                        Err(_) => return true,
                    }
                }
            }
            true
        }
        quickcheck::QuickCheck::new()
            .tests(200)
            .quickcheck(prop as fn(Vec<(u16, u8)>, u8, u8, bool) -> bool);
    }

    #[test]
    fn adler32_of_known_text() {
        assert_eq!(adler32(b"Wikipedia"), 0x11E60398);
    }
}
