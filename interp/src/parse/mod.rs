//! Python 3.8 source to AST.
//!
//! | module | owns |
//! |---|---|
//! | [`ast`] | the tree: CPython 3.8's `Python.asdl` as Rust types |

pub mod ast;
