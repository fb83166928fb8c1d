//! The matcher: runs the code list `sre_compile` makes against a text, as
//! `sre_lib.h` does, with an explicit stack of contexts (so a long input
//! never deepens the Rust stack; only `count` of a non-trivial item nests,
//! bounded by the pattern's depth).
//!
//! Positions are code point (or byte) indices into the whole text; the
//! text is `[u8]` (bytes, ASCII str) or `[u32]` (other str).

use super::chars::{
    is_ascii_word, is_linebreak, is_uni_word, lower_ascii, lower_locale, lower_unicode,
    upper_locale,
};
use super::charset::{in_charset, in_charset_loc_ignore, word};
use super::constants::{at, info, op, MAXREPEAT};
use super::start::StartFilter;

/// A text the matcher can read by index.
pub trait Text {
    fn at(&self, i: usize) -> u32;
}

impl Text for [u8] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Text for [u32] {
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// The code is not something `sre_compile` makes.
#[derive(Debug, PartialEq, Eq)]
pub struct IllegalCode;

type Step = Result<Next, IllegalCode>;

/// One `{m,n}` loop in progress (`SRE_REPEAT`).
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// The REPEAT's skip word; min, max and the body follow it.
    pc: usize,
    prev: Option<usize>,
    /// Where the last iteration started (zero-width protection).
    last_ptr: isize,
}

/// Where a context resumes when its child returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
}

/// One activation of the matcher (`SRE(match_context)`).
#[derive(Clone, Copy)]
struct Ctx {
    jump: Jump,
    pc: usize,
    ptr: usize,
    count: isize,
    lastmark: isize,
    lastindex: isize,
    /// REPEAT_ONE: the literal the tail starts with; *_UNTIL: the repeat.
    aux: usize,
    saved_last_ptr: isize,
    toplevel: bool,
    in_repeat: bool,
}

impl Ctx {
    fn new(pc: usize, toplevel: bool, jump: Jump) -> Ctx {
        Ctx {
            jump,
            pc,
            ptr: 0,
            count: 0,
            lastmark: -1,
            lastindex: -1,
            aux: 0,
            saved_last_ptr: -1,
            toplevel,
            in_repeat: false,
        }
    }
}

enum Next {
    Enter,
    Dispatch,
    Call { pc: usize, jump: Jump, toplevel: bool },
    Return(bool),
}

/// What a match or search works on and leaves behind (`SRE_STATE`).
pub struct State {
    /// Where the current attempt starts; after a match, where it started.
    pub start: usize,
    /// `endpos`: the matcher sees nothing from here on.
    pub end: usize,
    /// After a match, where it ended.
    pub ptr: usize,
    /// Group boundaries: `marks[2g]`, `marks[2g+1]`, -1 when unset.
    pub marks: Vec<isize>,
    pub lastmark: isize,
    pub lastindex: isize,
    /// An empty match at `start` does not count (`finditer` after an empty match).
    pub must_advance: bool,
    /// The match must end at `end` (`fullmatch`).
    pub match_all: bool,
    repeat: Option<usize>,
    repeats: Vec<Repeat>,
    mark_stack: Vec<isize>,
    ctx_stack: Vec<Ctx>,
}

/// The vectors of a finished state, kept for the next one (most calls
/// match small strings, where allocating them would be most of the cost).
#[derive(Default)]
struct Buffers {
    marks: Vec<isize>,
    repeats: Vec<Repeat>,
    mark_stack: Vec<isize>,
    ctx_stack: Vec<Ctx>,
}

thread_local! {
    static SPARE: std::cell::RefCell<Option<Buffers>> = const { std::cell::RefCell::new(None) };
}

impl State {
    pub fn new(start: usize, end: usize) -> State {
        let b = SPARE.with(|s| s.borrow_mut().take()).unwrap_or_default();
        State {
            start,
            end,
            ptr: start,
            marks: b.marks,
            lastmark: -1,
            lastindex: -1,
            must_advance: false,
            match_all: false,
            repeat: None,
            repeats: b.repeats,
            mark_stack: b.mark_stack,
            ctx_stack: b.ctx_stack,
        }
    }

    /// Sets up `2 * groups` unset marks.
    pub fn clear_marks(&mut self, groups: usize) {
        self.marks.clear();
        self.marks.resize(2 * groups, -1);
    }

