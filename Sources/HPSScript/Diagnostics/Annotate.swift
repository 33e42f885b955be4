// Recording where an exception passed: the first node of each frame that sees the error adds one
// traceback entry with its own source range (what the caret underlines).
import HPSSyntax

@inline(never)
func annotate(_ error: Error, _ frame: Frame, _ info: CodeInfo, _ range: SourceRange) -> Error {
  let se: ScriptError
  if let s = error as? ScriptError {
    se = s
  } else if let f = error as? FormattingError {
    se = ScriptError(f.kind == .typeError ? Builtin.typeError : Builtin.valueError, f.message)
  } else {
    return error
  }
  let e = se.exception
  let fid = UnsafeMutableRawPointer(frame)
  if e.needsFrameEntry || e.traceback.last?.frameID != fid {
    e.traceback.append(TracebackEntry(code: info, range: range, frameID: fid))
    e.needsFrameEntry = false
  }
  return se
}
