def f():
    try:
        raise ValueError
    except ValueError as err:
        pass
    return err

try:
    f()
except UnboundLocalError as e:
    print(e)
