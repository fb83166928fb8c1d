//! Container protocols the operators need: dict views, set algebra with
//! operators, range membership, and standard output.

use std::io::Write;

use super::iter::TableIterKind;
use super::{PyResult, Vm};
use crate::bytecode::instr::{BinOp, CmpOp};
use crate::object::dict::dict_of;
use crate::object::gc::Tracer;
use crate::object::range::RangeObj;
use crate::object::set::{frozenset_of, set_of};
use crate::object::{Gc, ObjKind, Payload};
use crate::object::{PyErr, Value};
use crate::table::set::Set;
use crate::table::KeyEq;

/// What a wrapper object presents of its target.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum WrapperKind {
    DictKeys,
    DictValues,
    DictItems,
    /// `mappingproxy` (see `vm::mapping_proxy`).
    MappingProxy,
}

/// `dict_keys`, `dict_values`, `dict_items`: live views of a dict; and
/// `mappingproxy`, a read-only view of a mapping or class namespace.
pub struct WrapperObj {
    pub target: Value,
    pub kind: WrapperKind,
}

// SAFETY: traces its target.
unsafe impl Payload for WrapperObj {
    const KIND: ObjKind = ObjKind::Wrapper;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark(self.target)
    }
}

/// Equality of built-in values without running Python code; gives up
/// ([`NeedsPython`]) when an operand's class might define `__eq__`.
struct NativeValueEq;

/// A comparison that needs the VM.
struct NeedsPython;

impl KeyEq<Value> for NativeValueEq {
    type Error = NeedsPython;
    fn identical(&self, stored: &Value, key: &Value) -> bool {
        stored == key
    }
    fn eq(&mut self, stored: &Value, key: &Value) -> Result<bool, NeedsPython> {
        native_equal(*stored, *key).ok_or(NeedsPython)
    }
}

/// `a == b` for values of built-in types, `None` when it takes Python code.
fn native_equal(a: Value, b: Value) -> Option<bool> {
    use crate::object::boxes::num_of;
    use crate::object::bytes::bytes_of;
    use crate::object::str::str_of;
    use crate::object::tuple::tuple_of;
    use crate::object::ObjHeader;
    if a == b {
        return Some(true);
    }
    let user = |v: Value| {
        ObjHeader::of(v).is_some_and(|h| {
            crate::object::Gc::<crate::object::TypeObj>::from_value(h.type_value())
                .is_some_and(|t| t.is_heap_type())
        })
    };
    if user(a) || user(b) {
        return None;
    }
    if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
        return Some(crate::number::tower::equals(&x, &y));
    }
    if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
        return Some(x.as_wtf8() == y.as_wtf8());
    }
    if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
        return Some(x.as_bytes() == y.as_bytes());
    }
    if let (Some(x), Some(y)) = (tuple_of(a), tuple_of(b)) {
        if x.len() != y.len() {
            return Some(false);
        }
        for (p, q) in x.items().iter().zip(y.items()) {
            if !native_equal(*p, *q)? {
                return Some(false);
            }
        }
        return Some(true);
    }
    // Other built-in objects compare by identity, or need their own rules.
    match (ObjHeader::of(a).map(|h| h.kind()), ObjHeader::of(b).map(|h| h.kind())) {
        (Some(ObjKind::FrozenSet | ObjKind::Set), _)
        | (_, Some(ObjKind::FrozenSet | ObjKind::Set)) => None,
        _ => Some(false),
    }
}

impl Vm {
    pub fn new_view(&self, dict: Value, kind: WrapperKind) -> Value {
        let t = self.heap.types();
        let ty = match kind {
            WrapperKind::DictKeys => t.dict_keys,
            WrapperKind::DictValues => t.dict_values,
            WrapperKind::DictItems => t.dict_items,
            WrapperKind::MappingProxy => t.mappingproxy,
        };
        self.heap.alloc(ty, WrapperObj { target: dict, kind }).value()
    }

