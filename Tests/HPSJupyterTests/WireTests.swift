import Foundation
import Testing

@testable import HPSJupyter

/// Signing, framing and the connection file: the parts of the protocol a client never sees go wrong
/// until a message is silently dropped.
@Suite struct WireTests {
  @Test func testHMACMatchesRFC4231() {
    let jefe = Signer(key: "Jefe")
    #expect(
      jefe.signature([Data("what do ya want ".utf8), Data("for nothing?".utf8)])
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    let elevens = Signer(key: String(repeating: "\u{0b}", count: 20))
    #expect(
      elevens.signature([Data("Hi There".utf8)]) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
  }

  @Test func testEmptyKeyTurnsSigningOff() {
    let signer = Signer(key: "")
    #expect(!signer.isEnabled)
    #expect(signer.signature([Data("x".utf8)]) == "")
    #expect(signer.verify(signature: Data(), frames: [Data("x".utf8)]))
  }

  @Test func testVerifyRejectsWrongAndTruncatedSignatures() {
    let signer = Signer(key: "secret")
    let frames = [Data("{}".utf8), Data("{}".utf8), Data("{}".utf8), Data("{\"code\":\"1\"}".utf8)]
    let good = Data(signer.signature(frames).utf8)
    #expect(signer.verify(signature: good, frames: frames))
    #expect(!signer.verify(signature: good.dropLast(), frames: frames))
    #expect(!signer.verify(signature: Data(), frames: frames))
    var flipped = good
    flipped[0] = flipped[0] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    #expect(!signer.verify(signature: flipped, frames: frames))
    #expect(!Signer(key: "other").verify(signature: good, frames: frames))
  }

  @Test func testEncodeDecodeRoundTripKeepsIdentitiesAndParent() throws {
    let wire = Wire(signer: Signer(key: "k"))
    let parent: JSONObject = ["msg_id": "abc", "msg_type": "execute_request"]
    let frames = wire.encode(
      type: "execute_reply", content: ["status": "ok", "execution_count": 3], parent: parent,
      identities: [Data([1, 2, 3])])
    #expect(frames.first == Data([1, 2, 3]))
    let message = try wire.decode(frames)
    #expect(message.identities == [Data([1, 2, 3])])
    #expect(message.type == "execute_reply")
    #expect(message.parentHeader["msg_id"] as? String == "abc")
    #expect(JSON.int(message.content["execution_count"]) == 3)
    #expect(message.header["version"] as? String == "5.3")
    #expect(message.header["session"] as? String == wire.session)
    let date = message.header["date"] as? String ?? ""
    #expect(date.hasSuffix("Z") && date.contains("T"), "ISO 8601 date: \(date)")
  }

  @Test func testDecodeRejectsTamperedAndMalformedMessages() {
    let wire = Wire(signer: Signer(key: "k"))
    var frames = wire.encode(type: "execute_request", content: ["code": "1"], parent: nil, identities: [])
    frames[frames.count - 1] = Data("{\"code\":\"import os\"}".utf8)
    #expect(throws: WireError.self) { try wire.decode(frames) }
    do {
      _ = try wire.decode(frames)
    } catch let error as WireError {
      #expect(error.description == "signature does not verify")
    } catch {}
    #expect(throws: WireError.self) { try wire.decode([Data("no delimiter".utf8)]) }
    #expect(throws: WireError.self) { try wire.decode([Wire.delimiter, Data(), Data("{}".utf8)]) }
    let unsigned = Wire(signer: Signer(key: ""))
    #expect(throws: WireError.self) {
      try unsigned.decode([Wire.delimiter, Data(), Data("[1]".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)])
    }
  }

  @Test func testReplayedMessageIsRejected() throws {
    let wire = Wire(signer: Signer(key: "k"))
    let frames = wire.encode(type: "execute_request", content: ["code": "1"], parent: nil, identities: [])
    _ = try wire.decode(frames)
    #expect(throws: WireError.self) { try wire.decode(frames) }
    let fresh = wire.encode(type: "execute_request", content: ["code": "1"], parent: nil, identities: [])
    #expect((try? wire.decode(fresh)) != nil, "same content, new header: a new signature")
  }

  @Test func testReplayGuardForgetsOnlyTheOlderHalf() {
    let guardian = ReplayGuard()
    let signatures = (0..<(ReplayGuard.capacity / 2 + 10)).map { Data("sig\($0)".utf8) }
    for signature in signatures { #expect(guardian.admit(signature)) }
    #expect(!guardian.admit(signatures[0]), "still remembered after the first rotation")
    #expect(!guardian.admit(signatures.last!))
  }

  @Test func testConnectionFileParsing() throws {
    let text = """
      {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
       "control_port": 5004, "hb_port": 5005, "key": "abc", "signature_scheme": "hmac-sha256", "kernel_name": "hps"}
      """
    let info = try ConnectionInfo(json: Data(text.utf8))
    #expect(info.shellPort == 5001 && info.hbPort == 5005)
    #expect(info.key == "abc")
    #expect(info.endpoint(port: info.iopubPort) == "tcp://127.0.0.1:5002")
  }

  @Test func testConnectionFileErrorsNameTheField() {
    func message(_ text: String) -> String {
      do {
        _ = try ConnectionInfo(json: Data(text.utf8), source: "c.json")
        return "no error"
      } catch {
        return "\(error)"
      }
    }
    let ports = #""shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4"#
    #expect(message("{\(ports)}") == "c.json: 'hb_port' must be a port number 0...65535")
    #expect(message("{\(ports), \"hb_port\": 70000}") == "c.json: 'hb_port' must be a port number 0...65535")
    #expect(message("{\(ports), \"hb_port\": 5, \"signature_scheme\": \"hmac-md5\"}").contains("hmac-md5"))
    #expect(message("[]") == "c.json: not a JSON object")
    #expect(message("{\(ports), \"hb_port\": 5, \"transport\": \"udp\"}").contains("transport 'udp'"))
  }

  @Test func testMissingConnectionFileIsAClearError() {
    #expect(throws: ConnectionInfo.Invalid.self) { try ConnectionInfo(contentsOf: "/nonexistent/kernel-x.json") }
  }
}
