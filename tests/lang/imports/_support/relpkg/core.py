VALUE = "core value"
