name = "world"
n = 42
f = 3.14159
print(f"hello {name}!")
print(f"{n:5d}|{n:<5}|{n:^7}|{n:x}|{n:#o}|{n:08.3f}|{f:.2f}|{f:e}")
print(f"{name!r} {name!s} {name!a} {'ü'!a}")
print(f"{{literal}} {n + 1} {[1, 2][0]} {'nested ' + name}")
width = 10
print(f"{name:>{width}}|{f:{width}.{3}}|")
print(f"{n = }" if False else "no debug in 3.8? it is in 3.8")
print(f"{n=}, {name=!r}, {f=:.1f}")
d = {"k": "v"}
print(f"{d['k']} {len(d)}")
print(f"multi {n}"
      f" line {name}")
print(F"upper {n}", rf"raw \n {n}", fr"\t{name}")
print(f"{'a' if n > 1 else 'b'}")
print(f"{3!r:>5}")
obj = object()
print(f"{None} {True} {1e100} {-0.0} {2**70}")
print(f"{n:,} {1234567.891:,.2f} {n:_b} {0.25:%}")
