// The iteration protocol: Swift iterator objects for the builtin containers, an adapter for
// script classes with `__iter__`/`__next__`, and membership tests.

/// A script-visible iterator implemented in Swift. `next` returns nil when exhausted.
class PyIterator: PyObject {
  func next(_ vm: VM) throws -> Value? { nil }
  override var pyType: TypeObject { Builtin.iteratorType }
  /// The Python type name shown by repr/type().
  var typeName: String { "iterator" }
}

final class ArrayIterator: PyIterator {
  let items: [Value]
  var index = 0
  let name: String
  init(_ items: [Value], name: String) {
    self.items = items
    self.name = name
  }
  override func next(_ vm: VM) throws -> Value? {
    guard index < items.count else { return nil }
    defer { index += 1 }
    return items[index]
  }
  override var typeName: String { name }
}

final class ListIterator: PyIterator {
  let list: ListObject
  var index = 0
  init(_ list: ListObject) { self.list = list }
  override func next(_ vm: VM) throws -> Value? {
    guard index < list.items.count else { return nil }
    defer { index += 1 }
    return list.items[index]
  }
  override var typeName: String { "list_iterator" }
}

final class RangeIterator: PyIterator {
  var current: Int
  let stop: Int
  let step: Int
  init(_ r: RangeObject) {
    current = r.start
    stop = r.stop
    step = r.step
  }
  override func next(_ vm: VM) throws -> Value? {
    if step > 0 ? current >= stop : current <= stop { return nil }
    defer { current &+= step }
    return .int(current)
  }
  override var typeName: String { "range_iterator" }
}

final class StringIterator: PyIterator {
  var iterator: String.UnicodeScalarView.Iterator
  init(_ s: String) { iterator = s.unicodeScalars.makeIterator() }
  override func next(_ vm: VM) throws -> Value? {
    iterator.next().map { .str(String($0)) }
  }
  override var typeName: String { "str_ascii_iterator" }
}

/// Iterates a dict or set, raising when its size changes meanwhile.
final class HashIterator: PyIterator {
  enum Part { case keys, values, items }
  let owner: PyObject
  let part: Part
  var index = 0
  let startCount: Int
  init(dict: DictObject, part: Part) {
    owner = dict
    self.part = part
    startCount = dict.count
  }
  init(set: SetObject) {
    owner = set
    part = .keys
    startCount = set.table.count
  }
  override func next(_ vm: VM) throws -> Value? {
    let table: HashTable
    let what: String
    if let d = owner as? DictObject {
      table = d.table
      what = "dictionary"
    } else if let s = owner as? SetObject {
      table = s.table
      what = "set"
    } else {
      return nil
    }
    if table.count != startCount { throw runtimeError("\(what) changed size during iteration") }
    let entries = table.entries
    while index < entries.count {
      let e = entries[index]
      index += 1
      if e.hash == HashTable.deleted { continue }
      switch part {
      case .keys: return e.key
      case .values: return e.value
      case .items: return .tuple([e.key, e.value])
      }
    }
    return nil
  }
  override var typeName: String {
    switch part {
    case .keys: return owner is SetObject ? "set_iterator" : "dict_keyiterator"
    case .values: return "dict_valueiterator"
    case .items: return "dict_itemiterator"
    }
  }
}

/// Adapts a script object with `__next__`.
final class DunderIterator: PyIterator {
  let object: Value
  init(_ object: Value) { self.object = object }
  override func next(_ vm: VM) throws -> Value? {
    do {
      return try vm.callMethod(object, "__next__", [])
    } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.stopIteration) {
      return nil
    }
  }
}

/// The old sequence protocol: `__getitem__(0)`, `(1)`, ... until IndexError.
final class SequenceIterator: PyIterator {
  let object: Value
  var index = 0
  init(_ object: Value) { self.object = object }
  override func next(_ vm: VM) throws -> Value? {
    do {
      defer { index += 1 }
      return try vm.getItem(object, .int(index))
    } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.indexError)
      || e.exception.cls.isSubtype(of: Builtin.stopIteration)
    {
      return nil
    }
  }
}

/// Lazily maps/filters/zips: one class with a Swift closure producing the next item.
final class ClosureIterator: PyIterator {
  let produce: (VM) throws -> Value?
  let name: String
  var finished = false
  init(name: String, _ produce: @escaping (VM) throws -> Value?) {
    self.name = name
    self.produce = produce
  }
  override func next(_ vm: VM) throws -> Value? {
    if finished { return nil }
    let r = try produce(vm)
    if r == nil { finished = true }
    return r
  }
  override var typeName: String { name }
}

