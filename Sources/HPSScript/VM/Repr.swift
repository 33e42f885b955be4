// `repr()` and `str()` of every value, identical to CPython: shortest round-trip floats, quote
// selection and escapes for strings, `[...]` for self-containing containers.

extension VM {
  public func repr(_ v: Value) throws -> String {
    switch v {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .big(let b): return b.description
    case .float(let d): return formatFloatRepr(d)
    case .str(let s): return quoteString(s)
    case .tuple(let t):
      if t.count == 1 { return "(" + (try repr(t[0])) + ",)" }
      return try "(" + t.map { try nestedRepr($0) }.joined(separator: ", ") + ")"
    case .list(let l):
      return try guarded(l, "[...]") { try "[" + l.items.map { try nestedRepr($0) }.joined(separator: ", ") + "]" }
    case .dict(let d):
      return try guarded(d, "{...}") {
        try "{" + d.table.live.map { try nestedRepr($0.key) + ": " + nestedRepr($0.value) }.joined(separator: ", ") + "}"
      }
    case .function(let f): return "<function \(f.qualname) at 0x\(hexID(v))>"
    case .type(let t):
      if t.isUserDefined || t.native != nil && t.moduleName != "builtins" { return "<class '\(t.moduleName).\(t.qualname)'>" }
      return "<class '\(t.name)'>"
    case .instance(let i):
      if let m = i.cls.lookup("__repr__"), !isDefault(m) {
        let r = try withNesting { try callDescriptor(m, on: v, []) }
        guard case .str(let s) = r else { throw typeError("__repr__ returned non-string (type \(r.typeName))") }
        return s
      }
      if let e = i as? ExceptionObject {
        if e.args.count == 1 { return "\(i.cls.name)(\(try repr(e.args[0])))" }
        return "\(i.cls.name)(" + (try e.args.map { try repr($0) }.joined(separator: ", ")) + ")"
      }
      let prefix = i.cls.moduleName == "builtins" ? "" : i.cls.moduleName + "."
      return "<\(prefix)\(i.cls.qualname) object at 0x\(hexID(v))>"
    case .object(let o):
      return try objectRepr(o, v)
    case .unbound: return "<unbound>"
    }
  }

  private func nestedRepr(_ v: Value) throws -> String {
    try withNesting { try repr(v) }
  }

  private func guarded(_ o: AnyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
    let id = ObjectIdentifier(o)
    if reprInProgress.contains(id) { return placeholder }
    reprInProgress.insert(id)
    defer { reprInProgress.remove(id) }
    return try body()
  }

  func hexID(_ v: Value) -> String {
    String(UInt(bitPattern: v.identity), radix: 16)
  }

  private func objectRepr(_ o: PyObject, _ v: Value) throws -> String {
    switch o {
    case let s as SetObject:
      let name = s.frozen ? "frozenset" : "set"
      if s.table.count == 0 { return "\(name)()" }
      return try guarded(s, "\(name)(...)") {
        let body = try "{" + s.pythonOrder.map { try nestedRepr($0) }.joined(separator: ", ") + "}"
        return s.frozen ? "frozenset(\(body))" : body
      }
    case let r as RangeObject:
      return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case let r as BigRangeObject:
      return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case let s as SliceObject:
      return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
    case let m as ModuleObject:
      if let f = m.file { return "<module '\(m.name)' from '\(f)'>" }
      return m.name == "__main__" ? "<module '__main__'>" : "<module '\(m.name)' (built-in)>"
    case let b as BoundMethod:
      let fname: String
      switch b.function {
      case .function(let f): fname = f.qualname
      case .object(let n as NativeFunction):
        return "<built-in method \(n.name) of \(b.receiver.typeName) object at 0x\(hexID(b.receiver))>"
      default: fname = "?"
      }
      return "<bound method \(fname) of \(try repr(b.receiver))>"
    case let n as NativeFunction:
      return n.isMethod ? "<method '\(n.name)' objects>" : "<built-in function \(n.name)>"
    case let s as SingletonObject: return s.name
    case let view as DictView:
      let name = view.part == .keys ? "dict_keys" : view.part == .values ? "dict_values" : "dict_items"
      return try "\(name)([" + view.items(self).map { try nestedRepr($0) }.joined(separator: ", ") + "])"
    case let it as PyIterator:
      return "<\(it.typeName) object at 0x\(hexID(v))>"
    case is PropertyObject: return "<property object at 0x\(hexID(v))>"
    case is Cell: return "<cell at 0x\(hexID(v))>"
    default:
      if let m = v.pyType.lookup("__repr__") {
        let r = try callDescriptor(m, on: v, [])
        if case .str(let s) = r { return s }
      }
      return "<\(v.typeName) object at 0x\(hexID(v))>"
    }
  }

  /// `str(v)`.
  public func str(_ v: Value) throws -> String {
    switch v {
    case .str(let s): return s
    case .int(let i): return String(i)
    case .float(let d): return formatFloatRepr(d)
    case .instance(let i):
      if let m = i.cls.lookup("__str__"), !isDefault(m) {
        let r = try withNesting { try callDescriptor(m, on: v, []) }
        guard case .str(let s) = r else { throw typeError("__str__ returned non-string (type \(r.typeName))") }
        return s
      }
      if let e = i as? ExceptionObject, i.cls.lookup("__repr__") == nil || true {
        if i.cls.lookup("__repr__") != nil, i.cls.isUserDefined, i.cls.dict["__repr__"] != nil {
          return try repr(v)
        }
        return try exceptionMessage(e)
      }
      return try repr(v)
    default: return try repr(v)
    }
  }

  /// The text after `ValueError: ` in a traceback.
  func exceptionMessage(_ e: ExceptionObject) throws -> String {
    if e.cls.isSubtype(of: Builtin.keyError), e.args.count == 1 { return try repr(e.args[0]) }
    switch e.args.count {
    case 0: return ""
    case 1: return try str(e.args[0])
    default: return try repr(.tuple(e.args))
    }
  }

  /// Python's string repr.
  func quoteString(_ s: String) -> String {
    let hasSingle = s.contains("'")
    let hasDouble = s.contains("\"")
    let quote: Character = hasSingle && !hasDouble ? "\"" : "'"
    var out = String(quote)
    for u in s.unicodeScalars {
      switch u {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(u) == quote {
          out += "\\" + String(quote)
        } else if u.value < 0x20 || u.value == 0x7f {
          out += "\\x" + hex2(u.value)
        } else if u.value >= 0x80 && !isPrintable(u) {
          if u.value <= 0xff {
            out += "\\x" + hex2(u.value)
          } else if u.value <= 0xffff {
            out += "\\u" + String(format4: u.value)
          } else {
            out += "\\U" + String(u.value, radix: 16).leftPad(8)
          }
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out.append(quote)
    return out
  }

  private func hex2(_ v: UInt32) -> String { String(v, radix: 16).leftPad(2) }

  private func isPrintable(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return u == " "
    default: return true
    }
  }
}

extension String {
  init(format4 v: UInt32) { self = String(v, radix: 16).leftPad(4) }
  func leftPad(_ n: Int, with c: Character = "0") -> String {
    count >= n ? self : String(repeating: c, count: n - count) + self
  }
}

/// Python's `repr(float)` (shortest round-trip, Python's layout).
@inline(__always) func formatFloatRepr(_ d: Double) -> String { PythonFloat.repr(d) }
