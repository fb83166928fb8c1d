//! String literal bodies: prefixes, escape sequences of str and bytes, and
//! the splitting of f-strings into literal text and `{expression!c:spec}`
//! fields (CPython 3.8's `Python/ast.c`, `fstring_find_literal` and
//! `fstring_find_expr`). Errors are messages; the parser places them.

use crate::unicode;

/// The prefix letters of one string token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    pub unicode: bool,
}

/// Splits a string token into its prefix and the text between the quotes.
pub fn split_token(token: &str) -> (Prefix, &str) {
    let mut prefix = Prefix::default();
    let (start, end) = body_range(token);
    for c in token[..start].chars().take_while(|c| c.is_ascii_alphabetic()) {
        match c.to_ascii_lowercase() {
            'r' => prefix.raw = true,
            'b' => prefix.bytes = true,
            'f' => prefix.fstring = true,
            _ => prefix.unicode = true,
        }
    }
    (prefix, &token[start..end])
}

/// Where the text between the quotes of a string token starts and ends.
pub fn body_range(token: &str) -> (usize, usize) {
    let quote_at = token.find(['\'', '"']).unwrap_or(0);
    let rest = &token[quote_at..];
    let triple = rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\""));
    let quote_len = if triple { 3 } else { 1 }.min(rest.len() / 2);
    (quote_at + quote_len, token.len() - quote_len)
}

/// A str being built: UTF-8 until a lone surrogate forces code points.
#[derive(Debug, Default)]
pub struct StrBuilder {
    text: String,
    code_points: Option<Vec<u32>>,
}

impl StrBuilder {
    pub fn push(&mut self, cp: u32) {
        if let Some(cps) = &mut self.code_points {
            cps.push(cp);
            return;
        }
        match char::from_u32(cp) {
            Some(c) => self.text.push(c),
            None => {
                let mut cps: Vec<u32> = self.text.chars().map(|c| c as u32).collect();
                cps.push(cp);
                self.code_points = Some(cps);
            }
        }
    }

    pub fn push_str(&mut self, s: &str) {
        match &mut self.code_points {
            Some(cps) => cps.extend(s.chars().map(|c| c as u32)),
            None => self.text.push_str(s),
        }
    }

    pub fn append(&mut self, other: StrBuilder) {
        match other.code_points {
            Some(cps) => cps.into_iter().for_each(|cp| self.push(cp)),
            None => self.push_str(&other.text),
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.code_points {
            Some(cps) => cps.is_empty(),
            None => self.text.is_empty(),
        }
    }

    /// The text as a `String`, or its code points when it has lone surrogates.
    pub fn finish(self) -> Result<String, Vec<u32>> {
        match self.code_points {
            Some(cps) => Err(cps),
            None => Ok(self.text),
        }
    }
}

/// The value of `\o`, `\oo` or `\ooo` whose first digit `first` is
/// consumed; `i` moves past the rest.
fn octal_escape(bytes: &[u8], i: &mut usize, first: u8) -> u32 {
    let mut value = (first - b'0') as u32;
    for _ in 0..2 {
        match bytes.get(*i) {
            Some(&d @ b'0'..=b'7') => {
                value = value * 8 + (d - b'0') as u32;
                *i += 1;
            }
            _ => break,
        }
    }
    value
}

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    if end > start + 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
            start,
            end - 1
        )
    } else {
        format!("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {what}")
    }
}

fn hex_value(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let text = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(text, 16).ok()
}

