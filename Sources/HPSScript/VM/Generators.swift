import HPSSyntax
// Generator functions. Lazy ones (the usual case) resume their resumable closure tree at each
// `next()` (see Compiler/CompileGenerators.swift). Generators that yield where the resumable form
// does not reach run eagerly on the first `next()`, buffering their values (a documented hps
// limitation; one that never finishes is stopped after `GeneratorObject.limit` values).
import HPSSyntax

final class GeneratorObject: PyIterator {
  static let limit = 10_000_000
  unowned(unsafe) let vm: VM?
  let function: FunctionObject?
  private var frame: Frame?
  private var buffer: [Value] = []
  private var index = 0
  private var started = false
  var returnValue: Value = .none
  /// Lazy mode: set while re-entering the body after a yield.
  var resuming = false
  var sent: Value = .none
  var yielded: Value = .none
  private var finished = false
  private var running = false

  static func of(_ f: Frame, _ slot: Int) -> GeneratorObject {
    if case .object(let o) = f[slot] { return unsafeDowncast(o, to: GeneratorObject.self) }
    return GeneratorObject.detached
  }

  /// Stands in when a generator slot is empty (cannot happen in compiled code).
  static let detached = GeneratorObject()

  private override init() {
    vm = nil
    function = nil
  }

  init(vm: VM, function: FunctionObject, frame: Frame) {
    self.vm = vm
    self.function = function
    super.init()
    let n = function.code.slotCount
    let heap = Frame.allocate(capacity: n)
    heap.moveInitialize(from: frame, count: n)
    // The caller pops (deinitializes) its stack frame after this call: leave valid values there.
    frame.initialize(repeating: .none, count: n)
    self.frame = heap
  }

  deinit {
    if let f = frame, let fn = function {
      f.deinitialize(count: fn.code.slotCount)
      f.deallocate()
    }
  }

  func emit(_ v: Value) throws {
    if buffer.count >= GeneratorObject.limit {
      throw runtimeError("generator '\(function?.name ?? "")' yielded more than \(GeneratorObject.limit) values (hps runs generators eagerly)")
    }
    buffer.append(v)
  }

  private func run() throws {
    started = true
    guard let f = frame, let function, let vm else { return }
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
    if let fn = function, fn.code.isLazyGenerator { return try resume(vm, fn) }
    if !started { try run() }
    guard index < buffer.count else { return nil }
    defer { index += 1 }
    return buffer[index]
  }

  private func resume(_ vm: VM, _ fn: FunctionObject) throws -> Value? {
    if finished { return nil }
    guard let f = frame, let gs = fn.code.generatorSlot else { return nil }
    if running { throw valueError("generator already executing") }
    resuming = started
    started = true
    running = true
    f[gs] = .object(self)
    defer {
      f[gs] = .none
      running = false
    }
    try vm.enterCall()
    defer { vm.leaveCall() }
    let flow: Flow
    do {
      flow = try fn.code.body(f)
    } catch {
      finished = true
      throw error
    }
    if flow == .yielded {
      let v = yielded
      yielded = .none
      return v
    }
    finished = true
    if flow == .returned { returnValue = f[fn.code.returnSlot] }
    return nil
  }

  /// `gen.send(value)`.
  func send(_ vm: VM, _ value: Value) throws -> Value? {
    if !started, !value.isNone { throw typeError("can't send non-None value to a just-started generator") }
    sent = value
    return try next(vm)
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
      let x = try v?(f) ?? Value.none
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
