//! `SRE_Scanner`: successive matches over one string (`finditer` is
//! `iter(scanner.search, None)`); after an empty match the next one must
//! advance.

use super::engine::State;
use super::object::{pattern_data, scanner_data, SreObj};
use super::pattern::{engine_error, new_match};
use crate::builtins::method_no_args;
use crate::object::{Gc, Value};
use crate::vm::{PyResult, Vm};

fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value], name: &str, search: bool) -> PyResult {
    method_no_args(vm, args, kwnames, name)?;
    let this = args[0];
    let obj = Gc::<SreObj>::from_value(this);
    let s = scanner_data(vm, &obj, this)?;
    let Some(start) = s.next_start.get() else { return Ok(Value::NONE) };
    let pobj = Gc::<SreObj>::from_value(s.pattern);
    let p = pattern_data(vm, &pobj, s.pattern)?;
    let mut st = State::new(start, s.endpos);
    st.clear_marks(p.groups);
    st.must_advance = s.must_advance.get();
    let found = if search {
        s.subject.search(&mut st, &p.code, p.start.as_ref())
    } else {
        s.subject.match_at(&mut st, &p.code)
    }
    .map_err(|e| engine_error(vm, e))?;
    if !found {
        s.next_start.set(None);
        return Ok(Value::NONE);
    }
    s.must_advance.set(st.ptr == st.start);
    s.next_start.set(Some(st.ptr));
    Ok(new_match(vm, s.pattern, p, s.string, &st, s.pos, s.endpos))
}

pub fn search(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    next(vm, args, kwnames, "search", true)
}

pub fn match_(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    next(vm, args, kwnames, "match", false)
}

pub fn get_pattern(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let obj = Gc::<SreObj>::from_value(args[0]);
    Ok(scanner_data(vm, &obj, args[0])?.pattern)
}
