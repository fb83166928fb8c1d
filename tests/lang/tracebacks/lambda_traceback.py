handlers = {
    "ok": lambda x: x,
    "bad": lambda x: x / 0,
}
for name in ["ok", "bad"]:
    print(name, handlers[name](1))
