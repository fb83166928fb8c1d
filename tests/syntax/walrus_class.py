x = 5
class C:
    y = [z := i for i in range(x)]
