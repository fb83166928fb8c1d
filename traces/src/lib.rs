//! The trace IR: a linear SSA trace of typed instructions with guards and
//! snapshots. It is the contract between `tracer` (which builds and optimizes
//! traces) and the backends (which compile them). Nothing here knows Python.
