//! A compiled code unit: one function body, class body, module or
//! comprehension, as the compiler leaves it. It holds no heap values, so the
//! compiler and its tests need no heap; the VM turns a `CodeUnit` into a code
//! object (constants become Values) when it loads it.

use super::instr::{Instr, Label, Reg};
use num_bigint::BigInt;
use std::rc::Rc;

bitflags::bitflags! {
    /// Properties of a code unit, named after CPython's `co_flags`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct CodeFlags: u16 {
        /// Has a `*args` parameter (after the positional and keyword-only ones).
        const VARARGS = 1 << 0;
        /// Has a `**kwargs` parameter (last).
        const VARKEYWORDS = 1 << 1;
        const GENERATOR = 1 << 2;
        const COROUTINE = 1 << 3;
        const ASYNC_GENERATOR = 1 << 4;
        /// Names resolve through a locals mapping (module, class body, exec).
        const NAMESPACE = 1 << 5;
        /// A function body: `return` and parameters are meaningful.
        const FUNCTION = 1 << 6;
        /// Nested inside another function (`co_flags & CO_NESTED`).
        const NESTED = 1 << 7;
    }
}

/// A constant operand. Floats compare by bits so that `0.0` and `-0.0`
/// stay distinct constants.
#[derive(Debug, Clone)]
pub enum Const {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(Rc<str>),
    /// A str holding lone surrogates, which `Rc<str>` cannot: its bytes
    /// as `crate::unicode::wtf8` encodes them.
    StrSurrogates(Rc<[u8]>),
    Bytes(Rc<[u8]>),
    Ellipsis,
    Tuple(Rc<[Const]>),
    FrozenSet(Rc<[Const]>),
    Code(Rc<CodeUnit>),
}

impl PartialEq for Const {
    fn eq(&self, other: &Const) -> bool {
        use Const::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex { real: a, imag: b }, Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) | (StrSurrogates(a), StrSurrogates(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => a == b,
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// From this instruction on, the source line is `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineEntry {
    pub start: Label,
    pub line: u32,
}

/// An exception raised by an instruction in `start..end` is stored in slot
/// `exc` and control goes to `handler`. Entries are ordered innermost first,
/// so the first entry that covers a pc is the one to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: Label,
    pub end: Label,
    pub handler: Label,
    pub exc: Reg,
}

/// One compiled body.
#[derive(Debug, Clone, Default)]
pub struct CodeUnit {
    /// `co_name`: the function's name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: String,
    /// `__qualname__` of functions made from this code.
    pub qualname: String,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub flags: CodeFlags,
    /// Positional parameters, the positional-only ones included.
    pub arg_count: u16,
    pub posonly_count: u16,
    pub kwonly_count: u16,
    /// `co_varnames`: parameters first (positional, keyword-only, `*args`,
    /// `**kwargs`), then the other locals; local `i` lives in slot `i`.
    pub local_names: Vec<String>,
    /// Cell variables: the name and the slot that holds its cell.
    pub cells: Vec<(String, Reg)>,
    /// Free variables: the name and the slot the closure's cell is copied to on entry.
    pub frees: Vec<(String, Reg)>,
    /// Slots a frame of this code needs: locals, cells, frees, temporaries.
    pub slot_count: u16,
    pub instrs: Vec<Instr>,
    pub consts: Vec<Const>,
    /// Identifiers used by name-based instructions.
    pub names: Vec<String>,
    pub lines: Vec<LineEntry>,
    pub exceptions: Vec<ExceptionEntry>,
    /// Inline cache entries the VM allocates for this code.
    pub cache_count: u16,
    /// The docstring, `co_consts[0]` in CPython when present.
    pub docstring: Option<Rc<str>>,
}

impl CodeUnit {
    /// The source line of instruction `pc`.
    pub fn line_of(&self, pc: Label) -> u32 {
        let after = self.lines.partition_point(|entry| entry.start <= pc);
        if after == 0 {
            self.first_line
        } else {
            self.lines[after - 1].line
        }
    }

    /// The innermost exception handler covering `pc`.
    pub fn handler_for(&self, pc: Label) -> Option<&ExceptionEntry> {
        self.exceptions.iter().find(|entry| entry.start <= pc && pc < entry.end)
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags
            .intersects(CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
    }

    /// Total parameter count, `*args` and `**kwargs` included.
    pub fn param_count(&self) -> usize {
        self.arg_count as usize
            + self.kwonly_count as usize
            + self.flags.contains(CodeFlags::VARARGS) as usize
            + self.flags.contains(CodeFlags::VARKEYWORDS) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_lookup_uses_the_last_entry_at_or_before_pc() {
        let code = CodeUnit {
            first_line: 1,
            lines: vec![LineEntry { start: 0, line: 2 }, LineEntry { start: 3, line: 5 }],
            ..CodeUnit::default()
        };
        assert_eq!(code.line_of(0), 2);
        assert_eq!(code.line_of(2), 2);
        assert_eq!(code.line_of(3), 5);
        assert_eq!(code.line_of(100), 5);
    }

    #[test]
    fn innermost_handler_wins() {
        let code = CodeUnit {
            exceptions: vec![
                ExceptionEntry { start: 2, end: 4, handler: 10, exc: 1 },
                ExceptionEntry { start: 0, end: 8, handler: 20, exc: 2 },
            ],
            ..CodeUnit::default()
        };
        assert_eq!(code.handler_for(3).unwrap().handler, 10);
        assert_eq!(code.handler_for(5).unwrap().handler, 20);
        assert!(code.handler_for(8).is_none());
    }

    #[test]
    fn float_constants_compare_by_bits() {
        assert_ne!(Const::Float(0.0), Const::Float(-0.0));
        assert_eq!(Const::Float(f64::NAN), Const::Float(f64::NAN));
        assert_ne!(Const::Int(1), Const::Bool(true));
    }
}
