def greet():
    print("hello " + nmae)

greet()
