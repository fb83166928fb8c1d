//! Methods of str, list and tuple.

use super::{add_method, split_kwargs, unexpected_kw};
use crate::bytecode::instr::CmpOp;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{PyErr, Value};
use crate::vm::function::NativeFn;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.heap.types();
    let list_methods: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("pop", list_pop),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("reverse", list_reverse),
        ("sort", list_sort),
        ("copy", list_copy),
        ("clear", list_clear),
    ];
    for (name, f) in list_methods {
        add_method(vm, t.list, name, *f);
    }
    add_method(vm, t.tuple, "index", seq_index);
    add_method(vm, t.tuple, "count", seq_count);
    let str_methods: &[(&'static str, NativeFn)] = &[
        ("join", str_join),
        ("split", str_split),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("find", str_find),
        ("format", str_format),
    ];
    for (name, f) in str_methods {
        add_method(vm, t.str, name, *f);
    }
}

fn list_arg(
    vm: &Vm,
    args: &[Value],
    method: &str,
) -> PyResult<crate::object::Gc<crate::object::list::ListObj>> {
    args.first()
        .and_then(|v| list_of(*v))
        .ok_or_else(|| vm.type_error(&format!("descriptor '{method}' requires a 'list' object")))
}

fn one_arg(vm: &Vm, args: &[Value], kwnames: &[Value], method: &str) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(&format!("{method}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "{method}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    Ok(args[1])
}

fn list_append(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "append")?;
    let item = one_arg(vm, args, kwnames, "append")?;
    l.items.push(item);
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    list_arg(vm, args, "extend")?;
    let src = one_arg(vm, args, kwnames, "extend")?;
    let items = vm.collect_iterable(src)?;
    let l = list_arg(vm, args, "extend")?;
    for item in items {
        l.items.push(item);
    }
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "pop")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("pop() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(
            vm.type_error(&format!("pop expected at most 1 argument, got {}", args.len() - 1))
        );
    }
    let len = l.items.len() as i64;
    if len == 0 {
        return Err(PyErr::index_error(&vm.heap, "pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&v) => crate::builtins::functions::index_of(vm, v)?.to_i64().unwrap_or(i64::MAX),
        None => -1,
    };
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(PyErr::index_error(&vm.heap, "pop index out of range"));
    }
    Ok(l.items.remove(i as usize).unwrap_or(Value::NONE))
}

fn list_insert(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "insert")?;
    if !kwnames.is_empty() || args.len() != 3 {
        return Err(vm.type_error(&format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = crate::builtins::functions::index_of(vm, args[1])?.to_i64().unwrap_or(i64::MAX);
    let len = l.items.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.items.insert(i as usize, args[2]);
    Ok(Value::NONE)
}

fn list_remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "remove")?;
    let x = one_arg(vm, args, kwnames, "remove")?;
    let mut i = 0;
    while i < l.items.len() {
        let item = l.items.get(i).unwrap_or(Value::NONE);
        if vm.keys_equal(item, x)? {
            l.items.remove(i);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(l) = list_of(v) {
        return Ok(l.items.to_vec());
    }
    if let Some(t) = tuple_of(v) {
        return Ok(t.items().to_vec());
    }
    Err(vm.type_error("expected a list or tuple"))
}

fn seq_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    if !kwnames.is_empty() || args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error("index expected at least 1 argument"));
    }
    let items = seq_items(vm, args[0])?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let len = items.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(v) => {
                let i = crate::builtins::functions::index_of(vm, *v)?.to_i64().unwrap_or(i64::MAX);
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
            None => Ok(default),
        }
    };
    let r = (|| {
        let start = bound(vm, args.get(2), 0)?;
        let stop = bound(vm, args.get(3), len)?;
        for i in start..stop {
            if vm.keys_equal(items[i as usize], args[1])? {
                return Ok(vm.heap.new_int_i64(i));
            }
        }
        let what = if list_of(args[0]).is_some() {
            "list.index(x): x not in list"
        } else {
            "tuple.index(x): x not in tuple"
        };
        Err(vm.value_error(what))
    })();
    vm.truncate_temps(mark);
    r
}

fn seq_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let x = one_arg(vm, args, kwnames, "count")?;
    let items = seq_items(vm, args[0])?;
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let mut n = 0;
    let r = (|| {
        for item in &items {
            if vm.keys_equal(*item, x)? {
                n += 1;
            }
        }
        Ok(vm.heap.new_int_i64(n))
    })();
    vm.truncate_temps(mark);
    r
}

fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "reverse")?;
    let mut items = l.items.to_vec();
    items.reverse();
    l.items.replace(&items);
    Ok(Value::NONE)
}

fn list_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "copy")?;
    Ok(vm.heap.new_list(&l.items.to_vec()))
}

