try:
    x = 1
    if x:
        y = 2
except:
    pass
except ValueError:
    pass
