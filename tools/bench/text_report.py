"""Build reports the way many scripts do: appending to a string with `+=`
(a text table, CSV lines and an HTML page), then write a summary of them.
CPython makes these appends linear by resizing the string in place.
"""

REGIONS = ["north", "south", "east", "west", "central"]
PRODUCTS = ["widget", "gadget", "gizmo", "doohickey", "sprocket", "flange"]


def records(count):
    for i in range(count):
        yield (i, REGIONS[i * 7 % 5], PRODUCTS[i * 11 % 6], (i * 37) % 500 + 1, (i * 7919) % 10000 / 100)


def text_table(rows):
    out = ""
    out += "%-8s %-8s %-10s %6s %10s\n" % ("id", "region", "product", "qty", "price")
    out += "-" * 46 + "\n"
    for i, region, product, qty, price in rows:
        out += "%-8d %-8s %-10s %6d %10.2f\n" % (i, region, product, qty, price)
    return out


def csv_lines(rows):
    text = "id,region,product,qty,total\n"
    for i, region, product, qty, price in rows:
        text += str(i) + "," + region + "," + product + "," + str(qty) + "," + format(qty * price, ".2f") + "\n"
    return text


def html_page(rows):
    html = "<html><body><table>\n"
    for i, region, product, qty, price in rows:
        html += "<tr>"
        for cell in (i, region, product, qty):
            html += "<td>" + str(cell) + "</td>"
        html += "</tr>\n"
    html += "</table></body></html>\n"
    return html


def checksum(text):
    value = 0
    for line in text.splitlines():
        value = (value * 31 + len(line)) % 1000000007
    return value


def main():
    rows = list(records(60000))
    for build in (text_table, csv_lines, html_page):
        text = build(rows)
        print(build.__name__, len(text), text.count("\n"), checksum(text), text[-40:].split("\n")[-2])


main()
