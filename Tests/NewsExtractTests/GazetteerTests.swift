import Testing
import NewsFacts
@testable import NewsExtract

/// Scalars of a string, as the recognisers take them.
func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

func places(_ s: String, _ ctx: PlaceContext = PlaceContext()) -> [PlaceRef] {
  PlaceRecognizer.mentions(in: scalars(s), context: ctx).compactMap {
    if case .place(let p) = $0.value { return p } else { return nil }
  }
}

@Suite struct GazetteerTests {
  let g = Gazetteer.shared

  @Test func counts() {
    let d = g.divisions
    let provinces = d.filter { $0.level == .province && ($0.code.map { !["71", "81", "82"].contains(String($0.prefix(2))) } ?? false) }
    let cities = d.filter { $0.level == .city }
    let counties = d.filter { $0.level == .county && !g.isZone(code: $0.code ?? "") }
    let zones = d.filter { $0.level == .county && g.isZone(code: $0.code ?? "") }
    print("gazetteer: \(provinces.count) provinces, \(cities.count) cities, \(counties.count) legal counties, \(zones.count) zones")
    #expect(provinces.count == 31)
    #expect((325...345).contains(cities.count))
    #expect((2840...2880).contains(counties.count))
    #expect((100...120).contains(zones.count))
    #expect(g.townships(inCounty: "141002").contains { $0.name == "贾得乡" && $0.code == "141002201" })
    #expect(g.foreignPlaces.contains { $0.level == .country && $0.name == "日本" })
  }

  @Test func everyProvinceSampleResolves() {
    var byProvince: [String: [PlaceRef]] = [:]
    for c in g.divisions where c.level == .county && !g.isZone(code: c.code ?? "") {
      byProvince[c.province ?? "", default: []].append(c)
    }
    #expect(byProvince.count == 31)
    var rng = SystemRandomNumberGenerator()
    for (_, list) in byProvince {
      for _ in 0..<3 {
        guard let c = list.randomElement(using: &rng) else { continue }
        #expect(g.resolve(c.name).contains(c), "full name \(c.name)")
        // The short form of a plain 县/市/区 name (平遥县 → 平遥) resolves to it too.
        // (Not 回族区, 矿区, 特区 names: their stems are other words or other places' names.)
        let plain = ["县", "市", "区"].contains(where: c.name.hasSuffix)
          && !["自治", "族区", "矿区", "特区", "林区", "开发区"].contains(where: c.name.contains)
        if plain && c.name.unicodeScalars.count >= 3 {
          // 浦东新区 → 浦东: the stem drops two characters.
          let short = String(c.name.dropLast(c.name.hasSuffix("新区") && c.name.unicodeScalars.count >= 4 ? 2 : 1))
          let refs = g.resolve(short)
          // Some stems are taken by a bigger place (the city 通化 over 通化县): then the
          // county is still among the candidates.
          #expect(refs.contains(c), "short name \(short) of \(c.name)")
        }
        #expect(c.city != nil || c.province != nil)
      }
    }
  }

  @Test func resolveForms() {
    #expect(g.resolve("襄樊").first?.name == "襄阳市")
    #expect(g.resolve("襄樊市").first?.code == "420600")
    #expect(g.resolve("臨汾").first?.name == "临汾市")
    #expect(g.resolve("尧都").first?.city == "临汾市")
    let chaoyang = g.resolve("朝阳区")
    #expect(chaoyang.count >= 2)
    #expect(Set(chaoyang.compactMap(\.city)).isSuperset(of: ["北京市", "长春市"]))
    #expect(g.resolve("山西").first?.name == "山西省")
    #expect(g.resolve("陕西").first?.name == "陕西省")
    #expect(g.resolve("吉县").first?.code == "141028")
    #expect(g.resolve("吉林").first?.name == "吉林省")
    #expect(g.division(code: "141002")?.name == "尧都区")
    #expect(g.division(code: "14")?.name == "山西省")
    #expect(g.division(code: "141002201")?.name == "贾得乡")
    #expect(g.children(ofCode: "141000").contains { $0.name == "尧都区" })
    #expect(g.children(ofCode: "110000").contains { $0.name == "朝阳区" && $0.city == "北京市" })
    #expect(g.resolve("济源").first?.city == nil)
  }

