// HMAC-SHA256 over a message's four JSON frames, as the connection file's `key` and
// `signature_scheme` ask. An empty key turns signing off (Jupyter's convention): the signature
// frame is empty and every message is accepted.
import CCrypto
import Foundation

public struct Signer {
  public static let scheme = "hmac-sha256"
  private let key: [UInt8]

  public init(key: String) { self.key = Array(key.utf8) }

  public var isEnabled: Bool { !key.isEmpty }

  /// Lowercase hex digest of the frames concatenated in order (header, parent, metadata, content).
  public func signature(_ frames: [Data]) -> String {
    guard isEnabled else { return "" }
    var joined = Data()
    for frame in frames { joined.append(frame) }
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    key.withUnsafeBufferPointer { keyBytes in
      joined.withUnsafeBytes { data in
        _ = HMAC(
          EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
          data.bindMemory(to: UInt8.self).baseAddress, data.count, &digest, &length)
      }
    }
    return digest.prefix(Int(length)).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// True when `signature` (the bytes as received) matches the frames; constant time in the digest.
  public func verify(signature: Data, frames: [Data]) -> Bool {
    guard isEnabled else { return true }
    let expected = Data(self.signature(frames).utf8)
    guard expected.count == signature.count else { return false }
    return expected.withUnsafeBytes { a in
      signature.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 }
    }
  }
}
