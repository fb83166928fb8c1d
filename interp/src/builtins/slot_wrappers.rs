//! Which native methods of built-in types CPython exposes as slot wrappers
//! (`wrapper_descriptor`, bound: `method-wrapper`) rather than method
//! descriptors: those that fill a type slot (`typeobject.c`'s `slotdefs`),
//! unless the type also lists the name in its method table
//! (`METH_COEXIST`: `list.__getitem__`, `dict.__contains__`, ...). The two
//! kinds differ in their type, repr and self-type error message.

/// Names that fill a type slot.
const SLOT_NAMES: &[&str] = &[
    "__abs__",
    "__add__",
    "__aiter__",
    "__and__",
    "__anext__",
    "__await__",
    "__bool__",
    "__call__",
    "__contains__",
    "__del__",
    "__delattr__",
    "__delete__",
    "__delitem__",
    "__divmod__",
    "__eq__",
    "__float__",
    "__floordiv__",
    "__ge__",
    "__get__",
    "__getattr__",
    "__getattribute__",
    "__getitem__",
    "__gt__",
    "__hash__",
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imod__",
    "__imul__",
    "__index__",
    "__init__",
    "__int__",
    "__invert__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__iter__",
    "__itruediv__",
    "__ixor__",
    "__le__",
    "__len__",
    "__lshift__",
    "__lt__",
    "__matmul__",
    "__mod__",
    "__mul__",
    "__ne__",
    "__neg__",
    "__next__",
    "__or__",
    "__pos__",
    "__pow__",
    "__radd__",
    "__rand__",
    "__rdivmod__",
    "__repr__",
    "__rfloordiv__",
    "__rlshift__",
    "__rmatmul__",
    "__rmod__",
    "__rmul__",
    "__ror__",
    "__rpow__",
    "__rrshift__",
    "__rshift__",
    "__rsub__",
    "__rtruediv__",
    "__rxor__",
    "__set__",
    "__setattr__",
    "__setitem__",
    "__str__",
    "__sub__",
    "__truediv__",
    "__xor__",
];

/// `(type, name)` pairs that are method descriptors although `name` fills
/// a slot.
const COEXISTING: &[(&str, &str)] = &[
    ("list", "__getitem__"),
    ("dict", "__getitem__"),
    ("dict", "__contains__"),
    ("set", "__contains__"),
    ("frozenset", "__contains__"),
];

/// Is `name` of built-in type `owner` a slot wrapper in CPython?
pub fn is_slot_wrapper(owner: &str, name: &str) -> bool {
    SLOT_NAMES.binary_search(&name).is_ok() && !COEXISTING.contains(&(owner, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_names_are_sorted_for_the_search() {
        assert!(SLOT_NAMES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn coexisting_methods_stay_method_descriptors() {
        assert!(is_slot_wrapper("int", "__add__"));
        assert!(is_slot_wrapper("tuple", "__getitem__"));
        assert!(!is_slot_wrapper("list", "__getitem__"));
        assert!(!is_slot_wrapper("int", "__format__"));
        assert!(!is_slot_wrapper("list", "append"));
    }
}
