#!/usr/bin/env python3
"""Generate the gazetteer's static tables (Sources/NewsExtract/Gazetteer/Data/Gazetteer{Index,Tables,Trie}Data.swift)
and its source table (Tests/NewsExtractTests/GazetteerSource/GazetteerData.swift, read only by
the tests that check the static tables) from the shared data folder (../shared/data beside the
repository).

The source table is one big raw string literal, never an array literal.  Sections, one record a
line, tab-separated:

  D code level name aliases      a Chinese division (code 6 digits; level p/c/k/z;
                                 z = statistical zone xx71-xx73, county level but not legal);
                                 aliases separated by '|' (short names; old names marked '~')
  T county chars                 townships of a county: 'NNNname,NNNname,...'
                                 (code = county code + NNN)
  W level name full country      a foreign place (level n = country, c = city)
  F pairs                        traditional->simplified pairs for characters used in names

Licences of the data, copied beside the static tables: LICENSE-nbs (WTFPL), LICENSE-jionlp
(Apache-2.0, aliases, renames, world list), LICENSE-opencc (Apache-2.0, 繁→简 characters).

Usage: python3 scripts/gen_gazetteer.py [DATA_ROOT]   (default ../shared/data beside the repository)
"""
import csv
import re
import json
import os
import shutil
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
DIV = os.path.join(ROOT, "divisions")
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                       "Sources", "NewsExtract", "Gazetteer", "Data")
# The source table is only read by tests, which check the static tables against it.
TEST_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "Tests", "NewsExtractTests", "GazetteerSource")

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def read_csv(name):
    with open(os.path.join(DIV, "nbs-2023", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    provinces = read_csv("provinces.csv")
    cities = read_csv("cities.csv")
    areas = read_csv("areas.csv")
    streets = read_csv("streets.csv")

    # jionlp short names by 6-digit code and level
    alias = {}
    with open(os.path.join(DIV, "jionlp-aliases", "admin_levels_1_3.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            level, name, code, al, _p, _c = line.rstrip("\n").split("\t")
            if code and al and len(al) >= 2 and al != name:
                alias[(level, code, name)] = al

    records = {}  # code6 -> [level, name, [aliases]]
    order = []

    def add(code6, level, name, aliases):
        records[code6] = [level, name, [a for a in aliases if a and a != name]]
        order.append(code6)

    for p in provinces:
        c6 = p["code"] + "0000"
        add(c6, "p", p["name"], [alias.get(("province", c6, p["name"]))])
    # Hong Kong, Macao, Taiwan: province level only (NBS publishes no codes for their parts).
    hmt = json.load(open(os.path.join(DIV, "nbs-2023", "HK-MO-TW.json"), encoding="utf-8"))
    hmt_codes = {"香港特别行政区": ("810000", "香港"), "澳门特别行政区": ("820000", "澳门"),
                 "台湾省": ("710000", "台湾")}
    for name in hmt:
        code, al = hmt_codes[name]
        add(code, "p", name, [al])

    city_names = {}
    for c in cities:
        if c["name"] in PLACEHOLDERS:
            continue
        c6 = c["code"] + "00"
        city_names[c6] = c["name"]
        add(c6, "c", c["name"], [alias.get(("city", c6, c["name"]))])

    def fallback_alias(name):
        for suf in ("自治县", "自治旗", "新区", "县", "区", "市", "旗"):
            if name.endswith(suf) and len(name) - len(suf) >= 2:
                return name[: -len(suf)]
        return None

    for a in areas:
        code, name = a["code"], a["name"]
        if name in PLACEHOLDERS:
            continue
        if code.endswith("00") and city_names.get(code) == name:
            continue  # 东莞市 repeated as its own county row
        zone = code[4:6] in ("71", "72", "73")
        level = "z" if zone else "k"
        als = [] if zone else [alias.get(("county", code, name)) or fallback_alias(name)]
        add(code, level, name, als)

    # Renames: old names mean the current division (襄樊 → 襄阳市).
    current_names = set()
    for lv, name, als in records.values():
        current_names.add(name)
        current_names.update(als)
    by_path = {}
    for code, (lv, name, _) in records.items():
        if lv == "p":
            by_path[(name,)] = code
    for code, (lv, name, _) in records.items():
        if lv == "c":
            by_path[(records[code[:2] + "0000"][1], name)] = code
    for code, (lv, name, _) in records.items():
        if lv in "kz":
            p = records[code[:2] + "0000"][1]
            c = records.get(code[:4] + "00")
            by_path[(p, c[1] if c and c[0] == "c" else None, name)] = code
    with open(os.path.join(DIV, "jionlp-aliases", "china_location_change.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "=>" not in line:
                continue
            left, right = line.split("=>")
            l = left.split("\t")
            r = right.split("\t")
            old = l[2:]  # prov, alias, city, alias, [county, alias]
            if len(old) >= 6 and old[4]:
                olds = [old[4], old[5]]
                if len(r) < 3:
                    continue
                target = by_path.get((r[0], r[1] or None, r[2])) or by_path.get((r[0], None, r[2]))
            elif len(old) >= 4 and old[2]:
                olds = [old[2], old[3]]
                target = by_path.get((r[0], r[1])) if len(r) >= 2 and (len(r) < 3 or not r[2]) else None
            else:
                continue
            if not target:
                continue
            for o in olds:
                if o and len(o) >= 2 and o not in current_names:
                    if "~" + o not in records[target][2]:
                        records[target][2].append("~" + o)

    # Townships by county.
    towns = {}
    for s in streets:
        towns.setdefault(s["areaCode"], []).append(s["code"][6:] + s["name"])

    # World.
    world = []
    with open(os.path.join(ROOT, "world", "world_location.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            short, full, capital = parts[0], parts[1], parts[2]
            world.append(("n", short, full, short))
            if short == "中国":
                continue
            cities_ = [capital] + (parts[3].split("/") if len(parts) > 3 and parts[3] else [])
            for c in cities_:
                if c and len(c) >= 2 and c != short and c not in current_names:
                    world.append(("c", c, c, short))

    # Traditional characters used in names.
    used = set()
    for lv, name, als in records.values():
        used.update(name)
        for a in als:
            used.update(a)
    for v in towns.values():
        for t in v:
            used.update(t[3:])
    for _, n, fu, _ in world:
        used.update(n)
        used.update(fu)
    pairs = []
    with open(os.path.join(ROOT, "opencc", "TSCharacters.txt"), encoding="utf-8") as f:
        for line in f:
            t, s = line.rstrip("\n").split("\t")
            s = s.split(" ")[0]
            if len(t) == 1 and len(s) == 1 and s in used and t != s:
                pairs.append(t + s)

    lines = []
    for code in order:
        lv, name, als = records[code]
        lines.append("D\t%s\t%s\t%s\t%s" % (code, lv, name, "|".join(als)))
    for code in sorted(towns):
        lines.append("T\t%s\t%s" % (code, ",".join(towns[code])))
    for lv, n, fu, co in world:
        lines.append("W\t%s\t%s\t%s\t%s" % (lv, n, fu, co))
    lines.append("F\t" + "".join(pairs))
    body = "\n".join(lines)
    assert '"#' not in body

    os.makedirs(TEST_DIR, exist_ok=True)
    with open(os.path.join(TEST_DIR, "GazetteerData.swift"), "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_gazetteer.py from NBS 2023 division codes (WTFPL),\n")
        f.write("// JioNLP aliases, renames and world list (Apache-2.0) and OpenCC characters (Apache-2.0).\n")
        f.write("// Licences: LICENSE-nbs, LICENSE-jionlp, LICENSE-opencc in Sources/NewsExtract/Gazetteer/Data. Do not edit.\n\n")
        f.write("/// The gazetteer's source table; see `scripts/gen_gazetteer.py` for its format.\n")
        f.write("let gazetteerData = #\"\"\"\n")
        f.write(body)
        f.write("\n\"\"\"#\n")
    write_index(order, records, world, pairs, towns)
    write_trie(order, records, world)
    shutil.copy(os.path.join(DIV, "nbs-2023", "LICENSE"), os.path.join(OUT_DIR, "LICENSE-nbs"))
    shutil.copy(os.path.join(DIV, "jionlp-aliases", "LICENSE"), os.path.join(OUT_DIR, "LICENSE-jionlp"))
    shutil.copy(os.path.join(ROOT, "opencc", "LICENSE"), os.path.join(OUT_DIR, "LICENSE-opencc"))
    n = {k: sum(1 for r in records.values() if r[0] == k) for k in "pckz"}
    print("divisions", n, "townships", sum(len(v) for v in towns.values()), "world", len(world),
          "fold pairs", len(pairs), "bytes", len(body.encode()))


B64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/"


def b64(n, width=4):
    assert 0 <= n < 64 ** width
    return "".join(B64[(n >> (6 * (width - 1 - k))) & 63] for k in range(width))


def write_index(order, records, world, pairs, towns):
    """GazetteerIndexData.swift: the entries with their hierarchy filled in, a sorted name
    index and the fold pairs, as static bytes read in place (no parsing at start-up).

    Mirrors what `Gazetteer.init` computes from GazetteerData.swift (entry order, hierarchy,
    names of two or more characters); GazetteerIndexTests check that both agree.
    """
    entries = []  # [kind, code, name, province, city, county, country]
    parents = []
    by_code = {}
    names = {}  # name -> [entry index]

    def name(n, idx):
        if len(n) >= 2:
            lst = names.setdefault(n, [])
            if idx not in lst:
                lst.append(idx)

    for code in order:
        lv, nm, als = records[code]
        idx = len(entries)
        province = city = county = None
        parent = -1
        pcode, ccode = code[:2] + "0000", code[:4] + "00"
        if lv == "p":
            province = nm
        elif lv == "c":
            if pcode in by_code:
                parent = by_code[pcode]
                province = entries[parent][2]
            city = nm
        else:
            if pcode in by_code:
                parent = by_code[pcode]
                province = entries[parent][2]
            c = by_code.get(ccode)
            if c is not None and c != parent:
                city = entries[c][2]
                parent = c
            elif code[:2] in ("11", "12", "31", "50"):
                city = province
            county = nm
        entries.append([lv, code, nm, province, city, county, None])
        parents.append(parent)
        by_code[code] = idx
        name(nm, idx)
        for a in als:
            if not a:
                continue
            name(a[1:] if a.startswith("~") else a, idx)
    for lv, n, fu, co in world:
        idx = len(entries)
        entries.append(["n" if lv == "n" else "w", "", n, None, None, None, co])
        parents.append(-1)
        name(n, idx)
        if fu != n:
            name(fu, idx)

    rec = []
    rec_off = []
    off = 0
    for e in entries:
        line = "\t".join(x or "" for x in e) + "\n"
        rec_off.append(b64(off))
        rec.append(line)
        off += len(line.encode())
    keys = sorted(names, key=lambda k: k.encode())
    nl = []
    n_off = []
    off = 0
    for k in keys:
        line = k + "\t" + ",".join(str(i) for i in names[k]) + "\n"
        n_off.append(b64(off))
        nl.append(line)
        off += len(line.encode())
    fold = {}
    for p in pairs:
        fold[ord(p[0])] = ord(p[1])
    fold_hex = "".join("%06X%06X" % (t, fold[t]) for t in sorted(fold))
    body = "".join(rec) + "".join(nl)
    assert '"#' not in body and "\\" not in body

    with open(os.path.join(OUT_DIR, "GazetteerIndexData.swift"), "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_gazetteer.py from NBS 2023 codes, JioNLP aliases and world list, OpenCC characters; licences beside this file.\n")
        f.write("// Do not edit.\n\n")
        f.write("/// Entries, one a line: kind (p c k z n w), code, name, province, city, county, country;\n")
        f.write("/// empty fields are absent. Entry `i` is entry `i` of `Gazetteer`.\n")
        f.write('let gazetteerRecords: StaticString = #"""\n' + "".join(rec) + '"""#\n\n')
        f.write("/// Byte offset of each record in `gazetteerRecords`, four base-64 digits each.\n")
        f.write('let gazetteerRecordOffsets: StaticString = "' + "".join(rec_off) + '"\n\n')
        f.write("/// Names of two or more characters, sorted by UTF-8 bytes: name, tab, entry indices.\n")
        f.write('let gazetteerNames: StaticString = #"""\n' + "".join(nl) + '"""#\n\n')
        f.write("/// Byte offset of each line in `gazetteerNames`, four base-64 digits each.\n")
        f.write('let gazetteerNameOffsets: StaticString = "' + "".join(n_off) + '"\n\n')
        f.write("/// Traditional -> simplified characters used in names: six hex digits each, sorted.\n")
        f.write('let gazetteerFold: StaticString = "' + fold_hex + '"\n')
    print("index: entries", len(entries), "names", len(keys), "fold", len(fold))
    write_tables(entries, parents, by_code, towns)


def write_tables(entries, parents, by_code, towns):
    """GazetteerTablesData.swift: what `Gazetteer` needs besides the index and the trie, as
    static tables read in place: parents, the code index, townships per entry. Numbers are
    base-64 digits written as the characters 0x30...0x6F (see `d64`)."""
    par = "".join(d64(p + 1) for p in parents)
    codes = "".join(c + d64(by_code[c]) for c in sorted(by_code))
    starts, recs, scal = [], [], []
    n_scalars = 0
    n_towns = 0
    for idx, e in enumerate(entries):
        starts.append(d64(n_towns))
        if e[1] in by_code and by_code[e[1]] == idx and e[1] in towns:
            for item in towns[e[1]]:
                suffix, name = int(item[:3]), item[3:]
                assert len(name) < 64
                recs.append(d64(n_scalars) + d64(len(name), 1) + d64(suffix, 2))
                for ch in name:
                    scal.append(d64(ord(ch)))
                n_scalars += len(name)
                n_towns += 1
    starts.append(d64(n_towns))
    tables = [
        ("gazetteerParents", "Per entry: parent entry + 1 (0: none), three digits.", par),
        ("gazetteerCodes", "Every 6-digit code in order, each followed by its entry (three digits).", codes),
        ("gazetteerTownStarts", "Per entry and one past the last: index of its first township (three digits).", "".join(starts)),
        ("gazetteerTowns", "Townships: first scalar in `gazetteerTownScalars` (three digits), length (one), code suffix (two).", "".join(recs)),
        ("gazetteerTownScalars", "Township names, three digits per scalar.", "".join(scal)),
    ]
    with open(os.path.join(OUT_DIR, "GazetteerTablesData.swift"), "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_gazetteer.py from NBS 2023 codes, JioNLP aliases and world list, OpenCC characters; licences beside this file.\n")
        f.write("// Do not edit. Numbers are base-64 digits written as the characters 0x30...0x6F.\n\n")
        for name, doc, body in tables:
            assert '"' not in body
            f.write("/// %s\n" % doc)
            f.write('let %s: StaticString = #"%s"#\n\n' % (name, body))
    print("tables: towns", n_towns, "scalars", n_scalars)


# Six bits per character, written as the ASCII characters 0x30...0x6F ('0'...'o'), so that the
# Swift side decodes a digit with one subtraction; 0x5C ('\\') is fine in a raw string literal.
def d64(n, width=3):
    assert 0 <= n < 64 ** width, n
    return "".join(chr(48 + ((n >> (6 * (width - 1 - k))) & 63)) for k in range(width))


TRIE_KINDS = {"full": 0, "alias": 1, "old": 2, "blocker": 3}
DENSE_LO, DENSE_HI = 0x3400, 0xA000


def trie_blockers():
    """The blocker phrases of PlaceTraps.swift (phrases that contain a place name but are none)."""
    src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NewsExtract",
                            "Recognisers", "PlaceTraps.swift"), encoding="utf-8").read()
    head = "static let blockers: [String] = ["
    body = src[src.index(head) + len(head):]
    body = body[:body.index("]")]
    return re.findall(r'"([^"]+)"', body)


def write_trie(order, records, world):
    """GazetteerTrieData.swift: the recognition trie over Unicode scalars as static tables, so
    nothing is built at start-up. Keys and hits are inserted exactly as `Gazetteer` lists its
    names (full name, then aliases per division in table order; world places; blockers), so a
    trie built at run time from the same names is identical (GazetteerTests check it).

    Nodes are numbered breadth first (root 0); the edges of node i are edges[start(i)..<start(i+1)],
    sorted by scalar; its hits are hits[hstart(i)..<hstart(i+1)]. The root's children for
    U+3400...U+9FFF are also in a dense table (node + 1, 0 for none)."""
    names = []  # (key, entry, kind)
    idx = 0
    for code in order:
        lv, nm, als = records[code]
        names.append((nm, idx, "full"))
        for a in als:
            if a.startswith("~"):
                names.append((a[1:], idx, "old"))
            else:
                names.append((a, idx, "alias"))
        idx += 1
    for lv, n, fu, co in world:
        names.append((n, idx, "full"))
        if fu != n:
            names.append((fu, idx, "full"))
        idx += 1
    blockers = trie_blockers()
    assert len(blockers) >= 10, blockers
    for b in blockers:
        names.append((b, -1, "blocker"))

    children = [{}]  # node -> {scalar: node}
    hits = [[]]
    for key, entry, kind in names:
        if len(key) < 2:
            continue
        node = 0
        for ch in key:
            nxt = children[node].get(ord(ch))
            if nxt is None:
                nxt = len(children)
                children.append({})
                hits.append([])
                children[node][ord(ch)] = nxt
            node = nxt
        h = (entry, kind)
        if h not in hits[node]:
            hits[node].append(h)
    # breadth-first renumbering
    order_bfs = [0]
    k = 0
    while k < len(order_bfs):
        n = order_bfs[k]
        for c in sorted(children[n]):
            order_bfs.append(children[n][c])
        k += 1
    new = {old: i for i, old in enumerate(order_bfs)}
    starts, edges, hstarts, hitcodes = [], [], [], []
    max_depth = max(len(key) for key, _, _ in names if len(key) >= 2)
    for old in order_bfs:
        starts.append(d64(len(edges) // 1))
        hstarts.append(d64(len(hitcodes)))
        for c in sorted(children[old]):
            edges.append(d64(c) + d64(new[children[old][c]]))
        for entry, kind in hits[old]:
            hitcodes.append(d64(entry if entry >= 0 else 64 ** 3 - 1) + chr(48 + TRIE_KINDS[kind]))
    starts.append(d64(len(edges)))
    hstarts.append(d64(len(hitcodes)))
    dense = ["000"] * (DENSE_HI - DENSE_LO)
    for c, child in children[0].items():
        if DENSE_LO <= c < DENSE_HI:
            dense[c - DENSE_LO] = d64(new[child] + 1)
    tables = {"gazetteerTrieEdgeStarts": "".join(starts), "gazetteerTrieEdges": "".join(edges),
              "gazetteerTrieHitStarts": "".join(hstarts), "gazetteerTrieHits": "".join(hitcodes),
              "gazetteerTrieRoot": "".join(dense)}
    with open(os.path.join(OUT_DIR, "GazetteerTrieData.swift"), "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_gazetteer.py from NBS 2023 codes, JioNLP aliases and world list, OpenCC characters; licences beside this file.\n")
        f.write("// Do not edit. The recognition trie of `Gazetteer` as static tables (see `StaticTrie`):\n")
        f.write("// numbers are base-64 digits written as the characters 0x30...0x6F, three per number.\n\n")
        f.write("/// Longest key, in scalars.\n")
        f.write("let gazetteerTrieMaxDepth = %d\n\n" % max_depth)
        docs = {
            "gazetteerTrieEdgeStarts": "Per node (breadth-first, root 0) and one past the last: index of its first edge.",
            "gazetteerTrieEdges": "Edges, per node sorted by scalar: scalar, child node.",
            "gazetteerTrieHitStarts": "Per node and one past the last: index of its first hit.",
            "gazetteerTrieHits": "Hits: entry (262143 for a blocker), then one digit of kind (full, alias, old, blocker).",
            "gazetteerTrieRoot": "The root's child + 1 (0: none) for each scalar U+3400...U+9FFF.",
        }
        for name, body in tables.items():
            assert '"' not in body
            f.write("/// %s\n" % docs[name])
            f.write('let %s: StaticString = #"%s"#\n\n' % (name, body))
    print("trie: nodes", len(order_bfs), "edges", len(edges), "hits", len(hitcodes), "depth", max_depth)


if __name__ == "__main__":
    main()