    /// `state_reset`: forget the groups of the last attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.mark_stack.clear();
        self.ctx_stack.clear();
    }

    /// The span of group `g` (1-based) after a match, if it took part.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * (g - 1);
        if (i as isize) + 1 > self.lastmark {
            return None;
        }
        let (a, b) = (self.marks.get(i).copied()?, self.marks.get(i + 1).copied()?);
        (a >= 0 && b >= 0).then_some((a as usize, b as usize))
    }

    fn mark(&self, i: usize) -> isize {
        self.marks.get(i).copied().unwrap_or(-1)
    }

    fn set_mark(&mut self, i: usize, v: isize) {
        if i >= self.marks.len() {
            self.marks.resize(i + 1, -1);
        }
        self.marks[i] = v;
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = (lastmark as usize + 1).min(self.marks.len());
            self.mark_stack.extend_from_slice(&self.marks[..n]);
            // Marks past the vector's end are unset; keep the pushed size exact.
            for _ in n..lastmark as usize + 1 {
                self.mark_stack.push(-1);
            }
        }
    }

    fn mark_pop(&mut self, lastmark: isize, discard: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.mark_stack.len().saturating_sub(n);
            if self.marks.len() < n {
                self.marks.resize(n, -1);
            }
            let saved = &self.mark_stack[from..];
            self.marks[..saved.len()].copy_from_slice(saved);
            if discard {
                self.mark_stack.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let from = self.mark_stack.len().saturating_sub(lastmark as usize + 1);
            self.mark_stack.truncate(from);
        }
    }

    fn lastmark_save(&self, ctx: &mut Ctx) {
        ctx.lastmark = self.lastmark;
        ctx.lastindex = self.lastindex;
    }

    fn lastmark_restore(&mut self, ctx: &Ctx) {
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
    }

    fn reset_capture(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    /// The text of group `g` (0-based group number) if set.
    fn group_bounds(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * g;
        if i as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (self.mark(i), self.mark(i + 1));
        (p >= 0 && e >= 0 && e >= p).then_some((p as usize, e as usize))
    }
}

impl Drop for State {
    fn drop(&mut self) {
        let mut b = Buffers {
            marks: std::mem::take(&mut self.marks),
            repeats: std::mem::take(&mut self.repeats),
            mark_stack: std::mem::take(&mut self.mark_stack),
            ctx_stack: std::mem::take(&mut self.ctx_stack),
        };
        b.marks.clear();
        b.repeats.clear();
        b.mark_stack.clear();
        b.ctx_stack.clear();
        let _ = SPARE.try_with(|s| *s.borrow_mut() = Some(b));
    }
}

/// `SRE(at)`: whether position `ptr` satisfies the AT code.
fn at_position<T: Text + ?Sized>(st: &State, text: &T, ptr: usize, code: u32) -> bool {
    let end = st.end;
    let newline_before = || ptr > 0 && is_linebreak(text.at(ptr - 1));
    let boundary = |is_word: fn(u32) -> bool| {
        let before = ptr > 0 && is_word(text.at(ptr - 1));
        let here = ptr < end && is_word(text.at(ptr));
        before != here
    };
    match code {
        at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
        at::BEGINNING_LINE => ptr == 0 || newline_before(),
        at::END => ptr == end || (ptr + 1 == end && is_linebreak(text.at(ptr))),
        at::END_LINE => ptr == end || (ptr < end && is_linebreak(text.at(ptr))),
        at::END_STRING => ptr == end,
        at::BOUNDARY | at::LOC_BOUNDARY => end != 0 && boundary(is_ascii_word),
        at::NON_BOUNDARY | at::LOC_NON_BOUNDARY => end != 0 && !boundary(is_ascii_word),
        at::UNI_BOUNDARY => end != 0 && boundary(is_uni_word),
        at::UNI_NON_BOUNDARY => end != 0 && !boundary(is_uni_word),
        _ => false,
    }
}

fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// A set of one item, which `count` tests without walking the set.
enum SetShape<'a> {
    Category(u32),
    Bitmap(&'a [u32]),
    Range(u32, u32),
    Other,
}

fn single_item_set(code: &[u32], set: usize) -> SetShape<'_> {
    match word(code, set) {
        op::CATEGORY if word(code, set + 2) == op::FAILURE => {
            SetShape::Category(word(code, set + 1))
        }
        op::RANGE if word(code, set + 3) == op::FAILURE => {
            SetShape::Range(word(code, set + 1), word(code, set + 2))
        }
        op::CHARSET if word(code, set + 9) == op::FAILURE => match code.get(set + 1..set + 9) {
            Some(map) => SetShape::Bitmap(map),
            None => SetShape::Other,
        },
        _ => SetShape::Other,
    }
}

