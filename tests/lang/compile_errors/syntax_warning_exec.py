exec("y = 3\nprint(y is 3)")
print(eval("'a' is not 'b'"))
