import Testing
import NewsText

@Suite struct SegmenterTests {
  @Test func severalHashArticlesEachWithTitle() throws {
    let n = Normalizer.normalize(Seeds.text("002"))
    let articles = Segmenter.articles(in: n)
    #expect(articles.count == 3)
    for a in articles {
      let title = try #require(a.title)
      #expect(!n.text(title).hasPrefix("#"))
      #expect(!a.body.isEmpty)
      #expect(a.byline.map { n.text($0).contains("本报讯") || !n.text($0).isEmpty } == true)
    }
    #expect(n.text(articles[2].title!) == "王宏伟带队到江苏省仪征市等地参观考察")
    // Articles do not overlap and are in order.
    for (a, b) in zip(articles, articles.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
  }

  @Test func sentencesEndAtChinesePunctuation() {
    let n = Normalizer.normalize(Seeds.text("002"))
    let articles = Segmenter.articles(in: n)
    var ended = 0
    var total = 0
    for a in articles {
      for p in a.body {
        let sentences = Segmenter.sentences(in: n, range: p)
        #expect(!sentences.isEmpty)
        for s in sentences {
          total += 1
          let last = n.scalars[s.upperBound - 1]
          if "。！？；”".unicodeScalars.contains(last) { ended += 1 }
          #expect(!n.text(s).dropLast().contains("。"), "\(n.text(s))")
        }
      }
    }
    #expect(total > 30)
    #expect(ended * 10 >= total * 9)
    let s = Segmenter.sentences(in: Normalizer.normalize("他说：“好。”然后走了！再见"), range: 0..<100)
    #expect(s.count == 3)
    #expect(s.first.map { Normalizer.normalize("他说：“好。”然后走了！再见").text($0) } == "他说：“好。”")
  }

  @Test func newsPageWithCaptionsAndCommentary() throws {
    let n = Normalizer.normalize(Seeds.text("000"))
    let articles = Segmenter.articles(in: n)
    #expect(articles.count >= 2)
    let first = try #require(articles.first)
    #expect(first.title.map(n.text) == "只争朝夕 真抓实干 全力推动各项工作实现突破走在前列")
    #expect(first.subtitles.map(n.text).contains("尧都区举办重点项目和重点工作观摩活动并召开总结推进会"))
    #expect(first.byline.map(n.text) == "本报讯")
    #expect(first.captions.count == 2)
    #expect(first.body.first.map { n.text($0).hasPrefix("为深入学习") } == true)
    let commentary = try #require(articles.first { a in a.title.map { n.text($0).hasPrefix("赶超争先") } ?? false })
    #expect(commentary.byline.map(n.text) == "李晓琳")
    let allCaptions = articles.flatMap(\.captions).map(n.text)
    #expect(allCaptions.filter { $0.hasSuffix("摄") }.count == 3)
  }

  @Test func datelineSourceAndEditorAreMeta() throws {
    let n = Normalizer.normalize(Seeds.text("001"))
    let articles = Segmenter.articles(in: n)
    #expect(articles.count == 1)
    let a = try #require(articles.first)
    let meta = a.metaLines.map(n.text)
    #expect(meta.contains { $0.contains("来源：临汾新闻网") })
    #expect(meta.contains { $0.hasPrefix("责任编辑") })
    #expect(a.body.count == 7)
    // Spans map to the original: the title range covers the traditional original with pinyin.
    let original = Array(Seeds.text("001").unicodeScalars)
    let title = n.originalRange(try #require(a.title))
    #expect(String(String.UnicodeScalarView(original[title])).hasPrefix("正言軒:高質(zhì)量"))
  }

  @Test func featureWithSubheadingsIsOneArticle() throws {
    let n = Normalizer.normalize(Seeds.text("004"))
    let articles = Segmenter.articles(in: n)
    #expect(articles.count == 1)
    let a = try #require(articles.first)
    #expect(a.subtitles.map(n.text).contains("这五年"))
    #expect(a.body.count > 20)
    let n3 = Normalizer.normalize(Seeds.text("003"))
    let b = try #require(Segmenter.articles(in: n3).first)
    #expect(b.byline.map(n3.text) == "记者 闫淑娟")
    #expect(b.captions.map(n3.text) == ["晋中国家农高区全景 记者 程婧 摄"])
  }

  @Test func plainAndEmptyText() {
    #expect(Segmenter.articles(in: Normalizer.normalize("")).isEmpty)
    let n = Normalizer.normalize("今天开会。明天再说。")
    let a = Segmenter.articles(in: n)
    #expect(a.count == 1)
    #expect(a.first?.body.count == 1)
    #expect(Segmenter.sentences(in: n, range: 0..<n.count).count == 2)
  }
}