/// Decodes the escapes of a non-raw str body into `out`.
pub fn decode_str(body: &str, out: &mut StrBuilder) -> Result<(), String> {
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut literal_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&body[literal_start..i]);
        let start = i;
        i += 1;
        let Some(&c) = bytes.get(i) else {
            return Err(unicode_error(start, start + 1, "\\ at end of string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push(0x5c),
            b'\'' => out.push(0x27),
            b'"' => out.push(0x22),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(0x0a),
            b'r' => out.push(0x0d),
            b't' => out.push(0x09),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => out.push(octal_escape(bytes, &mut i, c)),
            b'x' | b'u' | b'U' => {
                let (len, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let digits = &bytes[i..(i + len).min(bytes.len())];
                let valid = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
                if valid < len {
                    return Err(unicode_error(start, i + valid, what));
                }
                let value = hex_value(digits).unwrap_or(u32::MAX);
                i += len;
                if value > 0x10ffff {
                    return Err(unicode_error(start, i, "illegal Unicode character"));
                }
                out.push(value);
            }
            b'N' => {
                let malformed = |end| unicode_error(start, end, "malformed \\N character escape");
                if bytes.get(i) != Some(&b'{') {
                    return Err(malformed(start + 2));
                }
                let Some(close) = body[i..].find('}') else { return Err(malformed(body.len())) };
                let name = &body[i + 1..i + close];
                let end = i + close + 1;
                if name.is_empty() {
                    return Err(malformed(i + close));
                }
                match unicode::lookup_name(name) {
                    Some(ch) => out.push(ch as u32),
                    None => {
                        return Err(unicode_error(start, end, "unknown Unicode character name"))
                    }
                }
                i = end;
            }
            _ => {
                // An unknown escape keeps its backslash (a DeprecationWarning in 3.8).
                out.push(0x5c);
                i = start + 1;
            }
        }
        literal_start = i;
    }
    out.push_str(&body[literal_start..]);
    Ok(())
}

/// Decodes a bytes body (raw or not) into `out`.
pub fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters.".into());
    }
    let bytes = body.as_bytes();
    if raw {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let Some(&e) = bytes.get(i) else {
            return Err("(value error) Trailing \\ in string".into());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            // CPython 3.8 keeps the low byte of `\400`..`\777`.
            b'0'..=b'7' => out.push(octal_escape(bytes, &mut i, e) as u8),
            b'x' => {
                let digits = &bytes[i..(i + 2).min(bytes.len())];
                match hex_value(digits) {
                    Some(v) if digits.len() == 2 => out.push(v as u8),
                    _ => {
                        return Err(format!("(value error) invalid \\x escape at position {start}"))
                    }
                }
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i = start + 1;
            }
        }
    }
    Ok(())
}

/// One piece of an f-string.
#[derive(Debug)]
pub enum FPart<'a> {
    /// Literal text, escapes and doubled braces already decoded.
    Literal(StrBuilder),
    /// A `{...}` field.
    Field(Field<'a>),
}

#[derive(Debug)]
pub struct Field<'a> {
    /// The expression text and its byte offset in the f-string body.
    pub expr: &'a str,
    pub offset: usize,
    /// For `{expr=}`: the text up to and including `=` and the spaces after.
    pub debug_text: Option<&'a str>,
    /// `-1`, or the code of `s`, `r` or `a`.
    pub conversion: i32,
    pub format_spec: Option<Vec<FPart<'a>>>,
}

/// Splits an f-string body. `nesting` is 0 for the string itself and 1 in
/// a format spec; CPython allows no deeper.
pub fn split_fstring(body: &str, raw: bool, nesting: u32) -> Result<Vec<FPart<'_>>, String> {
    let mut parts = Vec::new();
    let mut pos = 0;
    parse_fstring_parts(body, &mut pos, raw, nesting, &mut parts)?;
    Ok(parts)
}

