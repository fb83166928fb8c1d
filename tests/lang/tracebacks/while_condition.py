items = [3, 2, 1, 0]
i = 0
while 10 // items[i] > 0:
    i += 1
