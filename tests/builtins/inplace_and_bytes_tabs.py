def t(src):
    try:
        r = eval(src)
        print(src, '->', repr(r))
    except BaseException as e:
        print(src, '!!', type(e).__name__, e)
for s in ["b'a\\tb\\n\\tc'.expandtabs()", "bytearray(b'a\\tb').expandtabs(4)", "b'a\\tb'.expandtabs(tabsize=2)", "b'x'.expandtabs(1.5)",
          "b'Ab Cd'.istitle()", "b'AB'.istitle()", "b''.istitle()", "b'1A b'.istitle()", "bytearray(b'Ab').istitle()", "b'Ab'.istitle(1)",
          "list(list.__reversed__([1,2]))", "list(range(3).__reversed__())", "range(0).__bool__()", "range(2).__bool__()",
          "'abc'.__rmod__(1)", "b'a'.__rmod__(1)", "[1].__iadd__((2,3))", "[1,2].__imul__(2)", "[1].__imul__(0)", "[1].__imul__('a')", "[1].__iadd__(5)",
          "set([1]).__ior__({2})", "{1,2}.__iand__({2})", "{1,2}.__isub__({2})", "{1,2}.__ixor__({2,3})", "{1}.__ior__([2])",
          "bytearray(b'a').__iadd__(b'b')", "bytearray(b'ab').__imul__(2)", "bytearray(b'a').__iadd__(1)", "98 in bytearray(b'ab')", "bytearray(b'ab').__contains__(b'b')"]:
    t(s)
class L(list): pass
l = L([1]); m = l; l += [2]; print(l is m, l, type(l).__name__)
class S(set): pass
s = S({1}); u = s; s |= {2}; print(s is u, s, type(s).__name__)
s -= {1}; print(s); s &= {2, 3}; print(s); s ^= {4}; print(sorted(s))
try:
    s |= [1]
except TypeError as e:
    print(e)
