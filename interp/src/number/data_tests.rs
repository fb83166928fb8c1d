//! Checks against CPython 3.8's answers in `tests/data/number/`, written by
//! `tools/gen_number_data.py` (see there for the line format).

use std::fmt::Write;

use num_bigint::BigInt;

use super::complex::{self, Complex};
use super::float::{self, FloatPow};
use super::hash::{self, SipKey};
use super::int::IntPow;
use super::int_bytes::{self, ByteOrder};
use super::text;
use super::tower::{self, Arith, Num};
use super::{
    float_hex, float_parse, float_repr::float_repr, format_spec, int_parse, printf, Int, NumResult,
};

/// Python's `unicode_escape` decoding, for the fields of the data files.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.take(n).collect();
            char::from_u32(u32::from_str_radix(&digits, 16).expect("hex escape"))
                .expect("code point")
        };
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('x') => out.push(hex(&mut chars, 2)),
            Some('u') => out.push(hex(&mut chars, 4)),
            Some('U') => out.push(hex(&mut chars, 8)),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn rows(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/../tests/data/number/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run tools/gen_number_data.py)"));
    text.lines().map(|line| line.split('\t').map(unescape).collect()).collect()
}

fn outcome(r: NumResult<String>) -> String {
    match r {
        Ok(v) => format!("={v}"),
        Err(e) => format!("!{}: {}", e.kind.name(), e.message),
    }
}

fn f(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("float {s}"))
}

fn int(s: &str) -> Int {
    Int::from_big(s.parse::<BigInt>().unwrap_or_else(|_| panic!("int {s}")))
}

/// Runs `check` on every row; fails listing the first mismatches.
fn check_all(name: &str, check: impl Fn(&[String]) -> Option<String>) {
    let rows = rows(name);
    assert!(!rows.is_empty(), "{name} is empty");
    let mut failures = 0;
    let mut report = String::new();
    for row in &rows {
        if let Some(problem) = check(row) {
            failures += 1;
            if failures <= 25 {
                writeln!(report, "{row:?}: {problem}").unwrap();
            }
        }
    }
    assert!(
        failures == 0,
        "{name}: {failures} of {} cases differ from CPython:\n{report}",
        rows.len()
    );
}

fn expect(got: String, want: &str) -> Option<String> {
    (got != want).then(|| format!("got {got:?}"))
}

#[test]
fn float_repr_and_str() {
    check_all("floats.txt", |row| {
        let x = f64::from_bits(u64::from_str_radix(&row[0], 16).unwrap());
        expect(float_repr(x), &row[1]).or_else(|| expect(float_repr(x), &row[2]))
    });
}

fn pow_text(p: FloatPow) -> String {
    match p {
        FloatPow::Real(x) => float_repr(x),
        FloatPow::Complex(z) => format!("c:{}", z.repr()),
    }
}

#[test]
fn float_operations() {
    check_all("float_ops.txt", |row| {
        let (a, b) = (f(&row[1]), f(&row[2]));
        let got: NumResult<String> = match row[0].as_str() {
            "truediv" => float::true_div(a, b).map(float_repr),
            "floordiv" => float::floordiv(a, b).map(float_repr),
            "mod" => float::modulo(a, b).map(float_repr),
            "divmod" => {
                float::divmod(a, b).map(|(q, r)| format!("{} {}", float_repr(q), float_repr(r)))
            }
            "pow" => float::pow(a, b).map(pow_text),
            "round" => float::round_ndigits(a, b as i64).map(float_repr),
            "round0" => float::round_to_int(a).map(|n| n.to_string()),
            "int" => Int::from_f64(a).map(|n| n.to_string()),
            "is_integer" => Ok(if float::is_integer(a) { "True" } else { "False" }.to_string()),
            "as_integer_ratio" => float::as_integer_ratio(a).map(|(n, d)| format!("{n} {d}")),
            "hex" => Ok(float_hex::float_hex(a)),
            op => panic!("unknown op {op}"),
        };
        expect(outcome(got), &row[3])
    });
}

