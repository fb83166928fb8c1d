class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise ValueError(f"insufficient funds in account {self.id}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<Account {self.id} {self.owner}: {self._balance}>"

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

def transfer(src, dst, amount):
    try:
        src.withdraw(amount)
    except ValueError as e:
        raise RuntimeError("transfer failed") from e
    else:
        dst.deposit(amount)
    finally:
        print("transfer attempted", src.id, "->", dst.id, amount)

a = Account("ann", 100)
s = Savings("sam", 1000)
transfer(a, s, 30)
print(a, s, s.add_interest(), s.balance)
try:
    transfer(a, s, 500)
except RuntimeError as e:
    print(e, "because", e.__cause__)
try:
    a.deposit(-1)
except ValueError as e:
    print(e)
print(a.history, s.history)
try:
    a.balance = 5
except AttributeError as e:
    print(e)
