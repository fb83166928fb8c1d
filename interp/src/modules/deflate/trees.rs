//! The block writer of zlib's `trees.c`: symbol tallies, Huffman trees
//! built with zlib's heap and its bit-length limiting, the choice between
//! stored, static and dynamic blocks, and the LSB-first bit buffer.
//! Every tie-break is zlib's, so the bits come out as zlib's do.

use std::sync::OnceLock;

pub const LENGTH_CODES: usize = 29;
pub const LITERALS: usize = 256;
pub const L_CODES: usize = LITERALS + 1 + LENGTH_CODES;
pub const D_CODES: usize = 30;
pub const BL_CODES: usize = 19;
const HEAP_SIZE: usize = 2 * L_CODES + 1;
const MAX_BITS: usize = 15;
const MAX_BL_BITS: usize = 7;
const END_BLOCK: usize = 256;
const REP_3_6: usize = 16;
const REPZ_3_10: usize = 17;
const REPZ_11_138: usize = 18;
pub const MIN_MATCH: usize = 3;
pub const MAX_MATCH: usize = 258;

const EXTRA_LBITS: [u8; LENGTH_CODES] =
    [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const EXTRA_DBITS: [u8; D_CODES] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
const EXTRA_BLBITS: [u8; BL_CODES] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
const BL_ORDER: [usize; BL_CODES] =
    [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// One tree node as zlib keeps it: `fc` is the frequency while the tree
/// is built and the code afterwards; `dl` is the parent while building and
/// the code length afterwards. The overlap matters: zlib's bit-length pass
/// reads a parent's length where the parent's `dad` used to be.
#[derive(Clone, Copy, Default)]
pub struct Node {
    pub fc: u16,
    pub dl: u16,
}

/// The fixed tables of `tr_static_init`.
struct Tables {
    static_ltree: [Node; L_CODES + 2],
    static_dtree: [Node; D_CODES],
    dist_code: [u8; 512],
    length_code: [u8; MAX_MATCH - MIN_MATCH + 1],
    base_length: [u16; LENGTH_CODES],
    base_dist: [u16; D_CODES],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            static_ltree: [Node::default(); L_CODES + 2],
            static_dtree: [Node::default(); D_CODES],
            dist_code: [0; 512],
            length_code: [0; MAX_MATCH - MIN_MATCH + 1],
            base_length: [0; LENGTH_CODES],
            base_dist: [0; D_CODES],
        };
        let mut length = 0usize;
        for (code, &extra) in EXTRA_LBITS.iter().enumerate().take(LENGTH_CODES - 1) {
            t.base_length[code] = length as u16;
            for _ in 0..1 << extra {
                t.length_code[length] = code as u8;
                length += 1;
            }
        }
        // Length 258 has two codes (284 with 5 extra bits, or 285): zlib
        // takes the shorter.
        t.length_code[length - 1] = (LENGTH_CODES - 1) as u8;
        let mut dist = 0usize;
        for (code, &extra) in EXTRA_DBITS.iter().enumerate().take(16) {
            t.base_dist[code] = dist as u16;
            for _ in 0..1 << extra {
                t.dist_code[dist] = code as u8;
                dist += 1;
            }
        }
        dist >>= 7;
        for (code, &extra) in EXTRA_DBITS.iter().enumerate().skip(16) {
            t.base_dist[code] = (dist << 7) as u16;
            for _ in 0..1 << (extra - 7) {
                t.dist_code[256 + dist] = code as u8;
                dist += 1;
            }
        }
        let mut bl_count = [0u16; MAX_BITS + 1];
        for (n, node) in t.static_ltree.iter_mut().enumerate() {
            let len = match n {
                0..=143 => 8,
                144..=255 => 9,
                256..=279 => 7,
                _ => 8,
            };
            node.dl = len;
            bl_count[len as usize] += 1;
        }
        gen_codes(&mut t.static_ltree, L_CODES + 1, &bl_count);
        for (n, node) in t.static_dtree.iter_mut().enumerate() {
            *node = Node { fc: bi_reverse(n as u32, 5) as u16, dl: 5 };
        }
        t
    })
}

fn d_code(dist: usize, t: &Tables) -> usize {
    if dist < 256 {
        t.dist_code[dist] as usize
    } else {
        t.dist_code[256 + (dist >> 7)] as usize
    }
}

