# The dict views' own methods (set operators by name, isdisjoint, len, in,
# reversed) and code/frame attributes.
k = {1: 2, 3: 4}.keys()
i = {1: 2}.items()
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: k & {1})
t(lambda: k.__and__({1}))
t(lambda: k.isdisjoint({5}))
t(lambda: k.isdisjoint([1]))
t(lambda: k.__rsub__({1, 9}))
t(lambda: {1, 9} - k)
t(lambda: i.__or__([(5, 6)]))
t(lambda: k.__len__())
t(lambda: k.__contains__(1))
t(lambda: list(k.__reversed__()))
t(lambda: list({1: 2}.values().__reversed__()))
t(lambda: list(i.__iter__()))
def f(): pass
c = f.__code__
t(lambda: (c.co_nlocals, c.co_names, c.co_consts, c.co_stacksize >= 0))
import sys
fr = sys._getframe()
t(lambda: (fr.f_trace_lines, fr.f_trace_opcodes, fr.f_back, fr.f_code.co_name, fr.f_trace))
print(list(reversed({1: 2, 3: 4}.items())), type(reversed({}.values())).__name__)
