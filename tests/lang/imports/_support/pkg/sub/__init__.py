from .. import helper
from ..helper import helper_fn as hf
from . import leaf
SUB = "sub of " + __package__