/// `SRE(count)`: how many times (up to `maxcount`) the one-character item
/// at `pc` matches from `st.ptr`.
fn count<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    text: &T,
    pc: usize,
    maxcount: u32,
) -> Result<usize, IllegalCode> {
    let start = st.ptr;
    let mut end = st.end;
    if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(start) {
        end = start + maxcount as usize;
    }
    let mut p = start.min(end);
    let chr = word(code, pc + 1);
    macro_rules! scan {
        ($cond:expr) => {{
            while p < end && {
                let ch = text.at(p);
                $cond(ch)
            } {
                p += 1;
            }
        }};
    }
    match word(code, pc) {
        op::IN => match single_item_set(code, pc + 2) {
            SetShape::Category(cat) => scan!(|ch| super::chars::in_category(cat, ch)),
            SetShape::Bitmap(map) => {
                scan!(|ch: u32| ch < 256 && map[ch as usize >> 5] & (1 << (ch & 31)) != 0)
            }
            SetShape::Range(lo, hi) => scan!(|ch| lo <= ch && ch <= hi),
            SetShape::Other => scan!(|ch| in_charset(code, pc + 2, ch)),
        },
        op::ANY => scan!(|ch| !is_linebreak(ch)),
        op::ANY_ALL => p = end,
        op::LITERAL => scan!(|ch| ch == chr),
        op::LITERAL_IGNORE => scan!(|ch| lower_ascii(ch) == chr),
        op::LITERAL_UNI_IGNORE => scan!(|ch| lower_unicode(ch) == chr),
        op::LITERAL_LOC_IGNORE => scan!(|ch| char_loc_ignore(chr, ch)),
        op::NOT_LITERAL => scan!(|ch| ch != chr),
        op::NOT_LITERAL_IGNORE => scan!(|ch| lower_ascii(ch) != chr),
        op::NOT_LITERAL_UNI_IGNORE => scan!(|ch| lower_unicode(ch) != chr),
        op::NOT_LITERAL_LOC_IGNORE => scan!(|ch| !char_loc_ignore(chr, ch)),
        _ => {
            while st.ptr < end {
                let before = st.ptr;
                if !run(st, code, text, pc, false)? {
                    st.ptr = before;
                    break;
                }
                if st.ptr <= before {
                    break;
                }
            }
            let n = st.ptr.saturating_sub(start);
            st.ptr = start;
            return Ok(n);
        }
    }
    Ok(p.saturating_sub(start))
}

/// `SRE(match)`: whether the code at `pc` matches at `st.ptr`; on success
/// `st.ptr` is where the match ended and the marks hold the groups.
pub fn run<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    text: &T,
    pc: usize,
    toplevel: bool,
) -> Result<bool, IllegalCode> {
    let base = st.ctx_stack.len();
    let mut ctx = Ctx::new(pc, toplevel, Jump::None);
    let mut next = Next::Enter;
    loop {
        next = match next {
            Next::Enter => {
                ctx.ptr = st.ptr;
                if word(code, ctx.pc) == op::INFO {
                    let min = word(code, ctx.pc + 3) as usize;
                    if min != 0 && st.end.saturating_sub(ctx.ptr) < min {
                        Next::Return(false)
                    } else {
                        ctx.pc += word(code, ctx.pc + 1) as usize + 1;
                        Next::Dispatch
                    }
                } else {
                    Next::Dispatch
                }
            }
            Next::Dispatch => dispatch(st, code, text, &mut ctx)?,
            Next::Call { pc, jump, toplevel } => {
                st.ctx_stack.push(ctx);
                ctx = Ctx::new(pc, toplevel, jump);
                Next::Enter
            }
            Next::Return(ret) => {
                if st.ctx_stack.len() <= base {
                    return Ok(ret);
                }
                let jump = ctx.jump;
                match st.ctx_stack.pop() {
                    Some(parent) => ctx = parent,
                    None => return Ok(ret),
                }
                resume(st, code, text, &mut ctx, jump, ret)?
            }
        };
    }
}

