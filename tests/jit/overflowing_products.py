# A product that overflows the immediate ints on most iterations is traced
# as the interpreter's operator, not as a guard failing each time.
def lcg(n):
    state = 31337
    acc = 0
    for i in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        acc ^= state >> 7
        if i == n // 2:
            state = 3  # small again for a while
    return acc
print(lcg(5000), lcg(7))
