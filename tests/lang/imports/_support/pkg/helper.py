print("helper init", __name__, __package__)

def helper_fn():
    return "helper result"
