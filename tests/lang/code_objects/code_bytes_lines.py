# co_code, co_lnotab and the line numbers read from them; code.replace.
import dis
import inspect
import types


def lines_of(code):
    return sorted({line for _, line in dis.findlinestarts(code)})


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while total > 100:
        total //= 2
    return total


def multi_line_call(x):
    y = max(
        x,
        abs(x),
    )
    return [y,
            len(str(y))]


def deco(f):
    return f


@deco
def decorated(a,
              b=2):
    c = a + b
    return c


def far_apart():
    a = 1
    # A long gap of comments and blank lines: line steps over 127 are split.
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    #
    b = 2
    return a + b


for f in (loop, multi_line_call, decorated, far_apart, lambda: 0):
    code = f.__code__
    co = code.co_code
    assert type(co) is bytes and len(co) > 0
    assert co == f.__code__.co_code
    assert type(code.co_lnotab) is bytes and len(code.co_lnotab) % 2 == 0
    starts = list(dis.findlinestarts(code))
    assert starts[0][0] == 0
    assert all(0 <= off < len(co) for off, _ in starts)
    print(code.co_name, code.co_firstlineno, lines_of(code))

print(inspect.getsourcelines(decorated)[1])
print(inspect.getsourcelines(loop)[0][0], end="")
print(loop.__code__.co_flags, multi_line_call.__code__.co_flags)


def outer():
    v = 1

    def inner():
        return v
    return inner


print(outer.__code__.co_flags, outer().__code__.co_flags)

# code.replace: every keyword, and CPython's checks and messages.
code = loop.__code__
new = code.replace(co_name="renamed", co_filename="other.py", co_firstlineno=100)
print(new.co_name, new.co_filename, new.co_firstlineno, new is code)
print(code.co_name, code.co_filename == __file__, code.co_firstlineno)
print(lines_of(new) == [line - code.co_firstlineno + 100 for line in lines_of(code)])
same = code.replace()
print(same is code, same.co_name, lines_of(same) == lines_of(code))
kept = code.replace(co_code=code.co_code, co_lnotab=code.co_lnotab,
                    co_consts=code.co_consts, co_names=code.co_names,
                    co_varnames=code.co_varnames, co_freevars=(),
                    co_cellvars=(), co_argcount=1, co_posonlyargcount=0,
                    co_kwonlyargcount=0, co_flags=code.co_flags)
print(kept.co_varnames == code.co_varnames, kept.co_names == code.co_names)

bad = [
    dict(co_argcount="x"),
    dict(co_argcount=1.5),
    dict(co_argcount=-2),
    dict(co_firstlineno=-1),
    dict(co_flags=-1),
    dict(co_nlocals=-3),
    dict(co_argcount=2 ** 70),
    dict(co_code=1),
    dict(co_consts=[1]),
    dict(co_names=None),
    dict(co_varnames=[]),
    dict(co_freevars="ab"),
    dict(co_filename=b"x"),
    dict(co_name=3),
    dict(co_lnotab="x"),
    dict(co_flags=None),
    dict(co_posonlyargcount=5),
    dict(co_varnames=()),
    dict(co_qualname="x"),
    dict(co_name=1, co_argcount="y"),
]
for kw in bad:
    try:
        code.replace(**kw)
        print(kw, "accepted")
    except (TypeError, ValueError, OverflowError, SystemError) as e:
        print(sorted(kw), type(e).__name__, e)
try:
    code.replace(1)
except TypeError as e:
    print(e)


# A function made from a replaced code object runs and reports its new
# name, file and lines.
def add(a, b):
    return a + b


moved = types.FunctionType(add.__code__.replace(co_name="plus", co_filename="plus.py",
                                                co_firstlineno=40), globals())
print(moved(1, 2), moved.__name__, moved.__code__.co_name)
try:
    moved("a", 1)
except TypeError as e:
    tb = e.__traceback__.tb_next
    print(e, tb.tb_frame.f_code.co_filename, tb.tb_lineno, tb.tb_frame.f_code.co_name)
named = types.FunctionType(add.__code__, globals(), "named", (5,))
print(named(1), named.__name__, named.__defaults__)
for args in [(1, {}), (add.__code__, []), (add.__code__, {}, 1), (add.__code__, {}, None, [1]),
             (outer().__code__, {}), (add.__code__, {}, None, None, (1,))]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


@types.coroutine
def gen_coro():
    yield 1


print(gen_coro.__code__.co_flags & 0x100)
