class Tree:
    def walk(self):
        return self.walk()

Tree().walk()
