# raise ... from ...: "The above exception was the direct cause of the
# following exception:", through three levels.
class ConfigError(Exception):
    pass


def read(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise LookupError("no setting %r" % key) from e


def load():
    try:
        read("b")
    except LookupError as e:
        raise ConfigError("config broken") from e


load()
