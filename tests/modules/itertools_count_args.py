# itertools.count takes numbers only (CPython's PyNumber_Check).
from decimal import Decimal
from fractions import Fraction
from itertools import count, islice

for args in ((2, 3), (2.5, 0.5), (1j, 1), (Decimal("1.1"), Decimal("0.1")), (Fraction(1, 3), Fraction(1, 3))):
    print(list(islice(count(*args), 3)))
for args in (("a",), ("a", "b"), (1, "b"), ([],), (None,)):
    try:
        count(*args)
        print("accepted", args)
    except TypeError as e:
        print("TypeError", e)
