//! Collector tests on a test payload: deep and cyclic structures, roots,
//! root scopes, stress-mode poisoning.

use std::cell::RefCell;

use super::*;

/// A node with any number of references.
struct Node {
    refs: RefCell<Vec<Value>>,
}

// SAFETY: `trace` reports every value in `refs`, the only references held.
unsafe impl Payload for Node {
    const KIND: ObjKind = ObjKind::Test;
    fn trace(&self, tracer: &mut Tracer) {
        tracer.mark_all(&self.refs.borrow())
    }
    fn extra_bytes(&self) -> usize {
        self.refs.borrow().capacity() * 8
    }
}

fn node(heap: &Heap, refs: Vec<Value>) -> Value {
    heap.alloc(Value::NONE, Node { refs: RefCell::new(refs) }).value()
}

fn link(from: Value, to: Value) {
    Gc::<Node>::from_value(from).unwrap().refs.borrow_mut().push(to)
}

fn baseline(heap: &Heap) -> (usize, usize) {
    let s = heap.collect(&NoRoots);
    (s.live_objects, s.live_bytes)
}

#[test]
fn unreachable_objects_are_freed_and_reachable_survive() {
    let heap = Heap::new();
    let (base, _) = baseline(&heap);
    let kept = node(&heap, vec![]);
    let child = node(&heap, vec![Value::from_small_int(3).unwrap()]);
    link(kept, child);
    for _ in 0..100 {
        node(&heap, vec![]);
    }
    let stats = heap.collect(&vec![kept]);
    assert_eq!(stats.live_objects, base + 2);
    assert_eq!(stats.collected_objects, 100);
    assert_eq!(heap.object_count(), base + 2);
    let refs = Gc::<Node>::from_value(kept).unwrap().refs.borrow().clone();
    assert_eq!(refs, vec![child]);
    let stats = heap.collect(&NoRoots);
    assert_eq!((stats.live_objects, stats.collected_objects), (base, 2));
}

#[test]
fn million_long_list_does_not_overflow_the_stack() {
    let heap = Heap::new();
    let (base, base_bytes) = baseline(&heap);
    let mut head = node(&heap, vec![]);
    for _ in 1..1_000_000 {
        head = node(&heap, vec![head]);
    }
    let stats = heap.collect(&vec![head]);
    assert_eq!(stats.live_objects, base + 1_000_000);
    assert!(stats.live_bytes >= base_bytes + 1_000_000 * 24);
    // Cut the list in the middle: the tail half dies.
    let mut cursor = head;
    for _ in 0..499_999 {
        cursor = Gc::<Node>::from_value(cursor).unwrap().refs.borrow()[0];
    }
    Gc::<Node>::from_value(cursor).unwrap().refs.borrow_mut().clear();
    let stats = heap.collect(&vec![head]);
    assert_eq!(stats.live_objects, base + 500_000);
    assert_eq!(stats.collected_objects, 500_000);
    let stats = heap.collect(&NoRoots);
    assert_eq!(stats.live_objects, base);
    assert_eq!(stats.live_bytes, base_bytes);
}

#[test]
fn cycles_die_when_unreachable() {
    let heap = Heap::new();
    let (base, _) = baseline(&heap);
    let a = node(&heap, vec![]);
    let b = node(&heap, vec![a]);
    link(a, b);
    link(a, a);
    let stats = heap.collect(&vec![b]);
    assert_eq!(stats.live_objects, base + 2);
    let stats = heap.collect(&NoRoots);
    assert_eq!((stats.live_objects, stats.collected_objects), (base, 2));
}

#[test]
fn finalizable_objects_survive_once_for_their_finalizer() {
    let heap = Heap::new();
    let (base, _) = baseline(&heap);
    let child = node(&heap, vec![]);
    let obj = node(&heap, vec![child]);
    heap.register_finalizer(obj);
    heap.collect(&obj);
    assert!(heap.take_finalizers().is_empty(), "still reachable");
    let stats = heap.collect(&NoRoots);
    assert_eq!(stats.live_objects, base + 2, "kept, with what it reaches, for __del__");
    assert_eq!(heap.take_finalizers(), vec![obj]);
    let stats = heap.collect(&NoRoots);
    assert_eq!((stats.live_objects, stats.collected_objects), (base, 2));
    assert!(heap.take_finalizers().is_empty(), "finalized once");
}

