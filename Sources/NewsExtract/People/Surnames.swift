/// Chinese family names: the common single-character surnames (the 百家姓 list and the
/// surnames frequent in today's population) and the compound ones (欧阳, 司马 …).
///
/// A person is only recognised when a name starts with one of these, which keeps words such
/// as 关于 or 全区 from being read as names after a title.
enum Surnames {
  /// Single-character surnames, one long literal parsed once.
  private static let singleText = """
  王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤
  常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阎帅聪
  赖洪尉晋訾鄂迟黎乜亓逄庹雍郗揭仉佴晁綦茹禹宣贲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公
  晋楚闫法汝鄢涂钦岳帅缑亢况有琴归海墨哈谯笪年爱阳佟言福商第五
  赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄麴家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东殴殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公
  """

  /// Compound surnames.
  static let compound: Set<String> = [
    "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "令狐",
    "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "万俟", "闻人", "申屠", "太史", "公冶",
    "濮阳", "淳于", "单于", "钟离", "宗政", "仲孙", "赫连", "拓跋", "完颜", "谷梁", "乐正", "司空", "司寇",
    "亓官", "巫马", "公西", "漆雕", "公良", "夹谷", "宰父", "段干", "梁丘", "左丘", "东郭", "第五", "百里",
    "东门", "公羊", "羊舌", "微生", "梁丘", "子车", "颛孙", "壤驷", "鲜于", "闾丘", "南门", "呼延", "归海",
  ]

  /// Single-character surnames as a set of scalars (~500 distinct).
  static let single: Set<Unicode.Scalar> = {
    var set = Set<Unicode.Scalar>()
    for s in singleText.unicodeScalars where Scalars.isHan(s) { set.insert(s) }
    // Characters of compound-only surnames and very common words are not single surnames here.
    for s in "第和时有都能别相空那后经计应国年言爱福养须家水花利越通双红东公".unicodeScalars { set.remove(s) }
    return set
  }()

  /// Length of the surname starting at `i` (2 for a compound, 1 for a single), or 0.
  static func length(_ s: [Unicode.Scalar], at i: Int) -> Int {
    guard i >= 0, i < s.count, anyFirst.contains(s[i]) else { return 0 }
    if i + 1 < s.count, compoundFirst.contains(s[i]) {
      if compoundList.matches(s, at: i, length: 2) { return 2 }
    }
    return singleBits.contains(s[i]) ? 1 : 0
  }

  static let singleBits = ScalarBits(single)
  static let compoundList = WordList(Array(compound))
  static let compoundFirst = ScalarBits(compound.compactMap { $0.unicodeScalars.first })
  static let anyFirst = ScalarBits(Array(single) + compound.compactMap { $0.unicodeScalars.first })
}
