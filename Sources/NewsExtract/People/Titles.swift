/// The words of official titles and the words that end a name, shared by the person and
/// organisation recognisers and the fact rules.
enum Titles {
  /// Core titles: what a title phrase ends with (`尧都区委副书记` ends with `副书记`).
  /// Unit prefixes (区委, 人大常委会, 党工委 …) are taken from the text before them.
  static let core = WordList([
    "书记", "副书记", "总书记", "常务副书记", "第一书记", "常委", "委员", "主任", "副主任", "常务副主任",
    "主席", "副主席", "常务副主席", "区长", "副区长", "常务副区长", "代区长", "县长", "副县长", "常务副县长",
    "代县长", "市长", "副市长", "常务副市长", "代市长", "省长", "副省长", "常务副省长", "代省长", "州长",
    "副州长", "旗长", "盟长", "乡长", "副乡长", "镇长", "副镇长", "村主任", "部长", "副部长", "组织部长",
    "宣传部长", "统战部长", "政法委书记", "纪委书记", "局长", "副局长", "厅长", "副厅长", "处长", "副处长",
    "科长", "秘书长", "副秘书长", "检察长", "院长", "副院长", "校长", "副校长", "所长", "站长", "行长",
    "副行长", "董事长", "副董事长", "总经理", "副总经理", "经理", "总裁", "理事长", "会长", "副会长",
    "社长", "总编辑", "台长", "队长", "政委", "司令员", "组长", "副组长", "调研员", "巡视员", "总工程师",
    "主任科员", "党组书记", "党委书记", "支部书记", "监事长", "署长", "主委", "大使", "总领事", "参赞",
    "总统", "总理", "首相", "议长", "部长助理", "市长助理", "县长助理", "区长助理", "主持人", "负责人",
  ])

  /// Titles that, standing alone after a name (`崔绍民书记`), make it a person.
  static let afterName = WordList([
    "书记", "副书记", "区长", "县长", "市长", "省长", "主任", "副主任", "主席", "副主席", "部长", "局长",
    "厅长", "乡长", "镇长", "院长", "校长", "董事长", "总经理", "同志", "副区长", "副县长", "副市长", "副省长",
    "处长", "科长", "秘书长", "行长", "会长", "委员", "常委",
  ])

  /// Titles that name no place-bound office (national leaders): their holders get no place.
  /// (A list, compared by bytes with `Scalars.sameBytes`: no hashing of non-ASCII strings.)
  static let national = ["总书记", "总统", "总理", "首相", "议长", "大使", "总领事", "参赞"]

  /// Words that may follow a name: a name ends where one of these begins.
  static let stops = WordList([
    "在", "本报讯", "带队", "带领", "率", "率队", "主持", "出席", "参加", "表示", "指出", "强调", "说", "讲话", "作",
    "对", "到", "赴", "前往", "陪同", "调研", "考察", "观摩", "视察", "会见", "会谈", "接见", "看望", "慰问",
    "深入", "来", "和", "与", "及", "等", "一行", "同志", "分别", "先后", "一同", "一起", "进行", "代表",
    "宣布", "介绍", "汇报", "提出", "要求", "为", "是", "的", "就", "向", "将", "也", "都", "还", "同", "并",
    "从", "于", "以", "已", "曾", "要", "讲", "听取", "希望", "认为", "指导", "督导", "检查", "召开", "主讲",
    "作了", "带头", "发表", "致辞", "致词", "总结", "部署", "通报", "传达", "宣读", "领学", "任", "担任",
    "当选", "被", "把", "又", "再", "亲自", "专程", "首先", "随后", "最后", "一直", "充分", "认真", "高度",
    "详细", "仔细", "现场", "实地", "会同", "联合", "共同", "走访", "参观", "前来", "到达", "抵达", "登门",
    "说明", "回答", "答复", "签约", "签署", "揭牌", "剪彩", "点评", "发言", "主讲", "书记", "县长", "区长", "由",
    "市长", "省长", "主任", "主席", "部长", "局长",
  ])

  /// Characters that do not occur inside a given name (function words, measure words, verbs that
  /// follow names). A candidate name containing one of these is rejected.
  static let notInGivenNameBits = ScalarBits(notInGivenName)
  static let notInGivenName: Set<Unicode.Scalar> = {
    var set = Set<Unicode.Scalar>()
    for s in "的了在是和与及或等于对为从把被将就也都而且并又还说要会以之其这那些个们各每本该此上下内外年月日时分号届次位名项种类份省市县区乡镇村委党府局厅部办处科组队记席员领导班议讲示指调考观察视今去至关通过行召参加持带赴到向往让使得着给第".unicodeScalars { set.insert(s) }
    return set
  }()

  /// Words after `等` that close a list of names (`薛玉马、丁格等县四大班子领导`).
  static let listClosers = WordList(["领导", "同志", "负责人", "班子", "干部", "代表", "委员", "成员", "人员", "专家", "嘉宾", "一行"])
}
