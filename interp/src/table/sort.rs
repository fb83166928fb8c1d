//! CPython 3.8's `list.sort` (`Objects/listobject.c`, `listsort.txt`):
//! timsort with natural runs, `minrun`, binary insertion, and merges that
//! gallop when one run keeps winning. It makes the same calls of the
//! less-than, with the same arguments in the same order, as CPython; so even
//! an inconsistent `__lt__` leaves the list as CPython would.
//!
//! The less-than may fail (Python's `__lt__` can raise). The sort then stops
//! at once, and the slice holds every element exactly once, in the very
//! state CPython leaves the list in. The same holds if the less-than
//! panics: during a merge the elements taken out of the slice sit in a
//! `Gap` that puts them back when dropped.

/// Winning streak length at which a merge starts galloping.
const MIN_GALLOP: usize = 7;

/// Sorts `v` stably by `lt`; with `reverse`, in descending order, still
/// stable (reversed, sorted, reversed back, as CPython does, error or not).
pub fn sort<T: Copy, E>(
    v: &mut [T],
    reverse: bool,
    mut lt: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    if reverse {
        v.reverse();
    }
    let result = MergeState::new().sort(v, &mut lt);
    if reverse {
        v.reverse();
    }
    result
}

/// A run waiting to be merged: `v[base..base + len]`.
#[derive(Clone, Copy, Debug)]
struct Run {
    base: usize,
    len: usize,
}

struct MergeState<T> {
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<T>,
}

/// `v[at..at + len]` holds stale copies; the elements that belong there are
/// `tmp[from..from + len]`. Dropping the gap writes them back, so the slice
/// is whole again however a merge ends.
struct Gap<'a, T: Copy> {
    v: &'a mut [T],
    tmp: &'a [T],
    at: usize,
    from: usize,
    len: usize,
}

impl<T: Copy> Drop for Gap<'_, T> {
    fn drop(&mut self) {
        self.v[self.at..self.at + self.len]
            .copy_from_slice(&self.tmp[self.from..self.from + self.len]);
    }
}

impl<T: Copy> MergeState<T> {
    fn new() -> Self {
        MergeState { min_gallop: MIN_GALLOP, pending: Vec::new(), tmp: Vec::new() }
    }

    fn sort<E>(
        &mut self,
        v: &mut [T],
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        let n = v.len();
        if n < 2 {
            return Ok(());
        }
        let minrun = compute_minrun(n);
        let mut lo = 0;
        while lo < n {
            let remaining = n - lo;
            let (mut run, descending) = count_run(&v[lo..], lt)?;
            if descending {
                v[lo..lo + run].reverse();
            }
            if run < minrun {
                let force = remaining.min(minrun);
                binary_insertion_sort(&mut v[lo..lo + force], run, lt)?;
                run = force;
            }
            self.pending.push(Run { base: lo, len: run });
            self.merge_collapse(v, lt)?;
            lo += run;
        }
        self.merge_force_collapse(v, lt)
    }

    /// Merges until the run lengths on the stack shrink fast enough
    /// (CPython 3.8's rule, with the 2015 fix of the invariant).
    fn merge_collapse<E>(
        &mut self,
        v: &mut [T],
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        while self.pending.len() > 1 {
            let p = &self.pending;
            let mut n = p.len() - 2;
            if (n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len)
                || (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)
            {
                if p[n - 1].len < p[n + 1].len {
                    n -= 1;
                }
            } else if p[n].len > p[n + 1].len {
                break;
            }
            self.merge_at(v, n, lt)?;
        }
        Ok(())
    }

    fn merge_force_collapse<E>(
        &mut self,
        v: &mut [T],
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        while self.pending.len() > 1 {
            let p = &self.pending;
            let mut n = p.len() - 2;
            if n > 0 && p[n - 1].len < p[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n, lt)?;
        }
        Ok(())
    }

    /// Merges pending runs `i` and `i + 1`, trimming first what is already
    /// in place at either end.
    fn merge_at<E>(
        &mut self,
        v: &mut [T],
        i: usize,
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        let Run { base: mut base_a, len: mut na } = self.pending[i];
        let Run { base: base_b, len: nb } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);

