//! `signal.alarm`, `setitimer`, `getitimer` and `pause`: the process's
//! interval timers (`_tachyon_itimer`, which `signal.py` imports). The
//! signals they cause are handled as any other (`vm::signals`): recorded
//! by the C handler, their Python handlers run between bytecodes or when
//! the native call returns (`pause()` returns when one arrived).
//!
//! The foreign calls are the four system calls, behind safe functions.

use std::ffi::{c_int, c_long, c_uint};

use crate::builtins::{arg_range, c_int_arg as int_arg};
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

/// Linux's `struct timeval` (64-bit).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct TimeVal {
    sec: c_long,
    usec: c_long,
}

/// Linux's `struct itimerval`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq)]
struct ITimerVal {
    interval: TimeVal,
    value: TimeVal,
}

extern "C" {
    fn alarm(seconds: c_uint) -> c_uint;
    fn setitimer(which: c_int, new: *const ITimerVal, old: *mut ITimerVal) -> c_int;
    fn getitimer(which: c_int, current: *mut ITimerVal) -> c_int;
    fn pause() -> c_int;
}

impl TimeVal {
    /// Seconds as a timeval, rounded up to the microsecond (CPython's
    /// `_PyTime_ROUND_CEILING`).
    fn from_seconds(seconds: f64) -> TimeVal {
        let micros = (seconds * 1e6).ceil();
        let micros = if micros.is_finite() { micros as i64 } else { i64::MAX };
        TimeVal { sec: micros.div_euclid(1_000_000), usec: micros.rem_euclid(1_000_000) }
    }

    fn seconds(self) -> f64 {
        self.sec as f64 + self.usec as f64 * 1e-6
    }
}

/// `alarm(2)`: SIGALRM in `seconds` (0 cancels); the seconds that were
/// left of the previous alarm.
fn set_alarm(seconds: u32) -> u32 {
    // SAFETY: alarm only sets the process's real-time timer.
    unsafe { alarm(seconds) }
}

/// `setitimer(2)`: the old timer, or the errno.
fn set_timer(which: i32, new: ITimerVal) -> Result<ITimerVal, i32> {
    let mut old = ITimerVal::default();
    // SAFETY: both pointers are to live, properly laid out itimervals
    // (`repr(C)`); the kernel reads `new`, writes `old` and keeps neither.
    let r = unsafe { setitimer(which, &new, &mut old) };
    if r == 0 {
        Ok(old)
    } else {
        Err(last_errno())
    }
}

/// `getitimer(2)`: the timer, or the errno.
fn get_timer(which: i32) -> Result<ITimerVal, i32> {
    let mut current = ITimerVal::default();
    // SAFETY: the kernel writes one itimerval into `current` and keeps no
    // pointer to it.
    let r = unsafe { getitimer(which, &mut current) };
    if r == 0 {
        Ok(current)
    } else {
        Err(last_errno())
    }
}

/// `pause(2)`: sleeps until a signal is caught.
fn wait_for_signal() {
    // SAFETY: pause only suspends the thread until a signal handler ran.
    unsafe { pause() };
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub fn create(vm: &mut Vm) -> PyResult {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("alarm", signal_alarm),
        ("setitimer", signal_setitimer),
        ("getitimer", signal_getitimer),
        ("pause", signal_pause),
    ];
    super::support::function_module(vm, "_tachyon_itimer", funcs)
}

/// Seconds as a float or an int (CPython's `_PyTime_FromSecondsObject`).
fn seconds_arg(vm: &Vm, v: Value) -> PyResult<f64> {
    match v.as_f64() {
        Some(f) => Ok(f),
        None => int_arg(vm, v).map(|n| n as f64),
    }
}

/// `signal.alarm(seconds)`.
fn signal_alarm(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "alarm", args, kwnames, 1, 1)?;
    let seconds = int_arg(vm, args[0])?;
    // C's unsigned int conversion, as CPython passes it (-1 is 2**32-1).
    let seconds = seconds as u32;
    Ok(vm.heap.new_int_i64(set_alarm(seconds) as i64))
}

/// `(delay, interval)` of a timer.
fn timer_tuple(vm: &Vm, t: ITimerVal) -> Value {
    let items = [Value::from_f64(t.value.seconds()), Value::from_f64(t.interval.seconds())];
    vm.heap.new_tuple(&items)
}

/// `signal.ItimerError(errno, strerror)`.
fn itimer_error(vm: &mut Vm, errno: i32) -> PyErr {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or("").to_string();
    let class = match super::support::module_attr(vm, "_signal", "ItimerError") {
        Ok(c) => c,
        Err(e) => return e,
    };
    let args = [vm.heap.new_int_i64(errno as i64), vm.heap.new_str(&text)];
    match vm.call(class, &args) {
        Ok(exc) => PyErr::from_exception(exc),
        Err(e) => e,
    }
}

/// `signal.setitimer(which, seconds, interval=0.0)`: the old timer.
fn signal_setitimer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "setitimer", args, kwnames, 2, 3)?;
    let which = int_arg(vm, args[0])?;
    let seconds = seconds_arg(vm, args[1])?;
    let interval = match args.get(2) {
        Some(&v) => seconds_arg(vm, v)?,
        None => 0.0,
    };
    let new = ITimerVal {
        interval: TimeVal::from_seconds(interval),
        value: TimeVal::from_seconds(seconds),
    };
    match set_timer(which as i32, new) {
        Ok(old) => Ok(timer_tuple(vm, old)),
        Err(errno) => Err(itimer_error(vm, errno)),
    }
}

/// `signal.getitimer(which)`: `(delay, interval)`.
fn signal_getitimer(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let args = arg_range(vm, "getitimer", args, kwnames, 1, 1)?;
    let which = int_arg(vm, args[0])?;
    match get_timer(which as i32) {
        Ok(t) => Ok(timer_tuple(vm, t)),
        Err(errno) => Err(itimer_error(vm, errno)),
    }
}

/// `signal.pause()`: waits for a signal, then runs its handler.
fn signal_pause(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::no_args(vm, "pause", args, kwnames)?;
    wait_for_signal();
    vm.check_signals()?;
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_round_up_to_the_microsecond() {
        assert_eq!(TimeVal::from_seconds(1.5), TimeVal { sec: 1, usec: 500_000 });
        assert_eq!(TimeVal::from_seconds(0.0000001), TimeVal { sec: 0, usec: 1 });
        assert_eq!(TimeVal::from_seconds(0.0), TimeVal::default());
        assert_eq!(TimeVal { sec: 2, usec: 250_000 }.seconds(), 2.25);
    }

    #[test]
    fn a_virtual_timer_reads_back_and_clears() {
        let t = ITimerVal { interval: TimeVal::default(), value: TimeVal { sec: 100, usec: 0 } };
        assert_eq!(set_timer(1, t), Ok(ITimerVal::default()));
        let now = get_timer(1).unwrap();
        assert!(now.value.sec <= 100 && now.value.seconds() > 99.0);
        set_timer(1, ITimerVal::default()).unwrap();
        assert_eq!(get_timer(1).unwrap(), ITimerVal::default());
        assert_eq!(get_timer(99), Err(22));
    }
}
