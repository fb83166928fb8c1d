# __qualname__ of built-in methods names the type that defines them.
print((1).__add__.__qualname__, [].append.__qualname__, True.__add__.__qualname__, {}.keys.__qualname__, 'a'.join.__qualname__, len.__qualname__, (1.5).is_integer.__qualname__, [].__len__.__qualname__)
import math, sys
print(math.sqrt.__qualname__, sys.getrecursionlimit.__qualname__, object().__str__.__qualname__)
