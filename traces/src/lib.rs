//! The trace IR: a linear SSA trace of typed instructions with guards and
//! snapshots. It is the contract between `tracer` (which builds and optimizes
//! traces) and the backends (which compile them). Nothing here knows Python.
//!
//! - [`types`]: value types.
//! - [`args`]: an instruction's operands, a small vector.
//! - [`hash`]: the hasher of the compiler's maps.
//! - [`ops`]: the opcode table, the one place every op is described.
//! - [`trace`]: instructions, snapshots, helpers, the trace and its builders.
//! - [`text`]: the text form (`--trace-dump`) and its parser.
//! - [`verify`]: the well-formedness checks run on every trace in debug builds.
//! - [`eval`]: the reference evaluator, the oracle the backends are tested against.
//! - [`regalloc`]: the target-independent half of a backend: liveness, linear
//!   scan over a described register file, parallel moves, exit bookkeeping.
//! - `testing` (feature `testing`): a generator of random well-typed traces, shared by the
//!   backends' property tests.

pub mod args;
pub mod eval;
pub mod hash;
pub mod ops;
pub mod regalloc;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod trace;
pub mod types;
pub mod verify;

pub use args::Args;
pub use ops::Op;
pub use trace::{Alias, Helper, Inst, SnapFrame, SnapValue, Snapshot, Trace, Val, VirtualObject};
pub use types::Type;
