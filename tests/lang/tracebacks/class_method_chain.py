class A:
    def run(self):
        return self.helper()
    def helper(self):
        return B().go()

class B:
    def go(self):
        return int("not a number")

A().run()
