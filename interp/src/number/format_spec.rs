//! The format-spec mini-language of `format(x, spec)` and `str.format` for
//! int, float and complex, as CPython 3.8's `Python/formatter_unicode.c`:
//! `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
//!
//! A number is laid out as `<lpad><sign><prefix><spad><digits><.><rest><rpad>`;
//! zero padding with `=` alignment goes into the digits, so that it is
//! grouped like them (`format(1234, '08,')` is `'0,001,234'`).

use super::complex::Complex;
use super::dtoa::{double_to_string, DtoaFlags};
use super::int::Int;
use super::text::decimal_value;
use super::{NumError, NumResult};

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `< > = ^`.
    pub align: char,
    /// Whether `fill` or `align` were written (the `0` flag yields to them).
    pub fill_given: bool,
    /// `+`, `-`, ` ` or `None`.
    pub sign: Option<char>,
    /// `#`.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// How digits are grouped: the separator and the group size.
type Grouping = Option<(char, usize)>;

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of decimal digits (of any script, like CPython).
fn read_integer(chars: &[char], pos: &mut usize) -> NumResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

fn char_for_message(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

impl FormatSpec {
    /// CPython's `parse_internal_render_format_spec` with numbers' default
    /// alignment (right).
    pub fn parse(spec: &str) -> NumResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let at = |i: usize| chars.get(i).copied();
        let mut f = FormatSpec {
            fill: ' ',
            align: '>',
            fill_given: false,
            sign: None,
            alternate: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        };
        let mut pos = 0;
        let mut align_given = false;
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = chars[0];
            f.align = chars[1];
            f.fill_given = true;
            align_given = true;
            pos = 2;
        } else if at(0).is_some_and(is_align) {
            f.align = chars[0];
            align_given = true;
            pos = 1;
        }
        if let Some(c @ ('+' | '-' | ' ')) = at(pos) {
            f.sign = Some(c);
            pos += 1;
        }
        if at(pos) == Some('#') {
            f.alternate = true;
            pos += 1;
        }
        if !f.fill_given && at(pos) == Some('0') {
            f.fill = '0';
            if !align_given {
                f.align = '=';
            }
            pos += 1;
        }
        f.width = read_integer(&chars, &mut pos)?;
        let both = || NumError::value("Cannot specify both ',' and '_'.");
        if at(pos) == Some(',') {
            f.grouping = Some(',');
            pos += 1;
        }
        if at(pos) == Some('_') {
            if f.grouping.is_some() {
                return Err(both());
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if at(pos) == Some(',') {
            return Err(both());
        }
        if at(pos) == Some('.') {
            pos += 1;
            f.precision = read_integer(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err(NumError::value("Format specifier missing precision"));
            }
        }
        if chars.len() - pos > 1 {
            return Err(NumError::value("Invalid format specifier"));
        }
        f.ty = at(pos);
        if let Some(sep) = f.grouping {
            let ok = match f.ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
                Some('b' | 'o' | 'x' | 'X') => sep == '_',
                _ => false,
            };
            if !ok {
                let ty = char_for_message(f.ty.unwrap_or('\0'));
                return Err(NumError::value(format!("Cannot specify '{sep}' with '{ty}'.")));
            }
        }
        Ok(f)
    }

    /// The digit grouping this spec asks for with the given type.
    fn grouping(&self, ty: char) -> Grouping {
        match self.grouping {
            Some('_') if matches!(ty, 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
            Some(sep) => Some((sep, 3)),
            None => None,
        }
    }
}

/// Widths and precisions above this are refused as CPython would run out
/// of memory padding them.
pub const MAX_PADDING: usize = 1 << 30;

fn refuse_huge(width: Option<usize>, precision: Option<usize>) -> NumResult<()> {
    if width.unwrap_or(0).max(precision.unwrap_or(0)) > MAX_PADDING {
        return Err(NumError::memory());
    }
    Ok(())
}

fn unknown_code(ty: char, type_name: &str) -> NumError {
    NumError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        char_for_message(ty)
    ))
}

/// A number cut into the pieces the layout places.
struct Parts<'a> {
    sign: Option<char>,
    prefix: &'a str,
    digits: &'a str,
    decimal: bool,
    remainder: &'a str,
}

