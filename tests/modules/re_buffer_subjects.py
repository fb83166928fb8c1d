# re matches memoryview and array subjects as their bytes.
import re, array

print(re.sub(b'y', b'a', memoryview(b'xyz')), re.sub(b'y', b'a', array.array('B', b'xyz')))
print(re.findall(b":+", memoryview(b"a:b::c:::d")), re.split(b":", memoryview(b"a:b")))
m = re.search(b"b+", memoryview(b"abbc"))
print(m.span(), m.group(), type(m.string).__name__)
print(re.match(b"ab", array.array('b', b"abc")), re.compile(b"").match(array.array('b')).groups())
for code in 'bBuhHiIlLfd':
    a = array.array(code)
    print(code, re.compile(b"bla").match(a), re.compile(b"").match(a).span())
print(re.fullmatch(b"a.c", memoryview(b"abc")).span())
try:
    re.match("a", memoryview(b"a"))
except TypeError as e:
    print(e)
try:
    re.match(b"a", 5)
except TypeError as e:
    print(e)