/// Runs opcodes of `ctx` until it calls a child or returns.
fn dispatch<T: Text + ?Sized>(st: &mut State, code: &[u32], text: &T, ctx: &mut Ctx) -> Step {
    let end = st.end;
    macro_rules! fail {
        () => {
            return Ok(Next::Return(false))
        };
    }
    macro_rules! one_char {
        ($ok:expr) => {{
            if ctx.ptr >= end {
                fail!();
            }
            let ch = text.at(ctx.ptr);
            let arg = word(code, ctx.pc);
            if !$ok(ch, arg) {
                fail!();
            }
            ctx.pc += 1;
            ctx.ptr += 1;
        }};
    }
    macro_rules! in_set {
        ($ok:expr) => {{
            if ctx.ptr >= end {
                fail!();
            }
            let ch = text.at(ctx.ptr);
            if !$ok(ch, ctx.pc + 1) {
                fail!();
            }
            ctx.pc += word(code, ctx.pc) as usize;
            ctx.ptr += 1;
        }};
    }
    loop {
        let opcode = word(code, ctx.pc);
        ctx.pc += 1;
        match opcode {
            op::MARK => {
                let i = word(code, ctx.pc) as usize;
                if i & 1 == 1 {
                    st.lastindex = (i / 2 + 1) as isize;
                }
                if i as isize > st.lastmark {
                    for j in (st.lastmark + 1) as usize..i {
                        st.set_mark(j, -1);
                    }
                    st.lastmark = i as isize;
                }
                st.set_mark(i, ctx.ptr as isize);
                ctx.pc += 1;
            }
            op::LITERAL => one_char!(|ch, arg| ch == arg),
            op::NOT_LITERAL => one_char!(|ch, arg| ch != arg),
            op::LITERAL_IGNORE => one_char!(|ch, arg| lower_ascii(ch) == arg),
            op::NOT_LITERAL_IGNORE => one_char!(|ch, arg| lower_ascii(ch) != arg),
            op::LITERAL_UNI_IGNORE => one_char!(|ch, arg| lower_unicode(ch) == arg),
            op::NOT_LITERAL_UNI_IGNORE => one_char!(|ch, arg| lower_unicode(ch) != arg),
            op::LITERAL_LOC_IGNORE => one_char!(|ch, arg| char_loc_ignore(arg, ch)),
            op::NOT_LITERAL_LOC_IGNORE => one_char!(|ch, arg| !char_loc_ignore(arg, ch)),
            op::CATEGORY => one_char!(|ch, arg| super::chars::in_category(arg, ch)),
            op::SUCCESS => {
                if ctx.toplevel
                    && ((st.match_all && ctx.ptr != st.end)
                        || (st.must_advance && ctx.ptr == st.start))
                {
                    fail!();
                }
                st.ptr = ctx.ptr;
                return Ok(Next::Return(true));
            }
            op::AT => {
                if !at_position(st, text, ctx.ptr, word(code, ctx.pc)) {
                    fail!();
                }
                ctx.pc += 1;
            }
            op::ANY => {
                if ctx.ptr >= end || is_linebreak(text.at(ctx.ptr)) {
                    fail!();
                }
                ctx.ptr += 1;
            }
            op::ANY_ALL => {
                if ctx.ptr >= end {
                    fail!();
                }
                ctx.ptr += 1;
            }
            op::IN => in_set!(|ch, set| in_charset(code, set, ch)),
            op::IN_IGNORE => in_set!(|ch, set| in_charset(code, set, lower_ascii(ch))),
            op::IN_UNI_IGNORE => in_set!(|ch, set| in_charset(code, set, lower_unicode(ch))),
            op::IN_LOC_IGNORE => in_set!(|ch, set| in_charset_loc_ignore(code, set, ch)),
            op::JUMP | op::INFO => ctx.pc += word(code, ctx.pc) as usize,
            op::BRANCH => {
                st.lastmark_save(ctx);
                ctx.in_repeat = st.repeat.is_some();
                if ctx.in_repeat {
                    st.mark_push(ctx.lastmark);
                }
                return Ok(branch_next(st, code, text, ctx));
            }
            op::REPEAT_ONE => {
                let (min, max) = (word(code, ctx.pc + 1) as usize, word(code, ctx.pc + 2));
                if min > end.saturating_sub(ctx.ptr) {
                    fail!();
                }
                st.ptr = ctx.ptr;
                let n = count(st, code, text, ctx.pc + 3, max)?;
                ctx.count = n as isize;
                ctx.ptr += n;
                if n < min {
                    fail!();
                }
                let tail = ctx.pc + word(code, ctx.pc) as usize;
                if word(code, tail) == op::SUCCESS
                    && ctx.ptr == st.end
                    && !(ctx.toplevel && st.must_advance && ctx.ptr == st.start)
                {
                    st.ptr = ctx.ptr;
                    return Ok(Next::Return(true));
                }
                st.lastmark_save(ctx);
                if let Some(chr) = literal_after_marks(code, tail) {
                    ctx.aux = chr as usize;
                    return Ok(repeat_one_literal_next(st, code, text, ctx));
                }
                return Ok(repeat_one_next(st, code, ctx));
            }
            op::MIN_REPEAT_ONE => {
                let min = word(code, ctx.pc + 1) as usize;
                if min > end.saturating_sub(ctx.ptr) {
                    fail!();
                }
                st.ptr = ctx.ptr;
                if min == 0 {
                    ctx.count = 0;
                } else {
                    let n = count(st, code, text, ctx.pc + 3, min as u32)?;
                    if n < min {
                        fail!();
                    }
                    ctx.count = n as isize;
                    ctx.ptr += n;
                }
                let tail = ctx.pc + word(code, ctx.pc) as usize;
                if word(code, tail) == op::SUCCESS
                    && !(ctx.toplevel
                        && ((st.match_all && ctx.ptr != st.end)
                            || (st.must_advance && ctx.ptr == st.start)))
                {
                    st.ptr = ctx.ptr;
                    return Ok(Next::Return(true));
                }
                st.lastmark_save(ctx);
                return Ok(min_repeat_one_next(st, code, ctx));
            }
            op::REPEAT => {
                st.repeats.push(Repeat { count: -1, pc: ctx.pc, prev: st.repeat, last_ptr: -1 });
                ctx.aux = st.repeats.len() - 1;
                st.repeat = Some(ctx.aux);
                st.ptr = ctx.ptr;
                let body_end = ctx.pc + word(code, ctx.pc) as usize;
                return Ok(Next::Call { pc: body_end, jump: Jump::Repeat, toplevel: ctx.toplevel });
            }
            op::MAX_UNTIL | op::MIN_UNTIL => {
                let Some(r) = st.repeat else { return Err(IllegalCode) };
                let Some(rep) = st.repeats.get(r).copied() else { return Err(IllegalCode) };
                ctx.aux = r;
                st.ptr = ctx.ptr;
                ctx.count = rep.count + 1;
                let min = word(code, rep.pc + 1) as isize;
                let minimizing = opcode == op::MIN_UNTIL;
                if ctx.count < min {
                    st.repeats[r].count = ctx.count;
                    let jump = if minimizing { Jump::MinUntil1 } else { Jump::MaxUntil1 };
                    return Ok(Next::Call { pc: rep.pc + 3, jump, toplevel: ctx.toplevel });
                }
                if minimizing {
                    st.lastmark_save(ctx);
                    st.repeat = rep.prev;
                    return Ok(Next::Call {
                        pc: ctx.pc,
                        jump: Jump::MinUntil2,
                        toplevel: ctx.toplevel,
                    });
                }
                let max = word(code, rep.pc + 2);
                if (max == MAXREPEAT || ctx.count < max as isize) && st.ptr as isize != rep.last_ptr
                {
                    st.repeats[r].count = ctx.count;
                    st.lastmark_save(ctx);
                    st.mark_push(ctx.lastmark);
                    ctx.saved_last_ptr = rep.last_ptr;
                    st.repeats[r].last_ptr = st.ptr as isize;
                    return Ok(Next::Call {
                        pc: rep.pc + 3,
                        jump: Jump::MaxUntil2,
                        toplevel: ctx.toplevel,
                    });
                }
                st.repeat = rep.prev;
                return Ok(Next::Call {
                    pc: ctx.pc,
                    jump: Jump::MaxUntil3,
                    toplevel: ctx.toplevel,
                });
            }
            op::GROUPREF
            | op::GROUPREF_IGNORE
            | op::GROUPREF_UNI_IGNORE
            | op::GROUPREF_LOC_IGNORE => {
                let Some((mut p, e)) = st.group_bounds(word(code, ctx.pc) as usize) else {
                    fail!();
                };
                let fold: fn(u32) -> u32 = match opcode {
                    op::GROUPREF => |c| c,
                    op::GROUPREF_IGNORE => lower_ascii,
                    op::GROUPREF_UNI_IGNORE => lower_unicode,
                    _ => lower_locale,
                };
                while p < e {
                    if ctx.ptr >= end || fold(text.at(ctx.ptr)) != fold(text.at(p)) {
                        fail!();
                    }
                    p += 1;
                    ctx.ptr += 1;
                }
                ctx.pc += 1;
            }
            op::GROUPREF_EXISTS => {
                if st.group_bounds(word(code, ctx.pc) as usize).is_some() {
                    ctx.pc += 2;
                } else {
                    ctx.pc += word(code, ctx.pc + 1) as usize;
                }
            }
            op::ASSERT | op::ASSERT_NOT => {
                let back = word(code, ctx.pc + 1) as usize;
                if ctx.ptr >= back {
                    st.ptr = ctx.ptr - back;
                    let jump = if opcode == op::ASSERT { Jump::Assert } else { Jump::AssertNot };
                    return Ok(Next::Call { pc: ctx.pc + 2, jump, toplevel: false });
                }
                if opcode == op::ASSERT {
                    fail!();
                }
                ctx.pc += word(code, ctx.pc) as usize;
            }
            op::FAILURE => fail!(),
            _ => return Err(IllegalCode),
        }
    }
}

