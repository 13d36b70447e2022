#!/usr/bin/env python3
"""Differential test: newsq against DuckDB over the same facts.

    scripts/difftest_duckdb.py [--count N] [--seed S] [--synthetic N | --data DIR] [--keep DIR]
    scripts/difftest_duckdb.py --check DIR        # compare an existing DIR/cases.jsonl only

Builds Fuzz's `newsq-difftest` (plain debug build), which exports the facts (the seeds, or N
synthetic facts per entity) and writes one JSON line per random valid statement: the statement,
its labels, its `explain sql` and newsq's rows. This script creates the DuckDB views of
`SQLTranslator.setup`, runs each SQL and compares the rows: as multisets, and in order on the
statement's numeric/date/id order keys. Prints counts by statement kind and predicate kind and
every mismatch (also to DIR/mismatches.jsonl). Exit 1 on any mismatch or newsq error.
"""
import argparse, collections, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def canon(v):
    """A hashable, engine-neutral form of one cell."""
    if v is None:
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        f = float(v)
        if math.isnan(f):
            return "nan"
        if f == 0:
            return 0.0
        return float("%.9g" % f)
    if isinstance(v, (list, tuple)):
        if len(v) == 0:
            return None  # an empty list counts as null in both
        return tuple(canon(x) for x in v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def compare(case, con):
    """None when newsq and DuckDB agree, else a description of the difference."""
    try:
        cur = con.execute(case["sql"])
        sql_cols = [d[0] for d in cur.description]
        sql_rows = cur.fetchall()
    except Exception as e:  # noqa: BLE001 — any DuckDB failure is a finding
        return {"why": "duckdb error", "error": str(e)}
    cols = case["columns"]
    if sorted(cols) != sorted(sql_cols):
        return {"why": "columns differ", "newsq": cols, "duckdb": sql_cols}
    pos = [sql_cols.index(c) for c in cols]
    ours = [tuple(canon(x) for x in r) for r in case["rows"]]
    theirs = [tuple(canon(r[p]) for p in pos) for r in sql_rows]
    a, b = collections.Counter(ours), collections.Counter(theirs)
    if a != b:
        only_n = list((a - b).elements())[:5]
        only_d = list((b - a).elements())[:5]
        return {"why": "rows differ", "newsq_rows": len(ours), "duckdb_rows": len(theirs),
                "only_newsq": [list(map(str, r)) for r in only_n], "only_duckdb": [list(map(str, r)) for r in only_d]}
    keys = [k for k in case.get("order", []) if k in cols]
    if keys:
        idx = [cols.index(k) for k in keys]
        if [tuple(r[i] for i in idx) for r in ours] != [tuple(r[i] for i in idx) for r in theirs]:
            return {"why": "order differs", "keys": keys}
    return None


def check(directory, quiet=False):
    import duckdb
    con = duckdb.connect()
    stats_kind = collections.Counter()
    stats_pred = collections.Counter()
    bad_kind = collections.Counter()
    bad_pred = collections.Counter()
    mismatches = []
    errors = 0
    with open(os.path.join(directory, "cases.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    for stmt in lines[0]["setup"].strip().split(";\n"):
        if stmt.strip():
            con.execute(stmt)
    for case in lines[1:]:
        if "error" in case:
            errors += 1
            mismatches.append({"q": case["q"], "why": "newsq error", "error": case["error"]})
            continue
        stats_kind[case["kind"]] += 1
        for p in set(case["preds"]) or {"(none)"}:
            stats_pred[p] += 1
        diff = compare(case, con)
        if diff:
            diff.update({"q": case["q"], "sql": case["sql"]})
            mismatches.append(diff)
            bad_kind[case["kind"]] += 1
            for p in set(case["preds"]) or {"(none)"}:
                bad_pred[p] += 1
    with open(os.path.join(directory, "mismatches.jsonl"), "w", encoding="utf-8") as f:
        for m in mismatches:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    total = sum(stats_kind.values())
    if not quiet:
        print(f"checked {total} statements, {len(mismatches) - errors} mismatches, {errors} newsq errors")
        print("by statement kind (checked / mismatched):")
        for k, n in sorted(stats_kind.items()):
            print(f"  {k:16} {n:6} {bad_kind[k]:6}")
        print("by predicate kind (statements containing it; checked / mismatched):")
        for k, n in sorted(stats_pred.items()):
            print(f"  {k:20} {n:6} {bad_pred[k]:6}")
        for m in mismatches[:40]:
            print(json.dumps(m, ensure_ascii=False))
    return total, mismatches


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--synthetic", type=int, default=0, help="facts per entity (0: the seeds)")
    ap.add_argument("--data", action="append", default=[], help="documents to load instead (e.g. newsgen output)")
    ap.add_argument("--keep", help="work directory to keep")
    ap.add_argument("--sidestep-known", action="store_true", help="avoid the forms of differences already reported")
    ap.add_argument("--check", help="only compare DIR/cases.jsonl")
    a = ap.parse_args()
    if a.check:
        _, mm = check(a.check)
        sys.exit(1 if mm else 0)
    subprocess.run(["swift", "build", "--package-path", "Fuzz", "--product", "newsq-difftest"], cwd=ROOT,
                   check=True, stdout=sys.stderr)
    work = a.keep or tempfile.mkdtemp(prefix="newsq-difftest-")
    os.makedirs(work, exist_ok=True)
    cmd = [os.path.join(ROOT, "Fuzz/.build/debug/newsq-difftest"), "--count", str(a.count), "--seed", str(a.seed)]
    if a.synthetic:
        cmd += ["--synthetic", str(a.synthetic)]
    for d in a.data:
        cmd += ["--data", os.path.abspath(d)]
    if a.sidestep_known:
        cmd += ["--sidestep-known"]
    subprocess.run(cmd + [work], check=True)
    _, mm = check(work)
    print(f"work directory: {work}")
    sys.exit(1 if mm else 0)


if __name__ == "__main__":
    main()
