//! C3 linearization (CPython's `mro_implementation`).

use super::header::Gc;
use super::types::TypeObj;
use super::value::Value;

/// The MRO of a class `t` with `bases`: `t` followed by the merge of the
/// bases' MROs and the list of bases. On failure, the heads left unmerged
/// (deduplicated, in the order CPython lists them in its error message).
pub fn c3_linearize(t: Value, bases: &[Gc<TypeObj>]) -> Result<Vec<Value>, Vec<Value>> {
    let mut to_merge: Vec<Vec<Value>> = bases.iter().map(|b| b.mro()).collect();
    to_merge.push(bases.iter().map(|b| b.value()).collect());
    let mut next = vec![0usize; to_merge.len()];
    let mut result = vec![t];
    loop {
        let mut found = None;
        let mut any_left = false;
        for (i, list) in to_merge.iter().enumerate() {
            let Some(&candidate) = list.get(next[i]) else { continue };
            any_left = true;
            let in_a_tail = to_merge
                .iter()
                .zip(&next)
                .any(|(l, &n)| l.get(n + 1..).is_some_and(|tail| tail.contains(&candidate)));
            if !in_a_tail {
                found = Some(candidate);
                break;
            }
        }
        if !any_left {
            return Ok(result);
        }
        let Some(winner) = found else {
            let mut heads = Vec::new();
            for (list, &n) in to_merge.iter().zip(&next) {
                if let Some(&h) = list.get(n) {
                    if !heads.contains(&h) {
                        heads.push(h);
                    }
                }
            }
            return Err(heads);
        };
        result.push(winner);
        for (list, n) in to_merge.iter().zip(next.iter_mut()) {
            if list.get(*n) == Some(&winner) {
                *n += 1;
            }
        }
    }
}
