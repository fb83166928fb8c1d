import sys
class Fake:
    value = "injected"
    __name__ = "fake_mod"
sys.modules["fake_mod"] = Fake()
import fake_mod
print(fake_mod.value)
from fake_mod import value
print(value)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
