// Expressions. Hot shapes get dedicated closures: slot loads, int fast paths for arithmetic and
// comparisons, conditions that produce a Swift Bool without boxing.
import BigInt
import HPSSyntax

extension Compiler {
  func expr(_ e: Expr) throws -> ExprCode {
    let vm = self.vm
    let info = self.info
    let r = e.range
    switch e.kind {
    case .name(let n): return loadName(n, r)
    case .constant(let c):
      let v = try constant(c, r)
      return { _ in v }
    case .formattedString(let parts): return try fstring(parts)
    case .tuple(let items):
      if items.contains(where: { if case .starred = $0.kind { return true } else { return false } }) {
        let build = try sequenceBuilder(items)
        return { f in .tuple(try build(f)) }
      }
      if items.count == 2 {
        let a = try expr(items[0])
        let b = try expr(items[1])
        return { f in .tuple([try a(f), try b(f)]) }
      }
      let codes = try items.map { ExprBox(try expr($0)) }
      return { f in .tuple(try codes.map { try $0.run(f) }) }
    case .list(let items):
      let build = try sequenceBuilder(items)
      return { f in .list(ListObject(try build(f))) }
    case .set(let items):
      let build = try sequenceBuilder(items)
      return { f in
        let s = SetObject()
        for x in try build(f) { try s.table.set(x, hash: vm.hash(x), value: .none, vm: vm) }
        return .object(s)
      }
    case .dict(let items): return try dictDisplay(items, r)
    case .starred:
      throw syntaxError("can't use starred expression here", r)
    case .unary(let op, let operand):
      let c = try expr(operand)
      if op == .not {
        let cond = try condition(operand)
        return { f in .bool(!(try cond(f))) }
      }
      if op == .negate {
        return { f in
          let v = try c(f)
          if case .int(let i) = v, i != Int.min { return .int(-i) }
          if case .float(let d) = v { return .float(-d) }
          do { return try vm.unary(op, v) } catch { throw annotate(error, f, info, r) }
        }
      }
      return { f in
        let v = try c(f)
        do { return try vm.unary(op, v) } catch { throw annotate(error, f, info, r) }
      }
    case .binary(let op, let a, let b): return try binary(op, a, b, r)
    case .boolean(let op, let operands):
      let codes = try operands.map { ExprBox(try expr($0)) }
      if op == .and {
        return { f in
          var v: Value = .none
          for c in codes {
            v = try c.run(f)
            if !(try vm.truthy(v)) { return v }
          }
          return v
        }
      }
      return { f in
        var v: Value = .none
        for c in codes {
          v = try c.run(f)
          if try vm.truthy(v) { return v }
        }
        return v
      }
    case .compare(let first, let links): return try comparison(first, links, r)
    case .conditional(let test, let body, let orElse):
      let t = try condition(test)
      let b = try expr(body)
      let o = try expr(orElse)
      return { f in try t(f) ? try b(f) : try o(f) }
    case .namedExpression(let target, let value):
      let v = try expr(value)
      let store = namedExpressionStore(target)
      return { f in
        let x = try v(f)
        try store(f, x)
        return x
      }
    case .lambda(let params, let body): return try lambda(params, body, r)
    case .call(let callee, let args): return try call(callee, args, r)
    case .attribute(let obj, let name):
      let o = try expr(obj)
      let site = AttributeSite(name)
      return { f in
        let v = try o(f)
        if case .instance(let i) = v, let a = site.load(i, vm) { return a }
        do { return try vm.getAttribute(v, name) } catch { throw annotate(error, f, info, r) }
      }
    case .subscript(let obj, let index):
      let o = try expr(obj)
      let i = try expr(index)
      return { f in
        let v = try o(f)
        let k = try i(f)
        if case .list(let l) = v, case .int(let n) = k, n >= 0, n < l.items.count { return l.items[n] }
        do { return try vm.getItem(v, k) } catch { throw annotate(error, f, info, r) }
      }
    case .slice(let lower, let upper, let step):
      let l = try lower.map { try expr($0) }
      let u = try upper.map { try expr($0) }
      let s = try step.map { try expr($0) }
      return { f in
        .object(SliceObject(start: try l?(f) ?? Value.none, stop: try u?(f) ?? Value.none, step: try s?(f) ?? Value.none))
      }
    case .listComprehension(let element, let clauses):
      return try listComprehension(element, clauses)
    case .setComprehension(let element, let clauses):
      return try setComprehension(element, clauses)
    case .dictComprehension(let key, let value, let clauses):
      return try dictComprehension(key, value, clauses)
    case .generator(let element, let clauses):
      return try generatorExpression(element, clauses, r)
    case .yield(let value):
      return try yieldExpression(value, r)
    case .yieldFrom(let value):
      return try yieldFromExpression(value, r)
    }
  }

