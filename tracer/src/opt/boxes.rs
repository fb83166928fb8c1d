//! Boxed numbers: which words are known to box which int or float, found by
//! recognising the recorder's boxing sequences (given by a [`BoxLayout`]),
//! so that unboxing a known box folds to its payload, a type check of a
//! known box folds to a constant, and a snapshot can hold the payload with
//! a note of how to rebox it (a [`VirtualObject`] of the layout's kind)
//! instead of keeping the boxing instructions alive.

use traces::hash::WordMap;
use traces::{Inst, Op, SnapValue, Snapshot, Type, Val, VirtualObject};

use super::fold::{Folded, Operands};

/// The NaN-boxing layout the recorder's sequences use (the interpreter
/// fills it in from its value module). The sequences:
/// - box int: `cast.word(or(and(x, payload_mask), int_tag << tag_shift))`;
/// - unbox int: `sar(shl(cast.int(w), 64 - tag_shift), 64 - tag_shift)`;
/// - int check: `guard.eq shr(cast.int(w), tag_shift), int_tag`;
/// - box float: `f2w(x)`; unbox float: `w2f(w)`;
/// - float check: `guard.true ult(cast.int(w), first_tag)`.
///
/// Boxing an int assumes it fits the payload (the recorder checks the range
/// before boxing); that is what makes `unbox(box(x)) = x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoxLayout {
    pub tag_shift: u32,
    pub int_tag: u64,
    pub payload_mask: u64,
    /// Every word at or above it is tagged; below it, a float.
    pub first_tag: u64,
    /// The [`VirtualObject::kind`] deopt boxes an int from (field 0), if any.
    pub int_kind: Option<u32>,
    /// The kind deopt boxes a float from (field 0), if any.
    pub float_kind: Option<u32>,
}

/// What a boxed word holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxKind {
    Int,
    Float,
}

/// Words known to be boxes, with their payloads.
#[derive(Clone, Debug, Default)]
pub struct BoxFacts {
    boxed: WordMap<Val, (BoxKind, Val)>,
}

fn is_k(ops: &dyn Operands, v: Val, bits: u64) -> bool {
    let d = ops.def(v);
    d.op.is_const() && d.imm as u64 == bits
}

/// `v` is `cast.int(w)`: w.
fn cast_of(ops: &dyn Operands, v: Val) -> Option<Val> {
    let d = ops.def(v);
    (d.op == Op::Cast && d.ty == Type::Int).then(|| d.args[0])
}

impl BoxFacts {
    pub fn get(&self, w: Val) -> Option<(BoxKind, Val)> {
        self.boxed.get(&w).copied()
    }

    /// Records what the emitted `inst` (value `v`) boxes, if it is a box.
    pub fn learn(&mut self, layout: &BoxLayout, ops: &dyn Operands, inst: &Inst, v: Val) {
        match inst.op {
            Op::FToW => {
                self.boxed.insert(v, (BoxKind::Float, inst.args[0]));
            }
            // The int form of the box is known too: `cast.int` of the
            // boxed word folds back to it.
            Op::Or if is_k(ops, inst.args[1], layout.int_tag << layout.tag_shift) => {
                let and = ops.def(inst.args[0]);
                if and.op == Op::And && is_k(ops, and.args[1], layout.payload_mask) {
                    self.boxed.insert(v, (BoxKind::Int, and.args[0]));
                }
            }
            Op::Cast if matches!(inst.ty, Type::Word | Type::Ref) => {
                if let Some(fact) = self.get(inst.args[0]) {
                    self.boxed.insert(v, fact);
                }
            }
            _ => {}
        }
    }