#[test]
fn float_fromhex() {
    check_all("fromhex.txt", |row| {
        expect(outcome(float_hex::float_fromhex(&row[0]).map(float_repr)), &row[1])
    });
}

fn split2(s: &str) -> (&str, &str) {
    s.split_once(' ').expect("two fields")
}

#[test]
fn int_operations() {
    check_all("int_ops.txt", |row| {
        let op = row[0].as_str();
        if op == "from_bytes" {
            let data: Vec<u8> = (0..row[1].len() / 2)
                .map(|i| u8::from_str_radix(&row[1][2 * i..2 * i + 2], 16).unwrap())
                .collect();
            let (order, signed) = split2(&row[2]);
            let order = ByteOrder::parse(order).unwrap();
            return expect(
                outcome(Ok(int_bytes::from_bytes(&data, order, signed == "True").to_string())),
                &row[3],
            );
        }
        let a = int(&row[1]);
        let got: NumResult<String> = match op {
            "powmod" => {
                let (e, m) = split2(&row[2]);
                a.pow_mod(&int(e), &int(m)).map(|r| r.to_string())
            }
            "to_bytes" => {
                let mut parts = row[2].split(' ');
                let length: i64 = parts.next().unwrap().parse().unwrap();
                let order = ByteOrder::parse(parts.next().unwrap()).unwrap();
                let signed = parts.next() == Some("True");
                int_bytes::to_bytes(&a, length, order, signed)
                    .map(|b| b.iter().map(|x| format!("{x:02x}")).collect())
            }
            "cmp_float" => {
                let x = f(&row[2]);
                let c = a.cmp_f64(x);
                let py = |b: bool| if b { "True" } else { "False" };
                Ok(format!(
                    "{} {} {}",
                    py(c == Some(std::cmp::Ordering::Less)),
                    py(c == Some(std::cmp::Ordering::Equal)),
                    py(c == Some(std::cmp::Ordering::Greater))
                ))
            }
            _ => {
                let b = int(&row[2]);
                match op {
                    "add" => Ok(a.add(&b).to_string()),
                    "sub" => Ok(a.sub(&b).to_string()),
                    "mul" => Ok(a.mul(&b).to_string()),
                    "floordiv" => a.floordiv(&b).map(|r| r.to_string()),
                    "mod" => a.modulo(&b).map(|r| r.to_string()),
                    "truediv" => a.true_div(&b).map(float_repr),
                    "and" => Ok(a.bitand(&b).to_string()),
                    "or" => Ok(a.bitor(&b).to_string()),
                    "xor" => Ok(a.bitxor(&b).to_string()),
                    "pow" => a.pow(&b).map(|p| match p {
                        IntPow::Int(n) => n.to_string(),
                        IntPow::Float(x) => format!("f:{}", float_repr(x)),
                    }),
                    "lshift" => a.shl(&b).map(|r| r.to_string()),
                    "rshift" => a.shr(&b).map(|r| r.to_string()),
                    "neg" => Ok(a.neg().to_string()),
                    "invert" => Ok(a.invert().to_string()),
                    "bit_length" => Ok(a.bit_length().to_string()),
                    "float" => a.to_f64().map(float_repr),
                    "str" => Ok(format!(
                        "{} {} {} {}",
                        a.to_base_string(2),
                        a.to_base_string(8),
                        a.to_base_string(16),
                        a
                    )),
                    "round" => Ok(a.round(&b).to_string()),
                    op => panic!("unknown op {op}"),
                }
            }
        };
        expect(outcome(got), &row[3])
    });
}

#[test]
fn parsing() {
    check_all("parse.txt", |row| {
        let s = row[1].as_str();
        let got = match row[0].as_str() {
            "int" => int_parse::parse_int(s, row[2].parse().unwrap()).map(|n| n.to_string()),
            "float" => float_parse::parse_float(s).map(float_repr),
            "complex" => complex::parse_complex(s).map(Complex::repr),
            kind => panic!("unknown kind {kind}"),
        };
        expect(outcome(got), &row[3])
    });
}

fn complex_of(s: &str) -> Complex {
    let (re, im) = split2(s);
    Complex::new(f(re), f(im))
}

