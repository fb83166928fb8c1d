class Config:
    name = "cfg"
    size = len(name)
    broken = name + 1
