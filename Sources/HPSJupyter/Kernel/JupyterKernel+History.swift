// history_request over the Session's `In`/`Out`. hps keeps no history database, so only the
// current session exists; it is reported as session 1 and session 0 means "current", as in IPython.
import Foundation
import HPSKernel

extension JupyterKernel {
  static let currentSessionNumber = 1

  func history(_ content: JSONObject) -> JSONObject {
    let withOutput = JSON.bool(content["output"]) ?? false
    let lines = Array(session.inputs.indices.dropFirst())  // In[0] is the empty placeholder
    var chosen: [Int]
    switch content["hist_access_type"] as? String ?? "tail" {
    case "range":
      let asked = JSON.int(content["session"]) ?? 0
      guard asked == 0 || asked == JupyterKernel.currentSessionNumber else { chosen = []; break }
      let start = max(JSON.int(content["start"]) ?? 1, 1)
      let stop = min(JSON.int(content["stop"]).map { $0 <= 0 ? lines.count + 1 + $0 : $0 } ?? lines.count + 1, lines.count + 1)
      chosen = start < stop ? Array(start..<stop) : []
    case "search":
      let pattern = content["pattern"] as? String ?? "*"
      chosen = lines.filter { Glob.matches(pattern, session.inputs[$0]) }
      if JSON.bool(content["unique"]) ?? false {
        var seen = Set<String>()
        chosen = chosen.reversed().filter { seen.insert(session.inputs[$0]).inserted }.reversed()
      }
      if let n = JSON.int(content["n"]), n > 0 { chosen = Array(chosen.suffix(n)) }
    default:  // "tail"
      let n = JSON.int(content["n"]) ?? 10
      chosen = Array(lines.suffix(max(n, 0)))
    }
    let entries: [[Any]] = chosen.map { line in
      let input = session.inputs[line]
      guard withOutput else { return [JupyterKernel.currentSessionNumber, line, input] }
      let output: Any = session.outputs[line].map { interpreter.repr($0) } ?? NSNull()
      return [JupyterKernel.currentSessionNumber, line, [input, output]]
    }
    return ["status": "ok", "history": entries]
  }
}

/// The shell-style patterns IPython's history search takes: `*` any run, `?` one character.
enum Glob {
  static func matches(_ pattern: String, _ text: String) -> Bool {
    matches(Array(pattern), 0, Array(text), 0)
  }

  private static func matches(_ p: [Character], _ i: Int, _ t: [Character], _ j: Int) -> Bool {
    var i = i
    var j = j
    var starP = -1
    var starT = 0
    while j < t.count {
      if i < p.count, p[i] == "*" {
        starP = i
        starT = j
        i += 1
      } else if i < p.count, p[i] == "?" || p[i] == t[j] {
        i += 1
        j += 1
      } else if starP >= 0 {
        i = starP + 1
        starT += 1
        j = starT
      } else {
        return false
      }
    }
    while i < p.count, p[i] == "*" { i += 1 }
    return i == p.count
  }
}
