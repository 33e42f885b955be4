import Foundation
import Testing

@testable import HPSJupyter

/// `hps kernel install`: kernel.json and logos where Jupyter looks.
@Suite struct KernelSpecTests {
  private func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hps-kernelspec-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func testInstallWritesKernelJSONAndLogos() throws {
    let prefix = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    let directory = try KernelSpec.install(at: .prefix(prefix.path), executable: "/opt/hps/bin/hps")
    #expect(directory.path == prefix.path + "/share/jupyter/kernels/hps")
    let data = try Data(contentsOf: directory.appendingPathComponent("kernel.json"))
    let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json["argv"] as? [String] == ["/opt/hps/bin/hps", "kernel", "-f", "{connection_file}"])
    #expect(json["display_name"] as? String == "hps")
    #expect(json["language"] as? String == "hps")
    #expect(json["interrupt_mode"] as? String == "signal")
    for (name, size) in [("logo-32x32.png", 32), ("logo-64x64.png", 64)] {
      let png = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
      #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
      #expect(Array(png[16..<24]) == PNGImage.bigEndian(UInt32(size)) + PNGImage.bigEndian(UInt32(size)))
    }
    let svg = try String(contentsOf: directory.appendingPathComponent("logo-svg.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg"))
  }

  @Test func testReinstallReplacesTheSpec() throws {
    let prefix = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    try KernelSpec.install(at: .prefix(prefix.path), executable: "/old/hps")
    let directory = try KernelSpec.install(at: .prefix(prefix.path), executable: "/new/hps")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("kernel.json")))
    #expect(((json as? [String: Any])?["argv"] as? [String])?.first == "/new/hps")
  }

  @Test func testCustomNameAndDisplayName() throws {
    let prefix = temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    let directory = try KernelSpec.install(at: .prefix(prefix.path), name: "hps-dev", displayName: "hps (debug)", executable: "/x/hps")
    #expect(directory.lastPathComponent == "hps-dev")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("kernel.json")))
    #expect((json as? [String: Any])?["display_name"] as? String == "hps (debug)")
    #expect(throws: KernelSpec.InstallError.self) {
      try KernelSpec.install(at: .prefix(prefix.path), name: "../escape", executable: "/x/hps")
    }
    #expect(!KernelSpec.isValidName("hps kernel"))
    #expect(KernelSpec.isValidName("hps-0.1_dev"))
  }

  @Test func testUserLocationFollowsJupyterEnvironment() {
    #expect(KernelSpec.kernelsDirectory(.user, environment: ["JUPYTER_DATA_DIR": "/d"]).path == "/d/kernels")
    #expect(KernelSpec.kernelsDirectory(.user, environment: ["XDG_DATA_HOME": "/x"]).path == "/x/jupyter/kernels")
    #expect(KernelSpec.kernelsDirectory(.user, environment: ["HOME": "/h"]).path == "/h/.local/share/jupyter/kernels")
    #expect(KernelSpec.kernelsDirectory(.system).path == "/usr/local/share/jupyter/kernels")
  }

  @Test func testUnwritableLocationIsAClearError() {
    #expect(throws: KernelSpec.InstallError.self) {
      try KernelSpec.install(at: .prefix("/proc/hps-cannot-write-here"), executable: "/x/hps")
    }
  }

  @Test func testChecksumsMatchTheirStandards() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(PNGImage.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
  }

  @Test func testStoredZlibSplitsLargeData() {
    let data = [UInt8](repeating: 7, count: 70_000)
    let stream = PNGImage.zlibStored(data)
    // header 2 + two blocks (5-byte headers) + data + adler 4
    #expect(stream.count == 2 + 5 + 5 + 70_000 + 4)
    #expect(stream[2] == 0, "first block is not final")
    #expect(stream[2 + 5 + 65_535] == 1, "second block is final")
  }
}
