// execute_request: run the cell in the Session and publish what it produced.
import Foundation
import HPSKernel
import HPSScript

extension JupyterKernel {
  /// Runs the request; returns the requests to abort because this one failed (see `abort`).
  func execute(_ request: Message) -> [Message] {
    let content = request.content
    let code = content["code"] as? String ?? ""
    let silent = JSON.bool(content["silent"]) ?? false
    let storeHistory = silent ? false : (JSON.bool(content["store_history"]) ?? true)
    let stopOnError = JSON.bool(content["stop_on_error"]) ?? true
    let expressions = content["user_expressions"] as? [String: Any] ?? [:]

    streams.begin(parent: request.header)
    let counts = storeHistory && !code.allSatisfy(\.isWhitespace)
    if !silent {
      publisher.publish(
        "execute_input", ["code": code, "execution_count": session.executionCount + (counts ? 1 : 0)],
        parent: request.header)
    }

    currentExecute = request
    let run = { self.session.execute(code, storeHistory: storeHistory) }
    let helpPage = JupyterKernel.isHelpRequest(code) ? capturingSessionWrites(run) : nil
    let result = helpPage?.result ?? run()
    currentExecute = nil
    streams.flush()

    var reply: JSONObject = ["execution_count": result.executionCount]
    var failed = false
    switch result.outcome {
    case .ok(let echo):
      if let echo, !silent {
        var output = (result.resultBundle ?? MimeBundle(text: echo)).jsonObject()
        output["execution_count"] = result.executionCount
        publisher.publish("execute_result", output, parent: request.header)
      }
      reply["status"] = "ok"
      // `name?` goes to the front end's pager, as IPython's help does.
      reply["payload"] = helpPage.map { [["source": "page", "data": ["text/plain": $0.text], "start": 0] as JSONObject] } ?? []
    case .error(let name, let message, let traceback):
      let error: JSONObject = ["ename": name, "evalue": message, "traceback": JupyterKernel.lines(traceback)]
      publisher.publish("error", error, parent: request.header)
      reply.merge(error) { _, new in new }
      reply["status"] = "error"
      failed = true
    case .exit:
      // As in IPython: exit() asks the front end to close the kernel; the kernel itself stays up.
      reply["status"] = "ok"
      reply["payload"] = [["source": "ask_exit", "keepkernel": false] as JSONObject]
    }
    // As ipykernel: expressions are only evaluated after a cell that succeeded, and a silent
    // cell's failure does not abort the queue.
    reply["user_expressions"] = failed ? JSONObject() : evaluate(expressions)
    let abandoned = failed && stopOnError && !silent ? queuedRequests() : []
    self.reply(to: request, on: shell, type: "execute_reply", content: reply, metadata: ["status": reply["status"]!])
    return abandoned
  }

  /// display(), update_display() and clear_output() from the running cell, after the text the
  /// cell printed before them.
  func publishDisplay(_ event: DisplayEvent) {
    streams.flush()
    let parent = currentExecute?.header
    switch event {
    case .display(let bundle, let displayID):
      var content = bundle.jsonObject()
      content["transient"] = displayID.map { ["display_id": $0] } ?? JSONObject()
      publisher.publish("display_data", content, parent: parent)
    case .update(let bundle, let displayID):
      var content = bundle.jsonObject()
      content["transient"] = ["display_id": displayID]
      publisher.publish("update_display_data", content, parent: parent)
    case .clearOutput(let wait):
      publisher.publish("clear_output", ["wait": wait], parent: parent)
    }
  }

  /// `name?` / `name??`: the Session prints help for it.
  static func isHelpRequest(_ code: String) -> Bool {
    let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasSuffix("?") else { return false }
    let name = trimmed.drop { $0 == "?" }.reversed().drop { $0 == "?" }.reversed()
    return !name.isEmpty && name.allSatisfy { $0 == "_" || $0 == "." || $0.isLetter || $0.isNumber }
  }

  /// Runs a cell with the Session's own messages collected instead of published.
  func capturingSessionWrites(_ body: () -> CellResult) -> (result: CellResult, text: String) {
    let original = session.write
    var text = ""
    session.write = { text += $0 }
    defer { session.write = original }
    let result = body()
    return (result, text)
  }

  /// A traceback string as the list of lines Jupyter expects.
  static func lines(_ text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  /// user_expressions: each evaluated after the cell, answered as a MIME bundle or an error.
  func evaluate(_ expressions: [String: Any]) -> JSONObject {
    var results: JSONObject = [:]
    for (name, source) in expressions {
      guard let source = source as? String else { continue }
      do {
        let value = try interpreter.evaluate(source)
        var bundle = session.display.bundle(for: value).jsonObject()
        bundle["status"] = "ok"
        results[name] = bundle
      } catch let error as ScriptError {
        let traceback = interpreter.render(error)
        let last = JupyterKernel.lines(traceback).last ?? error.typeName
        let message = last.hasPrefix(error.typeName + ": ") ? String(last.dropFirst(error.typeName.count + 2)) : ""
        results[name] = [
          "status": "error", "ename": error.typeName, "evalue": message, "traceback": JupyterKernel.lines(traceback),
        ]
      } catch {
        results[name] = ["status": "error", "ename": "Error", "evalue": "\(error)", "traceback": [String]()]
      }
    }
    return results
  }

  /// stop_on_error: execute requests that were already waiting when the cell failed are answered
  /// "aborted" without running (IPython's behaviour); anything else waiting is served normally.
  /// Requests sent after the error reply are not waiting yet, so they run.
  func queuedRequests() -> [Message] {
    var queued: [Message] = []
    while shell.waitForInput(milliseconds: 0) {
      if let request = receive(from: shell) { queued.append(request) }
    }
    return queued
  }

  func abort(_ queued: [Message]) {
    for request in queued {
      guard request.type == "execute_request" else {
        handleShell(request)
        continue
      }
      serve(request) {
        reply(
          to: request, on: shell, type: "execute_reply",
          content: ["status": "aborted", "execution_count": session.executionCount], metadata: ["status": "aborted"])
      }
    }
  }
}
