//! Operating-system signals, as CPython 3.8 handles them.
//!
//! The C-level handler only records that a signal arrived (atomic stores,
//! which are async-signal-safe) and raises the heap's "collection wanted"
//! flag, which every compiled trace tests at the top of each iteration: a
//! running trace leaves for the interpreter at once. The interpreter runs
//! the Python-level handler at the next boundary where it checks
//! ([`Vm::check_signals`]): loop back-edges and the return of native calls
//! (so `os.kill(os.getpid(), SIGINT)` raises on its own line, as in
//! CPython). The default SIGINT handler raises `KeyboardInterrupt`; an
//! uncaught one makes the process die of SIGINT after the traceback
//! ([`die_of_sigint`]), so the parent sees what CPython gives it.
//!
//! The Python-visible table of handlers (`signal.signal`,
//! `signal.getsignal`) is the VM's `signal_handlers` list, indexed by signal
//! number: `0` (SIG_DFL), `1` (SIG_IGN) or a callable.

use std::ffi::c_int;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

use super::{PyResult, Vm};
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;

/// Signal numbers run from 1 to `NSIG - 1` (Linux: 64).
pub const NSIG: usize = 65;
pub const SIGINT: usize = 2;
const SIGKILL: usize = 9;
const SIGSTOP: usize = 19;

/// The values of `sighandler_t` that are not functions.
const SIG_DFL: usize = 0;
const SIG_IGN: usize = 1;
const SIG_ERR: usize = usize::MAX;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Set when any of `PENDING` is: the one load the fast paths make.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// A flag to raise as well when a signal arrives (the heap's "collection
/// wanted" flag, which traces test), or null.
static WAKE: AtomicPtr<AtomicBool> = AtomicPtr::new(std::ptr::null_mut());

/// glibc's `sigset_t`: 1024 bits.
#[repr(C)]
struct SigSet([u64; 16]);
const SIG_BLOCK: c_int = 0;

extern "C" {
    fn pthread_sigmask(how: c_int, set: *const SigSet, old: *mut SigSet) -> c_int;
    fn signal(signum: c_int, handler: usize) -> usize;
    fn siginterrupt(signum: c_int, flag: c_int) -> c_int;
    fn raise(signum: c_int) -> c_int;
    fn kill(pid: c_int, signum: c_int) -> c_int;
}

/// The C-level handler: records the signal. Only atomic stores, so it is
/// async-signal-safe and may run on any thread.
extern "C" fn record_signal(signum: c_int) {
    if let Some(flag) = PENDING.get(signum as usize) {
        flag.store(true, Ordering::SeqCst);
    }
    ANY_PENDING.store(true, Ordering::SeqCst);
    let wake = WAKE.load(Ordering::SeqCst);
    if !wake.is_null() {
        // SAFETY: `WAKE` only ever holds a pointer made from a
        // `&'static AtomicBool` (see `wake_on_signal`), valid forever.
        unsafe { (*wake).store(true, Ordering::SeqCst) };
    }
}

/// What the operating system does with a signal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Recorded by [`record_signal`] for the VM to handle.
    Catch,
}

/// Sets the disposition of `signum`; gives the previous one, or `None`
/// when the system refuses (an invalid or uncatchable signal).
pub fn set_disposition(signum: usize, how: Disposition) -> Option<Disposition> {
    if signum == 0 || signum >= NSIG {
        return None;
    }
    let handler = match how {
        Disposition::Default => SIG_DFL,
        Disposition::Ignore => SIG_IGN,
        Disposition::Catch => record_signal as extern "C" fn(c_int) as usize,
    };
    // SAFETY: `signal` only changes the process's disposition; the handler
    // installed is `record_signal`, which is async-signal-safe.
    let old = unsafe { signal(signum as c_int, handler) };
    if how == Disposition::Catch && old != SIG_ERR {
        // As CPython's `signal.signal`: a caught signal interrupts a
        // blocking system call (EINTR) instead of restarting it, so the
        // call's retry loop runs the Python handler, which may raise.
        // SAFETY: only changes the SA_RESTART flag of `signum`'s action.
        unsafe { siginterrupt(signum as c_int, 1) };
    }
    match old {
        SIG_ERR => None,
        SIG_DFL => Some(Disposition::Default),
        SIG_IGN => Some(Disposition::Ignore),
        _ => Some(Disposition::Catch),
    }
}

