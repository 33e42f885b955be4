import HPSSyntax
// Generator functions. The body runs to completion on the first `next()`, buffering the yielded
// values (a deliberate simplification of hps: side effects between yields happen up front, and a
// generator that never finishes is stopped with an error after `GeneratorObject.limit` values).

final class GeneratorObject: PyIterator {
  static let limit = 10_000_000
  unowned let vm: VM
  let function: FunctionObject
  private var frame: Frame?
  private var buffer: [Value] = []
  private var index = 0
  private var started = false
  var returnValue: Value = .none

  init(vm: VM, function: FunctionObject, frame: Frame) {
    self.vm = vm
    self.function = function
    let n = function.code.slotCount
    let heap = Frame.allocate(capacity: n)
    heap.moveInitialize(from: frame, count: n)
    // The caller pops (deinitializes) its stack frame after this call: leave valid values there.
    frame.initialize(repeating: .none, count: n)
    self.frame = heap
  }

  deinit {
    if let f = frame {
      f.deinitialize(count: function.code.slotCount)
      f.deallocate()
    }
  }

  func emit(_ v: Value) throws {
    if buffer.count >= GeneratorObject.limit {
      throw runtimeError("generator '\(function.name)' yielded more than \(GeneratorObject.limit) values (hps runs generators eagerly)")
    }
    buffer.append(v)
  }

  private func run() throws {
    started = true
    guard let f = frame else { return }
    let code = function.code
    if let gs = code.generatorSlot { f[gs] = .object(self) }
    defer {
      if let gs = code.generatorSlot { f[gs] = .none }
    }
    try vm.enterCall()
    defer { vm.leaveCall() }
    if try code.body(f) == .returned { returnValue = f[code.returnSlot] }
  }

  override func next(_ vm: VM) throws -> Value? {
    if !started { try run() }
    guard index < buffer.count else { return nil }
    defer { index += 1 }
    return buffer[index]
  }

  override var pyType: TypeObject { Builtin.generatorType }
  override var typeName: String { "generator" }
}

extension Compiler {
  func generatorSlotForYield(_ r: SourceRange) throws -> Int {
    guard let gs = scope.frameOwner.generatorSlot else { throw syntaxError("'yield' outside function", r) }
    return gs
  }

  func yieldExpression(_ value: Expr?, _ r: SourceRange) throws -> ExprCode {
    let gs = try generatorSlotForYield(r)
    let v = try value.map { try expr($0) }
    return { f in
      let x = try v?(f) ?? .none
      if case .object(let o) = f[gs] { try unsafeDowncast(o, to: GeneratorObject.self).emit(x) }
      return .none
    }
  }

  func yieldFromExpression(_ value: Expr, _ r: SourceRange) throws -> ExprCode {
    let gs = try generatorSlotForYield(r)
    let v = try expr(value)
    let vm = self.vm
    return { f in
      let source = try v(f)
      guard case .object(let o) = f[gs] else { return .none }
      let g = unsafeDowncast(o, to: GeneratorObject.self)
      let it = try vm.iterator(source)
      while let x = try it.next(vm) { try g.emit(x) }
      if let inner = it as? GeneratorObject { return inner.returnValue }
      return .none
    }
  }
}
