#!/usr/bin/env python3.8
"""Generates interp/src/unicode/ucd_tables.rs, the character database of
the `unicodedata` module, from CPython 3.8's own unicodedata (Unicode
12.1.0) and its `ucd_3_2_0` (Unicode 3.2.0, kept as deltas).

Run: ~/.pyenv/versions/3.8.18/bin/python3.8 tools/gen_unicodedata.py

Everything is read off python3.8's answers, so the tables are what it
answers by construction:
- per code point, a record (category, bidirectional class, combining
  class, East Asian width, mirrored, normalization quick checks) and a
  decomposition, each through a two-level table (the code point's block
  picks a deduplicated block of entries);
- the quick-check bits as `normalize` and `is_normalized` reveal them (a
  str subclass comes back unchanged only when the check says YES);
- decimal, digit and numeric values of the characters that have one;
- Unicode 3.2.0: the ranges assigned since, the few properties that
  differed for them, and its corrected decompositions.
Names, aliases, named sequences and compositions stay in `tables.rs`.
"""
import os
import sys
import unicodedata

assert sys.version_info[:2] == (3, 8), "run with python3.8"
assert unicodedata.unidata_version == "12.1.0"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "interp", "src", "unicode", "ucd_tables.rs")
MAX = 0x110000
OLD = unicodedata.ucd_3_2_0
FORMS = ["NFD", "NFKD", "NFC", "NFKC"]  # quick-check bits 0-1, 2-3, 4-5, 6-7


class Sub(str):
    pass


def quick_checks(c):
    """CPython's quick-check byte: 0 YES, 1 MAYBE, 2 NO per form."""
    bits = 0
    s = Sub(c)
    for i, form in enumerate(FORMS):
        if type(unicodedata.normalize(form, s)) is Sub:
            qc = 0
        elif unicodedata.is_normalized(form, c):
            qc = 1
        else:
            qc = 2
        bits |= qc << (2 * i)
    return bits


def int_type(values):
    top = max(values) if values else 0
    return "u8" if top < 256 else "u16" if top < 65536 else "u32"


def size_of(values):
    return {"u8": 1, "u16": 2, "u32": 4}[int_type(values)] * len(values)


def split_bins(table):
    """The two-level split of `table` with the smallest total size:
    (shift, index1, index2) with table[i] == index2[(index1[i >> shift] << shift) + (i & mask)]."""
    best = None
    for shift in range(1, 12):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for start in range(0, len(table), size):
            block = tuple(table[start:start + size])
            if block not in blocks:
                blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(blocks[block])
        total = size_of(index1) + size_of(index2)
        if best is None or total < best[0]:
            best = (total, shift, index1, index2)
    return best[1:]


def emit_array(lines, name, doc, values, ty=None):
    ty = ty or int_type(values)
    lines.append("/// %s" % doc)
    lines.append("pub static %s: [%s; %d] = [" % (name, ty, len(values)))
    for i in range(0, len(values), 24):
        lines.append("    " + ",".join(str(v) for v in values[i:i + 24]) + ",")
    lines.append("];")
    lines.append("")


def emit_two_level(lines, name, doc, table):
    shift, index1, index2 = split_bins(table)
    lines.append("/// Block shift of `%s_INDEX1`/`%s_INDEX2`." % (name, name))
    lines.append("pub const %s_SHIFT: u32 = %d;" % (name, shift))
    emit_array(lines, name + "_INDEX1", "%s: the block of each code point's high bits." % doc, index1)
    emit_array(lines, name + "_INDEX2", "%s: the deduplicated blocks." % doc, index2)


def emit_names(lines, name, doc, names):
    lines.append("/// %s" % doc)
    lines.append("pub static %s: [&str; %d] = [" % (name, len(names)))
    for i in range(0, len(names), 12):
        lines.append("    " + " ".join('"%s",' % n for n in names[i:i + 12]))
    lines.append("];")
    lines.append("")


def emit_rows(lines, name, ty, doc, rows, per_line, fmt):
    """`pub static NAME: [TY; N]` with `per_line` rows formatted by `fmt` a line."""
    lines.extend("/// " + d for d in doc)
    lines.append("pub static %s: [%s; %d] = [" % (name, ty, len(rows)))
    for i in range(0, len(rows), per_line):
        lines.append("    " + " ".join(fmt % row for row in rows[i:i + per_line]))
    lines.append("];")
    lines.append("")


