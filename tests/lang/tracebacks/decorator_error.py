def bad_decorator(f):
    raise TypeError("decorator failed for " + f.__name__)

@bad_decorator
def func():
    pass
