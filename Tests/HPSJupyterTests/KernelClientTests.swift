// The built `hps` kernel against real Jupyter clients: the Python suites in python/ use
// jupyter_client (KernelManager + BlockingKernelClient) and jupyter_kernel_test. scripts/test
// makes the venv (scripts/test-requirements.txt) and exports HPS_PYTHON.
import Foundation
import Testing

@Suite(.serialized) struct KernelClientTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let scripts = packageRoot.appendingPathComponent("Tests/HPSJupyterTests/python")

  static var hpsBinary: String {
    ProcessInfo.processInfo.environment["HPS_BINARY"] ?? packageRoot.appendingPathComponent(".build/debug/hps").path
  }

  /// HPS_PYTHON (scripts/test), else the package's .venv.
  static var python: String {
    if let path = ProcessInfo.processInfo.environment["HPS_PYTHON"], !path.isEmpty { return path }
    return packageRoot.appendingPathComponent(".venv/bin/python").path
  }

  /// A private Jupyter world: the kernelspec installed by `hps kernel install --prefix`, runtime
  /// (connection) files in a temporary directory, nothing written to the user's home.
  struct Jupyter {
    let root: URL
    var environment: [String: String] {
      [
        "JUPYTER_PATH": root.appendingPathComponent("share/jupyter").path,
        "JUPYTER_RUNTIME_DIR": root.appendingPathComponent("runtime").path,
        "JUPYTER_DATA_DIR": root.appendingPathComponent("data").path,
        "JUPYTER_CONFIG_DIR": root.appendingPathComponent("config").path,
        "JUPYTER_PLATFORM_DIRS": "1",
        "HPS_BINARY": KernelClientTests.hpsBinary,
        "PYTHONDONTWRITEBYTECODE": "1",
      ]
    }

    static func make() throws -> Jupyter {
      let root = FileManager.default.temporaryDirectory.appendingPathComponent("hps-jupyter-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      let install = try ProcessRunner.run(
        KernelClientTests.hpsBinary, ["kernel", "install", "--prefix", root.path], timeout: 60)
      guard install.status == 0 else { throw Failure(description: "hps kernel install failed:\n\(install.output)") }
      return Jupyter(root: root)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  struct Failure: Error, CustomStringConvertible { let description: String }

  /// Runs one Python unittest module; the whole run is bounded even if a kernel wedges.
  func unittest(_ module: String, in jupyter: Jupyter, timeout: Double = 300) throws -> ProcessRunner.Result {
    let python = KernelClientTests.python
    guard FileManager.default.isExecutableFile(atPath: python) else {
      throw Failure(description: "no Python with jupyter_client at \(python): run scripts/test (it makes .venv and sets HPS_PYTHON)")
    }
    return try ProcessRunner.run(
      python, ["-m", "unittest", "-v", module], environment: jupyter.environment, in: KernelClientTests.scripts,
      timeout: timeout)
  }

  @Test func testKernelAgainstJupyterClient() throws {
    let jupyter = try Jupyter.make()
    defer { jupyter.remove() }
    let result = try unittest("test_client", in: jupyter)
    #expect(!result.timedOut, "test_client timed out:\n\(result.output)")
    #expect(result.status == 0, "test_client failed:\n\(result.output)")
    #expect(result.output.contains("\nOK"), "\(result.output)")
  }

  @Test func testJupyterKernelTestConformance() throws {
    let jupyter = try Jupyter.make()
    defer { jupyter.remove() }
    let result = try unittest("test_conformance", in: jupyter)
    #expect(result.status == 0, "jupyter_kernel_test failed:\n\(result.output)")
    #expect(result.output.contains("\nOK"), "\(result.output)")
    #expect(!result.output.contains("skipped"), "every conformance check should run:\n\(result.output)")
  }

  @Test func testNotebookClientRunsANotebook() throws {
    let jupyter = try Jupyter.make()
    defer { jupyter.remove() }
    let result = try unittest("test_nbclient", in: jupyter)
    #expect(result.status == 0, "nbclient run failed:\n\(result.output)")
    #expect(result.output.contains("\nOK"), "\(result.output)")
  }

  @Test func testKernelspecListFindsTheInstalledKernel() throws {
    let jupyter = try Jupyter.make()
    defer { jupyter.remove() }
    let jupyterCommand = URL(fileURLWithPath: KernelClientTests.python).deletingLastPathComponent()
      .appendingPathComponent("jupyter").path
    let listed = try ProcessRunner.run(
      jupyterCommand, ["kernelspec", "list", "--json"], environment: jupyter.environment, timeout: 60)
    #expect(listed.status == 0, "\(listed.output)")
    let start = listed.output.firstIndex(of: "{") ?? listed.output.startIndex
    let json = try JSONSerialization.jsonObject(with: Data(listed.output[start...].utf8)) as? [String: Any]
    let specs = json?["kernelspecs"] as? [String: Any]
    let hps = specs?["hps"] as? [String: Any]
    #expect(hps?["resource_dir"] as? String == jupyter.root.path + "/share/jupyter/kernels/hps")
    let spec = hps?["spec"] as? [String: Any]
    #expect((spec?["argv"] as? [String])?.first == KernelClientTests.hpsBinaryResolved)
    #expect(spec?["interrupt_mode"] as? String == "signal")
  }

  @Test func testUserInstallHonoursJupyterDataDir() throws {
    let jupyter = try Jupyter.make()
    defer { jupyter.remove() }
    let result = try ProcessRunner.run(
      KernelClientTests.hpsBinary, ["kernel", "install", "--user"], environment: jupyter.environment, timeout: 60)
    #expect(result.status == 0, "\(result.output)")
    let spec = jupyter.root.appendingPathComponent("data/kernels/hps/kernel.json")
    #expect(FileManager.default.fileExists(atPath: spec.path))
    let both = try ProcessRunner.run(
      KernelClientTests.hpsBinary, ["kernel", "install", "--user", "--prefix", "/tmp"], timeout: 60)
    #expect(both.status != 0)
    #expect(both.output.contains("--user and --prefix cannot be used together"))
  }

  @Test func testKernelWithoutConnectionFileExplains() throws {
    let missing = try ProcessRunner.run(KernelClientTests.hpsBinary, ["kernel"], timeout: 60)
    #expect(missing.status != 0)
    #expect(missing.output.contains("hps kernel install"))
    let bad = try ProcessRunner.run(KernelClientTests.hpsBinary, ["kernel", "-f", "/nonexistent/kernel.json"], timeout: 60)
    #expect(bad.status == 2)
    #expect(bad.output.contains("cannot read connection file '/nonexistent/kernel.json'"))
  }

  /// kernel.json names the binary by its resolved absolute path.
  static var hpsBinaryResolved: String {
    URL(fileURLWithPath: hpsBinary).resolvingSymlinksInPath().path
  }
}
