// Compile-time scopes: where each name lives at run time. Functions, class bodies and the module
// own a frame; comprehensions are compiled inline into their enclosing frame with private slots.

/// Where a name lives.
enum Binding {
  /// A frame slot holding the value.
  case local(Int)
  /// A frame slot holding a `Cell` (captured by or from a closure).
  case cell(Int)
  /// A module-namespace slot (with builtins as the fallback).
  case global(Int)
  /// A class body's namespace (dictionary in slot 0), then globals.
  case classLocal(String, globalSlot: Int)
}

final class Scope {
  let kind: ScopeFacts.Kind
  let parent: Scope?
  let facts: ScopeFacts
  var bindings: [String: Binding] = [:]
  /// The scope whose frame this scope's slots live in.
  var frameOwner: Scope {
    if kind == .comprehension, let p = parent { return p.frameOwner }
    return self
  }
  var slotCount = 0
  var cellSlots: [Int] = []
  var parameterCellSlots: [Int] = []
  var freeSlots: [Int] = []
  /// For each free slot, where the enclosing scope keeps the cell.
  var freeSources: [Binding] = []
  let qualname: String
  let info: CodeInfo
  /// Slot holding the running generator (generator functions only).
  var generatorSlot: Int?
  /// The first parameter's name (the receiver of zero-argument `super()`).
  var firstParameter: String?

  init(kind: ScopeFacts.Kind, parent: Scope?, facts: ScopeFacts, qualname: String, info: CodeInfo) {
    self.kind = kind
    self.parent = parent
    self.facts = facts
    self.qualname = qualname
    self.info = info
  }

  func newSlot() -> Int {
    let o = frameOwner
    let s = o.slotCount
    o.slotCount += 1
    return s
  }

  /// The binding of a name captured by a nested function, searching outward.
  func closureBinding(_ name: String) -> Binding? {
    switch kind {
    case .module: return nil
    case .function, .comprehension, .classBody:
      if let b = bindings[name] {
        switch b {
        case .cell: return b
        case .local, .global: return kind == .comprehension ? nil : nil
        case .classLocal: break
        }
      }
      return parent?.closureBinding(name)
    }
  }
}
