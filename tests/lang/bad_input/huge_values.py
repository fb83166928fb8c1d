# Huge literals and values: big int arithmetic, str conversion limits of
# 3.8 (none), huge repetition errors, float overflow, deep structures.
big = 10 ** 500
print(len(str(big)), big % 97, (big + 1) // big, -big < 0)
print(int("9" * 400) % 1000, hex(2 ** 300)[:12], (2 ** 4000).bit_length())
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError", e)
try:
    "x" * (2 ** 62)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
try:
    [0] * (2 ** 70)
except OverflowError as e:
    print("OverflowError", e)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(eval("1" + "0" * 1000) == 10 ** 1000)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF >> 64, ~(2 ** 64), (-2 ** 64) >> 3)
