"""itertools for tachyon: CPython 3.8's Modules/itertoolsmodule.c as
iterator classes (no generators), with its results, reprs and messages.
chain, islice, count and repeat (`itertools_native.rs`) and the
combinatoric iterators (`itertools_combinatoric.rs`) are native and
already in this namespace when this text runs."""



def _iter(obj):
    return iter(obj)


class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = -1

    def __iter__(self):
        return self

    def __next__(self):
        if self._index < 0:
            try:
                item = next(self._it)
            except StopIteration:
                if not self._saved:
                    raise
                self._index = 0
            else:
                self._saved.append(item)
                return item
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._pending_initial = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending_initial:
            self._pending_initial = False
            return self._total
        item = next(self._it)
        if not self._started:
            self._started = True
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._data)
            if next(self._selectors):
                return item


class dropwhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._dropping:
                return item
            if not self._pred(item):
                self._dropping = False
                return item


class takewhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._done = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable):
        self._pred = bool if function is None else function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._pred(item):
                return item


class _grouper:
    def __init__(self, parent, tgtkey, id):
        self._parent = parent
        self._tgtkey = tgtkey
        self._id = id
        self._yielded = False
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if self._done:
            raise StopIteration
        if self._yielded:
            try:
                p._currvalue = next(p._it)
            except StopIteration:
                self._done = True
                raise
            p._currkey = p._keyfunc(p._currvalue)
        if p._id is not self._id or not (p._currkey == self._tgtkey):
            self._done = True
            raise StopIteration
        self._yielded = True
        return p._currvalue


class groupby:
    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
        self._id = None

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, _grouper(self, self._tgtkey, self._id))


class starmap:
    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        return self._func(*next(self._it))


class _tee_buffer:
    def __init__(self, iterable):
        self.it = iter(iterable)
        self.items = []
        self.base = 0


class _tee:
    def __init__(self, buffer, index):
        self._buffer = buffer
        self._index = index

    def __iter__(self):
        return self

    def __next__(self):
        b = self._buffer
        pos = self._index - b.base
        if pos < len(b.items):
            item = b.items[pos]
        else:
            item = next(b.it)
            b.items.append(item)
        self._index += 1
        return item

    def __copy__(self):
        return _tee(self._buffer, self._index)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("integer argument expected, got " + type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    if isinstance(iterable, _tee):
        buffer, index = iterable._buffer, iterable._index
    else:
        buffer, index = _tee_buffer(iterable), 0
    return _tees(buffer, index, n)


def _tees(buffer, index, n):
    out = []
    for _ in range(n):
        out.append(_tee(buffer, index))
    return tuple(out)


class zip_longest:
    def __init__(self, *iterables, fillvalue=None):
        self._its = list(map(iter, iterables))
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        result = []
        for i in range(len(self._its)):
            it = self._its[i]
            if it is None:
                result.append(self._fill)
                continue
            try:
                result.append(next(it))
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                self._its[i] = None
                result.append(self._fill)
        return tuple(result)
