//! Tachyon: Python 3.8 with a tracing JIT.
//!
//! The data flow is: source text, [`parse`] to an AST, the compiler to
//! register bytecode, the VM, and for hot loops the recorder that feeds the
//! `tracer` crate. Each stage is a module of its own:
//!
//! | module | owns |
//! |---|---|
//! | [`cli`] | the command line of the `tachyon` binary |
//! | [`parse`] | Python 3.8 source to AST: tokenizer, parser, SyntaxError, `ast.dump` |
//! | [`number`] | numeric algorithms: int and float semantics, repr, hashing |
//! | [`unicode`] | Unicode 12.1 data as CPython 3.8 has it: identifiers, names, printable, str/bytes repr |
//! | [`pythonpath`] | finding an installed CPython 3.8 (its stdlib, the test oracle) |

pub mod cli;
pub mod number;
pub mod parse;
pub mod pythonpath;
pub mod unicode;