    pub fn view_iter(&mut self, v: Value) -> PyResult {
        let Some(w) = Gc::<WrapperObj>::from_value(v) else {
            return Err(self.type_error(&format!("'{}' object is not iterable", self.type_name(v))));
        };
        if let Some(m) = self.proxied_mapping(v) {
            let mark = self.push_temp(m);
            let it = self.get_iter(m);
            self.truncate_temps(mark);
            return it;
        }
        let len = dict_of(w.target).map_or(0, |d| d.table.borrow().len());
        let kind = match w.kind {
            WrapperKind::DictValues => TableIterKind::DictValues,
            WrapperKind::DictItems => TableIterKind::DictItems,
            WrapperKind::DictKeys | WrapperKind::MappingProxy => TableIterKind::DictKeys,
        };
        Ok(self.new_table_iter(w.target, kind, len))
    }

    pub fn view_len(&self, v: Value) -> Option<usize> {
        let w = Gc::<WrapperObj>::from_value(v)?;
        if w.kind == WrapperKind::MappingProxy {
            return None;
        }
        dict_of(w.target).map(|d| d.table.borrow().len())
    }

    /// Is `v` a set, frozenset or set-like dict view?
    pub fn is_set_like(&self, v: Value) -> bool {
        set_of(v).is_some() || frozenset_of(v).is_some()
    }

    /// The elements of a set operand (sets and dict key/item views).
    fn set_operand(&mut self, v: Value) -> PyResult<Option<Vec<Value>>> {
        if self.is_set_like(v) {
            return Ok(Some(self.set_items(v)));
        }
        if let Some(w) = Gc::<WrapperObj>::from_value(v) {
            if !matches!(w.kind, WrapperKind::DictValues | WrapperKind::MappingProxy) {
                return self.collect_iterable(v).map(Some);
            }
        }
        Ok(None)
    }

