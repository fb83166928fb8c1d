class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, v):
        i, j = idx
        self.rows[i][j] = v
    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[a * k for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) if False else sum([a * b for a, b in zip(r, c)]) for c in cols] for r in self.rows])
    def __eq__(self, other):
        return self.rows == other.rows
    def __repr__(self):
        return "Matrix(%s)" % self.rows
    def transpose(self):
        return Matrix(zip(*self.rows))

m = Matrix([[1, 2], [3, 4]])
print(m.shape, m[1, 0], m + m, 2 * m, m * 3, m @ Matrix.identity(2) == m, m @ m)
m[0, 0] = 10
print(m, m.transpose(), Matrix.identity(3))
