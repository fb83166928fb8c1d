"""_collections for tachyon: deque and defaultdict after CPython 3.8's
Modules/_collectionsmodule.c (results, reprs, messages).

A deque is two lists back to back: `_front` holds the left part reversed,
`_back` the right part, so appends and pops at either end are list
appends and pops at the end of a list: O(1). When one end runs dry, half
of the other list moves over, which keeps every operation amortised O(1)
(each move of k items is paid for by the k pops before the next one).
`_state` counts mutations, as CPython's `deque->state` does, so that an
iterator sees a deque changed under it."""


_repr_running = set()


def _as_maxlen(maxlen):
    if maxlen is None:
        return None
    if not isinstance(maxlen, int):
        raise TypeError("an integer is required")
    if maxlen < 0:
        raise ValueError("maxlen must be non-negative")
    return maxlen


class deque:
    __module__ = "collections"
    __slots__ = ("_front", "_back", "_maxlen", "_state", "__weakref__")

    def __init__(self, iterable=(), maxlen=None):
        self._maxlen = _as_maxlen(maxlen)
        if getattr(self, "_state", None) is None:
            self._state = 0
        self._front = []
        self._back = []
        self._state += 1
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    @maxlen.setter
    def maxlen(self, value):
        raise AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable")

    # ---- the two ends

    def _refill_front(self):
        back = self._back
        half = (len(back) + 1) // 2
        front = back[:half]
        front.reverse()
        self._front = front
        self._back = back[half:]

    def _refill_back(self):
        front = self._front
        half = (len(front) + 1) // 2
        back = front[:half]
        back.reverse()
        self._back = back
        self._front = front[half:]

    def append(self, x):
        self._state += 1
        self._back.append(x)
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        self._state += 1
        self._front.append(x)
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self.pop()

    def pop(self):
        if not self._back:
            if not self._front:
                raise IndexError("pop from an empty deque")
            self._refill_back()
        self._state += 1
        return self._back.pop()

    def popleft(self):
        if not self._front:
            if not self._back:
                raise IndexError("pop from an empty deque")
            self._refill_front()
        self._state += 1
        return self._front.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        if self._maxlen == 0:
            for _ in iterable:
                pass
            return
        append = self.append
        for x in iterable:
            append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        if self._maxlen == 0:
            for _ in iterable:
                pass
            return
        appendleft = self.appendleft
        for x in iterable:
            appendleft(x)

    def clear(self):
        self._state += 1
        self._front = []
        self._back = []

    # ---- positions

    def __len__(self):
        return len(self._front) + len(self._back)

    def __bool__(self):
        return bool(self._front) or bool(self._back)

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        n = len(self._front) + len(self._back)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        i = self._index(i)
        front = self._front
        if i < len(front):
            return front[len(front) - 1 - i]
        return self._back[i - len(front)]

    def __setitem__(self, i, x):
        i = self._index(i)
        front = self._front
        if i < len(front):
            front[len(front) - 1 - i] = x
        else:
            self._back[i - len(front)] = x

    def __delitem__(self, i):
        i = self._index(i)
        self._state += 1
        front = self._front
        if i < len(front):
            del front[len(front) - 1 - i]
        else:
            del self._back[i - len(front)]

    def _items(self):
        items = self._front[::-1]
        items.extend(self._back)
        return items

    def _replace(self, items):
        self._state += 1
        self._front = []
        self._back = items

    def rotate(self, n=1):
        length = len(self)
        if length <= 1:
            return
        n %= length
        if n == 0:
            return
        if n <= length // 2:
            for _ in range(n):
                self.appendleft(self.pop())
        else:
            for _ in range(length - n):
                self.append(self.popleft())

    def reverse(self):
        self._state += 1
        self._front, self._back = self._back, self._front

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._items()
        items.insert(i, x)
        self._replace(items)

    # ---- searching

    def _walk(self, first, second):
        state = self._state
        for part in (first, second):
            for x in part:
                if self._state != state:
                    break
                yield x
        if self._state != state:
            raise RuntimeError("deque mutated during iteration")

    def __iter__(self):
        return self._walk(reversed(self._front), self._back)

    def __reversed__(self):
        return self._walk(reversed(self._back), self._front)

    def __contains__(self, x):
        state = self._state
        for item in self._items():
            if item is x or item == x:
                return True
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def count(self, x):
        state = self._state
        found = 0
        for item in self._items():
            if item is x or item == x:
                found += 1
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        return found

    def index(self, x, start=0, stop=None):
        items = self._items()
        n = len(items)
        if stop is None:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        state = self._state
        for i in range(start, min(stop, n)):
            item = items[i]
            if item is x or item == x:
                return i
            if self._state != state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError(repr(x) + " is not in deque")

    def remove(self, value):
        items = self._items()
        state = self._state
        for i, item in enumerate(items):
            if item is value or item == value:
                if self._state != state:
                    raise IndexError("deque mutated during remove().")
                del items[i]
                self._replace(items)
                return
        raise ValueError("deque.remove(x): x not in deque")

    # ---- whole deques

    def copy(self):
        return self.__copy__()

    def __copy__(self):
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    def __reduce__(self):
        if self._maxlen is None:
            return type(self), (), None, iter(self)
        return type(self), ((), self._maxlen), None, iter(self)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return "[...]"
        _repr_running.add(key)
        try:
            text = repr(self._items())
        finally:
            _repr_running.discard(key)
        name = type(self).__name__
        if self._maxlen is None:
            return name + "(" + text + ")"
        return name + "(" + text + ", maxlen=" + str(self._maxlen) + ")"

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._items(), other._items())

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__ + '") to deque')
        result = self.__copy__()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.__copy__()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        if n <= 0:
            self.clear()
        elif n > 1:
            items = self._items()
            if self._maxlen is not None:
                # Only the rightmost maxlen items survive.
                items = (items * n)[-self._maxlen:] if self._maxlen else []
            else:
                items = items * n
            self._replace(items)
        return self


class defaultdict(dict):
    __module__ = "collections"
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        text = "None" if factory is None else repr(factory)
        return "defaultdict(" + text + ", " + dict.__repr__(self) + ")"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory else ()
        return type(self), args, None, None, iter(self.items())
