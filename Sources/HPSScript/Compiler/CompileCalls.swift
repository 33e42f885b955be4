// Calls: fixed-arity positional calls and method calls take the fast paths of FastCalls.swift;
// everything else builds an argument array and keyword list (expanding `*args` and `**kwargs`).
import HPSSyntax

extension Compiler {
  func call(_ callee: Expr, _ args: [Argument], _ r: SourceRange) throws -> ExprCode {
    let vm = self.vm
    let info = self.info
    if case .name("super") = callee.kind, args.isEmpty, case .global = resolve("super") {
      return try zeroArgumentSuper(r)
    }
    let simple = args.allSatisfy { if case .positional = $0.kind { return true } else { return false } }
    if simple, case .attribute(let objExpr, let name) = callee.kind {
      let o = try expr(objExpr)
      let codes = try args.map { a -> ExprBox in
        if case .positional(let e) = a.kind { return ExprBox(try expr(e)) }
        return ExprBox { _ in .none }
      }
      let site = AttributeSite(name)
      switch codes.count {
      case 0:
        return { f in
          let recv = try o(f)
          do { return try vm.callSite0(site, recv) } catch { throw annotate(error, f, info, r) }
        }
      case 1:
        let a0 = codes[0].run
        return { f in
          let recv = try o(f)
          let x = try a0(f)
          do { return try vm.callSite1(site, recv, x) } catch { throw annotate(error, f, info, r) }
        }
      case 2:
        let a0 = codes[0].run, a1 = codes[1].run
        return { f in
          let recv = try o(f)
          let x = try a0(f)
          let y = try a1(f)
          do { return try vm.callSite2(site, recv, x, y) } catch { throw annotate(error, f, info, r) }
        }
      default:
        return { f in
          let recv = try o(f)
          let values = try codes.map { try $0.run(f) }
          do { return try vm.callMethod(recv, name, values) } catch { throw annotate(error, f, info, r) }
        }
      }
    }
    let fn = try expr(callee)
    if simple {
      let codes = try args.map { a -> ExprBox in
        if case .positional(let e) = a.kind { return ExprBox(try expr(e)) }
        return ExprBox { _ in .none }
      }
      switch codes.count {
      case 0:
        return { f in
          let c = try fn(f)
          do { return try vm.call0(c) } catch { throw annotate(error, f, info, r) }
        }
      case 1:
        let a0 = codes[0].run
        return { f in
          let c = try fn(f)
          let x = try a0(f)
          do { return try vm.call1(c, x) } catch { throw annotate(error, f, info, r) }
        }
      case 2:
        let a0 = codes[0].run, a1 = codes[1].run
        return { f in
          let c = try fn(f)
          let x = try a0(f)
          let y = try a1(f)
          do { return try vm.call2(c, x, y) } catch { throw annotate(error, f, info, r) }
        }
      case 3:
        let a0 = codes[0].run, a1 = codes[1].run, a2 = codes[2].run
        return { f in
          let c = try fn(f)
          let x = try a0(f)
          let y = try a1(f)
          let z = try a2(f)
          do { return try vm.call3(c, x, y, z) } catch { throw annotate(error, f, info, r) }
        }
      default:
        return { f in
          let c = try fn(f)
          let values = try codes.map { try $0.run(f) }
          do { return try vm.call(c, values) } catch { throw annotate(error, f, info, r) }
        }
      }
    }
    let build = try argumentBuilder(args)
    return { f in
      let c = try fn(f)
      let (values, kw) = try build(f)
      do { return try vm.call(c, values, kw) } catch { throw annotate(error, f, info, r) }
    }
  }

  /// Evaluates arguments left to right into positional values and keywords.
  func argumentBuilder(_ args: [Argument]) throws -> (Frame) throws -> ([Value], Kwargs) {
    let vm = self.vm
    let info = self.info
    enum Part {
      case positional(ExprCode)
      case star(ExprCode, SourceRange)
      case keyword(String, ExprCode)
      case doubleStar(ExprCode, SourceRange)
    }
    let parts: [Part] = try args.map { a in
      switch a.kind {
      case .positional(let e): return .positional(try expr(e))
      case .star(let e): return .star(try expr(e), a.range)
      case .keyword(let n, let e): return .keyword(n, try expr(e))
      case .doubleStar(let e): return .doubleStar(try expr(e), a.range)
      }
    }
    return { f in
      var values: [Value] = []
      var kw: Kwargs = []
      for p in parts {
        switch p {
        case .positional(let c): values.append(try c(f))
        case .star(let c, let r):
          let v = try c(f)
          do { values.append(contentsOf: try vm.iterate(v)) } catch let e as ScriptError where e.exception.cls === Builtin.typeError {
            throw annotate(typeError("argument after * must be an iterable, not \(v.typeName)"), f, info, r)
          }
        case .keyword(let n, let c):
          if kw.contains(where: { $0.0 == n }) { throw typeError("keyword argument repeated: \(n)") }
          kw.append((n, try c(f)))
        case .doubleStar(let c, let r):
          let m = try c(f)
          do {
            for (k, v) in try vm.mappingItems(m) {
              guard case .str(let key) = k else { throw typeError("keywords must be strings") }
              if kw.contains(where: { $0.0 == key }) {
                throw typeError("got multiple values for keyword argument '\(key)'")
              }
              kw.append((key, v))
            }
          } catch { throw annotate(error, f, info, r) }
        }
      }
      return (values, kw)
    }
  }

  /// `super()` inside a method: `super(__class__, <first argument>)`.
  func zeroArgumentSuper(_ r: SourceRange) throws -> ExprCode {
    let info = self.info
    var owner: Scope? = scope
    while let s = owner, s.kind == .comprehension { owner = s.parent }
    guard let fnScope = owner, fnScope.kind == .function, let firstName = fnScope.firstParameter else {
      return { f in throw annotate(runtimeError("super(): no arguments"), f, info, r) }
    }
    let cls = loadName("__class__", r)
    let first = loadName(firstName, r)
    return { f in
      let c: Value
      do { c = try cls(f) } catch { throw annotate(runtimeError("super(): __class__ cell not found"), f, info, r) }
      guard case .type(let t) = c else { throw annotate(runtimeError("super(): __class__ is not a type"), f, info, r) }
      return .object(SuperObject(startAfter: t, receiver: try first(f)))
    }
  }
}
