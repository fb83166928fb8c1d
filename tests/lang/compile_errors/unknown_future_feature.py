"""A docstring may come first."""
from __future__ import annotations, braces
