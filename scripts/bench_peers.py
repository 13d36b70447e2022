#!/usr/bin/env python3
"""The peers' side of scripts/bench.sh: DuckDB, SQLite and jionlp on the same facts and text.

  bench_peers.py sql --tables DIR --queries FILE [--runs N] [--sqlite-file F]   -> JSON on stdout
      loads DIR/*.csv (the facts newsq exported) into DuckDB and SQLite in memory, indexes the
      filtered columns, runs each statement's SQL (every row fetched), medians after a warm-up,
      fingerprints compared with newsq's; memory from duckdb_memory().
  bench_peers.py jionlp --docs DIR --bytes N [--budget SECONDS]                 -> JSON on stdout
      ner.extract_time + ner.extract_money + recognize_location per document on the first N
      bytes of DIR (sorted paths); when the budget runs out it stops and scales.
  bench_peers.py report --results DIR                                            -> the table
      prints one markdown table from the JSON files in DIR; exits 1 on a result mismatch.

Numbers are canonicalised exactly as newsbench's Canonical.swift: whole numbers without a
fraction, others with two decimals; rows sorted by code point; FNV-1a 64 over lines joined by \\n.
"""
import csv, json, os, statistics, sys, time

INT_COLS = {"id", "article", "year", "mentions"}
REAL_COLS = {"investment", "value", "area"}
INDEXED = ["id", "city", "province", "county", "date", "investment", "name", "host", "kind", "year", "currency"]


def arg(name, default=None):
    if name in sys.argv:
        i = sys.argv.index(name)
        if i + 1 < len(sys.argv):
            return sys.argv[i + 1]
    return default


