print("a starts")
A_EARLY = "a-early"
from _support import circular_b
A_LATE = "a-late"
print("a ends, b has", circular_b.B)