impl<'a> Parts<'a> {
    /// CPython's `parse_number` on a formatted float (sign already removed):
    /// leading digits, then an optional point, then the rest.
    fn of_float(sign: Option<char>, text: &'a str) -> Parts<'a> {
        let n = text.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, rest) = text.split_at(n);
        let decimal = rest.starts_with('.');
        let remainder = if decimal { &rest[1..] } else { rest };
        Parts { sign, prefix: "", digits, decimal, remainder }
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: the digits with
/// separators, left-padded with zeros (also grouped) to `min_width`.
fn group_digits(digits: &str, min_width: i64, grouping: Grouping) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    // Pieces from right to left.
    let mut pieces: Vec<String> = Vec::new();
    let mut end = digits.len();
    let mut emit = |l: i64, remaining: i64, sep: Option<char>, end: &mut usize| {
        let zeros = (l - remaining).max(0) as usize;
        let n = remaining.min(l).max(0) as usize;
        let mut piece: String = std::iter::repeat_n('0', zeros).collect();
        piece.extend(&digits[*end - n..*end]);
        piece.extend(sep);
        *end -= n;
        pieces.push(piece);
        n as i64
    };
    let mut finished = false;
    let mut sep = None;
    if let Some((sep_char, size)) = grouping {
        loop {
            let l = (size as i64).min(remaining.max(min_width).max(1));
            remaining -= emit(l, remaining, sep, &mut end);
            sep = Some(sep_char);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let l = remaining.max(min_width).max(1);
        emit(l, remaining, sep, &mut end);
    }
    pieces.iter().rev().map(String::as_str).collect()
}

/// CPython's `calc_number_widths` and `fill_number`.
fn layout(parts: &Parts, spec: &FormatSpec, grouping: Grouping, upper: bool) -> String {
    let sign = match (spec.sign, parts.sign) {
        (_, Some('-')) => Some('-'),
        (Some('+'), _) => Some('+'),
        (Some(' '), _) => Some(' '),
        _ => None,
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let remainder_len = parts.remainder.chars().count() as i64;
    let fixed =
        sign.is_some() as i64 + parts.prefix.len() as i64 + parts.decimal as i64 + remainder_len;
    let min_width = if spec.fill == '0' && spec.align == '=' { width - fixed } else { 0 };
    let grouped: std::borrow::Cow<str> = if parts.digits.is_empty() {
        "".into()
    } else if grouping.is_none() && min_width <= parts.digits.len() as i64 {
        parts.digits.into()
    } else {
        group_digits(parts.digits, min_width, grouping).into()
    };
    let padding = (width - fixed - grouped.chars().count() as i64).max(0) as usize;
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(spec.fill, n));
    let mut out = String::with_capacity(fixed as usize + grouped.len() + padding);
    fill(&mut out, left);
    out.extend(sign);
    let push_cased = |out: &mut String, s: &str| match upper {
        true => out.push_str(&s.to_ascii_uppercase()),
        false => out.push_str(s),
    };
    push_cased(&mut out, parts.prefix);
    fill(&mut out, inner);
    push_cased(&mut out, &grouped);
    if parts.decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    fill(&mut out, right);
    out
}

/// `format(n, spec)` for an int; `type_name` names the type in errors
/// (`int`, `bool`). An empty spec gives `str(n)`: for a bool the caller
/// passes `str(b)` instead.
pub fn format_int(n: &Int, spec: &str, type_name: &str) -> NumResult<String> {
    if spec.is_empty() {
        super::str_digits::check_format(n)?;
        return Ok(n.to_string());
    }
    let spec = FormatSpec::parse(spec)?;
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'd' | 'n') {
        super::str_digits::check_format(n)?;
    }
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_spec(n, &spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_spec(n.to_f64()?, &spec),
        _ => Err(unknown_code(ty, type_name)),
    }
}

fn format_int_spec(n: &Int, spec: &FormatSpec, ty: char) -> NumResult<String> {
    if spec.precision.is_some() {
        return Err(NumError::value("Precision not allowed in integer format specifier"));
    }
    refuse_huge(spec.width, None)?;
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let c = char_of(n)?.to_string();
        let parts = Parts { sign: None, prefix: "", digits: "", decimal: false, remainder: &c };
        return Ok(layout(&parts, spec, None, false));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = n.abs().to_base_string(base);
    let digits = &digits[prefix.len()..];
    let parts = Parts {
        sign: n.is_negative().then_some('-'),
        prefix: if spec.alternate { prefix } else { "" },
        digits,
        decimal: false,
        remainder: "",
    };
    let grouping = if ty == 'n' { None } else { spec.grouping(ty) };
    Ok(layout(&parts, spec, grouping, ty == 'X'))
}

/// The character `%c` and `{:c}` make of an int.
pub fn char_of(n: &Int) -> NumResult<char> {
    let v = n
        .to_i64()
        .ok_or_else(|| NumError::overflow("Python int too large to convert to C long"))?;
    let v = u32::try_from(v)
        .ok()
        .filter(|&v| v <= 0x10ffff)
        .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
    char::from_u32(v)
        .ok_or_else(|| NumError::value(format!("lone surrogate U+{v:04X} is not supported in str")))
}

/// `format(x, spec)` for a float. An empty spec gives `str(x)`.
pub fn format_float(x: f64, spec: &str) -> NumResult<String> {
    if spec.is_empty() {
        return Ok(super::float_repr::float_repr(x));
    }
    let spec = FormatSpec::parse(spec)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(x, &spec),
        Some(ty) => Err(unknown_code(ty, "float")),
    }
}

