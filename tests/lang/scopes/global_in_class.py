counter = 0
class C:
    global counter
    counter += 1
    x = counter
print(counter, C.x)

def f():
    class Inner:
        global made_in_class
        made_in_class = "yes"
    return Inner
f()
print(made_in_class)

value = "module"
class D:
    value = "class"
    def m(self):
        return value
    lst = [value for _ in range(1)]
print(D().m(), D.lst)
