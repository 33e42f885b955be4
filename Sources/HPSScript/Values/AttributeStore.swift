// Instance attributes stored by slot: each class keeps a name → slot table shared by its
// instances, so a compiled `obj.name` can cache the slot per class and skip string hashing.

/// The attribute names a class's instances use, in first-assignment order.
final class SlotLayout {
  var index: [String: Int] = [:]
  var names: [String] = []

  func slot(_ name: String) -> Int? { index[name] }

  func slotCreating(_ name: String) -> Int {
    if let i = index[name] { return i }
    let i = names.count
    names.append(name)
    index[name] = i
    return i
  }
}

/// An instance's attribute dictionary.
public struct AttributeStore {
  let layout: SlotLayout
  var values: [Value] = []

  init(layout: SlotLayout) { self.layout = layout }

  public subscript(_ name: String) -> Value? {
    get {
      guard let i = layout.slot(name), i < values.count else { return nil }
      let v = values[i]
      return v.isUnbound ? nil : v
    }
    set {
      guard let v = newValue else {
        _ = removeValue(forKey: name)
        return
      }
      set(slot: layout.slotCreating(name), v)
    }
  }

  @inline(__always) mutating func set(slot i: Int, _ v: Value) {
    if i < values.count {
      values[i] = v
    } else {
      values.reserveCapacity(layout.names.count)
      while values.count < i { values.append(.unbound) }
      values.append(v)
    }
  }

  @inline(__always) func get(slot i: Int) -> Value? {
    guard i < values.count else { return nil }
    let v = values[i]
    return v.isUnbound ? nil : v
  }

  @discardableResult
  public mutating func removeValue(forKey name: String) -> Value? {
    guard let i = layout.slot(name), i < values.count, !values[i].isUnbound else { return nil }
    let old = values[i]
    values[i] = .unbound
    return old
  }

  public var isEmpty: Bool { !values.contains { !$0.isUnbound } }

  public var keys: [String] { pairs.map(\.0) }

  /// Set attributes in first-assignment order.
  public var pairs: [(String, Value)] {
    values.indices.compactMap { i in values[i].isUnbound ? nil : (layout.names[i], values[i]) }
  }
}
