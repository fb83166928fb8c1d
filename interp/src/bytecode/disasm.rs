//! The text listing of a code unit: one instruction a line with its pc,
//! source line, and operands with constants and names spelled out. Compiler
//! tests compare listings; `tachyon --dis` prints them.

use super::code::{CodeUnit, Const};
use super::instr::Instr;
use crate::number::float_repr::float_repr;
use std::fmt::Write;

/// The listing of `code` and, after it, of every code unit among its constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    write_unit(code, &mut out);
    out
}

fn write_unit(code: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} (line {}, {} slots, flags {:?})",
        code.qualname, code.first_line, code.slot_count, code.flags
    );
    let mut last_line = 0;
    for (pc, instr) in code.instrs.iter().enumerate() {
        let line = code.line_of(pc as u32);
        let line_col = if line != last_line { line.to_string() } else { String::new() };
        last_line = line;
        let _ = writeln!(out, "{line_col:>5} {pc:>4}  {}", describe(code, instr));
    }
    for entry in &code.exceptions {
        let _ = writeln!(
            out,
            "  handler {}..{} -> {} exc r{}",
            entry.start, entry.end, entry.handler, entry.exc
        );
    }
    for constant in &code.consts {
        if let Const::Code(inner) = constant {
            out.push('\n');
            write_unit(inner, out);
        }
    }
}

/// A constant as the listing shows it (close to Python's repr).
pub fn const_text(constant: &Const) -> String {
    match constant {
        Const::None => "None".into(),
        Const::Bool(b) => if *b { "True" } else { "False" }.into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex { real, imag } => {
            format!("complex({}, {})", float_repr(*real), float_repr(*imag))
        }
        Const::Str(s) => format!("{s:?}"),
        Const::StrSurrogates(s) => crate::unicode::repr_code_points(
            &crate::unicode::wtf8::code_points(s).collect::<Vec<_>>(),
        ),
        Const::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_text).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Const::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(const_text).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Const::Code(code) => format!("<code {}>", code.qualname),
    }
}

fn describe(code: &CodeUnit, instr: &Instr) -> String {
    let name = |idx: u16| code.names.get(idx as usize).map(String::as_str).unwrap_or("?");
    let constant =
        |idx: u32| code.consts.get(idx as usize).map(const_text).unwrap_or_else(|| "?".into());
    match *instr {
        Instr::LoadConst { dst, idx } => format!("LoadConst r{dst} = {}", constant(idx)),
        Instr::LoadGlobal { dst, name: n, .. } => format!("LoadGlobal r{dst} = {}", name(n)),
        Instr::StoreGlobal { name: n, src } => format!("StoreGlobal {} = r{src}", name(n)),
        Instr::LoadName { dst, name: n } => format!("LoadName r{dst} = {}", name(n)),
        Instr::StoreName { name: n, src } => format!("StoreName {} = r{src}", name(n)),
        Instr::LoadAttr { dst, obj, name: n, .. } => {
            format!("LoadAttr r{dst} = r{obj}.{}", name(n))
        }
        Instr::StoreAttr { obj, name: n, src, .. } => {
            format!("StoreAttr r{obj}.{} = r{src}", name(n))
        }
        Instr::LoadMethod { dst, obj, name: n, .. } => {
            format!("LoadMethod r{dst} = r{obj}.{}", name(n))
        }
        Instr::Binary { op, dst, a, b } => format!("Binary r{dst} = r{a} {} r{b}", op.symbol()),
        Instr::InplaceBinary { op, dst, a, b } => {
            format!("InplaceBinary r{dst} = r{a} {}= r{b}", op.symbol())
        }
        Instr::Compare { op, dst, a, b } => format!("Compare r{dst} = r{a} {} r{b}", op.symbol()),
        Instr::CallKw { dst, func, argc, kwnames } => {
            format!("CallKw r{dst} = r{func}(argc {argc}, kw {})", constant(kwnames))
        }
        Instr::CallMethodKw { dst, base, argc, kwnames } => {
            format!("CallMethodKw r{dst} = r{base}(argc {argc}, kw {})", constant(kwnames))
        }
        Instr::MakeFunction { dst, code: idx, parts, start } => {
            format!("MakeFunction r{dst} = {} {parts:?} from r{start}", constant(idx))
        }
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{BinOp, LineEntry};

    #[test]
    fn listing_spells_out_constants_and_lines() {
        let code = CodeUnit {
            qualname: "<module>".into(),
            first_line: 1,
            slot_count: 2,
            consts: vec![Const::Int(1), Const::Float(2.5)],
            instrs: vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::LoadConst { dst: 1, idx: 1 },
                Instr::Binary { op: BinOp::Add, dst: 0, a: 0, b: 1 },
                Instr::Return { src: 0 },
            ],
            lines: vec![LineEntry { start: 0, line: 1 }, LineEntry { start: 2, line: 2 }],
            ..CodeUnit::default()
        };
        let text = disassemble(&code);
        assert!(text.contains("    1    0  LoadConst r0 = 1\n"), "{text}");
        assert!(text.contains("LoadConst r1 = 2.5"), "{text}");
        assert!(text.contains("    2    2  Binary r0 = r0 + r1\n"), "{text}");
        assert!(text.contains("         3  Return { src: 0 }\n"), "{text}");
    }
}
