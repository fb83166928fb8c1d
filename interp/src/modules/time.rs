//! The `time` module: the clocks (`time`, `perf_counter`, `monotonic`,
//! `process_time`, each with its `_ns` form) and `sleep` here; the calendar
//! functions (`gmtime`, `localtime`, `mktime`, `strftime`, `asctime`,
//! `ctime`) and `get_clock_info` are Python in `time_calendar.py`, loaded on
//! their first call.
//! Local time is UTC: no time-zone database is read yet.

use super::module_set;
use crate::builtins::{exactly_one, method_no_kwargs, native_in};
use crate::number::tower::Num;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub fn create(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("time")?;
    let mark = vm.push_temp(module);
    let funcs: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("struct_time", struct_time),
        ("get_clock_info", get_clock_info),
        ("thread_time", thread_time),
        ("thread_time_ns", thread_time_ns),
        ("clock_gettime", clock_gettime),
        ("clock_gettime_ns", clock_gettime_ns),
        ("clock_getres", clock_getres),
        ("clock_settime", clock_settime),
        ("clock_settime_ns", clock_settime),
        ("tzset", tzset),
        ("strptime", strptime),
    ];
    let result = funcs
        .iter()
        .try_for_each(|(name, f)| {
            let v = native_in(vm, module, name, *f);
            module_set(vm, module, name, v)
        })
        .and_then(|_| {
            let zero = vm.heap.new_int_i64(0);
            for name in ["timezone", "altzone", "daylight"] {
                module_set(vm, module, name, zero)?;
            }
            for (name, id) in CLOCKS {
                let id = vm.heap.new_int_i64(*id);
                module_set(vm, module, name, id)?;
            }
            let items = vm.heap.new_int_i64(11);
            module_set(vm, module, "_STRUCT_TM_ITEMS", items)?;
            let utc = vm.heap.new_str("UTC");
            let tzname = vm.heap.new_tuple(&[utc, utc]);
            module_set(vm, module, "tzname", tzname)
        });
    vm.truncate_temps(mark);
    result.map(|_| module)
}

fn no_args(vm: &Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    method_no_kwargs(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

/// Time on a monotonic clock since the first use.
fn since_start() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// CPU time of the process: the sum over its threads of the first field
/// of `/proc/self/task/*/schedstat` (nanoseconds). The program runs on a
/// thread of its own, so the main thread's figure alone stays near 0.
fn cpu_time() -> Duration {
    let threads = std::fs::read_dir("/proc/self/task").into_iter().flatten().flatten();
    let ns: u64 = threads.map(|t| schedstat_ns(&t.path().join("schedstat"))).sum();
    Duration::from_nanos(ns)
}

/// CPU time of the calling thread (`/proc/thread-self/schedstat`).
fn thread_cpu_time() -> Duration {
    Duration::from_nanos(schedstat_ns(std::path::Path::new("/proc/thread-self/schedstat")))
}

fn schedstat_ns(path: &std::path::Path) -> u64 {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.split_whitespace().next().and_then(|f| f.parse::<u64>().ok()).unwrap_or(0)
}

fn seconds(d: Duration) -> Value {
    Value::from_f64(d.as_secs_f64())
}

fn nanos(vm: &Vm, d: Duration) -> Value {
    vm.heap.new_int_i64(d.as_nanos() as i64)
}

macro_rules! clock_functions {
    ($($name:ident, $ns_name:ident => $clock:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                no_args(vm, stringify!($name), args, kwnames)?;
                Ok(seconds($clock()))
            }

            fn $ns_name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                no_args(vm, stringify!($ns_name), args, kwnames)?;
                Ok(nanos(vm, $clock()))
            }
        )*
    };
}

clock_functions! {
    time, time_ns => since_epoch;
    monotonic, monotonic_ns => since_start;
    process_time, process_time_ns => cpu_time;
    thread_time, thread_time_ns => thread_cpu_time;
}

/// Linux's clock ids.
const CLOCKS: &[(&str, i64)] = &[
    ("CLOCK_REALTIME", 0),
    ("CLOCK_MONOTONIC", 1),
    ("CLOCK_PROCESS_CPUTIME_ID", 2),
    ("CLOCK_THREAD_CPUTIME_ID", 3),
    ("CLOCK_MONOTONIC_RAW", 4),
    ("CLOCK_BOOTTIME", 7),
];

