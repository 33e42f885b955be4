// Every snippet of oracle/cases.py must print exactly what CPython 3.11 printed.
import Testing

@Test(arguments: conformanceCases)
func matchesCPython(_ c: ConformanceCase) {
  let r = runScript(c.source)
  #expect(r.stdout == c.expected, "\(c.name)\nstderr: \(r.stderr)")
  #expect(r.status == 0, "\(c.name): \(r.stderr)")
}
