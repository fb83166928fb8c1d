//! Tachyon: Python 3.8 with a tracing JIT.
//!
//! The data flow is: source text, [`parse`] to an AST, the compiler to
//! register bytecode, the VM, and for hot loops the recorder that feeds the
//! `tracer` crate. Each stage is a module of its own:
//!
//! | module | owns |
//! |---|---|
//! | [`cli`] | the command line of the `tachyon` binary |
//! | [`number`] | numeric algorithms: int and float semantics, repr, hashing |
//! | [`pythonpath`] | finding an installed CPython 3.8 (its stdlib, the test oracle) |
//! | [`table`] | dict and set hash tables and list sort, as CPython 3.8 runs them |

pub mod cli;
pub mod number;
pub mod pythonpath;
pub mod table;
