//! Objects: global and attribute loads proven by guards on dict mutation
//! counters, type versions and instance shapes; list and tuple indexing and
//! iteration inline; everything else through the interpreter's own
//! functions (helpers).

use traces::{Alias, Op, Type, Val};

use super::{abort, alias, Pending, RecResult, Recorder};
use crate::builtins::constructors::SuperObj;
use crate::bytecode::instr::Reg;
use crate::jit::helpers::{describe, HelperKind, SCRATCH_WORDS};
use crate::object::dict::dict_of;
use crate::object::header::{FLAG_SIDE_ATTRS, HEADER_FLAGS_OFFSET, HEADER_TYPE_OFFSET};
use crate::object::instance::{instance_of, INSTANCE_SHAPE_OFFSET, INSTANCE_SLOTS_PTR_OFFSET};
use crate::object::list::{list_of, LIST_ITEMS_PTR_OFFSET, LIST_LEN_OFFSET};
use crate::object::shape::ShapeObj;
use crate::object::tuple::{tuple_of, TUPLE_ITEMS_OFFSET, TUPLE_LEN_OFFSET};
use crate::object::types::{TypeObj, TYPE_VERSION_OFFSET};
use crate::object::value::{EMPTY_BITS, NONE_BITS, PAYLOAD_MASK, TAG_PTR, TAG_SHIFT};
use crate::object::{Gc, Value};
use crate::vm::function::{function_of, method_descriptor_of, module_of, CELL_VALUE_OFFSET};
use crate::vm::iter::{
    range_iter_state, SEQ_ITER_INDEX_OFFSET, SEQ_ITER_RANGE_LEN_OFFSET,
    SEQ_ITER_RANGE_START_OFFSET, SEQ_ITER_RANGE_STEP_OFFSET, SEQ_ITER_SEQ_OFFSET,
};
use crate::vm::Vm;

/// The raw address of heap object `v` (what object headers and compiled
/// code hold).
pub(super) fn address(v: Value) -> u64 {
    v.bits() & PAYLOAD_MASK
}

/// A built-in sequence the trace indexes inline.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
}

impl Recorder {
    /// The object address in a word known to hold a pointer.
    pub(super) fn ptr_of(&mut self, w: Val) -> Val {
        let bits = self.bits(w);
        let mask = self.b.kint(PAYLOAD_MASK as i64);
        let addr = self.b.op(Op::And, Type::Int, &[bits, mask]);
        self.b.op(Op::Cast, Type::Ref, &[addr])
    }

    /// Guards that `w` is an object of exact type `ty`; its address.
    pub(super) fn guard_type(&mut self, w: Val, ty: Value) -> Val {
        let ty_addr = address(ty);
        if !self.is_constant(w) && self.typed.insert((w, ty_addr)) {
            let bits = self.bits(w);
            let shift = self.b.kint(TAG_SHIFT as i64);
            let tag = self.b.op(Op::Shr, Type::Int, &[bits, shift]);
            self.guard(Op::GuardEq, &[tag], TAG_PTR as i64);
            let p = self.ptr_of(w);
            let actual = self.field(alias::HEADER_TYPE, Op::LdWord, p, HEADER_TYPE_OFFSET as i32);
            self.roots.push(ty);
            self.guard(Op::GuardEq, &[actual], ty_addr as i64);
        }
        self.ptr_of(w)
    }

    /// Notes that `w` holds an object of exact type `ty` (one the trace
    /// just made), so guards on its type are not needed.
    pub(super) fn known_type(&mut self, w: Val, ty: Value) {
        self.typed.insert((w, address(ty)));
    }

    /// Guards that `w` is `v` itself.
    pub(super) fn guard_identity(&mut self, w: Val, v: Value) {
        if self.is_constant(w) {
            return;
        }
        let bits = self.bits(w);
        self.roots.push(v);
        self.guard(Op::GuardEq, &[bits], v.bits() as i64);
    }

    /// Guards that type `ty`'s dict and bases are as now.
    /// A load of the word at `offset` in object `p`, of memory kind `alias`.
    pub(super) fn field(&mut self, alias: Alias, op: Op, p: Val, offset: i32) -> Val {
        self.b.load_as(alias, op, p, None, offset)
    }

    pub(super) fn guard_type_version(&mut self, ty: Gc<TypeObj>) {
        let v = ty.value();
        self.roots.push(v);
        let base = self.b.kref(address(v));
        let version = self.field(alias::TYPE_VERSION, Op::LdI64, base, TYPE_VERSION_OFFSET as i32);
        self.guard(Op::GuardEq, &[version], ty.version() as i64);
    }

