//! `select`: `select()` and `poll` objects (what `selectors` and `asyncio`
//! use) over [`poll::wait`](super::poll::wait). The native part is one
//! function, `_poll`; `select.py`, run in the same module, builds the
//! Python interface on it.

use super::poll::{self, PollFd};
use crate::builtins::os_error::from_io;
use crate::object::list::list_of;
use crate::object::Value;
use crate::vm::{PyResult, Vm};
use std::time::{Duration, Instant};

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "select", |vm, module| {
        super::add_functions(vm, module, &[("_poll", wait)])?;
        let dict = crate::vm::function::module_of(module).expect("a module").dict;
        vm.exec_source_in(include_str!("select.py").as_bytes(), "<tachyon select>", dict, dict)?;
        Ok(())
    })
}

/// `_poll(fds_and_events, timeout_ms)`: waits on the descriptors of the flat
/// list `[fd, events, fd, events, ...]` for at most `timeout_ms`
/// milliseconds (negative: no limit) and gives the flat list
/// `[fd, revents, ...]` of those with something to report. An interrupted
/// wait runs the signal handlers and waits again for the time left, as
/// CPython 3.8 does (PEP 475).
fn wait(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let int = |v: Option<Value>| v.and_then(|v| vm.as_int(v)).and_then(|n| n.to_i64());
    let Some(list) = args.first().and_then(|v| list_of(*v)) else {
        return Err(vm.type_error("_poll() needs a list of descriptors and events"));
    };
    let mut fds = Vec::new();
    for i in (0..list.items.len()).step_by(2) {
        let (Some(fd), Some(events)) = (int(list.items.get(i)), int(list.items.get(i + 1))) else {
            return Err(vm.type_error("_poll() needs int descriptors and events"));
        };
        let fd = i32::try_from(fd).map_err(|_| vm.value_error("file descriptor out of range"))?;
        fds.push(PollFd { fd, events: events as i16, revents: 0 });
    }
    let timeout_ms = int(args.get(1).copied()).unwrap_or(-1);
    let deadline =
        u64::try_from(timeout_ms).ok().map(|ms| Instant::now() + Duration::from_millis(ms));
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        match poll::wait(&mut fds, left) {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => vm.check_signals()?,
            Err(e) => return Err(from_io(vm, &e, None)),
        }
    }
    let mut ready = Vec::new();
    for fd in fds.iter().filter(|fd| fd.revents != 0) {
        ready.push(vm.heap.new_int_i64(fd.fd.into()));
        ready.push(vm.heap.new_int_i64(i64::from(fd.revents as u16)));
    }
    Ok(vm.heap.new_list(&ready))
}
