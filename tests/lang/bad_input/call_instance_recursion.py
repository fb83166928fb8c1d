# An instance whose class's __call__ is another instance of the class
# (CPython's SF bug 532646): calling it recurses without Python frames and
# must end in RecursionError, not a native stack overflow.


class A:
    pass


A.__call__ = A()
a = A()
try:
    a()
except RecursionError as e:
    print("RecursionError:", e)


class B:
    def __init__(self, depth):
        self.depth = depth


B.__call__ = B(0)
try:
    B(1)(1, k=2)
except RecursionError as e:
    print("RecursionError:", e)
print("still running")
