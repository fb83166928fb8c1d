from .. import core
from ..helpers import loud
from .leaf import leaf_name

summary = loud(core.VALUE) + " / " + leaf_name
