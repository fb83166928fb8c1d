# Random patterns (a fixed pseudo-random sequence) over a few short texts:
# search, findall, sub, split, finditer and fullmatch must agree with
# CPython's _sre on every one.
import sre_compile


class R:
    # A 64-bit LCG: the same sequence on every interpreter.
    def __init__(self, seed):
        self.x = seed * 2654435761 % 2**32 + 1

    def random(self):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.x >> 11) / 2**53

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


random = R(7)
ATOMS = ['a', 'b', 'c', '.', '[ab]', '[^a]', '\\w', '\\W', '\\d', '\\s', '\\b', '\\B', '^', '$', 'é', '[a-cé]', '(?:ab)', 'x', '\\A', '\\Z']


def gen(depth=0):
    n = random.randint(1, 4)
    out = []
    for _ in range(n):
        r = random.random()
        if r < 0.15 and depth < 3:
            inner = gen(depth + 1)
            kind = random.choice(['(%s)', '(?:%s)', '(?=%s)', '(?!%s)', '(%s|%s)', '(?:%s|%s)'])
            if kind.count('%s') == 2:
                out.append(kind % (inner, gen(depth + 1)))
            else:
                out.append(kind % inner)
        elif r < 0.2:
            out.append(random.choice(['(?<=a)', '(?<!b)', '(?<=ab)']))
        elif r < 0.25:
            out.append('(a)?(?(1)b|c)')
        elif r < 0.3:
            out.append('(a|b)\\1')
        else:
            out.append(random.choice(ATOMS))
        if random.random() < 0.35:
            out[-1] += random.choice(['*', '+', '?', '*?', '+?', '??', '{2}', '{1,3}', '{0,2}?', '{2,}'])
    return ''.join(out)


texts = ['', 'a', 'ab', 'abc', 'aab bba', 'x ab\ncab é1', 'abcabc', 'éaé b', 'ba\n\nab ', 'cbbaxa']
for i in range(60):
    p = gen()
    flags = random.choice([0, 2, 8, 16, 256, 2 | 8])
    try:
        r = sre_compile.compile(p, flags)
    except Exception as e:
        print(i, repr(p), 'ERR', type(e).__name__)
        continue
    for t in texts:
        try:
            m = r.search(t)
            res = [m and (m.span(), m.groups()), r.findall(t), r.sub('-', t), r.split(t)[:6],
                   [x.span() for x in r.finditer(t)], r.fullmatch(t) is not None]
        except Exception as e:
            res = ('EXC', type(e).__name__, str(e))
        print(i, repr(p), flags, repr(t), res)
