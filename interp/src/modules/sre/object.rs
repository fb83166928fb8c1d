//! The heap objects of `_sre`: compiled patterns, match results and
//! scanners, one payload kind (`ObjKind::Sre`) with a variant each.

use std::cell::Cell;
use std::rc::Rc;

use super::start::StartFilter;
use super::subject::Subject;
use crate::object::gc::Tracer;
use crate::object::{Gc, ObjKind, Payload, Value};
use crate::vm::{PyResult, Vm};

pub enum SreObj {
    Pattern(PatternData),
    Match(MatchData),
    Scanner(ScannerData),
}

/// What the pattern's string was: str, bytes, or `None` (a pattern made
/// from code alone matches either).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    Str,
    Bytes,
    Any,
}

pub struct PatternData {
    pub code: Rc<[u32]>,
    /// Which characters a match can start with, when the code says.
    pub start: Option<StartFilter>,
    /// Number of capturing groups (not counting group 0).
    pub groups: usize,
    pub flags: i64,
    pub kind: PatternKind,
    pub pattern: Value,
    pub groupindex: Value,
    pub indexgroup: Value,
    /// The classes of the match and scanner objects this pattern makes.
    pub match_type: Value,
    pub scanner_type: Value,
    /// The last `sub` template string and what `sre_parse.parse_template`
    /// made of it.
    pub template_cache: Cell<(Value, Value)>,
}

pub struct MatchData {
    pub pattern: Value,
    pub string: Value,
    /// Start and end of each group, group 0 first; -1 where a group did
    /// not take part.
    pub regs: Vec<isize>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
}

pub struct ScannerData {
    pub pattern: Value,
    pub string: Value,
    pub subject: Subject,
    pub is_bytes: bool,
    /// Where the next search starts; `None` once exhausted.
    pub next_start: Cell<Option<usize>>,
    pub must_advance: Cell<bool>,
    pub pos: usize,
    pub endpos: usize,
}

// SAFETY: every variant reports the values it holds.
unsafe impl Payload for SreObj {
    const KIND: ObjKind = ObjKind::Sre;
    fn trace(&self, tracer: &mut Tracer) {
        match self {
            SreObj::Pattern(p) => {
                let (t, parsed) = p.template_cache.get();
                tracer.mark_all(&[
                    p.pattern,
                    p.groupindex,
                    p.indexgroup,
                    p.match_type,
                    p.scanner_type,
                    t,
                    parsed,
                ]);
            }
            SreObj::Match(m) => tracer.mark_all(&[m.pattern, m.string]),
            SreObj::Scanner(s) => {
                tracer.mark_all(&[s.pattern, s.string]);
                if let Subject::InPlace(v) = s.subject {
                    tracer.mark(v);
                }
            }
        }
    }
    fn extra_bytes(&self) -> usize {
        match self {
            SreObj::Pattern(p) => p.code.len() * 4,
            SreObj::Match(m) => m.regs.len() * 8,
            SreObj::Scanner(s) => s.subject.char_len() * 4,
        }
    }
}

fn wrong_receiver(vm: &Vm, class: &str, v: Value) -> crate::object::PyErr {
    vm.type_error(&format!(
        "descriptor requires a '{class}' object but received a '{}'",
        vm.type_name(v)
    ))
}

/// The pattern behind `obj` (from `Gc::from_value` of the receiver `v`).
pub fn pattern_data<'a>(
    vm: &Vm,
    obj: &'a Option<Gc<SreObj>>,
    v: Value,
) -> PyResult<&'a PatternData> {
    match obj.as_deref() {
        Some(SreObj::Pattern(p)) => Ok(p),
        _ => Err(wrong_receiver(vm, "re.Pattern", v)),
    }
}

pub fn match_data<'a>(vm: &Vm, obj: &'a Option<Gc<SreObj>>, v: Value) -> PyResult<&'a MatchData> {
    match obj.as_deref() {
        Some(SreObj::Match(m)) => Ok(m),
        _ => Err(wrong_receiver(vm, "re.Match", v)),
    }
}

pub fn scanner_data<'a>(
    vm: &Vm,
    obj: &'a Option<Gc<SreObj>>,
    v: Value,
) -> PyResult<&'a ScannerData> {
    match obj.as_deref() {
        Some(SreObj::Scanner(s)) => Ok(s),
        _ => Err(wrong_receiver(vm, "_sre.SRE_Scanner", v)),
    }
}

impl SreObj {
    pub fn pattern(&self) -> Option<&PatternData> {
        match self {
            SreObj::Pattern(p) => Some(p),
            _ => None,
        }
    }
}
