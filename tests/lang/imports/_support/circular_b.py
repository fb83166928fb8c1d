print("b starts")
from _support import circular_a
print("b sees", circular_a.A_EARLY, hasattr(circular_a, "A_LATE"))
B = "b-value"
