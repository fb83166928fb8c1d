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

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buffer: u64,
    count: u32,
}

impl<'a> Bits<'a> {
    fn new(data: &'a [u8], pos: usize) -> Self {
        Bits { data, pos, buffer: 0, count: 0 }
    }

    fn need(&mut self, n: u32) -> Result<(), NeedInput> {
        while self.count < n {
            let Some(&b) = self.data.get(self.pos) else { return Err(NeedInput) };
            self.pos += 1;
            self.buffer |= u64::from(b) << self.count;
            self.count += 8;
        }
        Ok(())
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

/// A canonical Huffman code: how many codes of each length, and the
/// symbols in code order.
struct Huffman {
    counts: [u16; MAX_BITS + 1],
    symbols: Vec<u16>,
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
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, bits: &mut Bits) -> Result<Option<u16>, NeedInput> {
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

fn codes(bits: &mut Bits, out: &mut Vec<u8>, lit: &Huffman, dist: &Huffman) -> Result<(), Stop> {
    loop {
        let Some(symbol) = lit.decode(bits)? else {
            return Err(Stop::Error("invalid literal/length code"));
        };
        match symbol {
            0..=255 => out.push(symbol as u8),
            256 => return Ok(()),
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
                let distance =
                    usize::from(DIST_BASE[code]) + bits.bits(u32::from(DIST_EXTRA[code]))? as usize;
                if distance > out.len() {
                    return Err(Stop::Error("invalid distance too far back"));
                }
                let start = out.len() - distance;
                for k in 0..len {
                    out.push(out[start + k]);
                }
            }
        }
    }
}

/// The raw deflate blocks from `bits`, appended to `out`.
fn blocks(bits: &mut Bits, out: &mut Vec<u8>) -> Result<(), Stop> {
    loop {
        let last = bits.bits(1)? == 1;
        match bits.bits(2)? {
            0 => {
                bits.align();
                let len = u16::from(bits.byte()?) | u16::from(bits.byte()?) << 8;
                let nlen = u16::from(bits.byte()?) | u16::from(bits.byte()?) << 8;
                if len != !nlen {
                    return Err(Stop::Error("invalid stored block lengths"));
                }
                for _ in 0..len {
                    out.push(bits.byte()?);
                }
            }
            1 => {
                let (lit, dist) = fixed_codes();
                codes(bits, out, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic_codes(bits)?;
                codes(bits, out, &lit, &dist)?;
            }
            _ => return Err(Stop::Error("invalid block type")),
        }
        if last {
            return Ok(());
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

/// The zlib header: Err for a bad one.
fn zlib_header(bits: &mut Bits, window_bits: u32) -> Result<(), Stop> {
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
    if flg & 0x20 != 0 {
        return Err(Stop::Error("need dictionary"));
    }
    Ok(())
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

/// Checks the zlib (Adler-32) or gzip (CRC-32, length) trailer.
fn trailer(bits: &mut Bits, wrapper: Wrapper, out: &[u8]) -> Result<(), Stop> {
    let (check, want) = match wrapper {
        Wrapper::Zlib => (u32_be(bits)?, adler32(out)),
        Wrapper::Gzip => (u32_le(bits)?, crc32_update(0, out)),
        _ => return Ok(()),
    };
    if check != want {
        return Err(Stop::Error("incorrect data check"));
    }
    if wrapper == Wrapper::Gzip && u32_le(bits)? != out.len() as u32 {
        return Err(Stop::Error("incorrect length check"));
    }
    Ok(())
}

/// Decodes one stream from `input` in `wrapper` (`window_bits`: the
/// window size the caller allows, 8..15). Output made before the input ran
/// out is kept, with `complete` false.
pub fn inflate(input: &[u8], wrapper: Wrapper, window_bits: u32) -> Result<Inflated, InflateError> {
    let mut bits = Bits::new(input, 0);
    let mut out = Vec::new();
    let wrapper = match wrapper {
        Wrapper::Auto if input.len() < 2 => {
            return Ok(Inflated { output: out, consumed: 0, complete: false })
        }
        Wrapper::Auto if input[0] == 0x1F && input[1] == 0x8B => Wrapper::Gzip,
        Wrapper::Auto => Wrapper::Zlib,
        w => w,
    };
    let result = (|| -> Result<(), Stop> {
        match wrapper {
            Wrapper::Zlib => zlib_header(&mut bits, window_bits)?,
            Wrapper::Gzip => gzip_header(&mut bits)?,
            _ => {}
        }
        blocks(&mut bits, &mut out)?;
        bits.align();
        trailer(&mut bits, wrapper, &out)
    })();
    match result {
        Ok(()) => Ok(Inflated { consumed: bits.position(), output: out, complete: true }),
        Err(Stop::Input) => Ok(Inflated { consumed: input.len(), output: out, complete: false }),
        Err(Stop::Error(message)) => Err(InflateError { message }),
    }
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

    #[test]
    fn adler32_of_known_text() {
        assert_eq!(adler32(b"Wikipedia"), 0x11E60398);
    }
}