/// BRANCH: tries the alternative at `ctx.pc` and the ones after it.
fn branch_next<T: Text + ?Sized>(st: &mut State, code: &[u32], text: &T, ctx: &mut Ctx) -> Next {
    let end = st.end;
    while word(code, ctx.pc) != 0 {
        let first = word(code, ctx.pc + 1);
        let skip = (first == op::LITERAL
            && (ctx.ptr >= end || text.at(ctx.ptr) != word(code, ctx.pc + 2)))
            || (first == op::IN
                && (ctx.ptr >= end || !in_charset(code, ctx.pc + 3, text.at(ctx.ptr))));
        if !skip {
            st.ptr = ctx.ptr;
            return Next::Call { pc: ctx.pc + 1, jump: Jump::Branch, toplevel: ctx.toplevel };
        }
        ctx.pc += word(code, ctx.pc) as usize;
    }
    if ctx.in_repeat {
        st.mark_discard(ctx.lastmark);
    }
    Next::Return(false)
}

/// The literal a tail must start with, looking past MARKs (which neither
/// read the text nor outlive a failed attempt): `(\w+)@` backs off to the
/// '@' positions without trying the tail at every other one.
fn literal_after_marks(code: &[u32], mut pc: usize) -> Option<u32> {
    while word(code, pc) == op::MARK {
        pc += 2;
    }
    (word(code, pc) == op::LITERAL).then(|| word(code, pc + 1))
}

