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
        let (literal, field) = next_markup(vm, &chars, &mut i)?;
        for &cp in &fmt[literal] {
            wtf8::push_code_point(&mut out, cp);
        }
        let Some(Field { name, conversion: conv, spec }) = field else {
            continue;
        };
        let name_part = name.as_str();
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
            // CPython's build_string refuses a third level of expansion.
            if depth <= 1 {
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

/// A replacement field's parts: `{name!conversion:spec}`.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
}

/// One step of CPython's `MarkupIterator_next`: from `*i`, the range of
/// literal text (an escaped brace keeps one of its two) and the field that
/// follows it, if any; `*i` moves past both.
fn next_markup(
    vm: &Vm,
    chars: &[char],
    i: &mut usize,
) -> PyResult<(std::ops::Range<usize>, Option<Field>)> {
    let (start, n) = (*i, chars.len());
    let mut c = '\0';
    let mut markup = false;
    while *i < n {
        c = chars[*i];
        *i += 1;
        if c == '{' || c == '}' {
            markup = true;
            break;
        }
    }
    let at_end = *i >= n;
    let mut len = *i - start;
    if c == '}' && (at_end || chars[*i] != '}') {
        return Err(vm.value_error("Single '}' encountered in format string"));
    }
    if at_end && c == '{' {
        return Err(vm.value_error("Single '{' encountered in format string"));
    }
    if !at_end {
        if chars[*i] == c {
            *i += 1;
            markup = false;
        } else {
            len -= 1;
        }
    }
    let literal = start..start + len;
    if !markup {
        return Ok((literal, None));
    }
    parse_field(vm, chars, i).map(|f| (literal, Some(f)))
}

/// CPython's `parse_field`: the field after a `{`, up to its `}`.
fn parse_field(vm: &Vm, chars: &[char], i: &mut usize) -> PyResult<Field> {
    let (name_start, n) = (*i, chars.len());
    let mut c = '\0';
    while *i < n {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *i < n && chars[*i] != ']' {
                    *i += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name: String = chars[name_start..*i - 1].iter().collect();
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        return Ok(Field { name, conversion: None, spec: String::new() });
    }
    let mut conversion = None;
    if c == '!' {
        let Some(&conv) = chars.get(*i) else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        conversion = Some(conv);
        *i += 1;
        if let Some(&next) = chars.get(*i) {
            *i += 1;
            if next == '}' {
                return Ok(Field { name, conversion, spec: String::new() });
            }
            if next != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut depth = 1;
    while *i < n {
        *i += 1;
        match chars[*i - 1] {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let spec = chars[spec_start..*i - 1].iter().collect();
                    return Ok(Field { name, conversion, spec });
                }
            }
            _ => {}
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// CPython's `get_integer`: a field name or key made only of decimal
/// digits is an index; anything else is a name.
fn field_index(vm: &Vm, text: &str) -> PyResult<Option<usize>> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    text.parse::<usize>()
        .ok()
        .filter(|&i| i <= isize::MAX as usize)
        .map(Some)
        .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))
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
        positional(vm, pos, names, i)?
    } else if let Some(i) = field_index(vm, first)? {
        if numbering.auto {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        numbering.manual = true;
        positional(vm, pos, names, i)?
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

fn positional(vm: &Vm, pos: &[Value], names: &Names<'_>, i: usize) -> PyResult {
    // format_map has a mapping and no positional arguments at all.
    if let Names::Mapping(_) = names {
        return Err(vm.value_error("Format string contains positional fields"));
    }
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
            if end == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let attr = vm.heap.intern(&r[..end]);
            value = vm.get_attr(value, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key_text = &r[..end];
            if key_text.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let key = match field_index(vm, key_text)? {
                Some(n) => vm.heap.new_int_i64(n as i64),
                None => vm.heap.new_str(key_text),
            };
            value = vm.get_item(value, key)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(value)
}
