// `hps kernel -f CONNECTION_FILE` (started by Jupyter) and `hps kernel install` (writes the
// kernelspec that tells Jupyter how to start it).
import ArgumentParser
import Foundation
import HPSJupyter

struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kernel",
    abstract: "Run hps as a Jupyter kernel (Jupyter starts this with a connection file).",
    subcommands: [Install.self])

  @Option(name: [.customShort("f"), .customLong("connection-file")], help: "The JSON connection file Jupyter wrote.")
  var connectionFile: String?

  func run() throws {
    guard let connectionFile else {
      throw ValidationError("missing -f CONNECTION_FILE (Jupyter passes it); to set hps up for Jupyter run `hps kernel install --user`")
    }
    do {
      let kernel = try JupyterKernel(connectionFile: connectionFile)
      throw ExitCode(kernel.run())
    } catch let error as ConnectionInfo.Invalid {
      FileHandle.standardError.write(Data("hps kernel: \(error.description)\n".utf8))
      throw ExitCode(2)
    } catch let error as ZMQError {
      FileHandle.standardError.write(Data("hps kernel: \(error.description)\n".utf8))
      throw ExitCode(1)
    }
  }

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the hps kernelspec where `jupyter kernelspec list` finds it.",
      discussion: """
        Without options the spec goes to /usr/local/share/jupyter/kernels/hps (as jupyter kernelspec install \
        does), which needs root.
        """)

    @Flag(help: "Install for the current user (~/.local/share/jupyter/kernels, or $JUPYTER_DATA_DIR/kernels).")
    var user = false

    @Option(help: "Install under DIR/share/jupyter/kernels (e.g. a virtualenv's prefix).")
    var prefix: String?

    @Option(help: "The kernelspec's name (its directory); a second name lets two hps builds coexist.")
    var name = KernelSpec.defaultName

    @Option(help: "The name front ends show (default: the kernel name).")
    var displayName: String?

    func validate() throws {
      if user && prefix != nil { throw ValidationError("--user and --prefix cannot be used together") }
    }

    func run() throws {
      let location: KernelSpec.Location = user ? .user : prefix.map { .prefix($0) } ?? .system
      do {
        let directory = try KernelSpec.install(at: location, name: name, displayName: displayName)
        print("Installed kernelspec \(name) in \(directory.path)")
      } catch {
        FileHandle.standardError.write(Data("hps kernel install: \(error)\n".utf8))
        throw ExitCode(1)
      }
    }
  }
}
