A = "alpha-A"
