print(True & False, True | False, True ^ True, 1 & True, False | 0)
d = {1: 2, "a": [3]}
print(d.keys(), d.values(), d.items())
print(repr({}.keys()))
