// Assignment targets: names (by binding kind), attributes, subscripts, and unpacking with a
// starred target; augmented assignment; `del`.
import HPSSyntax

typealias StoreCode = (Frame, Value) throws -> Void

extension Compiler {
  func assignment(_ targets: [Expr], _ value: Expr, _ r: SourceRange = .none) throws -> StmtCode {
    let v = try expr(value)
    let info = self.info
    if targets.count == 1, case .name(let n) = targets[0].kind, case .local(let slot) = resolve(n) {
      return { f in
        do { f[slot] = try v(f) } catch { throw annotate(error, f, info, r) }
        return .normal
      }
    }
    if targets.count == 1 {
      let s = try assignTarget(targets[0])
      return { f in
        do { try s(f, try v(f)) } catch { throw annotate(error, f, info, r) }
        return .normal
      }
    }
    final class StoreBox {
      let run: StoreCode
      init(_ run: @escaping StoreCode) { self.run = run }
    }
    let stores = try targets.map { StoreBox(try assignTarget($0)) }
    return { f in
      do {
        let x = try v(f)
        for s in stores { try s.run(f, x) }
      } catch { throw annotate(error, f, info, r) }
      return .normal
    }
  }

  func storeName(_ name: String) -> StoreCode {
    switch resolve(name) {
    case .local(let slot): return { f, v in f[slot] = v }
    case .cell(let slot):
      return { f, v in
        if case .object(let o) = f[slot] { unsafeDowncast(o, to: Cell.self).value = v }
      }
    case .global(let slot):
      let ns = self.ns
      return { _, v in ns.values[slot] = v }
    case .classLocal(let n, _):
      let vm = self.vm
      return { f, v in
        if case .dict(let d) = f[0] { try d.table.set(.str(n), hash: vm.hash(.str(n)), value: v, vm: vm) }
      }
    }
  }

  func assignTarget(_ target: Expr) throws -> StoreCode {
    let vm = self.vm
    let info = self.info
    let r = target.range
    switch target.kind {
    case .name(let n): return storeName(n)
    case .attribute(let obj, let name):
      let o = try expr(obj)
      let site = AttributeSite(name)
      return { f, v in
        let ov = try o(f)
        if case .instance(let i) = ov, site.store(i, v) { return }
        do { try vm.setAttribute(ov, name, v) } catch { throw annotate(error, f, info, r) }
      }
    case .subscript(let obj, let index):
      let o = try expr(obj)
      let i = try expr(index)
      return { f, v in
        let ov = try o(f)
        let iv = try i(f)
        if case .list(let l) = ov, case .int(let k) = iv, k >= 0, k < l.items.count {
          l.items[k] = v
          return
        }
        do { try vm.setItem(ov, iv, v) } catch { throw annotate(error, f, info, r) }
      }
    case .tuple(let items), .list(let items):
      let starIndex = items.firstIndex { if case .starred = $0.kind { return true } else { return false } }
      let stores = try items.map { item -> StoreCode in
        if case .starred(let inner) = item.kind { return try assignTarget(inner) }
        return try assignTarget(item)
      }
      let count = items.count
      return { f, v in
        let values: [Value]
        do {
          if case .tuple(let t) = v { values = t } else { values = try vm.iterate(v) }
        } catch let e as ScriptError where e.exception.cls === Builtin.typeError {
          throw annotate(typeError("cannot unpack non-iterable \(v.typeName) object"), f, info, r)
        }
        if let si = starIndex {
          let after = count - si - 1
          if values.count < count - 1 {
            throw annotate(
              valueError("not enough values to unpack (expected at least \(count - 1), got \(values.count))"), f, info, r)
          }
          for k in 0..<si { try stores[k](f, values[k]) }
          try stores[si](f, .list(ListObject(Array(values[si..<(values.count - after)]))))
          for k in 0..<after { try stores[si + 1 + k](f, values[values.count - after + k]) }
          return
        }
        if values.count != count {
          let msg = values.count > count
            ? "too many values to unpack (expected \(count))"
            : "not enough values to unpack (expected \(count), got \(values.count))"
          throw annotate(valueError(msg), f, info, r)
        }
        for k in 0..<count { try stores[k](f, values[k]) }
      }
    case .starred:
      throw syntaxError("starred assignment target must be in a list or tuple", r)
    default:
      throw syntaxError("cannot assign to \(describe(target))", r)
    }
  }

  /// Expressions whose evaluation cannot rebind a variable (so `g += expr` may evaluate the
  /// right-hand side first and append to the string in place).
  static func isSideEffectFree(_ e: Expr) -> Bool {
    switch e.kind {
    case .constant, .name: return true
    case .binary(_, let a, let b): return isSideEffectFree(a) && isSideEffectFree(b)
    case .formattedString(let parts):
      return parts.allSatisfy {
        if case .replacement(let v, _, let spec, _) = $0 { return isSideEffectFree(v) && spec == nil }
        return true
      }
    default: return false
    }
  }

  func describe(_ e: Expr) -> String {
    switch e.kind {
    case .call: return "function call"
    case .constant: return "literal"
    case .binary, .unary: return "expression"
    default: return "expression"
    }
  }

