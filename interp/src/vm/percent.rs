//! printf-style `%` formatting of strs (`"%s-%04d" % (a, b)`), as CPython
//! 3.8's `PyUnicode_Format`: the template is parsed in one pass over its
//! bytes and every conversion writes straight into the result, so a
//! conversion of a str or small int costs no allocation of its own.
//!
//! Argument handling follows CPython's `unicode_format_getnextarg`: a
//! tuple gives its items in turn; anything else is a single argument; a
//! `%(key)` conversion replaces the remaining arguments by `mapping[key]`.

use super::{PyResult, Vm};
use crate::number::int::Int;
use crate::number::printf::{self, Conversion};
use crate::number::tower::Num;
use crate::object::dict::dict_of;
use crate::object::str::{str_of, StrObj};
use crate::object::tuple::tuple_of;
use crate::object::{Gc, ObjHeader, ObjKind, Value};
use crate::unicode::wtf8;

/// Where the next argument comes from.
struct Args<'a> {
    /// The tuple's items, or the one argument.
    items: std::borrow::Cow<'a, [Value]>,
    next: usize,
}

impl Args<'_> {
    fn take(&mut self, vm: &Vm) -> PyResult {
        let Some(&v) = self.items.get(self.next) else {
            return Err(vm.type_error("not enough arguments for format string"));
        };
        self.next += 1;
        Ok(v)
    }
}

impl Vm {
    /// `fmt % args` for strs.
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult {
        let Some(fmt) = str_of(fmt) else { return Ok(self.heap.new_str("")) };
        let tuple = tuple_of(args).filter(|_| !self.heap.type_obj(args).is_heap_type());
        let mapping = (tuple.is_none()
            && (dict_of(args).is_some() || (self.is_mapping(args) && str_of(args).is_none())))
        .then_some(args);
        let mut args = match &tuple {
            Some(t) => Args { items: std::borrow::Cow::Borrowed(t.items()), next: 0 },
            None => Args { items: std::borrow::Cow::Owned(vec![args]), next: 0 },
        };
        let text = fmt.as_wtf8();
        let mut out = Vec::with_capacity(text.len() + 16);
        let mut pos = 0;
        while let Some(offset) = text[pos..].iter().position(|&b| b == b'%') {
            out.extend_from_slice(&text[pos..pos + offset]);
            pos += offset + 1;
            pos = self.percent_conversion(&fmt, pos, &mut args, mapping, &mut out)?;
        }
        out.extend_from_slice(&text[pos..]);
        if args.next < args.items.len() && mapping.is_none() {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(self.heap.new_str_wtf8(&out))
    }

    /// One conversion, its `%` already read: `pos` is the byte after it.
    /// Returns where the template goes on.
    fn percent_conversion(
        &mut self,
        fmt: &Gc<StrObj>,
        mut pos: usize,
        args: &mut Args,
        mapping: Option<Value>,
        out: &mut Vec<u8>,
    ) -> PyResult<usize> {
        let text = fmt.as_wtf8();
        if text.get(pos) == Some(&b'%') {
            out.push(b'%');
            return Ok(pos + 1);
        }
        if text.get(pos) == Some(&b'(') {
            let Some(m) = mapping else {
                return Err(self.type_error("format requires a mapping"));
            };
            let start = pos + 1;
            let mut depth = 1;
            let mut end = start;
            while depth > 0 {
                match text.get(end) {
                    None => return Err(self.value_error("incomplete format key")),
                    Some(b'(') => depth += 1,
                    Some(b')') => depth -= 1,
                    Some(_) => {}
                }
                end += 1;
            }
            let key = self.heap.new_str_wtf8(&text[start..end - 1]);
            let item = self.get_item(m, key)?;
            *args = Args { items: std::borrow::Cow::Owned(vec![item]), next: 0 };
            pos = end;
        }
        let mut c = Conversion::default();
        while let Some(&b) = text.get(pos) {
            match b {
                b'-' => c.left = true,
                b'+' => c.plus = true,
                b' ' => c.blank = true,
                b'#' => c.alternate = true,
                b'0' => c.zero = true,
                _ => break,
            }
            pos += 1;
        }
        if text.get(pos) == Some(&b'*') {
            pos += 1;
            let w = self.star_argument(args)?;
            c.left |= w < 0;
            c.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
        } else {
            let (width, after) = digits_at(text, pos, isize::MAX as usize);
            c.width = width.map_err(|_| self.value_error("width too big"))?;
            pos = after;
        }
        if text.get(pos) == Some(&b'.') {
            pos += 1;
            if text.get(pos) == Some(&b'*') {
                pos += 1;
                let p = self.star_argument(args)?.max(0);
                c.precision = Some(usize::try_from(p).unwrap_or(usize::MAX));
            } else {
                let (precision, after) = digits_at(text, pos, i32::MAX as usize);
                let precision = precision.map_err(|_| self.value_error("precision too big"))?;
                c.precision = Some(precision.unwrap_or(0));
                pos = after;
            }
        }
        if matches!(text.get(pos), Some(b'h' | b'l' | b'L')) {
            pos += 1;
        }
        let Some(cp) = wtf8::code_points(&text[pos.min(text.len())..]).next() else {
            return Err(self.value_error("incomplete format"));
        };
        let conv_at = pos;
        pos += wtf8::encode(cp).1;
        let arg = args.take(self)?;
        c.conv = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
        match c.conv {
            's' | 'r' | 'a' => self.percent_text(&c, arg, out)?,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => self.percent_int(&c, arg, out)?,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match self.as_num(arg) {
                    Some(Num::Int(i)) => i.to_f64().map_err(|e| self.num_error(e))?,
                    Some(Num::Float(f)) => f,
                    _ => {
                        return Err(crate::builtins::real_required(self, arg));
                    }
                };
                printf::write_float(out, x, &c).map_err(|e| self.num_error(e))?
            }
            'c' => self.percent_char(&c, arg, out)?,
            _ => {
                let index = wtf8::code_points(&text[..conv_at]).count();
                return Err(self.value_error(&format!(
                    "unsupported format character '{}' (0x{cp:x}) at index {index}",
                    c.conv
                )));
            }
        }
        Ok(pos)
    }

