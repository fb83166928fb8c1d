//! `bench`: runs benchmark programs under tachyon and CPython 3.8 in turn,
//! checks they print the same, and reports times, memory and ratios.
//!
//! - [`tool`]: the command, from options to written report
//! - [`cli`]: its options
//! - [`suite`]: what a benchmark is; our programs in `tools/bench/`
//! - [`pyperformance`]: fetching pyperformance and listing its benchmarks
//! - [`interpreters`]: the columns compared, and finding `python3.8`
//! - [`session`]: the order of runs (warm-up, then alternating rounds)
//! - [`child`]: one measured process: wall and CPU time, peak RSS, output
//! - [`compare`]: failed runs and output differences
//! - [`results`]: the figures gathered, ratios and geometric means
//! - [`stats`]: median, spread, geometric mean
//! - [`table`] (terminal and Markdown), [`json`], [`svg`]: the outputs
//! - [`progress`]: the progress line on stderr
//! - [`machine`]: date and machine description

pub mod child;
pub mod cli;
pub mod compare;
pub mod interpreters;
pub mod json;
pub mod machine;
pub mod progress;
pub mod pyperformance;
pub mod results;
pub mod session;
pub mod stats;
pub mod suite;
pub mod svg;
pub mod table;
pub mod tool;
