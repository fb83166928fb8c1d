#!/usr/bin/env python3
"""Writes tests/data/number/*.txt: CPython 3.8's answers for Tachyon's
numeric core (interp/src/number), which the Rust tests must reproduce.

Run from anywhere with any python3; it re-runs itself under python3.8 with
PYTHONHASHSEED=0 ($TACHYON_PYTHON38, else ~/.pyenv/versions/3.8.*). The
random cases come from a fixed seed, so the files only change when this
script does.

Line format: tab-separated fields, each escaped with 'unicode_escape'.
A result field is either '=' and the value or '!' and 'Type: message'.
"""

import glob
import os
import random
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "tests", "data", "number")


def find_python38():
    explicit = os.environ.get("TACHYON_PYTHON38")
    if explicit:
        return explicit
    found = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.8.*/bin/python3.8")))
    if not found:
        sys.exit("gen_number_data.py: python3.8 not found (set TACHYON_PYTHON38)")
    return found[-1]


if sys.version_info[:2] != (3, 8) or os.environ.get("PYTHONHASHSEED") != "0":
    env = dict(os.environ, PYTHONHASHSEED="0")
    python = find_python38()
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)

rng = random.Random(20261126)


def esc(s):
    return s.encode("unicode_escape").decode("ascii")


def result(f):
    try:
        return "=" + f()
    except Exception as e:  # the exception is the expected answer
        return "!%s: %s" % (type(e).__name__, e)


def write(name, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="ascii", newline="\n") as out:
        for row in rows:
            out.write("\t".join(esc(str(field)) for field in row) + "\n")
    print("%s: %d cases" % (name, len(rows)))


def bits_to_float(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def float_bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


# ---------------------------------------------------------------- values


def random_float():
    kind = rng.randrange(10)
    if kind == 0:  # any bit pattern (NaNs included)
        return bits_to_float(rng.getrandbits(64))
    if kind == 1:  # subnormal
        return bits_to_float(rng.getrandbits(52) | (rng.getrandbits(1) << 63))
    if kind == 2:  # integral
        return float(rng.randrange(-10 ** rng.randrange(1, 20), 10 ** rng.randrange(1, 20)))
    if kind == 3:  # halfway: a few binary digits after the point
        return rng.randrange(-10 ** 6, 10 ** 6) / 2 ** rng.randrange(1, 6)
    if kind == 4:  # short decimal
        return float("%d.%de%d" % (rng.randrange(1000), rng.randrange(1000), rng.randrange(-30, 30)))
    if kind == 5:  # near a power of ten
        x = 10.0 ** rng.randrange(-320, 308)
        return x * (1 + rng.choice([-1, 0, 1]) * 2 ** -52)
    if kind == 6:  # random exponent, full mantissa
        return rng.uniform(1, 2) * 2.0 ** rng.randrange(-1074, 1023) * rng.choice([1, -1])
    if kind == 7:
        return rng.choice([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 5e-324,
                           2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 0.5, 1.5, 2.5,
                           1e16, 1e17, 9007199254740993.0, 123456789.123456789, 1e22, 1e23])
    if kind == 8:
        return rng.uniform(-1000, 1000)
    return rng.uniform(0, 1) * 10.0 ** rng.randrange(-10, 25)


def random_int():
    kind = rng.randrange(7)
    if kind == 0:
        return rng.randrange(-100, 100)
    if kind == 1:
        edge = rng.choice([2 ** 47, 2 ** 48, 2 ** 31, 2 ** 53, 2 ** 63, 2 ** 64, 10 ** 18])
        return rng.choice([1, -1]) * edge + rng.randrange(-3, 4)
    if kind == 2:
        return rng.randrange(-2 ** 63, 2 ** 63)
    if kind == 3:
        return rng.randrange(-2 ** 130, 2 ** 130)
    if kind == 4:
        return rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1])
    if kind == 5:
        return rng.randrange(-10 ** 6, 10 ** 6)
    return rng.choice([1, -1]) * (2 ** rng.randrange(0, 1100) + rng.randrange(-2, 3))


# ---------------------------------------------------------------- floats


def gen_floats():
    rows = []
    for _ in range(12000):
        x = random_float()
        rows.append((float_bits(x), repr(x), str(x)))
    write("floats.txt", rows)