  func constant(_ c: Constant, _ r: SourceRange) throws -> Value {
    switch c {
    case .none: return .none
    case .true: return .bool(true)
    case .false: return .bool(false)
    case .ellipsis: return .object(Builtin.ellipsis)
    case .int(let i): return .int(i)
    case .bigInt(let digits): return .integer(BigInt(digits) ?? 0)
    case .float(let d): return .float(d)
    case .imaginary: throw syntaxError("complex numbers are not supported in hps", r)
    case .string(let s): return .str(s)
    case .bytes: throw syntaxError("bytes literals are not supported in hps", r)
    }
  }

  func loadName(_ n: String, _ r: SourceRange) -> ExprCode {
    let info = self.info
    switch resolve(n) {
    case .local(let slot):
      return { f in
        let v = f[slot]
        if v.isUnbound {
          throw annotate(
            ScriptError(Builtin.unboundLocalError, "cannot access local variable '\(n)' where it is not associated with a value"),
            f, info, r)
        }
        return v
      }
    case .cell(let slot):
      return { f in
        if case .object(let o) = f[slot] {
          let v = unsafeDowncast(o, to: Cell.self).value
          if !v.isUnbound { return v }
        }
        throw annotate(
          ScriptError(Builtin.nameError, "cannot access free variable '\(n)' where it is not associated with a value in enclosing scope"),
          f, info, r)
      }
    case .global(let slot):
      let ns = self.ns
      let vm = self.vm
      return { f in
        let v = ns.values[slot]
        if !v.isUnbound { return v }
        if let b = vm.builtins[n] { return b }
        throw annotate(nameError(n), f, info, r)
      }
    case .classLocal(let name, let slot):
      let ns = self.ns
      let vm = self.vm
      return { f in
        if case .dict(let d) = f[0], let v = try d.table.get(.str(name), hash: vm.hash(.str(name)), vm: vm) { return v }
        let v = ns.values[slot]
        if !v.isUnbound { return v }
        if let b = vm.builtins[name] { return b }
        throw annotate(nameError(name), f, info, r)
      }
    }
  }

  /// `x := v` binds in the nearest non-comprehension scope.
  func namedExpressionStore(_ target: String) -> StoreCode {
    var s: Scope? = scope
    while let cur = s, cur.kind == .comprehension { s = cur.parent }
    guard let owner = s, owner !== scope else { return storeName(target) }
    let saved = scope
    scope = owner
    defer { scope = saved }
    return storeName(target)
  }

  /// Items of a list/tuple/set display, expanding `*x`.
  func sequenceBuilder(_ items: [Expr]) throws -> (Frame) throws -> [Value] {
    let vm = self.vm
    let parts: [(ExprBox, Bool)] = try items.map { item in
      if case .starred(let inner) = item.kind { return (ExprBox(try expr(inner)), true) }
      return (ExprBox(try expr(item)), false)
    }
    if !parts.contains(where: { $0.1 }) {
      let codes = parts.map { $0.0 }
      return { f in
        var out: [Value] = []
        out.reserveCapacity(codes.count)
        for c in codes { out.append(try c.run(f)) }
        return out
      }
    }
    return { f in
      var out: [Value] = []
      for (c, star) in parts {
        if star { out.append(contentsOf: try vm.iterate(try c.run(f))) } else { out.append(try c.run(f)) }
      }
      return out
    }
  }

