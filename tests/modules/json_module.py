# json: dumps/loads round trips, every option of the encoder, decoder hooks
# and the error messages with line and column.
import json
from collections import OrderedDict, namedtuple
from decimal import Decimal

data = {"name": "tachyon", "pi": 3.141592653589793, "tiny": 1e-300, "big": 10 ** 30, "neg": -0.0,
        "list": [1, 2.5, None, True, False, "x"], "nested": {"a": {"b": [{}, [], ""]}},
        "unicode": "caf\u00e9 \u2603 \U0001f600", "ctrl": "tab\tnl\ncr\rbs\\q\"\x00\x1f\x7f",
        "tuple": (1, 2), 3: "int key", 2.5: "float key", True: "bool key", None: "none key"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, sort_keys=False, indent=2, default=str)[:200])
print(json.dumps({"b": 1, "a": [1, 2], "c": {"z": 1, "y": 2}}, sort_keys=True, separators=(",", ":")))
print(json.dumps([1, [2, [3, {"k": "v"}]]], indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, indent=0), json.dumps([], indent=4), json.dumps({}, indent=4))
print(json.dumps([float("nan"), float("inf"), -float("inf"), 1.0, 1e16, 123456789.125, 0.1 + 0.2]))
print(json.dumps("plain"), json.dumps("\u00e9\U0001f600"), json.dumps("\u00e9", ensure_ascii=False), json.dumps(None))
print(json.dumps({(1, 2): "skip", "keep": 1}, skipkeys=True), json.dumps(OrderedDict([("z", 1), ("a", 2)])))
Point = namedtuple("Point", "x y")
print(json.dumps(Point(1, 2)), json.dumps(Decimal("1.5"), default=float), json.dumps({1: 2, "1": 3}))


class Custom(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, complex):
            return {"re": o.real, "im": o.imag}
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}, "c": 1 + 2j}, cls=Custom), Custom(sort_keys=True).encode({"b": {2}, "a": 1}))
print(list(json.JSONEncoder().iterencode({"a": [1, 2]})), json.JSONEncoder(indent=1).encode([1]))


class IntSub(int):
    def __repr__(self):
        return "IntSub!"


class FloatSub(float):
    def __repr__(self):
        return "FloatSub!"


print(json.dumps([IntSub(5), FloatSub(2.5), True, False]))
for bad in ([float("nan")], {"k": float("inf")}, {(1,): 2}, {1, 2}, b"bytes", object()):
    try:
        print(json.dumps(bad, allow_nan=False))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
circ = [1]
circ.append(circ)
cd = {}
cd["self"] = cd
for c in (circ, cd):
    try:
        json.dumps(c)
    except ValueError as e:
        print("ValueError", e)
try:
    json.dumps({"b": 1, 2: 3}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps([object()], default=lambda o: o)
except (ValueError, RecursionError) as e:
    print(type(e).__name__, e)

text = '{"a": [1, 2.5, -3e2, 1E+2, 0.5e-1, true, false, null], "b": {"c": "d\\u00e9\\ud83d\\ude00\\n\\"\\/"}, "e": -0, "f": 12345678901234567890}'
obj = json.loads(text)
print(obj, type(obj["e"]).__name__, type(obj["a"][3]).__name__)
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, ensure_ascii=False)))
print(json.loads('  [1, {"x": []}]  '), json.loads('"\\u0041\\t"'), json.loads("NaN"), json.loads("-Infinity"), json.loads("1.5e300"))
print(json.loads('{"a": 1, "a": 2}'), json.loads("[]"), json.loads("{}"), json.loads('""'), json.loads("0"), json.loads(b'[1, "\xc3\xa9"]'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict), json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads("[1.25, 7]", parse_float=Decimal, parse_int=lambda s: int(s) * 10), json.loads("[NaN, Infinity]", parse_constant=lambda c: "const:" + c))
print(json.loads('["a\tb"]', strict=False), json.JSONDecoder().raw_decode('{"k": 1} trailing'), json.decoder.scanstring('"abc" rest', 1))
bad_docs = ["", " ", "[", "{", "[1,]", '{"a" 1}', '{"a": 1,}', "{1: 2}", "[1 2]", '"abc', '"\\x"', '"\\u12"', '"\\u12zz"',
            "tru", "nul", "01", "1 2", "-", "[-]", '"a\tb"', "\n\n  [1,\n  2,,]", '{"a": [1, }', "[1e]", "[.5]", "\u00e9"]
for doc in bad_docs:
    try:
        print(repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, (e.pos, e.lineno, e.colno))
try:
    json.loads(3)
except TypeError as e:
    print("TypeError", e)
print(json.loads(json.dumps("\U0001f600\u2028")) == "\U0001f600\u2028")
from json import encoder, decoder, scanner
print(encoder.encode_basestring_ascii("h\u00e9\"\\\x01"), encoder.encode_basestring("h\u00e9\"\\\x01"))
print(scanner.make_scanner is not None, decoder.scanstring('"x\\ty"', 1, True))
for bad in (lambda: decoder.scanstring('"abc', 1), lambda: decoder.scanstring('"a\x01"', 1), lambda: encoder.encode_basestring_ascii(5)):
    try:
        print(bad())
    except (json.JSONDecodeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
big = {"k%d" % i: [i, str(i) * 3, {"v": i / 7}] for i in range(50)}
s = json.dumps(big, sort_keys=True)
print(len(s), json.loads(s) == big, hash(s) == hash(json.dumps(json.loads(s), sort_keys=True)))