/// REPEAT_ONE whose tail starts with a literal: backs off to the next
/// position where that literal is, then tries the tail.
fn repeat_one_literal_next<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    text: &T,
    ctx: &mut Ctx,
) -> Next {
    let min = word(code, ctx.pc + 1) as isize;
    let chr = ctx.aux as u32;
    let end = st.end;
    while ctx.count >= min && (ctx.ptr >= end || text.at(ctx.ptr) != chr) {
        ctx.ptr = ctx.ptr.wrapping_sub(1);
        ctx.count -= 1;
    }
    if ctx.count < min {
        return Next::Return(false);
    }
    st.ptr = ctx.ptr;
    let tail = ctx.pc + word(code, ctx.pc) as usize;
    Next::Call { pc: tail, jump: Jump::RepeatOne1, toplevel: ctx.toplevel }
}

fn repeat_one_next(st: &mut State, code: &[u32], ctx: &mut Ctx) -> Next {
    if ctx.count < word(code, ctx.pc + 1) as isize {
        return Next::Return(false);
    }
    st.ptr = ctx.ptr;
    let tail = ctx.pc + word(code, ctx.pc) as usize;
    Next::Call { pc: tail, jump: Jump::RepeatOne2, toplevel: ctx.toplevel }
}

fn min_repeat_one_next(st: &mut State, code: &[u32], ctx: &mut Ctx) -> Next {
    let max = word(code, ctx.pc + 2);
    if max != MAXREPEAT && ctx.count > max as isize {
        return Next::Return(false);
    }
    st.ptr = ctx.ptr;
    let tail = ctx.pc + word(code, ctx.pc) as usize;
    Next::Call { pc: tail, jump: Jump::MinRepeatOne, toplevel: ctx.toplevel }
}

