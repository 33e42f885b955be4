// Script values ↔ the engine's TuneValue, argument checks shared by the `ray.tune` bindings, and
// the per-interpreter state (opaque config values, the deep-copy function).
import Foundation
import HPSScript
import HPSSearch

/// Per-interpreter state of the Ray bindings.
final class RayState {
  /// Config values with no TuneValue form (functions, objects): carried through the engine as
  /// marker strings and turned back into the original object for the trainable.
  private var opaque: [Value] = []
  static let opaquePrefix = "\u{1}hps-object#"
  var initialized = false
  var notedInit = false
  /// The `Tuner.fit()` in progress.
  var currentRun: RayRun?
  /// The builtin `__import__` (for copy.deepcopy and json.dumps), set at registration.
  var importFunction: Value?
  /// Set while hyperparameter_search(backend="ray") runs the Tuner off the interpreter thread:
  /// script functions the searcher and schedulers call (sample_from, PBT mutations) go through it
  /// (the interpreter lock), since trials may be in script code at the same moment.
  var gate: ScriptGate? {
    get { RayState.gateLock.lock(); defer { RayState.gateLock.unlock() }; return storedGate }
    set { RayState.gateLock.lock(); storedGate = newValue; RayState.gateLock.unlock() }
  }
  private var storedGate: ScriptGate?
  private static let gateLock = NSLock()

  /// Runs a script call of the Tuner's controller holding the interpreter lock (directly when no
  /// search gate is set: the script Tuner runs its controller on the interpreter thread).
  static func onInterpreter<T>(_ vm: VM, _ body: @escaping () throws -> T) throws -> T {
    guard let gate = of(vm).gate else { return try body() }
    return try gate.perform(body)
  }

  func opaqueToken(for v: Value) -> String {
    // The same object keeps its token, so repeated fits do not grow the table.
    if let id = RayState.identity(v), let i = opaque.firstIndex(where: { RayState.identity($0) == id }) {
      return RayState.opaquePrefix + String(i)
    }
    opaque.append(v)
    return RayState.opaquePrefix + String(opaque.count - 1)
  }

  func opaqueValue(_ token: String) -> Value? {
    guard token.hasPrefix(RayState.opaquePrefix), let i = Int(token.dropFirst(RayState.opaquePrefix.count)), opaque.indices.contains(i)
    else { return nil }
    return opaque[i]
  }

  static func identity(_ v: Value) -> ObjectIdentifier? {
    switch v {
    case .function(let f): return ObjectIdentifier(f)
    case .instance(let i): return ObjectIdentifier(i)
    case .type(let t): return ObjectIdentifier(t)
    case .object(let o): return ObjectIdentifier(o)
    default: return nil
    }
  }

  /// `text` (an engine description) with opaque markers replaced by the objects' names or reprs.
  func describe(_ text: String, _ vm: VM) -> String {
    guard text.contains(RayState.opaquePrefix) else { return text }
    var out = text
    for (i, v) in opaque.enumerated().reversed() {
      let token = RayState.opaquePrefix + String(i)
      guard out.contains(token) else { continue }
      let name = (try? vm.attribute(v, "__name__"))??.asString
      out = out.replacingOccurrences(of: "'" + token + "'", with: name ?? ((try? vm.repr(v)) ?? "?"))
      out = out.replacingOccurrences(of: token, with: name ?? ((try? vm.repr(v)) ?? "?"))
    }
    return out
  }

  private static let states = PerInterpreter<RayState>()

  static func of(_ vm: VM) -> RayState { states.value(for: vm) { RayState() } }
}

/// Holds a Swift value as the payload of a native instance.
final class RayBox<T> {
  var value: T
  init(_ value: T) { self.value = value }
}

/// Lets script values cross into the engine's @Sendable closures. Safe because the engine runs
/// every closure while the interpreter thread waits (docs/ray-module.md, "Threads").
struct UncheckedSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}

enum RayBridge {
  // MARK: - Script → TuneValue

  static func toTune(_ v: Value, _ vm: VM, path: String = "") throws -> TuneValue {
    switch v {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .str(let s): return .string(s)
    case .big: return .float(v.asDouble ?? .nan)
    case .list(let l): return .list(try l.items.enumerated().map { try toTune($1, vm, path: "\(path)/\($0)") })
    case .tuple(let t): return .list(try t.enumerated().map { try toTune($1, vm, path: "\(path)/\($0)") })
    case .dict:
      var d = TuneDict()
      for (k, item) in try vm.dictItems(v) {
        guard case .str(let key) = k else {
          throw vm.error("TypeError", "config keys must be strings; \(path.isEmpty ? "the config" : "'\(path.dropFirst())'") has key \(try vm.repr(k))")
        }
        d[key] = try toTune(item, vm, path: "\(path)/\(key)")
      }
      return .dict(d)
    default:
      if let domain = TuneDomains.domain(of: v) { return .domain(domain) }
      return .string(RayState.of(vm).opaqueToken(for: v))
    }
  }

