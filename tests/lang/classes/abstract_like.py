class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

class Circle(Shape):
    pass

print(Square(3).describe())
try:
    Circle().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
shapes = [Square(1), Square(2)]
print(sum(s.area() for s in shapes) if False else sum([s.area() for s in shapes]))
