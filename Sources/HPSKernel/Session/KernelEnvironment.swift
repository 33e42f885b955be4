// Builds an interpreter configured for hps: version, the stdlib search path, and (as later modules
// land) the engine's script-visible modules. Every front end gets its interpreter here.
import Foundation
import HPSScript

public enum HPSVersion {
  public static let current = "0.1.0"
}

public enum KernelEnvironment {
  /// An interpreter whose `import` finds the script's own directory first, then `HPS_PATH`
  /// entries, then the bundled `stdlib/`.
  public static func makeInterpreter(argv: [String], scriptPath: String?) -> Interpreter {
    var paths: [String] = []
    if let scriptPath {
      paths.append(URL(fileURLWithPath: scriptPath).deletingLastPathComponent().path)
    } else {
      paths.append(FileManager.default.currentDirectoryPath)
    }
    if let extra = ProcessInfo.processInfo.environment["HPS_PATH"] {
      paths += extra.split(separator: ":").map(String.init)
    }
    if let stdlib = stdlibDirectory() { paths.append(stdlib) }
    let interpreter = Interpreter(argv: argv, searchPaths: paths)
    DisplayRouter.install(on: interpreter)
    registerEngineModules(in: interpreter)
    return interpreter
  }

  /// The engine's script-visible modules (optuna, ...), for interpreters made elsewhere too.
  public static func registerEngineModules(in interpreter: Interpreter) {
    OptunaModule.register(in: interpreter)
    MachineLearningModules.register(in: interpreter)
    interpreter.registerModule(WandbModule.module)
    interpreter.registerModule(WandbModule.errorsModule)
    RayModules.register(on: interpreter)
  }

  /// The `stdlib/` folder: beside the executable's package checkout (walking up from the binary,
  /// which lives in .build/<config>/), or HPS_STDLIB.
  public static func stdlibDirectory() -> String? {
    if let explicit = ProcessInfo.processInfo.environment["HPS_STDLIB"] { return explicit }
    // /proc/self/exe is absolute: argv[0] may be relative to a directory the process has since left
    // (the notebook runner and the kernel work in the notebook's folder).
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
      let candidate = dir.appendingPathComponent("stdlib")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue,
        FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
      {
        return candidate.path
      }
      dir.deleteLastPathComponent()
    }
    return nil
  }
}
