//! Generators and coroutines: a frame that lives on the heap between
//! resumptions. Resuming copies its slots onto the value stack, runs the
//! frame until it yields, returns or raises, and copies the slots back.
//!
//! `yield from` and `await` are one instruction (`YieldFrom`) that sends
//! into the delegate and suspends the frame *at* that instruction while
//! the delegate yields, so a resumption goes straight back to it.

use std::cell::Cell;

use super::code::CodeObj;
use super::eval::{frame_for, FrameExit};
use super::frame::Frame;
use super::function::FunctionObj;
use super::{PyResult, Vm};
use crate::bytecode::instr::AwaitOrigin;
use crate::bytecode::instr::Reg;
use crate::bytecode::CodeFlags;
use crate::object::exception::exception_of;
use crate::object::header::tail_of;
use crate::object::{Gc, ObjKind, Payload, PyErr, Tracer, Value};

/// One byte, so that compiled code can test and set it (see
/// [`GENERATOR_STATE_OFFSET`]).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenState {
    Created = 0,
    Suspended = 1,
    Running = 2,
    Closed = 3,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct GeneratorObj {
    pub code: Gc<CodeObj>,
    pub globals: Value,
    /// The locals mapping of a coroutine made from module code compiled
    /// with `PyCF_ALLOW_TOP_LEVEL_AWAIT`; None for a function's frame.
    pub locals: Value,
    pub function: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub kind: GenKind,
    pub state: Cell<GenState>,
    /// Slots of the frame, kept inline after the object (see
    /// [`GeneratorObj::saved_slots`]), so a generator is one allocation.
    slot_count: usize,
    /// Where to resume.
    pub pc: Cell<u32>,
    /// The slot that receives the value sent in on resumption.
    pub resume_slot: Cell<Option<Reg>>,
    /// The delegate of a suspended `yield from`/`await`, or None.
    pub yield_from: Cell<Value>,
    /// The exception the generator was handling when it suspended.
    pub handled: Cell<Value>,
    /// Async generators only: `vm::async_generator`'s state bits.
    pub async_flags: Cell<u8>,
    /// The generator's frame object once Python code has asked for it
    /// (`gi_frame`, or `sys._getframe()` inside), else None: one object
    /// for the generator's whole life, as CPython's frame is.
    pub frame_object: Cell<Value>,
    /// Coroutines only: `cr_origin`, the `(filename, line, function)` of
    /// the frames that made it when origin tracking was on, else None.
    pub origin: Cell<Value>,
}

// SAFETY: traces its code, namespaces, saved slots and delegate.
unsafe impl Payload for GeneratorObj {
    const KIND: ObjKind = ObjKind::Generator;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_gc(self.code);
        tracer.mark_all(&[
            self.globals,
            self.locals,
            self.function,
            self.name.get(),
            self.qualname.get(),
            self.yield_from.get(),
            self.handled.get(),
            self.frame_object.get(),
            self.origin.get(),
        ]);
        for slot in self.saved_slots() {
            tracer.mark(slot.get());
        }
    }
    fn tail_len(&self) -> usize {
        self.slot_count
    }
}

/// Where compiled code finds a generator's [`GenState`] byte: a trace that
/// drains a generator checks that it has not started, and closes it.
pub const GENERATOR_STATE_OFFSET: usize =
    std::mem::offset_of!(crate::object::header::HeapObj<GeneratorObj>, payload)
        + std::mem::offset_of!(GeneratorObj, state);

/// Where compiled code finds the code a generator runs.
pub const GENERATOR_CODE_OFFSET: usize =
    std::mem::offset_of!(crate::object::header::HeapObj<GeneratorObj>, payload)
        + std::mem::offset_of!(GeneratorObj, code);

