//! The text form of a trace: the body of `--trace-dump`, and what tests are
//! written in. [`fn@print`] and [`parse`] round-trip.
//!
//! ```text
//! trace sum
//! helper box(int) -> ref raise collect @0x0
//! %0:int = input 0
//! %1:int = kint 1
//! %2 = loop
//! %3:int = phi %0
//! snap 0: frame pc=7 base=0 [0=%3]
//! %4:int = addov %3, %1 snap=0  # exit 0
//! %5 = jump %4
//! ```
//!
//! Loads and stores write their address as `[%base + %index*8 + 16]`,
//! followed by `{N}` if the access has alias kind N; a store's value follows; calls are `call @helper(%a, %b)`. A snapshot
//! line lists the frames outermost first, each `frame pc=P base=B [slot=value
//! ...]`, then the virtual objects `virtual vN kind=K [field=value ...]`; a
//! value is `%N` or `vN`. Snapshots are printed before their first guard.

use std::fmt::Write;

use crate::ops::{Imm, Op, Operands};
use crate::trace::{
    Alias, Helper, Inst, SnapFrame, SnapValue, Snapshot, Trace, Val, VirtualObject,
};
use crate::types::Type;

/// The text of `trace`.
pub fn print(trace: &Trace) -> String {
    let mut out = String::new();
    if !trace.name.is_empty() {
        let _ = writeln!(out, "trace {}", trace.name);
    }
    for h in &trace.helpers {
        let args: Vec<&str> = h.args.iter().map(|t| t.name()).collect();
        let _ = write!(out, "helper {}({}) -> {}", h.name, args.join(", "), h.ret);
        if h.may_raise {
            out.push_str(" raise");
        }
        if h.may_collect {
            out.push_str(" collect");
        }
        if let Some(kind) = h.sinks_to {
            let _ = write!(out, " sink={kind}");
        }
        if h.writes_nothing {
            out.push_str(" nowrite");
        }
        let _ = writeln!(out, " @{:#x}", h.addr);
    }
    let mut printed_snaps = 0;
    let mut exit = 0;
    for (i, inst) in trace.insts.iter().enumerate() {
        if let Some(s) = inst.snap {
            while printed_snaps <= s as usize {
                print_snapshot(&mut out, printed_snaps, &trace.snapshots[printed_snaps]);
                printed_snaps += 1;
            }
        }
        print_inst(&mut out, trace, i, inst);
        if inst.op.is_guard() {
            let _ = write!(out, "  # exit {exit}");
            exit += 1;
        }
        out.push('\n');
    }
    for s in printed_snaps..trace.snapshots.len() {
        print_snapshot(&mut out, s, &trace.snapshots[s]);
    }
    out
}

fn print_inst(out: &mut String, trace: &Trace, i: usize, inst: &Inst) {
    let info = inst.op.info();
    if inst.ty == Type::Void {
        let _ = write!(out, "%{i} = {}", info.name);
    } else {
        let _ = write!(out, "%{i}:{} = {}", inst.ty, info.name);
    }
    let vals = |args: &[Val]| args.iter().map(|a| format!("%{}", a.0)).collect::<Vec<_>>();
    match info.operands {
        Operands::Fixed(_) | Operands::Jump => {
            let mut parts = vals(&inst.args);
            if info.imm != Imm::None {
                parts.push(imm_text(info.imm, inst.imm));
            }
            if !parts.is_empty() {
                let _ = write!(out, " {}", parts.join(", "));
            }
        }
        Operands::Load => {
            let _ = write!(out, " {}", address_text(inst, &inst.args));
        }
        Operands::Store(_) => {
            let _ = write!(out, " {}, %{}", address_text(inst, &inst.args[1..]), inst.args[0].0);
        }
        Operands::Call => {
            let name = inst
                .helper
                .and_then(|h| trace.helpers.get(h as usize))
                .map_or("?", |h| h.name.as_str());
            let _ = write!(out, " @{name}({})", vals(&inst.args).join(", "));
        }
    }
    if let Some(s) = inst.snap {
        let _ = write!(out, " snap={s}");
    }
}

