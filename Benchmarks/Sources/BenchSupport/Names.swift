/// Surnames by frequency (the common ones several times, so names look like real rosters)
/// and characters for given names, as in local-government news.
enum Names {
  static let surnames: [String] = Array(
    "王王王李李李张张张刘刘刘陈陈杨杨赵赵黄黄周周吴吴徐徐孙孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂焦向柳邢骆岳齐梅"
  ).map(String.init)
  static let givenChars: [String] = Array(
    "建国华明伟军平志刚强海东红丽英文杰宏云斌波峰辉磊鹏涛超勇毅俊杰鑫博涛晓燕霞静敏玲芳娟秀兰春林荣兵锋卫新晨宇轩昊天振兴立民永福德庆利亮光瑞飞浩彬凯学忠良成祥跃进胜勤松柏青山清泉宁安泰和顺"
  ).map(String.init)

  /// A name of two or three characters (a third are two-character names).
  static func person(_ r: inout SplitMix64) -> String {
    let s = r.pick(surnames)
    if r.chance(0.33) { return s + r.pick(givenChars) }
    return s + r.pick(givenChars) + r.pick(givenChars)
  }
}

/// The roles of a county's leading group. `U` stands for the unit: 区, 县, 市 or 旗.
enum Role: Int, CaseIterable {
  case secretary, head, deputySecretary, congress, consultative, organisation, executiveDeputy, deputyHead, propaganda, discipline

  var template: String {
    switch self {
    case .secretary: return "U委书记"
    case .head: return "U委副书记、U长"
    case .deputySecretary: return "U委副书记"
    case .congress: return "U人大常委会主任"
    case .consultative: return "U政协主席"
    case .organisation: return "U委常委、组织部部长"
    case .executiveDeputy: return "U委常委、常务副U长"
    case .deputyHead: return "副U长"
    case .propaganda: return "U委常委、宣传部部长"
    case .discipline: return "U委常委、U纪委书记"
    }
  }
  /// The short form used after a name (崔绍民书记) or nil.
  var shortTitle: String? {
    switch self {
    case .secretary: return "书记"
    case .head: return "U长"
    case .congress, .consultative: return nil
    default: return nil
    }
  }
}

/// One official of a county: the same name for the same county and role in every article.
public struct Official: Sendable, Hashable {
  public var name: String
  public var title: String  // 区委副书记、区长
  var role: Int
  var unit: String
  var countyName: String

  /// `尧都区委副书记、区长任俊杰`: the title with the county in front, then the name.
  var full: String {
    let t = title
    if t.hasPrefix(unit) { return countyName + String(t.unicodeScalars.dropFirst()) + name }
    return countyName + t + name
  }
  /// `区委副书记、区长任俊杰`
  var titled: String { title + name }
}

extension County {
  /// The county's leading group, deterministic from the seed and the county code.
  func roster(seed: UInt64) -> [Official] {
    var r = SplitMix64(seed, fnv1a(code))
    var seen = Set<String>()
    var out: [Official] = []
    for role in Role.allCases {
      var n = Names.person(&r)
      while seen.contains(n) { n = Names.person(&r) }
      seen.insert(n)
      out.append(Official(name: n, title: role.template.replacingU(unit), role: role.rawValue, unit: unit, countyName: name))
    }
    return out
  }
}

extension String {
  func replacingU(_ unit: String) -> String {
    var s = ""
    for c in unicodeScalars { if c == "U" { s += unit } else { s.unicodeScalars.append(c) } }
    return s
  }
}
