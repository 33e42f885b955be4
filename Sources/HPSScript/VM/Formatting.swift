// Adapts the neutral formatting helpers of Formatting/ (format-spec mini-language, %-formatting)
// to script values: `format(v, spec)`, f-string fields, `str % args`.
import BigInt

extension VM {
  /// `format(value, spec)`.
  func format(_ v: Value, _ spec: String) throws -> String {
    do {
      switch v {
      case .int(let i): return spec.isEmpty ? String(i) : try PythonFormat.format(i, spec: spec)
      case .bool(let b):
        if spec.isEmpty { return b ? "True" : "False" }
        return try PythonFormat.format(b ? 1 : 0, spec: spec, typeName: "bool")
      case .big(let b): return try PythonFormat.format(b.value, spec: spec)
      case .float(let d): return spec.isEmpty ? PythonFloat.repr(d) : try PythonFormat.format(d, spec: spec)
      case .str(let s): return spec.isEmpty ? s : try PythonFormat.format(s, spec: spec)
      case .instance(let i):
        if let m = i.cls.lookup("__format__") {
          let r = try callDescriptor(m, on: v, [.str(spec)])
          guard case .str(let s) = r else { throw typeError("__format__ must return a str, not \(r.typeName)") }
          return s
        }
        fallthrough
      default:
        if spec.isEmpty { return try str(v) }
        throw typeError("unsupported format string passed to \(v.typeName).__format__")
      }
    } catch let e as FormattingError {
      throw convert(e)
    }
  }

  func convert(_ e: FormattingError) -> ScriptError {
    switch e.kind {
    case .typeError: return typeError(e.message)
    case .overflowError: return overflowError(e.message)
    default: return valueError(e.message)
    }
  }

  func percentArgument(_ v: Value) -> PercentArgument {
    switch v {
    case .int(let i): return .int(i)
    case .big(let b): return .int(b.value)
    case .bool(let b): return .bool(b)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    default:
      return PercentArgument(
        value: .other, typeName: v.typeName, str: { [unowned self] in try self.str(v) },
        repr: { [unowned self] in try self.repr(v) })
    }
  }

  /// `template % operand`.
  func percentFormat(_ template: String, _ operand: Value) throws -> String {
    let op: PercentOperand
    switch operand {
    case .tuple(let t): op = .tuple(t.map { percentArgument($0) })
    case .dict(let d):
      op = .single(percentArgument(operand)) { [unowned self] key in
        guard let v = try d.table.get(.str(key), hash: self.hash(.str(key)), vm: self) else {
          throw keyError(.str(key))
        }
        return self.percentArgument(v)
      }
    default: op = .single(percentArgument(operand), mapping: nil)
    }
    do {
      return try PercentFormat.format(template, op)
    } catch let e as FormattingError {
      throw convert(e)
    }
  }
}
