# StringIO and BytesIO: appends, overwrites, padding, truncation and reads
# interleaved, as logging handlers and serializers use them.
import io

s = io.StringIO()
for i in range(5):
    s.write("line %d\n" % i)
print(repr(s.getvalue()), s.tell())
s.seek(5)
print(s.write("X"), s.tell(), repr(s.getvalue()))
s.write("yz")
print(repr(s.getvalue()))
s.seek(0, 2)
s.write("end")
print(s.tell(), repr(s.getvalue()[-10:]))
s.seek(len(s.getvalue()) + 3)
s.write("pad")
print(repr(s.getvalue()[-8:]), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(4)), s.tell())
s.write("W")
print(repr(s.getvalue()[:14]))
print(s.truncate(20), repr(s.getvalue()), s.tell())
s.write("+more")
s.write("+again")
print(repr(s.getvalue()), s.tell())
s.seek(0)
s.truncate()
print(repr(s.getvalue()), s.tell())
for piece in ["a", "", "bc", "\n", "d\n"]:
    s.write(piece)
s.seek(0)
print(list(s))
print(repr(s.read()), repr(s.read()))

t = io.StringIO("initial\ntext")
print(repr(t.read(3)), t.tell())
t.write("!")
print(repr(t.getvalue()))
t.seek(0, 2)
t.write("\nappended")
t.seek(0)
print(t.readlines())
try:
    t.write(b"x")
except TypeError as e:
    print("TypeError", e)
t.close()
try:
    t.write("x")
except ValueError as e:
    print("ValueError", e)

b = io.BytesIO(b"abc")
print(b.write(b"de"), repr(b.getvalue()))
b.seek(0, 2)
b.write(bytearray(b"fg"))
b.write(memoryview(b"hi"))
print(repr(b.getvalue()), b.tell())
b.seek(2)
b.write(b"ZZ")
print(repr(b.getvalue()))
b.seek(12)
b.write(b"!")
print(repr(b.getvalue()), b.tell())
b.seek(-3, 2)
print(repr(b.read()), bytes(b.getbuffer()[:3]))
buf = bytearray(4)
b.seek(1)
print(b.readinto(buf), buf)
print(b.truncate(5), repr(b.getvalue()))
b.seek(0, 2)
for i in range(3):
    b.write(bytes([65 + i]) * 2)
b.seek(0)
print(b.readline(), b.read1(3), b.read())
try:
    b.write("text")
except TypeError as e:
    print("TypeError", e)

big = io.StringIO()
for i in range(3000):
    big.write("x" * (i % 7))
    if i % 1000 == 999:
        print(len(big.getvalue()), big.tell())
