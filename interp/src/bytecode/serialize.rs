//! The binary form of a compiled module, as the code cache stores it: a
//! fixed header, then a string table and the module's code unit tree.
//!
//! ```text
//! header (48 bytes, little-endian)
//!   0  magic "TYC\0"
//!   4  COMPILER_HASH: fingerprint of the parser, compiler and this format
//!  12  optimization level the code was compiled with, then 3 zero bytes
//!  16  source mtime (ns since the epoch)     24  source size (bytes)
//!  32  checksum of the payload               40  payload length
//! payload
//!   string table: count, then (length, UTF-8 bytes) each
//!   the module's code unit (nested units inline, among its constants)
//! ```
//! Integers in the payload are LEB128 varints (zigzag for signed ones);
//! strings are indices into the table. The file name is not stored: the
//! reader gives every unit the path the source was found at, as CPython
//! fixes up `co_filename` of a moved `.pyc`.
//!
//! Reading never trusts the file: every read is bounds-checked, counts are
//! checked against what is left, nesting is limited, and the payload hash
//! catches the corruption that would still decode.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use super::code::{CodeFlags, CodeUnit, Const, ExceptionEntry, LineEntry};
use super::instr::{AwaitOrigin, BinOp, CmpOp, Conversion, FunctionParts, Instr, UnaryOp};

/// Fingerprint of the sources that decide the compiled code and its format
/// (computed by `build.rs`).
pub const COMPILER_HASH: u64 = include!(concat!(env!("OUT_DIR"), "/compiler_hash.rs"));

const MAGIC: [u8; 4] = *b"TYC\0";
const HEADER_LEN: usize = 48;
/// Deeper nesting of constants and code units than any real module has;
/// reading stops there instead of exhausting the native stack.
const MAX_DEPTH: u32 = 256;

/// What a cache file must match to be used: the source it was compiled
/// from and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub source_mtime_ns: u64,
    pub source_size: u64,
    pub optimize: u8,
}

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not a cache file of this build (another format or compiler).
    ForeignFormat,
    /// Written for another version of the source, or another `-O` level.
    Stale,
    /// Truncated or damaged.
    Corrupt(&'static str),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::ForeignFormat => write!(f, "written by another compiler or format"),
            ReadError::Stale => write!(f, "the source changed"),
            ReadError::Corrupt(what) => write!(f, "corrupt ({what})"),
        }
    }
}

/// The cache file contents for `unit`, compiled from a source with `stamp`.
pub fn write(unit: &CodeUnit, stamp: Stamp) -> Vec<u8> {
    let mut body = Writer::default();
    body.unit(unit);
    let mut payload = Vec::with_capacity(body.out.len() + body.table_bytes + 8);
    put_varint(&mut payload, body.table.len() as u64);
    for s in &body.table {
        put_varint(&mut payload, s.len() as u64);
        payload.extend_from_slice(s.as_bytes());
    }
    payload.extend_from_slice(&body.out);

    let mut file = Vec::with_capacity(HEADER_LEN + payload.len());
    file.extend_from_slice(&MAGIC);
    file.extend_from_slice(&COMPILER_HASH.to_le_bytes());
    file.extend_from_slice(&[stamp.optimize, 0, 0, 0]);
    file.extend_from_slice(&stamp.source_mtime_ns.to_le_bytes());
    file.extend_from_slice(&stamp.source_size.to_le_bytes());
    file.extend_from_slice(&checksum(&payload).to_le_bytes());
    file.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    file.extend_from_slice(&payload);
    file
}

