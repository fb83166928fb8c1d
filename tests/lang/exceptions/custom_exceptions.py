class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return "[%d] %s" % (self.code, self.msg)

class NotFound(AppError):
    pass

try:
    raise NotFound(404, "nope")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))

class Plain(Exception):
    pass
try:
    raise Plain
except Plain as e:
    print(repr(e), e.args)

class WithRepr(ValueError):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("m")))
e = ValueError("x")
e.extra = 1
print(e.extra, e.args)
e.args = (1, 2)
print(e)
print(isinstance(NotFound(1, "a"), Exception), issubclass(NotFound, BaseException))