    /// Guards that namespace `dict` still binds `name` as it does now: its
    /// keys unchanged (so an absent name stays absent and a present one
    /// keeps its entry) and a present name's value the same object. Other
    /// names' values may change: a module's loop variable or counter
    /// invalidates no trace that only reads its functions. Whether `name`
    /// is bound.
    fn guard_binding(&mut self, dict: Value, name: Value) -> RecResult<bool> {
        let Some(d) = dict_of(dict) else {
            return abort("a namespace that is not a dict");
        };
        let (version, field, bound) = {
            let table = d.table.borrow();
            let bound = d.entry_of_str(name).and_then(|ix| {
                let (_, _, value) = table.entry(ix)?;
                Some((table.value_address(ix)?, *value))
            });
            (table.keys_version(), table.keys_version_address(), bound)
        };
        self.guard_keys_version(dict, version, field);
        if let Some((at, value)) = bound {
            // The entry's storage stays put while the keys' version holds,
            // which the guard above has just checked.
            let slot = self.b.kref(at as u64);
            let now = self.b.load_as(alias::DICT_VALUE, Op::LdWord, slot, None, 0);
            self.guard(Op::GuardEq, &[now], value.bits() as i64);
        }
        Ok(bound.is_some())
    }

    /// For `name` bound in exact dict `dict`: guards the dict's keys
    /// version, under which the entry's value stays at the address given.
    /// None (and no guard) if it is not bound there.
    fn guard_entry(&mut self, vm: &Vm, dict: Value, name: Value) -> RecResult<Option<usize>> {
        let Some(d) = dict_of(dict).filter(|_| !vm.heap.type_obj(dict).is_heap_type()) else {
            return Ok(None);
        };
        let (version, field, at) = {
            let table = d.table.borrow();
            let at = d.entry_of_str(name).and_then(|ix| table.value_address(ix));
            (table.keys_version(), table.keys_version_address(), at)
        };
        let Some(at) = at else { return Ok(None) };
        self.guard_keys_version(dict, version, field);
        Ok(Some(at))
    }

    /// Guards that the keys' version of `dict`, a field at address
    /// `field`, is still `version`.
    fn guard_keys_version(&mut self, dict: Value, version: u64, field: usize) {
        let offset = field as u64 - address(dict);
        self.roots.push(dict);
        let base = self.b.kref(address(dict));
        let count = self.field(alias::DICT_KEYS_VERSION, Op::LdI64, base, offset as i32);
        self.guard(Op::GuardEq, &[count], version as i64);
    }

    /// Whether namespace `dict` binds `name` (a module attribute it does
    /// not bind comes from the module's `__getattr__`, which the trace
    /// must call each time).
    fn binds(&self, dict: Value, name: Value) -> bool {
        dict_of(dict).is_some_and(|d| d.entry_of_str(name).is_some())
    }

    /// Guards type, version and shape of instance `w`; its address.
    fn guard_instance(&mut self, w: Val, ty: Gc<TypeObj>, shape: Gc<ShapeObj>) -> Val {
        let p = self.guard_type(w, ty.value());
        self.guard_type_version(ty);
        let actual = self.field(alias::INSTANCE_SHAPE, Op::LdWord, p, INSTANCE_SHAPE_OFFSET as i32);
        self.roots.push(shape.value());
        self.guard(Op::GuardEq, &[actual], shape.value().bits() as i64);
        p
    }

    /// The instance, class and slot of `obj.name` when it is a plain
    /// instance attribute the trace can load from the slot vector.
    fn instance_slot(
        vm: &Vm,
        obj: Value,
        name: Value,
    ) -> Option<(Gc<TypeObj>, Gc<ShapeObj>, usize)> {
        let inst = instance_of(obj)?;
        let ty = vm.heap.type_obj(obj);
        if vm.has_custom_getattribute(ty) || !vm.is_plain_instance_attr(ty, name) {
            return None;
        }
        let shape = inst.attrs.shape();
        let slot = shape.slot_of(name)?;
        inst.attrs.slot(slot)?;
        Some((ty, shape, slot))
    }

    /// The value of the cell in word `w`; unbound leaves the trace (the
    /// interpreter raises).
    pub(super) fn load_cell(&mut self, vm: &Vm, w: Val) -> RecResult<Val> {
        let p = self.guard_type(w, vm.heap.types().cell);
        let v = self.field(alias::CELL_VALUE, Op::LdWord, p, CELL_VALUE_OFFSET as i32);
        let bits = self.bits(v);
        let empty = self.b.kint(EMPTY_BITS as i64);
        let bound = self.b.op(Op::Ne, Type::Bool, &[bits, empty]);
        self.guard(Op::GuardTrue, &[bound], 0);
        Ok(v)
    }