fn bi_reverse(mut code: u32, len: u32) -> u32 {
    let mut res = 0;
    for _ in 0..len {
        res = (res << 1) | (code & 1);
        code >>= 1;
    }
    res
}

/// The codes of `tree[..=max_code]` from their lengths and the count of
/// codes of each length (canonical Huffman codes, bit-reversed).
fn gen_codes(tree: &mut [Node], max_code: usize, bl_count: &[u16; MAX_BITS + 1]) {
    let mut next_code = [0u16; MAX_BITS + 1];
    let mut code = 0u32;
    for bits in 1..=MAX_BITS {
        code = (code + u32::from(bl_count[bits - 1])) << 1;
        next_code[bits] = code as u16;
    }
    for node in tree.iter_mut().take(max_code + 1) {
        let len = node.dl as usize;
        if len == 0 {
            continue;
        }
        node.fc = bi_reverse(u32::from(next_code[len]), len as u32) as u16;
        next_code[len] = next_code[len].wrapping_add(1);
    }
}

/// Which tree `build_tree` works on, with its static description.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TreeKind {
    Literal,
    Distance,
    BitLength,
}

impl TreeKind {
    fn elems(self) -> usize {
        match self {
            TreeKind::Literal => L_CODES,
            TreeKind::Distance => D_CODES,
            TreeKind::BitLength => BL_CODES,
        }
    }

    fn extra(self) -> (&'static [u8], usize) {
        match self {
            TreeKind::Literal => (&EXTRA_LBITS, LITERALS + 1),
            TreeKind::Distance => (&EXTRA_DBITS, 0),
            TreeKind::BitLength => (&EXTRA_BLBITS, 0),
        }
    }

    fn max_length(self) -> usize {
        if self == TreeKind::BitLength {
            MAX_BL_BITS
        } else {
            MAX_BITS
        }
    }

    fn static_len(self, n: usize) -> Option<u16> {
        let t = tables();
        match self {
            TreeKind::Literal => Some(t.static_ltree[n].dl),
            TreeKind::Distance => Some(t.static_dtree[n].dl),
            TreeKind::BitLength => None,
        }
    }
}

/// The block under construction and the bits written so far.
#[derive(Clone)]
pub struct Trees {
    dyn_ltree: Vec<Node>,
    dyn_dtree: Vec<Node>,
    bl_tree: Vec<Node>,
    l_max_code: usize,
    d_max_code: usize,
    bl_count: [u16; MAX_BITS + 1],
    heap: Vec<usize>,
    heap_len: usize,
    heap_max: usize,
    depth: Vec<u8>,
    /// Three bytes per symbol: distance (little-endian; 0 for a literal)
    /// and the literal or the match length minus 3.
    sym_buf: Vec<u8>,
    sym_end: usize,
    opt_len: u64,
    static_len: u64,
    /// Matches in the current block (zlib's `matches`; the stored path
    /// borrows it to count pending hash slides).
    pub matches: u32,
    bi_buf: u64,
    bi_valid: u32,
    /// Bytes made and not yet handed out, from `pending_out`.
    pub pending: Vec<u8>,
    pub pending_out: usize,
}

impl Trees {
    pub fn new(lit_bufsize: usize) -> Trees {
        let mut t = Trees {
            dyn_ltree: vec![Node::default(); HEAP_SIZE],
            dyn_dtree: vec![Node::default(); 2 * D_CODES + 1],
            bl_tree: vec![Node::default(); 2 * BL_CODES + 1],
            l_max_code: 0,
            d_max_code: 0,
            bl_count: [0; MAX_BITS + 1],
            heap: vec![0; 2 * L_CODES + 1],
            heap_len: 0,
            heap_max: 0,
            depth: vec![0; 2 * L_CODES + 1],
            sym_buf: Vec::with_capacity(lit_bufsize * 3),
            sym_end: (lit_bufsize - 1) * 3,
            opt_len: 0,
            static_len: 0,
            matches: 0,
            bi_buf: 0,
            bi_valid: 0,
            pending: Vec::new(),
            pending_out: 0,
        };
        t.init_block();
        t
    }

    fn init_block(&mut self) {
        self.dyn_ltree[..L_CODES].iter_mut().for_each(|n| n.fc = 0);
        self.dyn_dtree[..D_CODES].iter_mut().for_each(|n| n.fc = 0);
        self.bl_tree[..BL_CODES].iter_mut().for_each(|n| n.fc = 0);
        self.dyn_ltree[END_BLOCK].fc = 1;
        self.opt_len = 0;
        self.static_len = 0;
        self.sym_buf.clear();
        self.matches = 0;
    }

