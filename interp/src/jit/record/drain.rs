//! Generators drained by their consumer: `list(g)`, `tuple(g)`, `set(g)`
//! or `frozenset(g)` of a generator that has not started, most often a
//! generator expression made just before. Without this the consumer runs
//! through a helper, which resumes the generator's frame in the
//! interpreter, which enters the generator loop's own trace and leaves it
//! at the loop's end.
//!
//! Instead the generator's frame is followed into like an inlined call
//! (its loop unrolled, as for any inlined call with a loop), each `yield`
//! pushes the item onto the VM's value stack, and at the generator's
//! return the consumer takes the items from there
//! (`Vm::consume_drained`): these consumers take every item before they do
//! anything with one, and the interpreter's own drain
//! (`Vm::gen_drain_onto_stack`) piles the items up in the same way.
//!
//! The generator object learns only at the return that it ran (the trace
//! closes it). A trace exit inside its frame moves the items so far into
//! a list, hands the frame, as the snapshot has it, to the generator
//! object and lets the interpreter finish the drain (`Vm::enter_drain_at`).

use traces::{Op, Val};

use super::objects::address;
use super::{alias, RecFrame, RecResult, Recorder, MAX_INLINE_DEPTH};
use crate::bytecode::instr::Reg;
use crate::bytecode::CodeFlags;
use crate::jit::helpers::HelperKind;
use crate::object::value::NONE_BITS;
use crate::object::Value;
use crate::vm::generator::{
    generator_of, GenKind, GenState, GENERATOR_CODE_OFFSET, GENERATOR_SLOTS_OFFSET,
    GENERATOR_STATE_OFFSET,
};
use crate::vm::Vm;

/// What a frame being drained needs besides an inlined call's state.
#[derive(Clone, Copy)]
pub(super) struct Drain {
    /// The generator object.
    pub gen: Val,
    /// The value stack's height when the drain began (a small int): the
    /// items yielded so far are above it.
    pub start: Val,
    /// The type called with the generator (list, tuple, set, frozenset).
    pub consumer: Value,
}

impl Recorder {
    /// `dst = consumer(g)` for a consumer that takes every item of a
    /// generator `g` that has not started: follows `g`'s frame. False if
    /// the call is not like that (it is then recorded as any other).
    pub(super) fn drain_call(
        &mut self,
        vm: &Vm,
        dst: Reg,
        (w, consumer): (Val, Value),
        args: &[Reg],
    ) -> RecResult<bool> {
        let [arg] = *args else { return Ok(false) };
        let types = vm.heap.types();
        if ![types.list, types.tuple, types.set, types.frozenset].contains(&consumer) {
            return Ok(false);
        }
        let base = vm.frames.last().map_or(0, |f| f.base);
        let Some(gen) = generator_of(vm.stack[base + arg as usize]) else { return Ok(false) };
        let code = gen.code;
        let drainable = gen.kind == GenKind::Generator
            && gen.state.get() == GenState::Created
            && !code.unit.flags.intersects(CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
            && self.depth() < MAX_INLINE_DEPTH
            && !self.follows(&code)
            && !(super::has_loop(&code)
                && vm.jit.not_unrolled.contains(&crate::jit::code_key(&code)));
        if !drainable {
            return Ok(false);
        }
        if super::has_loop(&code) {
            self.unrolled.push(code);
        }
        self.guard_identity(w, consumer);
        let g = self.read(arg);
        let p = self.guard_type(g, types.generator);
        let running = self.field(alias::GEN_CODE, Op::LdI64, p, GENERATOR_CODE_OFFSET as i32);
        self.guard(Op::GuardEq, &[running], address(code.value()) as i64);
        let state = self.field(alias::GEN_STATE, Op::LdU8, p, GENERATOR_STATE_OFFSET as i32);
        self.guard(Op::GuardEq, &[state], GenState::Created as i64);
        // A generator that has not started has the same slots bound each
        // time (its arguments and free variables): the others stay empty.
        let mut slots = traces::hash::WordMap::default();
        for i in 0..code.unit.slot_count as usize {
            if gen.saved_slot(i).is_some_and(|v| !v.is_empty()) {
                let offset = (GENERATOR_SLOTS_OFFSET + 8 * i) as i32;
                let v = self.field(alias::GEN_SLOT, Op::LdWord, p, offset);
                slots.insert(i as Reg, v);
            }
        }
        let start = self.call_helper(HelperKind::DrainBegin, &[])?;
        self.roots.push(code.value());
        self.frames.push(RecFrame {
            code,
            function: gen.function,
            globals: gen.globals,
            slots,
            pc: gen.pc.get(),
            ret_dst: dst,
            init_self: None,
            drain: Some(Drain { gen: g, start, consumer }),
        });
        Ok(true)
    }

    /// `dst = yield src` in a frame being drained: the item is pushed.
    pub(super) fn drain_yield(&mut self, dst: Reg, src: Reg) -> RecResult {
        let v = self.read(src);
        self.call_helper(HelperKind::DrainItem, &[v])?;
        let none = self.b.kword(NONE_BITS);
        self.write(dst, none);
        Ok(())
    }

    /// The return of a frame being drained (popped already): the
    /// generator is closed, and the caller gets what the consumer makes
    /// of the items.
    pub(super) fn drain_return(&mut self, drain: Drain) -> RecResult<Val> {
        let p = self.ptr_of(drain.gen);
        let closed = self.b.kint(GenState::Closed as i64);
        self.b.store_as(alias::GEN_STATE, Op::StU8, closed, p, None, GENERATOR_STATE_OFFSET as i32);
        let consumer = self.constant(drain.consumer);
        let r = self.call_helper(HelperKind::DrainEnd, &[consumer, drain.start])?;
        self.known_type(r, drain.consumer);
        Ok(r)
    }
}