#[test]
fn format_specs() {
    check_all("format_spec.txt", |row| {
        let spec = row[2].as_str();
        let got = match row[0].as_str() {
            "float" => format_spec::format_float(f(&row[1]), spec),
            "int" => format_spec::format_int(&int(&row[1]), spec, "int"),
            "complex" => format_spec::format_complex(complex_of(&row[1]), spec),
            kind => panic!("unknown kind {kind}"),
        };
        expect(outcome(got), &row[3])
    });
}

#[test]
fn printf_conversions() {
    check_all("printf.txt", |row| {
        let conv = printf::Conversion::parse(&row[2]).expect("a numeric conversion");
        let got = match (row[0].as_str(), conv.conv) {
            ("int", 'c') => {
                printf::char_of_int(&int(&row[1])).and_then(|c| printf::format_char(c, &conv))
            }
            ("int", _) => printf::format_int(&int(&row[1]), &conv),
            ("float", _) => printf::format_float(f(&row[1]), &conv),
            (kind, _) => panic!("unknown kind {kind}"),
        };
        expect(outcome(got), &row[3])
    });
}

/// Hash of an encoded tuple/frozenset element (see `encode_value` in the
/// generator); returns the hash and the rest of the text.
fn hash_encoded(s: &str) -> (i64, &str) {
    let key = SipKey::from_hash_seed(0);
    let end = s.find([' ', ')', '}']).unwrap_or(s.len());
    match s.as_bytes()[0] {
        b'i' => (hash::hash_int(&int(&s[1..end])), &s[end..]),
        b'f' => (hash::hash_float(f(&s[1..end])), &s[end..]),
        b's' => (hash::hash_str(&s[1..end], key), &s[end..]),
        open @ (b'(' | b'{') => {
            let close = if open == b'(' { ')' } else { '}' };
            let mut rest = &s[1..];
            let mut hashes = Vec::new();
            loop {
                rest = rest.trim_start_matches(' ');
                if let Some(after) = rest.strip_prefix(close) {
                    rest = after;
                    break;
                }
                let (h, after) = hash_encoded(rest);
                hashes.push(h);
                rest = after;
            }
            let h = if open == b'(' {
                hash::hash_tuple(hashes.into_iter())
            } else {
                hash::hash_frozenset(hashes.into_iter())
            };
            (h, rest)
        }
        other => panic!("bad encoding {}", other as char),
    }
}

#[test]
fn hashes() {
    check_all("hashes.txt", |row| {
        let v = row[1].as_str();
        let got = match row[0].as_str() {
            "int" => hash::hash_int(&int(v)),
            "float" => hash::hash_float(f(v)),
            "complex" => {
                let z = complex_of(v);
                hash::hash_complex(z.re, z.im)
            }
            "str" => hash::hash_str(v, SipKey::from_hash_seed(0)),
            "bytes" => {
                let data: Vec<u8> = (0..v.len() / 2)
                    .map(|i| u8::from_str_radix(&v[2 * i..2 * i + 2], 16).unwrap())
                    .collect();
                hash::hash_bytes(&data, SipKey::from_hash_seed(0))
            }
            "tuple" | "frozenset" => hash_encoded(v).0,
            kind => {
                let seed = kind.strip_prefix("str@").expect("str@SEED").parse().unwrap();
                hash::hash_str(v, SipKey::from_hash_seed(seed))
            }
        };
        expect(got.to_string(), &row[2])
    });
}

#[test]
fn complex_operations() {
    check_all("complex_ops.txt", |row| {
        let a = Complex::new(f(&row[1]), f(&row[2]));
        let b = Complex::new(f(&row[3]), f(&row[4]));
        let got = match row[0].as_str() {
            "add" => Ok((a + b).repr()),
            "sub" => Ok((a - b).repr()),
            "mul" => Ok((a * b).repr()),
            "div" => a.try_div(b).map(Complex::repr),
            "pow" => complex::pow(a, b).map(Complex::repr),
            "abs" => a.abs().map(float_repr),
            "repr" => Ok(a.repr()),
            op => panic!("unknown op {op}"),
        };
        expect(outcome(got), &row[5])
    });
}

