def handler():
    try:
        raise ValueError("original")
    except ValueError:
        undefined_function()

handler()
