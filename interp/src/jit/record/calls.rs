//! Calls: a Python function with a plain signature is followed into (its
//! frame becomes a virtual frame of the trace, guarded on the function's
//! identity), and so is the `__init__` of a plain class being called, after
//! a helper allocates the instance; any other callee runs through the
//! interpreter's `call_at`.

use traces::hash::WordMap;

use traces::{Op, Type, Val};

use super::objects::address;
use super::{abort, alias, Kind, RecFrame, RecResult, Recorder, MAX_INLINE_DEPTH};
use crate::builtins::functions::is_len;
use crate::builtins::object_methods::inherits_object_slot;
use crate::bytecode::instr::Reg;
use crate::bytecode::CodeFlags;
use crate::jit::helpers::{HelperKind, MAX_NATIVE_ARGS};
use crate::object::list::LIST_LEN_OFFSET;
use crate::object::tuple::{tuple_of, TUPLE_LEN_OFFSET};
use crate::object::types::TypeObj;
use crate::object::value::NONE_BITS;
use crate::object::Value;
use crate::object::{Gc, ObjKind};
use crate::vm::function::{
    function_of, method_descriptor_of, method_of, native_function_of, FunctionObj, NativeFn,
    FUNCTION_CODE_OFFSET, FUNCTION_DEFAULTS_OFFSET,
};
use crate::vm::Vm;

/// Whether a call of `f` with `argc` positional arguments can be inlined:
/// they bind one to one to its parameters, and its frame needs nothing the
/// trace does not model (cells, generators). A function with loops is
/// inlined (its loops unrolled) unless that once made a recording abort:
/// then its loops get traces of their own and the call goes through a
/// helper.
fn inlinable(vm: &Vm, f: &FunctionObj, argc: usize) -> bool {
    let unit = &f.code().unit;
    let params = unit.arg_count as usize;
    !unit.is_generator_like()
        && !unit.flags.intersects(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS)
        && unit.kwonly_count == 0
        && params >= argc
        && argc + positional_defaults(f).len() >= params
        && unit.cells.is_empty()
        && unit.frees.is_empty()
        && !(has_loop(f) && vm.jit.not_unrolled.contains(&crate::jit::code_key(&f.code())))
}

/// `f.__defaults__` (empty when None).
fn positional_defaults(f: &FunctionObj) -> Vec<Value> {
    tuple_of(f.defaults.get()).map_or(Vec::new(), |t| t.items().to_vec())
}

fn has_loop(f: &FunctionObj) -> bool {
    super::has_loop(&f.code())
}

impl Recorder {
    /// Whether a call of `f` with `argc` positional arguments is inlined:
    /// it can be, and it is not recursive. (A recursive call goes through
    /// a helper: inlining it would follow the recursion only as deep as
    /// one path of it went while recording.)
    fn can_inline(&mut self, vm: &Vm, f: &FunctionObj, argc: usize) -> RecResult<bool> {
        if !inlinable(vm, f, argc) {
            return Ok(false);
        }
        if !self.follows(&f.code()) {
            return Ok(true);
        }
        if self.function_trace() {
            // Each level of the recursion would enter and leave the trace
            // (and most leave it early, at the base case): the interpreter
            // runs recursive functions faster.
            self.recursive = true;
            return abort("a recursive call");
        }
        Ok(false)
    }

