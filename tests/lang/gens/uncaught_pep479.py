# An uncaught PEP 479 RuntimeError shows the StopIteration as its direct
# cause in the traceback.
def numbers():
    it = iter([1, 2])
    while True:
        yield next(it)


for n in numbers():
    print(n)
