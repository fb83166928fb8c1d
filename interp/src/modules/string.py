# `_string`: the parsers under `string.Formatter`, following CPython's
# Objects/stringlib/unicode_format.h (same splitting, same errors).


def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError("expected str, got %s" % type(s).__name__)
    return _markup(s)


def _markup(s):
    pos = 0
    end = len(s)
    while pos < end:
        start = pos
        c = ""
        markup = False
        while pos < end:
            c = s[pos]
            pos += 1
            if c == "{" or c == "}":
                markup = True
                break
        at_end = pos >= end
        length = pos - start
        if c == "}" and markup and (at_end or s[pos] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == "{" and markup:
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[pos] == c:
                pos += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        name, spec, conversion, pos = _field(s, pos)
        yield (literal, name, spec, conversion)


def _field(s, pos):
    end = len(s)
    name_start = pos
    c = ""
    while pos < end:
        c = s[pos]
        pos += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while pos < end and s[pos] != "]":
                pos += 1
            continue
        if c in "}:!":
            break
    else:
        c = ""
    name = s[name_start:pos - 1] if c else s[name_start:pos]
    conversion = None
    if c == "!" or c == ":":
        if c == "!":
            if pos >= end:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[pos]
            pos += 1
            if pos < end:
                c = s[pos]
                pos += 1
                if c == "}":
                    return name, "", conversion, pos
                if c != ":":
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = pos
        count = 1
        while pos < end:
            c = s[pos]
            pos += 1
            if c == "{":
                count += 1
            elif c == "}":
                count -= 1
                if count == 0:
                    return name, s[spec_start:pos - 1], conversion, pos
        raise ValueError("unmatched '{' in format spec")
    if c != "}":
        raise ValueError("expected '}' before end of string")
    return name, "", conversion, pos


def _index_or_str(text):
    if text and text.isdigit() and text.isascii():
        return int(text)
    return text


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError("expected str, got %s" % type(name).__name__)
    pos = 0
    while pos < len(name) and name[pos] not in ".[":
        pos += 1
    return _index_or_str(name[:pos]), _field_rest(name, pos)


def _field_rest(name, pos):
    end = len(name)
    while pos < end:
        c = name[pos]
        pos += 1
        if c == ".":
            start = pos
            while pos < end and name[pos] not in ".[":
                pos += 1
            if pos == start:
                raise ValueError("Empty attribute in format string")
            yield (True, name[start:pos])
        elif c == "[":
            start = pos
            while pos < end and name[pos] != "]":
                pos += 1
            if pos >= end:
                raise ValueError("Missing ']' in format string")
            key = name[start:pos]
            pos += 1
            if key == "":
                raise ValueError("Empty attribute in format string")
            yield (False, _index_or_str(key))
            if pos < end and name[pos] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