/// Where compiled code finds slot 0 of a generator's saved frame (slot `i`
/// is 8 bytes further each): the tail after the object, as [`tail_of`]
/// lays it out.
pub const GENERATOR_SLOTS_OFFSET: usize =
    std::mem::size_of::<crate::object::header::HeapObj<GeneratorObj>>().next_multiple_of(8);

impl GeneratorObj {
    /// The frame's slots while suspended.
    /// Slot `i` of the frame as saved at the last suspension.
    pub fn saved_slot(&self, i: usize) -> Option<Value> {
        self.saved_slots().get(i).map(Cell::get)
    }

    fn saved_slots(&self) -> &[Cell<Value>] {
        // SAFETY: generators are only made by `Vm::new_generator`, with a
        // tail of `slot_count` values; `Cell<Value>` has the layout of
        // `Value`, and the tail is only reached through this shared view.
        unsafe { tail_of(self, self.slot_count) }
    }
}

pub fn generator_of(v: Value) -> Option<Gc<GeneratorObj>> {
    Gc::<GeneratorObj>::from_value(v)
}

/// What one resumption of a generator did.
pub enum GenStep {
    Yielded(Value),
    Returned(Value),
}

impl GenStep {
    /// What `gen.send()`/`__next__` give: the yielded value, or
    /// StopIteration carrying the return value (bare when it is None).
    pub fn into_result(self, vm: &Vm) -> PyResult {
        match self {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) if v.is_none() => {
                Err(PyErr::with_args(&vm.heap, vm.heap.types().stop_iteration, &[]))
            }
            GenStep::Returned(v) => Err(PyErr::stop_iteration(&vm.heap, v)),
        }
    }
}

impl Vm {
    /// Calling a generator function: the bound slots become a suspended frame.
    pub fn new_generator(&mut self, func: Gc<FunctionObj>, base: usize) -> Value {
        let names = (func.name.get(), func.qualname.get());
        let frame = frame_for(func.code(), base, func.globals, Value::NONE, func.value());
        self.new_suspended_frame(&frame, names)
    }

