// The compiled form of a `def`/`lambda`/module/class body: the body closure plus the slot layout
// the VM needs to bind arguments and set up cells.
import HPSSyntax

/// What a statement tells its enclosing block.
enum Flow: UInt8 {
  case normal
  case breakLoop
  case continueLoop
  /// The return value is in the frame's return slot.
  case returned
  /// A lazy generator suspended at a `yield` (the value is in the generator object).
  case yielded
}

typealias ExprCode = (Frame) throws -> Value
typealias StmtCode = (Frame) throws -> Flow

// Closures stored in arrays (or any generic container) are wrapped in reabstraction thunks that
// cost an extra indirect call each time; compiled code keeps them in these boxes instead.
final class StmtBox {
  let run: StmtCode
  init(_ run: @escaping StmtCode) { self.run = run }
}

final class CondBox {
  let run: (Frame) throws -> Bool
  init(_ run: @escaping (Frame) throws -> Bool) { self.run = run }
}

final class TextBox {
  let run: (Frame) throws -> String
  init(_ run: @escaping (Frame) throws -> String) { self.run = run }
}

final class ExprBox {
  let run: ExprCode
  init(_ run: @escaping ExprCode) { self.run = run }
}

final class FunctionCode {
  let name: String
  let qualname: String
  let doc: String?
  let info: CodeInfo
  /// Positional-only then regular parameter names (slots 0..<count).
  let positionalNames: [String]
  let positionalOnlyCount: Int
  /// Keyword-only parameter names, in slots after `*args`.
  let keywordOnlyNames: [String]
  let varargsSlot: Int?
  let keywordOnlyStart: Int
  let kwargsSlot: Int?
  var slotCount = 0
  var returnSlot = 0
  /// Slots holding cells created fresh at every call.
  var cellSlots: [Int] = []
  /// Parameter slots whose value must be moved into a cell at entry.
  var parameterCellSlots: [Int] = []
  /// Slots that receive the closure's cells, in order.
  var freeSlots: [Int] = []
  var body: StmtCode = { _ in .normal }
  var isGenerator = false
  /// Generator functions: the slot holding the running `GeneratorObject`.
  var generatorSlot: Int?
  /// True when the body was compiled in resumable form (see CompileGenerators.swift).
  var isLazyGenerator = false
  /// The signature as written, for help() and tab completion.
  let signatureText: String
  /// True when only plain positional parameters exist (the call fast path).
  let isSimple: Bool
  /// The positional parameter count when `isSimple`, else -1.
  let simpleArity: Int
  /// True when a call must set up cells or closure slots before running.
  var needsPrologue = false

  init(
    name: String, qualname: String, doc: String?, info: CodeInfo, parameters: Parameters,
    signatureText: String
  ) {
    self.name = name
    self.qualname = qualname
    self.doc = doc
    self.info = info
    self.positionalNames = (parameters.positionalOnly + parameters.regular).map(\.name)
    self.positionalOnlyCount = parameters.positionalOnly.count
    self.keywordOnlyNames = parameters.keywordOnly.map(\.name)
    var next = positionalNames.count
    if parameters.varargs != nil {
      varargsSlot = next
      next += 1
    } else {
      varargsSlot = nil
    }
    keywordOnlyStart = next
    next += keywordOnlyNames.count
    kwargsSlot = parameters.kwargs != nil ? next : nil
    self.signatureText = signatureText
    self.isSimple = parameters.varargs == nil && parameters.kwargs == nil && parameters.keywordOnly.isEmpty
    self.simpleArity = isSimple ? positionalNames.count : -1
  }

  /// Number of slots taken by parameters.
  var parameterSlotCount: Int { keywordOnlyStart + keywordOnlyNames.count + (kwargsSlot == nil ? 0 : 1) }
}
