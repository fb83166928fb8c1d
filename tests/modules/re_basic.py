# The _sre engine through sre_compile (what re.compile calls): search,
# match, fullmatch, alternation, repeats, groups, lookaround, backrefs.
# (`import re` itself also needs `types` and `_thread` to import.)
import sre_compile

I, L, M, S, U, X, A = 2, 4, 8, 16, 32, 64, 256


def c(p, flags=0):
    return sre_compile.compile(p, flags)


def show(m):
    if m is None:
        print(None)
    else:
        print(m, m.groups())


show(c(r'abc').search('xxabcxx'))
show(c(r'abc').match('xxabc'))
show(c(r'abc').match('abcd'))
show(c(r'abc').fullmatch('abcd'))
show(c(r'abc|abcd').fullmatch('abcd'))
show(c(r'a|b|cd').search('xxcd'))
show(c(r'(a|b)+c').search('zzababbc'))
show(c(r'(?:ab)+?c').search('ababc'))
show(c(r'a{2,3}').search('aaaa'))
show(c(r'a{2,3}?').search('aaaa'))
show(c(r'a{3}').search('aa'))
show(c(r'(a{2}){2}').search('aaaaa'))
show(c(r'x*').match('xxxy'))
show(c(r'x*?y').match('xxxy'))
show(c(r'.*foo').match('xfooyfoo'))
show(c(r'.*?foo').match('xfooyfoo'))
show(c(r'(\d+)-(\d+)').search('tel 555-1234 ok'))
show(c(r'(\w+)\s(\w+)?').match('hello '))
show(c(r'(a)|(b)').match('b'))
show(c(r'(a*)*').match('aaa'))
show(c(r'(a*)+b').match('aaab'))
show(c(r'(a|)+b').match('aab'))
show(c(r'(?:(a)|b)*').match('ab'))
show(c(r'((a)|b)+').match('ab'))
show(c(r'(a)(?:x(b))?').match('axb'))
show(c(r'(?P<first>\w+) (?P<last>\w+)').match('Ada Lovelace'))
show(c(r'(\w)\1').search('abccd'))
show(c(r'(?P<q>[\'"]).*?(?P=q)').search('say "hi" now'))
show(c(r'(a)?(?(1)b|c)').match('ab'))
show(c(r'(a)?(?(1)b|c)').match('c'))
show(c(r'foo(?=bar)').search('foobaz foobar'))
show(c(r'foo(?!bar)').search('foobar foobaz'))
show(c(r'(?<=\$)\d+').search('cost: $42'))
show(c(r'(?<!\$)\b\d+').search('$42 and 17'))
show(c(r'^abc$', M).search('x\nabc\ny'))
show(c(r'^abc$').search('x\nabc\ny'))
show(c(r'abc$').search('abc\n'))
show(c(r'abc\Z').search('abc\n'))
show(c(r'\Aabc').search('abc'))
show(c(r'\bcat\b').search('concat cat'))
show(c(r'\Bcat').search('cat concat'))
show(c(r'[^a-z]+').search('abcDEF12ghi'))
show(c(r'[a-c-]+').search('xx-ab-c'))
show(c(r'[\d.]+').search('v 3.14.1'))
show(c(r'\s+').search('a \t\n b'))
show(c(r'\S+\W').search('  abc! '))
show(c(r'').search('abc'))
show(c(r'x?').search('abc'))
# pos and endpos
p = c(r'\w+')
show(p.search('abc def', 2))
show(p.search('abc def', 4, 6))
show(p.match('abc def', 4))
show(p.fullmatch('abc def', 4, 7))
show(c(r'^d').search('abc def', 4))
show(c(r'$').search('abc', 0, 2))
show(p.search('abc', -5, 100))
show(p.search('abc', 3))
m = c(r'(?<=a)b').search('ab', 1)
print(m.span(), m.pos, m.endpos)
# long inputs do not overflow the stack
print(c(r'(?:a|b)*c').match('ab' * 100000 + 'c').end())
print(c(r'(a|b)*?c').match('ab' * 50000 + 'c').span(1))
print(c(r'(?:x+)+y').search('x' * 20 + 'y').span())
print(len(c(r'.*').match('z' * 300000).group()))