/// Blocks every signal in the calling thread, so that signals sent to the
/// process reach the interpreter's thread (started before this call): a
/// signal a program sends itself (`os.kill(os.getpid(), ..)`) is then
/// recorded before `kill` returns, as in single-threaded CPython.
pub fn block_in_this_thread() {
    let all = SigSet([u64::MAX; 16]);
    // SAFETY: `all` is a valid sigset_t (glibc leaves out the signals it
    // reserves); no old mask is asked for.
    unsafe { pthread_sigmask(SIG_BLOCK, &all, std::ptr::null_mut()) };
}

/// Whether a signal is waiting for its Python handler.
#[inline(always)]
pub fn any_pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// The flag a signal's arrival sets, for compiled code that wants to test
/// it directly (its address is stable: a static).
pub fn pending_flag() -> &'static AtomicBool {
    &ANY_PENDING
}

/// Also raise `flag` when a signal arrives.
pub fn wake_on_signal(flag: &'static AtomicBool) {
    WAKE.store(flag as *const AtomicBool as *mut AtomicBool, Ordering::SeqCst);
}

/// The signals that arrived since the last call, lowest number first.
fn take_pending() -> Vec<usize> {
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Vec::new();
    }
    (1..NSIG).filter(|&s| PENDING[s].swap(false, Ordering::SeqCst)).collect()
}

/// Ends the process as SIGINT's default action does (CPython's exit after
/// an uncaught KeyboardInterrupt). Returns only if that does not kill it.
pub fn die_of_sigint() {
    set_disposition(SIGINT, Disposition::Default);
    // SAFETY: raising a signal whose disposition is the default one ends
    // the process; no Rust state is observed afterwards.
    unsafe { raise(SIGINT as c_int) };
}

/// Sends `signum` to process `pid`; the OS error number on failure.
fn send_signal(pid: i64, signum: i64) -> Result<(), i32> {
    let (Ok(pid), Ok(sig)) = (c_int::try_from(pid), c_int::try_from(signum)) else {
        return Err(22); // EINVAL
    };
    // SAFETY: `kill` reads its two integer arguments only.
    if unsafe { kill(pid, sig) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(22))
    }
}

impl Vm {
    /// Start-up of a program: SIGINT raises KeyboardInterrupt (unless the
    /// program was started with it ignored), and signals wake traces.
    pub fn install_signal_handling(&mut self) {
        wake_on_signal(self.heap.collection_flag());
        if set_disposition(SIGINT, Disposition::Catch) == Some(Disposition::Ignore) {
            set_disposition(SIGINT, Disposition::Ignore);
            self.set_handler_entry(SIGINT, Value::from_small_int(SIG_IGN as i64).expect("1"));
            return;
        }
        let handler = self.default_int_handler();
        self.set_handler_entry(SIGINT, handler);
    }

    /// Runs the Python handlers of the signals that arrived. Cheap when
    /// none did; the error is what a handler raised.
    #[inline]
    pub fn check_signals(&mut self) -> PyResult<()> {
        if !any_pending() {
            return Ok(());
        }
        self.run_signal_handlers()
    }

    fn run_signal_handlers(&mut self) -> PyResult<()> {
        for signum in take_pending() {
            let handler = self.handler_entry(signum);
            if handler.is_none() || self.as_small_int(handler).is_some() {
                continue;
            }
            let num = Value::from_small_int(signum as i64).expect("small");
            self.call(handler, &[num, Value::NONE])?;
        }
        Ok(())
    }

    fn as_small_int(&self, v: Value) -> Option<i64> {
        if v.is_bool() {
            return None;
        }
        v.as_small_int()
    }

    fn handler_entry(&self, signum: usize) -> Value {
        crate::object::list::list_of(self.signal_handlers)
            .and_then(|l| l.items.get(signum))
            .unwrap_or(Value::NONE)
    }

    fn set_handler_entry(&mut self, signum: usize, handler: Value) {
        if let Some(l) = crate::object::list::list_of(self.signal_handlers) {
            l.items.set(signum, handler);
        }
    }

    /// `signal.default_int_handler`, kept after the table's entries.
    fn default_int_handler(&mut self) -> Value {
        self.handler_entry(NSIG)
    }

    /// The table of handlers, made with the VM: SIG_DFL for every signal,
    /// then `default_int_handler`.
    pub(crate) fn new_signal_table(&self) -> Value {
        let dfl = Value::from_small_int(SIG_DFL as i64).expect("0");
        let mut entries = vec![dfl; NSIG];
        entries.push(crate::builtins::native(self, "default_int_handler", default_int_handler));
        let table = self.heap.new_list(&entries);
        self.heap.add_permanent_root(table);
        table
    }
}

