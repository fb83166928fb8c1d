print("_support package initialised")