/// The module code stored in `bytes`, if it was written by this build for
/// a source with `stamp`. Every unit gets `filename` as its `co_filename`.
pub fn read(bytes: &[u8], stamp: Stamp, filename: &Rc<str>) -> Result<Rc<CodeUnit>, ReadError> {
    let header = bytes.get(..HEADER_LEN).ok_or(ReadError::Corrupt("short header"))?;
    let word = |at: usize| {
        let mut w = [0; 8];
        w.copy_from_slice(&header[at..at + 8]);
        u64::from_le_bytes(w)
    };
    if header[..4] != MAGIC || word(4) != COMPILER_HASH || header[13..16] != [0; 3] {
        return Err(ReadError::ForeignFormat);
    }
    if header[12] != stamp.optimize
        || word(16) != stamp.source_mtime_ns
        || word(24) != stamp.source_size
    {
        return Err(ReadError::Stale);
    }
    let payload = &bytes[HEADER_LEN..];
    if word(40) != payload.len() as u64 {
        return Err(ReadError::Corrupt("payload length"));
    }
    if word(32) != checksum(payload) {
        return Err(ReadError::Corrupt("payload hash"));
    }
    read_payload(payload, filename)
}

/// The code unit tree of a payload whose integrity was not checked.
fn read_payload(payload: &[u8], filename: &Rc<str>) -> Result<Rc<CodeUnit>, ReadError> {
    let mut r = Reader::new(payload, filename.clone());
    r.string_table()?;
    let unit = r.unit(0)?;
    if r.pos != payload.len() {
        return Err(ReadError::Corrupt("trailing bytes"));
    }
    Ok(Rc::new(unit))
}

/// The payload's checksum: it catches damage (any one changed word
/// changes it), not forgery. Eight bytes a step, as files are read at
/// every import.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x0100_0000_01b3;
    let mut h = 0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ b as u64).wrapping_mul(K).rotate_left(29);
    }
    h
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Writes the payload body, collecting its strings into a table.
#[derive(Default)]
struct Writer<'a> {
    out: Vec<u8>,
    table: Vec<&'a str>,
    index: HashMap<&'a str, u32>,
    table_bytes: usize,
}

impl<'a> Writer<'a> {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn varint(&mut self, v: u64) {
        put_varint(&mut self.out, v);
    }

    fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.out.extend_from_slice(b);
    }

    fn str(&mut self, s: &'a str) {
        let next = self.table.len() as u32;
        let idx = *self.index.entry(s).or_insert(next);
        if idx == next {
            self.table.push(s);
            self.table_bytes += s.len() + 2;
        }
        self.varint(idx as u64);
    }

    fn strs(&mut self, list: &'a [String]) {
        self.varint(list.len() as u64);
        for s in list {
            self.str(s);
        }
    }

    fn slot_names(&mut self, list: &'a [(String, u16)]) {
        self.varint(list.len() as u64);
        for (name, slot) in list {
            self.str(name);
            self.varint(*slot as u64);
        }
    }

    fn unit(&mut self, unit: &'a CodeUnit) {
        self.str(&unit.name);
        self.str(&unit.qualname);
        self.varint(unit.first_line as u64);
        self.varint(unit.flags.bits() as u64);
        for n in [unit.arg_count, unit.posonly_count, unit.kwonly_count, unit.slot_count] {
            self.varint(n as u64);
        }
        self.strs(&unit.local_names);
        self.slot_names(&unit.cells);
        self.slot_names(&unit.frees);
        self.varint(unit.instrs.len() as u64);
        for instr in &unit.instrs {
            write_instr(self, instr);
        }
        self.varint(unit.consts.len() as u64);
        for c in &unit.consts {
            self.constant(c);
        }
        self.strs(&unit.names);
        self.varint(unit.lines.len() as u64);
        for line in &unit.lines {
            self.varint(line.start as u64);
            self.varint(line.line as u64);
        }
        self.varint(unit.exceptions.len() as u64);
        for e in &unit.exceptions {
            for v in [e.start, e.end, e.handler, e.exc as u32] {
                self.varint(v as u64);
            }
        }
        self.varint(unit.cache_count as u64);
        match &unit.docstring {
            None => self.byte(0),
            Some(doc) => {
                self.byte(1);
                self.str(doc);
            }
        }
    }

    fn constant(&mut self, c: &'a Const) {
        match c {
            Const::None => self.byte(ConstTag::None as u8),
            Const::Bool(false) => self.byte(ConstTag::False as u8),
            Const::Bool(true) => self.byte(ConstTag::True as u8),
            Const::Int(i) => {
                self.byte(ConstTag::Int as u8);
                self.varint(zigzag(*i));
            }
            Const::BigInt(b) => {
                self.byte(ConstTag::BigInt as u8);
                self.bytes(&b.to_signed_bytes_le());
            }
            Const::Float(f) => {
                self.byte(ConstTag::Float as u8);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Const::Complex { real, imag } => {
                self.byte(ConstTag::Complex as u8);
                self.out.extend_from_slice(&real.to_bits().to_le_bytes());
                self.out.extend_from_slice(&imag.to_bits().to_le_bytes());
            }
            Const::Str(s) => {
                self.byte(ConstTag::Str as u8);
                self.str(s);
            }
            Const::Bytes(b) => {
                self.byte(ConstTag::Bytes as u8);
                self.bytes(b);
            }
            Const::StrSurrogates(b) => {
                self.byte(ConstTag::StrSurrogates as u8);
                self.bytes(b);
            }
            Const::Ellipsis => self.byte(ConstTag::Ellipsis as u8),
            Const::Tuple(items) | Const::FrozenSet(items) => {
                let tag = if matches!(c, Const::Tuple(_)) {
                    ConstTag::Tuple
                } else {
                    ConstTag::FrozenSet
                };
                self.byte(tag as u8);
                self.varint(items.len() as u64);
                for item in items.iter() {
                    self.constant(item);
                }
            }
            Const::Code(unit) => {
                self.byte(ConstTag::Code as u8);
                self.unit(unit);
            }
        }
    }
}

