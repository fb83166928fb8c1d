def inner():
    return {}["missing"]

def outer():
    try:
        inner()
    except KeyError:
        raise ValueError("bad value")

print("start")
outer()
