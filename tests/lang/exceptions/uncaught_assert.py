def check(v):
    assert v > 0, "v must be positive, got %d" % v

check(1)
check(-2)
