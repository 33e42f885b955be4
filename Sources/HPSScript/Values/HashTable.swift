// The insertion-ordered hash table behind dict and set: a compact entry array plus an open-addressed
// index (the layout CPython's dict uses). Equality may run script `__eq__`, so lookups throw.

struct HashEntry {
  var hash: Int
  var key: Value
  var value: Value
}

struct HashTable {
  /// Entries in insertion order; a removed entry keeps its place with `hash == HashTable.deleted`.
  private(set) var entries: [HashEntry] = []
  /// Open-addressed slots holding entry index + 1 (0 = empty, -1 = dummy).
  private var slots: [Int32] = []
  private(set) var count = 0
  /// Bumped on every insertion or removal, so iterators can detect mutation.
  private(set) var version = 0

  static let deleted = Int.min

  init() {}

  init(minimumCapacity: Int) {
    entries.reserveCapacity(minimumCapacity)
  }

  /// Finds the entry index of `key`.
  func find(_ key: Value, hash: Int, vm: VM) throws -> Int? {
    if slots.isEmpty { return nil }
    let mask = slots.count - 1
    var i = hash & mask
    var perturb = UInt(bitPattern: hash)
    while true {
      let s = slots[i]
      if s == 0 { return nil }
      if s > 0 {
        let e = Int(s) - 1
        let entry = entries[e]
        if entry.hash == hash {
          if try fastEquals(entry.key, key, vm: vm) { return e }
        }
      }
      perturb >>= 5
      i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
  }

  @inline(__always) private func fastEquals(_ a: Value, _ b: Value, vm: VM) throws -> Bool {
    switch (a, b) {
    case (.str(let x), .str(let y)): return x.pythonEquals(y)
    case (.int(let x), .int(let y)): return x == y
    default: return try a.isIdentical(b) || vm.equals(a, b)
    }
  }

  func get(_ key: Value, hash: Int, vm: VM) throws -> Value? {
    guard let e = try find(key, hash: hash, vm: vm) else { return nil }
    return entries[e].value
  }

  /// Inserts or replaces; returns true when the key was new.
  @discardableResult
  mutating func set(_ key: Value, hash: Int, value: Value, vm: VM) throws -> Bool {
    if let e = try find(key, hash: hash, vm: vm) {
      entries[e].value = value
      return false
    }
    if (entries.count + 1) * 3 >= slots.count * 2 { rebuild(minimumSlots: (count + 1) * 3) }
    entries.append(HashEntry(hash: hash, key: key, value: value))
    insertSlot(hash: hash, entry: entries.count - 1)
    count += 1
    version &+= 1
    return true
  }

  private mutating func insertSlot(hash: Int, entry: Int) {
    let mask = slots.count - 1
    var i = hash & mask
    var perturb = UInt(bitPattern: hash)
    while slots[i] > 0 {
      perturb >>= 5
      i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
    slots[i] = Int32(entry + 1)
  }

  private mutating func rebuild(minimumSlots: Int) {
    var size = 8
    while size < minimumSlots { size <<= 1 }
    if entries.count != count { entries.removeAll { $0.hash == HashTable.deleted } }
    slots = [Int32](repeating: 0, count: size)
    for (i, e) in entries.enumerated() { insertSlot(hash: e.hash, entry: i) }
  }

  /// Removes `key`; returns its entry when present.
  @discardableResult
  mutating func remove(_ key: Value, hash: Int, vm: VM) throws -> HashEntry? {
    guard let e = try find(key, hash: hash, vm: vm) else { return nil }
    return removeEntry(at: e)
  }

  mutating func removeEntry(at e: Int) -> HashEntry {
    let old = entries[e]
    // Mark the slot pointing at e as a dummy so probe chains stay intact.
    let mask = slots.count - 1
    var i = old.hash & mask
    var perturb = UInt(bitPattern: old.hash)
    while slots[i] != Int32(e + 1) {
      perturb >>= 5
      i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
    slots[i] = -1
    entries[e] = HashEntry(hash: HashTable.deleted, key: .none, value: .none)
    count -= 1
    version &+= 1
    if count == 0 {
      entries.removeAll(keepingCapacity: true)
      slots = []
    } else if entries.count > 16 && count * 2 < entries.count {
      rebuild(minimumSlots: count * 3)
    }
    return old
  }

  /// The last live entry (for popitem).
  var lastIndex: Int? {
    var i = entries.count - 1
    while i >= 0 {
      if entries[i].hash != HashTable.deleted { return i }
      i -= 1
    }
    return nil
  }

  mutating func removeAll() {
    entries = []
    slots = []
    count = 0
    version &+= 1
  }

  /// Live entries in insertion order.
  var live: LazyFilterSequence<[HashEntry]> { entries.lazy.filter { $0.hash != HashTable.deleted } }

  var keys: [Value] { live.map { $0.key } }
  var values: [Value] { live.map { $0.value } }
}

/// A Python dict.
public final class DictObject: PyObject {
  var table = HashTable()
  public override init() {}
  init(table: HashTable) { self.table = table }
  public override var pyType: TypeObject { Builtin.dictType }
  var count: Int { table.count }
}

/// A Python set or frozenset (values unused).
final class SetObject: PyObject {
  var table = HashTable()
  let frozen: Bool
  init(frozen: Bool = false) { self.frozen = frozen }
  init(table: HashTable, frozen: Bool) {
    self.table = table
    self.frozen = frozen
  }
  override var pyType: TypeObject { frozen ? Builtin.frozensetType : Builtin.setType }
  var elements: [Value] { pythonOrder }
}
