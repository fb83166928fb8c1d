//! Simultaneous moves (all sources read before any destination is written)
//! turned into a sequence of single moves. Used for the phis at loop entry
//! and at the back edge.

use crate::trace::Val;

/// A source or destination of a move. Registers of the two classes are
/// distinct places; spill slots are one space shared by both classes (a slot
/// freed by an int may next hold a float), which is why the moves of both
/// classes must be ordered together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A general register.
    Reg(u8),
    /// A float register.
    FReg(u8),
    Slot(u32),
    /// A constant instruction's value (only ever a source).
    Const(Val),
    /// The backend's scratch that breaks cycles: it must hold 64 bits of
    /// either class (a gpr, with moves to and from float registers).
    Temp,
}

impl Place {
    /// Where `v`, allocated at `loc`, is.
    pub fn of(loc: super::Loc, v: Val, float: bool) -> Place {
        match loc {
            super::Loc::Reg(r) if float => Place::FReg(r),
            super::Loc::Reg(r) => Place::Reg(r),
            super::Loc::Slot(s) => Place::Slot(s),
            super::Loc::Const | super::Loc::None => Place::Const(v),
        }
    }
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
            (FReg(0), Slot(3)),
            (Slot(3), Reg(2)),
            (FReg(2), FReg(0)),
            (Reg(3), Const(Val(7))),
            (Reg(4), Reg(4)),
            (Slot(1), Slot(2)),
            (Slot(2), Slot(1)),
        ];
        let mut state: HashMap<Place, u32> = HashMap::new();
        let places = [
            Reg(0),
            Reg(1),
            Reg(2),
            Reg(3),
            Reg(4),
            Slot(0),
            Slot(1),
            Slot(2),
            Slot(3),
            FReg(0),
            FReg(2),
        ];
        for (i, p) in places.iter().enumerate() {
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
