/// Words that look like place names in Chinese news but usually are not.
///
/// General rules live in `PlaceRecognizer`; these tables hold the vocabulary those rules need:
/// short names that are everyday words (乡村振兴 is not 振兴区, 公安 is rarely 公安县, 中方 is
/// "the Chinese side"), which count only with strong context, and phrases that contain a place
/// name but mean something else (长治久安), which the trie matches and drops.
enum PlaceTraps {
  /// Short names (aliases) that are common words: they need their suffix (振兴区), an adjacent
  /// higher-level name (丹东振兴) or an article about that very division.
  static let commonWordAliases: Set<String> = [
    "东方", "光明", "前进", "向阳", "和平", "新华", "长安", "安宁", "安定", "平安", "太平", "城关",
    "城中", "城东", "城西", "城北", "城厢", "江南", "江北", "河东", "河西", "振兴", "解放", "复兴",
    "友好", "友谊", "共和", "互助", "合作", "新城", "新市", "新兴", "红旗", "白云", "青山", "东山",
    "南山", "宏伟", "前锋", "卫东", "工农", "建华", "爱民", "立山", "站前", "铁东", "铁西", "桥东",
    "桥西", "路北", "路南", "市中", "市北", "市南", "新北", "永安", "永定", "长寿", "太和", "和顺",
    "平和", "安居", "安康", "大方", "大观", "大通", "大化", "大兴", "富民", "富裕", "惠民", "惠农",
    "乐业", "兴业", "兴隆", "兴国", "新建", "新民", "港口", "河口", "江口", "海港", "白沙", "白塔",
    "黑山", "黑水", "红山", "青龙", "龙华", "龙凤", "龙山", "龙门", "龙泉", "龙湖", "龙城", "龙井",
    "宝山", "金山", "金水", "金沙", "金牛", "温泉", "清水", "清河", "清流", "清新", "西湖", "南湖",
    "东湖", "北湖", "镜湖", "天河", "天桥", "天山", "天心", "天元", "三江", "三河", "五河", "九龙",
    "七星", "万年", "万全", "万安", "千山", "二道", "东风", "民权", "民和", "民乐", "永年", "南开",
    "红桥", "北辰", "平房", "中方", "中原", "中山", "南岸", "江岸", "江城", "江海", "江山", "江源",
    "沙河", "沙市", "南关", "北关", "北塔", "大东", "大安", "东安", "东光", "东平", "东明", "东海",
    "南海", "北海", "西城", "东城", "南城", "上城", "上街", "古城", "老城", "故城", "高明", "高台",
    "石门", "石林", "石城", "云龙", "华龙", "黄龙", "正定", "公安", "文峰", "芙蓉", "牡丹", "荷塘",
    "莲花", "莲池", "海棠", "花山", "桃源", "桃山", "凤凰", "麒麟", "玉龙", "玉泉", "玉山", "紫金",
    "泰山", "衡山", "恒山", "崂山", "黄埔", "普陀", "三元", "二七", "六合", "全州", "西市", "大冶",
    "大城", "大宁", "大新", "滨江", "滨海", "滨湖", "东坡", "通道", "武功", "资源", "运河", "盐湖",
    "湖滨", "双桥", "双河", "双湖", "宝塔", "灯塔", "太湖", "长白", "长子", "长乐", "长兴", "平原",
    "平川", "平山", "平定", "平桥", "平城", "海晏", "天长", "鼓楼", "钟楼", "白山", "白河", "海城",
    "江夏", "仁和", "仁寿", "开化", "开放", "安全", "城区", "郊区", "矿区", "东区", "西区", "新安",
    "新河", "新田", "新林", "新源", "新乐", "兴和", "兴安", "德惠", "嘉禾", "集美", "白银", "万象",
    "中非", "金边", "马累", "文化", "大足", "朝阳", "船山", "梁山", "青河", "青田", "利通", "美兰",
    "同心", "同德", "朝天", "明光", "团结", "和谐", "富强", "繁荣",
  ]

  /// `commonWordAliases` as packed scalar codes (see `packed`): no `String` is built or
  /// hashed for a candidate.
  static let commonWordKeys: Set<UInt64> = Set(commonWordAliases.map { packed(Array($0.unicodeScalars), 0..<$0.unicodeScalars.count) })

  /// Up to three scalars in one integer (21 bits each, after a leading 1), else 0.
  @inline(__always)
  static func packed(_ s: [Unicode.Scalar], _ r: Range<Int>) -> UInt64 {
    guard r.count <= 3, r.lowerBound >= 0, r.upperBound <= s.count else { return 0 }
    var key: UInt64 = 1
    for k in r { key = key << 21 | UInt64(s[k].value) }
    return key
  }

  /// Whether `s[r]` is one of `commonWordAliases`.
  @inline(__always)
  static func isCommonWord(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
    r.count <= 3 && commonWordKeys.contains(packed(s, r))
  }

  /// Phrases containing a place name that are not places; matched as blockers and dropped.
  static let blockers: [String] = [
    "长治久安", "大同小异", "世界大同", "太平洋", "中山装", "北海道", "东方红", "幸福安康",
    "江山如画", "泰山压顶", "重于泰山", "如意算盘", "中国特色", "中国式", "中国梦", "中国共产党",
    "中国化", "热火朝天", "同心同德", "勠力同心", "戮力同心",
  ]

  /// CJK characters that may stand right before a two-character name with a one-character stem
  /// (吉县, 临县, 沁县): in front of anything else (莅临县委) the name is probably part of a word.
  static let boundaryBefore: Set<Unicode.Scalar> = Set(
    "省市州盟区县旗在到赴至和与及同从于、的是为对往去达抵经向由全原今驻自赶进入出回看访".unicodeScalars)

  /// The generic part of a zone's name: a county's short name right before one of these, with
  /// nothing else in the text about that county, is part of the zone's own name (通海港区 in
  /// 南通 is no 通海县).
  static let zoneSuffixes: [[Unicode.Scalar]] = [
    "港区", "开发区", "园区", "工业区", "工业园", "产业园", "高新区", "保税区", "经开区", "示范区", "试验区",
    "集聚区", "片区", "物流园", "新区", "综合保税区",
  ].map { Array($0.unicodeScalars) }

  /// CJK characters that may follow a district's short name standing alone (尧都的, 尧都、).
  static let boundaryAfter: Set<Unicode.Scalar> = Set("的和与及等、在是为同到至".unicodeScalars)
}
