#!/usr/bin/python3
"""Python Jinja2 contender of the benchmark (issue 8): the workload's URL and data templates,
one request per context line, read as JSON text -> URL + compact JSON body.

usage: /usr/bin/python3 bench/jinja2_batch.py WORKLOAD.json CONTEXTS.jsonl OUT.jsonl REPEATS
Prints one JSON line: {"name", "count", "runs", "cpu_runs"}: wall and process-CPU us per webhook; OUT gets [url, body] lines.
"""
import json
import sys
import time

import jinja2


def main():
    workload_path, contexts_path, out_path, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    with open(workload_path, encoding="utf-8") as f:
        workload = json.load(f)
    # missing: "jinja" is plain Jinja2 behaviour: the default Undefined, no autoescape.
    env = jinja2.Environment(autoescape=False, undefined=jinja2.Undefined)
    url_template = env.from_string(workload["url"])
    fields = [(field["key"], env.from_string(field["value"])) for field in workload["data"]]
    with open(contexts_path, encoding="utf-8") as f:
        lines = [line for line in f.read().split("\n") if line]

    def render_all():
        out = []
        append = out.append
        for line in lines:
            context = json.loads(line)
            url = url_template.render(context)
            body = json.dumps({key: template.render(context) for key, template in fields},
                              ensure_ascii=False, separators=(",", ":"))
            append((url, body))
        return out

    render_all()  # warm-up (template caches, allocator)
    runs, cpu_runs = [], []
    result = None
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        result = render_all()
        cpu_runs.append((time.process_time() - cpu_start) * 1e6 / len(lines))
        runs.append((time.perf_counter() - start) * 1e6 / len(lines))
    with open(out_path, "w", encoding="utf-8") as f:
        for url, body in result:
            f.write(json.dumps([url, body], ensure_ascii=False, separators=(",", ":")) + "\n")
    print(json.dumps({"name": "Jinja2 %s (Python %s)" % (jinja2.__version__, sys.version.split()[0]),
                      "count": len(lines), "runs": runs, "cpu_runs": cpu_runs}))


if __name__ == "__main__":
    main()
