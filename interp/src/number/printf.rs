//! The numeric conversions of printf-style `%` formatting (`'%5.2f' % x`),
//! as CPython 3.8's `PyUnicode_Format`: `d i u o x X e E f F g G c` with
//! the flags `- + space # 0`, a width and a precision. The caller (str and
//! bytes `%`) parses the template, resolves `*` from the arguments and
//! converts the argument (`int(x)` for `%d` of a float, `float(x)` for `%f`).

use super::dtoa::{double_to_string, DtoaFlags};
use super::format_spec::MAX_PADDING;
use super::int::Int;
use super::{NumError, NumResult};

/// One conversion: `%[flags][width][.precision]conv`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conversion {
    /// `-`: pad on the right.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space for non-negative numbers.
    pub blank: bool,
    /// `#`: the alternate form (`0x` prefix, kept decimal point).
    pub alternate: bool,
    /// `0`: pad with zeros after the sign.
    pub zero: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    /// The conversion character.
    pub conv: char,
}

impl Conversion {
    /// Parses a conversion without `*` and without the mapping key, e.g.
    /// `"-08.3f"` (the text after `%`). `None` when it is not one of the
    /// numeric conversions.
    pub fn parse(text: &str) -> Option<Conversion> {
        let mut c = Conversion::default();
        let mut chars = text.chars().peekable();
        while let Some(&ch) = chars.peek() {
            match ch {
                '-' => c.left = true,
                '+' => c.plus = true,
                ' ' => c.blank = true,
                '#' => c.alternate = true,
                '0' => c.zero = true,
                _ => break,
            }
            chars.next();
        }
        let number = |chars: &mut std::iter::Peekable<std::str::Chars>| {
            let mut v: Option<usize> = None;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                v = Some(v.unwrap_or(0).checked_mul(10)?.checked_add(d as usize)?);
                chars.next();
            }
            Some(v)
        };
        c.width = number(&mut chars)?;
        if chars.peek() == Some(&'.') {
            chars.next();
            c.precision = Some(number(&mut chars)?.unwrap_or(0));
        }
        c.conv = chars.next()?;
        let numeric = matches!(
            c.conv,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c'
        );
        (numeric && chars.next().is_none()).then_some(c)
    }
}

/// CPython's limit on a precision, and ours on what we pad.
pub fn check_size(conv: &Conversion) -> NumResult<()> {
    if conv.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    if conv.width.unwrap_or(0).max(conv.precision.unwrap_or(0)) > MAX_PADDING {
        return Err(NumError::memory());
    }
    Ok(())
}

/// `%d %i %u %o %x %X` of an int (CPython's `_PyUnicode_FormatLong`).
pub fn format_int(n: &Int, conv: &Conversion) -> NumResult<String> {
    let mut out = Vec::new();
    write_int(&mut out, n, conv)?;
    Ok(ascii_string(out))
}

/// [`format_int`] appended to `out`; a small int's digits are made on the
/// stack.
pub fn write_int(out: &mut Vec<u8>, n: &Int, conv: &Conversion) -> NumResult<()> {
    check_size(conv)?;
    if !matches!(conv.conv, 'o' | 'x' | 'X') {
        super::str_digits::check_format(n)?;
    }
    let upper = conv.conv == 'X';
    let (base, prefix) = match conv.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut buf = [0u8; 64];
    let big: String;
    let digits: &[u8] = match n {
        Int::Small(v) => small_digits(v.unsigned_abs(), base, upper, &mut buf),
        Int::Big(b) => {
            let mut text = b.magnitude().to_str_radix(base as u32);
            if upper {
                text.make_ascii_uppercase();
            }
            big = text;
            big.as_bytes()
        }
    };
    let zeros = conv.precision.map_or(0, |p| p.saturating_sub(digits.len()));
    let prefix = if conv.alternate { prefix } else { "" };
    output(out, conv, n.is_negative(), prefix, zeros, digits);
    Ok(())
}

/// The decimal text of `i`, sign included, at the end of `buf`.
pub(crate) fn signed_decimal(i: i64, buf: &mut [u8; 64]) -> &[u8] {
    let mut at = buf.len() - small_digits(i.unsigned_abs(), 10, false, buf).len();
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

/// The digits of `m` in `base` (8, 10 or 16), at the end of `buf`.
fn small_digits(mut m: u64, base: u64, upper: bool, buf: &mut [u8; 64]) -> &[u8] {
    let alphabet: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = alphabet[(m % base) as usize];
        m /= base;
        if m == 0 {
            break;
        }
    }
    &buf[at..]
}

/// `%e %E %f %F %g %G` of a float (CPython's `formatfloat`).
pub fn format_float(x: f64, conv: &Conversion) -> NumResult<String> {
    let mut out = Vec::new();
    write_float(&mut out, x, conv)?;
    Ok(ascii_string(out))
}