fn list_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "clear")?;
    l.items.clear();
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`: CPython's timsort with the
/// list emptied while it runs ("list modified during sort").
pub fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let l = list_arg(vm, args, "sort")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    if !pos.is_empty() {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::NONE;
    let mut reverse = false;
    for (k, v) in kws {
        match k.as_str() {
            "key" => key = v,
            "reverse" => reverse = vm.is_true(v)?,
            other => return Err(unexpected_kw(vm, "sort", other)),
        }
    }
    let items = l.items.to_vec();
    l.items.clear();
    let mark = vm.stack.len();
    vm.stack.extend_from_slice(&items);
    let result = (|| -> PyResult<Vec<Value>> {
        let keys: Vec<Value> = if key.is_none() {
            items.clone()
        } else {
            let mut ks = Vec::with_capacity(items.len());
            for &item in &items {
                let k = vm.call(key, &[item])?;
                vm.stack.push(k);
                ks.push(k);
            }
            ks
        };
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(items.iter().copied()).collect();
        crate::table::sort::sort(&mut pairs, reverse, |a: &(Value, Value), b: &(Value, Value)| {
            let r = vm.rich_compare(CmpOp::Lt, a.0, b.0)?;
            vm.is_true(r)
        })?;
        Ok(pairs.into_iter().map(|(_, v)| v).collect())
    })();
    vm.truncate_temps(mark);
    let l = list_arg(vm, args, "sort")?;
    let modified = !l.items.is_empty();
    match result {
        Ok(sorted) => {
            l.items.replace(&sorted);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::NONE)
        }
        Err(e) => {
            if !modified {
                l.items.replace(&items);
            }
            Err(e)
        }
    }
}

fn str_arg(vm: &Vm, args: &[Value], method: &str) -> PyResult<String> {
    args.first()
        .and_then(|v| str_of(*v))
        .map(|s| s.as_str().to_string())
        .ok_or_else(|| vm.type_error(&format!("descriptor '{method}' requires a 'str' object")))
}

fn str_join(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let sep = str_arg(vm, args, "join")?;
    let it = one_arg(vm, args, kwnames, "join")?;
    let items = vm.collect_iterable(it)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match str_of(*item) {
            Some(s) => out.push_str(s.as_str()),
            None => {
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(*item)
                )))
            }
        }
    }
    Ok(vm.heap.new_str_from_string(out))
}

fn str_split(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let s = str_arg(vm, args, "split")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let mut sep = pos.first().copied().unwrap_or(Value::NONE);
    let mut maxsplit = pos.get(1).and_then(|v| v.as_small_int()).unwrap_or(-1);
    for (k, v) in kws {
        match k.as_str() {
            "sep" => sep = v,
            "maxsplit" => maxsplit = v.as_small_int().unwrap_or(-1),
            other => return Err(unexpected_kw(vm, "split", other)),
        }
    }
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let parts: Vec<String> = if sep.is_none() {
        let mut out = Vec::new();
        let mut rest = s.trim_start();
        while !rest.is_empty() {
            if out.len() == limit {
                out.push(rest.to_string());
                break;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = rest[end..].trim_start();
        }
        out
    } else {
        let Some(sep) = str_of(sep).map(|x| x.as_str().to_string()) else {
            return Err(vm.type_error(&format!("must be str or None, not {}", vm.type_name(sep))));
        };
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        s.splitn(limit.saturating_add(1), sep.as_str()).map(str::to_string).collect()
    };
    let values: Vec<Value> = parts.into_iter().map(|p| vm.heap.new_str_from_string(p)).collect();
    Ok(vm.heap.new_list(&values))
}

fn strip_chars(vm: &Vm, args: &[Value]) -> PyResult<Option<Vec<char>>> {
    match args.get(1) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match str_of(*v) {
            Some(s) => Ok(Some(s.as_str().chars().collect())),
            None => Err(vm.type_error("strip arg must be None or str")),
        },
    }
}

fn str_strip_with(vm: &mut Vm, args: &[Value], left: bool, right: bool) -> PyResult {
    let s = str_arg(vm, args, "strip")?;
    let chars = strip_chars(vm, args)?;
    let matches = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => c.is_whitespace(),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(matches);
    }
    if right {
        t = t.trim_end_matches(matches);
    }
    Ok(vm.heap.new_str(t))
}

fn str_strip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    str_strip_with(vm, args, true, true)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    str_strip_with(vm, args, true, false)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    str_strip_with(vm, args, false, true)
}

fn str_replace(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let s = str_arg(vm, args, "replace")?;
    let (Some(old), Some(new)) =
        (args.get(1).and_then(|v| str_of(*v)), args.get(2).and_then(|v| str_of(*v)))
    else {
        return Err(vm.type_error("replace() arguments must be str"));
    };
    let count = args.get(3).and_then(|v| v.as_small_int()).unwrap_or(-1);
    let out = if count < 0 {
        s.replace(old.as_str(), new.as_str())
    } else {
        s.replacen(old.as_str(), new.as_str(), count as usize)
    };
    Ok(vm.heap.new_str_from_string(out))
}

fn affix_test(vm: &mut Vm, args: &[Value], prefix: bool) -> PyResult {
    let s = str_arg(vm, args, if prefix { "startswith" } else { "endswith" })?;
    let Some(&arg) = args.get(1) else {
        return Err(vm.type_error("startswith expected at least 1 argument, got 0"));
    };
    let candidates: Vec<Value> = match tuple_of(arg) {
        Some(t) => t.items().to_vec(),
        None => vec![arg],
    };
    for c in candidates {
        let Some(a) = str_of(c) else {
            let which = if prefix { "startswith" } else { "endswith" };
            return Err(vm.type_error(&format!(
                "{which} first arg must be str or a tuple of str, not {}",
                vm.type_name(c)
            )));
        };
        let hit = if prefix { s.starts_with(a.as_str()) } else { s.ends_with(a.as_str()) };
        if hit {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    affix_test(vm, args, true)
}

fn str_endswith(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    affix_test(vm, args, false)
}

fn str_upper(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let s = str_arg(vm, args, "upper")?;
    Ok(vm.heap.new_str_from_string(s.to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let s = str_arg(vm, args, "lower")?;
    Ok(vm.heap.new_str_from_string(s.to_lowercase()))
}

fn str_find(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult {
    let s = str_arg(vm, args, "find")?;
    let Some(sub) = args.get(1).and_then(|v| str_of(*v)) else {
        return Err(vm.type_error("find() argument must be str"));
    };
    let r = s.find(sub.as_str()).map_or(-1, |b| s[..b].chars().count() as i64);
    Ok(vm.heap.new_int_i64(r))
}

/// `str.format(*args, **kwargs)`.
fn str_format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let fmt = str_arg(vm, args, "format")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let out = format_template(vm, &fmt, pos, &kws, &mut AutoNumber::default(), 2)?;
    Ok(vm.heap.new_str_from_string(out))
}

#[derive(Default)]
struct AutoNumber {
    next: usize,
    manual: bool,
    auto: bool,
}

fn format_template(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kws: &[(String, Value)],
    numbering: &mut AutoNumber,
    depth: u32,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // A replacement field: up to the matching brace.
        let mut j = i + 1;
        let mut level = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        let (name_part, rest) = match field.find(['!', ':']) {
            Some(k) => (&field[..k], &field[k..]),
            None => (field.as_str(), ""),
        };
        let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
            let mut it = r.chars();
            let conv = it.next();
            let after: String = it.collect();
            match after.strip_prefix(':') {
                Some(s) => (conv, s.to_string()),
                None if after.is_empty() => (conv, String::new()),
                None => return Err(vm.value_error("expected ':' after conversion specifier")),
            }
        } else if let Some(s) = rest.strip_prefix(':') {
            (None, s.to_string())
        } else {
            (None, String::new())
        };
        let value = resolve_field(vm, name_part, pos, kws, numbering)?;
        let value = match conv {
            None => value,
            Some('r') => vm.repr_value(value)?,
            Some('s') => vm.str_value(value)?,
            Some('a') => {
                let s = vm.ascii_of_value(value)?;
                vm.heap.new_str_from_string(s)
            }
            Some(c) => {
                return Err(vm.value_error(&format!("Unknown conversion specifier {c}")));
            }
        };
        let spec = if spec.contains('{') {
            if depth == 0 {
                return Err(vm.value_error("Max string recursion exceeded"));
            }
            format_template(vm, &spec, pos, kws, numbering, depth - 1)?
        } else {
            spec
        };
        let mark = vm.push_temp(value);
        let text = vm.format(value, &spec);
        vm.truncate_temps(mark);
        out.push_str(&text?);
    }
    Ok(out)
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    pos: &[Value],
    kws: &[(String, Value)],
    numbering: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = (&name[..first_end], &name[first_end..]);
    let mut value = if first.is_empty() {
        if numbering.manual {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        numbering.auto = true;
        let i = numbering.next;
        numbering.next += 1;
        match pos.get(i) {
            Some(v) => *v,
            None => {
                return Err(PyErr::index_error(
                    &vm.heap,
                    &format!("Replacement index {i} out of range for positional args tuple"),
                ))
            }
        }
    } else if let Ok(i) = first.parse::<usize>() {
        if numbering.auto {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        numbering.manual = true;
        match pos.get(i) {
            Some(v) => *v,
            None => {
                return Err(PyErr::index_error(
                    &vm.heap,
                    &format!("Replacement index {i} out of range for positional args tuple"),
                ))
            }
        }
    } else {
        match kws.iter().find(|(k, _)| k == first) {
            Some((_, v)) => *v,
            None => {
                let key = vm.heap.new_str(first);
                return Err(vm.key_error(key));
            }
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.heap.intern(&r[..end]);
            value = vm.get_attr(value, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key_text = &r[..end];
            let key = match key_text.parse::<i64>() {
                Ok(n) => vm.heap.new_int_i64(n),
                Err(_) => vm.heap.new_str(key_text),
            };
            value = vm.get_item(value, key)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
