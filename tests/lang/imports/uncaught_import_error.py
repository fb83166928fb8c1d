import _support.broken
