// Loading modules: the `sys.modules` cache, native modules, then `.hps` (or `.py`) files next to
// the importing file and in the configured search paths.
import Foundation
import HPSSyntax

extension VM {
  func importModule(_ name: String, relativeTo dir: String) throws -> ModuleObject {
    if let cached = modules[name], case .object(let m as ModuleObject) = cached { return m }
    if let native = nativeModules[name] {
      let m = try native.instantiate(self)
      modules[name] = .object(m)
      // As in Python, a loaded submodule is an attribute of its package (`hps.plot`), whichever of
      // the two loads first.
      if let dot = name.lastIndex(of: "."), case .object(let parent as ModuleObject)? = modules[String(name[..<dot])] {
        parent.namespace.set(String(name[name.index(after: dot)...]), .object(m))
      }
      for (key, value) in modules where key.hasPrefix(name + ".") && !key.dropFirst(name.count + 1).contains(".") {
        if case .object(let sub as ModuleObject) = value, m.namespace.get(String(key.dropFirst(name.count + 1))) == nil {
          m.namespace.set(String(key.dropFirst(name.count + 1)), .object(sub))
        }
      }
      return m
    }
    if let text = FrozenModules.sources[name] {
      let m = ModuleObject(name: name)
      modules[name] = .object(m)
      do {
        _ = try execute(SourceFile(name: "<frozen \(name)>", text: text), in: m, interactive: false)
      } catch {
        modules[name] = nil
        throw error
      }
      return m
    }
    let parts = name.split(separator: ".").map(String.init)
    if parts.count > 1 {
      let parent = try importModule(parts.dropLast().joined(separator: "."), relativeTo: dir)
      if let v = parent.namespace.get(parts[parts.count - 1]), case .object(let m as ModuleObject) = v { return m }
    }
    let relative = parts.joined(separator: "/")
    let fm = FileManager.default
    for base in [dir] + searchPaths {
      for candidate in [relative + ".hps", relative + ".py", relative + "/__init__.hps", relative + "/__init__.py"] {
        let path = base == "." ? candidate : base + "/" + candidate
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
          return try loadModuleFile(name: name, path: path)
        }
      }
    }
    throw ScriptError(Builtin.moduleNotFoundError, "No module named '\(name)'")
  }

  func loadModuleFile(name: String, path: String) throws -> ModuleObject {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ScriptError(Builtin.importError, "cannot read module file '\(path)'")
    }
    let source = SourceFile(name: path, text: String(decoding: data, as: UTF8.self))
    let m = ModuleObject(name: name, file: path)
    m.namespace.set("__file__", .str(path))
    modules[name] = .object(m)
    do {
      _ = try execute(source, in: m, interactive: false)
    } catch {
      modules[name] = nil
      throw error
    }
    if name.contains(".") {
      let parts = name.split(separator: ".").map(String.init)
      if let p = modules[parts.dropLast().joined(separator: ".")], case .object(let parent as ModuleObject) = p {
        parent.namespace.set(parts[parts.count - 1], .object(m))
      }
    }
    return m
  }

  /// Parses, compiles and runs source in a module's namespace; returns a trailing expression's
  /// value in interactive mode.
  func execute(_ source: SourceFile, in module: ModuleObject, interactive: Bool) throws -> Value? {
    let ast: Module
    do {
      ast = try Parser.parseModule(source)
    } catch {
      throw syntaxErrorException(error)
    }
    let code: FunctionCode
    do {
      code = try Compiler(vm: self, module: module, file: source).compileModule(ast, interactive: interactive)
    } catch let e as SyntaxError {
      throw syntaxErrorException(e)
    }
    return try run(code)
  }

  func run(_ code: FunctionCode) throws -> Value? {
    let frame = stack.push(code.slotCount)
    defer { stack.pop(frame, code.slotCount) }
    for s in code.cellSlots { frame[s] = .object(Cell()) }
    if try code.body(frame) == .returned { return frame[code.returnSlot] }
    return nil
  }

  /// A SyntaxError from the parser or compiler as a script exception.
  func syntaxErrorException(_ e: SyntaxError) -> ScriptError {
    let cls = e.className == "IndentationError" ? Builtin.indentationError : Builtin.syntaxError
    let exc = ExceptionObject(cls: cls, args: [.str(e.message)])
    let loc = e.location
    exc.attributes["msg"] = .str(e.message)
    exc.attributes["filename"] = .str(e.source.name)
    exc.attributes["lineno"] = .int(loc.line)
    exc.attributes["offset"] = .int(loc.column)
    exc.attributes["text"] = .str(e.source.lineText(loc.line))
    exc.syntaxError = e
    return ScriptError(exc)
  }
}
