print("never printed")
def ok():
    return 1
return 2
