# _sha512: digests of SHA-512 and SHA-384 as CPython computes them.
import _sha512

for data in [b"", b"abc", b"a" * 111, b"a" * 112, b"a" * 128, b"x" * 1000]:
    print(_sha512.sha512(data).hexdigest()[:32], _sha512.sha384(data).hexdigest()[:32])
h = _sha512.sha512()
h.update(b"hello ")
c = h.copy()
h.update(b"world")
print(h.hexdigest() == _sha512.sha512(b"hello world").hexdigest(), c.hexdigest() == _sha512.sha512(b"hello ").hexdigest())
print(len(h.digest()), h.digest_size, h.block_size, h.name, _sha512.sha384().name, _sha512.sha384().digest_size)
print(_sha512.sha512(bytearray(b"q")).hexdigest()[:16], _sha512.sha512(string=b"q").hexdigest()[:16])
try:
    _sha512.sha512("text")
except TypeError as e:
    print("TypeError", e)
