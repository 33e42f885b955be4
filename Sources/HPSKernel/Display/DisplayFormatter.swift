// Turns a script value into a MimeBundle, following IPython's display protocol: native objects
// (plots, tables) draw themselves; script objects may define `_repr_html_`, `_repr_svg_`,
// `_repr_markdown_`, `_repr_json_`, `_repr_png_`, `_repr_latex_` or `_repr_mimebundle_`;
// `text/plain` is always the repr unless the object supplies one.
import Foundation
import HPSScript

public final class DisplayFormatter {
  unowned let interpreter: Interpreter
  /// Where warnings about misbehaving `_repr_*_` methods go (IPython's FormatterWarning).
  var warn: (String) -> Void

  /// The `_repr_*_` methods IPython consults, with the type each produces.
  static let reprMethods: [(method: String, mime: String)] = [
    ("_repr_html_", MimeType.html), ("_repr_markdown_", MimeType.markdown), ("_repr_svg_", MimeType.svg),
    ("_repr_png_", MimeType.png), ("_repr_jpeg_", MimeType.jpeg), ("_repr_latex_", MimeType.latex),
    ("_repr_json_", MimeType.json),
  ]

  /// The builtins `getattr` and `list`, taken before user code can shadow their names.
  let getattrBuiltin: Value?
  let listBuiltin: Value?

  init(interpreter: Interpreter, warn: @escaping (String) -> Void) {
    self.interpreter = interpreter
    self.warn = warn
    getattrBuiltin = interpreter.builtinNames.contains("getattr") ? interpreter[global: "getattr"] : nil
    listBuiltin = interpreter.builtinNames.contains("list") ? interpreter[global: "list"] : nil
  }

  /// The bundle for `value`, limited to `accepted` (nil: every type); `text/plain` is always there.
  public func bundle(for value: Value, accepting accepted: Set<String>?) -> MimeBundle {
    var bundle = MimeBundle()
    if case .instance(let instance) = value {
      if let native = instance.native as? MimeRepresentable {
        bundle = native.mimeBundle(accepting: accepted ?? MimeType.notebook)
      } else if accepted.map({ !$0.isSubset(of: MimeType.terminal) }) ?? true {
        bundle = scriptBundle(value, accepting: accepted)
      }
    }
    bundle = bundle.restricted(to: accepted.map { $0.union([MimeType.plainText]) })
    if bundle.plainText == nil { bundle[MimeType.plainText] = interpreter.repr(value) }
    return bundle
  }

  /// Asks a script object's `_repr_*_` methods. Failures become warnings, never lost displays.
  private func scriptBundle(_ value: Value, accepting accepted: Set<String>?) -> MimeBundle {
    var bundle = MimeBundle()
    if let method = self.method(value, "_repr_mimebundle_") {
      do {
        let include: Value = accepted.map { interpreter.makeList($0.sorted().map { .str($0) }) } ?? .none
        let result = try interpreter.vm.callValue(method, [], [("include", include), ("exclude", .none)])
        bundle = try bundleFromScript(result, context: "_repr_mimebundle_")
      } catch {
        report(error, in: "_repr_mimebundle_")
      }
    }
    for (name, mime) in DisplayFormatter.reprMethods where bundle[mime] == nil && (accepted?.contains(mime) ?? true) {
      guard let method = self.method(value, name) else { continue }
      do {
        var result = try interpreter.vm.callValue(method, [])
        if case .none = result { continue }
        // IPython allows `(data, metadata)` from any _repr_*_ method.
        if case .tuple(let pair) = result, pair.count == 2 {
          result = pair[0]
          if case .dict = pair[1] { bundle.metadata[mime] = try ScriptJSON.value(pair[1], vm: interpreter.vm) }
        }
        bundle[mime] = try data(result, mime: mime, context: name)
      } catch {
        report(error, in: name)
      }
    }
    return bundle
  }

  /// `obj.name` when it exists and is not None (bound method), else nil.
  private func method(_ value: Value, _ name: String) -> Value? {
    guard let getattr = getattrBuiltin else { return nil }
    guard let m = try? interpreter.vm.callValue(getattr, [value, .str(name), .none]) else { return nil }
    if case .none = m { return nil }
    return m
  }

  /// A `{mime: data}` dict, or `(data, metadata)`, from `_repr_mimebundle_` or `display(raw=True)`.
  func bundleFromScript(_ result: Value, context: String) throws -> MimeBundle {
    var dataValue = result
    var metadataValue: Value = .none
    if case .tuple(let pair) = result, pair.count == 2 {
      dataValue = pair[0]
      metadataValue = pair[1]
    }
    guard case .dict = dataValue else {
      throw interpreter.vm.error("TypeError", "\(context) must return a dict of MIME type to data, not \(dataValue.typeName)")
    }
    var bundle = MimeBundle()
    for (key, item) in try interpreter.vm.dictItems(dataValue) {
      guard let mime = key.asString else {
        throw interpreter.vm.error("TypeError", "\(context): MIME type keys must be str, not \(key.typeName)")
      }
      bundle[mime] = try data(item, mime: mime, context: context)
    }
    if case .dict = metadataValue, case .object(let meta) = try ScriptJSON.value(metadataValue, vm: interpreter.vm) {
      bundle.metadata = meta
    }
    return bundle
  }

  /// One representation's data as the string the bundle stores.
  private func data(_ v: Value, mime: String, context: String) throws -> String {
    if MimeType.isJSON(mime) {
      if case .str(let s) = v { return s }  // already JSON text
      return try ScriptJSON.value(v, vm: interpreter.vm).jsonText
    }
    guard case .str(let s) = v else {
      throw interpreter.vm.error("TypeError", "\(context) must return str for \(mime), not \(v.typeName)")
    }
    return s
  }

  private func report(_ error: Error, in method: String) {
    let text: String
    if let e = error as? ScriptError {
      text = interpreter.render(e)
    } else {
      text = "\(error)\n"
    }
    warn("FormatterWarning: Exception in \(method), its representation is skipped:\n\(text)")
  }
}