    pub(super) fn store_cell(&mut self, vm: &Vm, w: Val, v: Val) {
        let p = self.guard_type(w, vm.heap.types().cell);
        self.b.store_as(alias::CELL_VALUE, Op::StWord, v, p, None, CELL_VALUE_OFFSET as i32);
    }

    /// `LoadGlobal` (and `LoadName` in module code): the value found,
    /// proven by the globals and builtins dicts being unchanged; or, from
    /// globals the loop itself stores to (which would fail that guard on
    /// the next iteration), looked up by a helper.
    pub(super) fn load_global(&mut self, vm: &Vm, dst: Reg, name: Value) -> RecResult {
        let globals = self.frame().globals;
        if self.stored_globals == Some(globals) {
            if let Some(at) = self.guard_entry(vm, globals, name)? {
                // The loop stores to these globals: the value is read from
                // the name's entry each time, not taken as a constant.
                let slot = self.b.kref(at as u64);
                let v = self.b.load_as(alias::DICT_VALUE, Op::LdWord, slot, None, 0);
                self.write(dst, v);
                return Ok(());
            }
            let (g, n) = (self.constant(globals), self.constant(name));
            let v = self.call_helper(HelperKind::LoadGlobal, &[g, n])?;
            self.write(dst, v);
            return Ok(());
        }
        if !self.guard_binding(globals, name)? && !self.guard_binding(vm.builtins, name)? {
            return abort("a global name bound nowhere");
        }
        self.pending = Some(Pending::Constants(vec![dst]));
        Ok(())
    }

    /// `StoreGlobal` (and `StoreName` in module code).
    pub(super) fn store_global(&mut self, vm: &Vm, name: Value, v: Val) -> RecResult {
        let globals = self.frame().globals;
        if self.stored_globals != Some(globals) {
            return abort("a store to globals the loop was not seen to store to");
        }
        if let Some(at) = self.guard_entry(vm, globals, name)? {
            // A name already bound: its new value goes into its entry.
            let slot = self.b.kref(at as u64);
            self.b.store_as(alias::DICT_VALUE, Op::StWord, v, slot, None, 0);
            return Ok(());
        }
        let (g, n) = (self.constant(globals), self.constant(name));
        self.call_helper(HelperKind::StoreGlobal, &[g, n, v])?;
        Ok(())
    }

    pub(super) fn load_attr(
        &mut self,
        vm: &Vm,
        dst: Reg,
        w: Val,
        obj: Value,
        name: Value,
    ) -> RecResult {
        if let Some((ty, shape, slot)) = Self::instance_slot(vm, obj, name) {
            let p = self.guard_instance(w, ty, shape);
            let slots =
                self.field(alias::INSTANCE_SLOTS, Op::LdRef, p, INSTANCE_SLOTS_PTR_OFFSET as i32);
            let v = self.field(alias::INSTANCE_VALUE, Op::LdWord, slots, 8 * slot as i32);
            self.write(dst, v);
            return Ok(());
        }
        if let Some((ty, shape, function)) = Self::instance_method(vm, obj, name) {
            // The bound method is made by a sinkable helper: a call of it
            // in the trace passes the function and receiver instead.
            self.guard_instance(w, ty, shape);
            let f = self.constant(function);
            let r = self.call_helper(HelperKind::BoundMethod, &[f, w])?;
            self.write(dst, r);
            return Ok(());
        }
        if let Some(m) = module_of(obj).filter(|m| self.binds(m.dict, name)) {
            self.guard_identity(w, obj);
            self.guard_binding(m.dict, name)?;
            self.pending = Some(Pending::Constants(vec![dst]));
            return Ok(());
        }
        if let Some(t) = Gc::<TypeObj>::from_value(obj) {
            let plain_metatype = vm.heap.type_obj(obj).value() == vm.heap.types().type_;
            let found = vm.heap.lookup(t, name);
            let constant = found.is_some_and(|c| {
                function_of(c).is_some()
                    || vm.heap.lookup_in_type_of(c, vm.names.dunder_get).is_none()
            });
            if plain_metatype && constant {
                self.guard_identity(w, obj);
                self.guard_type_version(t);
                self.pending = Some(Pending::Constants(vec![dst]));
                return Ok(());
            }
        }
        let n = self.constant(name);
        let r = self.call_helper(HelperKind::GetAttr, &[w, n])?;
        self.write(dst, r);
        Ok(())
    }

