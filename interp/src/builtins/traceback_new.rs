//! `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`: a
//! traceback entry made by Python code (CPython 3.7+), as `jinja2` and
//! `contextlib` tests build them.

use super::str_methods::{c_int_arg, keyword_args};
use crate::object::{Gc, Value};
use crate::vm::exceptions::{FrameInfoObj, TracebackObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &Vm) {
    super::add_new(vm, vm.heap.types().traceback, traceback_new);
}

fn traceback_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let params = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let bound = keyword_args(vm, &args[1..], kwnames, "TracebackType", &params)?;
    let [Some(next), Some(frame), Some(lasti), Some(lineno)] = bound[..] else {
        let missing = params.iter().zip(&bound).find(|(_, v)| v.is_none()).map_or("", |(p, _)| p);
        let position = params.iter().position(|p| *p == missing).map_or(0, |i| i + 1);
        return Err(vm.type_error(&format!(
            "TracebackType() missing required argument '{missing}' (pos {position})"
        )));
    };
    if !next.is_none() && Gc::<TracebackObj>::from_value(next).is_none() {
        let msg = format!("expected traceback object or None, got '{}'", vm.type_name(next));
        return Err(vm.type_error(&msg));
    }
    let Some(info) = Gc::<FrameInfoObj>::from_value(frame) else {
        let msg = format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            crate::builtins::str_methods::bad_argument_name(vm, frame)
        );
        return Err(vm.type_error(&msg));
    };
    let (lasti, lineno) = (c_int_arg(vm, lasti)?, c_int_arg(vm, lineno)?);
    let tb = TracebackObj {
        next: std::cell::Cell::new(next),
        code: info.code,
        // Printed tracebacks show the line given (a negative one as 0).
        lineno: u32::try_from(lineno).unwrap_or(0),
        lasti: info.lasti.get(),
        globals: info.globals,
        frame: None,
        frame_object: frame,
        given: Some((lasti, lineno)),
    };
    Ok(vm.heap.alloc(args[0], tb).value())
}