#[test]
fn disabled_gc_does_not_ask_for_collections() {
    let heap = Heap::with_stress(false);
    heap.set_auto_collect(false);
    for _ in 0..200_000 {
        node(&heap, vec![]);
    }
    assert!(!heap.collection_wanted());
    assert!(heap.collect(&NoRoots).collected_objects >= 200_000);
    heap.set_auto_collect(true);
}

#[test]
fn root_scopes_keep_temporaries_until_dropped() {
    let heap = Heap::new();
    let (base, _) = baseline(&heap);
    {
        let scope = RootScope::new(&heap);
        let a = scope.root(node(&heap, vec![]));
        {
            let inner = RootScope::new(&heap);
            let _b = inner.root(node(&heap, vec![]));
            assert_eq!(heap.collect(&NoRoots).live_objects, base + 2);
        }
        assert_eq!(heap.collect(&NoRoots).live_objects, base + 1);
        let replacement = node(&heap, vec![]);
        a.set(replacement);
        assert_eq!(heap.collect(&NoRoots).live_objects, base + 1);
        assert_eq!(a.get(), replacement);
    }
    assert_eq!(heap.collect(&NoRoots).live_objects, base);
}

#[test]
fn safepoint_collects_only_when_wanted() {
    let heap = Heap::with_stress(false);
    heap.collect(&NoRoots);
    assert!(!heap.collection_wanted());
    assert_eq!(heap.safepoint(&NoRoots), None);
    let before = heap.collections();
    // Allocation alone never collects, however much is allocated.
    let mut keep = Vec::new();
    while !heap.collection_wanted() {
        keep.push(node(&heap, Vec::with_capacity(64)));
    }
    assert_eq!(heap.collections(), before);
    // SAFETY: the flag's address is valid while `heap` lives.
    assert_eq!(unsafe { *heap.collection_wanted_address() }, 1);
    let stats = heap.safepoint(&keep).expect("a collection was wanted");
    assert_eq!(stats.collected_objects, 0);
    assert!(!heap.collection_wanted());
}

#[test]
fn growth_after_allocation_paces_collections() {
    let heap = Heap::with_stress(false);
    heap.collect(&NoRoots);
    // Lists that grow big after birth: together they hold far more than
    // the threshold although their objects are small.
    for _ in 0..2 * super::heap::MIN_THRESHOLD / (20_000 * 8) {
        let l = list::list_of(heap.new_list(&[])).unwrap();
        for i in 0..20_000 {
            l.items.push(Value::from_small_int(i).unwrap());
        }
    }
    heap.new_tuple(&[Value::NONE]);
    assert!(heap.collection_wanted());
}

#[test]
fn stress_mode_collects_every_safepoint_and_poisons() {
    let heap = Heap::with_stress(true);
    assert!(heap.safepoint(&NoRoots).is_some());
    assert!(heap.safepoint(&NoRoots).is_some());
    let dead = node(&heap, vec![Value::from_small_int(7).unwrap()]);
    let live = node(&heap, vec![]);
    heap.safepoint(&vec![live]);
    // SAFETY: quarantined memory stays allocated in stress mode; reading it
    // raw (not through `ObjHeader::of`, which refuses freed objects).
    let header = unsafe { &*dead.as_header().unwrap().as_ptr() };
    assert_eq!(header.kind(), ObjKind::Freed);
    // Its payload is poison.
    // SAFETY: the quarantined memory is still allocated in stress mode.
    let first_word = unsafe {
        *((header as *const ObjHeader as *const u8).add(header::PAYLOAD_OFFSET) as *const u64)
    };
    assert_eq!(first_word, u64::from_ne_bytes([heap::POISON_BYTE; 8]));
}

#[test]
fn stress_mode_reuses_memory_once_the_quarantine_is_full() {
    let heap = Heap::with_stress(true);
    heap.set_quarantine_limit(1 << 20);
    let live = node(&heap, vec![]);
    let mut peak = 0;
    for round in 0..200 {
        for _ in 0..1000 {
            node(&heap, vec![]);
        }
        heap.safepoint(&live);
        if round == 20 {
            peak = heap.footprint();
        }
    }
    assert!(heap.footprint() <= peak * 2, "{} grew from {peak}", heap.footprint());
    assert_eq!(Gc::<Node>::from_value(live).unwrap().refs.borrow().len(), 0);
}

