// `hps kernel install`: the kernelspec directory Jupyter looks for (kernel.json plus logos), in the
// same places `jupyter kernelspec install` uses.
import Foundation
import HPSKernel

public enum KernelSpec {
  public static let defaultName = "hps"

  /// Jupyter's rule for kernelspec directory names.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._".unicodeScalars.contains($0)) }
  }

  public enum Location: Equatable {
    /// `$JUPYTER_DATA_DIR/kernels`, else `$XDG_DATA_HOME/jupyter/kernels` (~/.local/share/...).
    case user
    /// `PREFIX/share/jupyter/kernels` (a virtualenv's prefix is what `--sys-prefix` means).
    case prefix(String)
    /// `/usr/local/share/jupyter/kernels`, Jupyter's default without --user (needs root).
    case system
  }

  public static func kernelsDirectory(
    _ location: Location, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    switch location {
    case .user:
      if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty {
        return URL(fileURLWithPath: data).appendingPathComponent("kernels")
      }
      let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
      return URL(fileURLWithPath: base).appendingPathComponent("jupyter/kernels")
    case .prefix(let prefix):
      return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels")
    case .system:
      return URL(fileURLWithPath: "/usr/local/share/jupyter/kernels")
    }
  }

  /// kernel.json: Jupyter starts `hps kernel -f <file>` and interrupts it with SIGINT.
  public static func kernelJSON(executable: String, displayName: String = defaultName) -> JSONObject {
    [
      "argv": [executable, "kernel", "-f", "{connection_file}"],
      "display_name": displayName,
      "language": "hps",
      "interrupt_mode": "signal",
      "kernel_protocol_version": Wire.protocolVersion,
      "metadata": ["hps_version": HPSVersion.current],
    ]
  }

  /// Writes (or replaces) the kernelspec `name` (default `hps`); returns its directory.
  @discardableResult
  public static func install(
    at location: Location, name: String = defaultName, displayName: String? = nil,
    executable: String = currentExecutable(), environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> URL {
    guard isValidName(name) else {
      throw InstallError(description: "kernel name '\(name)' may only use ASCII letters, digits, '-', '.' and '_'")
    }
    let directory = kernelsDirectory(location, environment: environment).appendingPathComponent(name)
    let files = FileManager.default
    do {
      try files.createDirectory(at: directory, withIntermediateDirectories: true)
      let json = try JSONSerialization.data(
        withJSONObject: kernelJSON(executable: executable, displayName: displayName ?? name), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
      try json.write(to: directory.appendingPathComponent("kernel.json"))
      try Logo.png(size: 32).write(to: directory.appendingPathComponent("logo-32x32.png"))
      try Logo.png(size: 64).write(to: directory.appendingPathComponent("logo-64x64.png"))
      try Data(Logo.svg.utf8).write(to: directory.appendingPathComponent("logo-svg.svg"))
    } catch {
      throw InstallError(description: "cannot write the kernelspec to \(directory.path): \(error.localizedDescription)")
    }
    return directory
  }

  public struct InstallError: Error, CustomStringConvertible {
    public let description: String
  }

  /// The absolute path of the running hps binary (kernel.json must not depend on PATH).
  public static func currentExecutable() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    let argv0 = CommandLine.arguments[0]
    let absolute = argv0.hasPrefix("/") ? argv0 : FileManager.default.currentDirectoryPath + "/" + argv0
    return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