def float_ops_rows():
    rows = []

    def add(op, a, b, f):
        rows.append((op, repr(a), repr(b), result(f)))

    def real_or_complex(v):
        return ("c:" + repr(v)) if isinstance(v, complex) else repr(v)

    specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, float("inf"), float("-inf"), float("nan"), 3.0, -3.5]
    pairs = [(random_float(), random_float()) for _ in range(2500)]
    pairs += [(a, b) for a in specials for b in specials]
    pairs += [(rng.uniform(-10, 10), rng.uniform(-10, 10)) for _ in range(500)]
    pairs += [(float(rng.randrange(-20, 20)), float(rng.randrange(-6, 7))) for _ in range(300)]
    for a, b in pairs:
        add("truediv", a, b, lambda: repr(a / b))
        add("floordiv", a, b, lambda: repr(a // b))
        add("mod", a, b, lambda: repr(a % b))
        add("divmod", a, b, lambda: "%r %r" % divmod(a, b))
        add("pow", a, b, lambda: real_or_complex(a ** b))
    for _ in range(3000):
        x = random_float()
        n = rng.choice([rng.randrange(-5, 6), rng.randrange(-320, 330), rng.randrange(0, 20)])
        add("round", x, float(n), lambda: repr(round(x, n)))
    for _ in range(2000):
        x = random_float()
        add("round0", x, 0.0, lambda: str(round(x)))
        add("int", x, 0.0, lambda: str(int(x)))
        add("is_integer", x, 0.0, lambda: str(x.is_integer()))
        add("as_integer_ratio", x, 0.0, lambda: "%d %d" % x.as_integer_ratio())
        add("hex", x, 0.0, lambda: x.hex())
    for k in range(-12, 13):  # exact ties
        for n in range(0, 4):
            x = (2 * k + 1) / 2 ** (n + 1) * 10.0 ** -0
            add("round", x, float(n), lambda: repr(round(x, n)))
    for x in [2.675, 0.125, 0.375, 1.7976931348623157e308, 5e-324, 1e300, 123456.5]:
        for n in [-309, -308, -300, -5, -1, 0, 1, 2, 3, 15, 300, 323, 324]:
            add("round", x, float(n), lambda: repr(round(x, n)))
    write("float_ops.txt", rows)


def gen_fromhex():
    rows = []
    cases = ["0x1.8p1", " 0x1p-1074 ", "0x1p-1075", "0x3p-1076", "0x1p1024", "0x1.fffffffffffff8p1023",
             "0x1.fffffffffffff7p1023", "-inf", "Infinity", "nan", "-0x0p0", "1", "1.", ".8", "0x.8",
             "0x", "", "zz", "0x1p", "0x1p+", "0x1 p1", "0X1P1", "0x1.00000000000008p0",
             "0x1.00000000000018p0", "0x1.000000000000080000001p0", "0xabcdef.123456789abcdefp-10",
             "0x1p99999999999999999999", "0x1p-99999999999999999999", "+0x1p3", "- 0x1p3", "0x1_0"]
    for _ in range(1500):
        mantissa = "%x" % rng.getrandbits(rng.randrange(1, 80))
        point = rng.randrange(len(mantissa) + 1)
        cases.append("%s0x%s.%sp%d" % (rng.choice(["", "-", "+"]), mantissa[:point], mantissa[point:],
                                       rng.randrange(-1200, 1100)))
    for s in cases:
        rows.append((s, result(lambda: repr(float.fromhex(s)))))
    write("fromhex.txt", rows)


# ---------------------------------------------------------------- ints


def gen_int_ops():
    rows = []

    def add(op, a, b, f):
        rows.append((op, str(a), str(b), result(f)))

    def num(v):
        return ("f:" + repr(v)) if isinstance(v, float) else str(v)

    pairs = [(random_int(), random_int()) for _ in range(1200)]
    specials = [0, 1, -1, 2, -2, 7, -7, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64, 2 ** 47, -2 ** 47, 10 ** 30]
    pairs += [(a, b) for a in specials for b in specials]
    for a, b in pairs:
        add("add", a, b, lambda: str(a + b))
        add("sub", a, b, lambda: str(a - b))
        add("mul", a, b, lambda: str(a * b))
        add("floordiv", a, b, lambda: str(a // b))
        add("mod", a, b, lambda: str(a % b))
        add("truediv", a, b, lambda: repr(a / b))
        add("and", a, b, lambda: str(a & b))
        add("or", a, b, lambda: str(a | b))
        add("xor", a, b, lambda: str(a ^ b))
        m = b if abs(b) < 2 ** 200 else b % 10 ** 20
        e = rng.randrange(-3, 40)
        add("powmod", a, "%d %d" % (e, m), lambda: str(pow(a, e, m)))
    for _ in range(1500):
        a = random_int()
        e = rng.choice([rng.randrange(-5, 12), rng.randrange(-1100, 0), rng.randrange(0, 70)])
        if abs(a) > 2 ** 200:
            e = rng.randrange(-3, 4)
        add("pow", a, e, lambda: num(a ** e))
        s = rng.choice([rng.randrange(0, 70), rng.randrange(-2, 300), rng.randrange(0, 2000)])
        add("lshift", a, s, lambda: str(a << s))
        add("rshift", a, s, lambda: str(a >> s))
        add("neg", a, 0, lambda: str(-a))
        add("invert", a, 0, lambda: str(~a))
        add("bit_length", a, 0, lambda: str(a.bit_length()))
        add("float", a, 0, lambda: repr(float(a)))
        add("str", a, 0, lambda: "%s %s %s %s" % (bin(a), oct(a), hex(a), repr(a)))
        k = rng.randrange(-25, 3)
        add("round", a, k, lambda: str(round(a, k)))
        length = rng.randrange(0, 80)
        signed = rng.choice([True, False])
        order = rng.choice(["big", "little"])
        add("to_bytes", a, "%d %s %s" % (length, order, signed),
            lambda: a.to_bytes(length, order, signed=signed).hex())
        data = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 20)))
        add("from_bytes", data.hex(), "%s %s" % (order, signed), lambda: str(int.from_bytes(data, order, signed=signed)))
        x = rng.choice([random_float(), float(a) if abs(a) < 2 ** 1000 else 1.5])
        xs = rng.choice([x, x + 1, x - 1, x * (1 + 2 ** -52)]) if x == x and abs(x) < 1e300 else x
        add("cmp_float", a, repr(xs), lambda: "%s %s %s" % (a < xs, a == xs, a > xs))
    for big in [2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971, 2 ** 1023 + 2 ** 970]:
        add("float", big, 0, lambda: repr(float(big)))
    for a, s in [(1, -1), (0, 10 ** 30), (5, 2 ** 70)]:
        add("lshift", a, s, lambda: str(a << s))
        add("rshift", a, s, lambda: str(a >> s))
    add("pow", 0, -1, lambda: num(0 ** -1))
    add("powmod", 2, "-1 4", lambda: str(pow(2, -1, 4)))
    add("powmod", 2, "3 0", lambda: str(pow(2, 3, 0)))
    add("truediv", 10 ** 400, 1, lambda: repr(10 ** 400 / 1))
    add("truediv", 1, 10 ** 400, lambda: repr(1 / 10 ** 400))
    add("truediv", 10 ** 400, 3 * 10 ** 399, lambda: repr(10 ** 400 / (3 * 10 ** 399)))
    write("int_ops.txt", rows)


# ---------------------------------------------------------------- parsing


def random_number_text(kind):
    digits = {2: "01", 8: "01234567", 10: "0123456789", 16: "0123456789abcdefABCDEF"}
    base = rng.choice([2, 8, 10, 16]) if kind == "int" else 10
    body = "".join(rng.choice(digits[base]) for _ in range(rng.randrange(0, 25)))
    if rng.random() < 0.3 and body:
        i = rng.randrange(len(body) + 1)
        body = body[:i] + "_" + body[i:]
    if rng.random() < 0.05:
        body = body.replace("_", "__")
    if kind == "int":
        prefix = {2: "0b", 8: "0o", 10: "", 16: "0x"}[base]
        if rng.random() < 0.5:
            body = rng.choice([prefix, prefix.upper(), "0", ""]) + rng.choice(["", "_"]) + body
    else:
        if rng.random() < 0.6:
            i = rng.randrange(len(body) + 1)
            body = body[:i] + "." + body[i:]
        if rng.random() < 0.4:
            body += rng.choice(["e", "E", "e+", "e-", "e_"]) + str(rng.randrange(0, 400))
        if rng.random() < 0.05:
            body = rng.choice(["inf", "INF", "Infinity", "nan", "NaN", "infinit", "nana", "in"])
    if rng.random() < 0.1:
        body = body.replace("1", "\u0661").replace("2", "\uff12")
    sign = rng.choice(["", "", "-", "+", "+-", "- "])
    space = rng.choice(["", "", " ", "\t", "\n ", "\u2003", "\x00"])
    junk = rng.choice([""] * 15 + ["x", "j", ".", "_", "é", "\U0001f600"])
    return space + sign + body + rng.choice(["", space]) + junk


def gen_parse():
    rows = []
    int_cases = ["0", "00", "0_0", "010", "0x", "0x_1f", "0b", "-0b1_0", "1__0", "_1", "1_", " 12 ", "12 3",
                 "0o777", "0O17", "z", "Z", "-", "+", "", " ", "\u0661\u0662", "9" * 50, "-" + "9" * 50]
    for s in int_cases:
        for base in [0, 2, 8, 10, 16, 36, 1, 37]:
            rows.append(("int", s, base, result(lambda: str(int(s, base)))))
    for _ in range(4000):
        s = random_number_text("int")
        base = rng.choice([0, 0, 10, 10, 2, 8, 16, 36, rng.randrange(2, 37)])
        rows.append(("int", s, base, result(lambda: str(int(s, base)))))
    float_cases = ["1.5", " 1.5\n", "1_000.000_1", "-InFiNiTy", "+nan", "1e500", "-1e500", "1e-500", ".5", "5.",
                   ".", "e5", "1e", "1e+", "0x10", "inf5", "1_.5", "1._5", "1e_5", "1e5_", "\u0661.5", "",
                   "  ", "-0", "0.1e-400", "4.9406564584124654e-324", "2.4703282292062328e-324",
                   "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308"]
    for s in float_cases:
        rows.append(("float", s, 0, result(lambda: repr(float(s)))))
    for _ in range(4000):
        s = random_number_text("float")
        rows.append(("float", s, 0, result(lambda: repr(float(s)))))
    complex_cases = ["1+2j", "1-2j", " ( -j ) ", "j", "-j", "+J", "1j", "1e5j", "1ej", "1_0j", "2.5",
                     "(1+2j", "1+2j)", "1+ 2j", "1 +2j", "1+", "", "()", "( 1+2j )", "inf+nanj", "-infj",
                     "1+infj", "nan-nanj", "1e500+1e500j", "j1", "1+2", "1_+2j", "0x1+2j", "1+-2j"]
    for _ in range(1500):
        re = random_number_text("float").strip()
        im = random_number_text("float").strip()
        s = rng.choice(["", " ", "("]) + re + rng.choice(["+", "-", ""]) + im + rng.choice(["j", "J", ""])
        complex_cases.append(s + rng.choice(["", ")", " "]))
    for s in complex_cases:
        rows.append(("complex", s, 0, result(lambda: repr(complex(s)))))
    write("parse.txt", rows)


# ---------------------------------------------------------------- formatting


def random_spec(types):
    spec = ""
    if rng.random() < 0.4:
        if rng.random() < 0.5:
            spec += rng.choice([" ", "*", "0", "x", "\u00e9", "\u20ac", "{", "="])
        spec += rng.choice("<>=^")
    if rng.random() < 0.4:
        spec += rng.choice("+- ")
    if rng.random() < 0.2:
        spec += "#"
    if rng.random() < 0.25:
        spec += "0"
    if rng.random() < 0.6:
        spec += str(rng.choice([rng.randrange(0, 12), rng.randrange(0, 40)]))
    if rng.random() < 0.3:
        spec += rng.choice([",", "_", ",_"])
    if rng.random() < 0.5:
        spec += "." + str(rng.choice([rng.randrange(0, 8), rng.randrange(0, 25), rng.randrange(0, 120)]))
    if rng.random() < 0.9:
        spec += rng.choice(types)
    return spec


def gen_format():
    float_types = list("eEfFgGn%") + ["", ""] + list("dxcs")
    int_types = list("bcdoxXn") + ["", ""] + list("eEfFgG%") + ["s", "q"]
    rows = []
    for _ in range(8000):
        x = random_float()
        spec = random_spec(float_types)
        rows.append(("float", repr(x), spec, result(lambda: format(x, spec))))
    for x in [1.0, 0.0, -0.0, 123.0, 1e16, 1e-5, 0.1, 1234567.891, 2.5, 0.125, float("inf"), float("nan")]:
        for spec in ["", "r", ".3", "g", ".0", "#", "#.0", ",", "_", "010", ".2%", "n", ".0e", "#.0g", "=+012,.3f"]:
            rows.append(("float", repr(x), spec, result(lambda: format(x, spec))))
    for _ in range(6000):
        n = random_int() if rng.random() < 0.8 else rng.randrange(0, 0x110000 + 5)
        if 0xD800 <= n < 0xE000:
            n = 0xD7FF  # a lone surrogate is no Rust char: the str layer's business
        spec = random_spec(int_types)
        rows.append(("int", str(n), spec, result(lambda: format(n, spec))))
    for _ in range(1500):
        z = complex(random_float(), random_float())
        spec = random_spec(list("eEfFgGn") + ["", "", "%", "d"])
        rows.append(("complex", repr(z.real) + " " + repr(z.imag), spec, result(lambda: format(z, spec))))
    write("format_spec.txt", rows)


def random_printf(conversions):
    flags = "".join(rng.choice("-+ #0") for _ in range(rng.choice([0, 0, 1, 1, 2, 3])))
    width = str(rng.randrange(0, 25)) if rng.random() < 0.5 else ""
    precision = "." + str(rng.randrange(0, 30)) if rng.random() < 0.4 else ""
    return flags + width + precision + rng.choice(conversions)


def gen_printf():
    rows = []
    for _ in range(3000):
        n = random_int()
        spec = random_printf("diuoxX")
        rows.append(("int", str(n), spec, result(lambda: ("%" + spec) % n)))
    for _ in range(3000):
        x = random_float()
        spec = random_printf("eEfFgG")
        rows.append(("float", repr(x), spec, result(lambda: ("%" + spec) % x)))
    for _ in range(300):
        n = rng.choice([rng.randrange(32, 0x3000), rng.randrange(0xE000, 0x110002), -1])
        spec = random_printf("c")
        rows.append(("int", str(n), spec, result(lambda: ("%" + spec) % n)))
    write("printf.txt", rows)


# ---------------------------------------------------------------- hashing


def random_text():
    alphabets = ["abcxyz019 ", "\u00e9\u00ff\u0080a", "\u0394\u4e2d\uffff", "\U0001f600\U00010000a"]
    alphabet = rng.choice(alphabets)
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))


