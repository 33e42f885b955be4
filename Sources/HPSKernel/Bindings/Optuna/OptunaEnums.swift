// optuna.trial.TrialState and optuna.study.StudyDirection: enum classes whose members are
// process-wide singleton instances, so `t.state == TrialState.COMPLETE` compares by identity.
import Foundation
import HPSScript
import HPSSearch

/// Payload of an enum member.
final class OptunaEnumMember {
  let name: String
  let rawValue: Int
  let typeName: String
  init(name: String, rawValue: Int, typeName: String) {
    self.name = name
    self.rawValue = rawValue
    self.typeName = typeName
  }
}

enum OptunaEnums {
  private static func makeEnum(
    _ name: String, module: String, doc: String, members: [(String, Int)], extra: [NativeFunction] = []
  ) -> (NativeClass, [Value]) {
    let properties = [
      OptunaNative.property(name, "name", doc: "The member's name.") { (_: VM, m: OptunaEnumMember) in .str(m.name) },
      OptunaNative.property(name, "value", doc: "The member's integer value.") { (_: VM, m: OptunaEnumMember) in .int(m.rawValue) },
    ]
    let methods = extra + [
      OptunaNative.repr(name) { (_: VM, m: OptunaEnumMember) in "<\(m.typeName).\(m.name): \(m.rawValue)>" },
      OptunaNative.method(name, "__str__", doc: "Return str(self).") { (_: VM, m: OptunaEnumMember, _: BoundArguments) in .str("\(m.typeName).\(m.name)") },
    ]
    let cls = NativeClass(
      name: name, module: module, doc: doc, subclassable: false,
      initializer: OptunaNative.notConstructible(name, use: "\(name).<MEMBER> or \(name)(value)"),
      methods: methods, properties: properties)
    var values: [Value] = []
    for (member, raw) in members {
      let v = cls.instance(wrapping: OptunaEnumMember(name: member, rawValue: raw, typeName: name))
      cls.setClassAttribute(member, v)
      values.append(v)
    }
    return (cls, values)
  }

  // MARK: TrialState

  static let trialStateEnum: (NativeClass, [Value]) = makeEnum(
    "TrialState", module: "optuna.trial",
    doc: "State of a trial: RUNNING, COMPLETE, PRUNED, FAIL or WAITING (enqueued).",
    members: TrialState.allCases.map { ($0.name, $0.rawValue) },
    extra: [
      OptunaNative.method("TrialState", "is_finished", doc: "True for COMPLETE, PRUNED and FAIL.") { (_: VM, m: OptunaEnumMember, _: BoundArguments) in
        .bool(TrialState(rawValue: m.rawValue)?.isFinished ?? false)
      }
    ])

  static var trialStateClass: NativeClass { trialStateEnum.0 }

  static func value(_ state: TrialState) -> Value {
    let members = trialStateEnum.1
    return members[TrialState.allCases.firstIndex(of: state) ?? 0]
  }

  /// A TrialState member (or its name) back to the engine's state.
  static func trialState(_ v: Value, _ function: String, _ argument: String) throws -> TrialState {
    if let m = NativeClass.payload(v, as: OptunaEnumMember.self), m.typeName == "TrialState",
      let s = TrialState(rawValue: m.rawValue)
    {
      return s
    }
    if let name = v.asString, let s = TrialState(name: name) { return s }
    throw OptunaErrors.typeError("\(function)() argument '\(argument)' must be a TrialState, not '\(v.typeName)'")
  }

  // MARK: StudyDirection

  static let directionEnum: (NativeClass, [Value]) = makeEnum(
    "StudyDirection", module: "optuna.study", doc: "Direction of an objective: NOT_SET, MINIMIZE or MAXIMIZE.",
    members: [("NOT_SET", 0), ("MINIMIZE", 1), ("MAXIMIZE", 2)])

  static var directionClass: NativeClass { directionEnum.0 }

  static func value(_ d: StudyDirection) -> Value { directionEnum.1[d.rawValue] }

  /// "minimize"/"maximize" (any case) or a StudyDirection member.
  static func direction(_ v: Value, _ function: String, _ argument: String) throws -> StudyDirection {
    if let m = NativeClass.payload(v, as: OptunaEnumMember.self), m.typeName == "StudyDirection",
      let d = StudyDirection(rawValue: m.rawValue), d != .notSet
    {
      return d
    }
    if let s = v.asString, let d = StudyDirection(name: s) { return d }
    throw OptunaErrors.valueError("Please set either 'minimize' or 'maximize' to direction. You specified \(describe(v)).")
  }

  private static func describe(_ v: Value) -> String {
    if let s = v.asString { return PythonRepr.string(s) }
    if let m = NativeClass.payload(v, as: OptunaEnumMember.self) { return "\(m.typeName).\(m.name)" }
    return "a '\(v.typeName)'"
  }
}
