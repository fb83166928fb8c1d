results = []
for v in ["1", "x", "3", None, "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
total = 0
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError("retry")
        total = attempts
        break
    except ConnectionError as e:
        print("attempt", attempts, e)
print(total)
