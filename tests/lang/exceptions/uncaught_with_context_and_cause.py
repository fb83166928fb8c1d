try:
    try:
        raise OSError("disk")
    except OSError as e:
        raise ValueError("parse") from e
except ValueError:
    raise RuntimeError("final")
