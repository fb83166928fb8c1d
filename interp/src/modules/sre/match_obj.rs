//! `re.Match`: groups by number or name, spans, `expand`, and the
//! attributes (`pos`, `endpos`, `lastindex`, `lastgroup`, `re`, `string`,
//! `regs`).

use super::object::{match_data, pattern_data, MatchData, SreObj};
use super::subject::Subject;
use super::template;
use crate::builtins::str_methods::keyword_args;
use crate::builtins::{arg_range, method_one_arg};
use crate::object::bytes::{bytearray_of, bytes_of};
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, PyErr, Value};
use crate::vm::{PyResult, Vm};

fn with_match<R>(vm: &Vm, this: Value, f: impl FnOnce(&MatchData) -> R) -> PyResult<R> {
    let obj = Gc::<SreObj>::from_value(this);
    Ok(f(match_data(vm, &obj, this)?))
}

/// Characters `a..b` of the matched string.
fn slice_of(vm: &mut Vm, string: Value, a: usize, b: usize) -> PyResult {
    if let Some(s) = str_of(string) {
        return Ok(vm.heap.new_str_part(&s, s.slice_chars(a, b)));
    }
    let piece =
        |data: &[u8]| data[a.min(data.len())..b.min(data.len()).max(a.min(data.len()))].to_vec();
    if let Some(bs) = bytes_of(string) {
        return Ok(vm.heap.new_bytes(&piece(bs.as_bytes())));
    }
    if let Some(ba) = bytearray_of(string) {
        let data = piece(&ba.data.borrow());
        return Ok(vm.heap.new_bytes(&data));
    }
    // Other buffers (memoryview, array) give bytes, as CPython's getslice.
    Ok(match crate::modules::buffer::buffer_bytes(vm, string)? {
        Some(data) => vm.heap.new_bytes(&piece(&data)),
        None => Value::NONE,
    })
}

/// `match_getindex`: a group number from an int or a group name.
fn group_index(vm: &mut Vm, this: Value, g: Value) -> PyResult<usize> {
    let (ngroups, groupindex) = {
        let obj = Gc::<SreObj>::from_value(this);
        let m = match_data(vm, &obj, this)?;
        let pobj = Gc::<SreObj>::from_value(m.pattern);
        let p = pattern_data(vm, &pobj, m.pattern)?;
        (p.groups + 1, p.groupindex)
    };
    let index = if let Some(i) = vm.as_int(g) {
        i.to_i64()
    } else if !groupindex.is_none() {
        match vm.dict_get_item(groupindex, g)? {
            Some(v) => vm.as_int(v).and_then(|i| i.to_i64()),
            None => None,
        }
    } else {
        None
    };
    match index {
        Some(i) if i >= 0 && (i as usize) < ngroups => Ok(i as usize),
        _ => Err(PyErr::index_error(&vm.heap, "no such group")),
    }
}

/// The span of group `g`, (-1, -1) when it did not take part.
fn span_of(vm: &mut Vm, this: Value, g: Value) -> PyResult<(isize, isize)> {
    let i = group_index(vm, this, g)?;
    with_match(vm, this, |m| (m.regs[2 * i], m.regs[2 * i + 1]))
}

fn group_value(vm: &mut Vm, this: Value, g: Value, default: Value) -> PyResult {
    let (a, b) = span_of(vm, this, g)?;
    if a < 0 || b < 0 {
        return Ok(default);
    }
    let string = with_match(vm, this, |m| m.string)?;
    slice_of(vm, string, a as usize, b as usize)
}

pub fn group(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    crate::builtins::method_no_kwargs(vm, "group", kwnames)?;
    let this = args[0];
    match &args[1..] {
        [] => group_value(vm, this, vm.heap.new_int_i64(0), Value::NONE),
        [g] => group_value(vm, this, *g, Value::NONE),
        gs => {
            let mut items = Vec::with_capacity(gs.len());
            let mark = vm.push_temp(Value::NONE);
            let result = (|| {
                for g in gs {
                    let v = group_value(vm, this, *g, Value::NONE)?;
                    vm.push_temp(v);
                    items.push(v);
                }
                Ok(vm.heap.new_tuple(&items))
            })();
            vm.truncate_temps(mark);
            result
        }
    }
}

pub fn getitem(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let g = method_one_arg(vm, args, kwnames, "__getitem__")?;
    group_value(vm, args[0], g, Value::NONE)
}

fn default_arg(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let bound = keyword_args(vm, &args[1..], kwnames, name, &["default"])?;
    Ok(bound[0].unwrap_or(Value::NONE))
}

pub fn groups(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let default = default_arg(vm, args, kwnames, "groups")?;
    let this = args[0];
    let (string, regs) = with_match(vm, this, |m| (m.string, m.regs.clone()))?;
    // Each group rooted on the stack: slicing a memoryview runs Python.
    let mark = vm.stack.len();
    for r in regs.chunks(2).skip(1) {
        let item = if r[0] < 0 || r[1] < 0 {
            default
        } else {
            match slice_of(vm, string, r[0] as usize, r[1] as usize) {
                Ok(v) => v,
                Err(e) => {
                    vm.truncate_temps(mark);
                    return Err(e);
                }
            }
        };
        vm.push_temp(item);
    }
    let tuple = vm.heap.new_tuple(&vm.stack[mark..]);
    vm.truncate_temps(mark);
    Ok(tuple)
}

