/// A county-level division with its city and province, from the generated `placesTable`.
public struct County: Sendable {
  public var code: String
  public var name: String      // 尧都区
  public var short: String     // 尧都
  public var city: String      // 临汾市
  public var cityShort: String // 临汾
  public var province: String  // 山西省
  public var provinceShort: String
  public var towns: [String]
  /// The one-character unit of its titles: 区 (区委书记), 县, 市, 旗.
  public var unit: String {
    if let last = name.unicodeScalars.last, "区县市旗".unicodeScalars.contains(last) { return String(last) }
    return "县"
  }
}

/// Every county-level division of mainland China (3,001), parsed once.
public enum Gazetteer {
  public static let counties: [County] = {
    var out: [County] = []
    for line in placesTable.split(separator: "\n") {
      let f = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 8 else { continue }
      out.append(County(code: f[0], name: f[1], short: f[2], city: f[3], cityShort: f[4],
                        province: f[5], provinceShort: f[6],
                        towns: f[7].split(separator: ",").map(String.init)))
    }
    return out
  }()

  /// Counties of 山西 and 江苏: a tenth of articles come from here, so the benchmark's
  /// fixed statements (`city = "临汾"`, `place = "山西"`) select a realistic share.
  public static let anchors: [County] = counties.filter { $0.city == "临汾市" || $0.city == "晋中市" || $0.city == "运城市" || $0.city == "扬州市" }

  public static let shanxi: [County] = counties.filter { $0.province == "山西省" }

  /// A county: 10% from the anchor cities, 10% from 山西, the rest from anywhere.
  public static func pick(_ r: inout SplitMix64) -> County {
    let u = r.int(100)
    if u < 10, !anchors.isEmpty { return r.pick(anchors) }
    if u < 20, !shanxi.isEmpty { return r.pick(shanxi) }
    return r.pick(counties)
  }
}
