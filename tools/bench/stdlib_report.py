"""Inventory report with the standard library modules batch jobs reach for:
collections, heapq, itertools, re and statistics.
"""
# needs: collections, heapq, itertools, re, statistics

import collections
import heapq
import itertools
import re
import statistics

LINE = re.compile(r"^(?P<store>S\d+);(?P<sku>[A-Z]{3}-\d{4});(?P<qty>-?\d+);(?P<price>\d+\.\d\d)$")


def make_lines(count):
    lines = []
    state = 31337
    for i in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        sku = "%s-%04d" % ("ABCDEFGH"[state % 8] * 3, (state >> 8) % 500)
        lines.append("S%d;%s;%d;%d.%02d" % ((state >> 4) % 12, sku,
                                             (state >> 12) % 40 - 5,
                                             (state >> 16) % 300, (state >> 3) % 100))
        if i % 250 == 0:
            lines.append("garbage line %d" % i)
    return lines


def main():
    stock = collections.Counter()
    revenue = collections.defaultdict(float)
    skipped = 0
    for line in make_lines(250000):
        match = LINE.match(line)
        if match is None:
            skipped += 1
            continue
        qty = int(match.group("qty"))
        stock[match.group("sku")] += qty
        revenue[match.group("store")] += qty * float(match.group("price"))
    print("skipped:", skipped)
    print("most stocked:", stock.most_common(3))
    print("least stocked:", heapq.nsmallest(3, stock.items(), key=lambda kv: (kv[1], kv[0])))
    by_family = itertools.groupby(sorted(stock), key=lambda sku: sku[:3])
    print("families:", [(family, len(list(skus))) for family, skus in by_family])
    values = [round(v, 2) for _, v in sorted(revenue.items())]
    print("revenue median: %.2f stdev: %.2f" % (statistics.median(values), statistics.pstdev(values)))


main()
