// Reading loosely typed JSON (JSONSerialization's Any) without caring whether a number or a bool
// arrived as a Swift value or an NSNumber.
import Foundation

public typealias JSONObject = [String: Any]

public enum JSON {
  public static func int(_ value: Any?) -> Int? {
    if let value = value as? Int { return value }
    if let number = value as? NSNumber { return number.intValue }
    return nil
  }

  public static func bool(_ value: Any?) -> Bool? {
    if let value = value as? Bool { return value }
    if let number = value as? NSNumber { return number.boolValue }
    return nil
  }

  /// Compact JSON bytes; slashes are not escaped so signed text stays what a reader expects.
  public static func encode(_ object: JSONObject) -> Data {
    (try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])) ?? Data("{}".utf8)
  }

  public static func decode(_ data: Data) -> JSONObject? {
    (try? JSONSerialization.jsonObject(with: data)) as? JSONObject
  }
}
