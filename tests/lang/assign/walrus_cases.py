# Assignment expressions: in conditions, comprehensions (binding in the
# enclosing scope), while loops, nested functions with nonlocal/global.
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 5], y)
total = 0
print([total := total + v for v in data], total)
chunks = iter(["ab", "cd", ""])
while chunk := next(chunks):
    print("chunk", chunk)


def f():
    print([last := w for w in "xyz"], last)


f()


def counter():
    count = 0

    def inc():
        nonlocal count
        return (count := count + 1)

    inc(); inc()
    return count


print(counter())
print((z := 5) + z)
print(any((hit := v) > 8 for v in data), hit)
values = {k: (sq := k * k) for k in range(3)}
print(values, sq)
print(f"{(w := 10)} {w}")