    /// The width or precision a `*` takes from the arguments.
    fn star_argument(&mut self, args: &mut Args) -> PyResult<i64> {
        let v = args.take(self)?;
        match self.as_int(v) {
            Some(n) => Ok(n.to_i64().unwrap_or(i64::MAX)),
            None => Err(self.type_error("* wants int")),
        }
    }

    /// `%s`, `%r`, `%a`: the text of `str()`, `repr()` or `ascii()`, cut to
    /// the precision in code points and padded to the width.
    fn percent_text(&mut self, c: &Conversion, arg: Value, out: &mut Vec<u8>) -> PyResult<()> {
        printf::check_size(c).map_err(|e| self.num_error(e))?;
        let exact_str = str_of(arg).filter(|_| !self.heap.type_obj(arg).is_heap_type());
        if c.conv == 's' {
            if let Some(s) = exact_str {
                pad_text(out, c, s.as_wtf8(), s.char_len());
                return Ok(());
            }
            if arg.is_small_int() && c.precision.is_none() {
                // Decimal digits padded with spaces, as `str(n)` would be.
                let plain =
                    Conversion { conv: 'd', width: c.width, left: c.left, ..Default::default() };
                return printf::write_int(out, &Int::Small(arg.small_int_unchecked()), &plain)
                    .map_err(|e| self.num_error(e));
            }
        }
        let text = match c.conv {
            's' => self.str_value(arg)?,
            'r' => self.repr_value(arg)?,
            _ => {
                let text = self.ascii_of_value(arg)?;
                pad_text(out, c, text.as_bytes(), text.len());
                return Ok(());
            }
        };
        let Some(s) = str_of(text) else { return Ok(()) };
        pad_text(out, c, s.as_wtf8(), s.char_len());
        Ok(())
    }

    /// `%d %i %u %o %x %X`: `int(x)` of a float for the decimal ones.
    fn percent_int(&mut self, c: &Conversion, arg: Value, out: &mut Vec<u8>) -> PyResult<()> {
        let n = match self.as_num(arg) {
            Some(Num::Int(i)) => i,
            Some(Num::Float(f)) if matches!(c.conv, 'd' | 'i' | 'u') => {
                Int::from_f64(f).map_err(|e| self.num_error(e))?
            }
            _ => {
                let what = if matches!(c.conv, 'd' | 'i' | 'u') {
                    "a number is required"
                } else {
                    "an integer is required"
                };
                let message = format!("%{} format: {what}, not {}", c.conv, self.type_name(arg));
                return Err(self.type_error(&message));
            }
        };
        printf::write_int(out, &n, c).map_err(|e| self.num_error(e))
    }