fn address_text(inst: &Inst, addr: &[Val]) -> String {
    let mut s = format!("[%{}", addr[0].0);
    if let Some(index) = addr.get(1) {
        let _ = write!(s, " + %{}*{}", index.0, inst.scale);
    }
    match inst.imm {
        0 => {}
        o if o < 0 => {
            let _ = write!(s, " - {}", o.unsigned_abs());
        }
        o => {
            let _ = write!(s, " + {o}");
        }
    }
    s.push(']');
    if inst.alias != Alias::ANY {
        let _ = write!(s, "{{{}}}", inst.alias.0);
    }
    s
}

fn imm_text(kind: Imm, imm: i64) -> String {
    match kind {
        Imm::Float => {
            let f = f64::from_bits(imm as u64);
            if f.is_nan() {
                format!("nan:{:#x}", imm as u64)
            } else {
                format!("{f:?}")
            }
        }
        Imm::Word => format!("{:#x}", imm as u64),
        _ => imm.to_string(),
    }
}

fn snap_value_text(v: &SnapValue) -> String {
    match v {
        SnapValue::Val(v) => format!("%{}", v.0),
        SnapValue::Virtual(n) => format!("v{n}"),
    }
}

fn entries_text(entries: &[(u32, SnapValue)]) -> String {
    let parts: Vec<String> =
        entries.iter().map(|(k, v)| format!("{k}={}", snap_value_text(v))).collect();
    format!("[{}]", parts.join(" "))
}

fn print_snapshot(out: &mut String, n: usize, snap: &Snapshot) {
    let _ = write!(out, "snap {n}:");
    for f in &snap.frames {
        let _ = write!(out, " frame pc={} base={} {}", f.pc, f.base, entries_text(&f.slots));
    }
    for (i, v) in snap.virtuals.iter().enumerate() {
        let _ = write!(out, " virtual v{i} kind={} {}", v.kind, entries_text(&v.fields));
    }
    out.push('\n');
}

/// A parse error, with its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses the text form. Does not verify (see [`crate::verify`]).
pub fn parse(text: &str) -> Result<Trace, ParseError> {
    let mut trace = Trace::default();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("");
        let mut c = Cursor { s: line, pos: 0 };
        let result = if c.at_end() { Ok(()) } else { parse_line(&mut c, &mut trace) };
        result.map_err(|message| ParseError { line: n + 1, message })?;
    }
    Ok(trace)
}

fn parse_line(c: &mut Cursor, trace: &mut Trace) -> Result<(), String> {
    if c.eat("trace ") {
        trace.name = c.rest().trim().to_string();
        return Ok(());
    }
    if c.eat("helper ") {
        let helper = parse_helper(c)?;
        trace.helpers.push(helper);
        return Ok(());
    }
    if c.eat("snap ") {
        let n = c.number()?;
        if n != trace.snapshots.len() as i64 {
            return Err(format!("snapshot {n} out of order"));
        }
        c.expect(":")?;
        let snap = parse_snapshot(c)?;
        trace.snapshots.push(snap);
        return Ok(());
    }
    let inst = parse_inst(c, trace)?;
    trace.insts.push(inst);
    c.finish()
}

fn parse_helper(c: &mut Cursor) -> Result<Helper, String> {
    let name = c.ident()?;
    c.expect("(")?;
    let mut args = Vec::new();
    while !c.eat(")") {
        if !args.is_empty() {
            c.expect(",")?;
        }
        args.push(c.ty()?);
    }
    c.expect("->")?;
    let ret = c.ty()?;
    let (mut may_raise, mut may_collect, mut sinks_to) = (false, false, None);
    let mut writes_nothing = false;
    loop {
        if c.eat("nowrite") {
            writes_nothing = true;
        } else if c.eat("raise") {
            may_raise = true;
        } else if c.eat("collect") {
            may_collect = true;
        } else if c.eat("sink=") {
            sinks_to = Some(c.number()? as u32);
        } else {
            break;
        }
    }
    c.expect("@")?;
    let addr = c.number()? as u64;
    c.finish()?;
    Ok(Helper { name, addr, args, ret, may_raise, may_collect, sinks_to, writes_nothing })
}

fn parse_entries(c: &mut Cursor) -> Result<Vec<(u32, SnapValue)>, String> {
    c.expect("[")?;
    let mut entries = Vec::new();
    while !c.eat("]") {
        let key = c.number()? as u32;
        c.expect("=")?;
        let value = if c.eat("v") {
            SnapValue::Virtual(c.number()? as u32)
        } else {
            SnapValue::Val(c.val()?)
        };
        entries.push((key, value));
    }
    Ok(entries)
}

