# reversed() of a range is a range_iterator counting down, as CPython's
# range.__reversed__, for small and big bounds alike.
print(type(reversed(range(3))), list(reversed(range(3))), list(reversed(range(10, 0, -3))))
print(list(reversed(range(0))), list(reversed(range(5, 5))), list(reversed(range(-3, 4, 2))))
print(list(reversed(range(2**70, 2**70 + 3))))
print(list(reversed(range(-2**63, -2**63 + 2))), list(reversed(range(2**63 - 2, 2**63 - 1))))
print(list(reversed(range(0, -2**63, -2**62))))
r = reversed(range(5))
print(next(r), next(r), list(r), list(r))


def countdown(n):
    total = 0
    for _ in range(200):
        for i in reversed(range(n)):
            total = total * 3 + i
            if total > 10**6:
                total %= 1000
    return total


print(countdown(8), countdown(0), countdown(1))