/// The first byte of a constant.
#[repr(u8)]
enum ConstTag {
    None,
    False,
    True,
    Int,
    BigInt,
    Float,
    Complex,
    Str,
    Bytes,
    Ellipsis,
    Tuple,
    FrozenSet,
    Code,
    StrSurrogates,
}

/// Reads a payload.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The string table, borrowed from the file.
    table: Vec<&'a str>,
    /// The table entries made shared strings so far (constants and docstrings).
    shared: Vec<Option<Rc<str>>>,
    filename: Rc<str>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], filename: Rc<str>) -> Reader<'a> {
        Reader { bytes, pos: 0, table: Vec::new(), shared: Vec::new(), filename }
    }

    fn byte(&mut self) -> Result<u8, ReadError> {
        let b = *self.bytes.get(self.pos).ok_or(ReadError::Corrupt("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or(ReadError::Corrupt("truncated"))?;
        let taken = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ReadError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn varint(&mut self) -> Result<u64, ReadError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ReadError::Corrupt("varint too long"))
    }

    fn int<T: TryFrom<u64>>(&mut self) -> Result<T, ReadError> {
        T::try_from(self.varint()?).map_err(|_| ReadError::Corrupt("integer out of range"))
    }

    /// A count of items that take at least one byte each: bounded by what is left.
    fn count(&mut self) -> Result<usize, ReadError> {
        let n: usize = self.int()?;
        if n > self.bytes.len() - self.pos {
            return Err(ReadError::Corrupt("count beyond the end"));
        }
        Ok(n)
    }

    fn string_table(&mut self) -> Result<(), ReadError> {
        let n = self.count()?;
        self.table.reserve(n);
        for _ in 0..n {
            let len = self.int()?;
            let text = std::str::from_utf8(self.take(len)?)
                .map_err(|_| ReadError::Corrupt("string not UTF-8"))?;
            self.table.push(text);
        }
        Ok(())
    }

    fn str(&mut self) -> Result<Rc<str>, ReadError> {
        let idx: usize = self.int()?;
        let text = *self.table.get(idx).ok_or(ReadError::Corrupt("string index"))?;
        if self.shared.len() <= idx {
            self.shared.resize(idx + 1, None);
        }
        Ok(self.shared[idx].get_or_insert_with(|| Rc::from(text)).clone())
    }

    fn string(&mut self) -> Result<String, ReadError> {
        let idx: usize = self.int()?;
        self.table.get(idx).map(|&s| String::from(s)).ok_or(ReadError::Corrupt("string index"))
    }

    /// A count, then that many items read by `item`.
    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, ReadError> {
        let n = self.count()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(item(self)?);
        }
        Ok(items)
    }

    fn strings(&mut self) -> Result<Vec<String>, ReadError> {
        self.list(Self::string)
    }

    fn slot_names(&mut self) -> Result<Vec<(String, u16)>, ReadError> {
        self.list(|r| Ok((r.string()?, r.int()?)))
    }

    fn unit(&mut self, depth: u32) -> Result<CodeUnit, ReadError> {
        if depth > MAX_DEPTH {
            return Err(ReadError::Corrupt("nesting too deep"));
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let first_line = self.int()?;
        let flags = CodeFlags::from_bits(self.int()?).ok_or(ReadError::Corrupt("code flags"))?;
        let arg_count = self.int()?;
        let posonly_count = self.int()?;
        let kwonly_count = self.int()?;
        let slot_count = self.int()?;
        let local_names = self.strings()?;
        let cells = self.slot_names()?;
        let frees = self.slot_names()?;
        let instrs = self.list(read_instr)?;
        let consts = self.list(|r| r.constant(depth + 1))?;
        let names = self.strings()?;
        let lines = self.list(|r| Ok(LineEntry { start: r.int()?, line: r.int()? }))?;
        let exceptions = self.list(|r| {
            Ok(ExceptionEntry { start: r.int()?, end: r.int()?, handler: r.int()?, exc: r.int()? })
        })?;
        let cache_count = self.int()?;
        let docstring = match self.byte()? {
            0 => None,
            1 => Some(self.str()?),
            _ => return Err(ReadError::Corrupt("docstring marker")),
        };
        Ok(CodeUnit {
            name,
            qualname,
            filename: self.filename.clone(),
            first_line,
            flags,
            arg_count,
            posonly_count,
            kwonly_count,
            local_names,
            cells,
            frees,
            slot_count,
            instrs,
            consts,
            names,
            lines,
            exceptions,
            cache_count,
            docstring,
        })
    }

    fn constant(&mut self, depth: u32) -> Result<Const, ReadError> {
        if depth > MAX_DEPTH {
            return Err(ReadError::Corrupt("nesting too deep"));
        }
        let tag = self.byte()?;
        let c = match tag {
            t if t == ConstTag::None as u8 => Const::None,
            t if t == ConstTag::False as u8 => Const::Bool(false),
            t if t == ConstTag::True as u8 => Const::Bool(true),
            t if t == ConstTag::Int as u8 => Const::Int(unzigzag(self.varint()?)),
            t if t == ConstTag::BigInt as u8 => {
                let len = self.int()?;
                Const::BigInt(BigInt::from_signed_bytes_le(self.take(len)?))
            }
            t if t == ConstTag::Float as u8 => Const::Float(f64::from_le_bytes(self.array()?)),
            t if t == ConstTag::Complex as u8 => Const::Complex {
                real: f64::from_le_bytes(self.array()?),
                imag: f64::from_le_bytes(self.array()?),
            },
            t if t == ConstTag::Str as u8 => Const::Str(self.str()?),
            t if t == ConstTag::Bytes as u8 => {
                let len = self.int()?;
                Const::Bytes(Rc::from(self.take(len)?))
            }
            t if t == ConstTag::StrSurrogates as u8 => {
                let len = self.int()?;
                let text = self.take(len)?;
                if crate::unicode::wtf8::check(text).is_none() {
                    return Err(ReadError::Corrupt("malformed str constant"));
                }
                Const::StrSurrogates(Rc::from(text))
            }
            t if t == ConstTag::Ellipsis as u8 => Const::Ellipsis,
            t if t == ConstTag::Tuple as u8 || t == ConstTag::FrozenSet as u8 => {
                let items: Rc<[Const]> = self.list(|r| r.constant(depth + 1))?.into();
                if t == ConstTag::Tuple as u8 {
                    Const::Tuple(items)
                } else {
                    Const::FrozenSet(items)
                }
            }
            t if t == ConstTag::Code as u8 => Const::Code(Rc::new(self.unit(depth + 1)?)),
            _ => return Err(ReadError::Corrupt("constant tag")),
        };
        Ok(c)
    }
}

