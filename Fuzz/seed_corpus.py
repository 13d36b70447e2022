#!/usr/bin/env python3
"""Writes the starting corpora of the fuzz targets (Fuzz/Corpus/TARGET/, one file per input,
named by SHA-1): statements from the tests, product.md-style examples and any Examples/*.q;
document excerpts of the seeds in UTF-8, UTF-16 (with and without BOM) and GB18030; sentences of
the seeds for mentions. Run once; libFuzzer grows the corpora from there."""
import hashlib, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "Corpus")
KEYWORDS = ("find", "count", "sum", "avg", "min", "max", "explain", "why")

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

def swift_strings(text):
    for m in re.finditer(r'#"(.*?)"#', text, re.S):
        yield m.group(1)
    for m in re.finditer(r'(?<![#\\])"((?:[^"\\\n]|\\.)*)"', text):
        s = m.group(1)
        s = s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        yield s

statements = set()
for base, _, files in os.walk(os.path.join(root, "Tests")):
    for name in files:
        if name.endswith(".swift"):
            for s in swift_strings(open(os.path.join(base, name), encoding="utf-8").read()):
                if s.strip().lower().startswith(KEYWORDS) and "\\(" not in s:
                    statements.add(s)
for base, _, files in os.walk(os.path.join(root, "Examples")):
    for name in files:
        if name.endswith(".q"):
            statements.add(open(os.path.join(base, name), encoding="utf-8").read())
statements.update([
    'find meeting where city="临汾"',
    'find meeting where city = "临汾" and date >= 2019-05-01 order by date desc limit 5',
    'find person where titles contains "书记" and place = "晋中" show name, titles, county',
    'find project where investment > 10亿 order by investment desc',
    'find person where name in (find meeting where host = "王宏伟" show attendees)',
    'count meeting by city', 'count distinct host of meeting where province = "山西"',
    'sum investment of project where place = "仪征" by county', 'explain find meeting where city = "临汾"',
    'explain analyze count person by county', 'explain sql find visit where date between 2019 and 2020',
    'why meeting 3', 'find indicator where value > 7.6% and period like "%季度"',
    'find project where area >= 5100亩 or investment < 4亿美元', 'find meeting where date = "--07-18"',
    'avg value of indicator where unit = "%" by name order by avg desc limit 3 offset 1',
    'find distinct kind of meeting', 'min date of meeting by county', 'max investment of project',
    'find article where title is not null and not (city != "臨汾") show title, date',
    'find visit where who contains "王" and to in ("北京", "上海") show who, to, purpose',
    'find place where level = "county" and mentions > 1 order by mentions desc, name',
    'count person where place = "襄樊" by titles', 'find meeting where attendees is null; count meeting',
])
for s in statements:
    put("statement", s)

sentences = set()
for name in sorted(os.listdir(os.path.join(root, "seeds"))):
    text = open(os.path.join(root, "seeds", name), encoding="utf-8").read()
    for start in range(0, len(text), 1500):
        chunk = text[start:start + 1500]
        put("document", chunk)
        if start % 4500 == 0:
            put("document", b"\xef\xbb\xbf" + chunk.encode("utf-8"))
            put("document", chunk.encode("utf-16"))
            put("document", chunk.encode("utf-16-be"))
            put("document", chunk.encode("gb18030"))
    for s in re.split(r"(?<=[。！？\n])", text):
        s = s.strip()
        if 4 <= len(s) <= 300:
            sentences.add(s)
for s in sentences:
    put("mentions", s)
put("mentions", "2024年前三季度GDP增长7.6%，过百亿元，5100亩，县委书记王宏伟在尧都区，两千三百人，去年7月17日")
print({t: len(os.listdir(os.path.join(corpus, t))) for t in os.listdir(corpus)})
