def load():
    import _nonexistent_module_for_test
load()
