import sys
class Sleep:
    def __await__(self):
        yield "tick"
        return 5
async def inner():
    v = await Sleep()
    return v + 1
async def main():
    total = 0
    for _ in range(3):
        total += await inner()
    return total
c = main()
try:
    while True:
        print(c.send(None))
except StopIteration as e:
    print("result", e.value)
def g():
    yield 1
    1/0
for x in g():
    print(x)