    /// Symbols tallied in the current block.
    pub fn has_symbols(&self) -> bool {
        !self.sym_buf.is_empty()
    }

    /// Bits in the buffer, not yet whole bytes of `pending`.
    pub fn bits_pending(&self) -> u32 {
        self.bi_valid
    }

    /// Bytes waiting in `pending`.
    pub fn pending_len(&self) -> usize {
        self.pending.len() - self.pending_out
    }

    /// Tallies a literal; true when the block is full.
    #[inline]
    pub fn tally_lit(&mut self, c: u8) -> bool {
        self.sym_buf.extend_from_slice(&[0, 0, c]);
        self.dyn_ltree[c as usize].fc = self.dyn_ltree[c as usize].fc.wrapping_add(1);
        self.sym_buf.len() == self.sym_end
    }

    /// Tallies a match (`dist` >= 1, `len` - 3 as `lc`); true when the
    /// block is full.
    #[inline]
    pub fn tally_dist(&mut self, dist: usize, lc: usize) -> bool {
        self.sym_buf.extend_from_slice(&[dist as u8, (dist >> 8) as u8, lc as u8]);
        self.matches += 1;
        let t = tables();
        let l = t.length_code[lc] as usize + LITERALS + 1;
        self.dyn_ltree[l].fc = self.dyn_ltree[l].fc.wrapping_add(1);
        let d = d_code(dist - 1, t);
        self.dyn_dtree[d].fc = self.dyn_dtree[d].fc.wrapping_add(1);
        self.sym_buf.len() == self.sym_end
    }

    pub fn put_byte(&mut self, b: u8) {
        self.pending.push(b);
    }

    pub fn put_short_msb(&mut self, w: u32) {
        self.pending.extend_from_slice(&[(w >> 8) as u8, w as u8]);
    }

    #[inline]
    fn send_bits(&mut self, value: u32, length: u32) {
        self.bi_buf |= u64::from(value) << self.bi_valid;
        self.bi_valid += length;
        if self.bi_valid >= 32 {
            self.pending.extend_from_slice(&(self.bi_buf as u32).to_le_bytes());
            self.bi_buf >>= 32;
            self.bi_valid -= 32;
        }
    }

    #[inline]
    fn send_code(&mut self, node: Node) {
        self.send_bits(u32::from(node.fc), u32::from(node.dl));
    }

    /// Moves the whole bytes of the bit buffer to `pending` (zlib's
    /// `bi_flush`: at most 7 bits stay).
    pub fn flush_bits(&mut self) {
        while self.bi_valid >= 8 {
            self.pending.push(self.bi_buf as u8);
            self.bi_buf >>= 8;
            self.bi_valid -= 8;
        }
    }

    /// Pads the bit buffer to a byte boundary and moves it to `pending`.
    fn windup(&mut self) {
        self.flush_bits();
        if self.bi_valid > 0 {
            self.pending.push(self.bi_buf as u8);
        }
        self.bi_buf = 0;
        self.bi_valid = 0;
    }

    /// A stored block of `data` (`_tr_stored_block`).
    pub fn stored_block(&mut self, data: &[u8], last: bool) {
        self.send_bits(u32::from(last), 3);
        self.windup();
        let len = data.len() as u16;
        self.pending.extend_from_slice(&len.to_le_bytes());
        self.pending.extend_from_slice(&(!len).to_le_bytes());
        self.pending.extend_from_slice(data);
    }

    /// An empty static block (`_tr_align`, for Z_PARTIAL_FLUSH).
    pub fn align(&mut self) {
        self.send_bits(1 << 1, 3);
        self.send_code(tables().static_ltree[END_BLOCK]);
        self.flush_bits();
    }