  func dictDisplay(_ items: [DictItem], _ r: SourceRange) throws -> ExprCode {
    let vm = self.vm
    let info = self.info
    enum Part {
      case pair(ExprCode, ExprCode)
      case unpack(ExprCode)
    }
    let parts: [Part] = try items.map {
      switch $0 {
      case .pair(let k, let v): return .pair(try expr(k), try expr(v))
      case .unpack(let m): return .unpack(try expr(m))
      }
    }
    return { f in
      let d = DictObject()
      do {
        for p in parts {
          switch p {
          case .pair(let k, let v):
            let key = try k(f)
            try d.table.set(key, hash: vm.hash(key), value: try v(f), vm: vm)
          case .unpack(let m): try vm.updateDict(d, from: try m(f))
          }
        }
      } catch { throw annotate(error, f, info, r) }
      return .dict(d)
    }
  }

  // MARK: Operators

  func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ r: SourceRange) throws -> ExprCode {
    let l = try expr(a)
    let rr = try expr(b)
    let vm = self.vm
    let info = self.info
    switch op {
    case .add:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        if case .int(let i) = x, case .int(let j) = y {
          let (s, o) = i.addingReportingOverflow(j)
          if !o { return .int(s) }
        } else if case .float(let i) = x, case .float(let j) = y {
          return .float(i + j)
        }
        do { return try vm.binary(.add, x, y) } catch { throw annotate(error, f, info, r) }
      }
    case .subtract:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        if case .int(let i) = x, case .int(let j) = y {
          let (s, o) = i.subtractingReportingOverflow(j)
          if !o { return .int(s) }
        } else if case .float(let i) = x, case .float(let j) = y {
          return .float(i - j)
        }
        do { return try vm.binary(.subtract, x, y) } catch { throw annotate(error, f, info, r) }
      }
    case .multiply:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        if case .int(let i) = x, case .int(let j) = y {
          let (s, o) = i.multipliedReportingOverflow(by: j)
          if !o { return .int(s) }
        } else if case .float(let i) = x, case .float(let j) = y {
          return .float(i * j)
        }
        do { return try vm.binary(.multiply, x, y) } catch { throw annotate(error, f, info, r) }
      }
    case .modulo:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        if case .int(let i) = x, case .int(let j) = y, j > 0, i >= 0 { return .int(i % j) }
        do { return try vm.binary(.modulo, x, y) } catch { throw annotate(error, f, info, r) }
      }
    case .floorDivide:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        if case .int(let i) = x, case .int(let j) = y, j > 0, i >= 0 { return .int(i / j) }
        do { return try vm.binary(.floorDivide, x, y) } catch { throw annotate(error, f, info, r) }
      }
    default:
      return { f in
        let x = try l(f)
        let y = try rr(f)
        do { return try vm.binary(op, x, y) } catch { throw annotate(error, f, info, r) }
      }
    }
  }

  func comparison(_ first: Expr, _ links: [ComparisonLink], _ r: SourceRange) throws -> ExprCode {
    if links.count == 1 {
      let cond = try singleComparison(first, links[0], r)
      return { f in .bool(try cond(f)) }
    }
    let c = try condition(Expr(.compare(first, links), r))
    return { f in .bool(try c(f)) }
  }

  func singleComparison(_ first: Expr, _ link: ComparisonLink, _ r: SourceRange) throws -> (Frame) throws -> Bool {
    let a = try expr(first)
    let b = try expr(link.right)
    let vm = self.vm
    let info = self.info
    let op = link.op
    switch op {
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      return { f in
        let x = try a(f)
        let y = try b(f)
        if case .int(let i) = x, case .int(let j) = y {
          switch op {
          case .less: return i < j
          case .lessOrEqual: return i <= j
          case .greater: return i > j
          default: return i >= j
          }
        }
        do { return try vm.order(op, x, y) } catch { throw annotate(error, f, info, r) }
      }
    case .equal, .notEqual:
      let negate = op == .notEqual
      return { f in
        let x = try a(f)
        let y = try b(f)
        if case .int(let i) = x, case .int(let j) = y { return (i == j) != negate }
        if case .str(let i) = x, case .str(let j) = y { return i.pythonEquals(j) != negate }
        do {
          if negate, case .instance = x { return try vm.truthy(vm.compare(.notEqual, x, y)) }
          return try vm.equals(x, y) != negate
        } catch { throw annotate(error, f, info, r) }
      }
    case .is: return { f in try a(f).isIdentical(try b(f)) }
    case .isNot: return { f in !(try a(f).isIdentical(try b(f))) }
    case .in, .notIn:
      let negate = op == .notIn
      return { f in
        let x = try a(f)
        let y = try b(f)
        do { return try vm.contains(y, x) != negate } catch { throw annotate(error, f, info, r) }
      }
    }
  }

  /// An expression evaluated for its truth value.
  func condition(_ e: Expr) throws -> (Frame) throws -> Bool {
    let vm = self.vm
    let info = self.info
    switch e.kind {
    case .compare(let first, let links):
      if links.count == 1 { return try singleComparison(first, links[0], e.range) }
      // Chains: each middle operand is evaluated once.
      let operands = try ([first] + links.map(\.right)).map { try expr($0) }
      let ops = links.map(\.op)
      let r = e.range
      return { f in
        var left = try operands[0](f)
        for (k, op) in ops.enumerated() {
          let right = try operands[k + 1](f)
          let ok: Bool
          do { ok = try vm.truthy(vm.compare(op, left, right)) } catch { throw annotate(error, f, info, r) }
          if !ok { return false }
          left = right
        }
        return true
      }
    case .unary(.not, let inner):
      let c = try condition(inner)
      return { f in !(try c(f)) }
    case .boolean(let op, let operands):
      let codes = try operands.map { CondBox(try condition($0)) }
      if op == .and {
        return { f in
          for c in codes where !(try c.run(f)) { return false }
          return true
        }
      }
      return { f in
        for c in codes where try c.run(f) { return true }
        return false
      }
    default:
      let c = try expr(e)
      let r = e.range
      return { f in
        let v = try c(f)
        if case .bool(let b) = v { return b }
        do { return try vm.truthy(v) } catch { throw annotate(error, f, info, r) }
      }
    }
  }

  // MARK: f-strings

  func fstring(_ parts: [FStringPart]) throws -> ExprCode {
    let pieces = try fstringPieces(parts)
    if pieces.count == 1 {
      let p = pieces[0]
      return { f in .str(try p.run(f)) }
    }
    return { f in
      var s = ""
      for p in pieces { s += try p.run(f) }
      return .str(s)
    }
  }

  func fstringPieces(_ parts: [FStringPart]) throws -> [TextBox] {
    let vm = self.vm
    let info = self.info
    return try parts.map { part -> TextBox in
      switch part {
      case .literal(let s): return TextBox { _ in s }
      case .replacement(let value, let conversion, let spec, let debugText):
        let v = try expr(value)
        let r = value.range
        let specPieces = try spec.map { try fstringPieces($0) }
        let prefix = debugText ?? ""
        // `f"{x=}"` defaults to repr when no conversion or spec is given.
        let conv = conversion ?? (debugText != nil && spec == nil ? "r" : nil)
        return TextBox { f in
          let x = try v(f)
          do {
            var specText = ""
            if let sp = specPieces { for p in sp { specText += try p.run(f) } }
            switch conv {
            case "r": return prefix + (try vm.format(.str(try vm.repr(x)), specText))
            case "s": return prefix + (try vm.format(.str(try vm.str(x)), specText))
            case "a": return prefix + (try vm.format(.str(PythonStringRepr.ascii(fromRepr: try vm.repr(x))), specText))
            default:
              if specText.isEmpty {
                switch x {
                case .str(let s): return prefix + s
                case .int(let i): return prefix + String(i)
                default: break
                }
              }
              return prefix + (try vm.format(x, specText))
            }
          } catch { throw annotate(error, f, info, r) }
        }
      }
    }
  }
}

extension TypeObject {
  /// True when `name` is a property (or other data descriptor) somewhere on the class, which then
  /// takes precedence over the instance dictionary.
  func hasDataDescriptor(_ name: String) -> Bool {
    if let a = lookup(name), case .object(let o) = a, o is PropertyObject { return true }
    return false
  }
}