    pub(super) fn store_attr(
        &mut self,
        vm: &Vm,
        w: Val,
        obj: Value,
        name: Value,
        v: Val,
    ) -> RecResult {
        if let Some((ty, shape, slot)) = Self::instance_slot(vm, obj, name) {
            let custom = vm
                .heap
                .lookup(ty, vm.names.dunder_setattr)
                .is_some_and(|m| function_of(m).is_some());
            if !custom {
                let p = self.guard_instance(w, ty, shape);
                let slots = self.field(
                    alias::INSTANCE_SLOTS,
                    Op::LdRef,
                    p,
                    INSTANCE_SLOTS_PTR_OFFSET as i32,
                );
                self.b.store_as(alias::INSTANCE_VALUE, Op::StWord, v, slots, None, 8 * slot as i32);
                return Ok(());
            }
        }
        if let Some((ty, shape, child)) = Self::instance_transition(vm, obj, name) {
            self.guard_instance(w, ty, shape);
            let child = self.constant(child.value());
            self.call_helper(HelperKind::ExtendAttrs, &[w, child, v])?;
            return Ok(());
        }
        let n = self.constant(name);
        self.call_helper(HelperKind::SetAttr, &[w, n, v])?;
        Ok(())
    }

    /// For `obj.name = v` adding a plain attribute to an instance: its
    /// class, its shape and the shape it moves to.
    fn instance_transition(
        vm: &Vm,
        obj: Value,
        name: Value,
    ) -> Option<(Gc<TypeObj>, Gc<ShapeObj>, Gc<ShapeObj>)> {
        let inst = instance_of(obj)?;
        let ty = vm.heap.type_obj(obj);
        let custom =
            vm.heap.lookup(ty, vm.names.dunder_setattr).is_some_and(|m| function_of(m).is_some());
        let shape = inst.attrs.shape();
        if custom
            || !vm.is_plain_instance_attr(ty, name)
            || shape.is_dict_mode()
            || shape.slot_of(name).is_some()
        {
            return None;
        }
        let child = vm.heap.shape_with(shape, name)?;
        Some((ty, shape, child))
    }

    /// For `obj.name` of a plain instance (no `__getattribute__` of its
    /// own, not in dictionary mode) without such an attribute of its own,
    /// whose class has a function or a method descriptor by that name: its
    /// class, its shape and the callee.
    fn instance_method(
        vm: &Vm,
        obj: Value,
        name: Value,
    ) -> Option<(Gc<TypeObj>, Gc<ShapeObj>, Value)> {
        let inst = instance_of(obj)?;
        let ty = vm.heap.type_obj(obj);
        let shape = inst.attrs.shape();
        let plain = !vm.has_custom_getattribute(ty) && !shape.is_dict_mode();
        if !plain || shape.slot_of(name).is_some() {
            return None;
        }
        let function = vm
            .heap
            .lookup(ty, name)
            .filter(|d| function_of(*d).is_some() || method_descriptor_of(*d).is_some())?;
        Some((ty, shape, function))
    }

    /// For `obj.name` of a native object (not an instance, type, module,
    /// super or exception) of a class whose `name` is a method descriptor,
    /// the object having no attributes of its own and the class no
    /// `__getattribute__`: the descriptor.
    fn native_object_method(vm: &Vm, obj: Value, name: Value) -> Option<Value> {
        let ty = vm.heap.type_obj(obj);
        let native_object = obj.is_ptr()
            && ty.is_heap_type()
            && vm.heap.attrs_of(obj, false).is_none()
            && Gc::<TypeObj>::from_value(obj).is_none()
            && module_of(obj).is_none()
            && Gc::<SuperObj>::from_value(obj).is_none()
            && !vm.has_custom_getattribute(ty);
        if !native_object {
            return None;
        }
        vm.heap.lookup(ty, name).filter(|d| method_descriptor_of(*d).is_some())
    }

    /// For a bound method this trace made (`bound_method`): its function
    /// and receiver, which a call of it passes instead.
    pub(super) fn built_method_parts(&self, m: Val) -> Option<(Val, Val)> {
        match self.built_by(m, HelperKind::BoundMethod)?[..] {
            [function, receiver] => Some((function, receiver)),
            _ => None,
        }
    }

    /// The arguments of the call of helper `kind` that made `v` in this
    /// trace, if one did: reads of the object it built can use them
    /// instead, and the optimizer then sink the object.
    fn built_by(&self, v: Val, kind: HelperKind) -> Option<traces::Args> {
        let inst = self.b.trace().inst(v);
        let helper = self.b.trace().helpers.get(inst.helper? as usize)?;
        (inst.op == Op::Call && *helper == describe(kind)).then(|| inst.args.clone())
    }