  /// A dict of metrics (or the keyword arguments of `report(**kw)`).
  static func toTuneDict(_ v: Value, _ vm: VM, context: String) throws -> TuneDict {
    guard case .dict = v, case .dict(let d) = try toTune(v, vm) else {
      throw vm.error("TypeError", "\(context) must be a dict of metrics, not \(v.typeName)")
    }
    return d
  }

  // MARK: - TuneValue → script

  static func toScript(_ t: TuneValue, _ vm: VM) throws -> Value {
    switch t {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .float(let d): return .float(d)
    case .string(let s): return RayState.of(vm).opaqueValue(s) ?? .str(s)
    case .list(let items): return Value(try items.map { try toScript($0, vm) })
    case .dict(let d): return try vm.makeDict(d.map { ($0.key, try toScript($0.value, vm)) })
    case .domain(let domain): return try TuneDomains.make(domain, vm)
    }
  }

  static func toScript(_ d: TuneDict, _ vm: VM) throws -> Value { try toScript(.dict(d), vm) }

  // MARK: - Errors

  /// The script exception for an engine error: TuneError → ray.tune.error.TuneError, runtime →
  /// RuntimeError, everything else → ValueError.
  static func scriptError(_ error: Error, _ vm: VM) -> Error {
    if error is ScriptError { return error }
    if let e = error as? TuneError {
      switch e {
      case .runtime(let m): return vm.error("RuntimeError", m)
      case .tuneError(let m): return TuneErrorClass.raise(m, vm)
      default: return vm.error("ValueError", e.description)
      }
    }
    if let e = error as? SearchError { return vm.error("ValueError", "\(e)") }
    return vm.error("RuntimeError", "\(error)")
  }

  /// Runs engine code, turning its errors into script exceptions.
  static func engine<T>(_ vm: VM, _ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw scriptError(error, vm) }
  }

  // MARK: - Arguments

  static func double(_ v: Value, _ vm: VM, _ fn: String, _ name: String) throws -> Double {
    guard let d = v.asDouble, v.asBool == nil else {
      throw vm.error("TypeError", "\(fn)() argument '\(name)' must be a number, not \(v.typeName)")
    }
    return d
  }

  static func optionalDouble(_ v: Value, _ vm: VM, _ fn: String, _ name: String) throws -> Double? {
    v.isNone ? nil : try double(v, vm, fn, name)
  }

  static func int(_ v: Value, _ vm: VM, _ fn: String, _ name: String) throws -> Int {
    if case .float(let d) = v, d.rounded() == d, abs(d) < 9e18 { return Int(d) }
    guard case .int(let i) = v else {
      throw vm.error("TypeError", "\(fn)() argument '\(name)' must be an int, not \(v.typeName)")
    }
    return i
  }

  static func optionalInt(_ v: Value, _ vm: VM, _ fn: String, _ name: String) throws -> Int? {
    v.isNone ? nil : try int(v, vm, fn, name)
  }

  static func optionalString(_ v: Value, _ vm: VM, _ fn: String, _ name: String) throws -> String? {
    if v.isNone { return nil }
    guard let s = v.asString else { throw vm.error("TypeError", "\(fn)() argument '\(name)' must be a str or None, not \(v.typeName)") }
    return s
  }

  static func bool(_ v: Value, _ vm: VM) throws -> Bool { try vm.truthValue(v) }

  static func mode(_ v: Value, _ vm: VM, _ fn: String) throws -> TuneMode? {
    guard let s = try optionalString(v, vm, fn, "mode") else { return nil }
    return try engine(vm) { try TuneMode(parsing: s, function: fn) }
  }
}

/// Ray's `ray.tune.error.TuneError`.
enum TuneErrorClass {
  /// One class for every interpreter (parallel tests import `ray.tune` at once).
  static let type = TypeObject.makeExceptionClass(
    name: "TuneError", module: "ray.tune.error", doc: "Ray Tune's error for a run that cannot go on (e.g. PBT without mutations).")

  static func cls(_ vm: VM) -> TypeObject { type }

  static func raise(_ message: String, _ vm: VM) -> Error {
    guard let e = try? vm.callValue(.type(type), [.str(message)]) else { return vm.error("RuntimeError", message) }
    return vm.raisingException(e)
  }
}
