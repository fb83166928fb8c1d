class Event:
    def __init__(self):
        self.handlers = []
    def __iadd__(self, handler):
        self.handlers.append(handler)
        return self
    def __isub__(self, handler):
        self.handlers.remove(handler)
        return self
    def __call__(self, *args, **kwargs):
        return [h(*args, **kwargs) for h in self.handlers]
    def __len__(self):
        return len(self.handlers)

class Button:
    def __init__(self, name):
        self.name = name
        self.on_click = Event()
    def click(self, **info):
        return self.on_click(self, **info)

log = []
def logger(btn, **info):
    log.append((btn.name, sorted(info.items())))
    return "logged"
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, btn, **info):
        self.n += 1
        return self.n

b = Button("ok")
counter = Counter()
b.on_click += logger
b.on_click += counter
print(b.click(x=1), b.click(), len(b.on_click))
b.on_click -= logger
print(b.click(y=2), log, counter.n)