        let k = gallop_right(&v[base_b], &v[base_a..base_a + na], 0, lt)?;
        base_a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let nb = gallop_left(&v[base_a + na - 1], &v[base_b..base_b + nb], nb - 1, lt)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(&mut v[base_a..base_b + nb], na, lt)
        } else {
            self.merge_hi(&mut v[base_a..base_b + nb], na, lt)
        }
    }

    /// Merges `v[..na]` and `v[na..]`, `na <= v.len() - na`, copying the
    /// first run out and filling from the left.
    fn merge_lo<E>(
        &mut self,
        v: &mut [T],
        na: usize,
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[..na]);
        let end = v.len();
        let mut min_gallop = self.min_gallop;
        // Remaining A: tmp[g.from..][..g.len]; the hole: v[g.at..][..g.len];
        // remaining B: v[g.at + g.len..end].
        let mut g = Gap { v, tmp: &self.tmp, at: 0, from: 0, len: na };

        g.v[0] = g.v[na];
        g.at = 1;
        if g.at + g.len == end {
            return Ok(());
        }
        if g.len == 1 {
            return copy_b_down(&mut g, end);
        }
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                let pb = g.at + g.len;
                if lt(&g.v[pb], &g.tmp[g.from])? {
                    g.v[g.at] = g.v[pb];
                    g.at += 1;
                    bcount += 1;
                    acount = 0;
                    if g.at + g.len == end {
                        return Ok(());
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    g.v[g.at] = g.tmp[g.from];
                    g.at += 1;
                    g.from += 1;
                    g.len -= 1;
                    acount += 1;
                    bcount = 0;
                    if g.len == 1 {
                        return copy_b_down(&mut g, end);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let pb = g.at + g.len;
                let k = gallop_right(&g.v[pb], &g.tmp[g.from..g.from + g.len], 0, lt)?;
                acount = k;
                if k > 0 {
                    g.v[g.at..g.at + k].copy_from_slice(&g.tmp[g.from..g.from + k]);
                    g.at += k;
                    g.from += k;
                    g.len -= k;
                    if g.len == 1 {
                        return copy_b_down(&mut g, end);
                    }
                    // Only an inconsistent less-than empties A here.
                    if g.len == 0 {
                        return Ok(());
                    }
                }
                let pb = g.at + g.len;
                g.v[g.at] = g.v[pb];
                g.at += 1;
                if g.at + g.len == end {
                    return Ok(());
                }
                let pb = g.at + g.len;
                let k = gallop_left(&g.tmp[g.from], &g.v[pb..end], 0, lt)?;
                bcount = k;
                if k > 0 {
                    g.v.copy_within(pb..pb + k, g.at);
                    g.at += k;
                    if g.at + g.len == end {
                        return Ok(());
                    }
                }
                g.v[g.at] = g.tmp[g.from];
                g.at += 1;
                g.from += 1;
                g.len -= 1;
                if g.len == 1 {
                    return copy_b_down(&mut g, end);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges `v[..na]` and `v[na..]`, `na > v.len() - na`, copying the
    /// second run out and filling from the right.
    fn merge_hi<E>(
        &mut self,
        v: &mut [T],
        na: usize,
        lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
    ) -> Result<(), E> {
        let nb = v.len() - na;
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[na..]);
        let mut min_gallop = self.min_gallop;
        // Remaining A: v[..g.at]; the hole: v[g.at..][..g.len]; remaining
        // B: tmp[..g.len].
        let mut g = Gap { v, tmp: &self.tmp, at: na, from: 0, len: nb };

        move_a_up(&mut g, 1);
        if g.at == 0 {
            return Ok(());
        }
        if g.len == 1 {
            return copy_a_up(&mut g);
        }
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                if lt(&g.tmp[g.len - 1], &g.v[g.at - 1])? {
                    move_a_up(&mut g, 1);
                    acount += 1;
                    bcount = 0;
                    if g.at == 0 {
                        return Ok(());
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    move_b_up(&mut g, 1);
                    bcount += 1;
                    acount = 0;
                    if g.len == 1 {
                        return copy_a_up(&mut g);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let na = g.at;
                let k = na - gallop_right(&g.tmp[g.len - 1], &g.v[..na], na - 1, lt)?;
                acount = k;
                if k > 0 {
                    move_a_up(&mut g, k);
                    if g.at == 0 {
                        return Ok(());
                    }
                }
                move_b_up(&mut g, 1);
                if g.len == 1 {
                    return copy_a_up(&mut g);
                }
                let nb = g.len;
                let k = nb - gallop_left(&g.v[g.at - 1], &g.tmp[..nb], nb - 1, lt)?;
                bcount = k;
                if k > 0 {
                    move_b_up(&mut g, k);
                    if g.len == 1 {
                        return copy_a_up(&mut g);
                    }
                    // Only an inconsistent less-than empties B here.
                    if g.len == 0 {
                        return Ok(());
                    }
                }
                move_a_up(&mut g, 1);
                if g.at == 0 {
                    return Ok(());
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

/// merge_lo's end when one A element is left: the rest of B moves down and
/// the gap (dropped by the caller) puts A's last element after it.
fn copy_b_down<T: Copy, E>(g: &mut Gap<'_, T>, end: usize) -> Result<(), E> {
    let pb = g.at + g.len;
    g.v.copy_within(pb..end, g.at);
    g.at += end - pb;
    Ok(())
}

/// merge_hi: the last `k` elements of what is left of A move to the top
/// of the hole.
#[inline]
fn move_a_up<T: Copy>(g: &mut Gap<'_, T>, k: usize) {
    g.v.copy_within(g.at - k..g.at, g.at - k + g.len);
    g.at -= k;
}

/// merge_hi: the last `k` elements of what is left of B go to the top of
/// the hole.
#[inline]
fn move_b_up<T: Copy>(g: &mut Gap<'_, T>, k: usize) {
    let top = g.at + g.len;
    g.v[top - k..top].copy_from_slice(&g.tmp[g.len - k..g.len]);
    g.len -= k;
}

/// merge_hi's end when one B element is left: all of A moves up one and
/// the gap puts B's element first.
fn copy_a_up<T: Copy, E>(g: &mut Gap<'_, T>) -> Result<(), E> {
    let at = g.at;
    move_a_up(g, at);
    Ok(())
}

/// `merge_compute_minrun`: `n` itself below 64, else a number in 32..=64
/// that makes `n / minrun` a power of two or a little less.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run at the start of `v`, and whether it is strictly
/// descending (the only descending runs that may be reversed stably).
fn count_run<T, E>(
    v: &[T],
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(usize, bool), E> {
    if v.len() == 1 {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(&v[1], &v[0])? {
        while n < v.len() && lt(&v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, true))
    } else {
        while n < v.len() && !lt(&v[n], &v[n - 1])? {
            n += 1;
        }
        Ok((n, false))
    }
}

/// Extends the sorted prefix `v[..sorted]` to all of `v`, one binary
/// search per element (`binarysort`). Nothing moves until a search is done.
fn binary_insertion_sort<T: Copy, E>(
    v: &mut [T],
    sorted: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    for start in sorted.max(1)..v.len() {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(&pivot, &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// Where `key` goes in sorted `a`, left of any equal elements, searching
/// outwards from `hint` by doubling steps, then by bisection.
fn gallop_left<T, E>(
    key: &T,
    a: &[T],
    hint: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<usize, E> {
    let n = a.len();
    let (mut lastofs, mut ofs);
    if lt(&a[hint], key)? {
        // a[hint] < key: gallop right.
        let maxofs = n - hint;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs && lt(&a[hint + ofs], key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        // key <= a[hint]: gallop left.
        let maxofs = hint + 1;
        let mut last = 0;
        ofs = 1;
        while ofs < maxofs && !lt(&a[hint - ofs], key)? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        // a[hint - ofs] < key <= a[hint - last], in offsets from a[0]
        // (hint - ofs may be -1: shift by one to stay unsigned).
        lastofs = hint + 1 - ofs;
        ofs = hint - last;
        return bisect(lastofs, ofs, |m| lt(&a[m], key));
    }
    bisect(lastofs + 1, ofs, |m| lt(&a[m], key))
}

/// Where `key` goes in sorted `a`, right of any equal elements.
fn gallop_right<T, E>(
    key: &T,
    a: &[T],
    hint: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<usize, E> {
    let n = a.len();
    let (mut lastofs, mut ofs);
    if lt(key, &a[hint])? {
        // key < a[hint]: gallop left.
        let maxofs = hint + 1;
        let mut last = 0;
        ofs = 1;
        while ofs < maxofs && lt(key, &a[hint - ofs])? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs = hint + 1 - ofs;
        ofs = hint - last;
        return bisect(lastofs, ofs, |m| lt(key, &a[m]).map(|less| !less));
    }
    // a[hint] <= key: gallop right.
    let maxofs = n - hint;
    lastofs = 0;
    ofs = 1;
    while ofs < maxofs && !lt(key, &a[hint + ofs])? {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
    }
    ofs = ofs.min(maxofs);
    lastofs += hint;
    ofs += hint;
    bisect(lastofs + 1, ofs, |m| lt(key, &a[m]).map(|less| !less))
}

/// The first index in `lo..hi` where `goes_right` is false, assuming it is
/// true before and false after (galloping's final bisection).
fn bisect<E>(
    mut lo: usize,
    mut hi: usize,
    mut goes_right: impl FnMut(usize) -> Result<bool, E>,
) -> Result<usize, E> {
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if goes_right(m)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

#[cfg(test)]
mod tests;