    /// Ends the current block (`_tr_flush_block`): `data` is its input
    /// when still in the window (for a stored block), `stored_len` its
    /// length.
    pub fn flush_block(
        &mut self,
        data: Option<&[u8]>,
        stored_len: usize,
        last: bool,
        level: i32,
        fixed: bool,
    ) {
        let mut max_blindex = 0;
        let (opt_lenb, static_lenb);
        if level > 0 {
            self.build_tree(TreeKind::Literal);
            self.build_tree(TreeKind::Distance);
            max_blindex = self.build_bl_tree();
            let opt = (self.opt_len.wrapping_add(3 + 7)) >> 3;
            let stat = (self.static_len.wrapping_add(3 + 7)) >> 3;
            static_lenb = stat;
            opt_lenb = if stat <= opt || fixed { stat } else { opt };
        } else {
            opt_lenb = stored_len as u64 + 5;
            static_lenb = opt_lenb;
        }
        match data {
            Some(buf) if stored_len as u64 + 4 <= opt_lenb => self.stored_block(buf, last),
            _ if static_lenb == opt_lenb => {
                self.send_bits((1 << 1) + u32::from(last), 3);
                let t = tables();
                self.compress_block(&t.static_ltree, &t.static_dtree);
            }
            _ => {
                self.send_bits((2 << 1) + u32::from(last), 3);
                self.send_all_trees(self.l_max_code + 1, self.d_max_code + 1, max_blindex + 1);
                let (ltree, dtree) = (self.dyn_ltree.clone(), self.dyn_dtree.clone());
                self.compress_block(&ltree, &dtree);
            }
        }
        self.init_block();
        if last {
            self.windup();
        }
    }

    fn compress_block(&mut self, ltree: &[Node], dtree: &[Node]) {
        let t = tables();
        let syms = std::mem::take(&mut self.sym_buf);
        for sym in syms.chunks_exact(3) {
            let dist = usize::from(sym[0]) | usize::from(sym[1]) << 8;
            let lc = usize::from(sym[2]);
            if dist == 0 {
                self.send_code(ltree[lc]);
                continue;
            }
            let code = t.length_code[lc] as usize;
            self.send_code(ltree[code + LITERALS + 1]);
            let extra = u32::from(EXTRA_LBITS[code]);
            if extra != 0 {
                self.send_bits((lc - t.base_length[code] as usize) as u32, extra);
            }
            let dist = dist - 1;
            let code = d_code(dist, t);
            self.send_code(dtree[code]);
            let extra = u32::from(EXTRA_DBITS[code]);
            if extra != 0 {
                self.send_bits((dist - t.base_dist[code] as usize) as u32, extra);
            }
        }
        self.sym_buf = syms;
        self.send_code(ltree[END_BLOCK]);
    }

    fn tree_mut(&mut self, kind: TreeKind) -> &mut Vec<Node> {
        match kind {
            TreeKind::Literal => &mut self.dyn_ltree,
            TreeKind::Distance => &mut self.dyn_dtree,
            TreeKind::BitLength => &mut self.bl_tree,
        }
    }

    /// zlib's `smaller`: by frequency, then by depth.
    fn smaller(tree: &[Node], depth: &[u8], n: usize, m: usize) -> bool {
        tree[n].fc < tree[m].fc || (tree[n].fc == tree[m].fc && depth[n] <= depth[m])
    }

    fn pqdownheap(&mut self, tree: &[Node], mut k: usize) {
        let v = self.heap[k];
        let mut j = k << 1;
        while j <= self.heap_len {
            if j < self.heap_len && Self::smaller(tree, &self.depth, self.heap[j + 1], self.heap[j])
            {
                j += 1;
            }
            if Self::smaller(tree, &self.depth, v, self.heap[j]) {
                break;
            }
            self.heap[k] = self.heap[j];
            k = j;
            j <<= 1;
        }
        self.heap[k] = v;
    }

