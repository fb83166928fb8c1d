import sys
def f():
    yield 1
g = f()
print(g.gi_frame is not None, g.gi_frame.f_lineno, g.gi_frame.f_code.co_name)
next(g)
print(g.gi_frame.f_lineno)
list(g)
print(g.gi_frame)
async def c():
    pass
co = c()
print(co.cr_frame.f_code.co_name)
co.close()
print(co.cr_frame)
x = [1, 2]
x.__iadd__([3])
print(x, x.__imul__(2))
print(str.__dict__['__format__'], format(255, 'x'), (255).__format__('#x'), 'ab'.__format__('>4'), (1.5).__format__('.3f'))
try:
    (1).__format__(5)
except TypeError as e:
    print(e)
print(True.__format__('d'), True.__format__(''))
class MyInt(int):
    def __format__(self, spec):
        return 'my' + super().__format__(spec)
print(format(MyInt(5), 'x'), f'{MyInt(7):03}')
