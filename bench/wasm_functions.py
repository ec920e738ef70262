#!/usr/bin/python3
"""Where the bytes of a .wasm go: per-function code size by name, grouped by library.

The .wasm must carry a name section: link with --profiling-funcs (sizes of code and data are
otherwise those of the release build). Names are demangled with c++filt.
usage: /usr/bin/python3 bench/wasm_functions.py FILE.wasm [TOP]
"""
import re
import subprocess
import sys
from collections import defaultdict


def leb128(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def read_name(data, pos):
    length, pos = leb128(data, pos)
    return data[pos:pos + length].decode("utf-8", "replace"), pos + length


def sections(data):
    if data[:4] != b"\0asm":
        raise SystemExit("not a wasm module")
    pos = 8
    while pos < len(data):
        section_id = data[pos]
        size, start = leb128(data, pos + 1)
        yield section_id, start, start + size
        pos = start + size


def imported_function_count(data, start):
    count, pos = leb128(data, start)
    functions = 0
    for _ in range(count):
        _, pos = read_name(data, pos)
        _, pos = read_name(data, pos)
        kind = data[pos]
        pos += 1
        if kind == 0:  # function: type index
            _, pos = leb128(data, pos)
            functions += 1
        elif kind == 1:  # table: reftype + limits
            pos += 1
            flags, pos = leb128(data, pos)
            _, pos = leb128(data, pos)
            if flags & 1:
                _, pos = leb128(data, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb128(data, pos)
            _, pos = leb128(data, pos)
            if flags & 1:
                _, pos = leb128(data, pos)
        elif kind == 3:  # global: valtype + mutability
            pos += 2
        elif kind == 4:  # tag: attribute + type index
            pos += 1
            _, pos = leb128(data, pos)
        else:
            raise SystemExit("unknown import kind %d" % kind)
    return functions


def analyze(data):
    imports = 0
    bodies = []  # sizes in code-section order
    names = {}
    section_sizes = {}
    for section_id, start, end in sections(data):
        label = section_id
        if section_id == 0:
            label, name_end = read_name(data, start)
            if label == "name":
                pos = name_end
                while pos < end:
                    sub_id = data[pos]
                    sub_size, sub_start = leb128(data, pos + 1)
                    if sub_id == 1:
                        count, p = leb128(data, sub_start)
                        for _ in range(count):
                            index, p = leb128(data, p)
                            names[index], p = read_name(data, p)
                    pos = sub_start + sub_size
        elif section_id == 2:
            imports = imported_function_count(data, start)
        elif section_id == 10:
            count, pos = leb128(data, start)
            for _ in range(count):
                size, body = leb128(data, pos)
                bodies.append(size + (body - pos))
                pos = body + size
        section_sizes[label] = section_sizes.get(label, 0) + (end - start)
    functions = [(names.get(imports + i, "<function %d>" % (imports + i)), size) for i, size in enumerate(bodies)]
    return functions, section_sizes


def demangle(names):
    result = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True, text=True, check=True)
    return result.stdout.split("\n")[:len(names)]


GROUPS = [
    (r"nlohmann", "nlohmann/json"),
    (r"std::__2::(basic_[io]?stream|basic_ios|basic_streambuf|basic_stringbuf|ios_base|__stdoutbuf|__stdinbuf|"
     r"locale|num_put|num_get|ctype|codecvt|moneypunct|money_get|money_put|time_get|time_put|numpunct|"
     r"collate|messages|__num_get|__num_put|__time|__money|use_facet|basic_filebuf)", "libc++ iostreams/locale"),
    (r"emscripten::|embind|_embind_|__embind", "Embind"),
    (r"hooksmith::detail::", "hooksmith engine (detail)"),
    (r"hooksmith::", "hooksmith (public API, webhook, crypto)"),
    (r"^(virtual thunk to |non-virtual thunk to )?std::|\bstd::__2::|operator new|operator delete|__cxa|__cxxabiv1", "libc++ containers/strings/runtime"),
]


def group_of(name):
    for pattern, group in GROUPS:
        if re.search(pattern, name):
            return group
    if "::" not in name and "(" not in name:
        return "libc / runtime (C functions)"
    return "other C++"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    with open(path, "rb") as f:
        data = f.read()
    functions, section_sizes = analyze(data)
    named = demangle([name for name, _ in functions])
    total_code = sum(size for _, size in functions)
    print("%s: %d bytes, %d functions, code %d bytes" % (path, len(data), len(functions), total_code))
    print("\nsections (bytes):")
    for label, size in sorted(section_sizes.items(), key=lambda item: -item[1]):
        print("  %-20s %9d" % ({1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
                                7: "export", 8: "start", 9: "elem", 10: "code", 11: "data", 12: "datacount",
                                13: "tag"}.get(label, label), size))
    groups = defaultdict(lambda: [0, 0])
    for name, (_, size) in zip(named, functions):
        groups[group_of(name)][0] += size
        groups[group_of(name)][1] += 1
    print("\ncode by group (bytes, functions, share of code):")
    for group, (size, count) in sorted(groups.items(), key=lambda item: -item[1][0]):
        print("  %-42s %9d %6d %5.1f%%" % (group, size, count, 100.0 * size / total_code))
    print("\nlargest %d functions:" % top)
    for name, (_, size) in sorted(zip(named, functions), key=lambda item: -item[1][1])[:top]:
        print("  %7d  %s" % (size, name[:160]))


if __name__ == "__main__":
    main()
