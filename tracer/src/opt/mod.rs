//! The optimizer: passes over `traces::Trace`, in the order the pipeline
//! runs them (as LuaJIT's lj_opt_*.c).
//!
//! - [`fold`]: constant folding and algebraic identities, applied to every
//!   instruction as it is emitted (by [`crate::builder::TraceBuilder`]).
//! - [`cse`]: common-subexpression elimination of pure instructions.
//! - [`guards`]: redundant guard elimination (a guard implied by an
//!   earlier one).
//! - [`boxes`]: boxed numbers: box/unbox pairs cancel, type checks of known
//!   boxes fold, snapshots hold payloads as virtual boxes.
//! - [`memory`]: store-to-load forwarding and load CSE.
//! - [`peel`]: loop peeling with invariant hoisting; carried boxes become
//!   unboxed phis.
//! - [`dce`]: dead code elimination.
//! - [`sink`]: allocation sinking: objects only snapshots need become
//!   virtual, built by deopt.
//!
//! [`optimize`] and [`optimize_recording`] run the pipeline.

pub mod boxes;
pub mod cse;
pub mod dce;
pub mod fold;
pub mod guards;
pub mod memory;
pub mod peel;
pub mod sink;

use traces::{Op, Trace, Val};

use crate::builder::{Recording, TraceBuilder};
use boxes::BoxLayout;
use peel::{Carried, LoopSource};

/// Why a trace could not be optimized (it is then not compiled).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptError(pub String);

impl std::fmt::Display for OptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "optimizer: {}", self.0)
    }
}

impl std::error::Error for OptError {}

fn builder_for(name: &str, layout: Option<BoxLayout>, helpers: &Trace) -> TraceBuilder {
    let mut b = match layout {
        Some(l) => TraceBuilder::with_layout(name, l),
        None => TraceBuilder::new(name),
    };
    for h in &helpers.helpers {
        b.add_helper(h.clone());
    }
    b
}

fn checked(trace: Trace) -> Result<Trace, OptError> {
    let trace = sink::sink(&dce::dce(&trace));
    // Release builds leave this to the backend, which verifies what it
    // compiles.
    if cfg!(debug_assertions) {
        traces::verify::verify(&trace)
            .map_err(|e| OptError(format!("produced a bad trace: {e}")))?;
    }
    Ok(trace)
}

/// Optimizes a finished trace: a loop (`loop`, phis, body, `jump`) is
/// peeled once more; a trace ending in `exit` is re-emitted through the
/// fold engine. Then dead code goes.
pub fn optimize(trace: &Trace, layout: Option<BoxLayout>) -> Result<Trace, OptError> {
    traces::verify::verify(trace).map_err(|e| OptError(format!("bad input trace: {e}")))?;
    let b = builder_for(&trace.name, layout, trace);
    let Some(l) = trace.loop_start() else {
        return checked(peel::reemit_straight(trace, b)?);
    };
    let n = trace.insts.len();
    let phis: Vec<usize> = (l + 1..n).take_while(|&i| trace.insts[i].op == Op::Phi).collect();
    let jump = &trace.insts[n - 1];
    let carried = phis
        .iter()
        .zip(&jump.args)
        .map(|(&p, &next)| Carried {
            var: Some(Val(p as u32)),
            first: Some(trace.insts[p].args[0]),
            next,
            slot: None,
        })
        .collect();
    let source = LoopSource {
        trace,
        prefix: (0..l).collect(),
        body: (l + 1 + phis.len()..n - 1).collect(),
        carried,
    };
    checked(peel::peel(&source, b)?)
}

/// Optimizes a recorded loop iteration: peels it into a preamble and a
/// loop whose body is specialised on what the preamble proved. `rec.end`
/// names the state words the iteration changed, as its inputs do.
pub fn optimize_recording(rec: &Recording) -> Result<Trace, OptError> {
    let trace = &rec.trace;
    let b = builder_for(&trace.name, rec.layout, trace);
    let is_input = |i: &usize| trace.insts[*i].op == Op::Input;
    let all = 0..trace.insts.len();
    let prefix: Vec<usize> = all.clone().filter(is_input).collect();
    let body: Vec<usize> = all.filter(|i| !is_input(i)).collect();
    let end_of = |word: u32| rec.end.iter().find(|(w, _)| *w == word).map(|(_, v)| *v);
    let slot_of = |word: u32| word.checked_sub(rec.slot_base);
    let mut carried: Vec<Carried> = prefix
        .iter()
        .map(|&i| {
            let word = trace.insts[i].imm as u32;
            let v = Val(i as u32);
            Carried {
                var: Some(v),
                first: Some(v),
                next: end_of(word).unwrap_or(v),
                slot: slot_of(word),
            }
        })
        .collect();
    for &(word, next) in &rec.end {
        let slot = slot_of(word);
        if !carried.iter().any(|c| c.slot.is_some() && c.slot == slot) {
            carried.push(Carried { var: None, first: None, next, slot });
        }
    }
    checked(peel::peel(&LoopSource { trace, prefix, body, carried }, b)?)
}

/// Tests of the passes on IR text: a trace before and after the pipeline.
#[cfg(test)]
pub(crate) mod check {
    /// Optimizes `before` and compares the text with `after` (line by
    /// line, ignoring indentation and `# exit` comments).
    pub fn optimizes_to(before: &str, after: &str) {
        optimizes_with(None, before, after)
    }

    /// As [`optimizes_to`], with a box layout.
    pub fn optimizes_with(layout: Option<super::BoxLayout>, before: &str, after: &str) {
        let trace = traces::text::parse(before).unwrap_or_else(|e| panic!("{e}\n{before}"));
        let got = super::optimize(&trace, layout).unwrap_or_else(|e| panic!("{e}\n{before}"));
        let text = traces::text::print(&got);
        let norm = |s: &str| -> Vec<String> {
            s.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        };
        assert_eq!(norm(&text), norm(after), "got:\n{text}");
    }
}
