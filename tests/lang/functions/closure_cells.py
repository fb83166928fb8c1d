def f():
    x = 1
    def g():
        return x
    return g

g = f()
print(g.__closure__ is not None, len(g.__closure__), g.__closure__[0].cell_contents)
print(f.__closure__)

def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = counter_factory()
inc(); inc()
print(get())

def loop_closures():
    result = []
    for i in range(3):
        def make(j=i):
            return lambda: j * 10
        result.append(make())
    return [r() for r in result]
print(loop_closures())

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1()()()
print(deep())
