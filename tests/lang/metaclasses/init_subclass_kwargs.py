# __init_subclass__: implicit classmethod, keyword arguments, super chain,
# and errors for unexpected keywords.
class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class Pretty(Json, name="pretty-json"):
    pass


print(Plugin.registry, Pretty.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Plain(object, flag=1):
        pass
except TypeError as e:
    print("TypeError", e)


class Base:
    def __init_subclass__(cls):
        print("Base hook for", cls.__name__)


class Mixin:
    def __init_subclass__(cls, **kw):
        print("Mixin hook for", cls.__name__)
        super().__init_subclass__(**kw)


class Both(Mixin, Base):
    pass
