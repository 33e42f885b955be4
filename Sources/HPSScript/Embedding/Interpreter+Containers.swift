// Building script containers from Swift, for front ends that publish state to scripts (In/Out).
import HPSSyntax

extension Interpreter {
  /// A new list holding `items`.
  public func makeList(_ items: [Value]) -> Value { .list(ListObject(items)) }

  /// A new dict from key/value pairs in order; a key that cannot be hashed is skipped.
  public func makeDict(_ pairs: [(Value, Value)]) -> Value {
    let dict = DictObject()
    for (key, value) in pairs {
      guard let hash = try? vm.hash(key) else { continue }
      _ = try? dict.table.set(key, hash: hash, value: value, vm: vm)
    }
    return .dict(dict)
  }
}
