//! Register bytecode: what the compiler emits and the VM runs.
//!
//! A function's frame is a window of the VM's value stack: slots
//! `0..arg_count` hold the parameters, then the other locals, then the
//! temporaries the compiler allocates. Every instruction names the slots it
//! reads and writes (`Add { dst, a, b }`), as in Lua 5 and LuaJIT, so the VM
//! does no pushing and popping and the JIT recorder sees data flow directly.
//!
//! | module | owns |
//! |---|---|
//! | [`instr`] | the instruction set, one enum |
//! | [`code`] | a compiled code unit: instructions, constants, names, line and exception tables |
//! | [`co_view`] | `co_code` and `co_lnotab`: CPython's byte views of a code unit |
//! | [`disasm`] | the text listing of a code unit (for `--dis` and compiler tests) |
//! | [`serialize`] | the binary form of a module's code units, for the code cache |
//! | [`fnv`] | the FNV-1a hash that fingerprints the compiler (and names cached embedded sources) |

pub mod co_view;
pub mod code;
pub mod disasm;
pub mod fnv;
pub mod instr;
pub mod serialize;

pub use code::{CodeFlags, CodeUnit, Const, ExceptionEntry, LineEntry};
pub use instr::{BinOp, CmpOp, Instr, Label, Reg, UnaryOp};