extension VM {
  /// `iter(v)`.
  func iterator(_ v: Value) throws -> PyIterator {
    switch v {
    case .list(let l): return ListIterator(l)
    case .tuple(let t): return ArrayIterator(t, name: "tuple_iterator")
    case .str(let s): return StringIterator(s)
    case .dict(let d): return HashIterator(dict: d, part: .keys)
    case .object(let o):
      switch o {
      case let it as PyIterator: return it
      case let r as RangeObject: return RangeIterator(r)
      case let r as BigRangeObject: return BigRangeIterator(r)
      case let s as SetObject: return ArrayIterator(s.pythonOrder, name: "set_iterator")
      case let view as DictView: return HashIterator(dict: view.dict, part: view.part)
      default: break
      }
    default: break
    }
    let t = v.pyType
    if let m = t.lookup("__iter__") {
      let it = try callDescriptor(m, on: v, [])
      if case .object(let o) = it, let pi = o as? PyIterator { return pi }
      if it.pyType.lookup("__next__") == nil {
        throw typeError("iter() returned non-iterator of type '\(it.typeName)'")
      }
      return DunderIterator(it)
    }
    if t.lookup("__getitem__") != nil, case .instance = v { return SequenceIterator(v) }
    throw typeError("'\(v.typeName)' object is not iterable")
  }

  /// All items of an iterable.
  func iterate(_ v: Value) throws -> [Value] {
    switch v {
    case .list(let l): return l.items
    case .tuple(let t): return t
    case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
    case .dict(let d): return d.table.keys
    case .object(let s as SetObject): return s.pythonOrder
    case .object(let r as RangeObject):
      var out: [Value] = []
      out.reserveCapacity(r.count)
      var i = r.start
      for _ in 0..<r.count {
        out.append(.int(i))
        i &+= r.step
      }
      return out
    default:
      let it = try iterator(v)
      var out: [Value] = []
      while let x = try it.next(self) {
        out.append(x)
        if interrupt.isSet { try checkInterrupt() }
      }
      return out
    }
  }

  /// Calls `body` for each item (fast paths for lists, tuples and ranges).
  func forEach(_ v: Value, _ body: (Value) throws -> Void) throws {
    switch v {
    case .list(let l):
      var i = 0
      while i < l.items.count {
        try body(l.items[i])
        i += 1
      }
    case .tuple(let t): for x in t { try body(x) }
    case .object(let r as RangeObject):
      var i = r.start
      for _ in 0..<r.count {
        try body(.int(i))
        i &+= r.step
      }
    default:
      let it = try iterator(v)
      while let x = try it.next(self) { try body(x) }
    }
  }

  /// `item in container`.
  func contains(_ container: Value, _ item: Value) throws -> Bool {
    switch container {
    case .str(let s):
      guard case .str(let sub) = item else {
        throw typeError("'in <string>' requires string as left operand, not \(item.typeName)")
      }
      return s.pythonContains(sub)
    case .list(let l):
      for x in l.items { if try x.isIdentical(item) || equals(x, item) { return true } }
      return false
    case .tuple(let t):
      for x in t { if try x.isIdentical(item) || equals(x, item) { return true } }
      return false
    case .dict(let d): return try d.table.find(item, hash: hash(item), vm: self) != nil
    case .object(let s as SetObject): return try s.table.find(item, hash: hash(item), vm: self) != nil
    case .object(let v as DictView):
      switch v.part {
      case .keys: return try v.dict.table.find(item, hash: hash(item), vm: self) != nil
      case .values: return try contains(.list(ListObject(v.dict.table.values)), item)
      case .items:
        guard case .tuple(let kv) = item, kv.count == 2 else { return false }
        guard let val = try v.dict.table.get(kv[0], hash: hash(kv[0]), vm: self) else { return false }
        return try equals(val, kv[1])
      }
    case .object(let r as RangeObject):
      guard case .int(let i) = item else {
        if case .bool(let b) = item { return try contains(container, .int(b ? 1 : 0)) }
        for x in try iterate(container) where try equals(x, item) { return true }
        return false
      }
      if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
      return (i - r.start) % r.step == 0
    case .object(let r as BigRangeObject):
      if case .float = item {} else if let i = IntMath.bigOf(item) { return r.contains(i) }
      for x in try iterate(container) where try equals(x, item) { return true }
      return false
    default:
      if let m = container.pyType.lookup("__contains__") {
        return try truthy(callDescriptor(m, on: container, [item]))
      }
      if container.pyType.lookup("__iter__") != nil || container.pyType.lookup("__getitem__") != nil {
        let it = try iterator(container)
        while let x = try it.next(self) { if try x.isIdentical(item) || equals(x, item) { return true } }
        return false
      }
      throw typeError("argument of type '\(container.typeName)' is not iterable")
    }
  }
}

/// `d.keys()`, `d.values()`, `d.items()`: live views.
final class DictView: PyObject {
  let dict: DictObject
  let part: HashIterator.Part
  init(_ dict: DictObject, _ part: HashIterator.Part) {
    self.dict = dict
    self.part = part
  }
  override var pyType: TypeObject {
    switch part {
    case .keys: return Builtin.dictKeysType
    case .values: return Builtin.dictValuesType
    case .items: return Builtin.dictItemsType
    }
  }
  func items(_ vm: VM) -> [Value] {
    switch part {
    case .keys: return dict.table.keys
    case .values: return dict.table.values
    case .items: return dict.table.live.map { .tuple([$0.key, $0.value]) }
    }
  }
}
