class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *args):
        print("exit", args[0].__name__)

with CM():
    x = 1 / 0
