//! Value types of the IR.

use std::fmt;

/// The type of an SSA value. `Word` is a raw machine word (a NaN-boxed
/// value, bits); `Ref` is a word the GC must see (a heap pointer or a boxed
/// value that may hold one), so snapshots and exits can tell references
/// from plain bits. `Bool` is 0 or 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    Void,
    Int,
    Float,
    Word,
    Ref,
    Bool,
}

impl Type {
    pub const ALL: [Type; 6] =
        [Type::Void, Type::Int, Type::Float, Type::Word, Type::Ref, Type::Bool];

    /// Lives in a general-purpose register.
    pub fn is_gpr(self) -> bool {
        matches!(self, Type::Int | Type::Word | Type::Ref | Type::Bool)
    }

    pub fn is_float(self) -> bool {
        self == Type::Float
    }

    /// Holds something the GC must trace.
    pub fn is_gc_ref(self) -> bool {
        self == Type::Ref
    }

    pub fn name(self) -> &'static str {
        match self {
            Type::Void => "void",
            Type::Int => "int",
            Type::Float => "float",
            Type::Word => "word",
            Type::Ref => "ref",
            Type::Bool => "bool",
        }
    }

    pub fn from_name(name: &str) -> Option<Type> {
        Type::ALL.iter().copied().find(|t| t.name() == name)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of types, for ops whose result type the instruction chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeSet(u8);

impl TypeSet {
    /// Every non-void type.
    pub const VALUES: TypeSet = TypeSet(0b111110);
    /// The gpr types a bit cast may produce.
    pub const WORDS: TypeSet = TypeSet(0b011010);

    pub fn contains(self, ty: Type) -> bool {
        self.0 & (1 << ty as u8) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_sets() {
        assert!(TypeSet::VALUES.contains(Type::Bool) && !TypeSet::VALUES.contains(Type::Void));
        assert!(TypeSet::WORDS.contains(Type::Int) && TypeSet::WORDS.contains(Type::Ref));
        assert!(!TypeSet::WORDS.contains(Type::Float) && !TypeSet::WORDS.contains(Type::Bool));
        for t in Type::ALL {
            assert_eq!(Type::from_name(t.name()), Some(t));
        }
    }
}
