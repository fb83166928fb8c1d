//! Developer tools for Tachyon: each binary in `src/bin/` is one tool.

pub mod bench;
