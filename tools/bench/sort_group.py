"""Sorting and grouping: multi-key sorts of employee records, group-by into
dicts of lists, per-group statistics and a merge of sorted runs.
"""

DEPARTMENTS = ["sales", "research", "support", "finance", "legal", "ops"]
CITIES = ["Oslo", "Lima", "Pune", "Kyiv", "Turin", "Quito", "Hanoi"]


def make_people(count):
    people = []
    state = 12345
    for i in range(count):
        state = (state * 48271) % 2147483647
        people.append((
            "emp%06d" % ((state * 7) % 1000000),
            DEPARTMENTS[state % len(DEPARTMENTS)],
            CITIES[(state >> 5) % len(CITIES)],
            30000 + state % 90000,
            20 + (state >> 9) % 45,
        ))
    return people


def group_by(records, key_index):
    groups = {}
    for record in records:
        key = record[key_index]
        if key in groups:
            groups[key].append(record)
        else:
            groups[key] = [record]
    return groups


def merge(left, right):
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def merge_sort(values):
    if len(values) <= 16:
        return sorted(values)
    middle = len(values) // 2
    return merge(merge_sort(values[:middle]), merge_sort(values[middle:]))


def main():
    people = make_people(100000)
    by_salary = sorted(people, key=lambda p: (-p[3], p[0]))
    print("top:", by_salary[0][0], by_salary[0][3])
    by_city_age = sorted(people, key=lambda p: (p[2], p[4], p[0]))
    print("first:", by_city_age[0], "last:", by_city_age[-1])
    for dept, members in sorted(group_by(people, 1).items()):
        salaries = sorted(m[3] for m in members)
        median = salaries[len(salaries) // 2]
        cities = group_by(members, 2)
        biggest = max(sorted(cities), key=lambda c: len(cities[c]))
        print("%-9s %5d median %6d biggest city %s" % (dept, len(members), median, biggest))
    ages = merge_sort([p[4] * 1000000 + p[3] for p in people])
    print("merge sort ok:", ages == sorted(ages), ages[0], ages[-1])


main()