fn parse_fstring_parts<'a>(
    body: &'a str,
    pos: &mut usize,
    raw: bool,
    nesting: u32,
    parts: &mut Vec<FPart<'a>>,
) -> Result<(), String> {
    let bytes = body.as_bytes();
    loop {
        // Literal text up to a brace (or the end of a format spec).
        let lit_start = *pos;
        let mut literal = StrBuilder::default();
        let mut chunk_start = lit_start;
        let mut in_spec_end = false;
        while *pos < bytes.len() {
            let c = bytes[*pos];
            if !raw && c == b'\\' {
                match bytes.get(*pos + 1) {
                    // `\N{...}` braces are not fields.
                    Some(b'N') if bytes.get(*pos + 2) == Some(&b'{') => {
                        *pos += body[*pos..].find('}').map_or(body.len() - *pos, |close| close + 1);
                        continue;
                    }
                    // A backslash before a brace stays literal; the brace is a brace.
                    Some(b'{' | b'}') | None => *pos += 1,
                    Some(_) => *pos += 2,
                }
                continue;
            }
            if c == b'{' || c == b'}' {
                if nesting > 0 && c == b'}' {
                    in_spec_end = true;
                    break;
                }
                // Doubled braces are checked only at the top level, so
                // that `f'{0:{3}}'` closes both fields.
                let doubled = nesting == 0 && bytes.get(*pos + 1) == Some(&c);
                if doubled {
                    push_literal(&body[chunk_start..*pos + 1], raw, &mut literal)?;
                    *pos += 2;
                    chunk_start = *pos;
                    continue;
                }
                if c == b'}' {
                    return Err("f-string: single '}' is not allowed".into());
                }
                break;
            }
            *pos += 1;
        }
        push_literal(&body[chunk_start..*pos], raw, &mut literal)?;
        if !literal.is_empty() {
            parts.push(FPart::Literal(literal));
        }
        if *pos >= bytes.len() || in_spec_end {
            return Ok(());
        }
        // bytes[*pos] == '{'
        if nesting >= 2 {
            return Err("f-string: expressions nested too deeply".into());
        }
        *pos += 1;
        parts.push(FPart::Field(parse_field(body, pos, raw, nesting)?));
    }
}

fn push_literal(text: &str, raw: bool, out: &mut StrBuilder) -> Result<(), String> {
    if raw || !text.contains('\\') {
        out.push_str(text);
        return Ok(());
    }
    // A lone backslash ending a literal part (before a `{` field) is a
    // backslash, as CPython's `decode_unicode_with_escapes` keeps it.
    let trailing = text.len() - text.trim_end_matches('\\').len();
    if trailing % 2 == 1 {
        decode_str(&text[..text.len() - 1], out)?;
        out.push(u32::from(b'\\'));
        return Ok(());
    }
    decode_str(text, out)
}