def encode_value(v):
    """Tuple and frozenset elements for the Rust side: i<int>, f<repr>,
    s<unicode-escaped text>, and (...) / {...} with space-separated items."""
    if isinstance(v, bool):
        return "i%d" % v
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + repr(v)
    if isinstance(v, str):
        return "s" + v
    if isinstance(v, tuple):
        return "(" + " ".join(encode_value(x) for x in v) + ")"
    return "{" + " ".join(encode_value(x) for x in v) + "}"


def random_element(depth=0):
    kind = rng.randrange(5 if depth < 2 else 3)
    if kind == 0:
        return random_int()
    if kind == 1:
        return random_float()
    if kind == 2:
        return "".join(rng.choice("abcdefgh") for _ in range(rng.randrange(0, 8)))
    if kind == 3:
        return tuple(random_element(depth + 1) for _ in range(rng.randrange(0, 5)))
    return frozenset(random_element(2) for _ in range(rng.randrange(0, 6)))


def gen_hashes():
    rows = []
    for _ in range(3000):
        n = random_int()
        rows.append(("int", str(n), str(hash(n))))
    for n in [-1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 61 - 2, -(2 ** 61 - 1), 2 ** 64, True, False]:
        rows.append(("int", str(int(n)), str(hash(n))))
    for _ in range(3000):
        x = random_float()
        rows.append(("float", repr(x), str(hash(x))))
    for _ in range(1000):
        z = complex(random_float(), random_float())
        rows.append(("complex", repr(z.real) + " " + repr(z.imag), str(hash(z))))
    texts = [random_text() for _ in range(1500)] + ["", "a", "abcdefgh", "abcdefghi", "\u00e9", "\u20ac"]
    for s in texts:
        rows.append(("str", s, str(hash(s))))
    for _ in range(500):
        b = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 40)))
        rows.append(("bytes", b.hex(), str(hash(b))))
    for _ in range(1500):
        t = tuple(random_element() for _ in range(rng.randrange(0, 6)))
        rows.append(("tuple", encode_value(t), str(hash(t))))
    for _ in range(1000):
        s = frozenset(random_element(1) for _ in range(rng.randrange(0, 8)))
        rows.append(("frozenset", encode_value(s), str(hash(s))))
    # Another hash seed: the key comes from CPython's LCG.
    sample = texts[:300]
    code = "import sys\nfor line in sys.stdin.read().split('\\0'): print(hash(line))"
    for seed in ["1", "12345", "4294967295"]:
        out = subprocess.run([sys.executable, "-c", code], input="\0".join(sample), env=dict(os.environ, PYTHONHASHSEED=seed),
                             stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout.split()
        for s, h in zip(sample, out):
            rows.append(("str@" + seed, s, h))
    write("hashes.txt", rows)


# ---------------------------------------------------------------- complex


def gen_complex_ops():
    rows = []
    values = [complex(random_float(), random_float()) for _ in range(600)]
    values += [complex(rng.randrange(-3, 4), rng.randrange(-3, 4)) for _ in range(200)]
    values += [0j, 1j, -1j, 1 + 0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(1e308, 1e308)]
    for _ in range(3000):
        a, b = rng.choice(values), rng.choice(values)
        if rng.random() < 0.3:
            b = complex(rng.choice([rng.randrange(-120, 120), rng.uniform(-3, 3)]), rng.choice([0.0, 0.0, 0.5]))
        fields = (repr(a.real), repr(a.imag), repr(b.real), repr(b.imag))
        for op, f in [("add", lambda: a + b), ("sub", lambda: a - b), ("mul", lambda: a * b),
                      ("div", lambda: a / b), ("pow", lambda: a ** b)]:
            rows.append((op,) + fields + (result(lambda: repr(f())),))
    for a in values:
        fields = (repr(a.real), repr(a.imag), "0.0", "0.0")
        rows.append(("abs",) + fields + (result(lambda: repr(abs(a))),))
        rows.append(("repr",) + fields + (result(lambda: repr(a)),))
    write("complex_ops.txt", rows)


# ---------------------------------------------------------------- mixed


def encode_num(v):
    if isinstance(v, int):
        return "i" + str(v)
    if isinstance(v, float):
        return "f" + repr(v)
    return "c%r %r" % (v.real, v.imag)


def gen_mixed():
    values = [0, 1, -1, 2, -3, 7, 2 ** 53 + 1, -(2 ** 64), 2 ** 1100, 10 ** 20,
              0.0, -0.0, 0.5, -2.5, 3.0, 1e300, float("inf"), float("-inf"), float("nan"), 9007199254740992.0,
              1e20, 1.7976931348623157e308,
              0j, 1j, complex(2, 0), complex(-1.5, 2), complex(0, -0.0), complex(float("inf"), 1)]
    values += [random_int() for _ in range(15)] + [random_float() for _ in range(15)]
    rows = []
    ops = [("add", lambda a, b: repr(a + b)), ("sub", lambda a, b: repr(a - b)), ("mul", lambda a, b: repr(a * b)),
           ("truediv", lambda a, b: repr(a / b)), ("floordiv", lambda a, b: repr(a // b)),
           ("mod", lambda a, b: repr(a % b)), ("divmod", lambda a, b: "%r %r" % divmod(a, b)),
           ("eq", lambda a, b: repr(a == b))]
    for a in values:
        for b in values:
            for name, op in ops:
                rows.append((name, encode_num(a), encode_num(b), result(lambda: op(a, b))))
            if not isinstance(a, complex) and not isinstance(b, complex):
                rows.append(("cmp", encode_num(a), encode_num(b), result(lambda: "%r %r" % (a < b, a > b))))
            small = isinstance(b, int) and abs(b) < 300 or not isinstance(b, int)
            if small and not (isinstance(a, int) and abs(a) > 2 ** 100 and isinstance(b, int)):
                rows.append(("pow", encode_num(a), encode_num(b), result(lambda: repr(a ** b))))
    write("mixed_ops.txt", rows)


def gen_reprs():
    rows = []
    pieces = ["a", "'", '"', "\\", "\n", "\t", "\r", "\x00", "\x7f", "\x85", "\xa0", "\xad", "\xe9", "\u0378",
              "\u200b", "\u2028", "\u3000", "\ue000", "\ufeff", "\uffff", "\U0001f600", "\U000e0001", "\U0010ffff"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        if rng.random() < 0.3:
            text += chr(rng.choice([rng.randrange(0x80, 0x3000), rng.randrange(0x3000, 0xd800),
                                    rng.randrange(0xe000, 0x110000)]))
        rows.append((text, repr(text), repr(text.encode("utf-8"))))
    write("reprs.txt", rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    gen_reprs()
    gen_floats()
    float_ops_rows()
    gen_fromhex()
    gen_int_ops()
    gen_parse()
    gen_format()
    gen_printf()
    gen_hashes()
    gen_complex_ops()
    gen_mixed()


main()