/// The time on clock `id` (an argument of `clock_gettime`): the monotonic
/// clocks share tachyon's monotonic origin, the CPU clocks read the
/// process's time (one thread).
fn clock_by_id(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Duration> {
    let v = exactly_one(vm, name, args, kwnames)?;
    let id = match vm.as_num(v) {
        Some(Num::Int(i)) => i.to_i64().unwrap_or(-1),
        _ => return Err(crate::builtins::int_required(vm, v)),
    };
    match id {
        0 => Ok(since_epoch()),
        1 | 4 | 7 => Ok(since_start()),
        2 | 3 => Ok(cpu_time()),
        _ => Err(crate::builtins::os_error::os_error(vm, 22, None, None)),
    }
}

fn clock_gettime(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    clock_by_id(vm, "clock_gettime", args, kwnames).map(seconds)
}

fn clock_gettime_ns(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let d = clock_by_id(vm, "clock_gettime_ns", args, kwnames)?;
    Ok(nanos(vm, d))
}

fn clock_getres(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    clock_by_id(vm, "clock_getres", args, kwnames)?;
    Ok(Value::from_f64(1e-9))
}

/// Setting a clock needs privileges a program does not have.
fn clock_settime(vm: &mut Vm, _args: &[Value], _kwnames: &[Value]) -> PyResult {
    Err(crate::builtins::os_error::os_error(vm, 1, None, None))
}

/// Tachyon's local time is UTC; there is nothing to re-read.
fn tzset(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    no_args(vm, "tzset", args, kwnames)?;
    Ok(Value::NONE)
}

/// `strptime(string, format)`: `_strptime._strptime_time`, as CPython does.
fn strptime(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    method_no_kwargs(vm, "strptime", kwnames)?;
    let module = vm.import_module("_strptime")?;
    let mark = vm.push_temp(module);
    let result = (|| {
        let key = vm.heap.intern("_strptime_time");
        let f = vm.get_attr(module, key)?;
        vm.call(f, args)
    })();
    vm.truncate_temps(mark);
    result
}

fn sleep(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let v = exactly_one(vm, "sleep", args, kwnames)?;
    let secs = match vm.as_num(v) {
        Some(Num::Float(x)) => x,
        Some(Num::Int(i)) => i.to_f64().unwrap_or(f64::INFINITY),
        _ => return Err(crate::builtins::int_required(vm, v)),
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 1e12 {
        return Err(PyErr::overflow_error(&vm.heap, "sleep length is too large"));
    }
    vm.flush_stdout();
    interruptible_sleep(vm, Duration::from_secs_f64(secs))?;
    Ok(Value::NONE)
}

/// Sleeps for `length`, running the Python signal handlers when a signal
/// interrupts the wait (and then sleeping for the rest, as CPython 3.8's
/// `time.sleep`); a handler's exception ends the sleep. Whole milliseconds
/// wait in `poll(2)`, which a signal interrupts; the rest in `std`'s sleep.
fn interruptible_sleep(vm: &mut Vm, length: Duration) -> PyResult<()> {
    let deadline = std::time::Instant::now() + length;
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let whole_ms = Duration::from_millis(left.as_millis().min(u64::MAX as u128) as u64);
        if whole_ms.is_zero() {
            std::thread::sleep(left);
            return Ok(());
        }
        match super::poll::wait(&mut [], Some(whole_ms)) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => vm.check_signals()?,
            Err(e) => return Err(crate::builtins::os_error::from_io(vm, &e, None)),
            Ok(_) => {}
        }
    }
}

/// The calendar functions, each the same-named function of the Python
/// module `_tachyon_time_calendar`.
macro_rules! calendar_functions {
    ($($name:ident),*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
                super::call_lazy_class(vm, "_tachyon_time_calendar", stringify!($name), args, kwnames)
            }
        )*
    };
}

calendar_functions!(gmtime, localtime, mktime, strftime, asctime, ctime, get_clock_info);

/// `time.struct_time(seq)`: the class of `time_calendar.py`, made on first use.
fn struct_time(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    super::call_lazy_class(vm, "_tachyon_time_calendar", "struct_time", args, kwnames)
}