/// Parses `expr[=][!c][:spec]}` after a `{`, leaving `pos` after the `}`.
fn parse_field<'a>(
    body: &'a str,
    pos: &mut usize,
    raw: bool,
    nesting: u32,
) -> Result<Field<'a>, String> {
    let bytes = body.as_bytes();
    let start = *pos;
    let mut depth: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, bool)> = None;
    let mut debug = false;
    while *pos < bytes.len() {
        let c = bytes[*pos];
        if c == b'\\' {
            return Err("f-string expression part cannot include a backslash".into());
        }
        if let Some((q, triple)) = quote {
            if c == q {
                if triple {
                    if bytes.get(*pos + 1) == Some(&q) && bytes.get(*pos + 2) == Some(&q) {
                        *pos += 3;
                        quote = None;
                        continue;
                    }
                } else {
                    quote = None;
                }
            }
            *pos += 1;
            continue;
        }
        match c {
            b'\'' | b'"' => {
                let triple = bytes.get(*pos + 1) == Some(&c) && bytes.get(*pos + 2) == Some(&c);
                quote = Some((c, triple));
                *pos += if triple { 3 } else { 1 };
                continue;
            }
            b'[' | b'(' | b'{' => {
                if depth.len() >= 200 {
                    return Err("f-string: too many nested parenthesis".into());
                }
                depth.push(c);
            }
            b'#' => return Err("f-string expression part cannot include '#'".into()),
            _ if !depth.is_empty() => {
                if matches!(c, b']' | b')' | b'}') {
                    let open = depth.pop().expect("depth is not empty");
                    let expected = match open {
                        b'[' => b']',
                        b'(' => b')',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        ));
                    }
                }
            }
            b'!' if bytes.get(*pos + 1) == Some(&b'=') => {
                *pos += 2;
                continue;
            }
            b'=' if bytes.get(*pos + 1) == Some(&b'=') => {
                *pos += 2;
                continue;
            }
            b'<' | b'>' if bytes.get(*pos + 1) == Some(&b'=') => {
                *pos += 2;
                continue;
            }
            b'=' => {
                debug = true;
                break;
            }
            b'!' | b':' | b'}' => break,
            b']' | b')' => {
                return Err(format!("f-string: unmatched '{}'", c as char));
            }
            _ => {}
        }
        *pos += 1;
    }
    if quote.is_some() {
        return Err("f-string: unterminated string".into());
    }
    if let Some(&open) = depth.last() {
        return Err(format!("f-string: unmatched '{}'", open as char));
    }
    if *pos >= bytes.len() {
        return Err("f-string: expecting '}'".into());
    }
    let expr = &body[start..*pos];
    if expr.trim_matches([' ', '\t', '\n', '\x0c', '\r']).is_empty() {
        return Err("f-string: empty expression not allowed".into());
    }
    let mut debug_text = None;
    if debug {
        *pos += 1;
        while *pos < bytes.len() && bytes[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
        debug_text = Some(&body[start..*pos]);
    }
    let mut conversion = -1;
    if bytes.get(*pos) == Some(&b'!') {
        *pos += 1;
        match bytes.get(*pos) {
            Some(&c @ (b's' | b'r' | b'a')) => {
                conversion = c as i32;
                *pos += 1;
            }
            None => return Err("f-string: expecting '}'".into()),
            _ => {
                return Err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
                )
            }
        }
    }
    let mut format_spec = None;
    if bytes.get(*pos) == Some(&b':') {
        *pos += 1;
        let mut spec = Vec::new();
        parse_fstring_parts(body, pos, raw, nesting + 1, &mut spec)?;
        format_spec = Some(spec);
    }
    if bytes.get(*pos) != Some(&b'}') {
        return Err("f-string: expecting '}'".into());
    }
    *pos += 1;
    if debug_text.is_some() && conversion == -1 && format_spec.is_none() {
        conversion = b'r' as i32;
    }
    Ok(Field { expr, offset: start, debug_text, conversion, format_spec })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(body: &str) -> String {
        let mut out = StrBuilder::default();
        decode_str(body, &mut out).unwrap();
        out.finish().unwrap()
    }

    #[test]
    fn str_escapes() {
        assert_eq!(decoded(r"a\tb\n\x41\u00e9\U0001F600\101\0\q"), "a\tb\nAé\u{1f600}A\0\\q");
        assert_eq!(
            decoded(
                r"\N{LATIN SMALL LETTER A}\
x"
            ),
            "ax"
        );
        let mut out = StrBuilder::default();
        decode_str(r"\ud800", &mut out).unwrap();
        assert_eq!(out.finish(), Err(vec![0xd800]));
        let mut out = StrBuilder::default();
        assert!(decode_str(r"\N{foo}", &mut out).unwrap_err().contains("position 0-6"));
    }

    #[test]
    fn bytes_escapes() {
        let mut out = Vec::new();
        decode_bytes(r"a\x00\777\q", false, &mut out).unwrap();
        assert_eq!(out, b"a\x00\xff\\q");
        assert!(decode_bytes("é", false, &mut out).is_err());
    }

    #[test]
    fn fstring_fields() {
        let parts = split_fstring("a{b!r:>{c}} {d=}{{}}", false, 0).unwrap();
        assert_eq!(parts.len(), 5);
        match &parts[1] {
            FPart::Field(f) => {
                assert_eq!((f.expr, f.conversion), ("b", 'r' as i32));
                assert_eq!(f.format_spec.as_ref().unwrap().len(), 2);
            }
            other => panic!("{other:?}"),
        }
        assert!(split_fstring("{}", false, 0).is_err());
        assert!(split_fstring("}", false, 0).is_err());
        assert!(split_fstring("{a:{b:{c}}}", false, 0).is_err());
    }
}