    /// `%c` of a one-character str or of a code point (lone surrogates
    /// included).
    fn percent_char(&mut self, c: &Conversion, arg: Value, out: &mut Vec<u8>) -> PyResult<()> {
        let cp = if let Some(s) = str_of(arg) {
            let mut cps = s.code_points();
            match (cps.next(), cps.next()) {
                (Some(cp), None) => cp,
                _ => return Err(self.type_error("%c requires int or char")),
            }
        } else if let Some(i) = self.as_int(arg) {
            match i.to_i64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) if wtf8::is_surrogate(n) => n,
                _ => printf::char_of_int(&i).map_err(|e| self.num_error(e))? as u32,
            }
        } else {
            return Err(self.type_error("%c requires int or char"));
        };
        let c = Conversion { precision: None, ..c.clone() };
        printf::check_size(&c).map_err(|e| self.num_error(e))?;
        let (buf, n) = wtf8::encode(cp);
        pad_text(out, &c, &buf[..n], 1);
        Ok(())
    }

    /// CPython's `PyMapping_Check` as `%` asks it: a type with a
    /// subscript (list, bytes, range, ... too), except tuples.
    fn is_mapping(&self, v: Value) -> bool {
        let name = self.names.dunder_getitem;
        let Some(h) = ObjHeader::of(v) else { return false };
        if tuple_of(v).is_some() {
            return false;
        }
        if matches!(h.kind(), ObjKind::List | ObjKind::Bytes | ObjKind::ByteArray | ObjKind::Range)
        {
            return true;
        }
        self.heap.type_obj(v).is_heap_type() && self.heap.lookup_in_type_of(v, name).is_some()
    }
}

/// The decimal number at `pos` (`Ok(None)` when there is none, `Err` past
/// `limit`) and the position after it.
fn digits_at(text: &[u8], mut pos: usize, limit: usize) -> (Result<Option<usize>, ()>, usize) {
    let mut value: Option<usize> = None;
    let mut overflow = false;
    while let Some(d) = text.get(pos).filter(|b| b.is_ascii_digit()) {
        let next =
            value.unwrap_or(0).checked_mul(10).and_then(|v| v.checked_add((d - b'0') as usize));
        match next.filter(|&v| v <= limit) {
            Some(v) => value = Some(v),
            None => overflow = true,
        }
        pos += 1;
        if overflow {
            break;
        }
    }
    (if overflow { Err(()) } else { Ok(value) }, pos)
}

/// `text` ([`wtf8`], `chars` code points long) cut to the precision and
/// padded with spaces to the width, as `%s` lays out text.
fn pad_text(out: &mut Vec<u8>, c: &Conversion, text: &[u8], chars: usize) {
    let (text, chars) = match c.precision {
        Some(p) if p < chars => (cut_code_points(text, p), p),
        _ => (text, chars),
    };
    let pad = c.width.unwrap_or(0).saturating_sub(chars);
    if !c.left {
        out.resize(out.len() + pad, b' ');
    }
    out.extend_from_slice(text);
    if c.left {
        out.resize(out.len() + pad, b' ');
    }
}

/// The first `n` code points of [`wtf8`] text.
fn cut_code_points(text: &[u8], n: usize) -> &[u8] {
    let end = text
        .iter()
        .enumerate()
        .filter(|(_, &b)| b & 0xC0 != 0x80)
        .nth(n)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_code_points() {
        assert_eq!(cut_code_points("aé∂x".as_bytes(), 3), "aé∂".as_bytes());
        assert_eq!(cut_code_points(b"ab", 5), b"ab");
        assert_eq!(cut_code_points(b"ab", 0), b"");
    }

    #[test]
    fn digits_stop_at_the_limit() {
        assert_eq!(digits_at(b"12x", 0, 100), (Ok(Some(12)), 2));
        assert_eq!(digits_at(b"x", 0, 100), (Ok(None), 0));
        assert!(digits_at(b"1000", 0, 100).0.is_err());
    }

    #[test]
    fn padding_is_in_code_points() {
        let mut out = Vec::new();
        let c = Conversion { width: Some(4), precision: Some(2), ..Conversion::default() };
        pad_text(&mut out, &c, "éèa".as_bytes(), 3);
        assert_eq!(out, "  éè".as_bytes());
    }
}