    /// Folds an unboxing or a type check of a known box.
    pub fn fold(&self, layout: &BoxLayout, ops: &dyn Operands, inst: &Inst) -> Option<Folded> {
        let shift = 64 - layout.tag_shift as u64;
        let arg = |k: usize| inst.args.get(k).copied();
        let word_of = |v: Val| cast_of(ops, v).and_then(|w| self.get(w)).or_else(|| self.get(v));
        match inst.op {
            Op::Sar if is_k(ops, arg(1)?, shift) => {
                let shl = ops.def(arg(0)?);
                if shl.op != Op::Shl || !is_k(ops, shl.args[1], shift) {
                    return None;
                }
                match word_of(shl.args[0])? {
                    (BoxKind::Int, x) => Some(Folded::Same(x)),
                    _ => None,
                }
            }
            Op::Shr if is_k(ops, arg(1)?, layout.tag_shift as u64) => match word_of(arg(0)?)? {
                (BoxKind::Int, _) => Some(Folded::Const(Op::KInt, layout.int_tag as i64)),
                _ => None,
            },
            Op::ULt | Op::UGe if is_k(ops, arg(1)?, layout.first_tag) => {
                let (kind, _) = word_of(arg(0)?)?;
                let is_float = kind == BoxKind::Float;
                Some(Folded::Const(Op::KBool, (is_float == (inst.op == Op::ULt)) as i64))
            }
            Op::WToF => match self.get(arg(0)?)? {
                (BoxKind::Float, x) => Some(Folded::Same(x)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `snap` with every known, non-constant box replaced by a virtual
    /// object of the layout's kind holding the payload.
    pub fn sink(&self, layout: &BoxLayout, ops: &dyn Operands, mut snap: Snapshot) -> Snapshot {
        let first_new = snap.virtuals.len() as u32;
        let mut added: Vec<VirtualObject> = Vec::new();
        let mut sink_one = |value: &mut SnapValue| {
            let SnapValue::Val(w) = *value else { return };
            if ops.def(w).op.is_const() {
                return;
            }
            let Some((kind, x)) = self.get(w) else { return };
            let object_kind = match kind {
                BoxKind::Int => layout.int_kind,
                BoxKind::Float => layout.float_kind,
            };
            if let Some(k) = object_kind {
                added.push(VirtualObject { kind: k, fields: vec![(0, SnapValue::Val(x))] });
                *value = SnapValue::Virtual(first_new + added.len() as u32 - 1);
            }
        };
        let slots = snap.frames.iter_mut().flat_map(|f| f.slots.iter_mut());
        let fields = snap.virtuals.iter_mut().flat_map(|o| o.fields.iter_mut());
        slots.chain(fields).for_each(|(_, v)| sink_one(v));
        snap.virtuals.extend(added);
        snap
    }
}

#[cfg(test)]
mod tests {
    use super::BoxLayout;
    use crate::opt::check::optimizes_with;

    const LAYOUT: BoxLayout = BoxLayout {
        tag_shift: 48,
        int_tag: 0xFFF9,
        payload_mask: (1 << 48) - 1,
        first_tag: 0xFFF9 << 48,
        int_kind: Some(1),
        float_kind: Some(2),
    };

    #[test]
    fn unboxing_a_box_and_checking_its_type_fold_and_snapshots_keep_the_payload() {
        optimizes_with(
            Some(LAYOUT),
            "%0:int = input 0
             %1:float = input 1
             %2:int = kint 281474976710655
             %3:int = kint -1970324836974592
             %4:int = and %0, %2
             %5:int = or %4, %3
             %6:word = cast %5
             %7:int = cast %6
             %8:int = kint 48
             %9:int = shr %7, %8
             snap 0: frame pc=1 base=0 [0=%6]
             %10 = guard.eq %9, 0xfff9 snap=0
             %11:int = kint 16
             %12:int = shl %7, %11
             %13:int = sar %12, %11
             %14:word = f2w %1
             %15:int = cast %14
             %16:int = kint -1970324836974592
             %17:bool = ult %15, %16
             %18 = guard.true %17 snap=0
             %19:float = w2f %14
             snap 1: frame pc=2 base=0 [0=%13 1=%6 2=%19 3=%14]
             %20 = exit snap=1",
            "%0:int = input 0
             %1:float = input 1
             snap 0: frame pc=2 base=0 [0=%0 1=v0 2=%1 3=v1] virtual v0 kind=1 [0=%0] virtual v1 kind=2 [0=%1]
             %2 = exit snap=0",
        );
    }
}
