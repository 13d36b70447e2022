/// Integers stored as offsets from their minimum in the fewest whole bytes that hold them all
/// (1, 2, 4 or 8 each): document numbers, articles and offsets of later sources mostly fit
/// one or two bytes instead of four or eight.
struct PackedInts: Sendable, Equatable, RandomAccessCollection {
  /// Little-endian offsets from `base`, `width` bytes each.
  let bytes: [UInt8]
  let width: Int
  let base: Int64
  let count: Int

  init(_ values: [Int64]) {
    let lo = values.min() ?? 0
    let hi = values.max() ?? 0
    let span = UInt64(bitPattern: hi &- lo)
    let width = span <= 0xFF ? 1 : span <= 0xFFFF ? 2 : span <= 0xFFFF_FFFF ? 4 : 8
    var bytes = [UInt8](repeating: 0, count: values.count * width)
    bytes.withUnsafeMutableBytes { out in
      for (i, v) in values.enumerated() {
        let d = UInt64(bitPattern: v &- lo)
        switch width {
        case 1: out.storeBytes(of: UInt8(truncatingIfNeeded: d), toByteOffset: i, as: UInt8.self)
        case 2: out.storeBytes(of: UInt16(truncatingIfNeeded: d).littleEndian, toByteOffset: 2 * i, as: UInt16.self)
        case 4: out.storeBytes(of: UInt32(truncatingIfNeeded: d).littleEndian, toByteOffset: 4 * i, as: UInt32.self)
        default: out.storeBytes(of: d.littleEndian, toByteOffset: 8 * i, as: UInt64.self)
        }
      }
    }
    self.init(bytes: bytes, width: width, base: lo, count: values.count)
  }

  /// Stored parts as read back (`bytes.count == count * width`, width 1, 2, 4 or 8).
  init(bytes: [UInt8], width: Int, base: Int64, count: Int) {
    self.bytes = bytes
    self.width = width
    self.base = base
    self.count = count
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  @inline(__always)
  subscript(i: Int) -> Int64 {
    precondition(i >= 0 && i < count)
    return bytes.withUnsafeBytes { b in
      let d: UInt64
      switch width {
      case 1: d = UInt64(b[i])
      case 2: d = UInt64(UInt16(littleEndian: b.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
      case 4: d = UInt64(UInt32(littleEndian: b.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
      default: d = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
      }
      return base &+ Int64(bitPattern: d)
    }
  }

  var byteSize: Int { bytes.bufferBytes }
}
