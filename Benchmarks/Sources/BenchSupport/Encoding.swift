import Glibc

/// Converts UTF-8 text to GBK (GB18030 when a character is outside GBK) with iconv.
public func encodeGBK(_ text: String) -> [UInt8]? {
  let bytes = Array(text.utf8)
  return iconvConvert(bytes, from: "UTF-8", to: "GBK") ?? iconvConvert(bytes, from: "UTF-8", to: "GB18030")
}

/// One iconv pass; nil when a character cannot be converted.
func iconvConvert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
  let cd = iconv_open(to, from)
  if cd == iconv_t(bitPattern: -1) { return nil }
  defer { iconv_close(cd) }
  var src = input.map { CChar(bitPattern: $0) }
  let cap = input.count * 2 + 16
  var dst = [CChar](repeating: 0, count: cap)
  var written = -1
  src.withUnsafeMutableBufferPointer { sp in
    dst.withUnsafeMutableBufferPointer { dp in
      var inPtr: UnsafeMutablePointer<CChar>? = sp.baseAddress
      var inLeft = sp.count
      var outPtr: UnsafeMutablePointer<CChar>? = dp.baseAddress
      var outLeft = dp.count
      if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 { written = cap - outLeft }
    }
  }
  guard written >= 0 else { return nil }
  return dst[0..<written].map { UInt8(bitPattern: $0) }
}
