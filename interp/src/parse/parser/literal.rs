//! Literal atoms: numbers, and adjacent string tokens joined into one
//! `Constant` (str or bytes) or, when an f-string is among them, one
//! `JoinedStr` whose fields are parsed as expressions (CPython 3.8 parses
//! `(expr)` in eval mode and reports errors relative to that text).

use super::{bx, Mode, PResult, Parser};
use crate::parse::ast::*;
use crate::parse::strings::{self, FPart, Prefix, StrBuilder};
use crate::parse::token::{Tok, Token};
use num_bigint::BigInt;

fn str_constant(text: StrBuilder, kind: &Option<String>, loc: Loc) -> Expr {
    let value = match text.finish() {
        Ok(s) => Constant::Str(s),
        Err(cps) => Constant::StrCodePoints(cps),
    };
    Expr { kind: ExprKind::Constant { value, kind: kind.clone() }, loc }
}

/// Builds a `JoinedStr`'s values: adjacent literal text is merged.
struct JoinedBuilder {
    values: Vec<Expr>,
    literal: StrBuilder,
    kind: Option<String>,
    loc: Loc,
}

impl JoinedBuilder {
    fn flush(&mut self) {
        if !self.literal.is_empty() {
            let text = std::mem::take(&mut self.literal);
            self.values.push(str_constant(text, &self.kind, self.loc));
        }
    }
}

