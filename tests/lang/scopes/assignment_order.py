def show(tag, v):
    print("eval", tag)
    return v

a = [0, 0, 0]
i = 0
i = a[i] = 2
print(i, a)
a[show("idx", 1)] = show("value", 9)
print(a)
x = y = z = show("shared", [])
x.append(1)
print(y, z)
d = {}
d[show("k1", "a")], d[show("k2", "b")] = show("rhs", (1, 2))
print(d)
class O: pass
o = O()
show("obj", o).attr = show("val", 5)
print(o.attr)
b = [1, 2, 3]
b[show("lo", 0):show("hi", 2)] = show("slice value", [9])
print(b)
