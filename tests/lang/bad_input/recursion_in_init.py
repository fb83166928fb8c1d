class Loop:
    def __init__(self):
        Loop()

try:
    Loop()
except RecursionError:
    print("RecursionError in __init__")

class AttrLoop:
    def __getattr__(self, name):
        return getattr(self, name + "x")

try:
    AttrLoop().a
except RecursionError:
    print("RecursionError in __getattr__")

class EqLoop:
    def __eq__(self, other):
        return self == other
try:
    EqLoop() == 1
except RecursionError:
    print("RecursionError in __eq__")
print("still alive")