impl Parser<'_> {
    /// The value of a NUMBER token. A decimal literal longer than
    /// `sys.get_int_max_str_digits()` is an ast.c-level error, as in
    /// CPython 3.8.14+.
    pub(super) fn number(&mut self, token: &Token) -> Constant {
        let text: String = self.text(token).chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        if let Some(imag) = lower.strip_suffix('j') {
            return Constant::Complex { imag: imag.parse().unwrap_or(f64::INFINITY) };
        }
        let (digits, radix) = match lower.get(..2) {
            Some("0x") => (&lower[2..], 16),
            Some("0o") => (&lower[2..], 8),
            Some("0b") => (&lower[2..], 2),
            _ if lower.contains(['.', 'e']) => {
                return Constant::Float(lower.parse().unwrap_or(f64::INFINITY))
            }
            _ => (lower.as_str(), 10),
        };
        match i64::from_str_radix(digits, radix) {
            Ok(small) => Constant::Int(Int::Small(small)),
            Err(_) if radix == 10 => {
                match crate::number::str_digits::check_parse(digits.len(), radix) {
                    Ok(()) => Constant::Int(Int::Big(
                        BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default(),
                    )),
                    Err(e) => {
                        let msg = format!(
                            "{} - Consider hexadecimal for huge integer literals to avoid \
                             decimal conversion limits.",
                            e.message
                        );
                        self.ast_error(&msg, Self::token_loc(token));
                        Constant::Int(Int::Small(0))
                    }
                }
            }
            Err(_) => match BigInt::parse_bytes(digits.as_bytes(), radix) {
                Some(big) => Constant::Int(Int::Big(big)),
                None => Constant::Int(Int::Small(0)),
            },
        }
    }

    /// `STRING+`: adjacent string literals.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let first = *self.token();
        let mut tokens = Vec::new();
        while self.peek() == Tok::String {
            tokens.push(self.bump());
        }
        let loc = self.loc_from(&first);
        let parts: Vec<(Prefix, &str, Token)> = tokens
            .iter()
            .map(|t| {
                let (prefix, body) = strings::split_token(self.text(t));
                (prefix, body, *t)
            })
            .collect();
        let placeholder =
            Expr { kind: ExprKind::Constant { value: Constant::None, kind: None }, loc };
        if let Some((bad, token)) =
            tokens.iter().find_map(|t| self.invalid_byte_in(t.start, t.end).map(|b| (b, t)))
        {
            let msg = format!(
                "(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                bad.byte,
                bad.at - token.start - strings::body_range(self.text(token)).0,
                bad.reason
            );
            self.ast_error(&msg, loc);
            return Ok(placeholder);
        }
        let is_bytes = parts[0].0.bytes;
        if parts.iter().any(|(p, _, _)| p.bytes != is_bytes) {
            self.ast_error("cannot mix bytes and nonbytes literals", loc);
            return Ok(placeholder);
        }
        if is_bytes {
            let mut bytes = Vec::new();
            for (prefix, body, _) in &parts {
                if let Err(msg) = strings::decode_bytes(body, prefix.raw, &mut bytes) {
                    self.ast_error(&msg, loc);
                    return Ok(placeholder);
                }
            }
            return Ok(Expr {
                kind: ExprKind::Constant { value: Constant::Bytes(bytes), kind: None },
                loc,
            });
        }
        let kind = parts[0].0.unicode.then(|| "u".to_string());
        if !parts.iter().any(|(p, _, _)| p.fstring) {
            let mut text = StrBuilder::default();
            for (prefix, body, _) in &parts {
                let decoded = if prefix.raw {
                    text.push_str(body);
                    Ok(())
                } else {
                    strings::decode_str(body, &mut text)
                };
                if let Err(msg) = decoded {
                    self.ast_error(&msg, loc);
                    return Ok(placeholder);
                }
            }
            return Ok(str_constant(text, &kind, loc));
        }
        let mut joined =
            JoinedBuilder { values: Vec::new(), literal: StrBuilder::default(), kind, loc };
        for (prefix, body, _) in &parts {
            let result = if prefix.fstring {
                match strings::split_fstring(body, prefix.raw, 0) {
                    Ok(fparts) => self.fstring_parts(fparts, &first, &mut joined),
                    Err(msg) => Err(FstringError::Message(msg)),
                }
            } else if prefix.raw {
                joined.literal.push_str(body);
                Ok(())
            } else {
                strings::decode_str(body, &mut joined.literal).map_err(FstringError::Message)
            };
            match result {
                Ok(()) => {}
                Err(FstringError::Message(msg)) => {
                    self.ast_error(&msg, loc);
                    return Ok(placeholder);
                }
                Err(FstringError::Syntax(err)) => {
                    if self.pending.is_none() {
                        self.pending = Some(err);
                    }
                    return Ok(placeholder);
                }
            }
        }
        joined.flush();
        Ok(Expr { kind: ExprKind::JoinedStr { values: joined.values }, loc })
    }

    /// Adds the parts of one f-string token to `joined`.
    fn fstring_parts(
        &mut self,
        fparts: Vec<FPart<'_>>,
        first: &Token,
        joined: &mut JoinedBuilder,
    ) -> Result<(), FstringError> {
        for part in fparts {
            match part {
                FPart::Literal(text) => joined.literal.append(text),
                FPart::Field(field) => {
                    if let Some(debug) = field.debug_text {
                        joined.literal.push_str(debug);
                    }
                    joined.flush();
                    let value = self.fstring_field(field, first, &joined.kind, joined.loc)?;
                    joined.values.push(value);
                }
            }
        }
        Ok(())
    }

    fn fstring_field(
        &mut self,
        field: strings::Field<'_>,
        first: &Token,
        kind: &Option<String>,
        loc: Loc,
    ) -> Result<Expr, FstringError> {
        let (line, cols) = self.fstring_expr_position(first, field.expr);
        let source = format!("({})\n", field.expr);
        // CPython 3.8 reports errors in f-string expressions in "<fstring>".
        let mut sub = Parser::new(&source, "<fstring>", line, self.depth, true);
        sub.shift_first_line(cols);
        // CPython parses `(expr)` without a final newline.
        sub.set_unterminated();
        let value = match sub.parse(Mode::Expression) {
            Ok(Mod::Expression { body }) => body,
            Ok(_) => return Err(FstringError::Message("f-string: invalid expression".into())),
            Err(err) => return Err(FstringError::Syntax(err)),
        };
        let format_spec = match field.format_spec {
            None => None,
            Some(spec) => {
                let mut inner = JoinedBuilder {
                    values: Vec::new(),
                    literal: StrBuilder::default(),
                    kind: kind.clone(),
                    loc,
                };
                self.fstring_parts(spec, first, &mut inner)?;
                inner.flush();
                Some(bx(Expr { kind: ExprKind::JoinedStr { values: inner.values }, loc }))
            }
        };
        let kind = ExprKind::FormattedValue { value, conversion: field.conversion, format_spec };
        Ok(Expr { kind, loc })
    }
}

impl Parser<'_> {
    /// Where CPython 3.8 places an f-string expression's nodes
    /// (`fstring_fix_node_location`): it looks for `{expr}` in the text of
    /// the atom's first string token and shifts the `(expr)` parse by the
    /// lines before it and by the columns from the token's column plus the
    /// distance from the last newline (or the token start). Returns the line
    /// of `(expr)` and the column shift of its first line.
    fn fstring_expr_position(&self, first: &Token, expr: &str) -> (u32, u32) {
        let text = self.text(first);
        let needle = format!("{{{expr}}}");
        match text.find(&needle) {
            Some(at) => {
                let before = &text[..at];
                let newlines = before.matches('\n').count() as u32;
                let from = before.rfind('\n').unwrap_or(0);
                (first.line + newlines, first.col + (at - from) as u32)
            }
            None => (first.line, first.col),
        }
    }
}

/// Why an f-string failed: a message placed at the string, or an error
/// from parsing one of its expressions.
enum FstringError {
    Message(String),
    Syntax(Box<crate::parse::error::SyntaxError>),
}
