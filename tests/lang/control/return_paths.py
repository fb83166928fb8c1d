def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    for i in range(2, n):
        if n % i == 0:
            return f"composite({i})"
    else:
        if n == 1:
            return "one"
    return "prime"
print([classify(n) for n in [-1, 0, 1, 2, 9, 13]])

def try_return(x):
    try:
        if x:
            return "try"
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("finally", x)
print(try_return(1), try_return(0))

def loop_return():
    while True:
        for x in [1, 2]:
            try:
                return x
            finally:
                print("leaving with", x)
print(loop_return())
