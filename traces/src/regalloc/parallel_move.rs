//! Simultaneous moves (all sources read before any destination is written)
//! turned into a sequence of single moves. Used for the phis at loop entry
//! and at the back edge.

use crate::trace::Val;

/// A source or destination of a move, within one register class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Reg(u8),
    Slot(u32),
    /// A constant instruction's value (only ever a source).
    Const(Val),
    /// The backend's scratch register that breaks cycles.
    Temp,
}

/// Orders `moves` (destination, source) so that executing them one after
/// another has the effect of executing them at once. Destinations must be
/// distinct. A cycle is broken by saving one destination in `Place::Temp`.
pub fn sequentialize(moves: &[(Place, Place)]) -> Vec<(Place, Place)> {
    let mut pending: Vec<(Place, Place)> = moves.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        let free = pending.iter().position(|(d, _)| !pending.iter().any(|(_, s)| s == d));
        match free {
            Some(k) => out.push(pending.remove(k)),
            None => {
                // Every destination is still needed as a source: a cycle.
                let d = pending[0].0;
                out.push((Place::Temp, d));
                for m in pending.iter_mut() {
                    if m.1 == d {
                        m.1 = Place::Temp;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Runs moves sequentially on a map from place to value.
    fn run(moves: &[(Place, Place)], state: &mut HashMap<Place, u32>) {
        for (d, s) in moves {
            let v = match s {
                Place::Const(v) => 1000 + v.0,
                s => state[s],
            };
            state.insert(*d, v);
        }
    }

    #[test]
    fn cycles_chains_and_constants() {
        use Place::*;
        let moves = [
            (Reg(0), Reg(1)),
            (Reg(1), Reg(2)),
            (Reg(2), Reg(0)),
            (Slot(0), Reg(0)),
            (Reg(3), Const(Val(7))),
            (Reg(4), Reg(4)),
            (Slot(1), Slot(2)),
            (Slot(2), Slot(1)),
        ];
        let mut state: HashMap<Place, u32> = HashMap::new();
        for (i, p) in
            [Reg(0), Reg(1), Reg(2), Reg(3), Reg(4), Slot(0), Slot(1), Slot(2)].iter().enumerate()
        {
            state.insert(*p, i as u32);
        }
        let before = state.clone();
        let seq = sequentialize(&moves);
        run(&seq, &mut state);
        for (d, s) in moves {
            let want = match s {
                Const(v) => 1000 + v.0,
                s => before[&s],
            };
            assert_eq!(state[&d], want, "{d:?} <- {s:?} in {seq:?}");
        }
    }
}
