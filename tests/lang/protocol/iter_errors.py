class BadNext:
    def __iter__(self):
        return self
class NoNext:
    def __iter__(self):
        return 3
try:
    for x in BadNext():
        pass
except TypeError as e:
    print(e)
try:
    list(NoNext())
except TypeError as e:
    print(e)
class Raising:
    def __iter__(self):
        raise ValueError("from __iter__")
try:
    for x in Raising():
        pass
except ValueError as e:
    print(e)
class RaiseNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("from __next__")
try:
    list(RaiseNext())
except KeyError as e:
    print("KeyError", e)
class GetItemError:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(GetItemError())
except KeyError as e:
    print("KeyError", e)
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i
print(list(reversed(Rev())))
class CustomRev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(CustomRev())))
