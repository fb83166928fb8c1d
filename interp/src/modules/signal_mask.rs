//! `_signal`'s masks and waits: pthread_sigmask, sigpending, sigwait,
//! sigwaitinfo/sigtimedwait, pthread_kill (to this thread, the only one)
//! and strsignal (`_tachyon_signal_mask`, which `signal.py` imports).
//!
//! The foreign calls are libc's, each behind one small function here.

use std::ffi::{c_char, c_int, CStr};

use crate::builtins::os_error::os_error;
use crate::object::Value;
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

const NSIG: i64 = 65;
const EINTR: i32 = 4;
const EAGAIN: i32 = 11;

/// glibc's `sigset_t`: 1024 bits.
#[repr(C)]
#[derive(Default)]
struct SigSet([u64; 16]);

impl SigSet {
    fn add(&mut self, sig: i64) {
        let bit = (sig - 1) as usize;
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    fn contains(&self, sig: i64) -> bool {
        let bit = (sig - 1) as usize;
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Linux's `siginfo_t`: 128 bytes, read as ints at fixed offsets.
#[repr(C)]
struct SigInfo([i32; 32]);

#[repr(C)]
struct TimeSpec {
    sec: i64,
    nsec: i64,
}

extern "C" {
    fn pthread_sigmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int;
    fn sigpending(set: *mut SigSet) -> c_int;
    fn sigwait(set: *const SigSet, sig: *mut c_int) -> c_int;
    fn sigtimedwait(set: *const SigSet, info: *mut SigInfo, timeout: *const TimeSpec) -> c_int;
    fn strsignal(sig: c_int) -> *const c_char;
    fn raise(sig: c_int) -> c_int;
}

pub fn create(vm: &mut Vm) -> PyResult {
    super::native_module(vm, "_tachyon_signal_mask", |vm, module| {
        let funcs: &[(&'static str, NativeFn)] = &[
            ("pthread_sigmask", signal_pthread_sigmask),
            ("sigpending", signal_sigpending),
            ("sigwait", signal_sigwait),
            ("_sigtimedwait", signal_sigtimedwait),
            ("_raise_here", raise_here),
            ("_strsignal", signal_strsignal),
        ];
        super::add_functions(vm, module, funcs)
    })
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// A signal set from an iterable of signal numbers, as CPython checks it.
fn sigset_arg(vm: &mut Vm, v: Value) -> PyResult<SigSet> {
    let items = vm.collect_iterable(v)?;
    let mut set = SigSet::default();
    for item in items {
        let Some(n) = vm.as_int(item) else {
            return Err(crate::builtins::int_required(vm, item));
        };
        let n = n.to_i64().unwrap_or(i64::MAX);
        if !(1..NSIG).contains(&n) {
            return Err(vm.value_error(&format!("signal number {n} out of range")));
        }
        set.add(n);
    }
    Ok(set)
}

fn set_value(vm: &mut Vm, set: &SigSet) -> PyResult {
    let items: Vec<Value> =
        (1..NSIG).filter(|&s| set.contains(s)).map(|s| vm.heap.new_int_i64(s)).collect();
    vm.new_set_from(&items)
}

fn arg(vm: &Vm, args: &[Value], i: usize, func: &str) -> PyResult<Value> {
    args.get(i).copied().ok_or_else(|| vm.type_error(&format!("{func}() missing arguments")))
}

fn signal_pthread_sigmask(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let how = arg(vm, args, 0, "pthread_sigmask")?;
    let how = vm
        .as_int(how)
        .and_then(|n| n.to_i64())
        .ok_or_else(|| crate::builtins::int_required(vm, how))?;
    let set = sigset_arg(vm, arg(vm, args, 1, "pthread_sigmask")?)?;
    let mut old = SigSet::default();
    // SAFETY: both pointers are to live sigsets; the call reads one and
    // writes the other.
    let r = unsafe { pthread_sigmask(how as c_int, &set, &mut old) };
    if r != 0 {
        return Err(os_error(vm, i64::from(r), None, None));
    }
    // Signals just unblocked may be pending: run their handlers now.
    vm.check_signals()?;
    set_value(vm, &old)
}

fn signal_sigpending(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    let mut set = SigSet::default();
    // SAFETY: sigpending writes one sigset.
    if unsafe { sigpending(&mut set) } != 0 {
        return Err(os_error(vm, i64::from(errno()), None, None));
    }
    set_value(vm, &set)
}

fn signal_sigwait(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let set = sigset_arg(vm, arg(vm, args, 0, "sigwait")?)?;
    let mut sig: c_int = 0;
    // SAFETY: reads the sigset, writes one int.
    let r = unsafe { sigwait(&set, &mut sig) };
    if r != 0 {
        return Err(os_error(vm, i64::from(r), None, None));
    }
    Ok(vm.heap.new_int_i64(i64::from(sig)))
}

/// `_sigtimedwait(sigset, seconds or None)`: the 7 fields of
/// struct_siginfo, or None when the time ran out.
fn signal_sigtimedwait(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let set = sigset_arg(vm, arg(vm, args, 0, "sigtimedwait")?)?;
    let timeout = args
        .get(1)
        .and_then(|v| v.as_f64())
        .map(|t| TimeSpec { sec: t.trunc() as i64, nsec: ((t - t.trunc()) * 1e9) as i64 });
    let mut info = SigInfo([0; 32]);
    loop {
        let t = timeout.as_ref().map_or(std::ptr::null(), |t| t as *const TimeSpec);
        // SAFETY: reads the sigset and the timespec (or none), writes one
        // siginfo of the kernel's 128 bytes.
        let r = unsafe { sigtimedwait(&set, &mut info, t) };
        if r == -1 {
            match errno() {
                EAGAIN => return Ok(Value::NONE),
                EINTR => {
                    vm.check_signals()?;
                    continue;
                }
                e => return Err(os_error(vm, i64::from(e), None, None)),
            }
        }
        break;
    }
    // si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band.
    let i = &info.0;
    let band = i64::from(i[4]) | (i64::from(i[5]) << 32);
    let fields = [i[0], i[2], i[1], i[4], i[5], i[6]].map(i64::from);
    let mut items: Vec<Value> = fields.iter().map(|&f| vm.heap.new_int_i64(f)).collect();
    items.push(vm.heap.new_int_i64(band));
    Ok(vm.heap.new_tuple(&items))
}

/// `_raise_here(sig)`: pthread_kill to the one thread, which is raise().
fn raise_here(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let sig = arg(vm, args, 0, "pthread_kill")?.as_small_int().unwrap_or(-1);
    if sig != 0 {
        // SAFETY: raise sends a signal to this thread; handlers are the
        // VM's async-signal-safe recorder or the defaults.
        let r = unsafe { raise(sig as c_int) };
        if r != 0 {
            return Err(os_error(vm, i64::from(errno()), None, None));
        }
    }
    vm.check_signals()?;
    Ok(Value::NONE)
}

/// `_strsignal(sig)`: libc's description, or None for an unknown signal.
fn signal_strsignal(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let sig = arg(vm, args, 0, "strsignal")?.as_small_int().unwrap_or(0);
    // SAFETY: strsignal returns a NUL-terminated string that stays valid
    // until the next call; it is copied at once.
    let text = unsafe {
        let p = strsignal(sig as c_int);
        if p.is_null() {
            return Ok(Value::NONE);
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if text.contains("Unknown signal") {
        return Ok(Value::NONE);
    }
    Ok(vm.heap.new_str(&text))
}
