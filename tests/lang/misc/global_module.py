global top
top = 1
def read():
    return top
print(read())
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def make_global():
    global created_later
    created_later = "yes"
make_global()
print(created_later)
print(sorted(k for k in ["b", "a"]) if False else "ok")
print("counter" in globals(), globals()["counter"])
def local_view():
    a = 1
    b = 2
    return sorted(locals().items())
print(local_view())
