B = "beta-B"
