"""Reformat generated log lines: slicing, replace, join, formatting, case
changes and a running checksum of the results.
"""

LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR"]
SERVICES = ["auth", "billing", "search", "storage", "frontend"]


def make_lines(count):
    lines = []
    for i in range(count):
        level = LEVELS[(i * 7) % len(LEVELS)]
        service = SERVICES[(i * 13) % len(SERVICES)]
        lines.append("2024-%02d-%02dT%02d:%02d:%02d [%s] %s: request %d took %dms user=u%05d" % (
            i % 12 + 1, i % 28 + 1, i % 24, i % 60, (i * 7) % 60, level, service,
            i, (i * 37) % 1000, (i * 7919) % 100000))
    return lines


def checksum(text, value):
    for ch in text:
        value = (value * 31 + ord(ch)) % 1000000007
    return value


def transform(line):
    date = line[:10]
    rest = line[20:]
    level_end = rest.index("]")
    level = rest[1:level_end]
    service, message = rest[level_end + 2:].split(": ", 1)
    words = message.split()
    millis = int(words[3][:-2])
    user = words[4].replace("user=", "").upper()
    fields = [date.replace("-", "/"), level.lower().ljust(7), service.title(),
              user, "%5.3fs" % (millis / 1000)]
    return " | ".join(fields)


def main():
    lines = make_lines(60000)
    value = 0
    slow = 0
    out = []
    for line in lines:
        new = transform(line)
        if new.endswith("s") and float(new[-6:-1]) > 0.9:
            slow += 1
        out.append(new)
        value = checksum(new, value)
    print(out[0])
    print(out[-1])
    print("slow:", slow, "checksum:", value)


main()
