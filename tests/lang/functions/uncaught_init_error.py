class Thing:
    def __init__(self, size):
        if size < 0:
            raise ValueError("size must be >= 0")
        self.size = size

things = [Thing(1), Thing(2)]
print(len(things))
Thing(-1)
