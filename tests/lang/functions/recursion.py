import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(30))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)

def even(n):
    return True if n == 0 else odd(n - 1)

def odd(n):
    return False if n == 0 else even(n - 1)

print(even(500), odd(501))
print(sys.getrecursionlimit())