  func augmented(_ target: Expr, _ op: BinaryOperator, _ value: Expr, _ r: SourceRange) throws -> StmtCode {
    let v = try expr(value)
    let vm = self.vm
    let info = self.info
    switch target.kind {
    case .name(let n):
      let load = try expr(target)
      let store = storeName(n)
      if case .local(let slot) = resolve(n), op == .add {
        return { f in
          let rhs = try v(f)
          if case .int(let a) = f[slot], case .int(let b) = rhs {
            let (s, o) = a.addingReportingOverflow(b)
            if !o {
              f[slot] = .int(s)
              return .normal
            }
          }
          if case .str(var s) = f[slot], case .str(let t) = rhs {
            // Drop the slot's reference first so the string buffer is unique and appends in place.
            f[slot] = .none
            s += t
            f[slot] = .str(s)
            return .normal
          }
          if f[slot].isUnbound { _ = try load(f) }
          let cur = f[slot]
          do { f[slot] = try vm.inPlace(op, cur, rhs) } catch { throw annotate(error, f, info, r) }
          return .normal
        }
      }
      if case .cell(let slot) = resolve(n), op == .add {
        return { f in
          // Python loads the target before evaluating the right-hand side.
          let before = try load(f)
          let rhs = try v(f)
          if case .object(let o) = f[slot], case .int(let a) = before {
            let cell = unsafeDowncast(o, to: Cell.self)
            if case .int(let b) = rhs {
              let (s, overflow) = a.addingReportingOverflow(b)
              if !overflow {
                cell.value = .int(s)
                return .normal
              }
            }
          }
          let result: Value
          do { result = try vm.inPlace(op, before, rhs) } catch { throw annotate(error, f, info, r) }
          try store(f, result)
          return .normal
        }
      }
      if case .global(let slot) = resolve(n), op == .add, Compiler.isSideEffectFree(value) {
        let ns = self.ns
        return { f in
          let rhs = try v(f)
          if case .str(var s) = ns.values[slot], case .str(let t) = rhs {
            ns.values[slot] = .none
            s += t
            ns.values[slot] = .str(s)
            return .normal
          }
          let cur = try load(f)
          do { ns.values[slot] = try vm.inPlace(op, cur, rhs) } catch { throw annotate(error, f, info, r) }
          return .normal
        }
      }
      return { f in
        let cur = try load(f)
        let rhs = try v(f)
        let result: Value
        do { result = try vm.inPlace(op, cur, rhs) } catch { throw annotate(error, f, info, r) }
        try store(f, result)
        return .normal
      }
    case .attribute(let obj, let name):
      let o = try expr(obj)
      let site = AttributeSite(name)
      return { f in
        let ov = try o(f)
        do {
          if case .instance(let i) = ov, let cur = site.load(i, vm) {
            let rhs = try v(f)
            var result: Value
            if case .int(let a) = cur, case .int(let b) = rhs, op == .add {
              result = IntMath.add(a, b)
            } else {
              result = try vm.inPlace(op, cur, rhs)
            }
            if site.store(i, result) { return .normal }
            try vm.setAttribute(ov, name, result)
            return .normal
          }
          let cur = try vm.getAttribute(ov, name)
          let rhs = try v(f)
          try vm.setAttribute(ov, name, try vm.inPlace(op, cur, rhs))
        } catch { throw annotate(error, f, info, r) }
        return .normal
      }
    case .subscript(let obj, let index):
      let o = try expr(obj)
      let i = try expr(index)
      return { f in
        let ov = try o(f)
        let iv = try i(f)
        do {
          let cur = try vm.getItem(ov, iv)
          let rhs = try v(f)
          try vm.setItem(ov, iv, try vm.inPlace(op, cur, rhs))
        } catch { throw annotate(error, f, info, r) }
        return .normal
      }
    default:
      throw syntaxError("'\(describe(target))' is an illegal expression for augmented assignment", r)
    }
  }

  func deletion(_ target: Expr) throws -> (Frame) throws -> Void {
    let vm = self.vm
    let info = self.info
    let r = target.range
    switch target.kind {
    case .name(let n):
      switch resolve(n) {
      case .local(let slot), .cell(let slot):
        let isCell: Bool
        if case .cell = resolve(n) { isCell = true } else { isCell = false }
        return { f in
          if isCell, case .object(let o) = f[slot] {
            let c = unsafeDowncast(o, to: Cell.self)
            if c.value.isUnbound { throw annotate(nameError(n), f, info, r) }
            c.value = .unbound
            return
          }
          if f[slot].isUnbound {
            throw annotate(ScriptError(Builtin.unboundLocalError, "cannot access local variable '\(n)' where it is not associated with a value"), f, info, r)
          }
          f[slot] = .unbound
        }
      case .global(let slot):
        let ns = self.ns
        return { f in
          if ns.values[slot].isUnbound { throw annotate(nameError(n), f, info, r) }
          ns.values[slot] = .unbound
        }
      case .classLocal(let name, _):
        return { f in
          if case .dict(let d) = f[0], try d.table.remove(.str(name), hash: vm.hash(.str(name)), vm: vm) != nil { return }
          throw annotate(nameError(name), f, info, r)
        }
      }
    case .attribute(let obj, let name):
      let o = try expr(obj)
      return { f in
        let ov = try o(f)
        do { try vm.deleteAttribute(ov, name) } catch { throw annotate(error, f, info, r) }
      }
    case .subscript(let obj, let index):
      let o = try expr(obj)
      let i = try expr(index)
      return { f in
        let ov = try o(f)
        let iv = try i(f)
        do { try vm.deleteItem(ov, iv) } catch { throw annotate(error, f, info, r) }
      }
    case .tuple(let items), .list(let items):
      let codes = try items.map { try deletion($0) }
      return { f in for c in codes { try c(f) } }
    default:
      throw syntaxError("cannot delete \(describe(target))", r)
    }
  }
}
