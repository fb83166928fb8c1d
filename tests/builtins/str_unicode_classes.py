# Every code point (but surrogates) through each str.isX() and case
# mapping, summarised by weighted sums so that one difference shows.
import operator
ranges = [range(0x3400), range(0xA000, 0xD800), range(0xF900, 0x10000), range(0x10000, 0x32000, 5),
          range(0x1D400, 0x1D800), range(0x1E900, 0x1E960), range(0xE0000, 0xE0200, 3)]
chars = ''.join(''.join(map(chr, r)) for r in ranges)
codes = list(map(ord, chars))
n = len(chars)
print(n)
for name in ['isalpha', 'isdecimal', 'isdigit', 'isnumeric', 'isalnum', 'isspace',
             'isprintable', 'isidentifier', 'isupper', 'islower', 'istitle']:
    hits = list(map(getattr(str, name), chars))
    print(name, sum(hits), sum(map(operator.mul, codes, hits)))
for name in ['upper', 'lower', 'casefold', 'title', 'swapcase', 'capitalize']:
    mapped = list(map(getattr(str, name), chars))
    lengths = list(map(len, mapped))
    joined = ''.join(mapped)
    print(name, len(joined), sum(map(ord, joined)), sum(map(operator.mul, codes, lengths)),
          sum(map(operator.mul, range(len(joined)), map(ord, joined))) % 1000000007)
# strings as a whole
samples = ['straße', 'ǅungla', 'ΌΣΟΣ', 'ὈΔΥΣΣΕΎΣ', 'ﬁnance ﬂow', 'İstanbul', 'ŉ', 'ΐ', 'ǰ',
           'hello world', 'HELLO', 'Hello World', "they're bill's", 'ß' * 3, 'Σ', 'ΑΣ.Σ', 'aΣ\u0301b',
           '٣٤٥', '²³', '½', 'Ⅷ', '一二三', '\u3000 \t', '\u200b', 'x\u0300', '_a1', '1a', 'é', '']
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), s.capitalize(),
          s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isprintable(), s.isidentifier(), s.isupper(), s.islower(), s.istitle())
print(int('٣٤٥'), float('١٫٥'.replace('٫', '.')), int('\u3000 ٧ '))
