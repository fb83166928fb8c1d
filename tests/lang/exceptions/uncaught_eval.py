value = eval("undefined_thing + 1")
