__all__ = ["public", "also"]
public = "public"
also = "also"
hidden = "hidden"
_private = "private"
