//! The virtual machine: frames on one value stack, the interpreter loop,
//! calls, and the protocols the bytecode relies on.
//!
//! | module | owns |
//! |---|---|
//! | [`args`] | binding call arguments to parameters, with CPython's messages |

pub mod args;
