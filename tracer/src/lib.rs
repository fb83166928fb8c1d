//! The tracer: the recorder API the interpreter drives, the optimizer passes
//! over recorded traces, the trace cache, and the choice of backend for the
//! host architecture.
//!
//! - [`builder`]: [`TraceBuilder`], which the recorder emits through (fold,
//!   CSE and guard removal as it records), and [`Recording`].
//! - [`opt`]: the optimizer passes and their pipeline.
//! - [`backend`]: [`compile`], the backend of the host architecture.
//! - [`cache`]: [`TraceCache`], traces by loop header, with hotness
//!   counters and blacklisting.

pub mod backend;
pub mod builder;
pub mod cache;
pub mod opt;

pub use backend::{compile, CompileError, CompiledTrace, BACKEND_AVAILABLE};
pub use builder::{Recording, TraceBuilder};
pub use cache::{Action, TraceCache, TraceKey};
pub use opt::boxes::BoxLayout;
pub use opt::{optimize, optimize_recording, OptError};
