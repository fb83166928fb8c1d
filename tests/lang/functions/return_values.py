def none1():
    pass

def none2():
    return

def tup():
    return 1, 2

def early(x):
    for i in range(10):
        if i == x:
            return i * 10
    return -1

print(none1(), none2(), tup(), early(3), early(20))

def nested_return():
    try:
        return "try"
    finally:
        print("finally runs")

print(nested_return())
