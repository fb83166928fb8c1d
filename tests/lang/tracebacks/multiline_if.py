x = 5
if (x > 1 and
        x.missing):
    pass
