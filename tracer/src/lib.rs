//! The tracer: the recorder API the interpreter drives, the optimizer passes
//! over recorded traces, the trace cache, and the choice of backend for the
//! host architecture.