/// An instruction operand's encoding.
trait Operand: Sized {
    fn put(self, w: &mut Writer);
    fn get(r: &mut Reader) -> Result<Self, ReadError>;
}

impl Operand for u16 {
    fn put(self, w: &mut Writer) {
        w.varint(self as u64);
    }
    fn get(r: &mut Reader) -> Result<u16, ReadError> {
        r.int()
    }
}

impl Operand for u32 {
    fn put(self, w: &mut Writer) {
        w.varint(self as u64);
    }
    fn get(r: &mut Reader) -> Result<u32, ReadError> {
        r.int()
    }
}

impl Operand for Option<u16> {
    fn put(self, w: &mut Writer) {
        w.varint(self.map_or(0, |v| v as u64 + 1));
    }
    fn get(r: &mut Reader) -> Result<Option<u16>, ReadError> {
        match r.varint()? {
            0 => Ok(None),
            n => u16::try_from(n - 1).map(Some).map_err(|_| ReadError::Corrupt("slot")),
        }
    }
}

impl Operand for FunctionParts {
    fn put(self, w: &mut Writer) {
        w.byte(self.bits());
    }
    fn get(r: &mut Reader) -> Result<FunctionParts, ReadError> {
        FunctionParts::from_bits(r.byte()?).ok_or(ReadError::Corrupt("function parts"))
    }
}

