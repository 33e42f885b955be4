// Standard modules written in the language itself (compiled on first import): the everyday parts
// of functools, itertools and collections. Plain script classes stand in for CPython's C types,
// so e.g. `isinstance(defaultdict(int), dict)` is False in hps.

enum FrozenModules {
  static let sources: [String: String] = [
    "functools": functools,
    "itertools": itertools,
    "collections": collections,
    "typing": typing,
    "dataclasses": dataclasses,
    "operator": operatorModule,
    "string": stringModule,
    "copy": copyModule,
    "statistics": statisticsModule,
  ]
}