    /// `exec`/`eval` of code that suspends: module code compiled with
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT` that awaits (its code has CO_COROUTINE),
    /// or a generator function's code. Its coroutine or generator, named
    /// after the code, over the namespaces given.
    pub fn new_code_coroutine(
        &mut self,
        code: Gc<CodeObj>,
        globals: Value,
        locals: Value,
    ) -> Value {
        let name = self.heap.new_str(&code.unit.name);
        let mark = self.push_temp(name);
        let qualname = self.heap.new_str(&code.unit.qualname);
        self.push_temp(qualname);
        let base = self.stack.len();
        self.stack.resize(base + code.unit.slot_count as usize, Value::EMPTY);
        let frame = frame_for(code, base, globals, locals, Value::NONE);
        let coroutine = self.new_suspended_frame(&frame, (name, qualname));
        self.truncate_temps(mark);
        coroutine
    }

    /// A generator, coroutine or async generator (as its code's flags
    /// say) holding `frame`'s slots (the top of the stack), not started.
    fn new_suspended_frame(&mut self, frame: &Frame, (name, qualname): (Value, Value)) -> Value {
        let (code, base) = (frame.code, frame.base);
        let unit = &code.unit;
        let kind = if unit.flags.contains(CodeFlags::COROUTINE) {
            GenKind::Coroutine
        } else if unit.flags.contains(CodeFlags::ASYNC_GENERATOR) {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let t = self.heap.types();
        let ty = match kind {
            GenKind::Generator => t.generator,
            GenKind::Coroutine => t.coroutine,
            GenKind::AsyncGenerator => t.async_generator,
        };
        let gen = GeneratorObj {
            code,
            globals: frame.globals,
            locals: frame.locals,
            function: frame.function,
            name: Cell::new(name),
            qualname: Cell::new(qualname),
            kind,
            state: Cell::new(GenState::Created),
            slot_count: self.stack.len() - base,
            pc: Cell::new(0),
            resume_slot: Cell::new(None),
            yield_from: Cell::new(Value::NONE),
            handled: Cell::new(Value::NONE),
            async_flags: Cell::new(0),
            frame_object: Cell::new(Value::NONE),
            origin: Cell::new(Value::NONE),
        };
        let g = self.heap.alloc_with_tail(ty, gen, &self.stack[base..]);
        if kind == GenKind::Coroutine && self.coroutine_origin_depth > 0 {
            let origin = self.with_temp(g.value(), Vm::coroutine_origin);
            g.origin.set(origin);
        }
        g.value()
    }

    /// CPython's `compute_cr_origin`: `(filename, line, function)` of the
    /// innermost `coroutine_origin_depth` frames, innermost first.
    fn coroutine_origin(&mut self) -> Value {
        let depth = self.coroutine_origin_depth;
        let mut entries = Vec::new();
        let mark = self.stack.len();
        for i in (0..self.frames.len()).rev().take(depth) {
            let frame = &self.frames[i];
            let unit = &frame.code.unit;
            let (file, line, name) =
                (unit.filename.clone(), unit.line_of(frame.pc), unit.name.clone());
            let file = self.heap.new_str(&file);
            self.push_temp(file);
            let name = self.heap.new_str(&name);
            self.push_temp(name);
            let line = Value::from_small_int(i64::from(line)).unwrap_or(Value::NONE);
            let entry = self.heap.new_tuple(&[file, line, name]);
            self.push_temp(entry);
            entries.push(entry);
        }
        let origin = self.heap.new_tuple(&entries);
        self.truncate_temps(mark);
        origin
    }

    fn gen_kind_name(gen: &GeneratorObj) -> &'static str {
        match gen.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// Resumes `gen`, sending `value` in, or raising `error` at the point
    /// where it is suspended.
    pub fn gen_resume(
        &mut self,
        gen_value: Value,
        value: Value,
        error: Option<PyErr>,
    ) -> PyResult<GenStep> {
        let Some(gen) = generator_of(gen_value) else {
            return Err(self.type_error("expected a generator"));
        };
        match gen.state.get() {
            GenState::Running => {
                let what = Self::gen_kind_name(&gen);
                return Err(self.value_error(&format!("{what} already executing")));
            }
            GenState::Closed => {
                // A finished coroutine refuses `throw` too (CPython's
                // gen_send_ex); `close` of one never comes here.
                if gen.kind == GenKind::Coroutine {
                    return Err(PyErr::runtime_error(
                        &self.heap,
                        "cannot reuse already awaited coroutine",
                    ));
                }
                return match error {
                    Some(e) => Err(e),
                    None => Ok(GenStep::Returned(Value::NONE)),
                };
            }
            GenState::Created if error.is_none() && !value.is_none() => {
                let what = Self::gen_kind_name(&gen);
                return Err(
                    self.type_error(&format!("can't send non-None value to a just-started {what}"))
                );
            }
            GenState::Created if error.is_some() => {
                // Throwing into an unstarted generator closes it first.
                gen.state.set(GenState::Closed);
                return Err(error.expect("checked above"));
            }
            _ => {}
        }
        let sent = if error.is_none() { Some(value) } else { None };
        let outer_handled = self.enter_gen_frame(gen, sent)?;
        let base = self.frames.last().expect("the generator's frame").base;
        let mark = self.push_temp(gen_value);
        let result = self.run_frame(error, Some(gen));
        self.truncate_temps(mark);
        let frame = self.leave_gen_frame(gen, outer_handled);
        match result {
            Ok(FrameExit::Yield(v)) => {
                for (saved, &v) in gen.saved_slots().iter().zip(&self.stack[base..]) {
                    saved.set(v);
                }
                gen.pc.set(frame.pc);
                gen.state.set(GenState::Suspended);
                self.stack.truncate(base);
                Ok(GenStep::Yielded(v))
            }
            Ok(FrameExit::Return(v)) => {
                self.close_generator(gen);
                self.stack.truncate(base);
                Ok(GenStep::Returned(v))
            }
            Err(e) => {
                self.close_generator(gen);
                self.stack.truncate(base);
                Err(self.pep479(gen, e))
            }
        }
    }

    /// Puts the frame of suspended (or new) `gen` on top of the value and
    /// frame stacks, `sent` in the slot its `yield` gives (when resumed
    /// by a send), and marks it running; returns the exception that was
    /// being handled outside, for [`Vm::leave_gen_frame`].
    fn enter_gen_frame(&mut self, gen: Gc<GeneratorObj>, sent: Option<Value>) -> PyResult<Value> {
        if self.depth >= self.recursion_limit {
            return Err(PyErr::recursion_error(&self.heap, "maximum recursion depth exceeded"));
        }
        let base = self.stack.len();
        self.stack.extend(gen.saved_slots().iter().map(Cell::get));
        if let (GenState::Suspended, Some(value)) = (gen.state.get(), sent) {
            if let Some(slot) = gen.resume_slot.get() {
                self.stack[base + slot as usize] = value;
            }
        }
        let mut frame = frame_for(gen.code, base, gen.globals, gen.locals, gen.function);
        frame.pc = gen.pc.get();
        // `sys._getframe()` inside is the generator's `gi_frame`.
        frame.frame_object = gen.frame_object.get();
        self.frames.push(frame);
        gen.state.set(GenState::Running);
        // The generator handles its own exception (None when it handles
        // nothing); its caller's stays visible through `outer_handled`.
        let outer_handled = self.handled;
        self.outer_handled.push(outer_handled);
        self.handled = gen.handled.get();
        self.depth += 1;
        Ok(outer_handled)
    }

    /// Pops the frame [`Vm::enter_gen_frame`] pushed (its slots stay on
    /// the value stack) and keeps the exception it was handling.
    fn leave_gen_frame(&mut self, gen: Gc<GeneratorObj>, outer_handled: Value) -> Frame {
        self.depth -= 1;
        let frame = self.pop_frame().expect("the generator's frame");
        if let Some(info) = Gc::<super::exceptions::FrameInfoObj>::from_value(frame.frame_object) {
            // A frame object taken inside the generator (`sys._getframe()`)
            // follows it from now on, as its `gi_frame` does.
            if gen.state.get() != GenState::Closed {
                info.generator.set(gen.value());
            }
            gen.frame_object.set(frame.frame_object);
        }
        gen.handled.set(self.handled);
        self.outer_handled.pop();
        self.handled = outer_handled;
        frame
    }

    /// Runs generator `gen_value` to its end for a consumer that wants
    /// every item (`list(g)`, `tuple(g)`, `set(g)`, `f(*g)`), pushing the
    /// items on the value stack. The frame stays on the stack from one
    /// `yield` to the next instead of being copied out and in for each
    /// item; the items pile up above it and move down at the end.
    /// `None` when `gen_value` is no generator that could be resumed now
    /// (the caller iterates the usual way, which raises what it must).
    pub(crate) fn gen_drain_onto_stack(&mut self, gen_value: Value) -> Option<PyResult<()>> {
        let gen = generator_of(gen_value).filter(|g| {
            g.kind == GenKind::Generator
                && matches!(g.state.get(), GenState::Created | GenState::Suspended)
        })?;
        let mark = self.push_temp(gen_value);
        let outer_handled = match self.enter_gen_frame(gen, Some(Value::NONE)) {
            Ok(h) => h,
            Err(e) => {
                self.truncate_temps(mark);
                return Some(Err(e));
            }
        };
        Some(self.finish_drain(gen, outer_handled, None, mark))
    }

    /// What `consumer` (list, tuple, set or frozenset) makes of the items a
    /// drain left on the value stack from `start` up, which leave it.
    pub(crate) fn consume_drained(&mut self, consumer: Value, start: usize) -> PyResult {
        let start = start.min(self.stack.len());
        let types = self.heap.types();
        let (list, tuple) = (types.list, types.tuple);
        if consumer == types.set {
            return self.new_set_from_stack(start);
        }
        let items = &self.stack[start..];
        let made =
            if consumer == tuple { self.heap.new_tuple(items) } else { self.heap.new_list(items) };
        self.truncate_temps(start);
        if consumer == list || consumer == tuple {
            return Ok(made);
        }
        self.call(consumer, &[made])
    }

    /// Runs the frame of `gen` (entered, on top of the frame stack) to its
    /// end for a consumer that wants every item, raising `raise` in it
    /// first if given: its items pile up on the value stack above it.
    fn run_drained(&mut self, gen: Gc<GeneratorObj>, mut raise: Option<PyErr>) -> PyResult<()> {
        let base = self.frames.last().expect("the generator's frame").base;
        let outer_drain = std::mem::replace(&mut self.jit.draining_frame, self.frames.len() - 1);
        let result = loop {
            match self.run_frame(raise.take(), Some(gen)) {
                Ok(FrameExit::Yield(v)) => {
                    self.stack.push(v);
                    if let Some(slot) = gen.resume_slot.get() {
                        self.stack[base + slot as usize] = Value::NONE;
                    }
                }
                Ok(FrameExit::Return(_)) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.jit.draining_frame = outer_drain;
        result
    }

    /// For a trace exit inside a generator that the trace was draining
    /// (and had not started, as far as the generator object knows): its
    /// frame as the trace left it, `slots` set and resuming at `pc`,
    /// entered on top of the frame stack. The exception handled outside,
    /// for [`Vm::finish_drain`].
    pub(crate) fn enter_drain_at(
        &mut self,
        gen: Gc<GeneratorObj>,
        pc: u32,
        slots: &[(u32, Value)],
    ) -> PyResult<Value> {
        for &(slot, v) in slots {
            if let Some(cell) = gen.saved_slots().get(slot as usize) {
                cell.set(v);
            }
        }
        gen.pc.set(pc);
        gen.resume_slot.set(None);
        gen.state.set(GenState::Suspended);
        self.enter_gen_frame(gen, None)
    }

    /// Runs the entered frame of `gen` to its end (raising `raise` in it
    /// first if given) and leaves it, closing the generator: its items move
    /// down to stack index `to` (at or below the frame's slots), where the
    /// stack then ends. On error the stack ends at `to`.
    pub(crate) fn finish_drain(
        &mut self,
        gen: Gc<GeneratorObj>,
        outer_handled: Value,
        raise: Option<PyErr>,
        to: usize,
    ) -> PyResult<()> {
        let items = self.stack.len();
        let result = self.run_drained(gen, raise);
        self.leave_gen_frame(gen, outer_handled);
        self.close_generator(gen);
        match result {
            Ok(()) => {
                let count = self.stack.len() - items;
                self.stack.copy_within(items.., to);
                self.stack.truncate(to + count);
                Ok(())
            }
            Err(e) => {
                self.truncate_temps(to);
                Err(self.pep479(gen, e))
            }
        }
    }

    /// Leaves the frame [`Vm::enter_drain_at`] entered without running it
    /// (its caller could not be rebuilt): the generator is closed.
    pub(crate) fn leave_drain_frame(&mut self, gen: Gc<GeneratorObj>, outer_handled: Value) {
        self.leave_gen_frame(gen, outer_handled);
        self.close_generator(gen);
    }

    /// A generator that returned or raised: it lets go of what its frame
    /// held and never runs again.
    fn close_generator(&mut self, gen: Gc<GeneratorObj>) {
        gen.state.set(GenState::Closed);
        for slot in gen.saved_slots() {
            slot.set(Value::NONE);
        }
        gen.yield_from.set(Value::NONE);
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn pep479(&mut self, gen: Gc<GeneratorObj>, e: PyErr) -> PyErr {
        let types = self.heap.types();
        let (stop, stop_async) = (types.stop_iteration, types.stop_async_iteration);
        let msg = if e.matches(&self.heap, stop) {
            Some(format!("{} raised StopIteration", Self::gen_kind_name(&gen)))
        } else if gen.kind == GenKind::AsyncGenerator && e.matches(&self.heap, stop_async) {
            Some("async generator raised StopAsyncIteration".to_string())
        } else {
            None
        };
        match msg {
            Some(m) => PyErr::runtime_error(&self.heap, &m).caused_by(&e),
            None => e,
        }
    }

    /// `next(gen)`: `None` when it returns.
    /// Is `v` a generator (not a coroutine or async generator)?
    pub fn is_generator(&self, v: Value) -> bool {
        generator_of(v).is_some_and(|g| g.kind == GenKind::Generator)
    }

    pub fn gen_next(&mut self, gen: Value) -> PyResult<Option<Value>> {
        match self.gen_resume(gen, Value::NONE, None)? {
            GenStep::Yielded(v) => Ok(Some(v)),
            GenStep::Returned(_) => Ok(None),
        }
    }

    /// One step of `yield from`/`await` over `delegate`, sending `value`.
    pub fn delegate_send(&mut self, delegate: Value, value: Value) -> PyResult<GenStep> {
        let delegate = super::coro_wrapper::wrapped_coroutine(delegate).unwrap_or(delegate);
        if generator_of(delegate).is_some() {
            return self.gen_resume(delegate, value, None);
        }
        if let Some(step) = self.async_gen_awaitable_step(delegate, value) {
            return step;
        }
        let r = if value.is_none() {
            let next = self.names.dunder_next;
            match self.heap.lookup_in_type_of(delegate, next) {
                Some(m) => self.call_method_value(m, delegate, &[]),
                None => {
                    return Err(self.type_error(&format!(
                        "'{}' object is not an iterator",
                        self.type_name(delegate)
                    )))
                }
            }
        } else {
            self.call_method_by_name(delegate, "send", &[value])
        };
        match r {
            Ok(v) => Ok(GenStep::Yielded(v)),
            Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => {
                Ok(GenStep::Returned(self.stop_iteration_value(e)))
            }
            Err(e) => Err(e),
        }
    }

    /// The `value` of a StopIteration.
    pub fn stop_iteration_value(&mut self, e: PyErr) -> Value {
        let exc = e.exception();
        if let Some(attrs) = self.heap.attrs_of(exc, false) {
            if let Some(v) = attrs.get(self.names.value) {
                return v;
            }
        }
        exception_of(exc).and_then(|x| x.args().first().copied()).unwrap_or(Value::NONE)
    }

    /// `gen.throw(exc)` while suspended in `yield from`: the delegate gets
    /// it first. `Ok(None)` means the delegate is not a generator-like
    /// object with `throw`, so the exception goes into the frame itself.
    pub fn delegate_throw(&mut self, delegate: Value, err: PyErr) -> PyResult<Option<GenStep>> {
        let delegate = super::coro_wrapper::wrapped_coroutine(delegate).unwrap_or(delegate);
        if generator_of(delegate).is_some() {
            return self.gen_resume(delegate, Value::NONE, Some(err)).map(Some);
        }
        let throw = self.heap.intern("throw");
        match self.get_attr(delegate, throw) {
            Ok(m) => {
                let exc = err.exception();
                match self.call(m, &[exc]) {
                    Ok(v) => Ok(Some(GenStep::Yielded(v))),
                    Err(e) if e.matches(&self.heap, self.heap.types().stop_iteration) => {
                        Ok(Some(GenStep::Returned(self.stop_iteration_value(e))))
                    }
                    Err(e) => Err(e),
                }
            }
            Err(_) => Ok(None),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen_value: Value) -> PyResult<()> {
        let Some(gen) = generator_of(gen_value) else { return Ok(()) };
        if matches!(gen.state.get(), GenState::Closed | GenState::Created) {
            gen.state.set(GenState::Closed);
            return Ok(());
        }
        let exit = PyErr::with_args(&self.heap, self.heap.types().generator_exit, &[]);
        match self.gen_resume(gen_value, Value::NONE, Some(exit)) {
            Ok(GenStep::Yielded(_)) => {
                let what = Self::gen_kind_name(&gen);
                Err(PyErr::runtime_error(&self.heap, &format!("{what} ignored GeneratorExit")))
            }
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e)
                if e.matches(&self.heap, self.heap.types().generator_exit)
                    || e.matches(&self.heap, self.heap.types().stop_iteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// `gen.throw(type[, value[, tb]])`.
    pub fn gen_throw(&mut self, gen: Value, args: &[Value]) -> PyResult {
        let Some(&typ) = args.first() else {
            return Err(self.type_error("throw expected at least 1 argument, got 0"));
        };
        let value = args.get(1).copied().unwrap_or(Value::NONE);
        let exc = if exception_of(typ).is_some() {
            if !value.is_none() {
                return Err(self.type_error("instance exception may not have a separate value"));
            }
            typ
        } else if value.is_none() {
            self.make_exception(
                typ,
                "exceptions must be classes or instances deriving from BaseException, not type",
            )?
        } else if exception_of(value).is_some() && self.heap.is_instance(value, typ) {
            value
        } else {
            let args = match crate::object::tuple::tuple_of(value) {
                Some(t) => t.items().to_vec(),
                None => vec![value],
            };
            let e = self.call(typ, &args)?;
            if exception_of(e).is_none() {
                return Err(self.type_error("exceptions must derive from BaseException"));
            }
            e
        };
        if let (Some(&tb), Some(e)) = (args.get(2), exception_of(exc)) {
            if !tb.is_none() {
                e.traceback.set(tb);
            }
        }
        match self.gen_resume(gen, Value::NONE, Some(PyErr::from_exception(exc)))? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(PyErr::stop_iteration(&self.heap, v)),
        }
    }

    /// `GetYieldFromIter`.
    pub fn get_yield_from_iter(&mut self, src: Value, in_coroutine: bool) -> PyResult {
        if let Some(g) = generator_of(src) {
            if g.kind == GenKind::Coroutine && !in_coroutine {
                return Err(self.type_error(
                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                ));
            }
            return Ok(src);
        }
        self.get_iter(src)
    }

    /// `GetAwaitable`: the iterator `await src` drives.
    pub fn get_awaitable(&mut self, src: Value, origin: AwaitOrigin) -> PyResult {
        if let Some(g) = generator_of(src) {
            if g.kind == GenKind::Generator && g.code.iterable_coroutine.get() {
                return Ok(src);
            }
            if g.kind == GenKind::Coroutine {
                if !g.yield_from.get().is_none() {
                    return Err(PyErr::runtime_error(
                        &self.heap,
                        "coroutine is being awaited already",
                    ));
                }
                return Ok(src);
            }
        }
        let name = self.heap.intern("__await__");
        let Some(m) = self.heap.lookup_in_type_of(src, name) else {
            let name = self.type_name(src);
            return Err(self.type_error(&match origin {
                AwaitOrigin::Await => format!("object {name} can't be used in 'await' expression"),
                AwaitOrigin::AsyncEnter => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {name}"
                ),
                AwaitOrigin::AsyncExit => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {name}"
                ),
            }));
        };
        let it = self.call_method_value(m, src, &[])?;
        if generator_of(it).is_some_and(|g| g.kind == GenKind::Coroutine) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(it) {
            return Err(self.type_error(&format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(it)
            )));
        }
        Ok(it)
    }
}
