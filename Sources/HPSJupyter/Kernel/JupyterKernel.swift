// `hps kernel -f CONNECTION_FILE`: one Session served over Jupyter's five sockets.
//
// Threads: the shell loop runs on the interpreter's large-stack thread (the only thread that
// touches the Session and the only one SIGINT is delivered to); the control thread answers
// interrupt and shutdown while a cell runs and ticks the stream buffer; the heartbeat thread
// echoes pings. iopub is shared behind `Publisher`'s lock.
import CZeroMQ
import Foundation
import HPSKernel
import HPSScript

public final class JupyterKernel {
  let connection: ConnectionInfo
  let wire: Wire
  let session: Session
  var interpreter: Interpreter { session.interpreter }

  let context: ZMQContext
  let shell: ZMQSocket
  let control: ZMQSocket
  let stdin: ZMQSocket
  let heartbeat: ZMQSocket
  let publisher: Publisher
  let streams: StreamBuffer

  /// Set once by whichever channel receives shutdown_request; every loop watches it.
  let shutdownRequested = InterruptFlag()
  let controlFinished = DispatchSemaphore(value: 0)
  /// The execute_request being run (for stdin's routing and allow_stdin); shell thread only.
  var currentExecute: Message?

  /// Binds every socket the connection file names; throws with the endpoint that failed.
  public init(connection: ConnectionInfo) throws {
    self.connection = connection
    wire = Wire(signer: Signer(key: connection.key))
    context = try ZMQContext()
    shell = try ZMQSocket(context, type: ZMQ_ROUTER, name: "shell")
    control = try ZMQSocket(context, type: ZMQ_ROUTER, name: "control")
    stdin = try ZMQSocket(context, type: ZMQ_ROUTER, name: "stdin")
    heartbeat = try ZMQSocket(context, type: ZMQ_REP, name: "heartbeat")
    let iopub = try ZMQSocket(context, type: ZMQ_PUB, name: "iopub")
    // A dropped iopub message loses output, or worse the `idle` a client waits for; a cell that
    // floods outputs should cost memory, not correctness.
    iopub.unlimitSendQueue()
    try shell.bind(connection.endpoint(port: connection.shellPort))
    try control.bind(connection.endpoint(port: connection.controlPort))
    try stdin.bind(connection.endpoint(port: connection.stdinPort))
    try heartbeat.bind(connection.endpoint(port: connection.hbPort))
    try iopub.bind(connection.endpoint(port: connection.iopubPort))
    publisher = Publisher(socket: iopub, wire: wire)
    streams = StreamBuffer(publisher: publisher)

    let interpreter = KernelEnvironment.makeInterpreter(argv: [""], scriptPath: nil)
    session = Session(interpreter: interpreter, isInteractive: false)
    interpreter.writeStdout = { [streams] text in streams.write("stdout", text) }
    interpreter.writeStderr = { [streams] text in streams.write("stderr", text) }
    interpreter.vm.flushStdout = { [streams] in streams.flush() }
    interpreter.readLine = { [unowned self] prompt in self.requestInput(prompt: prompt) }
    session.acceptedMimeTypes = MimeType.notebook
    session.displayPublisher = { [unowned self] event in self.publishDisplay(event) }
  }

  public convenience init(connectionFile: String) throws {
    try self.init(connection: ConnectionInfo(contentsOf: connectionFile))
  }

  /// Serves until shutdown_request; returns the process exit status.
  public func run() -> Int32 {
    InterruptSignal.install(target: interpreter.interrupt)
    InterruptSignal.blockOnCurrentThread()  // threads started below inherit the mask
    startHeartbeat()
    let controlThread = Thread { [unowned self] in self.controlLoop() }
    controlThread.name = "hps-kernel-control"
    controlThread.start()
    publisher.status("starting", parent: nil)
    log("ready: shell \(shell.lastEndpoint), signing \(wire.signer.isEnabled ? "on" : "off")")

    Interpreter.runOnLargeStack { [unowned self] in
      InterruptSignal.unblockOnCurrentThread()
      self.shellLoop()
    }
    _ = controlFinished.wait(timeout: .now() + 2)
    streams.flush()
    publisher.close()
    finishTermination()
    return 0
  }

  /// Closes the context (which ends the heartbeat), giving ZeroMQ a bounded time to deliver the
  /// last replies; a stuck socket cannot keep the process alive.
  private func finishTermination() {
    let done = DispatchSemaphore(value: 0)
    let terminator = Thread { [context] in
      context.terminate()
      done.signal()
    }
    terminator.start()
    _ = done.wait(timeout: .now() + 2)
  }

  /// Begins shutting down: every loop sees the flag, a running cell is interrupted, and if the
  /// cell ignores that (a long native call), the process ends anyway after a grace period.
  func requestShutdown() {
    guard !shutdownRequested.isSet else { return }
    shutdownRequested.set()
    interpreter.interrupt.set()
    let watchdog = Thread {
      Thread.sleep(forTimeInterval: 4)
      FileHandle.standardError.write(Data("[hps kernel] cell did not stop; exiting\n".utf8))
      _exit(0)
    }
    watchdog.start()
  }

  private func startHeartbeat() {
    let thread = Thread { [heartbeat] in
      // zmq_proxy echoes every ping back on the REP socket until the context terminates.
      while zmq_proxy(heartbeat.raw, heartbeat.raw, nil) != 0 && zmq_errno() == EINTR {}
      heartbeat.close()
    }
    thread.name = "hps-kernel-heartbeat"
    thread.start()
  }

  func log(_ text: String) {
    FileHandle.standardError.write(Data("[hps kernel] \(text)\n".utf8))
  }

  /// Receives and checks one message; bad ones are logged and dropped, never handled.
  func receive(from socket: ZMQSocket) -> Message? {
    guard let frames = socket.receive() else { return nil }
    do {
      return try wire.decode(frames)
    } catch {
      log("dropped a message on \(socket.name): \(error)")
      return nil
    }
  }

  /// Sends a reply on the request's socket, routed back by its identities.
  func reply(to request: Message, on socket: ZMQSocket, type: String, content: JSONObject, metadata: JSONObject = [:]) {
    socket.send(
      wire.encode(type: type, content: content, parent: request.header, identities: request.identities, metadata: metadata))
  }

  /// busy → the handler → idle, all with the request as parent: clients wait for idle to know
  /// that a request's output is complete.
  func serve(_ request: Message, _ handler: () -> Void) {
    publisher.status("busy", parent: request.header)
    handler()
    streams.flush()
    publisher.status("idle", parent: request.header)
  }
}
