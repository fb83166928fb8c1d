//! Replacement templates (`\1`, `\g<name>`) of `sub` and `Match.expand`.
//! Parsing stays in Python (`sre_parse.parse_template`, as CPython's `re`
//! does it, with its error messages); the parsed form is cached on the
//! pattern and expanded here without a Python call per match.

use super::object::{pattern_data, SreObj};
use super::subject::Subject;
use crate::object::bytes::bytes_of;
use crate::object::list::list_of;
use crate::object::str::str_of;
use crate::object::tuple::tuple_of;
use crate::object::{Gc, Value};
use crate::vm::{PyResult, Vm};

enum Piece {
    Text(Vec<u8>),
    Group(usize),
}

pub struct Template {
    pieces: Vec<Piece>,
}

/// `sre_parse.parse_template(repl, pattern)`, cached on the pattern for
/// the last template object.
fn parse(vm: &mut Vm, pattern: Value, repl: Value) -> PyResult<Value> {
    let obj = Gc::<SreObj>::from_value(pattern);
    let p = pattern_data(vm, &obj, pattern)?;
    let (cached, parsed) = p.template_cache.get();
    if cached == repl && !parsed.is_none() {
        return Ok(parsed);
    }
    let module = vm.import_module("sre_parse")?;
    let mark = vm.push_temp(module);
    let name = vm.heap.intern("parse_template");
    let result = vm.get_attr(module, name).and_then(|f| {
        vm.push_temp(f);
        vm.call(f, &[repl, pattern])
    });
    vm.truncate_temps(mark);
    let parsed = result?;
    p.template_cache.set((repl, parsed));
    Ok(parsed)
}

fn items_of(v: Value) -> Vec<Value> {
    if let Some(l) = list_of(v) {
        return l.items.to_vec();
    }
    tuple_of(v).map(|t| t.items().to_vec()).unwrap_or_default()
}

/// The template for `repl` in `sub` or `expand` on `pattern`.
pub fn compile(vm: &mut Vm, pattern: Value, repl: Value) -> PyResult<Template> {
    let parsed = parse(vm, pattern, repl)?;
    let parts = items_of(parsed);
    let (groups, literals) = match parts.as_slice() {
        [g, l] => (items_of(*g), items_of(*l)),
        _ => return Err(vm.type_error("parse_template returned an unexpected value")),
    };
    let mut pieces: Vec<Piece> = literals
        .iter()
        .map(|&lit| {
            if let Some(s) = str_of(lit) {
                Piece::Text(s.as_wtf8().to_vec())
            } else if let Some(b) = bytes_of(lit) {
                Piece::Text(b.as_bytes().to_vec())
            } else {
                Piece::Text(Vec::new())
            }
        })
        .collect();
    for g in groups {
        let pair = items_of(g);
        let (Some(index), Some(group)) = (
            pair.first().and_then(|v| v.as_small_int()),
            pair.get(1).and_then(|v| v.as_small_int()),
        ) else {
            continue;
        };
        if let Some(slot) = pieces.get_mut(index as usize) {
            *slot = Piece::Group(group.max(0) as usize);
        }
    }
    Ok(Template { pieces })
}

impl Template {
    /// Appends the replacement for a match whose group spans `span` gives.
    pub fn expand(
        &self,
        out: &mut Vec<u8>,
        subject: &Subject,
        span: impl Fn(usize) -> Option<(usize, usize)>,
    ) {
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => out.extend_from_slice(t),
                Piece::Group(g) => {
                    if let Some((a, b)) = span(*g) {
                        subject.push_slice(out, a, b);
                    }
                }
            }
        }
    }
}
