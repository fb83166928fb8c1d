//! What CPython's cycle collector would have found: the figure
//! `gc.collect()` returns.
//!
//! CPython frees acyclic garbage by reference counting the moment it
//! dies, so its collector only ever sees objects that are garbage because
//! of a reference cycle: those in a cycle and those reachable only from
//! one. Our collector frees all garbage at once, so after a full mark we
//! look at the subgraph of unmarked objects, find its strongly connected
//! components (iteratively: a garbage list a million long must not
//! overflow the native stack), and count what lies in, or is reachable
//! from, a component that is a real cycle (two or more objects, or one
//! that refers to itself). Each object counts as the caller's `weight`
//! says: 0 for those CPython does not track (numbers, strings, internal
//! storage), more than 1 where CPython has extra objects (an instance and
//! its `__dict__`).
//!
//! Only an explicit `gc.collect()` asks for this; automatic collections
//! never pay for it.

use std::ptr::NonNull;

use super::header::ObjHeader;
use super::heap::Heap;
use super::value::Value;

/// The garbage subgraph in compressed form: node `i`'s successors are
/// `targets[starts[i]..starts[i + 1]]`.
struct Graph {
    nodes: Vec<NonNull<ObjHeader>>,
    starts: Vec<usize>,
    targets: Vec<u32>,
}

impl Graph {
    fn successors(&self, i: usize) -> &[u32] {
        &self.targets[self.starts[i]..self.starts[i + 1]]
    }
}

impl Heap {
    /// After a complete mark (before the sweep): the summed `weight` of
    /// the unmarked objects that are in a reference cycle of unmarked
    /// objects or reachable from one, leaving out `skip` (counted by an
    /// earlier collection); and those objects. `weight` only reads.
    pub(super) fn cyclic_garbage(
        &self,
        weight: &dyn Fn(Value) -> usize,
        skip: &[NonNull<ObjHeader>],
    ) -> (usize, Vec<NonNull<ObjHeader>>) {
        let graph = self.garbage_graph();
        let mut reached = cyclic_nodes(&graph);
        let mut work: Vec<usize> = (0..graph.nodes.len()).filter(|&i| reached[i]).collect();
        while let Some(i) = work.pop() {
            for &j in graph.successors(i) {
                let j = j as usize;
                if !reached[j] {
                    reached[j] = true;
                    work.push(j);
                }
            }
        }
        let found: Vec<NonNull<ObjHeader>> =
            graph.nodes.iter().zip(&reached).filter(|(_, &r)| r).map(|(&h, _)| h).collect();
        let mut skip = skip.to_vec();
        skip.sort_unstable();
        let total = found
            .iter()
            .filter(|h| skip.binary_search(h).is_err())
            .map(|&h| weight(Value::from_header(h)))
            .sum();
        (total, found)
    }

    /// The unmarked objects and the references among them, an instance's
    /// reference to its class included.
    fn garbage_graph(&self) -> Graph {
        let mut nodes: Vec<NonNull<ObjHeader>> = self
            .object_headers()
            .into_iter()
            // SAFETY: the allocator lists only cells that hold objects.
            .filter(|h| !unsafe { h.as_ref() }.is_marked())
            .collect();
        nodes.sort_unstable();
        let index = |h: NonNull<ObjHeader>| nodes.binary_search(&h).ok();
        let mut starts = Vec::with_capacity(nodes.len() + 1);
        let mut targets = Vec::new();
        let mut found = Vec::new();
        for &h in &nodes {
            starts.push(targets.len());
            found.clear();
            self.trace_one(h, &mut found);
            // SAFETY: `h` is an object not yet swept.
            let ty = unsafe { h.as_ref() }.type_value();
            if let Some(t) = ObjHeader::of(ty) {
                found.push(NonNull::from(t));
            }
            targets.extend(found.iter().filter_map(|&r| index(r)).map(|i| i as u32));
        }
        starts.push(targets.len());
        Graph { nodes, starts, targets }
    }
}

/// Which nodes lie on a cycle: Tarjan's strongly connected components,
/// with an explicit stack of (node, next successor to look at).
fn cyclic_nodes(graph: &Graph) -> Vec<bool> {
    const UNSEEN: u32 = u32::MAX;
    let n = graph.nodes.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut cyclic = vec![false; n];
    let mut component: Vec<usize> = Vec::new();
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut counter = 0u32;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        calls.push((root, 0));
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        component.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut next)) = calls.last_mut() {
            let succ = graph.successors(v);
            if let Some(&w) = succ.get(*next) {
                *next += 1;
                let w = w as usize;
                if order[w] == UNSEEN {
                    order[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    component.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == order[v] {
                let first = component.iter().rposition(|&x| x == v).expect("v is on the stack");
                let members = component.split_off(first);
                let is_cycle = members.len() > 1 || succ.contains(&(v as u32));
                for m in members {
                    on_stack[m] = false;
                    cyclic[m] = is_cycle;
                }
            }
        }
    }
    cyclic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[&[u32]]) -> Graph {
        let mut starts = vec![0];
        let mut targets = Vec::new();
        for e in edges {
            targets.extend_from_slice(e);
            starts.push(targets.len());
        }
        Graph { nodes: vec![NonNull::dangling(); edges.len()], starts, targets }
    }

    #[test]
    fn chains_are_acyclic_and_loops_are_not() {
        // 0 -> 1 -> 2 (chain); 3 <-> 4; 5 -> 5; 6 -> 3 (hangs off a cycle).
        let g = graph(&[&[1], &[2], &[], &[4], &[3], &[5], &[3]]);
        assert_eq!(cyclic_nodes(&g), [false, false, false, true, true, true, false]);
    }

    #[test]
    fn a_long_chain_needs_no_native_stack() {
        let n = 1_000_000u32;
        let edges: Vec<Vec<u32>> =
            (0..n).map(|i| if i + 1 < n { vec![i + 1] } else { vec![0] }).collect();
        let refs: Vec<&[u32]> = edges.iter().map(|e| e.as_slice()).collect();
        assert!(cyclic_nodes(&graph(&refs)).iter().all(|&c| c));
    }
}
