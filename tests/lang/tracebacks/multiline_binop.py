a = 1
b = None
total = (a +
         a +
         b)