def canon(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        r = round(v)
        if abs(v - r) < 1e-6 and abs(r) < 9e15:
            return str(int(r))
        c = int(round(v * 100))
        sign = "-" if c < 0 else ""
        c = abs(c)
        return f"{sign}{c // 100}.{c % 100:02d}"
    if isinstance(v, (list, tuple)):
        return json.dumps(list(v), ensure_ascii=False, separators=(",", ":"))
    return str(v)


def fnv1a(lines):
    h = 0xcbf29ce484222325
    data = "\n".join(lines).encode("utf-8")
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return format(h, "x")


def fingerprint(cols, rows, mode):
    if mode == "#":
        return len(rows), ""
    if not rows:
        return 0, fnv1a([])
    if mode == "*":
        lines = ["\t".join(canon(x) for x in r) for r in rows]
    else:
        if mode not in cols:
            return len(rows), f"no column {mode}"
        k = cols.index(mode)
        lines = [canon(r[k]) for r in rows]
    lines.sort(key=lambda s: s.encode("utf-8"))
    return len(rows), fnv1a(lines)


def load_queries(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            p = line.split("\t")
            if len(p) >= 4:
                out.append({"name": p[0], "mode": p[1], "newsq": p[2], "sql": p[3]})
    return out


def csv_tables(d):
    for fn in sorted(os.listdir(d)):
        if fn.endswith(".csv"):
            with open(os.path.join(d, fn), encoding="utf-8", newline="") as f:
                header = next(csv.reader(f), [])
            yield fn[:-4], os.path.join(d, fn), header


def sql_type(c):
    return "BIGINT" if c in INT_COLS else "DOUBLE" if c in REAL_COLS else "VARCHAR"


def qid(c):
    return '"' + c.replace('"', '""') + '"'


def timed(run, runs):
    """Median after a warm-up: at least `runs` runs, more (up to 1,000) while they add up to
    under 0.2 s, as newsbench times newsq."""
    run()  # warm-up (its rows are the ones compared)
    ts = []
    while len(ts) < runs or (sum(ts) < 0.2 and len(ts) < 1000):
        t0 = time.perf_counter()
        run()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1000 if ts else -1, [round(t * 1000, 3) for t in ts[:20]]


def cmd_sql():
    tables, queries, runs = arg("--tables"), load_queries(arg("--queries")), int(arg("--runs", "5"))
    out = {"duckdb": None, "sqlite": None}
    # DuckDB
    try:
        import duckdb
        con = duckdb.connect(":memory:")
        t0 = time.perf_counter()
        rows = 0
        for name, path, header in csv_tables(tables):
            sel = ", ".join(f"TRY_CAST({qid(c)} AS {sql_type(c)}) AS {qid(c)}" for c in header) or "*"
            con.execute(f"CREATE TABLE {qid(name)} AS SELECT {sel} FROM read_csv(?, header=true, all_varchar=true, quote='\"', escape='\"')", [path])
            rows += con.execute(f"SELECT count(*) FROM {qid(name)}").fetchone()[0]
        load_s = time.perf_counter() - t0
        mem = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()[0]
        res = []
        for q in queries:
            r = {"name": q["name"]}
            try:
                holder = {}
                def run():
                    cur = con.execute(q["sql"])
                    holder["rows"] = cur.fetchall()
                    holder["cols"] = [d[0] for d in cur.description]
                r["median_ms"], r["runs_ms"] = timed(run, runs)
                r["rows"], r["hash"] = fingerprint(holder["cols"], holder["rows"], q["mode"])
            except Exception as e:  # a peer failing one statement is reported, not fatal
                r["error"] = str(e).splitlines()[0]
            res.append(r)
        out["duckdb"] = {"version": duckdb.__version__, "rows": rows, "load_s": load_s, "memory_bytes": mem,
                         "bytes_per_fact": (mem / rows if rows else 0), "queries": res}
    except ImportError as e:
        out["duckdb"] = {"skipped": f"duckdb not installed ({e})"}
    # SQLite
    import sqlite3
    db = sqlite3.connect(":memory:")
    t0 = time.perf_counter()
    rows = 0
    for name, path, header in csv_tables(tables):
        types = {"BIGINT": "INTEGER", "DOUBLE": "REAL", "VARCHAR": "TEXT"}
        db.execute(f"CREATE TABLE {qid(name)} (" + ", ".join(f"{qid(c)} {types[sql_type(c)]}" for c in header) + ")")
        conv = [(int if c in INT_COLS else float if c in REAL_COLS else str) for c in header]
        with open(path, encoding="utf-8", newline="") as f:
            rd = csv.reader(f)
            next(rd, None)
            batch = []
            for rec in rd:
                vals = []
                for k, fn in enumerate(conv):
                    x = rec[k] if k < len(rec) else ""
                    if x == "":
                        vals.append(None)
                    else:
                        try:
                            vals.append(fn(x))
                        except ValueError:
                            vals.append(None)
                batch.append(vals)
                if len(batch) >= 50000:
                    db.executemany(f"INSERT INTO {qid(name)} VALUES ({','.join('?' * len(header))})", batch)
                    rows += len(batch)
                    batch = []
            if batch:
                db.executemany(f"INSERT INTO {qid(name)} VALUES ({','.join('?' * len(header))})", batch)
                rows += len(batch)
        for c in INDEXED:
            if c in header:
                db.execute(f"CREATE INDEX {qid(name + '_' + c)} ON {qid(name)} ({qid(c)})")
    db.commit()
    load_s = time.perf_counter() - t0
    pages = db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
    res = []
    for q in queries:
        r = {"name": q["name"]}
        try:
            holder = {}
            def run():
                cur = db.execute(q["sql"])
                holder["rows"] = cur.fetchall()
                holder["cols"] = [d[0] for d in cur.description]
            r["median_ms"], r["runs_ms"] = timed(run, runs)
            r["rows"], r["hash"] = fingerprint(holder["cols"], holder["rows"], q["mode"])
        except Exception as e:
            r["error"] = str(e).splitlines()[0]
        res.append(r)
    out["sqlite"] = {"version": sqlite3.sqlite_version, "rows": rows, "load_s": load_s, "memory_bytes": pages,
                     "bytes_per_fact": (pages / rows if rows else 0), "queries": res}
    if arg("--sqlite-file"):
        disk = sqlite3.connect(arg("--sqlite-file"))
        db.backup(disk)
        disk.close()
    print(json.dumps(out, ensure_ascii=False))


def read_doc(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return None


def cmd_jionlp():
    limit, budget = int(arg("--bytes", "5000000")), float(arg("--budget", "120"))
    paths = []
    for root, _, files in os.walk(arg("--docs")):
        paths += [os.path.join(root, f) for f in files]
    paths.sort()
    texts, total = [], 0
    for p in paths:
        t = read_doc(p)
        if not t:
            continue
        n = len(t.encode("utf-8"))
        if total + n > limit:
            break
        texts.append(t)
        total += n
    try:
        import io, contextlib
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp as jio
            jio.ner.extract_time("2024年前三季度")  # loads its dictionaries before the clock starts
            jio.ner.extract_money("10亿元")
            jio.recognize_location("山西省临汾市尧都区")
    except Exception as e:
        print(json.dumps({"skipped": f"jionlp not available ({type(e).__name__}: {e})"}, ensure_ascii=False))
        return
    c0, w0 = time.process_time(), time.perf_counter()
    done, found = 0, 0
    for t in texts:
        for line in t.split("\n"):
            if not line.strip():
                continue
            found += len(jio.ner.extract_time(line)) + len(jio.ner.extract_money(line))
            loc = jio.recognize_location(line)
            found += len(loc.get("domestic", []) or [])
        done += len(t.encode("utf-8"))
        if time.perf_counter() - w0 > budget:
            break
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    print(json.dumps({"version": getattr(jio, "__version__", "?"), "sample_bytes": total, "measured_bytes": done,
                      "scaled": done < total, "cpu_s": cpu, "wall_s": wall, "mentions": found,
                      "mb_per_cpu_s": done / 1e6 / cpu if cpu else 0}, ensure_ascii=False))


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt(x, digits=1):
    if x is None:
        return "—"
    if isinstance(x, str):
        return x
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}" if x >= 1 else f"{x:.3f}"


def cmd_report():
    d = arg("--results")
    out, mismatches = [], []
    targets_missed = []
    out.append("| part | measure | newsq | peer | ratio | target |")
    out.append("| --- | --- | --- | --- | --- | --- |")
    jl = load(os.path.join(d, "jionlp.json")) or {"skipped": "not run"}
    for label, fn in (("seeds ×N", "text_seeds.json"), ("synthetic", "text_synth.json")):
        t = load(os.path.join(d, fn))
        if not t:
            continue
        mb = t["bytes"] / 1e6
        ready = t.get("engine_ready")
        peer = "jionlp " + (fmt(jl.get("mb_per_cpu_s"), 2) + " MB/CPU-s" + (" (scaled)" if jl.get("scaled") else "") if "skipped" not in jl else "skipped: " + jl["skipped"])
        ratio = (t["mb_per_cpu_s"] / jl["mb_per_cpu_s"]) if ready and jl.get("mb_per_cpu_s") else None
        out.append(f"| ingest {label} ({mb:.1f} MB, {t['files']} files) | MB per CPU-second | {fmt(t['mb_per_cpu_s'])} | {peer} | {fmt(ratio) + '×' if ratio else '—'} | ≥ 50 |")
        if t["mb_per_cpu_s"] < 50:
            targets_missed.append(f"ingest {label}: {t['mb_per_cpu_s']:.1f} MB/CPU-s < 50")
        out.append(f"| ingest {label} | wall MB/s, all cores | {fmt(t['mb_per_wall_s'])} | | | |")
        out.append(f"| ingest {label} | facts | {t['rows']:,} | | | |")
        for r in t.get("recall", []):
            rec = r["found"] / r["planted"] if r["planted"] else 0
            out.append(f"| recall {label} | {r['entity']} | {rec:.1%} of {r['planted']:,} | | | |")
    for label, nf, pf in (("rows from generated text", "text_synth.json", "peers_text.json"), ("rows added via add(facts:)", "synth.json", "peers_synth.json")):
        n, p = load(os.path.join(d, nf)), load(os.path.join(d, pf))
        if not n or not n.get("queries"):
            continue
        ready = n.get("engine_ready")
        duck = (p or {}).get("duckdb") or {}
        lite = (p or {}).get("sqlite") or {}
        out.append(f"| queries, {label} | newsq rows {n['rows']:,} | ms (median) | DuckDB / SQLite ms | newsq ÷ faster | ≤ 0.5 |")
        dq = {q["name"]: q for q in duck.get("queries", [])}
        sq = {q["name"]: q for q in lite.get("queries", [])}
        for q in n["queries"]:
            a, b = dq.get(q["name"], {}), sq.get(q["name"], {})
            peers = [x["median_ms"] for x in (a, b) if "median_ms" in x and x["median_ms"] >= 0]
            best = min(peers) if peers else None
            ratio = q["median_ms"] / best if best and q["median_ms"] >= 0 else None
            check = []
            for pname, x in (("DuckDB", a), ("SQLite", b)):
                if "rows" in x and "error" not in q:
                    if (x["rows"], x.get("hash", "")) != (q["rows"], q.get("hash", "")):
                        check.append(f"≠{pname} ({q['rows']} vs {x['rows']} rows)")
            status = "" if not check else " " + " ".join(check)
            if check and ready:
                mismatches.append(f"{label} / {q['name']}: {' '.join(check)}")
            if "error" in q:
                status += " newsq error: " + q["error"][:60]
            peer_txt = f"{fmt(a.get('median_ms'), 2) if 'median_ms' in a else a.get('error', '—')[:40]} / {fmt(b.get('median_ms'), 2) if 'median_ms' in b else b.get('error', '—')[:40]}"
            out.append(f"| {q['name']} | {q['rows']:,} rows{status} | {fmt(q['median_ms'], 2)} | {peer_txt} | {fmt(ratio, 2) if ratio else '—'} | |")
            if ratio and ratio > 0.5:
                targets_missed.append(f"{label} / {q['name']}: {ratio:.2f}× the faster peer")
        if duck.get("bytes_per_fact") is not None or n.get("bytes_per_fact"):
            dpf = duck.get("bytes_per_fact")
            out.append(f"| memory, {label} | bytes per fact | {fmt(n.get('bytes_per_fact'))} (Engine.storeBytes) | DuckDB {fmt(dpf)} (duckdb_memory) / SQLite {fmt(lite.get('bytes_per_fact'))} (pages) | {fmt(n['bytes_per_fact'] / dpf, 2) + '×' if dpf and n.get('bytes_per_fact') else '—'} | ≤ 1 |")
            if dpf and n.get("bytes_per_fact", 0) > dpf:
                targets_missed.append(f"memory {label}: {n['bytes_per_fact']:.0f} > DuckDB {dpf:.0f} bytes per fact")
        for pname, x in (("DuckDB", duck), ("SQLite", lite)):
            if "skipped" in x:
                out.append(f"| {pname} | skipped | | {x['skipped']} | | |")
    s = load(os.path.join(d, "startup.json"))
    if s and s.get("results"):
        res = {r["command"]: r for r in s["results"]}
        nq = next((r for c, r in res.items() if "newsq" in c), None)
        sq = next((r for c, r in res.items() if "sqlite3" in c), None)
        if nq and sq:
            ratio = nq["median"] / sq["median"]
            out.append(f"| start-up | process start to first answer (ms, median) | {nq['median'] * 1000:.2f} | sqlite3 {sq['median'] * 1000:.2f} | {ratio:.2f}× | ≤ 3 |")
            if ratio > 3:
                targets_missed.append(f"start-up: {ratio:.1f}× sqlite3")
    print("\n".join(out))
    if targets_missed:
        print("\nTargets missed:\n" + "\n".join("- " + t for t in targets_missed))
    notes = load(os.path.join(d, "notes.json")) or []
    for t in (load(os.path.join(d, "text_seeds.json")), load(os.path.join(d, "text_synth.json"))):
        if t and not t.get("engine_ready"):
            notes.append(f"engine returned no facts for {t['label']} (stub?): result comparisons not enforced")
            break
    if notes:
        print("\nNotes:\n" + "\n".join("- " + n for n in notes))
    if mismatches:
        print("\nRESULT MISMATCHES:\n" + "\n".join("- " + m for m in mismatches))
        sys.exit(1)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    {"sql": cmd_sql, "jionlp": cmd_jionlp, "report": cmd_report}.get(cmd, lambda: (print(__doc__), sys.exit(2)))()
