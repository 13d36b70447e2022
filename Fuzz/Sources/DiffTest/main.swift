import FuzzSupport
import NewsQ
#if canImport(Glibc)
import Glibc
#endif

// newsq-difftest [--synthetic N | --data PATH …] [--count N] [--seed S] DIR
// Exports the facts (the seeds, or N synthetic facts per entity) to DIR/export and writes
// DIR/cases.jsonl for scripts/difftest_duckdb.py.
func complain(_ s: String) { _ = s.withCString { write(2, $0, strlen($0)) } }

var args = Array(CommandLine.arguments.dropFirst())
var synthetic = 0
var count = 1000
var seed: UInt64 = 1
var dir = ""
var statements: [String] = []
var sidestep = false
var dataPaths: [String] = []
while let a = args.first {
  args.removeFirst()
  switch a {
  case "--synthetic": synthetic = Int(args.first ?? "") ?? 0; args = Array(args.dropFirst())
  case "--count": count = Int(args.first ?? "") ?? count; args = Array(args.dropFirst())
  case "--sidestep-known": sidestep = true
  case "--load":
    // Triage: time a load of PATH.
    let report = Engine.empty().load(paths: [args.first ?? ""])
    print("loaded \(report.loaded.count), skipped \(report.skipped.map { "\($0.path): \($0.reason)" })")
    exit(0)
  case "--data": dataPaths.append(args.first ?? ""); args = Array(args.dropFirst())
  case "--run": statements.append(args.first ?? ""); args = Array(args.dropFirst())
  case "--run-file":
    // Triage: one statement per line of PATH (for statements too long for the command line).
    if let f = fopen(args.first ?? "", "r") {
      var line: UnsafeMutablePointer<CChar>? = nil
      var cap = 0
      while getline(&line, &cap, f) > 0, let l = line { statements.append(String(cString: l)) }
      free(line)
      fclose(f)
    }
    args = Array(args.dropFirst())
  case "--seed": seed = UInt64(args.first ?? "") ?? seed; args = Array(args.dropFirst())
  default: dir = a
  }
}
if !statements.isEmpty {
  // Triage: print newsq's answer (columns with units, rows, notes) to each statement.
  let engine = synthetic > 0 ? Engine.empty() : try Engine()
  if synthetic > 0 { engine.add(facts: Differential.syntheticFacts(perEntity: synthetic, seed: seed)) }
  for s in statements {
    print("> \(s)")
    do {
      let rs = try engine.run(s)
      print(rs.columns.map { "\($0.name)[\($0.kind)\($0.units.map { " \($0)" } ?? "")]" }.joined(separator: " | "))
      for r in rs.rows { print(r.map { Differential.json($0) }.joined(separator: " | ")) }
      for n in rs.notes { print("note: \(n)") }
    } catch {
      print("error: \(error)")
    }
  }
  exit(0)
}
guard !dir.isEmpty else {
  complain("usage: newsq-difftest [--synthetic N | --data PATH] [--count N] [--seed S] DIR\n")
  exit(2)
}
let engine: Engine
if !dataPaths.isEmpty {
  // Documents (e.g. Benchmarks' newsgen output): loaded and extracted as `newsq --data` does.
  engine = Engine.empty()
  let report = engine.load(paths: dataPaths)
  complain("newsq-difftest: loaded \(report.loaded.count) documents, skipped \(report.skipped.count)\n")
} else if synthetic > 0 {
  engine = Engine.empty()
  engine.add(facts: Differential.syntheticFacts(perEntity: synthetic, seed: seed, emptyLists: !sidestep))
} else {
  engine = try Engine()
}
do {
  try engine.export(to: dir + "/export")
} catch {
  complain("newsq-difftest: export failed: \(error)\n")
  exit(1)
}
let lines = Differential.cases(engine: engine, exportDirectory: dir + "/export", seed: seed, count: count, sidestepKnown: sidestep)
guard let f = fopen(dir + "/cases.jsonl", "w") else { exit(1) }
for l in lines { fputs(l + "\n", f) }
fclose(f)
