"""Parse CSV-like sales records and aggregate them per region and product.

Typical batch work: split lines, convert fields, validate, and sum into
nested dicts. The records are generated in-process by a linear congruential
generator, so the program needs no input file and prints the same everywhere.
"""

REGIONS = ["north", "south", "east", "west", "central", "islands"]
PRODUCTS = ["widget", "gadget", "gizmo", "doohickey", "sprocket", "flange",
            "grommet", "washer"]


def generate(count, seed):
    lines = []
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) % 2147483648
        region = REGIONS[state % len(REGIONS)]
        product = PRODUCTS[(state >> 8) % len(PRODUCTS)]
        quantity = (state >> 4) % 50 + 1
        price_cents = (state >> 12) % 10000 + 99
        day = (state >> 16) % 365 + 1
        # One record in 97 is malformed, as real input files are.
        if i % 97 == 13:
            lines.append("%d,%s,%s,,%d" % (i, region, product, day))
        else:
            lines.append("%d,%s,%s,%d,%d.%02d,%d" % (
                i, region, product, quantity, price_cents // 100,
                price_cents % 100, day))
    return lines


def aggregate(lines, totals):
    bad = 0
    for line in lines:
        fields = line.split(",")
        if len(fields) != 6 or not fields[3]:
            bad += 1
            continue
        _, region, product, quantity, price, day = fields
        amount = int(quantity) * float(price)
        per_region = totals.get(region)
        if per_region is None:
            per_region = totals[region] = {}
        entry = per_region.get(product)
        if entry is None:
            per_region[product] = [1, int(quantity), amount, int(day), int(day)]
        else:
            entry[0] += 1
            entry[1] += int(quantity)
            entry[2] += amount
            if int(day) < entry[3]:
                entry[3] = int(day)
            if int(day) > entry[4]:
                entry[4] = int(day)
    return totals, bad


def main():
    # Batches, as a job reading a large file chunk by chunk would.
    totals = {}
    bad = 0
    for batch in range(4):
        bad += aggregate(generate(100000, 42 + batch), totals)[1]
    print("malformed records:", bad)
    grand = 0.0
    for region in sorted(totals):
        per_region = totals[region]
        region_amount = sum(entry[2] for entry in per_region.values())
        grand += region_amount
        best = max(per_region, key=lambda p: per_region[p][2])
        print("%-8s %6d records %12.2f best %s" % (
            region, sum(e[0] for e in per_region.values()), region_amount, best))
    print("total %.2f" % grand)


main()
