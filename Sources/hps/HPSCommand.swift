// The `hps` command line. `hps` alone opens the REPL on a terminal (or runs piped stdin as a
// script); `hps FILE`, `hps run FILE` and `hps -c CODE` run scripts the way `python3` does.
import ArgumentParser
import Foundation
import HPSKernel
import HPSScript

@main
struct HPSCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hps",
    abstract: "A hyperparameter-search workbench with a Python-flavoured language.",
    version: HPSVersion.current,
    subcommands: [Run.self, KernelCommand.self, NotebookCommand.self],
    defaultSubcommand: Run.self)
}

/// `hps [run] [-c CODE | FILE] [args...]`.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a script file, a -c string, or piped stdin; with a terminal and nothing to run, open the REPL.")

  @Option(name: .customShort("c"), help: "Program passed in as a string (as python3 -c).")
  var code: String?

  @Flag(help: "Print the tokens of FILE and exit (debug aid).")
  var dumpTokens = false

  @Flag(help: "Print the syntax tree of FILE and exit (debug aid).")
  var dumpAst = false

  @ArgumentParser.Argument(parsing: .captureForPassthrough, help: "The script and the arguments it sees in sys.argv.")
  var arguments: [String] = []

  func run() throws {
    let status = ScriptRunner.main(code: code, arguments: arguments, dumpTokens: dumpTokens, dumpAST: dumpAst)
    throw ExitCode(status)
  }
}