/// Continues `ctx` after its child (called with `jump`) returned `ret`.
fn resume<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    text: &T,
    ctx: &mut Ctx,
    jump: Jump,
    ret: bool,
) -> Step {
    Ok(match jump {
        Jump::None => Next::Return(ret),
        Jump::Branch => {
            if ret {
                if ctx.in_repeat {
                    st.mark_discard(ctx.lastmark);
                }
                return Ok(Next::Return(true));
            }
            if ctx.in_repeat {
                st.mark_pop(ctx.lastmark, false);
            }
            st.lastmark_restore(ctx);
            ctx.pc += word(code, ctx.pc) as usize;
            branch_next(st, code, text, ctx)
        }
        Jump::RepeatOne1 | Jump::RepeatOne2 => {
            if ret {
                return Ok(Next::Return(true));
            }
            st.lastmark_restore(ctx);
            ctx.ptr = ctx.ptr.wrapping_sub(1);
            ctx.count -= 1;
            if jump == Jump::RepeatOne1 {
                repeat_one_literal_next(st, code, text, ctx)
            } else {
                repeat_one_next(st, code, ctx)
            }
        }
        Jump::MinRepeatOne => {
            if ret {
                return Ok(Next::Return(true));
            }
            st.ptr = ctx.ptr;
            if count(st, code, text, ctx.pc + 3, 1)? == 0 {
                return Ok(Next::Return(false));
            }
            ctx.ptr += 1;
            ctx.count += 1;
            st.lastmark_restore(ctx);
            min_repeat_one_next(st, code, ctx)
        }
        Jump::Repeat => {
            st.repeat = st.repeats.get(ctx.aux).and_then(|r| r.prev);
            st.repeats.truncate(ctx.aux);
            Next::Return(ret)
        }
        Jump::MaxUntil1 | Jump::MinUntil1 => {
            if ret {
                return Ok(Next::Return(true));
            }
            if let Some(rep) = st.repeats.get_mut(ctx.aux) {
                rep.count = ctx.count - 1;
            }
            st.ptr = ctx.ptr;
            Next::Return(false)
        }
        Jump::MaxUntil2 => {
            let r = ctx.aux;
            if let Some(rep) = st.repeats.get_mut(r) {
                rep.last_ptr = ctx.saved_last_ptr;
            }
            if ret {
                st.mark_discard(ctx.lastmark);
                return Ok(Next::Return(true));
            }
            st.mark_pop(ctx.lastmark, true);
            st.lastmark_restore(ctx);
            let prev = match st.repeats.get_mut(r) {
                Some(rep) => {
                    rep.count = ctx.count - 1;
                    rep.prev
                }
                None => return Err(IllegalCode),
            };
            st.ptr = ctx.ptr;
            st.repeat = prev;
            Next::Call { pc: ctx.pc, jump: Jump::MaxUntil3, toplevel: ctx.toplevel }
        }
        Jump::MaxUntil3 => {
            if ret {
                return Ok(Next::Return(true));
            }
            st.repeat = Some(ctx.aux);
            st.ptr = ctx.ptr;
            Next::Return(false)
        }
        Jump::MinUntil2 => {
            if ret {
                return Ok(Next::Return(true));
            }
            let r = ctx.aux;
            st.repeat = Some(r);
            st.ptr = ctx.ptr;
            st.lastmark_restore(ctx);
            let Some(rep) = st.repeats.get(r).copied() else { return Err(IllegalCode) };
            let max = word(code, rep.pc + 2);
            if (max != MAXREPEAT && ctx.count >= max as isize) || st.ptr as isize == rep.last_ptr {
                return Ok(Next::Return(false));
            }
            st.repeats[r].count = ctx.count;
            ctx.saved_last_ptr = rep.last_ptr;
            st.repeats[r].last_ptr = st.ptr as isize;
            Next::Call { pc: rep.pc + 3, jump: Jump::MinUntil3, toplevel: ctx.toplevel }
        }
        Jump::MinUntil3 => {
            if let Some(rep) = st.repeats.get_mut(ctx.aux) {
                rep.last_ptr = ctx.saved_last_ptr;
                if !ret {
                    rep.count = ctx.count - 1;
                }
            }
            if ret {
                return Ok(Next::Return(true));
            }
            st.ptr = ctx.ptr;
            Next::Return(false)
        }
        Jump::Assert => {
            if !ret {
                return Ok(Next::Return(false));
            }
            ctx.pc += word(code, ctx.pc) as usize;
            Next::Dispatch
        }
        Jump::AssertNot => {
            if ret {
                return Ok(Next::Return(false));
            }
            ctx.pc += word(code, ctx.pc) as usize;
            Next::Dispatch
        }
    })
}

