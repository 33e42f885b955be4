// A minimal PNG writer for the kernelspec logos: 8-bit RGBA, one zlib stream of "stored"
// (uncompressed) deflate blocks, so no compression library is needed.
import Foundation

public struct PNGImage {
  public let width: Int
  public let height: Int
  /// Row-major RGBA, 4 bytes per pixel.
  public var pixels: [UInt8]

  public init(width: Int, height: Int, fill: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0, 0, 0, 0)) {
    self.width = width
    self.height = height
    pixels = Array([fill.r, fill.g, fill.b, fill.a].repeated(width * height))
  }

  public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
    get {
      let i = (y * width + x) * 4
      return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      let i = (y * width + x) * 4
      pixels[i] = newValue.r
      pixels[i + 1] = newValue.g
      pixels[i + 2] = newValue.b
      pixels[i + 3] = newValue.a
    }
  }

  public func encoded() -> Data {
    var raw: [UInt8] = []
    raw.reserveCapacity(height * (width * 4 + 1))
    for y in 0..<height {
      raw.append(0)  // filter type None
      raw += pixels[(y * width * 4)..<((y + 1) * width * 4)]
    }
    var header: [UInt8] = []
    header += PNGImage.bigEndian(UInt32(width)) + PNGImage.bigEndian(UInt32(height))
    header += [8, 6, 0, 0, 0]  // bit depth 8, colour type RGBA, deflate, adaptive filters, no interlace
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    png += PNGImage.chunk("IHDR", header)
    png += PNGImage.chunk("IDAT", PNGImage.zlibStored(raw))
    png += PNGImage.chunk("IEND", [])
    return Data(png)
  }

  static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + body
    return bigEndian(UInt32(body.count)) + typed + bigEndian(CRC32.checksum(typed))
  }

  /// zlib header, stored blocks of at most 65535 bytes, Adler-32 trailer.
  static func zlibStored(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0x78, 0x01]
    var offset = 0
    repeat {
      let count = min(65535, data.count - offset)
      let isLast: UInt8 = offset + count == data.count ? 1 : 0
      out.append(isLast)
      out += [UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
      out += data[offset..<(offset + count)]
      offset += count
    } while offset < data.count
    return out + bigEndian(adler32(data))
  }

  static func adler32(_ data: [UInt8]) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return b << 16 | a
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
  }
}

enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
  }
}

extension Array {
  fileprivate func repeated(_ count: Int) -> [Element] {
    var out: [Element] = []
    out.reserveCapacity(self.count * count)
    for _ in 0..<count { out += self }
    return out
  }
}
