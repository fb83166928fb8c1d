print("before")
from missing_pkg_xyz import thing