pub fn groupdict(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let default = default_arg(vm, args, kwnames, "groupdict")?;
    let this = args[0];
    let pattern = with_match(vm, this, |m| m.pattern)?;
    let pobj = Gc::<SreObj>::from_value(pattern);
    let groupindex = pattern_data(vm, &pobj, pattern)?.groupindex;
    let dict = vm.heap.new_dict();
    let mark = vm.push_temp(dict);
    let names = if groupindex.is_none() { Vec::new() } else { vm.dict_items(groupindex) };
    let result = names.into_iter().try_for_each(|(name, _)| {
        let v = group_value(vm, this, name, default)?;
        vm.dict_set_item(dict, name, v)
    });
    vm.truncate_temps(mark);
    result.map(|_| dict)
}

fn group_arg(vm: &Vm, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let rest = arg_range(vm, name, &args[1..], kwnames, 0, 1)?;
    Ok(rest.first().copied().unwrap_or(vm.heap.new_int_i64(0)))
}

pub fn start(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let g = group_arg(vm, args, kwnames, "start")?;
    let (a, _) = span_of(vm, args[0], g)?;
    Ok(vm.heap.new_int_i64(a as i64))
}

pub fn end(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let g = group_arg(vm, args, kwnames, "end")?;
    let (_, b) = span_of(vm, args[0], g)?;
    Ok(vm.heap.new_int_i64(b as i64))
}

fn pair(vm: &Vm, a: isize, b: isize) -> Value {
    let (a, b) = (vm.heap.new_int_i64(a as i64), vm.heap.new_int_i64(b as i64));
    vm.heap.new_tuple(&[a, b])
}

pub fn span(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let g = group_arg(vm, args, kwnames, "span")?;
    let (a, b) = span_of(vm, args[0], g)?;
    Ok(pair(vm, a, b))
}

pub fn expand(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let repl = method_one_arg(vm, args, kwnames, "expand")?;
    let this = args[0];
    let (pattern, string, regs) = with_match(vm, this, |m| (m.pattern, m.string, m.regs.clone()))?;
    let t = template::compile(vm, pattern, repl)?;
    let (subject, is_bytes) = Subject::of(vm, string)?;
    let mut out = Vec::new();
    t.expand(&mut out, &subject, |g| {
        let (a, b) = (*regs.get(2 * g)?, *regs.get(2 * g + 1)?);
        (a >= 0 && b >= 0).then_some((a as usize, b as usize))
    });
    Ok(if is_bytes { vm.heap.new_bytes(&out) } else { vm.heap.new_str_wtf8(&out) })
}

pub fn get_regs(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let regs = with_match(vm, args[0], |m| m.regs.clone())?;
    let items: Vec<Value> = regs.chunks(2).map(|r| pair(vm, r[0], r[1])).collect();
    Ok(vm.heap.new_tuple(&items))
}

pub fn get_string(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    with_match(vm, args[0], |m| m.string)
}

pub fn get_re(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    with_match(vm, args[0], |m| m.pattern)
}

pub fn get_pos(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let pos = with_match(vm, args[0], |m| m.pos)?;
    Ok(vm.heap.new_int_i64(pos as i64))
}

pub fn get_endpos(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let endpos = with_match(vm, args[0], |m| m.endpos)?;
    Ok(vm.heap.new_int_i64(endpos as i64))
}

pub fn get_lastindex(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let i = with_match(vm, args[0], |m| m.lastindex)?;
    Ok(if i >= 0 { vm.heap.new_int_i64(i as i64) } else { Value::NONE })
}

pub fn get_lastgroup(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let (i, pattern) = with_match(vm, args[0], |m| (m.lastindex, m.pattern))?;
    if i < 0 {
        return Ok(Value::NONE);
    }
    let pobj = Gc::<SreObj>::from_value(pattern);
    let indexgroup = pattern_data(vm, &pobj, pattern)?.indexgroup;
    Ok(tuple_of(indexgroup).and_then(|t| t.items().get(i as usize).copied()).unwrap_or(Value::NONE))
}

/// `<re.Match object; span=(0, 3), match='abc'>`.
pub fn repr(vm: &mut Vm, args: &[Value], _: &[Value]) -> PyResult {
    let this = args[0];
    let (a, b, string) = with_match(vm, this, |m| (m.regs[0], m.regs[1], m.string))?;
    let text = slice_of(vm, string, a.max(0) as usize, b.max(0) as usize)?;
    let mark = vm.push_temp(text);
    let shown = vm.repr_of_value(text);
    vm.truncate_temps(mark);
    let shown: String = shown?.chars().take(50).collect();
    Ok(vm.heap.new_str_from_string(format!("<re.Match object; span=({a}, {b}), match={shown}>")))
}
