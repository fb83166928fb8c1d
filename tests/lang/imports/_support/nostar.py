visible = 1
_underscore = 2
