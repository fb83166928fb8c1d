# The classes of _sre's objects. Their methods are native (added by
# modules/sre/mod.rs); the dunders the VM dispatches to Python code are
# defined here and call native helpers.

class Pattern:
    __module__ = 're'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __repr__(self):
        return _pattern_repr(self)

    def __eq__(self, other):
        return _pattern_eq(self, other)

    def __ne__(self, other):
        r = _pattern_eq(self, other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return _pattern_hash(self)


class Match:
    __module__ = 're'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def __repr__(self):
        return _match_repr(self)

    def __getitem__(self, group):
        return _match_getitem(self, group)


class SRE_Scanner:
    __module__ = '_sre'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_sre.SRE_Scanner' instances")