  @Test func recogniserTraps() {
    #expect(places("县委书记主持会议").isEmpty)
    #expect(places("区委常委会召开，市委书记出席").isEmpty)
    let yd = places("尧都区委书记崔绍民")
    #expect(yd.map(\.name) == ["尧都区"])
    #expect(yd.first?.city == "临汾市" && yd.first?.province == "山西省")
    #expect(places("他到吉县调研").first?.code == "141028")
    #expect(places("吉林省长春市").map(\.name) == ["吉林省", "长春市"])
    #expect(places("领导莅临县委调研").isEmpty)
    #expect(places("主城区交通").isEmpty)
    #expect(places("晋城市城区").map(\.code) == ["140500", "140502"])
    #expect(places("推进乡村振兴").isEmpty)
    #expect(places("山西和陕西").map(\.name) == ["山西省", "陕西省"])
    #expect(places("社会长治久安").isEmpty)
  }

  @Test func disambiguation() {
    let two = places("你家在吉林省朝阳区，而我家在北京市朝阳区")
    #expect(two.filter { $0.name == "朝阳区" }.map(\.city) == ["长春市", "北京市"])
    let bare = places("朝阳区召开会议")
    #expect(bare.count == 1 && bare.first?.code == nil)
    let ctx = places("朝阳区召开会议", PlaceContext(city: "北京"))
    #expect(ctx.first?.code == "110105")
    #expect(places("南京鼓楼区").last?.code == "320106")
  }

  @Test func townshipsAndVillages() {
    let p = places("7月17日，尧都区委书记崔绍民带队在贾得乡北席村观摩乡村振兴项目")
    #expect(p.map(\.name) == ["尧都区", "贾得乡", "北席村"])
    #expect(p.map(\.level) == [.county, .township, .village])
    #expect(p.last?.county == "尧都区" && p.last?.city == "临汾市")
    let c = places("在枕头乡枕头村观摩", PlaceContext(county: "尧都区"))
    #expect(c.map(\.name) == ["枕头乡", "枕头村"])
    #expect(places("在枕头乡枕头村观摩").isEmpty)
  }

  @Test func townshipOfACountyNamedBeforeAnotherPlace() {
    // 江华 (a county's short name) inside a person's name moves the current county away; the
    // township still belongs to the county the text named.
    let p = places("商城县召开项目推进会，县长李江华讲话。会后，与会人员到鄢岗镇观摩。")
    #expect(p.contains { $0.name == "鄢岗镇" && $0.county == "商城县" && $0.code == "411524102" })
    #expect(p.last?.level == .township)
    // The county first, then another county, then a township of the first.
    let q = places("商城县和固始县联合开展巡查，先后到鄢岗镇、陈淋子镇检查。")
    #expect(q.filter { $0.level == .township }.map(\.county) == ["商城县", "固始县"])
    // Nothing named: no township.
    #expect(!places("会后，与会人员到鄢岗镇观摩。").contains { $0.level == .township })
  }

  @Test func countyStemInsideAZoneName() {
    #expect(places("南通市加快通海港区建设，港区吞吐量稳步增长。").map(\.name) == ["南通市"])
    #expect(places("江苏省南通市通海港区").map(\.name) == ["江苏省", "南通市"])
    // A county's own zone, with its city next to it, still names the county.
    #expect(places("玉溪市通海工业园区").map(\.name) == ["玉溪市", "通海县"])
    #expect(places("苏州市昆山开发区").map(\.name) == ["苏州市", "昆山市"])
    #expect(places("通海县召开会议").map(\.name) == ["通海县"])
  }

  @Test func divisionsByCode() {
    #expect(g.division(code: "14")?.name == "山西省")
    #expect(g.division(code: "1410")?.name == "临汾市")
    #expect(g.division(code: "141002")?.city == "临汾市")
    #expect(g.division(code: "141002201")?.name == "贾得乡")
    #expect(g.division(code: "141002999") == nil)
    #expect(g.children(ofCode: "1410").contains { $0.name == "尧都区" })
    #expect(g.children(ofCode: "141002").contains { $0.name == "贾得乡" })
  }
}