/// The instructions in this format, and where each starts (with the
/// length at the end): what `co_code` shows (see `bytecode::co_view`).
pub fn encode_instrs(instrs: &[Instr]) -> (Vec<u8>, Vec<u32>) {
    let mut w = Writer::default();
    let mut starts = Vec::with_capacity(instrs.len() + 1);
    for instr in instrs {
        starts.push(w.out.len() as u32);
        write_instr(&mut w, instr);
    }
    starts.push(w.out.len() as u32);
    (w.out, starts)
}

/// An operand enum encoded as its index in a table of all its values.
macro_rules! enum_operand {
    ($ty:ident, $all:expr) => {
        impl Operand for $ty {
            fn put(self, w: &mut Writer) {
                w.byte(self as u8);
            }
            fn get(r: &mut Reader) -> Result<$ty, ReadError> {
                let all: &[$ty] = &$all;
                all.get(r.byte()? as usize)
                    .copied()
                    .ok_or(ReadError::Corrupt(concat!("operator ", stringify!($ty))))
            }
        }
    };
}

enum_operand!(BinOp, BinOp::ALL);
enum_operand!(CmpOp, CmpOp::ALL);
enum_operand!(AwaitOrigin, AwaitOrigin::ALL);
enum_operand!(UnaryOp, [UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Invert, UnaryOp::Not]);
enum_operand!(Conversion, [Conversion::None, Conversion::Str, Conversion::Repr, Conversion::Ascii]);

/// `write_instr` and `read_instr` for every instruction: a tag byte (the
/// variant's position in this list) and the operands in the order listed.
/// The list must name every variant and every field: the writer's match is
/// exhaustive and its patterns have no `..`, so the build fails otherwise.
macro_rules! instr_codec {
    ($($variant:ident { $($field:ident),* }),* $(,)?) => {
        #[repr(u8)]
        enum InstrTag {
            $($variant),*
        }

        fn write_instr(w: &mut Writer, instr: &Instr) {
            match *instr {
                $(Instr::$variant { $($field),* } => {
                    w.byte(InstrTag::$variant as u8);
                    $(Operand::put($field, w);)*
                })*
            }
        }

        fn read_instr(r: &mut Reader) -> Result<Instr, ReadError> {
            let tag = r.byte()?;
            $(if tag == InstrTag::$variant as u8 {
                return Ok(Instr::$variant { $($field: Operand::get(r)?),* });
            })*
            Err(ReadError::Corrupt("instruction tag"))
        }
    };
}

