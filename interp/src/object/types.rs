//! Type objects (placeholder until the type module lands).
use super::gc::Tracer;
use super::heap::Heap;

#[derive(Default)]
pub struct BuiltinTypes {}

impl BuiltinTypes {
    pub(super) fn trace(&self, _tracer: &mut Tracer) {}
}

pub(super) fn bootstrap(_heap: &Heap) -> BuiltinTypes {
    BuiltinTypes::default()
}
