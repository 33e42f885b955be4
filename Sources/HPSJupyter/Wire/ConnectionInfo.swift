// The connection file Jupyter writes before starting a kernel: where to bind the five sockets and
// the key that signs every message.
import Foundation

public struct ConnectionInfo {
  public var transport: String
  public var ip: String
  public var shellPort: Int
  public var iopubPort: Int
  public var stdinPort: Int
  public var controlPort: Int
  public var hbPort: Int
  public var key: String
  public var signatureScheme: String

  public struct Invalid: Error, CustomStringConvertible {
    public let description: String
  }

  public init(
    transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, iopubPort: Int, stdinPort: Int,
    controlPort: Int, hbPort: Int, key: String, signatureScheme: String = Signer.scheme
  ) {
    self.transport = transport
    self.ip = ip
    self.shellPort = shellPort
    self.iopubPort = iopubPort
    self.stdinPort = stdinPort
    self.controlPort = controlPort
    self.hbPort = hbPort
    self.key = key
    self.signatureScheme = signatureScheme
  }

  /// Reads and checks a connection file; errors name the file and the offending field.
  public init(contentsOf path: String) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Invalid(description: "cannot read connection file '\(path)'")
    }
    try self.init(json: data, source: path)
  }

  public init(json data: Data, source: String = "connection file") throws {
    guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
      throw Invalid(description: "\(source): not a JSON object")
    }
    func port(_ name: String) throws -> Int {
      guard let value = JSON.int(fields[name]), (0...65535).contains(value) else {
        throw Invalid(description: "\(source): '\(name)' must be a port number 0...65535")
      }
      return value
    }
    transport = fields["transport"] as? String ?? "tcp"
    guard transport == "tcp" || transport == "ipc" else {
      throw Invalid(description: "\(source): transport '\(transport)' is not supported (use tcp or ipc)")
    }
    ip = fields["ip"] as? String ?? "127.0.0.1"
    shellPort = try port("shell_port")
    iopubPort = try port("iopub_port")
    stdinPort = try port("stdin_port")
    controlPort = try port("control_port")
    hbPort = try port("hb_port")
    key = fields["key"] as? String ?? ""
    signatureScheme = fields["signature_scheme"] as? String ?? Signer.scheme
    guard signatureScheme == Signer.scheme else {
      throw Invalid(description: "\(source): signature_scheme '\(signatureScheme)' is not supported (only \(Signer.scheme))")
    }
  }

  /// The ZeroMQ endpoint for one port: `tcp://ip:port`, or ipc's `ip-port` file as jupyter_client names it.
  public func endpoint(port: Int) -> String {
    transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
  }
}