    fn build_tree(&mut self, kind: TreeKind) {
        let mut tree = std::mem::take(self.tree_mut(kind));
        let elems = kind.elems();
        self.heap_len = 0;
        self.heap_max = HEAP_SIZE;
        let mut max_code: isize = -1;
        for (n, node) in tree.iter_mut().enumerate().take(elems) {
            if node.fc != 0 {
                self.heap_len += 1;
                self.heap[self.heap_len] = n;
                max_code = n as isize;
                self.depth[n] = 0;
            } else {
                node.dl = 0;
            }
        }
        // At least two codes of non-zero frequency, as the format wants.
        while self.heap_len < 2 {
            let node = if max_code < 2 {
                max_code += 1;
                max_code as usize
            } else {
                0
            };
            self.heap_len += 1;
            self.heap[self.heap_len] = node;
            tree[node].fc = 1;
            self.depth[node] = 0;
            self.opt_len = self.opt_len.wrapping_sub(1);
            if let Some(len) = kind.static_len(node) {
                self.static_len = self.static_len.wrapping_sub(u64::from(len));
            }
        }
        let max_code = max_code as usize;
        match kind {
            TreeKind::Literal => self.l_max_code = max_code,
            TreeKind::Distance => self.d_max_code = max_code,
            TreeKind::BitLength => {}
        }
        for n in (1..=self.heap_len / 2).rev() {
            self.pqdownheap(&tree, n);
        }
        let mut node = elems;
        loop {
            let n = self.heap[1];
            self.heap[1] = self.heap[self.heap_len];
            self.heap_len -= 1;
            self.pqdownheap(&tree, 1);
            let m = self.heap[1];
            self.heap_max -= 1;
            self.heap[self.heap_max] = n;
            self.heap_max -= 1;
            self.heap[self.heap_max] = m;
            tree[node].fc = tree[n].fc.wrapping_add(tree[m].fc);
            self.depth[node] = self.depth[n].max(self.depth[m]).wrapping_add(1);
            tree[n].dl = node as u16;
            tree[m].dl = node as u16;
            self.heap[1] = node;
            node += 1;
            self.pqdownheap(&tree, 1);
            if self.heap_len < 2 {
                break;
            }
        }
        self.heap_max -= 1;
        self.heap[self.heap_max] = self.heap[1];
        self.gen_bitlen(&mut tree, kind, max_code);
        gen_codes(&mut tree, max_code, &self.bl_count);
        *self.tree_mut(kind) = tree;
    }

    /// The code lengths from the tree, limited to the kind's maximum as
    /// zlib limits them; adds up the block's cost in `opt_len` and
    /// `static_len`.
    fn gen_bitlen(&mut self, tree: &mut [Node], kind: TreeKind, max_code: usize) {
        let (extra, base) = kind.extra();
        let max_length = kind.max_length();
        self.bl_count = [0; MAX_BITS + 1];
        tree[self.heap[self.heap_max]].dl = 0;
        let mut overflow = 0;
        for h in self.heap_max + 1..HEAP_SIZE {
            let n = self.heap[h];
            let mut bits = tree[tree[n].dl as usize].dl as usize + 1;
            if bits > max_length {
                bits = max_length;
                overflow += 1;
            }
            tree[n].dl = bits as u16;
            if n > max_code {
                continue;
            }
            self.bl_count[bits] += 1;
            let xbits = if n >= base { extra[n - base] as u64 } else { 0 };
            let f = u64::from(tree[n].fc);
            self.opt_len = self.opt_len.wrapping_add(f * (bits as u64 + xbits));
            if let Some(len) = kind.static_len(n) {
                self.static_len = self.static_len.wrapping_add(f * (u64::from(len) + xbits));
            }
        }
        if overflow == 0 {
            return;
        }
        loop {
            let mut bits = max_length - 1;
            while self.bl_count[bits] == 0 {
                bits -= 1;
            }
            self.bl_count[bits] -= 1;
            self.bl_count[bits + 1] += 2;
            self.bl_count[max_length] -= 1;
            overflow -= 2;
            if overflow <= 0 {
                break;
            }
        }
        let mut h = HEAP_SIZE;
        for bits in (1..=max_length).rev() {
            let mut n = self.bl_count[bits];
            while n != 0 {
                h -= 1;
                let m = self.heap[h];
                if m > max_code {
                    continue;
                }
                if tree[m].dl as usize != bits {
                    let delta = (bits as u64).wrapping_sub(u64::from(tree[m].dl));
                    self.opt_len =
                        self.opt_len.wrapping_add(delta.wrapping_mul(u64::from(tree[m].fc)));
                    tree[m].dl = bits as u16;
                }
                n -= 1;
            }
        }
    }

    /// Walks the code lengths of `tree` in runs as zlib's `scan_tree` and
    /// `send_tree` do, calling `emit(length_or_repeat_code, extra)` where
    /// extra is `Some((value, bits))` for the repeat codes.
    fn length_runs(tree: &mut [Node], max_code: usize, mut emit: impl FnMut(usize, usize)) {
        let mut prevlen: isize = -1;
        let mut nextlen = tree[0].dl as isize;
        let mut count = 0usize;
        let (mut max_count, mut min_count) = if nextlen == 0 { (138, 3) } else { (7, 4) };
        tree[max_code + 1].dl = 0xffff;
        for n in 0..=max_code {
            let curlen = nextlen;
            nextlen = tree[n + 1].dl as isize;
            count += 1;
            if count < max_count && curlen == nextlen {
                continue;
            } else if count < min_count {
                emit(curlen as usize, count);
            } else if curlen != 0 {
                if curlen != prevlen {
                    emit(curlen as usize, 1);
                    count -= 1;
                }
                emit(REP_3_6, count);
            } else if count <= 10 {
                emit(REPZ_3_10, count);
            } else {
                emit(REPZ_11_138, count);
            }
            count = 0;
            prevlen = curlen;
            (max_count, min_count) = if nextlen == 0 {
                (138, 3)
            } else if curlen == nextlen {
                (6, 3)
            } else {
                (7, 4)
            };
        }
    }

