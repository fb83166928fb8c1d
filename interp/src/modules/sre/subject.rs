//! The string a pattern runs over, in the form the matcher reads: the
//! bytes of a `bytes` or ASCII `str` object as they are, a copy of a
//! bytearray (so Python code run during `sub` cannot resize it under the
//! matcher), or the code points of any other str.

use std::rc::Rc;

use super::engine::{self, IllegalCode, State};
use super::start::StartFilter;
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::str::{str_of, StrObj};
use crate::object::Gc;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

pub enum Subject {
    /// An ASCII str or a bytes object: read in place (both are immutable).
    InPlace(Value),
    Copied(Rc<[u8]>),
    Wide(Rc<[u32]>),
}

/// A borrowed view of the subject's characters.
pub enum Chars<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

/// The last non-ASCII str decoded, by address, byte length and hash (so
/// a freed string whose address is reused cannot be mistaken for it):
/// several patterns searching one text decode it once.
struct LastDecoded {
    addr: usize,
    len: usize,
    hash: i64,
    cps: Rc<[u32]>,
}

thread_local! {
    static LAST: std::cell::RefCell<Option<LastDecoded>> = const { std::cell::RefCell::new(None) };
}

fn decoded(s: &Gc<StrObj>) -> Rc<[u32]> {
    let (addr, len, hash) = (s.as_ptr() as usize, s.as_wtf8().len(), s.hash());
    let hit = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|l| l.addr == addr && l.len == len && l.hash == hash)
            .map(|l| l.cps.clone())
    });
    if let Some(cps) = hit {
        return cps;
    }
    let cps: Rc<[u32]> = s.code_points().collect();
    LAST.with(|last| {
        *last.borrow_mut() = Some(LastDecoded { addr, len, hash, cps: cps.clone() });
    });
    cps
}

impl Subject {
    /// The subject for `v` and whether it is bytes-like; a TypeError for
    /// anything else.
    pub fn of(vm: &mut Vm, v: Value) -> PyResult<(Subject, bool)> {
        if let Some(s) = str_of(v) {
            if s.is_ascii() {
                return Ok((Subject::InPlace(v), false));
            }
            return Ok((Subject::Wide(decoded(&s)), false));
        }
        if bytes_of(v).is_some() {
            return Ok((Subject::InPlace(v), true));
        }
        if let Some(b) = bytearray_of(v) {
            let data: Rc<[u8]> = b.data.borrow().as_slice().into();
            return Ok((Subject::Copied(data), true));
        }
        // Other buffers (memoryview, array) are read as their bytes.
        if let Some(data) = crate::modules::buffer::buffer_bytes(vm, v)? {
            return Ok((Subject::Copied(data.into()), true));
        }
        Err(vm.type_error("expected string or bytes-like object"))
    }

    /// Runs `f` over the characters.
    pub fn with<R>(&self, f: impl FnOnce(Chars<'_>) -> R) -> R {
        match self {
            Subject::InPlace(v) => {
                if let Some(s) = str_of(*v) {
                    f(Chars::Narrow(s.as_wtf8()))
                } else if let Some(b) = bytes_of(*v) {
                    f(Chars::Narrow(b.as_bytes()))
                } else {
                    f(Chars::Narrow(&[]))
                }
            }
            Subject::Copied(data) => f(Chars::Narrow(data)),
            Subject::Wide(cps) => f(Chars::Wide(cps)),
        }
    }

    pub fn char_len(&self) -> usize {
        self.with(|c| match c {
            Chars::Narrow(t) => t.len(),
            Chars::Wide(t) => t.len(),
        })
    }

    /// `search()` from `st.start`.
    pub fn search(
        &self,
        st: &mut State,
        code: &[u32],
        start: Option<&StartFilter>,
    ) -> Result<bool, IllegalCode> {
        self.with(|c| match c {
            Chars::Narrow(t) => engine::search(st, code, start, t),
            Chars::Wide(t) => engine::search(st, code, start, t),
        })
    }

    /// `match()` at `st.start`.
    pub fn match_at(&self, st: &mut State, code: &[u32]) -> Result<bool, IllegalCode> {
        self.with(|c| match c {
            Chars::Narrow(t) => engine::match_at(st, code, t),
            Chars::Wide(t) => engine::match_at(st, code, t),
        })
    }

    /// Characters `a..b` as a new str or bytes object.
    pub fn slice(&self, vm: &Vm, is_bytes: bool, a: usize, b: usize) -> Value {
        let b = b.max(a);
        self.with(|c| match c {
            Chars::Narrow(t) => {
                let t = &t[a.min(t.len())..b.min(t.len())];
                if is_bytes {
                    vm.heap.new_bytes(t)
                } else {
                    vm.heap.new_str_wtf8(t)
                }
            }
            Chars::Wide(t) => {
                let t = &t[a.min(t.len())..b.min(t.len())];
                vm.heap.new_str_from_code_points(t)
            }
        })
    }

    /// Appends characters `a..b` to `out` (UTF-8 for str, raw for bytes).
    pub fn push_slice(&self, out: &mut Vec<u8>, a: usize, b: usize) {
        let b = b.max(a);
        self.with(|c| match c {
            Chars::Narrow(t) => out.extend_from_slice(&t[a.min(t.len())..b.min(t.len())]),
            Chars::Wide(t) => {
                for &cp in &t[a.min(t.len())..b.min(t.len())] {
                    crate::unicode::wtf8::push_code_point(out, cp);
                }
            }
        })
    }
}
