def show(tag, v):
    print("eval", tag)
    return v

def f(*a, **k):
    return a, k

print(f(show(1, 1), show(2, 2), x=show(3, 3), *[show(4, 4)], **{'y': show(5, 5)}))
d = {show('k1', 'a'): show('v1', 1), show('k2', 'b'): show('v2', 2)}
print(d)
show('obj', f)(show('arg', 0))
