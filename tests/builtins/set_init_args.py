# set.__init__ checks its arguments even on a set that set.__new__ filled.
for call in (lambda: set().__init__(a=1), lambda: set().__init__(1, 2), lambda: set(a=1)):
    try:
        call()
        print("no error")
    except TypeError as exc:
        print("TypeError", exc)


class S(set):
    pass


t = S([3])
t.__init__([4, 5])
print(sorted(t))