fn parse_snapshot(c: &mut Cursor) -> Result<Snapshot, String> {
    let mut snap = Snapshot::default();
    loop {
        if c.eat("frame") {
            c.expect("pc=")?;
            let pc = c.number()? as u32;
            c.expect("base=")?;
            let base = c.number()? as u32;
            snap.frames.push(SnapFrame { pc, base, slots: parse_entries(c)? });
        } else if c.eat("virtual") {
            c.expect("v")?;
            let n = c.number()?;
            if n != snap.virtuals.len() as i64 {
                return Err(format!("virtual v{n} out of order"));
            }
            c.expect("kind=")?;
            let kind = c.number()? as u32;
            snap.virtuals.push(VirtualObject { kind, fields: parse_entries(c)? });
        } else {
            c.finish()?;
            return Ok(snap);
        }
    }
}

fn parse_inst(c: &mut Cursor, trace: &Trace) -> Result<Inst, String> {
    let n = c.val()?;
    if n.index() != trace.insts.len() {
        return Err(format!("expected %{}, found %{}", trace.insts.len(), n.0));
    }
    let ty = if c.eat(":") { c.ty()? } else { Type::Void };
    c.expect("=")?;
    let name = c.ident()?;
    let op = Op::from_name(&name).ok_or_else(|| format!("unknown op {name}"))?;
    let info = op.info();
    let mut inst = Inst::new(op, ty, []);
    match info.operands {
        Operands::Fixed(_) | Operands::Jump => {
            while c.peek_is("%") {
                inst.args.push(c.val()?);
                if !c.eat(",") {
                    break;
                }
            }
            if info.imm != Imm::None {
                inst.imm = c.imm(info.imm)?;
            }
        }
        Operands::Load => parse_address(c, &mut inst)?,
        Operands::Store(_) => {
            parse_address(c, &mut inst)?;
            c.expect(",")?;
            inst.args.insert(0, c.val()?);
        }
        Operands::Call => {
            c.expect("@")?;
            let name = c.ident()?;
            let h = trace.helpers.iter().position(|h| h.name == name);
            inst.helper = Some(h.ok_or_else(|| format!("unknown helper {name}"))? as u32);
            c.expect("(")?;
            while !c.eat(")") {
                if !inst.args.is_empty() {
                    c.expect(",")?;
                }
                inst.args.push(c.val()?);
            }
        }
    }
    if c.eat("snap=") {
        inst.snap = Some(c.number()? as u32);
    }
    Ok(inst)
}

fn parse_address(c: &mut Cursor, inst: &mut Inst) -> Result<(), String> {
    c.expect("[")?;
    inst.args.push(c.val()?);
    loop {
        if c.eat("]") {
            if c.eat("{") {
                inst.alias = Alias(c.number()? as u8);
                c.expect("}")?;
            }
            return Ok(());
        }
        let negative = if c.eat("+") {
            false
        } else if c.eat("-") {
            true
        } else {
            return Err("expected + or - in address".into());
        };
        if c.peek_is("%") && !negative {
            inst.args.push(c.val()?);
            c.expect("*")?;
            inst.scale = c.number()? as u8;
        } else {
            let o = c.number()?;
            inst.imm = if negative { -o } else { o };
        }
    }
}