    /// `LoadMethod`: a function found on the class of a plain instance, or
    /// a method of a built-in type, with the object as receiver; otherwise
    /// the attribute itself and no receiver.
    pub(super) fn load_method(
        &mut self,
        vm: &Vm,
        dst: Reg,
        w: Val,
        obj: Value,
        name: Value,
    ) -> RecResult {
        let ty = vm.heap.type_obj(obj);
        if let Some((ty, shape, d)) = Self::instance_method(vm, obj, name) {
            self.guard_instance(w, ty, shape);
            let f = self.constant(d);
            self.write(dst, f);
            self.write(dst + 1, w);
            return Ok(());
        }
        if let Some(d) = Self::native_object_method(vm, obj, name) {
            // A native object of a class (a match, a dict subclass): its
            // class may change, and it may gain attributes of its own.
            let p = self.guard_type(w, ty.value());
            self.guard_type_version(ty);
            let flags = self.b.load(Op::LdU8, p, None, HEADER_FLAGS_OFFSET as i32);
            let side = self.b.kint(FLAG_SIDE_ATTRS as i64);
            let has_side = self.b.op(Op::And, Type::Int, &[flags, side]);
            self.guard(Op::GuardEq, &[has_side], 0);
            let f = self.constant(d);
            self.write(dst, f);
            self.write(dst + 1, w);
            return Ok(());
        }
        // `super()` objects look attributes up past their class, and an
        // object with attributes of its own may shadow the method.
        let builtin_method = !ty.is_heap_type()
            && obj.is_ptr()
            && Gc::<TypeObj>::from_value(obj).is_none()
            && module_of(obj).is_none()
            && Gc::<SuperObj>::from_value(obj).is_none()
            && vm.heap.attrs_of(obj, false).is_none();
        if builtin_method {
            if let Some(d) = vm.heap.lookup(ty, name).filter(|d| method_descriptor_of(*d).is_some())
            {
                self.guard_type(w, ty.value());
                let f = self.constant(d);
                self.write(dst, f);
                self.write(dst + 1, w);
                return Ok(());
            }
        }
        if let Some(m) = module_of(obj).filter(|m| self.binds(m.dict, name)) {
            self.guard_identity(w, obj);
            self.guard_binding(m.dict, name)?;
            self.pending = Some(Pending::Constants(vec![dst]));
            let empty = self.b.kword(EMPTY_BITS);
            self.write(dst + 1, empty);
            return Ok(());
        }
        let n = self.constant(name);
        let r = self.call_helper(HelperKind::GetAttr, &[w, n])?;
        self.write(dst, r);
        let empty = self.b.kword(EMPTY_BITS);
        self.write(dst + 1, empty);
        Ok(())
    }

    /// Which inline sequence `obj[key]` indexes, if any.
    fn inline_seq(vm: &Vm, obj: Value, key: Value) -> Option<Seq> {
        key.as_small_int()?;
        let ty = vm.heap.type_obj(obj).value();
        let types = vm.heap.types();
        if list_of(obj).is_some() && ty == types.list {
            Some(Seq::List)
        } else if tuple_of(obj).is_some() && ty == types.tuple {
            Some(Seq::Tuple)
        } else {
            None
        }
    }

    /// For `obj[k]` of an exact list where this trace built the slice `k`:
    /// the slice's parts, so the trace can pass them instead (and the
    /// optimizer sink the slice object).
    fn list_slice_parts(&self, vm: &Vm, obj: Value, k: Val) -> Option<[Val; 3]> {
        let is_list =
            list_of(obj).is_some() && vm.heap.type_obj(obj).value() == vm.heap.types().list;
        match self.built_by(k, HelperKind::BuildSlice)?[..] {
            [a, b, c] if is_list => Some([a, b, c]),
            _ => None,
        }
    }

    /// For a tuple this trace built from named items (`tuple2`/`tuple3`):
    /// those items, which reads of the tuple use instead of loads, so the
    /// optimizer can sink the tuple itself.
    fn built_tuple_items(&self, t: Val) -> Option<traces::Args> {
        self.built_by(t, HelperKind::Tuple2).or_else(|| self.built_by(t, HelperKind::Tuple3))
    }

