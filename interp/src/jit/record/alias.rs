//! The alias kinds of the memory traces read and write: each names one
//! field (or one kind of element) of one kind of object, so accesses of two
//! kinds never overlap. A store of one kind leaves what the optimizer knows
//! of the others, and loads that nothing in a loop writes (the words guards
//! test: type versions, dict versions, a function's code) are done once, in
//! the preamble. Memory left unnamed is `Alias::ANY`, which overlaps all.

use traces::Alias;

/// An object header's type pointer.
pub const HEADER_TYPE: Alias = Alias(1);
/// A type's version tag.
pub const TYPE_VERSION: Alias = Alias(2);
/// A dict's keys version (changes when a key is added or removed).
pub const DICT_KEYS_VERSION: Alias = Alias(3);
/// The value of a dict entry, addressed directly (globals).
pub const DICT_VALUE: Alias = Alias(4);
/// A function's code.
pub const FUNCTION_CODE: Alias = Alias(5);
/// A function's tuple of positional defaults.
pub const FUNCTION_DEFAULTS: Alias = Alias(17);
/// A plain instance's shape.
pub const INSTANCE_SHAPE: Alias = Alias(6);
/// A plain instance's pointer to its attribute values.
pub const INSTANCE_SLOTS: Alias = Alias(7);
/// One of a plain instance's attribute values.
pub const INSTANCE_VALUE: Alias = Alias(8);
/// A cell's value.
pub const CELL_VALUE: Alias = Alias(9);
/// A list's or tuple's length.
pub const SEQ_LEN: Alias = Alias(10);
/// A list's pointer to its items.
pub const LIST_ITEMS: Alias = Alias(11);
/// An item of a list or tuple.
pub const SEQ_ITEM: Alias = Alias(12);
/// A sequence or range iterator's position.
pub const ITER_INDEX: Alias = Alias(13);
/// A sequence iterator's sequence (None once exhausted).
pub const ITER_SEQ: Alias = Alias(14);
/// A range iterator's start, step and length, fixed at its creation.
pub const ITER_RANGE: Alias = Alias(15);
/// The words of the VM's scratch area that pass arguments to helpers.
pub const SCRATCH: Alias = Alias(16);
/// The code a generator runs.
pub const GEN_CODE: Alias = Alias(18);
/// A generator's state byte (not started, suspended, running, closed).
pub const GEN_STATE: Alias = Alias(19);
/// One of a generator's saved frame slots.
pub const GEN_SLOT: Alias = Alias(20);
