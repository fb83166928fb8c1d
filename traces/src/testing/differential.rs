//! The check every backend runs: compiled code against the evaluator.

use std::collections::HashMap;

use super::helpers::{fl, standard_helpers};
use super::{Case, FLOAT_WORDS, MEMORY_BASE};
use crate::eval::{eval, Env, HelperFn, Outcome, TestMemory};
use crate::trace::{Trace, Val};

/// iteration budget, so nothing was compared.
/// Runs `case` in the evaluator and through `run` (which executes the
/// compiled trace on a state area and returns the exit number), and
/// compares. `Ok(false)`: the evaluator's loop did not exit within its
pub fn differential(
    case: &Case,
    run: &mut dyn FnMut(&Trace, &mut [u64]) -> u32,
) -> Result<bool, String> {
    let trace = &case.trace;
    let mut buffer = case.memory.clone();
    let base = buffer.as_mut_ptr() as u64;
    let inputs: Vec<u64> =
        case.inputs.iter().map(|&v| if v == MEMORY_BASE { base } else { v }).collect();
    let bytes = case.memory.iter().flat_map(|w| w.to_le_bytes()).collect();
    let mut memory = TestMemory { base, bytes };
    let helpers: HashMap<u64, HelperFn> =
        standard_helpers().into_iter().map(|(h, f)| (h.addr, f())).collect();
    let mut env = Env { memory: &mut memory, helpers };
    let outcome =
        eval(trace, &inputs, &mut env, 100_000).map_err(|e| format!("evaluator: {e:?}"))?;
    let Outcome::Exit { exit, snap, values } = outcome else { return Ok(false) };
    // Room for the GC root area past the exit records, if the code uses one.
    let header = crate::regalloc::GC_ROOT_HEADER;
    let mut state = vec![0u64; trace.state_words().max(inputs.len()) + header + trace.insts.len()];
    state[..inputs.len()].copy_from_slice(&inputs);
    let got_exit = run(trace, &mut state);
    if got_exit != exit {
        return Err(format!("exit {got_exit}, evaluator says {exit}"));
    }
    let snapshot = &trace.snapshots[snap as usize];
    let got_values = trace.unpack_record(snapshot, &state);
    let snap_vals: Vec<Val> = snapshot.values().collect();
    for (k, ((want, &got), v)) in values.iter().zip(&got_values).zip(&snap_vals).enumerate() {
        let same =
            got == *want || (trace.ty(*v).is_float() && fl(got).is_nan() && fl(*want).is_nan());
        if !same {
            return Err(format!("exit {exit} entry {k} (%{}): got {got:#x}, want {want:#x}", v.0));
        }
    }
    for (k, got) in buffer.iter().enumerate() {
        let want =
            u64::from_le_bytes(memory.bytes[8 * k..8 * k + 8].try_into().unwrap_or_default());
        let nans = FLOAT_WORDS.contains(&k) && fl(*got).is_nan() && fl(want).is_nan();
        if *got != want && !nans {
            return Err(format!("memory word {k}: got {got:#x}, want {want:#x}"));
        }
    }
    Ok(true)
}
