def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return str(e)

print(f())

def g():
    x = 1
    def h():
        return x
    del x
    try:
        h()
    except NameError as e:
        print(e)

g()

y = 5
del y
try:
    y
except NameError as e:
    print(e)