/// `match()`: the code matches at `st.start`.
pub fn match_at<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    text: &T,
) -> Result<bool, IllegalCode> {
    st.ptr = st.start;
    run(st, code, text, 0, true)
}

/// `SRE(search)`: the first match at or after `st.start`; on success
/// `st.start..st.ptr` is the match.
pub fn search<T: Text + ?Sized>(
    st: &mut State,
    code: &[u32],
    start: Option<&StartFilter>,
    text: &T,
) -> Result<bool, IllegalCode> {
    let mut ptr = st.start;
    let mut end = st.end;
    if ptr > end {
        return Ok(false);
    }
    let mut pc = 0;
    let mut flags = 0;
    let (mut prefix_len, mut prefix_skip, mut prefix, mut charset) = (0usize, 0usize, 0usize, None);
    if word(code, 0) == op::INFO {
        flags = word(code, 2);
        let min = word(code, 3) as usize;
        if min != 0 && end - ptr < min {
            return Ok(false);
        }
        if min > 1 {
            end -= min - 1;
            if end <= ptr {
                end = ptr;
            }
        }
        if flags & info::PREFIX != 0 {
            prefix_len = word(code, 5) as usize;
            prefix_skip = word(code, 6) as usize;
            prefix = 7;
        } else if flags & info::CHARSET != 0 {
            charset = Some(5);
        }
        pc = 1 + word(code, 1) as usize;
    }
    let literal = flags & info::LITERAL != 0;
    if prefix_len == 1 {
        let c = word(code, prefix);
        let end = st.end;
        st.must_advance = false;
        while ptr < end {
            while text.at(ptr) != c {
                ptr += 1;
                if ptr >= end {
                    return Ok(false);
                }
            }
            st.start = ptr;
            st.ptr = ptr + prefix_skip;
            if literal || run(st, code, text, pc + 2 * prefix_skip, false)? {
                return Ok(true);
            }
            ptr += 1;
            st.reset_capture();
        }
        return Ok(false);
    }
    if prefix_len > 1 {
        let overlap = prefix + prefix_len - 1;
        let end = st.end;
        if prefix_len > end - ptr {
            return Ok(false);
        }
        while ptr < end {
            let c = word(code, prefix);
            loop {
                let ch = text.at(ptr);
                ptr += 1;
                if ch == c {
                    break;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr >= end {
                return Ok(false);
            }
            let mut i = 1;
            st.must_advance = false;
            loop {
                if text.at(ptr) == word(code, prefix + i) {
                    i += 1;
                    if i != prefix_len {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        continue;
                    }
                    st.start = ptr + 1 - prefix_len;
                    st.ptr = ptr + 1 + prefix_skip - prefix_len;
                    if literal || run(st, code, text, pc + 2 * prefix_skip, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                    st.reset_capture();
                }
                i = word(code, overlap + i) as usize;
                if i == 0 {
                    break;
                }
            }
        }
        return Ok(false);
    }
    if let Some(set) = charset {
        let in_set = |ch: u32| match start {
            Some(f) => f.accepts(code, ch),
            None => in_charset(code, set, ch),
        };
        let end = st.end;
        st.must_advance = false;
        loop {
            while ptr < end && !in_set(text.at(ptr)) {
                ptr += 1;
            }
            if ptr >= end {
                return Ok(false);
            }
            st.start = ptr;
            st.ptr = ptr;
            if run(st, code, text, pc, false)? {
                return Ok(true);
            }
            ptr += 1;
            st.reset_capture();
        }
    }
    // Positions where the first step cannot match are skipped without
    // running the matcher (the first attempt, at `start`, is the one that
    // checks `must_advance`).
    let st_end = st.end;
    let fits = |ptr: usize| match start {
        Some(f) => ptr < st_end && f.accepts(code, text.at(ptr)),
        None => true,
    };
    st.start = ptr;
    st.ptr = ptr;
    let mut found = fits(ptr) && run(st, code, text, pc, true)?;
    st.must_advance = false;
    while !found && ptr < end {
        ptr += 1;
        if !fits(ptr) {
            continue;
        }
        st.reset_capture();
        st.start = ptr;
        st.ptr = ptr;
        found = run(st, code, text, pc, false)?;
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
