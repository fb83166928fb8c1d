# The implicit `__class__` cell of a class body against a `__class__` the
# body binds itself: a class attribute, a global, or (with `nonlocal`) the
# enclosing method's own `__class__` cell.
class A:
    def f(self):
        return 'A'


class T:
    def m(self):
        class X(A):
            def f(self):
                return super().f()
            __class__ = 413
        x = X()
        print(x.f(), x.__class__)

        class X:
            x = __class__
            def f():
                return __class__
        print(X.x is T, X.f() is X)

        class X:
            nonlocal __class__
            __class__ = 42
            def f():
                return __class__
        print(__class__, X.f() is X, '__class__' in X.__dict__)

        class X:
            global __class__
            __class__ = 7
            def f():
                return __class__
        print(globals()['__class__'], X.f() is X, '__class__' in X.__dict__)


T().m()
try:
    exec("class X:\n    __class__\n    def f():\n        __class__\n", {}, {})
except NameError as e:
    print(type(e).__name__, e)
