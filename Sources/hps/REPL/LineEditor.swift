// Line editing, history and tab completion for the terminal REPL, over libedit's readline layer.
// Ctrl-C while editing drops the line: libedit restores the terminal and re-raises SIGINT to our
// handler, which only sets a flag; `readline` then returns NULL and the flag tells that apart from
// Ctrl-D (errno is unreliable for this, see docs/repl.md).
import CEditLine
import Foundation
import HPSScript
import Synchronization

/// What one call to `LineEditor.readLine(prompt:)` produced.
enum LineInput: Equatable {
  case line(String)
  /// Ctrl-C at the prompt.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// Set by the SIGINT handler, read and cleared by the thread that owns the prompt.
let sigintReceived = Atomic<Bool>(false)

/// The completer libedit calls back into. C callbacks cannot capture context, so the active
/// editor's completion function lives in this one global slot.
nonisolated(unsafe) private var activeCompleter: ((_ line: String, _ word: String) -> [String])?

/// A libedit-backed line reader with persistent, bounded history and tab completion.
final class LineEditor {
  /// Where history is kept between sessions, or nil to keep none (piped input).
  let historyFile: String?
  /// IPython keeps 1000 entries by default; so does hps.
  static let historyLimit: Int32 = 1000

  init(historyFile: String?, completer: @escaping (_ line: String, _ word: String) -> [String]) {
    // Without a UTF-8 locale libedit silently drops multibyte characters.
    setlocale(LC_CTYPE, "")
    self.historyFile = historyFile
    hps_rl_set_name("hps")
    hps_rl_set_word_breaks(" \t\n\"\\'`@$><=;|&{([,")
    hps_rl_set_append_character(0)  // IPython appends nothing after a completed name
    activeCompleter = completer
    hps_rl_set_completer { text, _, _ in
      hps_rl_set_completion_over(1)  // never fall back to file names
      guard let text, let complete = activeCompleter else { return nil }
      let word = String(cString: text)
      let line = hps_rl_line_buffer().map { String(cString: $0) } ?? word
      let point = Int(hps_rl_point())
      let before = String(line.utf8.prefix(point)) ?? line
      let candidates = complete(before, word)
      return LineEditor.matchArray(word: word, candidates: candidates)
    }
    using_history()
    stifle_history(LineEditor.historyLimit)
    if let historyFile { _ = read_history(historyFile) }
  }

  /// Reads one line, showing `prompt` when input is a terminal.
  func readLine(prompt: String) -> LineInput {
    sigintReceived.store(false, ordering: .relaxed)
    guard let raw = readline(prompt) else {
      if sigintReceived.exchange(false, ordering: .relaxed) {
        print("")  // the terminal echoed ^C and left the cursor on that line
        return .interrupted
      }
      return .endOfInput
    }
    defer { free(raw) }
    let line = String(cString: raw)
    if sigintReceived.exchange(false, ordering: .relaxed) { return .interrupted }
    return .line(line)
  }

  /// Adds a non-blank line to the history (each physical line of a cell is its own entry, so
  /// recalling one never puts a newline into libedit's one-line buffer).
  func remember(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace) else { return }
    add_history(line)
  }

  /// Writes the history file; called on a clean exit.
  func saveHistory() {
    guard let historyFile else { return }
    _ = write_history(historyFile)
  }

  /// libedit wants a NULL-terminated, malloc'ed array whose first entry is the common prefix
  /// replacing the word, followed by the candidates; it frees every string.
  private static func matchArray(word: String, candidates: [String]) -> UnsafeMutablePointer<
    UnsafeMutablePointer<CChar>?
  >? {
    let unique = Array(Set(candidates)).sorted()
    guard !unique.isEmpty else { return nil }
    let prefix = commonPrefix(unique)
    let count = unique.count == 1 ? 1 : unique.count + 1
    guard let array = calloc(count + 1, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else {
      return nil
    }
    let slots = array.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count + 1)
    if unique.count == 1 {
      slots[0] = strdup(unique[0])
    } else {
      slots[0] = strdup(prefix.count >= word.count ? prefix : word)
      for (i, candidate) in unique.enumerated() { slots[i + 1] = strdup(candidate) }
    }
    slots[count] = nil
    return slots
  }

  private static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
      while !word.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}

/// The flag of the interpreter the SIGINT handler stops; set once before the handler is installed.
nonisolated(unsafe) private var interruptTarget: InterruptFlag?

/// Installs the SIGINT handler hps relies on: no SA_RESTART, so a blocking read returns at once.
/// The handler only stores into atomics, which is async-signal-safe: at the prompt it tells
/// `readLine` that Ctrl-C was pressed, while code runs it raises KeyboardInterrupt in that code.
func installInterruptHandler(for interpreter: Interpreter) {
  interruptTarget = interpreter.interrupt
  var action = sigaction()
  action.__sigaction_handler.sa_handler = { _ in
    sigintReceived.store(true, ordering: .relaxed)
    interruptTarget?.set()
  }
  sigemptyset(&action.sa_mask)
  action.sa_flags = 0
  sigaction(SIGINT, &action, nil)
}

/// Runs `body` on the interpreter's large-stack thread with SIGINT delivered to that thread only:
/// a signal landing on the waiting main thread would not interrupt the blocking read in libedit.
func runInterpreterThread(_ body: @escaping () -> Void) {
  var interrupt = sigset_t()
  sigemptyset(&interrupt)
  sigaddset(&interrupt, SIGINT)
  pthread_sigmask(SIG_BLOCK, &interrupt, nil)
  Interpreter.runOnLargeStack {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    body()
  }
}