/// [`format_float`] appended to `out`.
pub fn write_float(out: &mut Vec<u8>, x: f64, conv: &Conversion) -> NumResult<()> {
    check_size(conv)?;
    let flags = DtoaFlags { alt: conv.alternate, ..DtoaFlags::default() };
    let text = double_to_string(x, conv.conv, conv.precision.unwrap_or(6), flags);
    match text.strip_prefix('-') {
        Some(body) => output(out, conv, true, "", 0, body.as_bytes()),
        None => output(out, conv, false, "", 0, text.as_bytes()),
    }
    Ok(())
}

/// The text of ASCII bytes made by this module.
fn ascii_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `%c` of a character: padded to the width, never zero-filled.
pub fn format_char(c: char, conv: &Conversion) -> NumResult<String> {
    check_size(conv)?;
    let width = conv.width.unwrap_or(0).saturating_sub(1);
    let pad = " ".repeat(width);
    Ok(if conv.left { format!("{c}{pad}") } else { format!("{pad}{c}") })
}

/// The character `%c` makes of an int.
pub fn char_of_int(n: &Int) -> NumResult<char> {
    if n.to_i64().is_none() {
        // CPython's C long overflows, which `%` reports as a type mismatch.
        return Err(NumError::type_error("%c requires int or char"));
    }
    super::format_spec::char_of(n)
}

/// CPython's `unicode_format_arg_output` for a number: sign, then the
/// `0x` prefix, then `zeros` zeros (the precision's) and the ASCII
/// digits, padded to the width with spaces on the left (or right for
/// `-`), or with zeros between prefix and digits.
fn output(
    out: &mut Vec<u8>,
    conv: &Conversion,
    negative: bool,
    prefix: &str,
    zeros: usize,
    digits: &[u8],
) {
    let sign = if negative {
        Some(b'-')
    } else if conv.plus {
        Some(b'+')
    } else if conv.blank {
        Some(b' ')
    } else {
        None
    };
    let len = sign.is_some() as usize + prefix.len() + zeros + digits.len();
    let pad = conv.width.unwrap_or(0).saturating_sub(len);
    let (spaces_before, zeros, spaces_after) = if conv.left {
        (0, zeros, pad)
    } else if conv.zero {
        (0, zeros + pad, 0)
    } else {
        (pad, zeros, 0)
    };
    out.resize(out.len() + spaces_before, b' ');
    out.extend(sign);
    out.extend_from_slice(prefix.as_bytes());
    out.resize(out.len() + zeros, b'0');
    out.extend_from_slice(digits);
    out.resize(out.len() + spaces_after, b' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(n: i64, spec: &str) -> String {
        format_int(&Int::Small(n), &Conversion::parse(spec).unwrap()).unwrap()
    }

    #[test]
    fn signed_decimal_of_small_ints() {
        for i in [0, 7, -7, 10, -100, 1_234_567_890_123, i64::MAX, i64::MIN] {
            assert_eq!(signed_decimal(i, &mut [0; 64]), i.to_string().as_bytes());
        }
    }

    fn pf(x: f64, spec: &str) -> String {
        format_float(x, &Conversion::parse(spec).unwrap()).unwrap()
    }

    #[test]
    fn cpython_cases() {
        assert_eq!(pi(42, "5d"), "   42");
        assert_eq!(pi(-42, "05d"), "-0042");
        assert!(Conversion::parse("-5d|").is_none());
        assert_eq!(pi(255, "#x"), "0xff");
        assert_eq!(pi(255, "#08X"), "0X0000FF");
        assert_eq!(pi(-255, "#10x"), "     -0xff");
        assert_eq!(pi(5, ".3d"), "005");
        assert_eq!(pi(5, "+d"), "+5");
        assert_eq!(pi(8, "#o"), "0o10");
        assert_eq!(pf(1.5, "f"), "1.500000");
        assert_eq!(pf(-1.5, "08.2f"), "-0001.50");
        assert_eq!(pf(1.5, "-8.2f"), "1.50    ");
        assert_eq!(pf(1e100, "g"), "1e+100");
        assert_eq!(pf(f64::INFINITY, "F"), "INF");
        assert_eq!(pf(1.0, "#.0f"), "1.");
        assert_eq!(format_char('A', &Conversion::parse("3c").unwrap()).unwrap(), "  A");
        let big = Int::Small(1).shl(&Int::Small(70)).unwrap();
        assert_eq!(char_of_int(&big).unwrap_err().message, "%c requires int or char");
        let huge = Conversion { precision: Some(1 << 40), conv: 'f', ..Conversion::default() };
        assert_eq!(format_float(1.0, &huge).unwrap_err().message, "precision too big");
    }
}