    /// The address of item `key` of the list or tuple `w`, bounds checked.
    fn seq_item(
        &mut self,
        vm: &Vm,
        seq: Seq,
        w: Val,
        (k, key): (Val, Value),
    ) -> RecResult<(Val, Val, i32)> {
        let types = vm.heap.types();
        let ty = if seq == Seq::List { types.list } else { types.tuple };
        let p = self.guard_type(w, ty);
        self.guard_kind(k, key)?;
        let i = self.b.unbox_int(k).map_err(super::no_layout)?;
        let len_offset = if seq == Seq::List { LIST_LEN_OFFSET } else { TUPLE_LEN_OFFSET };
        let len = self.field(alias::SEQ_LEN, Op::LdI64, p, len_offset as i32);
        let index = if key.as_small_int().unwrap_or(0) < 0 {
            self.b.op(Op::Add, Type::Int, &[i, len])
        } else {
            i
        };
        let inside = self.b.op(Op::ULt, Type::Bool, &[index, len]);
        self.guard(Op::GuardTrue, &[inside], 0);
        Ok(match seq {
            Seq::List => {
                let items =
                    self.field(alias::LIST_ITEMS, Op::LdRef, p, LIST_ITEMS_PTR_OFFSET as i32);
                (items, index, 0)
            }
            Seq::Tuple => (p, index, TUPLE_ITEMS_OFFSET as i32),
        })
    }

    pub(super) fn load_subscr(
        &mut self,
        vm: &Vm,
        (w, obj): (Val, Value),
        (k, key): (Val, Value),
    ) -> RecResult<Val> {
        if let Some(item) = self.built_tuple_item(w, (k, key)) {
            return Ok(item);
        }
        if let Some(seq) = Self::inline_seq(vm, obj, key) {
            let (base, index, offset) = self.seq_item(vm, seq, w, (k, key))?;
            return Ok(self.b.load_as(alias::SEQ_ITEM, Op::LdWord, base, Some((index, 8)), offset));
        }
        if let Some([a, b, c]) = self.list_slice_parts(vm, obj, k) {
            self.guard_type(w, vm.heap.types().list);
            return self.call_helper(HelperKind::ListGetSlice, &[w, a, b, c]);
        }
        self.call_helper(HelperKind::GetItem, &[w, k])
    }

    pub(super) fn store_subscr(
        &mut self,
        vm: &Vm,
        (w, obj): (Val, Value),
        (k, key): (Val, Value),
        v: Val,
    ) -> RecResult {
        if Self::inline_seq(vm, obj, key) == Some(Seq::List) {
            let (base, index, offset) = self.seq_item(vm, Seq::List, w, (k, key))?;
            self.b.store_as(alias::SEQ_ITEM, Op::StWord, v, base, Some((index, 8)), offset);
            return Ok(());
        }
        if let Some([a, b, c]) = self.list_slice_parts(vm, obj, k) {
            self.guard_type(w, vm.heap.types().list);
            self.call_helper(HelperKind::ListSetSlice, &[w, a, b, c, v])?;
            return Ok(());
        }
        self.call_helper(HelperKind::SetItem, &[w, k, v])?;
        Ok(())
    }

