print("simple module runs, __name__ =", __name__)
VALUE = 42

def double(x):
    return x * 2

if __name__ == "__main__":
    print("never printed on import")
