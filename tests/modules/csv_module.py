# csv: readers and writers, dialects, quoting, DictReader/DictWriter, errors.
import csv
import io

rows = [["name", "qty", "note"], ["apple", 3, 'say "hi"'], ["pear, green", 1.5, "two\nlines"],
        ["", None, " spaced "]]
buf = io.StringIO()
w = csv.writer(buf)
w.writerows(rows)
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()))))

for q in (csv.QUOTE_ALL, csv.QUOTE_MINIMAL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=q, escapechar="\\", lineterminator="\n")
    w.writerow(["a b", 1, 2.5, "c,d", 'q"'])
    print(q, repr(buf.getvalue()))

print(list(csv.reader(['1,"2",3.5', '"x"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["  a,  b"], skipinitialspace=True)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
print(list(csv.reader(['"a""b",c'], doublequote=True)))

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
print(csv.list_dialects().count("pipes"), csv.get_dialect("pipes").delimiter)
buf = io.StringIO()
csv.writer(buf, dialect="pipes").writerow(["x|y", "z"])
print(repr(buf.getvalue()))
csv.unregister_dialect("pipes")
for bad in (lambda: csv.get_dialect("pipes"), lambda: csv.writer(io.StringIO(), delimiter="ab"),
            lambda: list(csv.reader(['"abc'], strict=True)), lambda: list(csv.reader(['a"b"c'], strict=True)),
            lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
            lambda: csv.reader(io.StringIO(), quoting=99)):
    try:
        bad()
    except (csv.Error, TypeError) as e:
        print(type(e).__name__, e)
print(list(csv.reader(['"abc'])))
print(csv.excel.delimiter, csv.excel_tab.delimiter, csv.unix_dialect.lineterminator == "\n")
print(csv.field_size_limit(), csv.field_size_limit(1000), csv.field_size_limit())
try:
    list(csv.reader(["x" * 2000]))
except csv.Error as e:
    print(e)
csv.field_size_limit(131072)

text = "id,name,score\r\n1,ann,9.5\r\n2,bob,7\r\n3,\"cy, jr\",8\r\n"
reader = csv.DictReader(io.StringIO(text))
print(reader.fieldnames)
for row in reader:
    print(dict(row), reader.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["id", "name"], extrasaction="ignore")
dw.writeheader()
dw.writerow({"id": 5, "name": "eve", "junk": 1})
dw.writerows([{"id": 6}, {"name": "only"}])
print(repr(out.getvalue()))
r = csv.reader(io.StringIO("a,b\nc\n"))
print(next(r), r.line_num, r.dialect.delimiter)
sn = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sn.delimiter, csv.Sniffer().has_header("name,age\nann,3\nbob,4\n"))
d = csv.get_dialect("excel")
for attr in ("delimiter", "bogus"):
    try:
        setattr(d, attr, ";")
    except AttributeError as e:
        print("AttributeError", e)
print(d.delimiter, repr(d.escapechar), d.quoting, d.doublequote, d.skipinitialspace, d.strict, type(d).__name__)
