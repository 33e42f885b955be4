import Foundation
import Testing

@testable import HPSSearch

@Suite struct SearchSpaceTransformTests {
  let space: SearchSpace = [
    "lr": try! .float(1e-4, 1e-1, log: true),
    "layers": try! .int(1, 8),
    "opt": try! .categorical(["sgd", "adam", "rmsprop"]),
    "drop": try! .float(0, 0.5, step: 0.1),
  ]

  @Test func testColumnsAndBounds() {
    let t = SearchSpaceTransform(space)
    #expect(t.names == ["drop", "layers", "lr", "opt"])
    #expect(t.dimension == 6)
    #expect(abs(t.rawLows[0] - -0.05) < 1e-12 && abs(t.rawHighs[0] - 0.55) < 1e-12)
    #expect(t.rawLows[1] == 0.5 && t.rawHighs[1] == 8.5)
    #expect(abs(t.rawLows[2] - log(1e-4)) < 1e-12)
  }

  @Test func testRoundTrip() throws {
    for options in [
      SearchSpaceTransform.Options(), .init(unitBox: true), .init(unitBox: true, categoricalEncoding: .index),
    ] {
      let t = SearchSpaceTransform(space, options: options)
      let params: [String: ParamValue] = ["lr": 0.001, "layers": 5, "opt": "rmsprop", "drop": 0.3]
      let x = try t.transform(params)
      let back = t.untransform(x)
      #expect(back["layers"] == 5 && back["opt"] == "rmsprop")
      #expect(abs((back["lr"]?.doubleValue ?? 0) - 0.001) < 1e-12)
      #expect(abs((back["drop"]?.doubleValue ?? 0) - 0.3) < 1e-12)
    }
  }

  @Test func testAnyPointDecodesInsideTheSpace() {
    let t = SearchSpaceTransform(space, options: .init(unitBox: true))
    var rng = SeededRandom(seed: 7)
    for _ in 0..<500 {
      let x = (0..<t.dimension).map { _ in rng.uniform(-0.2, 1.2) }
      let p = t.untransform(x)
      for (name, dist) in space {
        #expect(p[name].map(dist.containsExternal) == true, "\(name)=\(String(describing: p[name]))")
      }
    }
  }
}
