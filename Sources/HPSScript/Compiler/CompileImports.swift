// `import a.b as c` and `from m import x as y` (relative imports resolve against the file).
import HPSSyntax

extension Compiler {
  func importStatement(_ names: [ImportName]) throws -> StmtCode {
    let vm = self.vm
    let dir = file.directory
    let steps: [(String, String?, StoreCode)] = names.map { n in
      let bound = n.alias ?? String(n.name.split(separator: ".").first ?? "")
      return (n.name, n.alias, storeName(bound))
    }
    return { f in
      for (name, alias, store) in steps {
        let leaf = try vm.importModule(name, relativeTo: dir)
        if alias != nil || !name.contains(".") {
          try store(f, .object(leaf))
        } else {
          let top = String(name.split(separator: ".").first ?? "")
          try store(f, .object(try vm.importModule(top, relativeTo: dir)))
        }
      }
      return .normal
    }
  }

  func importFrom(_ module: String?, _ names: [ImportName], level: Int, star: Bool) throws -> StmtCode {
    let vm = self.vm
    var dir = file.directory
    if level > 1 {
      for _ in 1..<level { dir = (dir as NSStringPath).parentDirectory }
    }
    let moduleName = module ?? ""
    if star {
      let ns = self.ns
      return { _ in
        let m = try vm.importModule(moduleName, relativeTo: dir)
        var exported = m.namespace.boundNames.filter { !$0.hasPrefix("_") }
        if let all = m.namespace.get("__all__") { exported = try vm.iterate(all).map { try vm.str($0) } }
        for n in exported {
          if let v = m.namespace.get(n) { ns.set(n, v) }
        }
        return .normal
      }
    }
    let steps: [(String, StoreCode)] = names.map { ($0.name, storeName($0.alias ?? $0.name)) }
    return { f in
      let m: ModuleObject
      if moduleName.isEmpty {
        // `from . import x`: x is a module next to this file.
        for (name, store) in steps { try store(f, .object(try vm.importModule(name, relativeTo: dir))) }
        return .normal
      }
      m = try vm.importModule(moduleName, relativeTo: dir)
      for (name, store) in steps {
        if let v = m.namespace.get(name) {
          try store(f, v)
        } else if let sub = try? vm.importModule(moduleName + "." + name, relativeTo: dir) {
          try store(f, .object(sub))
        } else {
          let location = m.file.map { " (\($0))" } ?? " (unknown location)"
          var detail = ""
          // PEP 562: the module's __getattr__ may supply the name, or explain its absence.
          if !name.hasPrefix("__"), let ga = m.namespace.get("__getattr__") {
            do {
              try store(f, try vm.call(ga, [.str(name)]))
              continue
            } catch let e as ScriptError where e.exception.cls.isSubtype(of: Builtin.attributeError) {
              if let message = e.exception.args.first?.asString { detail = ": " + message }
            }
          }
          throw ScriptError(Builtin.importError, "cannot import name '\(name)' from '\(m.name)'\(location)\(detail)")
        }
      }
      return .normal
    }
  }
}

typealias NSStringPath = String

extension String {
  var parentDirectory: String {
    guard let slash = lastIndex(of: "/") else { return "." }
    if slash == startIndex { return "/" }
    return String(self[..<slash])
  }
}

extension SourceFile {
  /// The directory imports resolve against (the current directory for `<stdin>`, `-c`, cells).
  var directory: String {
    if name.hasPrefix("<") || !name.contains("/") { return name.hasPrefix("<") ? "." : "." }
    return name.parentDirectory
  }
}
