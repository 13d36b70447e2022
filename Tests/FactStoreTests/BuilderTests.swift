import Testing
import NewsFacts
@testable import FactStore

/// The incremental builder: committing after every batch gives the same tables as freezing
/// everything at once, and the snapshot's byte size counts its columns.
@Suite struct BuilderTests {
  /// Deterministic facts with repeated and new texts, lists, numbers, dates, nulls, missing ids.
  private func facts(_ n: Int, seed: UInt64) -> [Fact] {
    var x = seed
    func next(_ m: UInt64) -> Int { x = x &* 6364136223846793005 &+ 1442695040888963407; return Int((x >> 33) % m) }
    let cities = ["临汾市", "北京市", "安徽省", "運城市", "Zhengzhou", "晋中市", "扬州市"]
    let people = ["王宏伟", "李四", "张三", "赵六", "孙晓"]
    return (0..<n).map { i in
      var f = Fact(.meeting)
      if next(5) != 0 { f["city"] = .text(cities[next(UInt64(cities.count))] + (next(4) == 0 ? "\(i % 13)" : "")) }
      if next(4) != 0 { f["attendees"] = .list((0..<next(4)).map { _ in people[next(UInt64(people.count))] }) }
      if next(3) != 0 { f["date"] = .date(FactDate(year: next(5) == 0 ? nil : 2015 + next(10), month: 1 + next(12), day: 1 + next(28))) }
      if next(6) == 0 { f["id"] = .integer(Int64(1000 + next(50))) }
      f["span"] = .span(i, i + next(40))
      return f
    } + (0..<n / 3).map { i in
      var f = Fact(.project)
      if next(4) != 0 { f["investment"] = .number(Double(next(100)) * 1e6) }
      f["name"] = .text("项目\(next(UInt64(max(1, n / 4))))")
      _ = i
      return f
    }
  }

  private func rows(_ s: Snapshot, _ e: Entity) -> [Fact] {
    let t = s.table(e)
    return (0..<t.rowCount).map { t.fact(at: $0) }
  }

  @Test func batchesEqualOneFreeze() {
    let all = facts(600, seed: 3)
    let whole = { var b = StoreBuilder(); b.add(contentsOf: all); return b.freeze() }()
    var b = StoreBuilder()
    var snapshot = Snapshot.empty
    var start = 0
    for size in [1, 7, 150, 0, 300, 400] where start < all.count {
      let end = min(all.count, start + size)
      b.add(contentsOf: Array(all[start..<end]))
      snapshot = b.commit()
      start = end
    }
    b.add(contentsOf: Array(all[start...]))
    snapshot = b.commit()
    for e in [Entity.meeting, .project] { expectSame(snapshot, whole, e) }
  }

  /// Table `e` of `s` and of `w` hold the same rows, codes, dictionaries, indexes and orders.
  private func expectSame(_ s: Snapshot, _ w: Snapshot, _ e: Entity) {
    #expect(rows(s, e) == rows(w, e))
    expectSame(s.table(e), w.table(e))
  }

  private func expectSame(_ t: Table, _ w: Table) {
    #expect(t.rowCount == w.rowCount)
    for (i, spec) in t.fields.enumerated() {
      #expect(t.columns[i].statistics == w.columns[i].statistics, "\(t.entity).\(spec.name)")
      switch (t.columns[i], w.columns[i]) {
      case (.text(let a), .text(let b)):
        #expect(a.codes == b.codes && a.dictionary.values == b.dictionary.values)
        #expect(a.index.start == b.index.start && a.index.rows == b.index.rows)
      case (.list(let a), .list(let b)):
        #expect(a.elements == b.elements && a.index.rows == b.index.rows && a.index.start == b.index.start)
      case (.number(let a), .number(let b)): #expect(a.sorted == b.sorted && a.values == b.values)
      case (.date(let a), .date(let b)): #expect(a.sorted == b.sorted && a.ordinals == b.ordinals)
      default: break
      }
    }
  }

  /// A store past `StoreBuilder.parallelWeight` freezes its tables on several threads: each
  /// table is the one its entity's builder commits on its own, prepended rows included.
  @Test func parallelFreezeEqualsTableByTable() {
    let direct = Fact(.person, ["name": "直接", "id": 7])
    let all = facts(2000, seed: 5) + [direct]
    let merged = [Fact(.person, ["name": "王宏伟", "id": 1]), Fact(.person, ["name": "李四", "id": 2])]
    var b = StoreBuilder()
    b.add(contentsOf: all)
    #expect(b.rowCount(of: .meeting) * Schema.fields(of: .meeting).count > StoreBuilder.parallelWeight)
    let s = b.commit(prepending: [.person: merged])
    for e in Entity.allCases {
      var t = TableBuilder(entity: e)
      if e == .person { for f in merged { t.add(f) } }
      for f in all where f.entity == e { t.add(f) }
      let one = t.commit()
      expectSame(s.table(e), one)
      #expect((0..<one.rowCount).map { one.fact(at: $0) } == (0..<one.rowCount).map { s.table(e).fact(at: $0) })
    }
    #expect(s.table(.person).rowCount == 3)
  }

  @Test func freezeLeavesTheBuilderUsable() {
    var b = StoreBuilder()
    b.add(contentsOf: facts(50, seed: 9))
    let first = b.freeze()
    b.add(contentsOf: facts(50, seed: 10))
    let second = b.freeze()
    #expect(first.table(.meeting).rowCount == 50)
    #expect(second.table(.meeting).rowCount == 100)
    #expect(b.rowCount == 100 + 2 * (50 / 3))
    #expect(Array(rows(second, .meeting).prefix(50)).map { $0["city"] } == rows(first, .meeting).map { $0["city"] })
  }

  @Test func prependedTablesComeFirst() {
    var b = StoreBuilder()
    b.add(Fact(.person, ["name": "直接", "id": 7]))
    let merged = [Fact(.person, ["name": "王宏伟", "id": 1]), Fact(.person, ["name": "李四", "id": 2])]
    let s = b.commit(prepending: [.person: merged])
    #expect(rows(s, .person).map { $0["name"] } == ["王宏伟", "李四", "直接"])
    #expect(b.commit().table(.person).rowCount == 1)
  }

  @Test func byteSizeCountsColumns() {
    var b = StoreBuilder()
    #expect(b.freeze().byteSize < 10_000)
    b.add(contentsOf: facts(2000, seed: 1))
    let small = b.freeze().byteSize
    b.add(contentsOf: facts(8000, seed: 2))
    let big = b.freeze().byteSize
    // Ten thousand meetings hold at least their span (2 × 8 bytes) and date (4) columns.
    #expect(big > 10_000 * 20)
    #expect(big > 3 * small)
    #expect(big < 10_000 * 400)
  }
}
