src = "(" * 50 + "1" + ")" * 50
print(eval(src))
nested = [[[[[[[[[[1]]]]]]]]]]
print(nested)
x = 1
for _ in range(20):
    x = [x]
print(len(str(x)))
def nest(n):
    return 0 if n == 0 else 1 + nest(n - 1)
print(nest(900))
