//! The interpreter loop: runs one frame's instructions until it returns or
//! an exception leaves it. Each instruction reads and writes slots of the
//! frame's window of the value stack; the protocols behind the operations
//! (calls, attributes, operators, iteration) live in their own modules.

use super::code::CodeObj;
use super::frame::Frame;
use super::function::cell_of;
use super::generator::{GenStep, GeneratorObj};
use super::{PyResult, Vm};
use crate::bytecode::instr::{BinOp, CmpOp, UnaryOp};
use crate::bytecode::Instr;
use crate::object::list::list_of;
use crate::object::Gc;
use crate::object::{PyErr, Value};

/// How a frame stopped running: it returned, or (a generator's frame) it
/// suspended at a `yield`.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}

/// How an error reached the handler search: a fresh raise gets a
/// traceback entry for this frame; a re-raise already has one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Raised {
    Fresh,
    Reraise,
    /// `gen.throw()`: restored where the generator is suspended, with a
    /// traceback entry but no chaining (CPython's `_gen_throw`).
    Thrown,
}

impl Vm {
    /// Runs the frame on top of `self.frames` to completion.
    pub(crate) fn eval_frame(&mut self) -> PyResult {
        match self.run_frame(None, None)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => {
                Err(PyErr::system_error(&self.heap, "yield outside a generator frame"))
            }
        }
    }

    /// Runs the frame on top of `self.frames` from its saved pc until it
    /// returns or (for generator `gen`) yields. `resume_error` is raised at
    /// the suspension point first (`gen.throw`).
    pub(crate) fn run_frame(
        &mut self,
        resume_error: Option<PyErr>,
        gen: Option<Gc<GeneratorObj>>,
    ) -> PyResult<FrameExit> {
        let frame_index = self.frames.len() - 1;
        let code: Gc<CodeObj> = self.frames[frame_index].code;
        // Borrowed, not an `Rc` clone: the frame keeps the code alive.
        let unit = &*code.unit;
        let instrs = &unit.instrs[..];
        let base = self.frames[frame_index].base;
        let mut pc = self.frames[frame_index].pc as usize;
        if let Some(err) = resume_error {
            if let Some(exit) = self.throw_into_frame(frame_index, &code, gen, err, &mut pc)? {
                return Ok(exit);
            }
        }

        // Code that never gets a function trace (module and class bodies,
        // generators) is blacklisted from the start, as is a function
        // whose recordings kept aborting: one compare per call.
        if pc == 0
            && code.entry_counter.get() != crate::jit::BLACKLISTED
            && gen.is_none()
            && self.jit.options.enabled
        {
            match self.jit_enter(frame_index, &code) {
                Ok(resume) => pc = resume as usize,
                Err((err, at)) => {
                    // Raised by the function's trace at instruction `at`.
                    self.frames[frame_index].pc = at;
                    self.handle_error(frame_index, &code, err, Raised::Fresh, &mut pc)?;
                }
            }
        }

        macro_rules! r {
            ($reg:expr) => {
                self.stack[base + $reg as usize]
            };
        }
        macro_rules! set {
            ($reg:expr, $v:expr) => {{
                let v = $v;
                self.stack[base + $reg as usize] = v;
            }};
        }
        macro_rules! slots {
            ($start:expr, $count:expr) => {
                self.stack[base + $start as usize..base + $start as usize + $count as usize]
            };
        }

        loop {
            let instr = instrs[pc];
            self.frames[frame_index].pc = pc as u32;
            if self.jit.recording.is_some() {
                self.jit_record(frame_index, pc as u32, instr);
            }
            pc += 1;
            let step: PyResult<Option<Value>> = match instr {
                Instr::LoadConst { dst, idx } => {
                    set!(dst, code.const_value(idx));
                    Ok(None)
                }
                Instr::Move { dst, src } => {
                    set!(dst, r!(src));
                    Ok(None)
                }
                Instr::CheckBound { slot, name } => {
                    if r!(slot).is_empty() {
                        Err(self.unbound_local(code.name_value(name)))
                    } else {
                        Ok(None)
                    }
                }
                Instr::DeleteFast { slot, name } => {
                    if r!(slot).is_empty() {
                        Err(self.unbound_local(code.name_value(name)))
                    } else {
                        set!(slot, Value::EMPTY);
                        Ok(None)
                    }
                }
                Instr::LoadGlobal { dst, name, cache } => {
                    let globals = self.frames[frame_index].globals;
                    self.load_global(code, globals, name, cache).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::StoreGlobal { name, src } => {
                    let globals = self.frames[frame_index].globals;
                    self.dict_set_item(globals, code.name_value(name), r!(src)).map(|_| None)
                }
                Instr::DeleteGlobal { name } => {
                    let globals = self.frames[frame_index].globals;
                    let key = code.name_value(name);
                    match self.dict_del_item(globals, key) {
                        Ok(true) => Ok(None),
                        Ok(false) => Err(self.name_not_defined(key)),
                        Err(e) => Err(e),
                    }
                }
                Instr::LoadName { dst, name } => {
                    let frame = &self.frames[frame_index];
                    let (locals, globals) = (frame.locals, frame.globals);
                    self.load_name(locals, globals, code.name_value(name)).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::StoreName { name, src } => {
                    let locals = self.frames[frame_index].locals;
                    self.store_subscr_mapping(locals, code.name_value(name), r!(src)).map(|_| None)
                }
                Instr::DeleteName { name } => {
                    let locals = self.frames[frame_index].locals;
                    let key = code.name_value(name);
                    match self.delete_from_mapping(locals, key) {
                        Ok(true) => Ok(None),
                        Ok(false) => Err(self.name_not_defined(key)),
                        Err(e) => Err(e),
                    }
                }
                Instr::MakeCell { slot } => {
                    let cell = self.new_cell(r!(slot));
                    set!(slot, cell);
                    Ok(None)
                }
                Instr::LoadDeref { dst, cell, name } => {
                    let value = cell_of(r!(cell)).map_or(Value::EMPTY, |c| c.value.get());
                    if value.is_empty() {
                        Err(self.unbound_deref(&code, name))
                    } else {
                        set!(dst, value);
                        Ok(None)
                    }
                }
                Instr::StoreDeref { cell, src } => {
                    if let Some(c) = cell_of(r!(cell)) {
                        c.value.set(r!(src));
                    }
                    Ok(None)
                }
                Instr::DeleteDeref { cell, name } => match cell_of(r!(cell)) {
                    Some(c) if !c.value.get().is_empty() => {
                        c.value.set(Value::EMPTY);
                        Ok(None)
                    }
                    _ => Err(self.unbound_deref(&code, name)),
                },
                Instr::LoadClassDeref { dst, cell, name } => {
                    let locals = self.frames[frame_index].locals;
                    let key = code.name_value(name);
                    match self.mapping_lookup(locals, key) {
                        Ok(Some(v)) => {
                            set!(dst, v);
                            Ok(None)
                        }
                        Ok(None) => {
                            let value = cell_of(r!(cell)).map_or(Value::EMPTY, |c| c.value.get());
                            if value.is_empty() {
                                Err(self.unbound_deref(&code, name))
                            } else {
                                set!(dst, value);
                                Ok(None)
                            }
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::Binary { op, dst, a, b } => {
                    let (x, y) = (r!(a), r!(b));
                    match fast_binary(op, x, y) {
                        Some(v) => {
                            set!(dst, v);
                            Ok(None)
                        }
                        None => self.binary_op(op, x, y).map(|v| {
                            self.stack[base + dst as usize] = v;
                            None
                        }),
                    }
                }
                Instr::InplaceBinary { op, dst, a, b } => {
                    let (x, y) = (r!(a), r!(b));
                    match fast_binary(op, x, y) {
                        Some(v) => {
                            set!(dst, v);
                            Ok(None)
                        }
                        None => self.inplace_op(op, x, y).map(|v| {
                            self.stack[base + dst as usize] = v;
                            None
                        }),
                    }
                }
                Instr::Unary { op, dst, src } => {
                    let x = r!(src);
                    let result = match op {
                        UnaryOp::Not => self.is_true(x).map(|t| Value::from_bool(!t)),
                        _ => self.unary_op(op, x),
                    };
                    result.map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::Compare { op, dst, a, b } => {
                    let (x, y) = (r!(a), r!(b));
                    match fast_compare(op, x, y) {
                        Some(v) => {
                            set!(dst, Value::from_bool(v));
                            Ok(None)
                        }
                        None => self.compare_op(op, x, y).map(|v| {
                            self.stack[base + dst as usize] = v;
                            None
                        }),
                    }
                }
                Instr::Jump { target } => {
                    pc = target as usize;
                    Ok(None)
                }
                Instr::JumpIfTrue { cond, target } => match fast_truth(r!(cond)) {
                    Some(t) => {
                        if t {
                            pc = target as usize;
                        }
                        Ok(None)
                    }
                    None => self.is_true(r!(cond)).map(|t| {
                        if t {
                            pc = target as usize;
                        }
                        None
                    }),
                },
                Instr::JumpIfFalse { cond, target } => match fast_truth(r!(cond)) {
                    Some(t) => {
                        if !t {
                            pc = target as usize;
                        }
                        Ok(None)
                    }
                    None => self.is_true(r!(cond)).map(|t| {
                        if !t {
                            pc = target as usize;
                        }
                        None
                    }),
                },
                Instr::Loop { target, .. } => {
                    pc = target as usize;
                    self.safepoint();
                    if let Err(err) = self.check_signals() {
                        Err(err)
                    } else if self.jit.options.enabled {
                        match self.jit_loop(frame_index, &code, target) {
                            Ok(resume) => {
                                pc = resume as usize;
                                Ok(None)
                            }
                            Err((err, at)) => {
                                // Raised by a trace at instruction `at`.
                                self.frames[frame_index].pc = at;
                                Err(err)
                            }
                        }
                    } else {
                        Ok(None)
                    }
                }
                Instr::GetIter { dst, src } => self.get_iter(r!(src)).map(|v| {
                    self.stack[base + dst as usize] = v;
                    None
                }),
                Instr::ForIter { dst, iter, exit } => match self.iter_next(r!(iter)) {
                    Ok(Some(v)) => {
                        set!(dst, v);
                        Ok(None)
                    }
                    Ok(None) => {
                        pc = exit as usize;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                },
                Instr::Return { src } => Ok(Some(r!(src))),
                Instr::BuildTuple { dst, start, count } => {
                    let v = self.heap.new_tuple(&slots!(start, count));
                    set!(dst, v);
                    Ok(None)
                }
                Instr::BuildList { dst, start, count } => {
                    let v = self.heap.new_list(&slots!(start, count));
                    set!(dst, v);
                    Ok(None)
                }
                Instr::BuildSet { dst, start, count } => {
                    let items = slots!(start, count).to_vec();
                    self.new_set_from(&items).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::BuildMap { dst, start, count } => {
                    let items = slots!(start, 2 * count).to_vec();
                    self.new_dict_from_pairs(&items).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::BuildSlice { dst, start, count } => {
                    let step = if count == 3 { r!(start + 2) } else { Value::NONE };
                    let v = self.heap.new_slice(r!(start), r!(start + 1), step);
                    set!(dst, v);
                    Ok(None)
                }
                Instr::BuildString { dst, start, count } => {
                    let items = slots!(start, count).to_vec();
                    self.concat_strs(&items).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::FormatValue { dst, src, conv, spec } => {
                    let spec = spec.map(|s| r!(s));
                    self.format_value(r!(src), conv, spec).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::ListAppend { list, item } => {
                    self.list_append(r!(list), r!(item));
                    Ok(None)
                }
                Instr::SetAdd { set, item } => self.set_add(r!(set), r!(item)).map(|_| None),
                Instr::MapAdd { map, key, value } => {
                    self.dict_set_item(r!(map), r!(key), r!(value)).map(|_| None)
                }
                Instr::ListExtend { list, src } => {
                    self.list_extend(r!(list), r!(src)).map(|_| None)
                }
                Instr::ArgsExtend { list, src, func } => {
                    self.args_extend(r!(list), r!(src), r!(func)).map(|_| None)
                }
                Instr::SetUpdate { set, src } => self.set_update(r!(set), r!(src)).map(|_| None),
                Instr::DictUpdate { dict, src } => {
                    self.dict_update_display(r!(dict), r!(src)).map(|_| None)
                }
                Instr::DictMerge { dict, src, func } => {
                    self.dict_merge_kwargs(r!(dict), r!(src), r!(func)).map(|_| None)
                }
                Instr::ListToTuple { dst, src } => {
                    let mark = self.stack.len();
                    if let Some(list) = list_of(r!(src)) {
                        list.items.extend_into(&mut self.stack);
                    }
                    let v = self.heap.new_tuple(&self.stack[mark..]);
                    self.truncate_temps(mark);
                    set!(dst, v);
                    Ok(None)
                }
                Instr::UnpackSequence { src, start, count } => self
                    .unpack_into(r!(src), count as usize, None, base + start as usize)
                    .map(|_| None),
                Instr::UnpackEx { src, start, before, after } => {
                    let dst = base + start as usize;
                    self.unpack_into(r!(src), before as usize, Some(after as usize), dst)
                        .map(|_| None)
                }
                Instr::LoadAttr { dst, obj, name, cache } => {
                    self.load_attr_cached(code, r!(obj), name, cache).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::StoreAttr { obj, name, src, cache } => {
                    self.store_attr_cached(code, r!(obj), name, cache, r!(src)).map(|_| None)
                }
                Instr::DeleteAttr { obj, name } => {
                    self.del_attr(r!(obj), code.name_value(name)).map(|_| None)
                }
                Instr::LoadMethod { dst, obj, name, cache } => {
                    self.load_method_cached(code, r!(obj), name, cache).map(|(f, receiver)| {
                        self.stack[base + dst as usize] = f;
                        self.stack[base + dst as usize + 1] = receiver;
                        None
                    })
                }
                Instr::LoadSubscr { dst, obj, key } => match self.index_fast(r!(obj), r!(key)) {
                    Some(v) => {
                        set!(dst, v);
                        Ok(None)
                    }
                    None => self.get_item(r!(obj), r!(key)).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    }),
                },
                Instr::StoreSubscr { obj, key, src } => {
                    if self.store_index_fast(r!(obj), r!(key), r!(src)) {
                        Ok(None)
                    } else {
                        self.set_item(r!(obj), r!(key), r!(src)).map(|_| None)
                    }
                }
                Instr::DeleteSubscr { obj, key } => self.del_item(r!(obj), r!(key)).map(|_| None),
                Instr::Call { dst, func, argc } => {
                    let at = base + func as usize;
                    let r = self.call_at(at, argc as usize, &[]);
                    self.clear_call_run(at, 1 + argc as usize);
                    r.map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::CallKw { dst, func, argc, kwnames } => {
                    let names = self.kwnames(code.const_value(kwnames));
                    let at = base + func as usize;
                    let r = self.call_at(at, argc as usize, &names);
                    self.clear_call_run(at, 1 + argc as usize);
                    r.map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::CallMethod { dst, base: b, argc } => {
                    let at = base + b as usize;
                    let r = self.call_method_at(at, argc as usize, &[]);
                    self.clear_call_run(at, 2 + argc as usize);
                    r.map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::CallMethodKw { dst, base: b, argc, kwnames } => {
                    let names = self.kwnames(code.const_value(kwnames));
                    let at = base + b as usize;
                    let r = self.call_method_at(at, argc as usize, &names);
                    self.clear_call_run(at, 2 + argc as usize);
                    r.map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::CallEx { dst, func, args, kwargs } => {
                    let kwargs = kwargs.map(|k| r!(k));
                    self.call_ex(r!(func), r!(args), kwargs).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::MakeFunction { dst, code: idx, parts, start } => {
                    let globals = self.frames[frame_index].globals;
                    let run_start = base + start as usize;
                    self.make_function(code.const_value(idx), globals, parts, run_start).map(|f| {
                        self.stack[base + dst as usize] = f;
                        None
                    })
                }
                Instr::LoadBuildClass { dst } => {
                    let globals = self.frames[frame_index].globals;
                    self.load_build_class(globals).map(|v| {
                        set!(dst, v);
                        None
                    })
                }
                Instr::SetupAnnotations => {
                    let locals = self.frames[frame_index].locals;
                    self.setup_annotations(locals).map(|_| None)
                }
                Instr::Raise { exc, cause } => {
                    let exc = exc.map(|e| r!(e));
                    let cause = cause.map(|c| r!(c));
                    match self.do_raise(exc, cause) {
                        Ok(err) => {
                            let raised =
                                if exc.is_none() { Raised::Reraise } else { Raised::Fresh };
                            match self.handle_error(frame_index, &code, err, raised, &mut pc) {
                                Ok(()) => continue,
                                Err(e) => return Err(e),
                            }
                        }
                        Err(e) => Err(e),
                    }
                }
                Instr::Reraise { exc } => {
                    let err = PyErr::from_exception(r!(exc));
                    self.handle_error(frame_index, &code, err, Raised::Reraise, &mut pc)?;
                    continue;
                }
                Instr::EnterHandler { exc, saved } => {
                    set!(saved, self.handled);
                    self.handled = r!(exc);
                    Ok(None)
                }
                Instr::ExitHandler { saved } => {
                    self.handled = r!(saved);
                    Ok(None)
                }
                Instr::MatchException { dst, exc, typ } => {
                    self.exception_matches(r!(exc), r!(typ)).map(|m| {
                        self.stack[base + dst as usize] = Value::from_bool(m);
                        None
                    })
                }
                Instr::WithEnter { mgr, exit_dst, value_dst } => {
                    self.with_enter(r!(mgr)).map(|(exit, value)| {
                        self.stack[base + exit_dst as usize] = exit;
                        self.stack[base + value_dst as usize] = value;
                        None
                    })
                }
                Instr::WithExceptExit { dst, exit, exc } => {
                    self.with_except_exit(r!(exit), r!(exc)).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::ImportName { dst, name, fromlist, level } => {
                    let globals = self.frames[frame_index].globals;
                    self.import_name(code.name_value(name), globals, r!(fromlist), level).map(|m| {
                        self.stack[base + dst as usize] = m;
                        None
                    })
                }
                Instr::ImportFrom { dst, module, name } => {
                    self.import_from(r!(module), code.name_value(name)).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::ImportStar { module } => {
                    let locals = self.frames[frame_index].locals;
                    self.import_star(r!(module), locals).map(|_| None)
                }
                Instr::PrintExpr { src } => self.print_expr(r!(src)).map(|_| None),
                Instr::Yield { dst, src } => {
                    let Some(g) = gen else {
                        return Err(PyErr::system_error(&self.heap, "yield outside a generator"));
                    };
                    if self.jit.draining_frame == frame_index {
                        // `list(g)`, `set(g)`... drain this frame: the item
                        // joins those piled on the value stack (as a
                        // trace's `drain_push` does) and the frame goes on.
                        let item = r!(src);
                        self.stack.push(item);
                        set!(dst, Value::NONE);
                        continue;
                    }
                    self.frames[frame_index].pc = pc as u32;
                    g.resume_slot.set(Some(dst));
                    self.jit_leave_frame(frame_index);
                    return Ok(FrameExit::Yield(r!(src)));
                }
                Instr::YieldFrom { dst, iter, value } => {
                    let Some(g) = gen else {
                        return Err(PyErr::system_error(
                            &self.heap,
                            "yield from outside a generator",
                        ));
                    };
                    let delegate = r!(iter);
                    match self.delegate_send(delegate, r!(value)) {
                        Ok(GenStep::Yielded(v)) => {
                            self.frames[frame_index].pc = (pc - 1) as u32;
                            g.resume_slot.set(Some(value));
                            g.yield_from.set(delegate);
                            return Ok(FrameExit::Yield(v));
                        }
                        Ok(GenStep::Returned(v)) => {
                            g.yield_from.set(Value::NONE);
                            set!(dst, v);
                            Ok(None)
                        }
                        Err(e) => {
                            g.yield_from.set(Value::NONE);
                            Err(e)
                        }
                    }
                }
                Instr::GetYieldFromIter { dst, src } => {
                    // `types.coroutine` marks a generator's code as an
                    // iterable coroutine: it may delegate to coroutines.
                    let in_coroutine =
                        code.unit.flags.contains(crate::bytecode::CodeFlags::COROUTINE)
                            || code.iterable_coroutine.get();
                    self.get_yield_from_iter(r!(src), in_coroutine).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::GetAwaitable { dst, src, origin } => {
                    self.get_awaitable(r!(src), origin).map(|v| {
                        self.stack[base + dst as usize] = v;
                        None
                    })
                }
                Instr::GetAIter { dst, src } => self.get_aiter(r!(src)).map(|v| {
                    self.stack[base + dst as usize] = v;
                    None
                }),
                Instr::GetANext { dst, iter } => self.get_anext(r!(iter)).map(|v| {
                    self.stack[base + dst as usize] = v;
                    None
                }),
                Instr::MatchStopAsyncIteration { dst, exc } => {
                    let stop = self.heap.types().stop_async_iteration;
                    let m = self.heap.is_instance(r!(exc), stop);
                    set!(dst, Value::from_bool(m));
                    Ok(None)
                }
                Instr::AsyncWithEnter { mgr, exit_dst, value_dst } => {
                    self.async_with_enter(r!(mgr)).map(|(exit, value)| {
                        self.stack[base + exit_dst as usize] = exit;
                        self.stack[base + value_dst as usize] = value;
                        None
                    })
                }
            };
            match step {
                Ok(None) => {}
                Ok(Some(result)) => {
                    self.jit_leave_frame(frame_index);
                    return Ok(FrameExit::Return(result));
                }
                Err(err) => {
                    self.handle_error(frame_index, &code, err, Raised::Fresh, &mut pc)?;
                }
            }
        }
    }

    /// An exception at the current instruction: chain it to the one being
    /// handled, note this frame in its traceback, and go to the handler, or
    /// give it back when the frame has none.
    fn handle_error(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        err: PyErr,
        raised: Raised,
        pc: &mut usize,
    ) -> Result<(), PyErr> {
        self.jit_leave_frame(frame_index);
        let at = self.frames[frame_index].pc;
        if raised == Raised::Fresh && err.exception() != self.propagating {
            self.chain_context(err.exception());
        }
        if raised != Raised::Reraise {
            let globals = self.frames[frame_index].globals;
            self.add_traceback(err.exception(), code, at, globals);
        }
        match code.unit.handler_for(at) {
            Some(entry) => {
                self.propagating = Value::NONE;
                let base = self.frames[frame_index].base;
                self.stack[base + entry.exc as usize] = err.exception();
                *pc = entry.handler as usize;
                Ok(())
            }
            None => {
                self.propagating = err.exception();
                Err(err)
            }
        }
    }

    /// `gen.throw()`: raises `err` where the generator is suspended (or
    /// first in the delegate of a suspended `yield from`). `Some` when the
    /// delegate yielded again and the frame stays suspended.
    fn throw_into_frame(
        &mut self,
        frame_index: usize,
        code: &Gc<CodeObj>,
        gen: Option<Gc<GeneratorObj>>,
        err: PyErr,
        pc: &mut usize,
    ) -> PyResult<Option<FrameExit>> {
        let delegate = gen.map_or(Value::NONE, |g| g.yield_from.get());
        let mut err = err;
        if !delegate.is_none() {
            let g = gen.expect("a delegate implies a generator");
            let is_exit = err.matches(&self.heap, self.heap.types().generator_exit);
            let outcome = if is_exit {
                // close() closes the delegate, then raises in this frame.
                self.gen_close_delegate(delegate).map(|_| None)
            } else {
                self.delegate_throw(delegate, err)
            };
            match outcome {
                Ok(Some(GenStep::Yielded(v))) => return Ok(Some(FrameExit::Yield(v))),
                Ok(Some(GenStep::Returned(v))) => {
                    g.yield_from.set(Value::NONE);
                    if let crate::bytecode::Instr::YieldFrom { dst, .. } = code.unit.instrs[*pc] {
                        let base = self.frames[frame_index].base;
                        self.stack[base + dst as usize] = v;
                    }
                    *pc += 1;
                    return Ok(None);
                }
                Ok(None) => {}
                Err(e) => err = e,
            }
            g.yield_from.set(Value::NONE);
            self.frames[frame_index].pc = *pc as u32;
        } else {
            // Suspended after a `yield`: the error belongs to that instruction.
            self.frames[frame_index].pc = pc.saturating_sub(1) as u32;
        }
        self.handle_error(frame_index, code, err, Raised::Thrown, pc)?;
        Ok(None)
    }

    fn gen_close_delegate(&mut self, delegate: Value) -> PyResult<()> {
        let delegate = super::coro_wrapper::wrapped_coroutine(delegate).unwrap_or(delegate);
        if super::generator::generator_of(delegate).is_some() {
            return self.gen_close(delegate);
        }
        let close = self.heap.intern("close");
        if let Ok(m) = self.get_attr(delegate, close) {
            self.call(m, &[])?;
        }
        Ok(())
    }

    /// After a call: its callee and argument slots, temporaries the
    /// compiler never reads again, stop holding their values, so that an
    /// object passed to a call (`print(obj.m())`, `len([obj])`) is not
    /// kept alive by the caller's frame until the slots are reused.
    #[inline]
    fn clear_call_run(&mut self, at: usize, len: usize) {
        if let Some(run) = self.stack.get_mut(at..at + len) {
            run.fill(Value::NONE);
        }
    }

    fn unbound_deref(&self, code: &Gc<CodeObj>, name: u16) -> PyErr {
        let name_value = code.name_value(name);
        let text = crate::object::str::str_of(name_value)
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_cell = code.unit.cells.iter().any(|(n, _)| *n == text);
        if is_cell {
            self.unbound_local(name_value)
        } else {
            PyErr::name_error(
                &self.heap,
                &format!("free variable '{text}' referenced before assignment in enclosing scope"),
            )
        }
    }
}

/// Small-int and float arithmetic without leaving the loop.
#[inline(always)]
fn fast_binary(op: BinOp, x: Value, y: Value) -> Option<Value> {
    if let (Some(a), Some(b)) = (x.as_small_int(), y.as_small_int()) {
        let r = match op {
            BinOp::Add => a.checked_add(b)?,
            BinOp::Sub => a.checked_sub(b)?,
            BinOp::Mul => a.checked_mul(b)?,
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::FloorDiv if b != 0 => {
                a.div_euclid(b) - if (a.rem_euclid(b) != 0) && (b < 0) { 1 } else { 0 }
            }
            BinOp::Mod if b != 0 => {
                let m = a % b;
                if m != 0 && ((m < 0) != (b < 0)) {
                    m + b
                } else {
                    m
                }
            }
            _ => return None,
        };
        return Value::from_small_int(r);
    }
    if let (Some(a), Some(b)) = (x.as_f64(), y.as_f64()) {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv if b != 0.0 => a / b,
            _ => return None,
        };
        return Some(Value::from_f64(r));
    }
    None
}

#[inline(always)]
fn fast_compare(op: CmpOp, x: Value, y: Value) -> Option<bool> {
    if let (Some(a), Some(b)) = (x.as_small_int(), y.as_small_int()) {
        return Some(match op {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
            CmpOp::Is => x == y,
            CmpOp::IsNot => x != y,
            _ => return None,
        });
    }
    match op {
        CmpOp::Is => Some(x == y),
        CmpOp::IsNot => Some(x != y),
        _ => {
            let (a, b) = (x.as_f64()?, y.as_f64()?);
            Some(match op {
                CmpOp::Lt => a < b,
                CmpOp::Le => a <= b,
                CmpOp::Eq => a == b,
                CmpOp::Ne => a != b,
                CmpOp::Gt => a > b,
                CmpOp::Ge => a >= b,
                _ => return None,
            })
        }
    }
}

#[inline(always)]
fn fast_truth(v: Value) -> Option<bool> {
    if let Some(b) = v.as_bool() {
        return Some(b);
    }
    if v.is_none() {
        return Some(false);
    }
    if let Some(i) = v.as_small_int() {
        return Some(i != 0);
    }
    None
}

/// Frames are pushed by the caller before `eval_frame` runs.
pub(crate) fn frame_for(
    code: Gc<CodeObj>,
    base: usize,
    globals: Value,
    locals: Value,
    function: Value,
) -> Frame {
    Frame { code, base, pc: 0, globals, locals, function, frame_object: Value::NONE }
}
