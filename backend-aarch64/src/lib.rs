//! Instruction selection and encoding of trace IR for aarch64. The parts of code
//! generation that do not depend on the instruction set (liveness, register
//! allocation, exit bookkeeping) live in `traces`.
