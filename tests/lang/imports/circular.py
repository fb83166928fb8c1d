import _support.circular_a
print(_support.circular_a.A_LATE)