#[test]
fn unescaping() {
    assert_eq!(unescape("a\\tb\\\\c\\xe9\\u20ac\\U0001f600"), "a\tb\\c\u{e9}\u{20ac}\u{1f600}");
}

fn num(s: &str) -> Num {
    match &s[..1] {
        "i" => Num::Int(int(&s[1..])),
        "f" => Num::Float(f(&s[1..])),
        _ => Num::Complex(complex_of(&s[1..])),
    }
}

#[test]
fn mixed_operations() {
    check_all("mixed_ops.txt", |row| {
        let (a, b) = (num(&row[1]), num(&row[2]));
        let op = match row[0].as_str() {
            "add" => Arith::Add,
            "sub" => Arith::Sub,
            "mul" => Arith::Mul,
            "truediv" => Arith::TrueDiv,
            "floordiv" => Arith::FloorDiv,
            "mod" => Arith::Mod,
            "pow" => Arith::Pow,
            "divmod" => {
                let got = tower::divmod(&a, &b).map(|(q, r)| format!("{} {}", q.repr(), r.repr()));
                return expect(outcome(got), &row[3]);
            }
            "eq" => {
                let got = if tower::equals(&a, &b) { "True" } else { "False" };
                return expect(outcome(Ok(got.to_string())), &row[3]);
            }
            "cmp" => {
                let c = tower::compare(&a, &b);
                let py = |b: bool| if b { "True" } else { "False" };
                let got = format!(
                    "{} {}",
                    py(c == Some(std::cmp::Ordering::Less)),
                    py(c == Some(std::cmp::Ordering::Greater))
                );
                return expect(outcome(Ok(got)), &row[3]);
            }
            op => panic!("unknown op {op}"),
        };
        expect(outcome(tower::arith(op, &a, &b).map(|n| n.repr())), &row[3])
    });
}

#[test]
fn string_reprs() {
    check_all("reprs.txt", |row| {
        expect(text::str_repr(&row[0]), &row[1])
            .or_else(|| expect(text::bytes_repr(row[0].as_bytes()), &row[2]))
    });
}

/// No input makes the parsers or formatters panic (widths kept small so
/// that the padding stays cheap).
fn never_panics(text: String, n: i64, bits: u64) -> bool {
    // Once as it is, once made of format-spec characters.
    const SPEC_CHARS: &[char] = &[
        '<', '>', '=', '^', '+', '-', ' ', '#', '0', '1', '7', ',', '_', '.', 'e', 'E', 'f', 'F',
        'g', 'G', 'n', '%', 'x', 'X', 'b', 'c', 'd', 'o', 'i', 'u', '*', '\u{e9}',
    ];
    let spec: String = text.chars().map(|c| SPEC_CHARS[c as usize % SPEC_CHARS.len()]).collect();
    check_no_panic(&text, n, bits) && check_no_panic(&spec, n, bits)
}

fn check_no_panic(text: &str, n: i64, bits: u64) -> bool {
    let x = f64::from_bits(bits);
    let mut digits = 0;
    let small_numbers = text.chars().all(|c| {
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        digits < 5
    });
    if small_numbers {
        let _ = format_spec::format_int(&Int::Small(n), text, "int");
        let _ = format_spec::format_float(x, text);
        let _ = format_spec::format_complex(Complex::new(x, n as f64), text);
        if let Some(conv) = printf::Conversion::parse(text) {
            let _ = printf::format_int(&Int::Small(n), &conv);
            let _ = printf::format_float(x, &conv);
        }
    }
    let _ = int_parse::parse_int(text, (n.unsigned_abs() % 40) as u32);
    let _ = float_parse::parse_float(text);
    let _ = complex::parse_complex(text);
    let _ = float_hex::float_fromhex(text);
    true
}

#[test]
fn quickcheck_never_panics() {
    quickcheck::QuickCheck::new()
        .tests(3000)
        .quickcheck(never_panics as fn(String, i64, u64) -> bool);
}