    /// `|`, `&`, `-`, `^` between sets (result type of the left operand),
    /// in CPython's iteration order. Elements of built-in types compare
    /// natively inside the table algorithms; if an element needs a Python
    /// `__eq__`, the same algorithms run through the VM instead.
    pub fn set_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        let left_is_set = self.is_set_like(a)
            || Gc::<WrapperObj>::from_value(a).is_some_and(|w| w.kind != WrapperKind::MappingProxy);
        if !left_is_set {
            return Ok(None);
        }
        // A set operand takes part with its own table (whose slot order
        // decides the result's); anything else as a new set of its items.
        let items_of = |vm: &mut Self, v: Value| -> PyResult<Option<Option<Vec<Value>>>> {
            if vm.is_set_like(v) {
                return Ok(Some(None));
            }
            Ok(vm.set_operand(v)?.map(Some))
        };
        let (Some(xs), Some(ys)) = (items_of(self, a)?, items_of(self, b)?) else {
            return Ok(None);
        };
        let frozen = frozenset_of(a).is_some();
        let left = match xs {
            None => a,
            Some(xs) => self.new_set_from(&xs)?,
        };
        let mark = self.push_temp(left);
        let result = (|| -> PyResult<Value> {
            let right = match ys {
                None => b,
                Some(ys) => self.new_set_from(&ys)?,
            };
            self.push_temp(right);
            let (l, r) = (self.set_ref(left).expect("a set"), self.set_ref(right).expect("a set"));
            let native = {
                let lt = l.table().borrow();
                let rt = r.table().borrow();
                let mut eq = NativeValueEq;
                match op {
                    BinOp::Or => lt.union(&rt, &mut eq),
                    BinOp::And => lt.intersection(&rt, &mut eq),
                    BinOp::Sub => lt.difference(&rt, &mut eq),
                    _ => lt.symmetric_difference(&rt, &mut eq),
                }
            };
            let table = match native {
                Ok(t) => t,
                Err(NeedsPython) => self.set_algebra_by_vm(op, left, right)?,
            };
            Ok(if frozen { self.heap.new_frozenset(table) } else { self.heap.new_set(table) })
        })();
        self.truncate_temps(mark);
        result.map(Some)
    }

    /// The set algebra with Python equality, in CPython's orders.
    fn set_algebra_by_vm(&mut self, op: BinOp, left: Value, right: Value) -> PyResult<Set<Value>> {
        let (xs, ys) = (self.set_items(left), self.set_items(right));
        let out = self.heap.new_set(Set::new());
        let mark = self.push_temp(out);
        let r = (|| {
            match op {
                BinOp::Or => {
                    for v in xs.iter().chain(&ys) {
                        self.set_add(out, *v)?;
                    }
                }
                BinOp::And => {
                    let (probed, iterated) =
                        if ys.len() > xs.len() { (right, &xs) } else { (left, &ys) };
                    for v in iterated {
                        if self.set_contains(probed, *v)? {
                            self.set_add(out, *v)?;
                        }
                    }
                }
                BinOp::Sub => {
                    for v in &xs {
                        if !self.set_contains(right, *v)? {
                            self.set_add(out, *v)?;
                        }
                    }
                }
                _ => {
                    for v in &ys {
                        self.set_add(out, *v)?;
                    }
                    for v in &xs {
                        if self.set_contains(out, *v)? {
                            self.set_discard(out, *v)?;
                        } else {
                            self.set_add(out, *v)?;
                        }
                    }
                }
            }
            Ok(set_of(out).map(|s| s.table.borrow().copy()).unwrap_or_default())
        })();
        self.truncate_temps(mark);
        r
    }

    /// Set comparisons: equality and the subset/superset orders.
    pub fn set_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        if !self.is_set_like(a) || !self.is_set_like(b) {
            return Ok(None);
        }
        // `set_richcompare`: sizes first, then one subset walk, so that
        // `__eq__` of the keys runs as often as in CPython.
        let (len_a, len_b) = (self.set_len(a), self.set_len(b));
        let result = match op {
            CmpOp::Eq | CmpOp::Ne => {
                let equal = len_a == len_b && self.set_is_subset(a, b)?;
                equal == (op == CmpOp::Eq)
            }
            CmpOp::Le => self.set_is_subset(a, b)?,
            CmpOp::Lt => len_a < len_b && self.set_is_subset(a, b)?,
            CmpOp::Ge => self.set_is_subset(b, a)?,
            CmpOp::Gt => len_a > len_b && self.set_is_subset(b, a)?,
            _ => return Ok(None),
        };
        Ok(Some(result))
    }

    /// `set_issubset` (the `<=` operator and `issubset`): every key of set
    /// `a` is in set `b`, false at once when `a` is the larger. The keys
    /// stay rooted while `__eq__` runs (it may empty `a`).
    pub(crate) fn set_is_subset(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let xs = self.set_items(a);
        if xs.len() > self.set_len(b) {
            return Ok(false);
        }
        let mark = self.stack.len();
        self.stack.extend_from_slice(&xs);
        let mut result = Ok(true);
        for x in xs {
            match self.set_contains(b, x) {
                Ok(true) => {}
                other => {
                    result = other;
                    break;
                }
            }
        }
        self.truncate_temps(mark);
        result
    }

    /// `x in range(...)` for int `x` without iterating.
    pub fn range_contains(&mut self, container: Value, item: Value) -> Option<bool> {
        let r = Gc::<RangeObj>::from_value(container)?;
        let Some((start, stop, step, _)) = r.small() else {
            return self.range_contains_big(r, item);
        };
        let i = self.as_int(item)?.to_i64()?;
        let inside = if step > 0 { start <= i && i < stop } else { stop < i && i <= start };
        Some(inside && (i - start) % step == 0)
    }

    /// Writes to standard output through the VM's buffer.
    pub fn write_stdout(&mut self, text: &str) -> PyResult<()> {
        self.stdout
            .write_all(text.as_bytes())
            .map_err(|e| PyErr::os_error(&self.heap, &e.to_string()))?;
        if self.unbuffered {
            let _ = self.stdout.flush();
        }
        Ok(())
    }

    pub fn write_stderr(&mut self, text: &str) {
        let _ = self.stdout.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }
}
