import BenchSupport
import Glibc

/// newsgen --docs N --seed S --out DIR
/// Writes DIR/docs/NNNN/NNNNNNN.txt (UTF-8, some GBK, a few junk files) and DIR/truth.jsonl,
/// one JSON object per planted fact. Deterministic: the same seed gives the same bytes.
var docs = 1000, seed: UInt64 = 1, out = ""
var args = Array(CommandLine.arguments.dropFirst())
func usage() -> Never {
  note("usage: newsgen --docs N --seed S --out DIR")
  exit(2)
}
while !args.isEmpty {
  let a = args.removeFirst()
  guard let v = args.first else { usage() }
  args.removeFirst()
  switch a {
  case "--docs": docs = Int(v) ?? -1
  case "--seed": seed = UInt64(v) ?? 0
  case "--out": out = v
  default: usage()
  }
}
if out.isEmpty || docs < 0 { usage() }

makeDirectories(out + "/docs")
guard let truth = FileWriter(out + "/truth.jsonl") else { note("newsgen: cannot write \(out)/truth.jsonl"); exit(1) }
var people = PeopleTruth()
var bytes = 0
var lastDir = ""
let t0 = wallSeconds()
let gen = NewsGenerator(seed: seed)
for i in 0..<docs {
  let d = gen.document(i)
  let dir = String(d.path.split(separator: "/").first ?? "")
  if dir != lastDir { makeDirectories(out + "/docs/" + dir); lastDir = dir }
  if !writeFile(out + "/docs/" + d.path, d.bytes) { note("newsgen: cannot write \(d.path)"); exit(1) }
  bytes += d.bytes.count
  for f in d.truth { truth.write(JSON.object([("entity", .string(f.entity))] + f.fields).text + "\n") }
  people.add(d.people, doc: d.path)
  if i > 0, i % 100_000 == 0 { note("newsgen: \(i) documents") }
}
for f in people.facts { truth.write(JSON.object([("entity", .string(f.entity))] + f.fields).text + "\n") }
truth.close()
note("newsgen: \(docs) documents, \(bytes) bytes in \(Int((wallSeconds() - t0) * 1000)) ms")
