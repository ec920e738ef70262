#!/usr/bin/env python3
"""Builds the seed corpora fuzz/corpus-<target>/ (git-ignored) from the conformance table
(tests/conformance/expected.json), the spec's examples (/work/shared/spec or $HOOKSMITH_SPEC_DIR)
and the literals of the webhook tests. One file per seed, named by its SHA-1."""
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC_DIR = os.environ.get("HOOKSMITH_SPEC_DIR", "/work/shared/spec")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def spec_text(name):
    return read(os.path.join(SPEC_DIR, name)).decode("utf-8", "replace")


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)


def cpp_literals(path):
    """Plain and raw C++ string literals of a test file (escapes left as written in plain ones)."""
    text = read(path).decode("utf-8", "replace")
    for match in re.finditer(r'R"\((.*?)\)"', text, re.S):
        yield match.group(1)
    for match in re.finditer(r'(?<![R\w])"((?:[^"\\\n]|\\.)*)"', text):
        yield bytes(match.group(1), "utf-8").decode("unicode_escape", "replace")


def write_corpus(target, seeds):
    folder = os.path.join(ROOT, "fuzz", f"corpus-{target}")
    os.makedirs(folder, exist_ok=True)
    count = 0
    for seed in seeds:
        data = seed.encode("utf-8", "surrogateescape") if isinstance(seed, str) else seed
        if not data or len(data) > 64 * 1024:
            continue
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(data)
            count += 1
    print(f"corpus-{target}: {count} new seeds, {len(os.listdir(folder))} in all")


def main():
    table = json.loads(read(os.path.join(ROOT, "tests/conformance/expected.json")) or b"{}")
    cases = table.get("cases", [])
    templating = spec_text("templating.md")
    webhook = spec_text("webhook.md")
    spec_all = templating + webhook

    # Templates: every conformance template, and every inline `{{ … }}` / `{% … %}` of the spec.
    spec_templates = [m for m in re.findall(r"`([^`\n]+)`", spec_all) if "{{" in m or "{%" in m]
    templates = [case["template"] for case in cases] + spec_templates
    write_corpus("template", templates)

    # Webhook configs: the spec's JSON examples, the test fixtures, and the raw JSON literals of
    # the webhook tests; each config also paired (after a NUL) with the spec's context.
    context = read(os.path.join(ROOT, "tests/core/webhook/fixtures/spec_context.json"))
    configs = [block for block in re.findall(r"```json\n(.*?)```", webhook, re.S) if '"url"' in block]
    for name in ("tests/core/webhook/fixtures/spec_config.json", "tests/cli/fixtures/spec-config.json"):
        configs.append(read(os.path.join(ROOT, name)).decode("utf-8", "replace"))
    tests_dir = os.path.join(ROOT, "tests/core/webhook")
    for name in sorted(os.listdir(tests_dir)) if os.path.isdir(tests_dir) else []:
        if name.endswith(".cpp"):
            configs += [s for s in cpp_literals(os.path.join(tests_dir, name))
                        if s.lstrip().startswith("{") and '"url"' in s]
    configs = [c for c in configs if c.strip()]
    write_corpus("webhook", configs + [c.encode() + b"\0" + context for c in configs if context])

    # Context JSON: every conformance context, the spec's context, the benchmark's context lines'
    # shapes and number/string edge cases (the differential target compares with nlohmann).
    contexts = [case.get("context", "{}") for case in cases] + ([context] if context else [])
    contexts += ['{"n": -0, "f": -0.0, "big": 18446744073709551616, "i": -9223372036854775808}',
                 '{"f": [19.99, 1e22, 1e23, 4.9406564584124654e-324, 1e-400, 0.1000000000000000055511151231257827]}',
                 '{"s": "\\u00e9\\ud83d\\ude00\\n\\"\\\\\\/", "a": 1, "a": 2}', '\ufeff{}', '[[[[]]]]',
                 '{"userId": "user-7", "numPriorSessions": 7, "parameter": {"item": "red shoes #7", "price": 19.99}}']
    write_corpus("context", contexts + [b"\xef\xbb\xbf{}", b"{}\0x", b'{"a": "\xed\xa0\x80"}'])

    # JsonDocument against nlohmann: the configs and contexts above, and the JSON literals of the
    # webhook tests (retry policies, answers, typed values, hostile texts).
    documents = configs + contexts
    for name in sorted(os.listdir(tests_dir)) if os.path.isdir(tests_dir) else []:
        if name.endswith(".cpp"):
            documents += [s for s in cpp_literals(os.path.join(tests_dir, name)) if s.lstrip()[:1] in ("{", "[", '"')]
    write_corpus("json_document", documents + [b"\xef\xbb\xbf[1e400]", b"[1]\0x", b'"\xed\xa0\x80"', b"1.0", b"-0", b"2.50"])

    # URLs: every http(s)/other-scheme URL in the spec and the URL tests.
    url_pattern = r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s`\"')]*"
    urls = re.findall(url_pattern, spec_all)
    for name in ("test_url.cpp", "test_render.cpp", "test_config.cpp"):
        for literal in cpp_literals(os.path.join(tests_dir, name)):
            if "://" in literal or literal.startswith(("http", "javascript:", "file:")):
                urls.append(literal)
    write_corpus("url", urls + ["javascript:alert(1)", "file:///etc/passwd", "http://", "https://[::1]:65536/"])

    # Encoders: the strings of the conformance contexts, the spec's form vector, NUL-split pairs.
    strings = ["a b", "*-._~!'() é+&=\n/?%", "a b\0*-._~!'() é+&=\n/?%", "\x7f\x00\x1f\"\\/"]
    for case in cases:
        try:
            strings += list(json_strings(json.loads(case.get("context", "{}"))))
        except ValueError:
            pass
    strings += [case.get("output", "") for case in cases if isinstance(case.get("output"), str)]
    write_corpus("encode", strings + [b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82"])

    # Crypto: the spec's signing vector, Basic credentials, base64 texts.
    write_corpus("crypto", [
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}",
        "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        "dXNlcjpzZWNyZXQ=", "dXNlcjpzZWNyZXQ", "Zm9vYg==", "Zm9vYmE=", "abc", "=", "A===",
    ])
    return 0


if __name__ == "__main__":
    sys.exit(main())