    /// `ForIter`: ranges, lists and tuples inline, other iterators through
    /// `next()`. While the loop goes on, the trace's test of the iterator
    /// resumes after the loop when it fails (the snapshot asks deopt to
    /// mark the iterator exhausted, as `next()` would have).
    pub(super) fn for_iter(
        &mut self,
        vm: &Vm,
        dst: Reg,
        w: Val,
        it: Value,
        exit: u32,
    ) -> RecResult {
        let types = vm.heap.types();
        let ty = vm.heap.type_obj(it).value();
        let seq = if range_iter_state(it).is_some() {
            None
        } else if ty == types.list_iterator {
            Some(Seq::List)
        } else if ty == types.tuple_iterator {
            Some(Seq::Tuple)
        } else if ty == types.enumerate && self.unpacks_pair(dst) {
            // `for i, x in enumerate(...)`: no tuple is built; the unpacking
            // that follows takes the count and the item.
            self.guard_type(w, ty);
            let r = self.call_helper(HelperKind::EnumerateNext, &[w])?;
            let bits = self.bits(r);
            let empty = self.b.kint(EMPTY_BITS as i64);
            let more = self.b.op(Op::Ne, Type::Bool, &[bits, empty]);
            let snap = self.snap_after_loop(exit, None);
            self.pending = Some(Pending::ForIter { more, snap, exit });
            let count = self.scratch_word(vm, 0);
            let none = self.b.kword(NONE_BITS);
            self.write(dst, none);
            self.pair = Some((dst, count, r));
            return Ok(());
        } else {
            let r = self.call_helper(HelperKind::IterNext, &[w])?;
            let bits = self.bits(r);
            let empty = self.b.kint(EMPTY_BITS as i64);
            let more = self.b.op(Op::Ne, Type::Bool, &[bits, empty]);
            let snap = self.snap_after_loop(exit, None);
            self.pending = Some(Pending::ForIter { more, snap, exit });
            self.write(dst, r);
            return Ok(());
        };
        let p = self.guard_type(w, ty);
        let (index, len, item_at) = match seq {
            None => {
                let index =
                    self.field(alias::ITER_INDEX, Op::LdI64, p, SEQ_ITER_INDEX_OFFSET as i32);
                let len =
                    self.field(alias::ITER_RANGE, Op::LdI64, p, SEQ_ITER_RANGE_LEN_OFFSET as i32);
                (index, len, None)
            }
            Some(seq) => {
                let seq_word =
                    self.field(alias::ITER_SEQ, Op::LdWord, p, SEQ_ITER_SEQ_OFFSET as i32);
                let seq_bits = self.bits(seq_word);
                let none = self.b.kint(NONE_BITS as i64);
                let live = self.b.op(Op::Ne, Type::Bool, &[seq_bits, none]);
                self.guard(Op::GuardTrue, &[live], 0);
                let s = self.ptr_of(seq_word);
                let index =
                    self.field(alias::ITER_INDEX, Op::LdI64, p, SEQ_ITER_INDEX_OFFSET as i32);
                let (len_offset, items, offset) = match seq {
                    Seq::List => {
                        let items = self.field(
                            alias::LIST_ITEMS,
                            Op::LdRef,
                            s,
                            LIST_ITEMS_PTR_OFFSET as i32,
                        );
                        (LIST_LEN_OFFSET, items, 0)
                    }
                    Seq::Tuple => (TUPLE_LEN_OFFSET, s, TUPLE_ITEMS_OFFSET as i32),
                };
                let len = self.field(alias::SEQ_LEN, Op::LdI64, s, len_offset as i32);
                (index, len, Some((items, offset)))
            }
        };
        let more = self.b.op(Op::ILt, Type::Bool, &[index, len]);
        let exhausted_now = match seq {
            None => range_iter_state(it).is_some_and(|(i, n)| i >= n),
            Some(_) => {
                let (i, n) = crate::vm::iter::seq_iter_state(it).unwrap_or((0, 0));
                i >= n
            }
        };
        if exhausted_now {
            // The loop ends here; the trace goes on after it.
            self.guard(Op::GuardFalse, &[more], 0);
            let none = self.b.kword(NONE_BITS);
            self.b.store_as(alias::ITER_SEQ, Op::StWord, none, p, None, SEQ_ITER_SEQ_OFFSET as i32);
            return Ok(());
        }
        let snap = self.snap_after_loop(exit, Some(w));
        self.b.guard(Op::GuardTrue, &[more], 0, snap);
        let item = match item_at {
            Some((items, offset)) => {
                self.b.load_as(alias::SEQ_ITEM, Op::LdWord, items, Some((index, 8)), offset)
            }
            None => {
                let start =
                    self.field(alias::ITER_RANGE, Op::LdI64, p, SEQ_ITER_RANGE_START_OFFSET as i32);
                let step =
                    self.field(alias::ITER_RANGE, Op::LdI64, p, SEQ_ITER_RANGE_STEP_OFFSET as i32);
                let offset = self.b.op(Op::Mul, Type::Int, &[step, index]);
                let value = self.b.op(Op::Add, Type::Int, &[start, offset]);
                // Box (with its range guard) before the store: a failing
                // guard must leave the iterator as the interpreter finds it.
                self.box_int(value)?
            }
        };
        let one = self.b.kint(1);
        let next = self.b.op(Op::Add, Type::Int, &[index, one]);
        self.b.store_as(alias::ITER_INDEX, Op::StI64, next, p, None, SEQ_ITER_INDEX_OFFSET as i32);
        self.write(dst, item);
        Ok(())
    }

    /// Whether the instruction after the current one unpacks temporary
    /// `dst` into two targets (and nothing else reads it).
    fn unpacks_pair(&mut self, dst: Reg) -> bool {
        let code = self.frame().code;
        let pc = self.frame().pc as usize;
        let unit = &code.unit;
        let named = unit.local_names.len()
            + unit
                .cells
                .iter()
                .chain(&unit.frees)
                .filter(|(_, s)| *s as usize >= unit.local_names.len())
                .count();
        let temp =
            dst as usize >= named && !unit.cells.iter().chain(&unit.frees).any(|(_, s)| *s == dst);
        let next = unit.instrs.get(pc + 1).copied();
        temp && matches!(next, Some(crate::bytecode::Instr::UnpackSequence { src, count: 2, .. }) if src == dst)
    }

