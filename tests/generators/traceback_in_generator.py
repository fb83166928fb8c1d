def gen():
    yield 1
    yield 1 / 0

def consume():
    for v in gen():
        print(v)

consume()
