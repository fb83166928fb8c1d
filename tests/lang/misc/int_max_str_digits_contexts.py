# The int<->str digit limit reached through json, fractions, str.format and %
# formatting, ascii(); hashing and bit operations stay exempt.
import json, fractions, math
for e in ["json.dumps(10**5000)", "json.loads('1' * 5000)", "str(fractions.Fraction(10**5000, 3))[:5]",
          "math.factorial(2000) > 0", "len(str(math.factorial(1000)))", "'{:,}'.format(10**5000)",
          "'{:_}'.format(10**5000)", "'%i' % 10**5000", "'%s' % 10**5000", "str(True)", "int('١' * 5000)",
          "hash(10**5000) != 0", "(10**5000).bit_length()", "int.from_bytes(b'\\xff' * 3000, 'big') > 0",
"'%o' % 10**5000 != ''", "ascii(10**5000)"]:
    try:
        print(e, '->', eval(e))
    except Exception as ex:
        print(e, '!!', type(ex).__name__, ex)