    /// A snapshot resuming at `exit`, after the loop, with iterator `iter`
    /// to be marked exhausted.
    fn snap_after_loop(&mut self, exit: u32, iter: Option<Val>) -> traces::trace::SnapId {
        let extra: Vec<(u32, Val)> =
            iter.map(|w| (super::EXHAUSTED_ITER_SLOT, w)).into_iter().collect();
        self.snap_at(exit, &extra)
    }

    /// Stores `words` in the scratch buffer for a helper.
    pub(super) fn store_scratch(&mut self, vm: &Vm, words: &[Val]) -> RecResult {
        if words.len() > SCRATCH_WORDS {
            return abort("too many values for the scratch buffer");
        }
        let scratch = self.b.kref(vm.jit.scratch.address());
        for (i, w) in words.iter().enumerate() {
            self.b.store_as(alias::SCRATCH, Op::StWord, *w, scratch, None, 8 * i as i32);
        }
        Ok(())
    }

    /// `BuildTuple` / `BuildList` through a helper.
    pub(super) fn build(
        &mut self,
        vm: &Vm,
        kind: HelperKind,
        start: Reg,
        count: u16,
    ) -> RecResult<Val> {
        let words: Vec<Val> = (0..count).map(|i| self.read(start + i)).collect();
        self.store_scratch(vm, &words)?;
        let n = self.b.kword(count as u64);
        self.call_helper(kind, &[n])
    }

    /// `t[i]` of a tuple built in this trace, `i` a constant in range: the
    /// item itself.
    fn built_tuple_item(&self, t: Val, (k, key): (Val, Value)) -> Option<Val> {
        let items = self.built_tuple_items(t)?;
        let index = key.as_small_int().filter(|_| self.is_constant(k))?;
        let index = if index < 0 { index + items.len() as i64 } else { index };
        items.get(usize::try_from(index).ok()?).copied()
    }

    /// `UnpackSequence`: tuples and lists of the right length inline, the
    /// rest through the interpreter's unpacking.
    pub(super) fn unpack(
        &mut self,
        vm: &Vm,
        w: Val,
        src: Value,
        start: Reg,
        count: u16,
    ) -> RecResult {
        if let Some((_, first, second)) = self.pair.take() {
            self.write(start, first);
            self.write(start + 1, second);
            return Ok(());
        }
        if let Some(items) = self.built_tuple_items(w).filter(|i| i.len() == count as usize) {
            for (i, item) in items.iter().copied().enumerate() {
                self.write(start + i as Reg, item);
            }
            return Ok(());
        }
        let types = vm.heap.types();
        let ty = vm.heap.type_obj(src).value();
        let seq = if ty == types.list && list_of(src).is_some() {
            Some(Seq::List)
        } else if ty == types.tuple && tuple_of(src).is_some() {
            Some(Seq::Tuple)
        } else {
            None
        };
        let len_now =
            list_of(src).map(|l| l.items.len()).or_else(|| tuple_of(src).map(|t| t.len()));
        if let (Some(seq), Some(n)) = (seq, len_now) {
            if n == count as usize {
                let p = self.guard_type(w, ty);
                let len_offset = if seq == Seq::List { LIST_LEN_OFFSET } else { TUPLE_LEN_OFFSET };
                let len = self.field(alias::SEQ_LEN, Op::LdI64, p, len_offset as i32);
                self.guard(Op::GuardEq, &[len], count as i64);
                let (items, offset) = match seq {
                    Seq::List => (
                        self.field(alias::LIST_ITEMS, Op::LdRef, p, LIST_ITEMS_PTR_OFFSET as i32),
                        0,
                    ),
                    Seq::Tuple => (p, TUPLE_ITEMS_OFFSET as i32),
                };
                for i in 0..count {
                    let v = self.field(alias::SEQ_ITEM, Op::LdWord, items, offset + 8 * i as i32);
                    self.write(start + i, v);
                }
                return Ok(());
            }
        }
        if count as usize > SCRATCH_WORDS {
            return abort("too many targets to unpack");
        }
        let n = self.b.kword(count as u64);
        self.call_helper(HelperKind::Unpack, &[w, n])?;
        for i in 0..count {
            let v = self.scratch_word(vm, i as usize);
            self.write(start + i, v);
        }
        Ok(())
    }

    /// Word `i` of the scratch buffer, where a helper left a result.
    pub(super) fn scratch_word(&mut self, vm: &Vm, i: usize) -> Val {
        let scratch = self.b.kref(vm.jit.scratch.address());
        self.field(alias::SCRATCH, Op::LdWord, scratch, 8 * i as i32)
    }
}
