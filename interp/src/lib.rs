//! Tachyon: Python 3.8 with a tracing JIT.
//!
//! The data flow is: source text, [`parse`] to an AST, [`compile`] to
//! register [`bytecode`], the [`vm`], and for hot loops the recorder that
//! feeds the `tracer` crate. Each stage is a module of its own:
//!
//! | module | owns |
//! |---|---|
//! | [`cli`] | the command line of the `tachyon` binary |
//! | [`parse`] | Python 3.8 source to AST: tokenizer, parser, SyntaxError, `ast.dump` |
//! | [`unicode`] | Unicode 12.1 data as CPython 3.8 has it: identifiers, names, printable, str/bytes repr |
//! | [`compile`] | the compiler: symbol tables and code generation to register bytecode |
//! | [`bytecode`] | the register bytecode the compiler emits and the VM runs |
//! | [`object`] | values, heap and GC, types, shapes, the core object layouts |
//! | [`number`] | numeric algorithms: int and float semantics, repr, hashing |
//! | [`table`] | dict and set hash tables and list sort, as CPython 3.8 runs them |
//! | [`vm`] | the virtual machine: frames, interpreter loop, calls, protocols |
//! | [`jit`] | the tracing JIT's interpreter side: hot loops, recording, trace entry, deopt |
//! | [`builtins`] | the `builtins` module and the methods of the built-in types |
//! | [`modules`] | native modules (`sys`, ...) |
//! | [`pythonpath`] | finding an installed CPython 3.8 (its stdlib, the test oracle) |
//! | [`conformance`] | running conformance scripts under python3.8 and tachyon alike |

pub mod builtins;
pub mod bytecode;
pub mod cli;
pub mod compile;
pub mod conformance;
pub mod jit;
pub mod modules;
pub mod number;
pub mod object;
pub mod parse;
pub mod pythonpath;
pub mod table;
pub mod unicode;
pub mod vm;
