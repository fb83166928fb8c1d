def fail(v):
    raise KeyError(v)

data = [
    1,
    2,
    fail(3),
]