/// `signal.default_int_handler(signum, frame)`.
fn default_int_handler(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult {
    Err(PyErr::with_args(&vm.heap, vm.heap.types().keyboard_interrupt, &[]))
}

/// An int argument (an `int` subclass such as `signal.Signals` too).
fn int_arg(vm: &Vm, v: Value) -> PyResult<i64> {
    crate::builtins::c_int_arg(vm, v)
}

fn signum_arg(vm: &Vm, v: Value) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn exact_args(vm: &Vm, args: &[Value], name: &str, n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(vm.type_error(&format!(
        "{name} expected {n} argument{}, got {}",
        if n == 1 { "" } else { "s" },
        args.len()
    )))
}

/// `signal.signal(signalnum, handler)`: the previous handler.
fn signal_signal(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    exact_args(vm, args, "signal", 2)?;
    let signum = signum_arg(vm, args[0])?;
    let handler = args[1];
    let how = match vm.as_int(handler).and_then(|n| n.to_i64()) {
        Some(0) => Disposition::Default,
        Some(1) => Disposition::Ignore,
        _ if crate::builtins::functions::is_callable(vm, handler) => Disposition::Catch,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if signum == SIGKILL || signum == SIGSTOP || set_disposition(signum, how).is_none() {
        return Err(os_error(vm, 22));
    }
    let old = vm.handler_entry(signum);
    vm.set_handler_entry(signum, handler);
    Ok(old)
}

/// `signal.getsignal(signalnum)`.
fn signal_getsignal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult {
    let signum = crate::builtins::exactly_one(vm, "getsignal", args, kw)?;
    let signum = signum_arg(vm, signum)?;
    Ok(vm.handler_entry(signum))
}

/// `signal.raise_signal(signalnum)`: delivered now, handled at once.
fn signal_raise(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    exact_args(vm, args, "raise_signal", 1)?;
    let signum = signum_arg(vm, args[0])?;
    // SAFETY: `raise` delivers a signal to this thread; its handler is
    // `record_signal` or a default action.
    unsafe { raise(signum as c_int) };
    vm.check_signals()?;
    Ok(Value::NONE)
}

/// `os.kill(pid, signal)`.
pub fn posix_kill(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    exact_args(vm, args, "kill", 2)?;
    let (pid, signum) = (int_arg(vm, args[0])?, int_arg(vm, args[1])?);
    match send_signal(pid, signum) {
        Ok(()) => Ok(Value::NONE),
        Err(errno) => Err(os_error(vm, errno)),
    }
}

/// `OSError(errno, strerror)`, as the OS error `errno` (the subclass the
/// number maps to).
fn os_error(vm: &mut Vm, errno: i32) -> PyErr {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let text = text.split(" (os error").next().unwrap_or("").to_string();
    let args = [Value::from_small_int(errno as i64).expect("errno"), vm.heap.new_str(&text)];
    let os_error = vm.heap.types().os_error;
    match vm.call(os_error, &args) {
        Ok(exc) => PyErr::from_exception(exc),
        Err(e) => e,
    }
}

/// The native part of `_signal` (`signal.py` imports it).
pub fn create_module(vm: &mut Vm) -> PyResult {
    let module = vm.new_module("_tachyon_signal")?;
    let mark = vm.push_temp(module);
    let dict = crate::vm::function::module_of(module).expect("a module").dict;
    let funcs: [(&'static str, NativeFn); 3] = [
        ("signal", signal_signal),
        ("getsignal", signal_getsignal),
        ("raise_signal", signal_raise),
    ];
    let handler = vm.default_int_handler();
    let key = vm.heap.intern("default_int_handler");
    let mut result = vm.dict_set_item(dict, key, handler);
    for (name, f) in funcs {
        let v = crate::builtins::native(vm, name, f);
        let key = vm.heap.intern(name);
        result = result.and_then(|_| vm.dict_set_item(dict, key, v));
    }
    vm.truncate_temps(mark);
    result.map(|_| module)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_signals_are_refused() {
        assert_eq!(set_disposition(0, Disposition::Catch), None);
        assert_eq!(set_disposition(NSIG, Disposition::Catch), None);
    }

    #[test]
    fn a_caught_signal_is_recorded_once() {
        // SIGUSR2: no other test uses it.
        const SIGUSR2: usize = 12;
        set_disposition(SIGUSR2, Disposition::Catch);
        send_signal(std::process::id() as i64, SIGUSR2 as i64).expect("kill");
        // Delivery to some thread of this process happens before `kill`
        // returns when this thread can take it; wait a little otherwise.
        for _ in 0..1000 {
            if PENDING[SIGUSR2].load(Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(PENDING[SIGUSR2].swap(false, Ordering::SeqCst));
        set_disposition(SIGUSR2, Disposition::Default);
    }
}