/// The type code, precision and flags for `PyOS_double_to_string`
/// (CPython's `format_float_internal` and `format_complex_internal`).
fn float_conversion(spec: &FormatSpec, add_dot_0: bool) -> NumResult<(char, usize, DtoaFlags)> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    refuse_huge(spec.width, spec.precision)?;
    let mut flags = DtoaFlags { alt: spec.alternate, ..DtoaFlags::default() };
    let mut default_precision = 6;
    let mut ty = spec.ty.unwrap_or('r');
    if spec.ty.is_none() {
        flags.add_dot_0 = add_dot_0;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => default_precision,
    };
    Ok((ty, precision, flags))
}

fn format_float_spec(x: f64, spec: &FormatSpec) -> NumResult<String> {
    let (ty, precision, flags) = float_conversion(spec, true)?;
    let (x, ty, pct) = if ty == '%' { (x * 100.0, 'f', "%") } else { (x, ty, "") };
    let text = double_to_string(x, ty, precision, flags) + pct;
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => (Some('-'), body),
        None => (None, text.as_str()),
    };
    let grouping = if spec.ty == Some('n') { None } else { spec.grouping('d') };
    Ok(layout(&Parts::of_float(sign, body), spec, grouping, false))
}

/// `format(z, spec)` for a complex number. An empty spec gives `str(z)`.
pub fn format_complex(z: Complex, spec: &str) -> NumResult<String> {
    if spec.is_empty() {
        return Ok(z.repr());
    }
    let spec = FormatSpec::parse(spec)?;
    if let Some(ty) = spec.ty.filter(|t| !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(unknown_code(ty, "complex"));
    }
    if spec.fill == '0' {
        return Err(NumError::value("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == '=' {
        return Err(NumError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (ty, precision, flags) = float_conversion(&spec, false)?;
    let bare = spec.ty.is_none();
    let skip_re = bare && z.re == 0.0 && z.re.is_sign_positive();
    let parens = bare && !skip_re;
    let grouping = if spec.ty == Some('n') { None } else { spec.grouping('d') };
    let part = |x: f64, sign: Option<char>| {
        let text = double_to_string(x, ty, precision, flags);
        let (neg, body) = match text.strip_prefix('-') {
            Some(body) => (Some('-'), body.to_string()),
            None => (None, text.clone()),
        };
        let unpadded = FormatSpec { fill: ' ', align: '<', width: None, sign, ..spec.clone() };
        layout(&Parts::of_float(neg, &body), &unpadded, grouping, false)
    };
    let re = if skip_re { String::new() } else { part(z.re, spec.sign) };
    let im = part(z.im, if skip_re { spec.sign } else { Some('+') });
    let body =
        format!("{}{re}{im}j{}", if parens { "(" } else { "" }, if parens { ")" } else { "" });
    let n = body.chars().count();
    let total = spec.width.unwrap_or(0).max(n);
    let left = match spec.align {
        '>' => total - n,
        '^' => (total - n) / 2,
        _ => 0,
    };
    let mut out: String = std::iter::repeat_n(spec.fill, left).collect();
    out.push_str(&body);
    out.extend(std::iter::repeat_n(spec.fill, total - n - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(n: i64, spec: &str) -> String {
        format_int(&Int::Small(n), spec, "int").unwrap_or_else(|e| e.message)
    }

    fn ff(x: f64, spec: &str) -> String {
        format_float(x, spec).unwrap_or_else(|e| e.message)
    }

    #[test]
    fn ints() {
        assert_eq!(fi(1234, "08,"), "0,001,234");
        assert_eq!(fi(1234, "09,"), "0,001,234");
        assert_eq!(fi(-1234, "010,"), "-0,001,234");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(255, "#010b"), "0b11111111");
        assert_eq!(fi(65535, "_x"), "ffff");
        assert_eq!(fi(65536, "_x"), "1_0000");
        assert_eq!(fi(5, "*^9"), "****5****");
        assert_eq!(fi(-5, "=+5"), "-   5");
        assert_eq!(fi(5, " d"), " 5");
        assert_eq!(fi(65, "05c"), "0000A");
        assert_eq!(fi(1, ",c"), "Cannot specify ',' with 'c'.");
        assert_eq!(fi(1, "_n"), "Cannot specify '_' with 'n'.");
        assert_eq!(fi(1, "q"), "Unknown format code 'q' for object of type 'int'");
        assert_eq!(fi(1, ".2"), "Precision not allowed in integer format specifier");
        assert_eq!(fi(12345, ".2e"), "1.23e+04");
        assert_eq!(fi(1, "%"), "100.000000%");
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1.0, ""), "1.0");
        assert_eq!(ff(1.0, "5"), "  1.0");
        assert_eq!(ff(123.0, ".3"), "1.23e+02");
        assert_eq!(ff(12.0, ".3"), "12.0");
        assert_eq!(ff(1.5, ".0f"), "2");
        assert_eq!(ff(2.5, ".0f"), "2");
        assert_eq!(ff(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(ff(1234.5, "012,.1f"), "00,001,234.5");
        assert_eq!(ff(0.25, ".1%"), "25.0%");
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(-f64::NAN, "+"), "+nan");
        assert_eq!(ff(1e-5, "g"), "1e-05");
        assert_eq!(ff(1.0, "#g"), "1.00000");
        assert_eq!(ff(1.0, "d"), "Unknown format code 'd' for object of type 'float'");
        assert_eq!(ff(1.0, "\x01"), "Unknown format code '\\x1' for object of type 'float'");
        assert_eq!(ff(1.0, ".f"), "Format specifier missing precision");
        assert_eq!(ff(1.0, "xx"), "Invalid format specifier");
    }

    #[test]
    fn complexes() {
        let fc = |re: f64, im: f64, spec: &str| {
            format_complex(Complex::new(re, im), spec).unwrap_or_else(|e| e.message)
        };
        assert_eq!(fc(1.0, 2.0, ""), "(1+2j)");
        assert_eq!(fc(1.0, 2.0, "10"), "    (1+2j)");
        assert_eq!(fc(0.0, 2.0, "<6"), "2j    ");
        assert_eq!(fc(1.0, -2.0, ".2f"), "1.00-2.00j");
        assert_eq!(fc(1.0, 2.0, "+"), "(+1+2j)");
        assert_eq!(fc(1.0, 2.0, "05"), "Zero padding is not allowed in complex format specifier");
        assert_eq!(
            fc(1.0, 2.0, "=5"),
            "'=' alignment flag is not allowed in complex format specifier"
        );
        assert_eq!(fc(1.0, 2.0, "%"), "Unknown format code '%' for object of type 'complex'");
    }
}
