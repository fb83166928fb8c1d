class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None)
        raise RuntimeError("exit failed")

with CM():
    raise ValueError("body failed")
