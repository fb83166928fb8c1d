try:
    pass
finally:
    print("finally first")
raise SystemExit(None)
