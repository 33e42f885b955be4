// One Jupyter message and its wire form:
//   [routing ids…] "<IDS|MSG>" signature header parent_header metadata content [buffers…]
import Foundation

public struct Message {
  /// ROUTER identities of the sender (shell, control, stdin) or the topic (iopub).
  public var identities: [Data]
  public var header: JSONObject
  public var parentHeader: JSONObject
  public var metadata: JSONObject
  public var content: JSONObject
  public var buffers: [Data]

  public var type: String { header["msg_type"] as? String ?? "" }
  public var id: String { header["msg_id"] as? String ?? "" }
}

public enum WireError: Error, CustomStringConvertible {
  case missingDelimiter
  case tooFewFrames(Int)
  case badSignature
  case replayed
  case notJSON(frame: String)

  public var description: String {
    switch self {
    case .missingDelimiter: return "no <IDS|MSG> delimiter"
    case .tooFewFrames(let count): return "\(count) frames after the delimiter, need 5"
    case .badSignature: return "signature does not verify"
    case .replayed: return "signature was already used (a replayed message)"
    case .notJSON(let frame): return "\(frame) frame is not a JSON object"
    }
  }
}

/// Encodes and decodes messages for one kernel session.
public struct Wire {
  public static let delimiter = Data("<IDS|MSG>".utf8)
  public static let protocolVersion = "5.3"

  public let signer: Signer
  public let session: String
  public let username: String
  private let replays = ReplayGuard()

  public init(signer: Signer, session: String = UUID().uuidString.lowercased(), username: String = "hps") {
    self.signer = signer
    self.session = session
    self.username = username
  }

  /// Checks the signature against the frames exactly as received (and that it is not a replay),
  /// then parses them.
  public func decode(_ frames: [Data]) throws -> Message {
    guard let split = frames.firstIndex(of: Wire.delimiter) else { throw WireError.missingDelimiter }
    let rest = Array(frames[(split + 1)...])
    guard rest.count >= 5 else { throw WireError.tooFewFrames(rest.count) }
    guard signer.verify(signature: rest[0], frames: Array(rest[1...4])) else { throw WireError.badSignature }
    guard !signer.isEnabled || replays.admit(rest[0]) else { throw WireError.replayed }
    func object(_ index: Int, _ name: String) throws -> JSONObject {
      guard let value = JSON.decode(rest[index]) else { throw WireError.notJSON(frame: name) }
      return value
    }
    return Message(
      identities: Array(frames[..<split]), header: try object(1, "header"),
      parentHeader: try object(2, "parent_header"), metadata: try object(3, "metadata"),
      content: try object(4, "content"), buffers: Array(rest.dropFirst(5)))
  }

  /// A fresh header for a message this kernel sends.
  public func header(type: String) -> JSONObject {
    [
      "msg_id": UUID().uuidString.lowercased(), "session": session, "username": username,
      "date": Wire.timestamp(), "msg_type": type, "version": Wire.protocolVersion,
    ]
  }

  /// The frames of a new message; `parent` is the request it answers (or nil).
  public func encode(
    type: String, content: JSONObject, parent: JSONObject?, identities: [Data], metadata: JSONObject = [:]
  ) -> [Data] {
    let parts = [JSON.encode(header(type: type)), JSON.encode(parent ?? [:]), JSON.encode(metadata), JSON.encode(content)]
    return identities + [Wire.delimiter, Data(signer.signature(parts).utf8)] + parts
  }

  private static let formatter: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter
  }()
  private static let formatterLock = NSLock()

  /// ISO 8601 with milliseconds and a `Z`, as jupyter_client's schema expects.
  static func timestamp() -> String {
    formatterLock.lock()
    defer { formatterLock.unlock() }
    return formatter.string(from: Date())
  }
}
