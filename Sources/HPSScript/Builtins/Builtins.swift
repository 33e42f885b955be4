// The builtin functions, declared in one table. Classes (int, list, ValueError, ...) join them.
import BigInt
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

enum Builtins {
  static func makeTable(_ vm: VM) -> [String: Value] {
    var t: [String: Value] = [:]
    for f in functions { t[f.name] = .object(f) }
    for type in Builtin.allTypes { t[type.name] = .type(type) }
    for e in Builtin.allExceptions { t[e.name] = .type(e) }
    t["EnvironmentError"] = .type(Builtin.osError)
    t["IOError"] = .type(Builtin.osError)
    t["None"] = Value.none
    t["True"] = .bool(true)
    t["False"] = .bool(false)
    t["NotImplemented"] = .object(Builtin.notImplemented)
    t["Ellipsis"] = .object(Builtin.ellipsis)
    t["__name__"] = .str("builtins")
    return t
  }

  static let functions: [NativeFunction] = [
    NativeFunction("print", signature: "(*args, sep=' ', end='\\n', file=None, flush=False)", doc: "Prints the values to a stream, or to sys.stdout by default.") { vm, args, kw in
      var sep = " ", end = "\n"
      var file: Value = .none
      var flush = false
      for (k, v) in kw {
        switch k {
        case "sep": if case .str(let s) = v { sep = s } else if case .none = v {} else { throw typeError("sep must be None or a string, not \(v.typeName)") }
        case "end": if case .str(let s) = v { end = s } else if case .none = v {} else { throw typeError("end must be None or a string, not \(v.typeName)") }
        case "file": file = v
        case "flush": flush = try vm.truthy(v)
        default: throw typeError("'\(k)' is an invalid keyword argument for print()")
        }
      }
      var out = ""
      for (i, a) in args.enumerated() {
        if i > 0 { out += sep }
        out += try vm.str(a)
      }
      out += end
      if case .none = file { vm.writeStdout(out) } else { _ = try vm.callMethod(file, "write", [.str(out)]) }
      if flush { vm.flushStdout() }
      return .none
    },
    NativeFunction("len", signature: "(obj, /)", doc: "Return the number of items in a container.") { vm, args, kw in
      try expectArgs("len", args, kw, min: 1, max: 1)
      return .int(try vm.len((try args.at(0))))
    },
    NativeFunction("repr", signature: "(obj, /)", doc: "Return the canonical string representation of the object.") { vm, args, kw in
      try expectArgs("repr", args, kw, min: 1, max: 1)
      return .str(try vm.repr((try args.at(0))))
    },
    NativeFunction("ascii", signature: "(obj, /)") { vm, args, kw in
      try expectArgs("ascii", args, kw, min: 1, max: 1)
      return .str(PythonStringRepr.ascii(fromRepr: try vm.repr((try args.at(0)))))
    },
    NativeFunction("abs", signature: "(x, /)", doc: "Return the absolute value of the argument.") { vm, args, kw in
      try expectArgs("abs", args, kw, min: 1, max: 1)
      switch (try args.at(0)) {
      case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(abs(i))
      case .big(let b): return .integer(b.value.magnitude.asSigned)
      case .float(let d): return .float(Swift.abs(d))
      case .bool(let b): return .int(b ? 1 : 0)
      default:
        if let m = (try args.at(0)).pyType.lookup("__abs__") { return try vm.callDescriptor(m, on: (try args.at(0)), []) }
        throw typeError("bad operand type for abs(): '\((try args.at(0)).typeName)'")
      }
    },
    NativeFunction("min", signature: "(iterable, *, key=None, default=...)", doc: "Return the smallest item.") { vm, args, kw in
      try vm.extremum("min", args, kw, .less)
    },
    NativeFunction("max", signature: "(iterable, *, key=None, default=...)", doc: "Return the largest item.") { vm, args, kw in
      try vm.extremum("max", args, kw, .greater)
    },
    NativeFunction("sum", signature: "(iterable, /, start=0)", doc: "Return the sum of a 'start' value (default: 0) plus an iterable of numbers.") { vm, args, kw in
      var start: Value = .int(0)
      if args.count == 2 { start = (try args.at(1)) }
      for (k, v) in kw where k == "start" { start = v }
      guard args.count >= 1 && args.count <= 2 else { throw typeError("sum() takes at most 2 arguments (\(args.count) given)") }
      if case .str = start { throw typeError("sum() can't sum strings [use ''.join(seq) instead]") }
      var acc = start
      try vm.forEach((try args.at(0))) { x in
        if case .int(let a) = acc, case .int(let b) = x {
          acc = IntMath.add(a, b)
        } else if case .float(let a) = acc, case .float(let b) = x {
          acc = .float(a + b)
        } else {
          acc = try vm.binary(.add, acc, x)
        }
      }
      return acc
    },
    NativeFunction("round", signature: "(number, ndigits=None)", doc: "Round a number to a given precision in decimal digits.") { vm, args, kw in
      let b = try Signature([.init("number"), .init("ndigits", default: Value.none)]).bind("round", args, kw)
      return try vm.round(b[0], b[1])
    },
    NativeFunction("sorted", signature: "(iterable, /, *, key=None, reverse=False)", doc: "Return a new list containing all items from the iterable in ascending order.") { vm, args, kw in
      guard args.count == 1 else { throw typeError("sorted expected 1 argument, got \(args.count)") }
      var items = try vm.iterate((try args.at(0)))
      try vm.sortValues(&items, kw)
      return .list(ListObject(items))
    },
    NativeFunction("reversed", signature: "(sequence, /)") { vm, args, kw in
      try expectArgs("reversed", args, kw, min: 1, max: 1)
      let v = (try args.at(0))
      if let m = v.pyType.lookup("__reversed__"), case .instance = v { return try vm.callDescriptor(m, on: v, []) }
      switch v {
      case .list(let l):
        var i = l.items.count - 1
        return .object(ClosureIterator(name: "list_reverseiterator") { _ in
          guard i >= 0, i < l.items.count else { return nil }
          defer { i -= 1 }
          return l.items[i]
        })
      case .object(is RangeObject), .object(is BigRangeObject):
        guard let r = BigRangeObject(v) else { return v }
        return .object(try vm.iterator(r.reversedRange))
      case .tuple, .str, .object(is DictView), .dict:
        return .object(ArrayIterator(try vm.iterate(v).reversed(), name: "reversed"))
      default:
        if v.pyType.lookup("__len__") != nil && v.pyType.lookup("__getitem__") != nil {
          var i = try vm.len(v) - 1
          return .object(ClosureIterator(name: "reversed") { vm in
            guard i >= 0 else { return nil }
            defer { i -= 1 }
            return try vm.getItem(v, .int(i))
          })
        }
        throw typeError("'\(v.typeName)' object is not reversible")
      }
    },
    NativeFunction("enumerate", signature: "(iterable, start=0)") { vm, args, kw in
      let b = try Signature([.init("iterable"), .init("start", default: .int(0))]).bind("enumerate", args, kw)
      let it = try vm.iterator(b[0])
      var n = try vm.index(b[1], "'\(b[1].typeName)' object cannot be interpreted as an integer")
      return .object(ClosureIterator(name: "enumerate") { vm in
        guard let x = try it.next(vm) else { return nil }
        defer { n += 1 }
        return .tuple([.int(n), x])
      })
    },
    NativeFunction("zip", signature: "(*iterables, strict=False)") { vm, args, kw in
      var strict = false
      for (k, v) in kw {
        guard k == "strict" else { throw typeError("zip() got an unexpected keyword argument '\(k)'") }
        strict = try vm.truthy(v)
      }
      let its = try args.enumerated().map { (i, a) -> PyIterator in
        do { return try vm.iterator(a) } catch let e as ScriptError where e.exception.cls === Builtin.typeError {
          throw typeError("zip argument #\(i + 1) must support iteration")
        }
      }
      if its.isEmpty { return .object(ArrayIterator([], name: "zip")) }
      return .object(ClosureIterator(name: "zip") { vm in
        var out: [Value] = []
        for (i, it) in its.enumerated() {
          guard let x = try it.next(vm) else {
            if strict {
              if i > 0 { throw valueError("zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")") }
              for (j, other) in its.enumerated().dropFirst() where try other.next(vm) != nil {
                throw valueError("zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
              }
            }
            return nil
          }
          out.append(x)
        }
        return .tuple(out)
      })
    },
    NativeFunction("map", signature: "(function, iterable, /, *iterables)") { vm, args, kw in
      guard args.count >= 2 else { throw typeError("map() must have at least two arguments.") }
      let f = (try args.at(0))
      let its = try args.dropFirst().map { try vm.iterator($0) }
      if its.count == 1 {
        let it = its[0]
        return .object(ClosureIterator(name: "map") { vm in
          guard let x = try it.next(vm) else { return nil }
          return try vm.call1(f, x)
        })
      }
      return .object(ClosureIterator(name: "map") { vm in
        var xs: [Value] = []
        for it in its {
          guard let x = try it.next(vm) else { return nil }
          xs.append(x)
        }
        return try vm.call(f, xs)
      })
    },
    NativeFunction("filter", signature: "(function, iterable, /)") { vm, args, kw in
      try expectArgs("filter", args, kw, min: 2, max: 2)
      let f = (try args.at(0))
      let it = try vm.iterator((try args.at(1)))
      return .object(ClosureIterator(name: "filter") { vm in
        while let x = try it.next(vm) {
          let keep: Bool
          if case .none = f { keep = try vm.truthy(x) } else { keep = try vm.truthy(vm.call1(f, x)) }
          if keep { return x }
        }
        return nil
      })
    },
    NativeFunction("any", signature: "(iterable, /)") { vm, args, kw in
      try expectArgs("any", args, kw, min: 1, max: 1)
      let it = try vm.iterator((try args.at(0)))
      while let x = try it.next(vm) { if try vm.truthy(x) { return .bool(true) } }
      return .bool(false)
    },
    NativeFunction("all", signature: "(iterable, /)") { vm, args, kw in
      try expectArgs("all", args, kw, min: 1, max: 1)
      let it = try vm.iterator((try args.at(0)))
      while let x = try it.next(vm) { if !(try vm.truthy(x)) { return .bool(false) } }
      return .bool(true)
    },
    NativeFunction("isinstance", signature: "(obj, class_or_tuple, /)") { vm, args, kw in
      try expectArgs("isinstance", args, kw, min: 2, max: 2)
      return .bool(try vm.isInstance((try args.at(0)), (try args.at(1))))
    },
    NativeFunction("issubclass", signature: "(cls, class_or_tuple, /)") { vm, args, kw in
      try expectArgs("issubclass", args, kw, min: 2, max: 2)
      guard case .type(let t) = (try args.at(0)) else { throw typeError("issubclass() arg 1 must be a class") }
      return .bool(try vm.isSubclass(t, (try args.at(1))))
    },
    NativeFunction("callable", signature: "(obj, /)") { vm, args, kw in
      try expectArgs("callable", args, kw, min: 1, max: 1)
      return .bool(vm.isCallable((try args.at(0))))
    },
    NativeFunction("hash", signature: "(obj, /)") { vm, args, kw in
      try expectArgs("hash", args, kw, min: 1, max: 1)
      return .int(try vm.hash((try args.at(0))))
    },
    NativeFunction("id", signature: "(obj, /)") { vm, args, kw in
      try expectArgs("id", args, kw, min: 1, max: 1)
      return .int((try args.at(0)).identity & Int.max)
    },
    NativeFunction("pow", signature: "(base, exp, mod=None)") { vm, args, kw in
      let b = try Signature([.init("base"), .init("exp"), .init("mod", default: Value.none)]).bind("pow", args, kw)
      if case .none = b[2] { return try vm.binary(.power, b[0], b[1]) }
      guard let base = IntMath.bigOf(b[0]), let e = IntMath.bigOf(b[1]), let m = IntMath.bigOf(b[2]) else {
        throw typeError("pow() 3rd argument not allowed unless all arguments are integers")
      }
      if m == 0 { throw valueError("pow() 3rd argument cannot be 0") }
      if e < 0 { throw valueError("pow() negative exponent not supported in hps with a modulus") }
      var r = base.power(e, modulus: m)
      if r != 0 && (r < 0) != (m < 0) { r += m }
      return .integer(r)
    },
    NativeFunction("divmod", signature: "(x, y, /)") { vm, args, kw in
      try expectArgs("divmod", args, kw, min: 2, max: 2)
      let (x, y) = (try args.at(0), try args.at(1))
      let isFloat = { (v: Value) -> Bool in if case .float = v { return true } else { return false } }
      if isFloat(x) || isFloat(y), let a = try? IntMath.double(x), let b = try? IntMath.double(y) {
        let (q, r) = try FloatMath.divmod(a, b, message: "float divmod()")
        return .tuple([.float(q), .float(r)])
      }
      return .tuple([try vm.binary(.floorDivide, (try args.at(0)), (try args.at(1))), try vm.binary(.modulo, (try args.at(0)), (try args.at(1)))])
    },
    NativeFunction("ord", signature: "(c, /)") { vm, args, kw in
      try expectArgs("ord", args, kw, min: 1, max: 1)
      guard case .str(let s) = (try args.at(0)) else { throw typeError("ord() expected string of length 1, but \((try args.at(0)).typeName) found") }
      let scalars = s.unicodeScalars
      guard scalars.count == 1, let u = scalars.first else {
        throw typeError("ord() expected a character, but string of length \(scalars.count) found")
      }
      return .int(Int(u.value))
    },
    NativeFunction("chr", signature: "(i, /)") { vm, args, kw in
      try expectArgs("chr", args, kw, min: 1, max: 1)
      let i = try vm.index((try args.at(0)), "'\((try args.at(0)).typeName)' object cannot be interpreted as an integer")
      guard i >= 0, i <= 0x10FFFF else { throw valueError("chr() arg not in range(0x110000)") }
      guard let u = Unicode.Scalar(UInt32(i)) else { throw valueError("chr() arg is a surrogate, not supported in hps") }
      return .str(String(u))
    },
    NativeFunction("hex", signature: "(number, /)") { vm, args, kw in
      try expectArgs("hex", args, kw, min: 1, max: 1)
      return .str(try vm.radixString((try args.at(0)), 16, "0x"))
    },
    NativeFunction("oct", signature: "(number, /)") { vm, args, kw in
      try expectArgs("oct", args, kw, min: 1, max: 1)
      return .str(try vm.radixString((try args.at(0)), 8, "0o"))
    },
    NativeFunction("bin", signature: "(number, /)") { vm, args, kw in
      try expectArgs("bin", args, kw, min: 1, max: 1)
      return .str(try vm.radixString((try args.at(0)), 2, "0b"))
    },
    NativeFunction("hasattr", signature: "(obj, name, /)") { vm, args, kw in
      try expectArgs("hasattr", args, kw, min: 2, max: 2)
      guard case .str(let n) = (try args.at(1)) else { throw typeError("hasattr(): attribute name must be string") }
      do { return .bool(try vm.lookupAttribute((try args.at(0)), n) != nil) } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.attributeError) {
        return .bool(false)
      }
    },
    NativeFunction("getattr", signature: "(object, name, default=..., /)") { vm, args, kw in
      try expectArgs("getattr", args, kw, min: 2, max: 3)
      guard case .str(let n) = (try args.at(1)) else { throw typeError("attribute name must be string, not '\((try args.at(1)).typeName)'") }
      if args.count == 3 {
        do {
          return try vm.lookupAttribute((try args.at(0)), n) ?? (try args.at(2))
        } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.attributeError) {
          return (try args.at(2))
        }
      }
      return try vm.getAttribute((try args.at(0)), n)
    },
    NativeFunction("setattr", signature: "(obj, name, value, /)") { vm, args, kw in
      try expectArgs("setattr", args, kw, min: 3, max: 3)
      guard case .str(let n) = (try args.at(1)) else { throw typeError("attribute name must be string, not '\((try args.at(1)).typeName)'") }
      try vm.setAttribute((try args.at(0)), n, (try args.at(2)))
      return .none
    },
    NativeFunction("delattr", signature: "(obj, name, /)") { vm, args, kw in
      try expectArgs("delattr", args, kw, min: 2, max: 2)
      guard case .str(let n) = (try args.at(1)) else { throw typeError("attribute name must be string, not '\((try args.at(1)).typeName)'") }
      try vm.deleteAttribute((try args.at(0)), n)
      return .none
    },
    NativeFunction("dir", signature: "([object])") { vm, args, kw in
      try expectArgs("dir", args, kw, min: 0, max: 1)
      if args.isEmpty { return .list(ListObject(vm.main.namespace.boundNames.sorted().map { .str($0) })) }
      return .list(ListObject(vm.attributeNames((try args.at(0))).map { .str($0) }))
    },
    NativeFunction("vars", signature: "([object])") { vm, args, kw in
      try expectArgs("vars", args, kw, min: 0, max: 1)
      if args.isEmpty { return .dict(try vm.namespaceDict(vm.main.namespace)) }
      return try vm.getAttribute((try args.at(0)), "__dict__")
    },
    NativeFunction("globals", signature: "()") { vm, args, kw in
      .dict(try vm.namespaceDict(vm.main.namespace))
    },
    NativeFunction("locals", signature: "()") { vm, args, kw in
      .dict(try vm.namespaceDict(vm.main.namespace))
    },
    NativeFunction("iter", signature: "(object[, sentinel])") { vm, args, kw in
      try expectArgs("iter", args, kw, min: 1, max: 2)
      if args.count == 2 {
        let f = (try args.at(0)), sentinel = (try args.at(1))
        return .object(ClosureIterator(name: "callable_iterator") { vm in
          let v = try vm.call0(f)
          return try vm.equals(v, sentinel) ? nil : v
        })
      }
      return .object(try vm.iterator((try args.at(0))))
    },
    NativeFunction("next", signature: "(iterator[, default])") { vm, args, kw in
      try expectArgs("next", args, kw, min: 1, max: 2)
      let v = (try args.at(0))
      if case .object(let it as PyIterator) = v {
        if let x = try it.next(vm) { return x }
        if args.count == 2 { return (try args.at(1)) }
        if let g = it as? GeneratorObject, !g.returnValue.isNone { throw stopIteration(g.returnValue) }
        throw stopIteration()
      }
      guard let m = v.pyType.lookup("__next__") else { throw typeError("'\(v.typeName)' object is not an iterator") }
      do { return try vm.callDescriptor(m, on: v, []) } catch let e as ScriptError where args.count == 2 && e.exception.cls.isSubtype(of: Builtin.stopIteration) {
        return (try args.at(1))
      }
    },
    NativeFunction("format", signature: "(value, format_spec='', /)") { vm, args, kw in
      try expectArgs("format", args, kw, min: 1, max: 2)
      var spec = ""
      if args.count == 2 {
        guard case .str(let s) = (try args.at(1)) else { throw typeError("format() argument 2 must be str, not \((try args.at(1)).typeName)") }
        spec = s
      }
      return .str(try vm.format((try args.at(0)), spec))
    },
    NativeFunction("input", signature: "(prompt='', /)") { vm, args, kw in
      try expectArgs("input", args, kw, min: 0, max: 1)
      let prompt = try args.first.map { try vm.str($0) } ?? ""
      vm.flushStdout()
      guard let line = vm.readLine(prompt) else {
        try vm.checkInterrupt()  // Ctrl-C / a kernel interrupt while waiting is KeyboardInterrupt, not EOF
        throw ScriptError(Builtin.eofError, "EOF when reading a line")
      }
      return .str(line)
    },
    NativeFunction("open", signature: "(file, mode='r', encoding=None)") { vm, args, kw in
      try FileObject.open(vm, args, kw)
    },
    NativeFunction("help", signature: "([object])") { vm, args, kw in
      let target = args.first ?? Value.none
      if let hook = vm.helpHook { vm.writeStdout(hook(target) + "\n") } else { vm.writeStdout(vm.helpText(target) + "\n") }
      return .none
    },
    NativeFunction("exit", signature: "(code=None)") { vm, args, kw in
      throw ScriptError(ExceptionObject(cls: Builtin.systemExit, args: args))
    },
    NativeFunction("quit", signature: "(code=None)") { vm, args, kw in
      throw ScriptError(ExceptionObject(cls: Builtin.systemExit, args: args))
    },
    NativeFunction("__import__", signature: "(name)") { vm, args, kw in
      guard let n = args.first?.asString else { throw typeError("__import__() argument 1 must be str") }
      return .object(try vm.importModule(n, relativeTo: "."))
    },
  ]
}
