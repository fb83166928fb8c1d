print("x")
print(True=1)