#[test]
fn objects_of_many_sizes_are_counted_swept_and_their_cells_reused() {
    // Stress mode quarantines freed cells, which delays reuse on purpose.
    let heap = Heap::with_stress(false);
    let (base, _) = baseline(&heap);
    let mut kept = Vec::new();
    let mut footprint = 0;
    for round in 0..20 {
        // Tuples of 0..=70 items: every small size class and a few large.
        for n in 0..=70 {
            let items: Vec<Value> = (0..n).map(|i| Value::from_small_int(i).unwrap()).collect();
            let t = heap.new_tuple_of_type(heap.types().tuple, &items);
            if n % 7 == 0 && round == 0 {
                kept.push(t);
            }
        }
        let stats = heap.collect(&kept);
        assert_eq!(stats.live_objects, base + kept.len(), "round {round}");
        assert_eq!(heap.object_count(), base + kept.len());
        let made = if round == 0 { 71 - kept.len() } else { 71 };
        assert_eq!(stats.collected_objects, made, "round {round}");
        if round == 1 {
            footprint = heap.footprint();
        }
        if round > 1 {
            assert_eq!(heap.footprint(), footprint, "round {round}: freed cells are reused");
        }
    }
    for (k, t) in kept.iter().enumerate() {
        let t = tuple::tuple_of(*t).unwrap();
        let items = t.items();
        assert_eq!(items.len(), k * 7);
        assert!(items.iter().enumerate().all(|(i, v)| v.as_small_int() == Some(i as i64)));
    }
}

#[test]
fn large_objects_are_freed_too() {
    let heap = Heap::new();
    let (base, _) = baseline(&heap);
    let items: Vec<Value> = (0..1000).map(|i| Value::from_small_int(i).unwrap()).collect();
    let big = heap.new_tuple(&items);
    heap.new_tuple(&items);
    let stats = heap.collect(&big);
    assert_eq!((stats.live_objects, stats.collected_objects), (base + 1, 1));
    assert_eq!(tuple::tuple_of(big).unwrap().items(), &items[..]);
}

#[test]
#[should_panic(expected = "root is missing")]
fn stress_mode_finds_a_missing_root() {
    let heap = Heap::with_stress(true);
    let holder = node(&heap, vec![]);
    let lost = node(&heap, vec![]);
    heap.safepoint(&vec![holder]); // `lost` was not rooted: freed
    link(holder, lost); // a bug: storing a dead object
    heap.safepoint(&vec![holder]);
}

/// Allocation and collection throughput (run with `--ignored --nocapture`
/// in release mode; a measurement, not a test).
#[test]
#[ignore]
fn bench_million_pairs() {
    let heap = Heap::new();
    let start = std::time::Instant::now();
    let list = heap.new_list(&[]);
    let items = list::list_of(list).unwrap();
    for i in 0..1_000_000 {
        let v = Value::from_small_int(i).unwrap();
        items.items.push(heap.new_tuple(&[v, v]));
        heap.safepoint(&list);
    }
    let built = start.elapsed();
    let stats = heap.collect(&vec![list]);
    let marked = start.elapsed() - built;
    items.items.clear();
    let t = std::time::Instant::now();
    let freed = heap.collect(&vec![list]);
    let swept = t.elapsed();
    println!(
        "build 1M (i, i) in a list: {built:?} ({} collections); full collect with all live: {marked:?} ({} live, {} bytes); collect freeing 1M: {swept:?} ({} freed)",
        heap.collections(),
        stats.live_objects,
        stats.live_bytes,
        freed.collected_objects
    );
}

/// Start-up cost of a heap (built-in types, exception hierarchy): part of
/// every `tachyon` run. A measurement, run with `--ignored --nocapture`.
#[test]
#[ignore]
fn bench_heap_start() {
    let start = std::time::Instant::now();
    for _ in 0..100 {
        drop(Heap::new());
    }
    println!("Heap::new + drop: {:?} each", start.elapsed() / 100);
}

#[test]
fn allocation_between_collections_follows_the_live_heap() {
    use super::heap::{next_threshold, MIN_THRESHOLD};
    // A small heap still collects every few MiB ...
    assert_eq!(next_threshold(0), MIN_THRESHOLD);
    assert_eq!(next_threshold(MIN_THRESHOLD / 4), MIN_THRESHOLD);
    // ... a big one after twice its live size, with no cap below that.
    assert_eq!(next_threshold(100 << 20), 200 << 20);
    assert_eq!(next_threshold(usize::MAX), usize::MAX);
}
