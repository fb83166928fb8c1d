# hashlib built from _md5, _sha1, _sha256, _sha512, _sha3 and _blake2:
# importing it logs nothing, and every algorithm matches CPython.
import hashlib

FIXED = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]
SHAKES = ["shake_128", "shake_256"]
INPUTS = [b"", b"abc", b"The quick brown fox jumps over the lazy dog",
          bytes(range(256)) * 3, b"a" * 135, b"a" * 136, b"a" * 137]

print(sorted(hashlib.algorithms_guaranteed))
for name in FIXED:
    h = hashlib.new(name)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    for data in INPUTS:
        a = hashlib.new(name, data).hexdigest()
        b = getattr(hashlib, name)(data).hexdigest()
        print(" ", len(data), a, a == b)
    h = getattr(hashlib, name)()
    for chunk in (b"ab", b"", b"c" * 70, bytearray(b"xyz" * 50)):
        h.update(chunk)
    c = h.copy()
    c.update(b"more")
    print("  incremental", h.hexdigest(), c.hexdigest(), h.digest()[:4])

for name in SHAKES:
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size)
    for n in (0, 1, 16, 200):
        print(" ", n, h.hexdigest(n))
    print(" ", getattr(hashlib, name)(b"abc").digest(8))

print(hashlib.blake2b(b"abc", digest_size=20).hexdigest())
print(hashlib.blake2b(b"abc", key=b"secret", salt=b"salt", person=b"me").hexdigest())
print(hashlib.blake2s(b"abc", digest_size=16, key=b"k" * 32).hexdigest())
print(hashlib.blake2s(b"abc", person=b"p" * 8, salt=b"s" * 8).hexdigest())
print(hashlib.blake2b(b"", key=b"k").hexdigest())
print(hashlib.blake2b(digest_size=7).digest_size)
print(hashlib.md5(b"x" * 1000).digest())
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 2).hex())

import hmac
print(hmac.new(b"key", b"message", hashlib.sha256).hexdigest())

for bad in (lambda: hashlib.md5("text"), lambda: hashlib.blake2b(digest_size=65)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
