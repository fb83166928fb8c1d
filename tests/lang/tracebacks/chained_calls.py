class B:
    def step(self, n):
        if n == 3:
            raise ValueError("step 3")
        return self

B().step(1) \
   .step(2) \
   .step(3)
