// `import` of .hps files next to the importing file and from search paths, with caching.
import Foundation
import HPSScript
import Testing

private func tempDirectory() -> String {
  let dir = NSTemporaryDirectory() + "hps-import-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

@Test func importsSiblingModuleOnceAndFromImports() throws {
  let dir = tempDirectory()
  try "print('loading helper')\nVALUE = 41\ndef inc(x):\n    return x + 1\n".write(
    toFile: dir + "/helper.hps", atomically: true, encoding: .utf8)
  let main = "import helper\nimport helper as h2\nfrom helper import inc, VALUE\nprint(inc(VALUE), h2 is helper, helper.__name__)\n"
  let r = runScript(main, name: dir + "/main.hps")
  #expect(r.stdout == "loading helper\n42 True helper\n", "\(r.stderr)")
}

@Test func importsFromSearchPath() throws {
  let lib = tempDirectory()
  try "def greet(n):\n    return 'hi ' + n\n".write(toFile: lib + "/greeting.hps", atomically: true, encoding: .utf8)
  let r = runScript("from greeting import greet\nprint(greet('x'))\n", name: "/nonexistent/main.hps") {
    $0.searchPaths = [lib]
  }
  #expect(r.stdout == "hi x\n", "\(r.stderr)")
}

@Test func missingModuleAndName() {
  let r = runScript("import no_such_module_xyz\n")
  #expect(r.lastErrorLine == "ModuleNotFoundError: No module named 'no_such_module_xyz'")
  let r2 = runScript("from math import no_such_name\n")
  #expect(r2.lastErrorLine.hasPrefix("ImportError: cannot import name 'no_such_name' from 'math'"))
}

/// PEP 562: a module's own `__getattr__` answers for names it lacks (attribute access, getattr
/// with a default, hasattr and from-imports), as in CPython.
@Test func moduleGetattrAnswersForMissingNames() throws {
  let dir = tempDirectory()
  try "def __getattr__(name):\n    if name == 'lazy':\n        return 42\n    raise AttributeError(f'lazymod has no {name}')\n".write(
    toFile: dir + "/lazymod.hps", atomically: true, encoding: .utf8)
  let main = """
    import lazymod
    from lazymod import lazy
    print(lazymod.lazy, lazy, getattr(lazymod, 'other', 'default'), hasattr(lazymod, 'other'), hasattr(lazymod, '__path__'))
    try:
        lazymod.other
    except AttributeError as e:
        print('AttributeError', e)
    from lazymod import other

    """
  let r = runScript(main, name: dir + "/main.hps")
  #expect(r.stdout == "42 42 default False False\nAttributeError lazymod has no other\n", "\(r.stdout)\(r.stderr)")
  #expect(r.lastErrorLine.hasPrefix("ImportError: cannot import name 'other' from 'lazymod'"), "\(r.stderr)")
}
