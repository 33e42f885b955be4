// optuna.create_study, load_study, delete_study, copy_study, get_all_study_names.
import HPSScript
import HPSSearch

enum OptunaStudyFunctions: OptunaDeclarations {

  static let createStudy = OptunaNative.function(
    "create_study",
    [p("storage", Value.none, keywordOnly: true), p("sampler", Value.none, keywordOnly: true),
     p("pruner", Value.none, keywordOnly: true), p("study_name", Value.none, keywordOnly: true),
     p("direction", Value.none, keywordOnly: true), p("load_if_exists", false, keywordOnly: true),
     p("directions", Value.none, keywordOnly: true)],
    doc: """
      Create a new study. direction is "minimize" (default) or "maximize"; directions=[...] makes
      a multi-objective study. storage is None (in memory), "sqlite:///file.db" or a storage
      object; with load_if_exists=True an existing study of the same name is resumed. The sampler
      defaults to TPESampler() and the pruner to MedianPruner().
      """
  ) { vm, b in
    let f = "create_study"
    let direction = b["direction"].isNone ? nil : try OptunaEnums.direction(b["direction"], f, "direction")
    let directions = b["directions"].isNone
      ? nil : try OptunaValues.sequence(vm, b["directions"], f, "directions").map { try OptunaEnums.direction($0, f, "directions") }
    let name = try OptunaValues.optionalString(b["study_name"], f, "study_name")
    let storage = try OptunaBridge.storage(from: b["storage"]) ?? InMemoryStorage()
    let existed = name.map { (try? storage.allStudyNames().contains($0)) ?? false } ?? false
    let logger = OptunaBridge.logger(for: vm)
    let study = try Study.create(
      studyName: name, storage: storage, sampler: try OptunaBridge.sampler(from: b["sampler"]),
      pruner: try OptunaBridge.pruner(from: b["pruner"]), direction: direction, directions: directions,
      loadIfExists: try vm.isTrue(b["load_if_exists"]), logger: logger)
    if !existed {
      logger.info("A new study created \(storage is InMemoryStorage ? "in memory" : "in RDB") with name: \(study.studyName)")
    }
    return OptunaBridge.wrap(study, sampler: b["sampler"].isNone ? nil : b["sampler"], pruner: b["pruner"].isNone ? nil : b["pruner"])
  }

  static let loadStudy = OptunaNative.function(
    "load_study",
    [p("study_name", keywordOnly: true), p("storage", keywordOnly: true), p("sampler", Value.none, keywordOnly: true),
     p("pruner", Value.none, keywordOnly: true)],
    doc: "Load an existing study from a storage (study_name=None works when the storage holds exactly one study)."
  ) { vm, b in
    let f = "load_study"
    guard let storage = try OptunaBridge.storage(from: b["storage"]) else {
      throw OptunaErrors.valueError("load_study() argument 'storage': a study can only be loaded from a persistent storage such as 'sqlite:///study.db', not None")
    }
    let study = try Study.load(
      studyName: try OptunaValues.optionalString(b["study_name"], f, "study_name"), storage: storage,
      sampler: try OptunaBridge.sampler(from: b["sampler"]), pruner: try OptunaBridge.pruner(from: b["pruner"]),
      logger: OptunaBridge.logger(for: vm))
    return OptunaBridge.wrap(study, sampler: b["sampler"].isNone ? nil : b["sampler"], pruner: b["pruner"].isNone ? nil : b["pruner"])
  }

  private static func requiredStorage(_ v: Value, _ function: String) throws -> any Storage {
    guard let storage = try OptunaBridge.storage(from: v) else {
      throw OptunaErrors.valueError("\(function)() argument 'storage' must name a storage, not None")
    }
    return storage
  }

  static let deleteStudy = OptunaNative.function(
    "delete_study", [p("study_name", keywordOnly: true), p("storage", keywordOnly: true)],
    doc: "Delete a study and its trials from a storage."
  ) { _, b in
    try StudyManagement.deleteStudy(
      name: try OptunaValues.string(b["study_name"], "delete_study", "study_name"), storage: try requiredStorage(b["storage"], "delete_study"))
    return .none
  }

  static let getAllStudyNames = OptunaNative.function(
    "get_all_study_names", [p("storage")], doc: "The names of all studies in a storage."
  ) { _, b in
    Value(try StudyManagement.allStudyNames(storage: try requiredStorage(b["storage"], "get_all_study_names")).map { Value.str($0) })
  }

  static let copyStudy = OptunaNative.function(
    "copy_study",
    [p("from_study_name", keywordOnly: true), p("from_storage", keywordOnly: true), p("to_storage", keywordOnly: true),
     p("to_study_name", Value.none, keywordOnly: true)],
    doc: "Copy a study with its trials and attributes into another storage (or under another name)."
  ) { _, b in
    let f = "copy_study"
    try StudyManagement.copyStudy(
      from: try OptunaValues.string(b["from_study_name"], f, "from_study_name"), storage: try requiredStorage(b["from_storage"], f),
      to: try requiredStorage(b["to_storage"], f), name: try OptunaValues.optionalString(b["to_study_name"], f, "to_study_name"))
    return .none
  }

  static func members() -> [(String, Value)] {
    [("create_study", .object(createStudy)), ("load_study", .object(loadStudy)), ("delete_study", .object(deleteStudy)),
     ("get_all_study_names", .object(getAllStudyNames)), ("copy_study", .object(copyStudy))]
  }
}

/// optuna.study.MaxTrialsCallback: stops optimize() once the storage holds n_trials trials in
/// `states`, counted across every process sharing the storage.
enum OptunaMaxTrialsCallback: OptunaDeclarations {
  typealias M = Box<MaxTrialsCallback>

  static let callbackClass: NativeClass = {
    let c = "MaxTrialsCallback"
    return NativeClass(
      name: c, module: "optuna.study",
      doc: "Pass in optimize(callbacks=[...]) to stop once n_trials trials in `states` (default: COMPLETE) exist in the storage.",
      subclassable: false,
      initializer: OptunaNative.initializer(c, [p("n_trials"), p("states", .tuple(of: [OptunaEnums.value(.complete)]))]) { vm, b in
        let states: Set<TrialState>? = b["states"].isNone
          ? nil : Set(try OptunaValues.sequence(vm, b["states"], c, "states").map { try OptunaEnums.trialState($0, c, "states") })
        return M(MaxTrialsCallback(nTrials: try OptunaValues.int(b["n_trials"], c, "n_trials"), states: states))
      },
      methods: [
        OptunaNative.method(c, "__call__", [p("study"), p("trial")], doc: "Stop the study when the trial budget is reached.") {
          (_: VM, m: M, b: BoundArguments) in
          guard let study = OptunaBridge.study(from: b["study"]) else {
            throw OptunaErrors.typeError("MaxTrialsCallback() argument 'study' must be a Study, not '\(b["study"].typeName)'")
          }
          try m.value.callback(study, try OptunaFrozenTrialAPI.frozen(b["trial"], c, "trial"))
          return .none
        },
        OptunaNative.repr(c) { (_: VM, m: M) in "MaxTrialsCallback(n_trials=\(m.value.nTrials))" },
      ])
  }()
}
