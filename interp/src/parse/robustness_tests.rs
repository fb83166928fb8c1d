//! Properties of the parser on hostile input: mutated valid programs and
//! pathological nesting give a tree or a `SyntaxError`, never a panic or a
//! stack overflow.

use super::{parse_bytes, parse_str, Mode};
use quickcheck::{QuickCheck, TestResult};

/// Valid Python 3.8 touching most of the grammar, mutated by the property.
const CORPUS: &[&str] = &[
    "import os, sys as system\nfrom . import x\nfrom ..a.b import (c, d as e,)\nfrom m import *\n",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    \"\"\"doc\"\"\"\n    global g\n    return a + b\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n    return [j async for j in z]\n",
    "@dec\n@dec.attr(1, k=2)\nclass C(Base, metaclass=M):\n    x: int = 3\n    def m(self): nonlocal_ = 1\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a[0], b.c\n",
    "while (n := next(it)) is not None:\n    if n > 0 and not m or n in s:\n        continue\n    elif n: break\n    else:\n        assert n, 'msg'\n",
    "x = [i ** 2 for i in range(10) if i % 2 for j in i]\ny = {k: v for k, v in d.items()}\nz = {*a, *b}\nw = (g for g in h)\n",
    "s = f'{x!r:>{width}} {y=} {{lit}}' r'\\x00' u'\\N{BULLET}' '''triple\n''' 'a' \"b\"\n",
    "n = 0x_FF + 0o17 + 0b1010 + 1_000_000 + 3.14e-10 + 2j + .5 + 1.\nt = a[1:2, ::3, ...]\nlam = lambda x, *y, z=1: (yield)\n",
    "if True:\n\tif False:\n\t\tpass\n\n# comment\nx = \\\n    1\nprint(*a, **k, sep='')\nv = a if b else c\n",
    "with open(p) as f, lock:\n    data = f.read()\nfor a, *b in c: a @= b; a //= 2; a **= 3\nx = y = z = ~-+1 << 2 >> 3 & 4 | 5 ^ 6\n",
];

/// Characters that stress the lexer and parser when inserted.
const INSERTS: &[u8] = b"()[]{}:;,.=*@'\"\\\n\t #fbrux0_9+-<>!~%&|^\x0cj\xc3\xa9";

fn mutate(seed: &[(u8, u16, u16)]) -> Vec<u8> {
    let mut text =
        CORPUS[seed.first().map_or(0, |s| s.0 as usize) % CORPUS.len()].as_bytes().to_vec();
    for &(op, at, arg) in seed {
        let len = text.len().max(1);
        let at = at as usize % len;
        match op % 4 {
            0 => {
                let end = (at + 1 + arg as usize % 8).min(text.len());
                text.drain(at.min(text.len())..end);
            }
            1 => text.insert(at.min(text.len()), INSERTS[arg as usize % INSERTS.len()]),
            2 => {
                let end = (at + 1 + arg as usize % 16).min(text.len());
                let copy = text[at.min(text.len())..end].to_vec();
                let to = arg as usize % len;
                text.splice(to.min(text.len())..to.min(text.len()), copy);
            }
            _ => {
                let other = arg as usize % len;
                if at < text.len() && other < text.len() {
                    text.swap(at, other);
                }
            }
        }
    }
    text
}

#[test]
fn mutated_sources_parse_or_fail_cleanly() {
    fn property(seed: Vec<(u8, u16, u16)>) -> TestResult {
        let source = mutate(&seed);
        match parse_bytes(&source, "mutated.py", Mode::Module) {
            Ok(tree) => {
                let _ = super::dump::dump(&tree);
            }
            Err(err) => {
                let _ = err.to_string();
            }
        }
        TestResult::passed()
    }
    // TACHYON_PARSER_FUZZ=N runs N cases instead of CI's 300.
    let tests = std::env::var("TACHYON_PARSER_FUZZ").ok().and_then(|n| n.parse().ok());
    QuickCheck::new()
        .tests(tests.unwrap_or(300))
        .max_tests(tests.unwrap_or(300) * 2)
        .quickcheck(property as fn(Vec<(u8, u16, u16)>) -> TestResult);
}

#[test]
fn single_mode_takes_one_statement() {
    assert!(parse_str("if x:\n    pass\n", "<s>", Mode::Interactive).is_ok());
    assert!(parse_str("x = 1; y = 2\n", "<s>", Mode::Interactive).is_ok());
    let err = parse_str("x = 1\ny = 2\n", "<s>", Mode::Interactive).unwrap_err();
    assert_eq!(
        (err.msg.as_str(), err.lineno, err.offset),
        ("multiple statements found while compiling a single statement", 1, Some(6))
    );
    assert!(parse_str("1 +\n 2\n", "<s>", Mode::Expression).is_err());
    assert!(parse_str("(1 +\n 2)\n", "<s>", Mode::Expression).is_ok());
}

#[test]
fn the_corpus_is_valid() {
    for source in CORPUS {
        if let Err(err) = parse_str(source, "corpus.py", Mode::Module) {
            panic!("{source}\n{err}");
        }
    }
}

fn fails_cleanly(source: &str) -> String {
    match parse_str(source, "deep.py", Mode::Module) {
        Ok(_) => String::new(),
        Err(err) => err.msg,
    }
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_crash() {
    let n = 100_000;
    assert_eq!(fails_cleanly(&"(".repeat(n)), "too many nested parentheses");
    assert_eq!(fails_cleanly(&format!("{}x", "not ".repeat(n))), "too many nested parentheses");
    assert_eq!(fails_cleanly(&format!("{}x", "-".repeat(n))), "too many nested parentheses");
    assert_eq!(fails_cleanly(&format!("a{}", ".b".repeat(n))), "too many nested parentheses");
    assert_eq!(fails_cleanly(&format!("1{}", "+1".repeat(n))), "too many nested parentheses");
    assert_eq!(fails_cleanly(&"lambda:".repeat(n)), "too many nested parentheses");
    assert_eq!(
        fails_cleanly(&format!("{}0", "x if y else ".repeat(n))),
        "too many nested parentheses"
    );
    assert_eq!(fails_cleanly(&format!("x = {}1{}", "[".repeat(150), "]".repeat(150))), "");
    let nested_fstring = r#"f"""{f'''{f"{f'{1}'}"}'''}""""#;
    assert_eq!(fails_cleanly(nested_fstring), "");
    let mut blocks = String::new();
    for depth in 0..120 {
        blocks.push_str(&" ".repeat(depth));
        blocks.push_str("if x:\n");
    }
    assert_eq!(fails_cleanly(&blocks), "too many levels of indentation");
}

#[test]
fn the_deepest_accepted_trees_can_be_dumped_and_dropped() {
    let limit = super::parser::MAX_DEPTH - 10;
    for source in [format!("{}x", "-".repeat(limit)), format!("a{}", ".b".repeat(limit))] {
        let tree = parse_str(&source, "deep.py", Mode::Module).expect("within the depth limit");
        assert!(super::dump::dump(&tree).len() > limit);
    }
}

#[test]
fn long_lines_and_strings_are_linear() {
    let long_string = format!("x = '{}'\n", "a".repeat(5_000_000));
    let long_list = format!("x = [{}]\n", "1, ".repeat(500_000));
    let start = std::time::Instant::now();
    assert_eq!(fails_cleanly(&long_string), "");
    assert_eq!(fails_cleanly(&long_list), "");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}