instr_codec! {
    LoadConst { dst, idx },
    Move { dst, src },
    CheckBound { slot, name },
    DeleteFast { slot, name },
    LoadGlobal { dst, name, cache },
    StoreGlobal { name, src },
    DeleteGlobal { name },
    LoadName { dst, name },
    StoreName { name, src },
    DeleteName { name },
    MakeCell { slot },
    LoadDeref { dst, cell, name },
    StoreDeref { cell, src },
    DeleteDeref { cell, name },
    LoadClassDeref { dst, cell, name },
    Binary { op, dst, a, b },
    InplaceBinary { op, dst, a, b },
    Unary { op, dst, src },
    Compare { op, dst, a, b },
    Jump { target },
    JumpIfTrue { cond, target },
    JumpIfFalse { cond, target },
    Loop { target, live },
    GetIter { dst, src },
    ForIter { dst, iter, exit },
    Return { src },
    BuildTuple { dst, start, count },
    BuildList { dst, start, count },
    BuildSet { dst, start, count },
    BuildMap { dst, start, count },
    BuildSlice { dst, start, count },
    BuildString { dst, start, count },
    FormatValue { dst, src, conv, spec },
    ListAppend { list, item },
    SetAdd { set, item },
    MapAdd { map, key, value },
    ListExtend { list, src },
    ArgsExtend { list, src, func },
    SetUpdate { set, src },
    DictUpdate { dict, src },
    DictMerge { dict, src, func },
    ListToTuple { dst, src },
    UnpackSequence { src, start, count },
    UnpackEx { src, start, before, after },
    LoadAttr { dst, obj, name, cache },
    StoreAttr { obj, name, src, cache },
    DeleteAttr { obj, name },
    LoadMethod { dst, obj, name, cache },
    LoadSubscr { dst, obj, key },
    StoreSubscr { obj, key, src },
    DeleteSubscr { obj, key },
    Call { dst, func, argc },
    CallKw { dst, func, argc, kwnames },
    CallMethod { dst, base, argc },
    CallMethodKw { dst, base, argc, kwnames },
    CallEx { dst, func, args, kwargs },
    MakeFunction { dst, code, parts, start },
    LoadBuildClass { dst },
    SetupAnnotations {},
    Raise { exc, cause },
    Reraise { exc },
    EnterHandler { exc, saved },
    ExitHandler { saved },
    MatchException { dst, exc, typ },
    WithEnter { mgr, exit_dst, value_dst },
    WithExceptExit { dst, exit, exc },
    AsyncWithEnter { mgr, exit_dst, value_dst },
    Yield { dst, src },
    YieldFrom { dst, iter, value },
    GetYieldFromIter { dst, src },
    GetAwaitable { dst, src, origin },
    GetAIter { dst, src },
    GetANext { dst, iter },
    MatchStopAsyncIteration { dst, exc },
    ImportName { dst, name, fromlist, level },
    ImportFrom { dst, module, name },
    ImportStar { module },
    PrintExpr { src },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::disasm::disassemble;
    use crate::parse::{parse_bytes, Mode};

    /// The stdlib modules `import argparse, json, re, unittest` loads in
    /// CPython 3.8 (relative to its library directory).
    const STDLIB_SAMPLE: &str = "_bootlocale _collections_abc _compression _sitebuiltins \
        _weakrefset abc argparse asyncio/__init__ asyncio/base_events asyncio/base_futures \
        asyncio/base_subprocess asyncio/base_tasks asyncio/constants asyncio/coroutines \
        asyncio/events asyncio/exceptions asyncio/format_helpers asyncio/futures asyncio/locks \
        asyncio/log asyncio/protocols asyncio/queues asyncio/runners asyncio/selector_events \
        asyncio/sslproto asyncio/staggered asyncio/streams asyncio/subprocess asyncio/tasks \
        asyncio/transports asyncio/trsock asyncio/unix_events base64 bz2 codecs \
        collections/__init__ collections/abc concurrent/__init__ concurrent/futures/__init__ \
        concurrent/futures/_base contextlib contextvars copyreg difflib dis encodings/__init__ \
        encodings/aliases encodings/latin_1 encodings/utf_8 enum fnmatch functools genericpath \
        gettext heapq importlib/__init__ importlib/_bootstrap importlib/_bootstrap_external \
        importlib/machinery inspect io json/__init__ json/decoder json/encoder json/scanner \
        keyword linecache locale logging/__init__ lzma opcode operator os posixpath pprint re \
        reprlib selectors shutil signal site socket sre_compile sre_constants sre_parse ssl \
        stat string struct subprocess threading token tokenize traceback types typing \
        unittest/__init__ unittest/async_case unittest/case unittest/loader unittest/main \
        unittest/result unittest/runner unittest/signals unittest/suite unittest/util \
        warnings weakref";

    const STAMP: Stamp =
        Stamp { source_mtime_ns: 1_700_000_000_123_456_789, source_size: 99, optimize: 0 };

    /// Source with a constant of every kind, nested code of every kind,
    /// cells, handlers and a docstring.
    const EVERY_KIND: &str = r#"
"""module doc"""
from __future__ import annotations
import os.path as p
from . import x
big = 123456789012345678901234567890, -2**70, 7, -1
floats = 0.0, -0.0, 1e308, float('nan'), 2j, 1+0j
texts = "é", b"\x00\xff", ..., None, True, False, frozenset({1, 2}) if 1 in {1, 2} else ()
def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:
    "doc"
    x = 1
    def g():
        nonlocal x
        x += 1
        return [y for y in range(x) if y], {y: y for y in ()}, (lambda: x)
    try:
        yield from g()
    except (OSError, ValueError) as e:
        raise RuntimeError from e
    finally:
        del x
async def h():
    async with a as b:
        async for i in b:
            await i
class C(object, metaclass=type):
    __slots__ = ('a',)
    def m(self): return __class__, f"{self!r:>{10}}"
"#;

    fn compile(source: &str, filename: &str) -> Rc<CodeUnit> {
        let module = parse_bytes(source.as_bytes(), filename, Mode::Module).unwrap();
        crate::compile::compile(&module, filename, 0).unwrap()
    }

    /// The round trip gives the same units: same listing and, through
    /// `Debug`, the same fields all the way down (nested units included).
    fn assert_round_trips(unit: &Rc<CodeUnit>) {
        let bytes = write(unit, STAMP);
        let back = read(&bytes, STAMP, &unit.filename).unwrap();
        assert_eq!(disassemble(&back), disassemble(unit));
        assert_eq!(format!("{back:?}"), format!("{unit:?}"));
    }

    #[test]
    fn every_kind_of_constant_and_code_round_trips() {
        assert_round_trips(&compile(EVERY_KIND, "every.py"));
    }

    #[test]
    fn the_stdlib_modules_of_argparse_json_re_unittest_round_trip() {
        let lib = crate::pythonpath::find_stdlib().expect("CPython 3.8's stdlib (TACHYON_STDLIB)");
        for name in STDLIB_SAMPLE.split_whitespace() {
            let path = lib.join(format!("{name}.py"));
            let source = std::fs::read(&path).unwrap();
            let filename = path.display().to_string();
            let module = parse_bytes(&source, &filename, Mode::Module).unwrap();
            let unit = crate::compile::compile(&module, &filename, 0).unwrap();
            assert_round_trips(&unit);
        }
    }

    #[test]
    fn the_reader_names_units_after_the_source_it_is_given() {
        let unit = compile(EVERY_KIND, "old/place.py");
        let moved: Rc<str> = Rc::from("new/place.py");
        let back = read(&write(&unit, STAMP), STAMP, &moved).unwrap();
        let Some(Const::Code(f)) = back.consts.iter().find(|c| matches!(c, Const::Code(_))) else {
            panic!("no nested code")
        };
        assert_eq!(&*back.filename, "new/place.py");
        assert_eq!(&*f.filename, "new/place.py");
    }

    #[test]
    fn another_source_version_or_level_or_compiler_is_not_used() {
        let unit = compile(EVERY_KIND, "every.py");
        let bytes = write(&unit, STAMP);
        for other in [
            Stamp { source_mtime_ns: STAMP.source_mtime_ns + 1, ..STAMP },
            Stamp { source_size: STAMP.source_size + 1, ..STAMP },
            Stamp { optimize: 1, ..STAMP },
        ] {
            assert_eq!(read(&bytes, other, &unit.filename).unwrap_err(), ReadError::Stale);
        }
        let mut foreign = bytes.clone();
        foreign[4] ^= 1;
        assert_eq!(read(&foreign, STAMP, &unit.filename).unwrap_err(), ReadError::ForeignFormat);
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_rejected() {
        let unit = compile("def f(x):\n    return x + 1.5, 'a', (1, 2)\n", "t.py");
        let bytes = write(&unit, STAMP);
        for len in 0..bytes.len() {
            assert!(read(&bytes[..len], STAMP, &unit.filename).is_err(), "length {len}");
        }
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            assert!(read(&damaged, STAMP, &unit.filename).is_err(), "byte {at}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer, STAMP, &unit.filename).is_err());
    }

    /// Damage the hash would catch must still not make the decoder panic,
    /// loop or allocate without bound.
    #[test]
    fn the_decoder_survives_damaged_payloads() {
        let unit = compile(EVERY_KIND, "every.py");
        let payload = write(&unit, STAMP)[HEADER_LEN..].to_vec();
        let name: Rc<str> = Rc::from("every.py");
        assert!(read_payload(&payload, &name).is_ok());
        for len in 0..payload.len() {
            let _ = read_payload(&payload[..len], &name);
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut damaged = payload.clone();
            let at = (seed % damaged.len() as u64) as usize;
            damaged[at] = (seed >> 32) as u8;
            let _ = read_payload(&damaged, &name);
        }
    }

    #[test]
    fn the_decoder_survives_arbitrary_bytes() {
        fn no_panic(bytes: Vec<u8>) -> bool {
            let _ = read_payload(&bytes, &Rc::from("x.py"));
            true
        }
        quickcheck::quickcheck(no_panic as fn(Vec<u8>) -> bool);
    }

    #[test]
    fn operator_tables_follow_declaration_order() {
        for op in [UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Invert, UnaryOp::Not] {
            let mut w = Writer::default();
            op.put(&mut w);
            let mut r = Reader::new(&w.out, Rc::from(""));
            assert_eq!(UnaryOp::get(&mut r), Ok(op));
        }
        for conv in [Conversion::None, Conversion::Str, Conversion::Repr, Conversion::Ascii] {
            let mut w = Writer::default();
            conv.put(&mut w);
            let mut r = Reader::new(&w.out, Rc::from(""));
            assert_eq!(Conversion::get(&mut r), Ok(conv));
        }
    }

    #[test]
    fn varints_and_zigzag_cover_the_extremes() {
        for v in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            let mut out = Vec::new();
            put_varint(&mut out, zigzag(v));
            let mut r = Reader::new(&out, Rc::from(""));
            assert_eq!(unzigzag(r.varint().unwrap()), v);
        }
        let mut r = Reader::new(&[0xff; 11], Rc::from(""));
        assert!(r.varint().is_err());
    }
}
