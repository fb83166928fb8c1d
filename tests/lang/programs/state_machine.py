class State:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        State.registry[cls.__name__.lower()] = cls
    def on(self, event):
        raise NotImplementedError
    def __repr__(self):
        return type(self).__name__

class Idle(State):
    def on(self, event):
        return Running() if event == "start" else self

class Running(State):
    def on(self, event):
        if event == "pause":
            return Paused()
        if event == "stop":
            return Idle()
        return self

class Paused(State):
    def on(self, event):
        return {"resume": Running, "stop": Idle}.get(event, type(self))()

state = Idle()
history = [state]
for ev in ["start", "pause", "noop", "resume", "stop", "stop", "start"]:
    state = state.on(ev)
    history.append(state)
print(history)
print(sorted(State.registry))
