// Fixed-arity call paths: a script function with plain positional parameters gets its arguments
// stored straight into the new frame's slots, with no argument array.

extension VM {
  @inline(__always) private func direct(_ fn: FunctionObject, _ argc: Int) -> Bool {
    fn.code.simpleArity == argc
  }

  func call0(_ f: Value) throws -> Value {
    if case .function(let fn) = f, direct(fn, 0) {
      let code = fn.code
      try enterCall()
      defer { leaveCall() }
      let frame = stack.push(code.slotCount)
      defer { stack.pop(frame, code.slotCount) }
      return try execute(fn, frame)
    }
    return try call(f, [])
  }

  func call1(_ f: Value, _ a: Value) throws -> Value {
    if case .function(let fn) = f, direct(fn, 1) {
      let code = fn.code
      try enterCall()
      defer { leaveCall() }
      let frame = stack.push(code.slotCount)
      defer { stack.pop(frame, code.slotCount) }
      frame[0] = a
      return try execute(fn, frame)
    }
    return try call(f, [a])
  }

  func call2(_ f: Value, _ a: Value, _ b: Value) throws -> Value {
    if case .function(let fn) = f, direct(fn, 2) {
      let code = fn.code
      try enterCall()
      defer { leaveCall() }
      let frame = stack.push(code.slotCount)
      defer { stack.pop(frame, code.slotCount) }
      frame[0] = a
      frame[1] = b
      return try execute(fn, frame)
    }
    return try call(f, [a, b])
  }

  func call3(_ f: Value, _ a: Value, _ b: Value, _ c: Value) throws -> Value {
    if case .function(let fn) = f, direct(fn, 3) {
      let code = fn.code
      try enterCall()
      defer { leaveCall() }
      let frame = stack.push(code.slotCount)
      defer { stack.pop(frame, code.slotCount) }
      frame[0] = a
      frame[1] = b
      frame[2] = c
      return try execute(fn, frame)
    }
    return try call(f, [a, b, c])
  }

  /// The script function a method call on an instance resolves to, when it can be called directly.
  @inline(__always) private func instanceMethod(_ recv: Value, _ name: String, _ argc: Int) -> FunctionObject? {
    guard case .instance(let i) = recv, i.attributes.isEmpty || i.attributes[name] == nil,
      let m = i.cls.lookup(name), case .function(let fn) = m, direct(fn, argc + 1)
    else { return nil }
    return fn
  }

  func callMethod0(_ recv: Value, _ name: String) throws -> Value {
    if let fn = instanceMethod(recv, name, 0) { return try call1(.function(fn), recv) }
    return try callMethod(recv, name, [])
  }

  func callMethod1(_ recv: Value, _ name: String, _ a: Value) throws -> Value {
    if let fn = instanceMethod(recv, name, 1) { return try call2(.function(fn), recv, a) }
    if case .list(let l) = recv, name == "append" {
      l.items.append(a)
      return .none
    }
    return try callMethod(recv, name, [a])
  }

  func callMethod2(_ recv: Value, _ name: String, _ a: Value, _ b: Value) throws -> Value {
    if let fn = instanceMethod(recv, name, 2) { return try call3(.function(fn), recv, a, b) }
    return try callMethod(recv, name, [a, b])
  }
}
