__all__ = ["alpha", "beta"]
from .alpha import A
