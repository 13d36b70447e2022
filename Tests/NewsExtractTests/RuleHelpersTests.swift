@testable import NewsExtract
import NewsFacts
import Testing

/// The helpers the fact rules use instead of `String` hashing, comparison and re-encoding.
@Suite struct RuleHelpersTests {
  @Test func utf8StartsGiveEachScalarsOffsetAndTheEnd() {
    let text = "a县é𠀀 \r\n5"
    let starts = Scalars.utf8Starts(text)
    // a(1) 县(3) é(2) 𠀀(4) space(1) \r(1) \n(1) 5(1)
    #expect(starts == [0, 1, 4, 6, 10, 11, 12, 13, 14])
    #expect(Scalars.utf8Starts("") == [0])
  }

  @Test func evidenceIsTheOriginalTextOfAScalarRange() {
    let text = "本报讯（记者 李晓琳）é𠀀 a\u{301}，会议召开。\r\n第二段"
    let ctx = DocumentContext(path: "x.txt", text: text)
    let scalars = Array(text.unicodeScalars)
    // (ranges may split a character: a + combining accent, \r\n)
    for r in [0..<3, 4..<6, 10..<14, 14..<15, 15..<17, 21..<23, 22..<24, 12..<scalars.count, 0..<scalars.count, 5..<5] {
      #expect(ctx.originalString(r) == Scalars.string(scalars, r))
    }
    // clamped like `Scalars.string`
    #expect(ctx.originalString(20..<999) == Scalars.string(scalars, 20..<999))
    #expect(ctx.originalString(999..<1000) == "")
  }

  @Test func wordListReportsTheLongestWordAndItsPlaceInTheList() {
    let w = WordList(["生产总值", "GDP", "地区生产总值", "生产总值", "地区"])
    let s = Array("全县地区生产总值达".unicodeScalars)
    let hit = w.matchWithIndex(s, at: 2)
    #expect(hit?.length == 6 && hit?.index == 2)
    #expect(w.matchWithIndex(s, at: 4)?.index == 0)  // a word listed twice keeps its first place
    #expect(w.matchWithIndex(s, at: 0) == nil)
    #expect(w.matchWithIndex(s, at: 99) == nil)
  }

  @Test func utf8KeysAreEqualExactlyWhenTheBytesAre() {
    #expect(Utf8Key("尧都区") == Utf8Key(String("临汾市尧都区".unicodeScalars.dropFirst(3))))
    #expect(Utf8Key("尧都区") != Utf8Key("尧都"))
    #expect(Utf8Key("尧都区") != Utf8Key("尧都县"))
    var seen: Set<Utf8Key> = []
    for w in ["临汾市", "尧都区", "临汾市", "ab", "ab"] { seen.insert(Utf8Key(w)) }
    #expect(seen.count == 3)
    #expect(Scalars.sameBytes(nil, nil) && !Scalars.sameBytes("a", nil) && Scalars.sameBytes("县", "县"))
  }

  @Test func placeKeysTellPlacesApartByEveryField() {
    let a = PlaceRef(name: "尧都区", level: .county, code: "141002", country: "中国", province: "山西省", city: "临汾市")
    var b = a
    #expect(PlaceKey(ref: a) == PlaceKey(ref: b))
    b.city = "太原市"
    #expect(PlaceKey(ref: a) != PlaceKey(ref: b))
    var c = a
    c.level = .city
    #expect(PlaceKey(ref: a) != PlaceKey(ref: c))
    let table: [PlaceKey: Int] = [PlaceKey(ref: a): 1, PlaceKey(ref: b): 2]
    #expect(table[PlaceKey(ref: a)] == 1 && table[PlaceKey(ref: b)] == 2 && table[PlaceKey(ref: c)] == nil)
  }

  @Test func knownNamesMatchTheLongestNameAtAPosition() {
    let s = Array("欧阳明远、王宏伟主持，王宏在，欧阳明远说".unicodeScalars)
    let known = KnownNames([0..<4, 5..<8, 5..<7, 0..<4], in: s)
    #expect(known.match(s, at: 5) == 3)  // 王宏伟 over 王宏
    #expect(known.match(s, at: 11) == 2)  // 王宏 alone
    #expect(known.match(s, at: 15) == 4)
    #expect(known.match(s, at: 8) == 0)
    #expect(KnownNames([], in: s).match(s, at: 0) == 0)
  }
}
