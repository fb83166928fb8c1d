"""Integer kernels: a prime sieve, Collatz chain lengths and gcd sums,
the loops of integer-only batch computations.
"""


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [n for n in range(limit + 1) if flags[n]]


def longest_collatz(limit):
    best, best_start = 0, 1
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        if steps > best:
            best, best_start = steps, start
    return best_start, best


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def gcd_sum(n):
    total = 0
    for a in range(1, n):
        for b in range(a, n, 3):
            total += gcd(a, b)
    return total


def main():
    primes = sieve(400000)
    print("primes:", len(primes), "last:", primes[-1], "sum:", sum(primes))
    print("collatz:", longest_collatz(130000))
    print("gcd sum:", gcd_sum(800))
    # Big ints: a factorial's digit sum.
    f = 1
    for i in range(2, 1200):
        f *= i
    print("digit sum of 1199!:", sum(int(d) for d in str(f)))


main()
