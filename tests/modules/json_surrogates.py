# Lone surrogates through the C encoder and scanner: ensure_ascii=False
# writes them as they are, ensure_ascii=True as \udXXX escapes, and loads
# gives them back.
import json, _json

docs = ['\ud800', ['\ud800', 'ok'], {'\udc80x': 1}, {'a': '\udc80'},
        {1.5: 'x\udfff', None: 2, True: 3, 10**20: 4, 7: '\ud834\udd20'},
        'caf\xe9\ud83d\ude00\u2028\x7f\x1f"\\']
for o in docs:
    for ensure_ascii in (False, True):
        text = json.dumps(o, ensure_ascii=ensure_ascii)
        print(ascii(text), json.loads(text) == json.loads(json.dumps(o)))
        print(ascii(json.dumps(o, ensure_ascii=ensure_ascii, separators=(',\udc00', ':'), sort_keys=isinstance(o, dict) and len(o) < 5)))

print(ascii(_json.encode_basestring('a\ud800\n"\udfff')), ascii(_json.encode_basestring_ascii('a\ud800\n"')))
print(json.loads(json.dumps({'\ud800': ['\udfff']}, ensure_ascii=False)) == {'\ud800': ['\udfff']})

class K(str):
    pass

print(json.dumps({K('k\ud800'): 1}, ensure_ascii=False).encode('utf-8', 'surrogatepass'))
print(ascii(json.loads('{"\ud800": "\udfff\\ud800", "b": ["x\ud801"]}')))
print(ascii(_json.scanstring('"ab\ud800\\n" tail', 1)))
print(ascii(json.dumps(['\ud800'], ensure_ascii=False, indent=1)))
try:
    json.loads('[1, \ud800]')
except json.JSONDecodeError as e:
    print(e)
