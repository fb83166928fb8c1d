leaf_name = __name__ + " in " + __package__
