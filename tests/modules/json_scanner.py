# The _json scanner's paths: plain ASCII runs, escapes, \u escapes that
# make non-ASCII or surrogate text, non-ASCII documents, control
# characters (strict or not), numbers, shared keys, and error positions.
import json

docs = [
    '"plain"',
    '"tab\\tnew\\nline \\"q\\" back\\\\slash \\/"',
    '"\\u00e9t\\u00e9 \\u4e2d \\ud83d\\ude00 lone \\ud800 end"',
    '"caf\u00e9 \u4e2d\u6587"',
    '{"k\u00e9y": [1, "v\u00e1l", {"x": "\\u0041"}]}',
    '[1, -2, 3.5, -0.25, 1e3, 2E-2, 12345678901234567890123, -0, 0.0]',
    '{"a": 1, "b": [true, false, null], "c": {"a": 2}}',
    '[NaN, Infinity, -Infinity]',
    '  [ 1 , 2 ]  ',
    '""',
    '"a"',
]
for d in docs:
    print(repr(json.loads(d)))

print(repr(json.loads('"a\tb\nc"', strict=False)))
print(repr(json.loads('{"k\tk": "v\x01"}', strict=False)))

bad = [
    '"abc',
    '"a\tb"',
    '"\\x"',
    '"\\u12"',
    '"\\u12zz"',
    '{"a" 1}',
    '{"a": 1,}',
    '[1, 2',
    '{a: 1}',
    '[1 2]',
    '"\u00e9\u00e9\\q"',
    '{"\u00e9": "\u00e9\tx"}',
    '-',
    '[-]',
    '',
]
for d in bad:
    try:
        json.loads(d)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)

rows = json.loads('[' + ', '.join('{"name": %d, "value": "v%d"}' % (i, i) for i in range(5)) + ']')
print(all(a.keys() == b.keys() for a, b in zip(rows, rows[1:])))
first, second = (list(r)[0] for r in rows[:2])
print(first is second)

many = {"key%d" % i: i for i in range(500)}
back = json.loads(json.dumps([many, many]))
print(back[0] == many, list(back[0])[-1], [a is b for a, b in zip(list(back[0])[:3], list(back[1])[:3])])

print(json.loads('{"a": 1}', object_pairs_hook=list))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
