// optuna.storages: InMemoryStorage and RDBStorage("sqlite:///file.db").
import Foundation
import HPSScript
import HPSSearch

enum OptunaStorages: OptunaDeclarations {
  static let module = "optuna.storages"

  static let baseClass = NativeClass(
    name: "BaseStorage", module: module, doc: "Base class of the storages that keep studies and trials.",
    subclassable: false, initializer: OptunaNative.notConstructible("BaseStorage", use: "InMemoryStorage() or RDBStorage(url)"))

  static let inMemoryClass = NativeClass(
    name: "InMemoryStorage", module: module, doc: "Keeps studies in this process's memory (the default storage).",
    base: baseClass, subclassable: false,
    initializer: OptunaNative.initializer("InMemoryStorage", []) { _, _ in Box<any Storage>(InMemoryStorage()) },
    methods: [OptunaNative.repr("InMemoryStorage") { (_: VM, _: Box<any Storage>) in "<optuna.storages.InMemoryStorage>" }])

  static let rdbClass = NativeClass(
    name: "RDBStorage", module: module,
    doc: """
      A study database in SQLite: RDBStorage("sqlite:///study.db") (relative path) or
      "sqlite:////abs/path/study.db". Several processes may share one file. Other database URLs
      (postgresql, mysql) are not available in hps.
      """,
    base: baseClass, subclassable: false,
    initializer: OptunaNative.initializer(
      "RDBStorage",
      [p("url"), p("engine_kwargs", Value.none), p("skip_compatibility_check", false),
       p("heartbeat_interval", Value.none, keywordOnly: true), p("grace_period", Value.none, keywordOnly: true)]
    ) { _, b in
      let f = "RDBStorage"
      let url = try OptunaValues.string(b["url"], f, "url")
      return RDBBox(
        try openStorage(
          url: url, heartbeatInterval: try OptunaValues.optionalDouble(b["heartbeat_interval"], f, "heartbeat_interval"),
          gracePeriod: try OptunaValues.optionalDouble(b["grace_period"], f, "grace_period")), url: url)
    },
    methods: [OptunaNative.repr("RDBStorage") { (_: VM, s: Box<any Storage>) in "<optuna.storages.RDBStorage url=\((s as? RDBBox)?.url ?? "?")>" }])

  /// Storage payload that remembers its URL for repr().
  final class RDBBox: Box<any Storage> {
    let url: String
    init(_ storage: any Storage, url: String) {
      self.url = url
      super.init(storage)
    }
  }

  static func members() -> [(String, Value)] {
    [("BaseStorage", baseClass.value), ("InMemoryStorage", inMemoryClass.value), ("RDBStorage", rdbClass.value)]
  }
}