    /// `dst = callee(receiver?, *args)`.
    pub(super) fn call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        (w, callee): (Val, Value),
        receiver: Option<(Val, Value)>,
        args: &[Reg],
    ) -> RecResult {
        if let (None, Some((function, receiver)), Some(m)) =
            (receiver, self.built_method_parts(w), method_of(callee))
        {
            return self.call(vm, dst, (function, m.function), Some((receiver, m.receiver)), args);
        }
        let mut words: Vec<Val> = receiver.map(|(r, _)| r).into_iter().collect();
        for &a in args {
            words.push(self.read(a));
        }
        let inline = match function_of(callee) {
            Some(f) if self.can_inline(vm, &f, words.len())? => Some(f),
            _ => None,
        };
        if let Some(f) = inline {
            if self.depth() + 1 > MAX_INLINE_DEPTH {
                return abort("calls nested too deeply to inline");
            }
            if has_loop(&f) {
                self.unrolled.push(f.code());
            }
            self.guard_identity(w, callee);
            self.guard_code(f);
            let defaults = self.defaults_for(f, words.len());
            words.extend(defaults);
            let slots: WordMap<Reg, Val> =
                words.iter().enumerate().map(|(i, v)| (i as Reg, *v)).collect();
            self.roots.push(f.code().value());
            self.frames.push(RecFrame {
                code: f.code(),
                function: callee,
                globals: f.globals,
                slots,
                pc: 0,
                ret_dst: dst,
                init_self: None,
                drain: None,
            });
            return Ok(());
        }
        if receiver.is_none() {
            if self.drain_call(vm, dst, (w, callee), args)? {
                return Ok(());
            }
            if let Some(call) = self.instance_call_method(vm, w, callee) {
                return self.call(vm, dst, call, Some((w, callee)), args);
            }
            if let Some(r) = self.range_call(vm, (w, callee), args)? {
                self.write(dst, r);
                return Ok(());
            }
        }
        if self.class_call(vm, dst, (w, callee), &words)? {
            return Ok(());
        }
        if let Some(nf) = native_function_of(callee).filter(|nf| nf.receiver.is_empty()) {
            if let [arg] = args {
                if let Some(r) = self.call_builtin(vm, (w, callee), nf.func, *arg)? {
                    self.write(dst, r);
                    return Ok(());
                }
            }
        }
        let base = vm.frames.last().map_or(0, |f| f.base);
        let first =
            receiver.map(|(_, v)| v).or_else(|| args.first().map(|&a| vm.stack[base + a as usize]));
        if self.native_call(vm, dst, (w, callee), &words, first)? {
            return Ok(());
        }
        self.generic_call(vm, dst, w, &words, Value::NONE)
    }

    /// The defaults of the parameters a call of `f` with `given`
    /// positional arguments leaves out, as constants (guarding that `f`
    /// keeps the same defaults tuple, whose items never change).
    fn defaults_for(&mut self, f: Gc<FunctionObj>, given: usize) -> Vec<Val> {
        let params = f.code().unit.arg_count as usize;
        if given >= params {
            return Vec::new();
        }
        let defaults = f.defaults.get();
        let base = self.b.kref(address(f.value()));
        let current =
            self.field(alias::FUNCTION_DEFAULTS, Op::LdI64, base, FUNCTION_DEFAULTS_OFFSET as i32);
        self.roots.push(defaults);
        // The field holds the tuple as a value (boxed bits), not a pointer.
        self.guard(Op::GuardEq, &[current], defaults.bits() as i64);
        let items = positional_defaults(&f);
        let missing = params - given;
        items[items.len() - missing..].iter().map(|&v| self.constant(v)).collect()
    }

    /// For a call of `obj`, an instance of a class with a Python
    /// `__call__`: that function (as a constant), guarding the class and
    /// its version. The call is then a method call with `obj` as receiver.
    fn instance_call_method(&mut self, vm: &Vm, w: Val, obj: Value) -> Option<(Val, Value)> {
        let ty = vm.heap.type_obj(obj);
        if ty.layout() != ObjKind::Instance {
            return None;
        }
        let method =
            vm.heap.lookup(ty, vm.names.dunder_call).filter(|&m| function_of(m).is_some())?;
        self.guard_type(w, ty.value());
        self.guard_type_version(ty);
        Some((self.constant(method), method))
    }

    /// Guards that `f` still runs the code being inlined: `f.__code__ = c`
    /// changes what a call does without changing the function.
    fn guard_code(&mut self, f: Gc<FunctionObj>) {
        let base = self.b.kref(address(f.value()));
        let code = self.field(alias::FUNCTION_CODE, Op::LdI64, base, FUNCTION_CODE_OFFSET as i32);
        self.guard(Op::GuardEq, &[code], address(f.code().value()) as i64);
    }

    /// `dst = callee(receiver?, *args)` where the last arguments are passed
    /// by the keywords of tuple `kwnames`: through the interpreter's call.
    pub(super) fn call_kw(
        &mut self,
        vm: &Vm,
        dst: Reg,
        w: Val,
        receiver: Option<Val>,
        args: &[Reg],
        kwnames: Value,
    ) -> RecResult {
        let mut words: Vec<Val> = receiver.into_iter().collect();
        for &a in args {
            words.push(self.read(a));
        }
        self.generic_call(vm, dst, w, &words, kwnames)
    }

    /// `dst = w(*words)` by the interpreter's `call_at`, the last words
    /// passed by the keywords of tuple `kwnames` (or None).
    fn generic_call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        w: Val,
        words: &[Val],
        kwnames: Value,
    ) -> RecResult {
        let mut scratch = vec![w];
        scratch.extend(words.iter().copied());
        self.store_scratch(vm, &scratch)?;
        let argc = self.b.kword(words.len() as u64);
        let names = self.constant(kwnames);
        let r = self.call_helper(HelperKind::Call, &[argc, names])?;
        self.write(dst, r);
        Ok(())
    }

    /// A builtin function, a method of a built-in type or a class the
    /// trace does not inline, called with at most [`MAX_NATIVE_ARGS`]
    /// positional arguments (`first` is the value of the first): guarded
    /// by identity, and a method's receiver by its type (which makes it
    /// one the method applies to), the call passes callee and arguments
    /// in registers to the function's entry point. False for other
    /// callees.
    fn native_call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        (w, callee): (Val, Value),
        words: &[Val],
        first: Option<Value>,
    ) -> RecResult<bool> {
        if words.len() > MAX_NATIVE_ARGS {
            return Ok(false);
        }
        if let Some(md) = method_descriptor_of(callee) {
            let (Some(&receiver), Some(value)) = (words.first(), first) else {
                return Ok(false);
            };
            if !value.is_ptr() || !vm.heap.is_instance(value, md.owner) {
                // The interpreter's path raises the TypeError.
                return Ok(false);
            }
            self.guard_identity(w, callee);
            self.guard_type(receiver, vm.heap.type_obj(value).value());
        } else if native_function_of(callee).is_some()
            || Gc::<TypeObj>::from_value(callee).is_some()
        {
            self.guard_identity(w, callee);
        } else {
            return Ok(false);
        }
        let mut helper_args = vec![self.constant(callee)];
        helper_args.extend_from_slice(words);
        let r = self.call_helper(HelperKind::CallNative(words.len()), &helper_args)?;
        self.write(dst, r);
        Ok(true)
    }

    /// `C(*args)` of a class of plain instances (made by `object.__new__`,
    /// metaclass `type`, not abstract) whose `__init__` is a Python function
    /// that can be inlined: allocates the instance and follows `__init__`.
    /// False if the class is not like that.
    fn class_call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        (w, callee): (Val, Value),
        words: &[Val],
    ) -> RecResult<bool> {
        let Some(t) = Gc::<TypeObj>::from_value(callee) else { return Ok(false) };
        let plain = vm.heap.type_obj(callee).value() == vm.heap.types().type_
            && t.layout() == ObjKind::Instance
            && inherits_object_slot(vm, t, vm.names.dunder_new)
            && t.own_attr(vm.heap.intern("__abstractmethods__")).is_none();
        let init = vm.heap.lookup(t, vm.names.dunder_init);
        let f = match init.and_then(function_of) {
            Some(f) if plain && self.can_inline(vm, &f, words.len() + 1)? => f,
            _ => return Ok(false),
        };
        if self.depth() + 1 > MAX_INLINE_DEPTH {
            return abort("calls nested too deeply to inline");
        }
        if has_loop(&f) {
            self.unrolled.push(f.code());
        }
        self.guard_identity(w, callee);
        self.guard_type_version(t);
        self.guard_code(f);
        let defaults = self.defaults_for(f, words.len() + 1);
        let ty = self.constant(callee);
        let obj = self.call_helper(HelperKind::NewInstance, &[ty])?;
        self.known_type(obj, callee);
        let mut slots: WordMap<Reg, Val> = WordMap::default();
        slots.insert(0, obj);
        for (i, v) in words.iter().chain(&defaults).enumerate() {
            slots.insert(i as Reg + 1, *v);
        }
        self.roots.push(f.code().value());
        self.frames.push(RecFrame {
            code: f.code(),
            function: f.value(),
            globals: f.globals,
            slots,
            pc: 0,
            ret_dst: dst,
            init_self: Some(obj),
            drain: None,
        });
        Ok(true)
    }

    /// `range(...)` of small ints, and `reversed(r)` of such a range made
    /// in the trace: helpers that take the range's parts, so that a range
    /// only iterated is never allocated. `None` for any other call.
    fn range_call(
        &mut self,
        vm: &Vm,
        (w, callee): (Val, Value),
        args: &[Reg],
    ) -> RecResult<Option<Val>> {
        let types = vm.heap.types();
        let base = vm.frames.last().map_or(0, |f| f.base);
        if callee == types.reversed {
            let [arg] = args else { return Ok(None) };
            let range = self.read(*arg);
            let Some(parts) = self.ranges.get(&range).copied() else {
                return Ok(None);
            };
            self.guard_identity(w, callee);
            let it = self.call_helper(HelperKind::RangeReversedIter, &parts)?;
            self.known_type(it, types.range_iterator);
            return Ok(Some(it));
        }
        if callee != types.range || !(1..=3).contains(&args.len()) {
            return Ok(None);
        }
        let values: Vec<Value> = args.iter().map(|&a| vm.stack[base + a as usize]).collect();
        if !values.iter().all(|v| v.as_small_int().is_some()) {
            return Ok(None);
        }
        if values.get(2).and_then(|v| v.as_small_int()) == Some(0) {
            return Ok(None);
        }
        self.guard_identity(w, callee);
        let mut words = Vec::with_capacity(3);
        for (&a, &v) in args.iter().zip(&values) {
            let x = self.read(a);
            self.guard_kind(x, v)?;
            words.push(x);
        }
        let boxed = |i: i64| Value::from_small_int(i).expect("a small int").bits();
        if words.len() == 1 {
            words.insert(0, self.b.kword(boxed(0)));
        }
        if words.len() == 2 {
            words.push(self.b.kword(boxed(1)));
        } else if !self.is_constant(words[2]) {
            let step = self.bits(words[2]);
            let zero = self.b.kint(boxed(0) as i64);
            let nonzero = self.b.op(Op::Ne, Type::Bool, &[step, zero]);
            self.guard(Op::GuardTrue, &[nonzero], 0);
        }
        let parts = [words[0], words[1], words[2]];
        let r = self.call_helper(HelperKind::NewRange, &parts)?;
        self.known_type(r, types.range);
        self.ranges.insert(r, parts);
        Ok(Some(r))
    }

    /// `len(x)` of a list or tuple, `math.f(x)` of a number: inline, or
    /// `None` to call the builtin through a helper.
    fn call_builtin(
        &mut self,
        vm: &Vm,
        (w, callee): (Val, Value),
        func: NativeFn,
        arg: Reg,
    ) -> RecResult<Option<Val>> {
        let value = vm.stack[vm.frames.last().map_or(0, |f| f.base) + arg as usize];
        let a = self.read(arg);
        if is_len(func) {
            let types = vm.heap.types();
            let ty = vm.heap.type_obj(value).value();
            let len_offset = if ty == types.list {
                LIST_LEN_OFFSET
            } else if ty == types.tuple {
                TUPLE_LEN_OFFSET
            } else {
                return Ok(None);
            };
            self.guard_identity(w, callee);
            let p = self.guard_type(a, ty);
            let n = self.field(alias::SEQ_LEN, Op::LdI64, p, len_offset as i32);
            return self.box_int(n).map(Some);
        }
        let Some(name) = crate::modules::math::traceable_unary(func) else { return Ok(None) };
        let kind = Self::kind_of(value);
        if !matches!(kind, Kind::Int | Kind::Float)
            || !value
                .as_f64()
                .or(value.as_small_int().map(|i| i as f64))
                .is_some_and(f64::is_finite)
        {
            return Ok(None);
        }
        self.guard_identity(w, callee);
        self.guard_kind(a, value)?;
        let x = self.float_of(a, kind)?;
        let inf = self.b.kflt(f64::INFINITY);
        let x_abs = self.b.op(Op::FAbs, Type::Float, &[x]);
        let finite = self.b.op(Op::FLt, Type::Bool, &[x_abs, inf]);
        self.guard(Op::GuardTrue, &[finite], 0);
        let r = match name {
            "sqrt" => {
                let zero = self.b.kflt(0.0);
                let ok = self.b.op(Op::FGe, Type::Bool, &[x, zero]);
                self.guard(Op::GuardTrue, &[ok], 0);
                self.b.op(Op::FSqrt, Type::Float, &[x])
            }
            "fabs" => x_abs,
            _ => {
                let id = self.helper_id(HelperKind::Math(name));
                let r = self.b.call(id, &[x]);
                // NaN (a domain error) or an overflow: the interpreter raises.
                let r_abs = self.b.op(Op::FAbs, Type::Float, &[r]);
                let ok = self.b.op(Op::FLt, Type::Bool, &[r_abs, inf]);
                self.guard(Op::GuardTrue, &[ok], 0);
                r
            }
        };
        Ok(Some(self.box_float(r)))
    }

    /// `Return` from an inlined frame: the value goes to the caller's
    /// destination slot.
    pub(super) fn ret(&mut self, src: Reg) -> RecResult {
        if self.depth() == 0 {
            return abort("return from the loop's frame");
        }
        let v = self.read(src);
        let returns_none = self.is_constant(v) && self.b.trace().inst(v).imm as u64 == NONE_BITS;
        let frame = self.frames.last().expect("depth > 0");
        if frame.init_self.is_some() && !returns_none {
            return abort("an __init__ that returns a value");
        }
        let frame = self.frames.pop().expect("depth > 0");
        let result = match frame.drain {
            Some(drain) => self.drain_return(drain)?,
            None => frame.init_self.unwrap_or(v),
        };
        self.write(frame.ret_dst, result);
        Ok(())
    }
}
