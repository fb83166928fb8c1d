//! The trace cache: per loop header (code object id, pc), the hotness
//! counter, the compiled trace once there is one, and the aborts that lead
//! to blacklisting (LuaJIT's hotcount and penalty cache, simplified).

use std::collections::HashMap;
use std::sync::Arc;

use crate::backend::CompiledTrace;

/// A loop header: the interpreter's id of a code object and a pc in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TraceKey {
    pub code: u64,
    pub pc: u32,
}

/// What the interpreter should do at a loop header.
#[derive(Debug)]
pub enum Action<T> {
    /// Keep interpreting.
    Interpret,
    /// The header just became hot: record a trace from here.
    Record,
    /// Enter this trace.
    Run(Arc<T>),
}

/// What the cache knows about one header.
#[derive(Debug)]
pub struct HeaderState<T> {
    pub hits: u32,
    pub aborts: Vec<String>,
    pub blacklisted: bool,
    pub trace: Option<Arc<T>>,
    /// Times the trace was entered (for `--trace-dump`).
    pub entries: u64,
}

impl<T> Default for HeaderState<T> {
    fn default() -> Self {
        HeaderState { hits: 0, aborts: Vec::new(), blacklisted: false, trace: None, entries: 0 }
    }
}

/// Traces by loop header. Generic over the compiled trace so that its
/// bookkeeping is testable without machine code.
#[derive(Debug)]
pub struct TraceCache<T = CompiledTrace> {
    headers: HashMap<TraceKey, HeaderState<T>>,
    threshold: u32,
    max_aborts: usize,
}

impl<T> TraceCache<T> {
    /// Headers become hot after `threshold` hits (at least 1) and are
    /// blacklisted after `max_aborts` aborted recordings.
    pub fn new(threshold: u32, max_aborts: usize) -> TraceCache<T> {
        TraceCache { headers: HashMap::new(), threshold: threshold.max(1), max_aborts }
    }

    /// Counts one arrival at `key` and says what to do there.
    pub fn hit(&mut self, key: TraceKey) -> Action<T> {
        let threshold = self.threshold;
        let h = self.headers.entry(key).or_default();
        if let Some(t) = &h.trace {
            h.entries += 1;
            return Action::Run(Arc::clone(t));
        }
        if h.blacklisted {
            return Action::Interpret;
        }
        h.hits += 1;
        if h.hits >= threshold {
            h.hits = 0;
            Action::Record
        } else {
            Action::Interpret
        }
    }

    /// Stores the compiled trace of `key`.
    pub fn insert(&mut self, key: TraceKey, trace: T) -> Arc<T> {
        let t = Arc::new(trace);
        self.headers.entry(key).or_default().trace = Some(Arc::clone(&t));
        t
    }

    /// Records an aborted recording (or a failed compile) at `key`;
    /// returns true when the header is now blacklisted.
    pub fn abort(&mut self, key: TraceKey, reason: &str) -> bool {
        let max = self.max_aborts;
        let h = self.headers.entry(key).or_default();
        h.aborts.push(reason.to_string());
        h.blacklisted = h.aborts.len() >= max;
        h.blacklisted
    }

    pub fn get(&self, key: TraceKey) -> Option<&HeaderState<T>> {
        self.headers.get(&key)
    }

    /// Every header the cache knows, in key order (for `--trace-dump`).
    pub fn headers(&self) -> Vec<(TraceKey, &HeaderState<T>)> {
        let mut all: Vec<_> = self.headers.iter().map(|(k, h)| (*k, h)).collect();
        all.sort_by_key(|(k, _)| *k);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hot_header_records_then_runs() {
        let mut cache: TraceCache<&str> = TraceCache::new(3, 2);
        let key = TraceKey { code: 1, pc: 4 };
        assert!(matches!(cache.hit(key), Action::Interpret));
        assert!(matches!(cache.hit(key), Action::Interpret));
        assert!(matches!(cache.hit(key), Action::Record));
        cache.insert(key, "trace");
        assert!(matches!(cache.hit(key), Action::Run(t) if *t == "trace"));
        assert_eq!(cache.get(key).map(|h| h.entries), Some(1));
    }

    #[test]
    fn aborts_blacklist() {
        let mut cache: TraceCache<()> = TraceCache::new(1, 2);
        let key = TraceKey { code: 7, pc: 0 };
        assert!(matches!(cache.hit(key), Action::Record));
        assert!(!cache.abort(key, "unsupported op"));
        assert!(matches!(cache.hit(key), Action::Record));
        assert!(cache.abort(key, "trace too long"));
        assert!(matches!(cache.hit(key), Action::Interpret));
        assert_eq!(cache.headers().len(), 1);
    }
}
