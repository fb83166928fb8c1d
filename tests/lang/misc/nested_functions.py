def outer(n):
    def helper(x):
        return x * n
    def helper2(x):
        return helper(x) + 1
    return [helper2(i) for i in range(3)]
print(outer(10))

def redefine():
    def f():
        return 1
    first = f
    def f():
        return 2
    return first(), f()
print(redefine())

def conditional_def(flag):
    if flag:
        def g():
            return "yes"
    else:
        def g():
            return "no"
    return g()
print(conditional_def(True), conditional_def(False))
def recursive_inner(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(recursive_inner(10))
