//! Definite assignment: removes the `CheckBound` of every local read that is
//! bound on all paths reaching it (a forward must-analysis over the
//! instructions, exception edges included). What remains raises
//! UnboundLocalError when the path really leaves the local unbound.

use crate::bytecode::instr::Label;
use crate::bytecode::{CodeUnit, Instr};

type Bits = Vec<u64>;

fn bit(bits: &Bits, slot: usize) -> bool {
    bits[slot / 64] >> (slot % 64) & 1 == 1
}

fn set(bits: &mut Bits, slot: usize, on: bool) {
    if on {
        bits[slot / 64] |= 1 << (slot % 64);
    } else {
        bits[slot / 64] &= !(1 << (slot % 64));
    }
}

/// Intersects `into` with `from`; true if `into` changed (or was unset).
fn meet(into: &mut Option<Bits>, from: &Bits) -> bool {
    match into {
        None => {
            *into = Some(from.clone());
            true
        }
        Some(bits) => {
            let mut changed = false;
            for (a, b) in bits.iter_mut().zip(from) {
                let new = *a & b;
                changed |= new != *a;
                *a = new;
            }
            changed
        }
    }
}

pub fn remove_proven_checks(mut code: CodeUnit) -> CodeUnit {
    let n = code.instrs.len();
    if !code.instrs.iter().any(|i| matches!(i, Instr::CheckBound { .. })) {
        return code;
    }
    let words = (code.slot_count as usize).div_ceil(64).max(1);
    let mut entry = vec![0u64; words];
    for slot in 0..code.param_count() {
        set(&mut entry, slot, true);
    }
    let mut state: Vec<Option<Bits>> = vec![None; n + 1];
    state[0] = Some(entry);
    let mut work: Vec<usize> = vec![0];
    while let Some(pc) = work.pop() {
        let Some(before) = state[pc].clone() else { continue };
        let instr = code.instrs[pc];
        let mut after = before.clone();
        instr.for_each_write(|slot| set(&mut after, slot as usize, true));
        match instr {
            Instr::CheckBound { slot, .. } => set(&mut after, slot as usize, true),
            Instr::DeleteFast { slot, .. } => set(&mut after, slot as usize, false),
            _ => {}
        }
        let mut successors: Vec<(usize, &Bits)> = Vec::with_capacity(3);
        if let Some(target) = instr.branch_target() {
            // ForIter's exit edge is taken without writing `dst`.
            let edge = if matches!(instr, Instr::ForIter { .. }) { &before } else { &after };
            successors.push((target as usize, edge));
        }
        if !instr.ends_block() {
            successors.push((pc + 1, &after));
        }
        if let Some(h) = code.handler_for(pc as Label) {
            successors.push((h.handler as usize, &before));
        }
        for (next, bits) in successors {
            if next < n && meet(&mut state[next], bits) {
                work.push(next);
            }
        }
    }
    let keep: Vec<bool> = code
        .instrs
        .iter()
        .enumerate()
        .map(|(pc, instr)| match (instr, &state[pc]) {
            (Instr::CheckBound { slot, .. }, Some(bits)) => !bit(bits, *slot as usize),
            (Instr::CheckBound { .. }, None) => false, // unreachable
            _ => true,
        })
        .collect();
    compact(&mut code, &keep);
    code
}

/// Drops the instructions not kept, retargeting jumps, lines and handlers.
pub fn compact(code: &mut CodeUnit, keep: &[bool]) {
    let n = code.instrs.len();
    // new_pc[i]: the new index of the first kept instruction at or after i.
    let mut new_pc = vec![0 as Label; n + 1];
    let mut count = 0;
    for i in 0..n {
        new_pc[i] = count;
        if keep[i] {
            count += 1;
        }
    }
    new_pc[n] = count;
    let mut instrs = Vec::with_capacity(count as usize);
    for (i, instr) in code.instrs.iter().enumerate() {
        if keep[i] {
            let mut instr = *instr;
            if let Some(target) = instr.branch_target() {
                instr.set_branch_target(new_pc[target as usize]);
            }
            instrs.push(instr);
        }
    }
    code.instrs = instrs;
    let mut lines: Vec<crate::bytecode::LineEntry> = Vec::new();
    for entry in &code.lines {
        let start = new_pc[entry.start as usize];
        match lines.last_mut() {
            Some(last) if last.start == start => last.line = entry.line,
            Some(last) if last.line == entry.line => {}
            _ => lines.push(crate::bytecode::LineEntry { start, line: entry.line }),
        }
    }
    code.lines = lines;
    for entry in &mut code.exceptions {
        entry.start = new_pc[entry.start as usize];
        entry.end = new_pc[entry.end as usize];
        entry.handler = new_pc[entry.handler as usize];
    }
    code.exceptions.retain(|e| e.start < e.end);
}