/// A position in one line of text.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn skip_ws(&mut self) {
        while self.s[self.pos..].starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }

    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.pos == self.s.len()
    }

    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }

    fn finish(&mut self) -> Result<(), String> {
        if self.at_end() {
            Ok(())
        } else {
            Err(format!("unexpected `{}`", self.rest()))
        }
    }

    fn peek_is(&mut self, p: &str) -> bool {
        self.skip_ws();
        self.rest().starts_with(p)
    }

    fn eat(&mut self, p: &str) -> bool {
        let found = self.peek_is(p);
        if found {
            self.pos += p.len();
        }
        found
    }

    fn expect(&mut self, p: &str) -> Result<(), String> {
        if self.eat(p) {
            Ok(())
        } else {
            Err(format!("expected `{p}` at `{}`", self.rest()))
        }
    }

    /// The longest run of characters satisfying `ok`.
    fn word(&mut self, ok: impl Fn(char) -> bool) -> &str {
        self.skip_ws();
        let start = self.pos;
        let len = self.rest().find(|ch: char| !ok(ch)).unwrap_or(self.rest().len());
        self.pos += len;
        &self.s[start..self.pos]
    }

    fn ident(&mut self) -> Result<String, String> {
        let w = self.word(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '.');
        if w.is_empty() {
            return Err(format!("expected a name at `{}`", self.rest()));
        }
        Ok(w.to_string())
    }

    fn ty(&mut self) -> Result<Type, String> {
        let name = self.ident()?;
        Type::from_name(&name).ok_or_else(|| format!("unknown type {name}"))
    }

    fn number(&mut self) -> Result<i64, String> {
        let negative = self.eat("-");
        let w = self.word(|ch| ch.is_ascii_alphanumeric()).to_string();
        let parsed = match w.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).map(|u| u as i64),
            None => w.parse::<u64>().map(|u| u as i64),
        };
        let n = parsed.map_err(|_| format!("bad number `{w}`"))?;
        Ok(if negative { n.wrapping_neg() } else { n })
    }

    fn val(&mut self) -> Result<Val, String> {
        self.expect("%")?;
        Ok(Val(self.number()? as u32))
    }

    fn imm(&mut self, kind: Imm) -> Result<i64, String> {
        if kind != Imm::Float {
            return self.number();
        }
        if self.eat("nan:") {
            return self.number();
        }
        let w = self.word(|ch| ch.is_ascii_alphanumeric() || "+-.".contains(ch)).to_string();
        w.parse::<f64>().map(|f| f.to_bits() as i64).map_err(|_| format!("bad float `{w}`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quickcheck::Arbitrary;

    const SAMPLE: &str = "\
trace sample
helper box(int, float) -> ref raise collect @0x1234
%0:int = input 0
%1:ref = input 1
%2:float = kflt -0.0
%3:float = kflt nan:0x7ff8000000000001
%4:word = kword 0x7ff9000000000000
%5:int = ld.i64 [%1 + %0*8 - 16]
%6 = st.u8 [%1]{3}, %5
%7:ref = call @box(%5, %2)
%8 = loop
%9:int = phi %5
snap 0: frame pc=3 base=0 [0=%9 2=v0] frame pc=9 base=4 [] virtual v0 kind=7 [8=%4 16=%7]
%10:int = addov %9, %0 snap=0  # exit 0
%11 = guard.eq %1, 0x7ff9000000000000 snap=0  # exit 1
%12 = jump %10
";

    #[test]
    fn round_trip() {
        let trace = parse(SAMPLE).unwrap();
        assert_eq!(print(&trace), SAMPLE);
        assert_eq!(trace.insts[5].scale, 8);
        assert_eq!(trace.insts[5].imm, -16);
        assert_eq!(trace.insts[6].alias, Alias(3));
        assert_eq!(trace.insts[6].args.len(), 2);
        assert_eq!(trace.insts[3].imm as u64, 0x7ff8000000000001);
        assert_eq!(trace.snapshots[0].values().count(), 3);
    }

    /// Mangled text never panics the parser or the verifier.
    #[test]
    fn mangled_text_is_an_error_not_a_panic() {
        let mut g = quickcheck::Gen::from_size_and_seed(100, 11);
        let pieces =
            ["%", "0", "9", ",", "[", "]", "*", "+", "-", " ", "\n", "=", ":", "v", "snap=", "@"];
        for _ in 0..3000 {
            let mut text: Vec<char> = SAMPLE.chars().collect();
            for _ in 0..1 + u8::arbitrary(&mut g) % 4 {
                let at = usize::arbitrary(&mut g) % (text.len() + 1);
                if bool::arbitrary(&mut g) && at < text.len() {
                    text.remove(at);
                } else {
                    let piece = g.choose(&pieces).unwrap_or(&"%");
                    for (k, ch) in piece.chars().enumerate() {
                        text.insert(at + k, ch);
                    }
                }
            }
            let text: String = text.into_iter().collect();
            if let Ok(trace) = parse(&text) {
                let _ = crate::verify::verify(&trace);
            }
        }
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse("%0:int = kint 1\n%1:int = frob %0\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("frob"));
        assert!(parse("%1:int = kint 1\n").is_err());
    }
}
