# `_imp`: what `importlib._bootstrap` asks of the interpreter. Tachyon
# imports through its own Rust import system; this lets importlib set
# itself up and find the native modules as built-in ones.

import sys as _sys

check_hash_based_pycs = "never"


def is_builtin(name):
    return 1 if name in _sys.builtin_module_names else 0


def create_builtin(spec):
    name = spec.name
    if name in _sys.modules:
        return _sys.modules[name]
    if name not in _sys.builtin_module_names:
        raise ImportError("no built-in module named " + name, name=name)
    return __import__(name)


def exec_builtin(module):
    return 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    return False


def get_frozen_object(name):
    raise ImportError("No such frozen object named %r" % name, name=name)


def init_frozen(name):
    return None


def extension_suffixes():
    return []


def acquire_lock():
    pass


def release_lock():
    pass


def lock_held():
    return False


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    raise NotImplementedError("tachyon has no hash-based .pyc files")


class _TachyonImporter:
    """The finder and loader importlib sees on sys.meta_path: it imports
    through tachyon's own import system and hands back the module."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        module = _sys.modules.get(name)
        if module is None:
            try:
                __import__(name)
            except ImportError:
                return None
            module = _sys.modules.get(name)
            if module is None:
                return None
        from importlib._bootstrap import spec_from_loader
        return spec_from_loader(name, cls, origin=getattr(module, "__file__", None),
                                is_package=hasattr(module, "__path__"))

    @staticmethod
    def create_module(spec):
        return _sys.modules[spec.name]

    @staticmethod
    def exec_module(module):
        pass


# importlib imports this module first: from then on its own machinery
# (importlib.import_module, importlib.util.find_spec) finds modules here.
if _TachyonImporter not in _sys.meta_path:
    _sys.meta_path.append(_TachyonImporter)
