# Comparing containers that hold themselves raises RecursionError, as
# CPython, instead of overflowing the native stack.
a = {}; a['x'] = a
b = {}; b['x'] = b
try:
    a == b
except RecursionError as e: print('RecursionError', e)
l = []; l.append(l); m = []; m.append(m)
try:
    l == m
except RecursionError as e: print('RecursionError', e)
d1 = {1: [a]}; d2 = {1: [b]}
try:
    print(d1 != d2)
except RecursionError as e: print('RecursionError', e)
s1 = {1: (l,)}; s2 = {1: (m,)}
try:
    print(s1 == s2)
except RecursionError as e: print('RecursionError', e)
import collections
o1 = collections.OrderedDict(); o1['k'] = o1
o2 = collections.OrderedDict(); o2['k'] = o2
try:
    print(o1 == o2)
except RecursionError as e: print('RecursionError', e)
print(a == a, l == l, {1: a} == {1: a})
