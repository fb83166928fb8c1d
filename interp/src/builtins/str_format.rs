//! `str.format` and `str.format_map`: the replacement-field parser of
//! CPython's `Objects/stringlib/unicode_format.h`; each field's value is
//! formatted by `Vm::format` (the format-spec mini-language).

use super::split_kwargs;
use super::str_methods::recv;
use crate::object::str::str_of;
use crate::object::{PyErr, Value};
use crate::unicode::wtf8;
use crate::vm::{PyResult, Vm};

/// Where named fields come from.
enum Names<'a> {
    Keywords(&'a [(String, Value)]),
    Mapping(Value),
}

/// `str.format(*args, **kwargs)`.
pub fn format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let fmt = recv(vm, args, "format")?;
    let (pos, kws) = split_kwargs(&args[1..], kwnames);
    let names = Names::Keywords(&kws);
    let out = format_template(
        vm,
        &fmt.code_points().collect::<Vec<_>>(),
        pos,
        &names,
        &mut AutoNumber::default(),
        2,
    )?;
    Ok(vm.heap.new_str_wtf8(&out))
}

/// `str.format_map(mapping)`.
pub fn format_map(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult {
    let fmt = recv(vm, args, "format_map")?;
    if !kwnames.is_empty() {
        return Err(vm.type_error("format_map() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(vm.type_error(&format!(
            "format_map() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let names = Names::Mapping(args[1]);
    let out = format_template(
        vm,
        &fmt.code_points().collect::<Vec<_>>(),
        &[],
        &names,
        &mut AutoNumber::default(),
        2,
    )?;
    Ok(vm.heap.new_str_wtf8(&out))
}

#[derive(Default)]
struct AutoNumber {
    next: usize,
    manual: bool,
    auto: bool,
}

/// The template's code points (lone surrogates included) and the result as
/// `crate::unicode::wtf8` bytes.
fn format_template(
    vm: &mut Vm,
    fmt: &[u32],
    pos: &[Value],
    names: &Names<'_>,
    numbering: &mut AutoNumber,
    depth: u32,
) -> PyResult<Vec<u8>> {
    // Surrogates only matter as literal text; the parser sees U+FFFD.
    let chars: Vec<char> =
        fmt.iter().map(|&cp| char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push(b'}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            wtf8::push_code_point(&mut out, fmt[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push(b'{');
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
        let value = resolve_field(vm, name_part, pos, names, numbering)?;
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
            let cps: Vec<u32> = spec.chars().map(|c| c as u32).collect();
            let spec = format_template(vm, &cps, pos, names, numbering, depth - 1)?;
            wtf8::to_string_lossy(&spec)
        } else {
            spec
        };
        let mark = vm.push_temp(value);
        let text = vm.format_to_value(value, &spec);
        vm.truncate_temps(mark);
        if let Some(text) = str_of(text?) {
            out.extend_from_slice(text.as_wtf8());
        }
    }
    Ok(out)
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    pos: &[Value],
    names: &Names<'_>,
    numbering: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = (&name[..first_end], &name[first_end..]);
    let value = if first.is_empty() {
        if numbering.manual {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        numbering.auto = true;
        let i = numbering.next;
        numbering.next += 1;
        positional(vm, pos, i)?
    } else if let Ok(i) = first.parse::<usize>() {
        if numbering.auto {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        numbering.manual = true;
        positional(vm, pos, i)?
    } else {
        match names {
            Names::Keywords(kws) => match kws.iter().find(|(k, _)| k == first) {
                Some((_, v)) => *v,
                None => {
                    let key = vm.heap.new_str(first);
                    return Err(vm.key_error(key));
                }
            },
            Names::Mapping(m) => {
                let key = vm.heap.new_str(first);
                vm.get_item(*m, key)?
            }
        }
    };
    let mark = vm.push_temp(value);
    let result = follow_field_chain(vm, value, rest);
    vm.truncate_temps(mark);
    result
}

fn positional(vm: &Vm, pos: &[Value], i: usize) -> PyResult {
    pos.get(i).copied().ok_or_else(|| {
        PyErr::index_error(
            &vm.heap,
            &format!("Replacement index {i} out of range for positional args tuple"),
        )
    })
}

/// `.attr` and `[key]` after a field's first name; each value found stays
/// on the stack while the next is looked up.
fn follow_field_chain(vm: &mut Vm, mut value: Value, mut rest: &str) -> PyResult {
    while !rest.is_empty() {
        vm.stack.push(value);
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
