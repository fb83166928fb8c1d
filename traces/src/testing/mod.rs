//! Random well-typed traces and the differential check every backend runs:
//! the compiled code and the reference evaluator must agree on the exit
//! taken, every exit-record value and the final memory. Enabled by the
//! `testing` feature.
//!
//! A generated trace reads the address of a 512-byte test memory, a `ref`,
//! from input slot 0 (the input holds [`MEMORY_BASE`], which
//! [`differential`] replaces with the real buffer's address), ints, floats
//! and a bool from the next slots, and calls the helpers of
//! [`standard_helpers`] (real `extern "C"` functions, mirrored by closures
//! for the evaluator).
//!
//! - `helpers`: the standard helpers.
//! - `case`: a case and its shrinking.
//! - `generate`: the random trace generator.
//! - `differential`: the comparison of compiled code with the evaluator.

mod case;
mod differential;
mod generate;
mod helpers;

pub use case::Case;
pub use differential::differential;
pub use generate::generate;
pub use helpers::{bind_standard_helpers, standard_helpers};

/// Placeholder input value meaning "the address of the test memory".
pub const MEMORY_BASE: u64 = 0x5eed_0000_0000_0000;
/// Words of test memory.
pub const MEMORY_WORDS: usize = 64;
/// The words generated traces use for floats only. A NaN's payload and sign
/// are not specified by the IR (x86 and AArch64 make different default
/// NaNs, and the evaluator's host arithmetic may order operands either
/// way), so float bits must never be read back as integers; values and
/// memory compare NaNs as equal there.
pub const FLOAT_WORDS: std::ops::Range<usize> = 32..64;

/// A trace writing two state words (8 and 9) after its input: both
/// backends' tests run it.
pub const STATE_STORES: &str = "
%0:int = input 0
%1:int = kint 7
%2:int = add %0, %1
%3 = st.state %2, 9
%4 = st.state %0, 8
snap 0: frame pc=1 base=0 [0=%2]
%5 = exit snap=0
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::Trace;
    use crate::verify::verify;
    use quickcheck::{Arbitrary, Gen};

    #[test]
    fn shrinking_keeps_traces_valid() {
        let mut g = Gen::from_size_and_seed(40, 5);
        for _ in 0..30 {
            let case = Case::arbitrary(&mut g);
            for smaller in case.shrink().take(20) {
                verify(&smaller.trace).unwrap_or_else(|e| panic!("{e}\n{smaller:?}"));
            }
        }
    }

    #[test]
    fn generated_traces_verify_and_evaluate() {
        let mut g = Gen::from_size_and_seed(60, 1);
        let mut exits = 0;
        for _ in 0..300 {
            let case = Case::arbitrary(&mut g);
            verify(&case.trace).unwrap_or_else(|e| panic!("{e}\n{case:?}"));
            let text = crate::text::print(&case.trace);
            assert_eq!(crate::text::parse(&text).unwrap(), case.trace);
            // No compiled code here: every case must reach the comparison.
            let mut no_code = |_: &Trace, _: &mut [u64]| u32::MAX;
            match differential(&case, &mut no_code) {
                Ok(_) => {}
                Err(e) if e.starts_with("exit") => exits += 1,
                Err(e) => panic!("{e}\n{case:?}"),
            }
        }
        assert!(exits > 250, "{exits}");
    }
}