def ranges_of(pairs):
    """Runs of consecutive code points with one value: (first, last, value)."""
    out = []
    for cp, value in pairs:
        if out and out[-1][1] == cp - 1 and out[-1][2] == value:
            out[-1][1] = cp
        else:
            out.append([cp, cp, value])
    return out


def main():
    chars = [chr(cp) for cp in range(MAX)]
    categories, bidis, widths = ["Cn"], [""], ["F"]  # index 0 is what unassigned 3.2.0 characters get
    def index_in(names, value):
        if value not in names:
            names.append(value)
        return names.index(value)

    records = {}
    record_of = []
    for c in chars:
        rec = (
            index_in(categories, unicodedata.category(c)),
            index_in(bidis, unicodedata.bidirectional(c)),
            unicodedata.combining(c),
            index_in(widths, unicodedata.east_asian_width(c)),
            unicodedata.mirrored(c),
            quick_checks(c),
        )
        record_of.append(records.setdefault(rec, len(records)))

    prefixes = [""]
    decomp_data = [0]  # offset 0: no decomposition
    decomp_of = []
    seen = {}
    for c in chars:
        d = unicodedata.decomposition(c)
        if not d:
            decomp_of.append(0)
            continue
        parts = d.split()
        prefix = parts.pop(0) if parts[0].startswith("<") else ""
        key = (prefix, tuple(parts))
        if key not in seen:
            seen[key] = len(decomp_data)
            decomp_data.append(index_in(prefixes, prefix) | (len(parts) << 8))
            decomp_data.extend(int(p, 16) for p in parts)
        decomp_of.append(seen[key])

    numeric_values = []
    numerics = []
    for cp, c in enumerate(chars):
        value = unicodedata.numeric(c, None)
        if value is None:
            assert unicodedata.digit(c, None) is None and unicodedata.decimal(c, None) is None
            continue
        if value not in numeric_values:
            numeric_values.append(value)
        decimal = unicodedata.decimal(c, None)
        digit = unicodedata.digit(c, None)
        numerics.append((cp, numeric_values.index(value), 255 if decimal is None else decimal, 255 if digit is None else digit))

    # Unicode 3.2.0: a character assigned since has the defaults of index 0
    # (and no decomposition, name or numeric value); the others differ in a
    # few properties only, and five decompositions were corrected since.
    # (CPython marks a character unassigned in 3.2.0 only if it is assigned
    # now: the code points unassigned in both keep today's answers.)
    newer = [OLD.category(c) == "Cn" and unicodedata.category(c) != "Cn" for c in chars]
    changes = {name: [] for name in ["category", "bidirectional", "east_asian_width", "mirrored", "decimal"]}
    corrections = []
    for cp, c in enumerate(chars):
        if newer[cp]:
            assert (OLD.category(c), OLD.bidirectional(c), OLD.east_asian_width(c)) == ("Cn", "", "F")
            assert (OLD.combining(c), OLD.mirrored(c), OLD.decomposition(c)) == (0, 0, "")
            assert OLD.decimal(c, None) is None and OLD.numeric(c, None) is None and OLD.name(c, None) is None
            assert OLD.digit(c, None) == unicodedata.digit(c, None)
            assert OLD.normalize("NFKD", c) == c
            continue
        for name, names in [("category", categories), ("bidirectional", bidis), ("east_asian_width", widths)]:
            old = getattr(OLD, name)(c)
            if old != getattr(unicodedata, name)(c):
                changes[name].append((cp, index_in(names, old)))
        if OLD.mirrored(c) != unicodedata.mirrored(c):
            changes["mirrored"].append((cp, OLD.mirrored(c)))
        old = OLD.decimal(c, None)
        if old != unicodedata.decimal(c, None):
            changes["decimal"].append((cp, 255 if old is None else old))
        assert OLD.combining(c) == unicodedata.combining(c)
        assert OLD.decomposition(c) == unicodedata.decomposition(c)
        assert OLD.numeric(c, None) == unicodedata.numeric(c, None)
        assert OLD.digit(c, None) == unicodedata.digit(c, None)
        assert OLD.name(c, None) == unicodedata.name(c, None)
        old_nfd = OLD.normalize("NFD", c)
        if old_nfd != unicodedata.normalize("NFD", c):
            assert len(old_nfd) == 1 and unicodedata.decomposition(old_nfd) == ""
            assert OLD.normalize("NFKD", c) == old_nfd
            corrections.append((cp, ord(old_nfd)))

    lines = [
        "//! GENERATED by tools/gen_unicodedata.py from CPython 3.8's unicodedata",
        "//! (Unicode %s, and its ucd_3_2_0). Do not edit." % unicodedata.unidata_version,
        "",
    ]
    emit_names(lines, "CATEGORY_NAMES", "General categories by record index.", categories)
    emit_names(lines, "BIDIRECTIONAL_NAMES", "Bidirectional classes by record index.", bidis)
    emit_names(lines, "EAST_ASIAN_WIDTH_NAMES", "East Asian widths by record index.", widths)
    emit_names(lines, "DECOMPOSITION_PREFIXES", "Decomposition tags by index (`\"\"` for canonical).", prefixes)
    lines.append("/// Property records: (category, bidirectional, combining class, East")
    lines.append("/// Asian width, mirrored, quick checks: 2 bits each for NFD, NFKD, NFC,")
    lines.append("/// NFKC, 0 YES, 1 MAYBE, 2 NO).")
    lines.append("pub static RECORDS: [(u8, u8, u8, u8, bool, u8); %d] = [" % len(records))
    for rec in sorted(records, key=records.get):
        lines.append("    (%d, %d, %d, %d, %s, %d)," % (rec[0], rec[1], rec[2], rec[3], "true" if rec[4] else "false", rec[5]))
    lines.append("];")
    lines.append("")
    emit_two_level(lines, "RECORD", "Record index by code point", record_of)
    emit_array(lines, "DECOMPOSITION_DATA",
               "Decompositions: a header (prefix index, count << 8), then the code points.",
               decomp_data, "u32")
    emit_two_level(lines, "DECOMPOSITION", "Offset in `DECOMPOSITION_DATA` by code point (0: none)", decomp_of)
    emit_rows(lines, "NUMERIC_VALUES", "f64", ["Numeric values by index."], numeric_values, 8, "%r,")
    emit_rows(lines, "NUMERICS", "(u32, u8, u8, u8)",
              ["Characters with a numeric value, sorted: (code point, index in",
               "`NUMERIC_VALUES`, decimal value or 255, digit value or 255)."],
              numerics, 6, "(0x%X, %d, %d, %d),")
    spans = [(lo, hi) for lo, hi, value in ranges_of(enumerate(newer)) if value]
    emit_rows(lines, "NEWER_THAN_3_2_0", "(u32, u32)", ["Code points assigned since Unicode 3.2.0: (first, last)."],
              spans, 6, "(0x%X, 0x%X),")
    for name, doc in [
        ("category", "General categories (index) that differed in Unicode 3.2.0"),
        ("bidirectional", "Bidirectional classes (index) that differed in Unicode 3.2.0"),
        ("east_asian_width", "East Asian widths (index) that differed in Unicode 3.2.0"),
        ("mirrored", "Mirrored flags (0 or 1) that differed in Unicode 3.2.0"),
        ("decimal", "Decimal values (255: none) that differed in Unicode 3.2.0"),
    ]:
        spans = [tuple(s) for s in ranges_of((cp, int(v)) for cp, v in changes[name])]
        emit_rows(lines, name.upper() + "_3_2_0", "(u32, u32, u8)", ["%s: (first, last, value)." % doc],
                  spans, 6, "(0x%X, 0x%X, %d),")
    emit_rows(lines, "CORRECTIONS_3_2_0", "(u32, u32)",
              ["Decompositions corrected since Unicode 3.2.0: (code point, its 3.2.0 one)."],
              corrections, 1, "(0x%X, 0x%X),")
    with open(OUT, "w", encoding="ascii") as f:
        f.write("\n".join(lines))
    print("wrote %s: %d records, %d decomposition words, %d numerics" % (OUT, len(records), len(decomp_data), len(numerics)))


main()
