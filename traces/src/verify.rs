//! Well-formedness of a trace: SSA (every operand is defined earlier and has
//! a value), operand and result types as the opcode table says, snapshots
//! that name values defined before their guard, and the loop structure
//! (`loop`, then only phis, then the body ending in a `jump` that gives one
//! value per phi). The tracer runs it on every trace in debug builds.

use crate::ops::{Flags, Imm, Kind, Op, Operands, Result as Res};
use crate::trace::{Inst, SnapValue, Snapshot, Trace, Val};
use crate::types::Type;

/// A verification failure: the instruction (or snapshot) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    pub inst: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inst {
            Some(i) => write!(f, "%{i}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Most gpr and float arguments of a helper (System V and AAPCS64 both pass
/// this many in registers).
pub const MAX_HELPER_GPR_ARGS: usize = 6;
pub const MAX_HELPER_FLOAT_ARGS: usize = 8;

/// Checks `trace`; the first problem found is the error.
pub fn verify(trace: &Trace) -> Result<(), VerifyError> {
    let loop_at = trace.loop_start();
    let at = |i: usize| move |message: String| VerifyError { inst: Some(i), message };
    for (i, inst) in trace.insts.iter().enumerate() {
        check_inst(trace, i, inst, loop_at).map_err(at(i))?;
    }
    check_shape(trace, loop_at)?;
    for (s, snap) in trace.snapshots.iter().enumerate() {
        check_virtual_refs(snap)
            .map_err(|m| VerifyError { inst: None, message: format!("snap {s}: {m}") })?;
    }
    for (h, helper) in trace.helpers.iter().enumerate() {
        let gprs = helper.args.iter().filter(|t| t.is_gpr()).count();
        let floats = helper.args.iter().filter(|t| t.is_float()).count();
        if gprs > MAX_HELPER_GPR_ARGS
            || floats > MAX_HELPER_FLOAT_ARGS
            || helper.args.contains(&Type::Void)
        {
            return Err(VerifyError { inst: None, message: format!("helper {h}: bad signature") });
        }
    }
    Ok(())
}

fn check_inst(trace: &Trace, i: usize, inst: &Inst, loop_at: Option<usize>) -> Result<(), String> {
    let info = inst.op.info();
    for a in &inst.args {
        if a.index() >= i {
            return Err(format!("operand %{} is not defined before its use", a.0));
        }
        if trace.ty(*a) == Type::Void {
            return Err(format!("operand %{} has no value", a.0));
        }
    }
    let ty_of = |v: &Val| trace.ty(*v);
    let kinds_match = |kinds: &[Kind], args: &[Val]| {
        kinds.len() == args.len() && kinds.iter().zip(args).all(|(k, a)| k.accepts(ty_of(a)))
    };
    let ok = match info.operands {
        Operands::Fixed(kinds) => kinds_match(kinds, &inst.args),
        Operands::Load => check_address(inst, &inst.args),
        Operands::Store(kind) => {
            inst.args.len() >= 2
                && kind.accepts(ty_of(&inst.args[0]))
                && check_address(inst, &inst.args[1..])
        }
        Operands::Call => match inst.helper.and_then(|h| trace.helpers.get(h as usize)) {
            Some(h) => {
                if inst.ty != h.ret {
                    return Err(format!("call result {} but helper returns {}", inst.ty, h.ret));
                }
                inst.args.len() == h.args.len()
                    && inst.args.iter().zip(&h.args).all(|(a, t)| ty_of(a) == *t)
            }
            None => return Err("call of an unknown helper".into()),
        },
        Operands::Jump => true,
    };
    if !ok {
        let types: Vec<&str> = inst.args.iter().map(|a| ty_of(a).name()).collect();
        return Err(format!("{} does not take ({})", info.name, types.join(", ")));
    }
    let ty_ok = match info.result {
        Res::Void => inst.ty == Type::Void,
        Res::Fixed(t) => inst.ty == t,
        Res::Given(set) => set.contains(inst.ty),
        Res::SameAsFirst => inst.args.first().map(ty_of) == Some(inst.ty),
        Res::Helper => true,
    };
    if !ty_ok {
        return Err(format!("{} cannot produce {}", info.name, inst.ty));
    }
    if matches!(info.imm, Imm::Offset) && i32::try_from(inst.imm).is_err() {
        return Err("offset does not fit 32 bits".into());
    }
    if inst.op == Op::KBool && !(0..=1).contains(&inst.imm) {
        return Err("kbool must be 0 or 1".into());
    }
    if inst.op == Op::Input && (inst.imm < 0 || inst.imm > u32::MAX as i64) {
        return Err("bad input slot".into());
    }
    if inst.op == Op::Input && loop_at.is_some_and(|l| i > l) {
        return Err("input inside the loop".into());
    }
    match (inst.op.is_guard(), inst.snap) {
        (true, None) => return Err("guard without a snapshot".into()),
        (false, Some(_)) => return Err("snapshot on a non-guard".into()),
        (true, Some(s)) => {
            let snap = trace.snapshots.get(s as usize).ok_or("unknown snapshot")?;
            check_snapshot_values(trace, i, snap)?;
        }
        (false, None) => {}
    }
    if inst.op != Op::Call && inst.helper.is_some() {
        return Err("helper on a non-call".into());
    }
    Ok(())
}

fn check_address(inst: &Inst, addr: &[Val]) -> bool {
    match addr.len() {
        1 => true,
        2 => matches!(inst.scale, 1 | 2 | 4 | 8),
        _ => false,
    }
}

fn check_snapshot_values(trace: &Trace, guard: usize, snap: &Snapshot) -> Result<(), String> {
    for v in snap.values() {
        if v.index() >= guard {
            return Err(format!("snapshot names %{}, not defined before the guard", v.0));
        }
        if trace.ty(v) == Type::Void {
            return Err(format!("snapshot names %{}, which has no value", v.0));
        }
    }
    Ok(())
}

fn check_virtual_refs(snap: &Snapshot) -> Result<(), String> {
    let slots = snap.frames.iter().flat_map(|f| f.slots.iter());
    let fields = snap.virtuals.iter().flat_map(|v| v.fields.iter());
    for (_, v) in slots.chain(fields) {
        if let SnapValue::Virtual(n) = v {
            if *n as usize >= snap.virtuals.len() {
                return Err(format!("unknown virtual v{n}"));
            }
        }
    }
    Ok(())
}

fn check_shape(trace: &Trace, loop_at: Option<usize>) -> Result<(), VerifyError> {
    let err = |i: usize, m: &str| Err(VerifyError { inst: Some(i), message: m.to_string() });
    let n = trace.insts.len();
    if n == 0 {
        return Err(VerifyError { inst: None, message: "empty trace".into() });
    }
    for (i, inst) in trace.insts.iter().enumerate() {
        if inst.op.flags().has(Flags::TERMINATOR) && i != n - 1 {
            return err(i, "terminator before the end");
        }
        if inst.op == Op::Loop && Some(i) != loop_at {
            return err(i, "second loop");
        }
    }
    let last = &trace.insts[n - 1];
    let Some(l) = loop_at else {
        if last.op != Op::Exit {
            return err(n - 1, "a trace without a loop must end with exit");
        }
        if let Some(p) = trace.insts.iter().position(|i| i.op == Op::Phi) {
            return err(p, "phi outside a loop");
        }
        return Ok(());
    };
    if last.op != Op::Jump {
        return err(n - 1, "a loop must end with jump");
    }
    let phis: Vec<usize> = (l + 1..n).take_while(|&i| trace.insts[i].op == Op::Phi).collect();
    if let Some(p) = (l + 1 + phis.len()..n).find(|&i| trace.insts[i].op == Op::Phi) {
        return err(p, "phi after the loop body began");
    }
    if let Some(p) = (0..l).find(|&i| trace.insts[i].op == Op::Phi) {
        return err(p, "phi before the loop");
    }
    for &p in &phis {
        if trace.insts[p].args[0].index() >= l {
            return err(p, "phi's initial value is defined inside the loop");
        }
    }
    if last.args.len() != phis.len() {
        return err(n - 1, "jump must give one value per phi");
    }
    for (a, &p) in last.args.iter().zip(&phis) {
        if trace.ty(*a) != trace.insts[p].ty {
            return err(n - 1, "jump value's type differs from its phi's");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse;

    fn check(text: &str) -> Result<(), VerifyError> {
        verify(&parse(text).unwrap())
    }

    const GOOD: &str = "\
%0:int = input 0
%1:int = kint 1
%2 = loop
%3:int = phi %0
snap 0: frame pc=1 base=0 [0=%3]
%4:int = addov %3, %1 snap=0
%5:bool = lt %4, %0
%6 = guard.true %5 snap=0
%7 = jump %4
";

    #[test]
    fn accepts_a_loop() {
        check(GOOD).unwrap();
    }

    #[test]
    fn rejects_bad_traces() {
        let cases = [
            (GOOD.replace("addov %3, %1", "addov %3, %9"), "not defined"),
            (GOOD.replace("lt %4, %0", "flt %4, %0"), "does not take"),
            (GOOD.replace("%5:bool = lt", "%5:int = lt"), "cannot produce"),
            (GOOD.replace("[0=%3]", "[0=%4]"), "not defined before the guard"),
            (GOOD.replace("jump %4", "jump"), "one value per phi"),
            (GOOD.replace(" snap=0\n%5", "\n%5"), "without a snapshot"),
            (GOOD.replace("%2 = loop\n%3:int = phi %0\n", "%2 = loop\n%3:int = kint 0\n"), ""),
            ("%0:int = kint 1\n".to_string(), "must end with exit"),
        ];
        for (text, wanted) in cases {
            let err = check(&text).expect_err(&text);
            assert!(err.to_string().contains(wanted), "{err} for\n{text}");
        }
    }
}
