def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    return saved

err = f()
print(type(err).__name__)
raise err