    fn scan_tree(&mut self, kind: TreeKind, max_code: usize) {
        let mut tree = std::mem::take(self.tree_mut(kind));
        let bl = &mut self.bl_tree;
        Self::length_runs(&mut tree, max_code, |code, count| {
            let add = if code < REP_3_6 { count as u16 } else { 1 };
            bl[code].fc = bl[code].fc.wrapping_add(add);
        });
        *self.tree_mut(kind) = tree;
    }

    fn send_tree(&mut self, kind: TreeKind, max_code: usize) {
        let mut tree = std::mem::take(self.tree_mut(kind));
        let mut out = Vec::new();
        Self::length_runs(&mut tree, max_code, |code, count| out.push((code, count)));
        *self.tree_mut(kind) = tree;
        for (code, count) in out {
            let node = self.bl_tree[code];
            match code {
                REP_3_6 => {
                    self.send_code(node);
                    self.send_bits(count as u32 - 3, 2);
                }
                REPZ_3_10 => {
                    self.send_code(node);
                    self.send_bits(count as u32 - 3, 3);
                }
                REPZ_11_138 => {
                    self.send_code(node);
                    self.send_bits(count as u32 - 11, 7);
                }
                _ => (0..count).for_each(|_| self.send_code(node)),
            }
        }
    }

    fn build_bl_tree(&mut self) -> usize {
        self.scan_tree(TreeKind::Literal, self.l_max_code);
        self.scan_tree(TreeKind::Distance, self.d_max_code);
        self.build_tree(TreeKind::BitLength);
        let mut max_blindex = BL_CODES - 1;
        while max_blindex >= 3 && self.bl_tree[BL_ORDER[max_blindex]].dl == 0 {
            max_blindex -= 1;
        }
        self.opt_len = self.opt_len.wrapping_add(3 * (max_blindex as u64 + 1) + 5 + 5 + 4);
        max_blindex
    }

    fn send_all_trees(&mut self, lcodes: usize, dcodes: usize, blcodes: usize) {
        self.send_bits(lcodes as u32 - 257, 5);
        self.send_bits(dcodes as u32 - 1, 5);
        self.send_bits(blcodes as u32 - 4, 4);
        for &code in &BL_ORDER[..blcodes] {
            self.send_bits(u32::from(self.bl_tree[code].dl), 3);
        }
        self.send_tree(TreeKind::Literal, lcodes - 1);
        self.send_tree(TreeKind::Distance, dcodes - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_literal_codes_are_rfc1951s() {
        let t = tables();
        // 0 is 00110000 (8 bits), 144 is 110010000 (9), 256 is 0000000 (7),
        // 280 is 11000000 (8); stored bit-reversed.
        assert_eq!(t.static_ltree[0].fc as u32, bi_reverse(0b0011_0000, 8));
        assert_eq!(t.static_ltree[144].fc as u32, bi_reverse(0b1_1001_0000, 9));
        assert_eq!(t.static_ltree[256].fc, 0);
        assert_eq!(t.static_ltree[280].fc as u32, bi_reverse(0b1100_0000, 8));
    }

    #[test]
    fn length_and_distance_codes() {
        let t = tables();
        assert_eq!(t.length_code[0], 0);
        assert_eq!(t.length_code[255], 28);
        assert_eq!(t.length_code[254], 27);
        assert_eq!(d_code(0, t), 0);
        assert_eq!(d_code(4, t), 4);
        assert_eq!(d_code(32767, t), 29);
    }

    #[test]
    fn empty_final_static_block() {
        let mut trees = Trees::new(128);
        trees.flush_block(Some(&[]), 0, true, 6, false);
        assert_eq!(trees.pending, [0x03, 0x00]);
    }
}
