import sys
this = sys.modules[__name__]
counter = 0
def bump():
    global counter
    counter += 1
    return counter
