import CEditLine
import Glibc
import NewsQ

/// The libedit prompt as a line source: emacs keys, whole-statement history, Tab completion
/// from the engine, Ctrl-C abandoning the line.
public final class EditLineSource: LineSource {
  private let editor: OpaquePointer
  /// The history kept by this prompt (saved after each statement).
  public let history: HistoryStore
  private let completer: Unmanaged<CompleterBox>
  public private(set) var lastLineInterrupted = false
  private let warn: (String) -> Void

  /// Why libedit cannot be used (it could not be loaded), or nil when it can. libedit is loaded
  /// on the first prompt or history, never by a run that only reads scripts or pipes.
  public static var unavailableReason: String? {
    nq_editline_error().map { String(cString: $0) }
  }

  /// Opens the prompt; nil when libedit cannot be loaded or cannot start (then the caller
  /// falls back to `PlainPromptSource`).
  public init?(historyPath: String?, engine: Engine, warn: @escaping (String) -> Void) {
    guard let ed = nq_open("newsq", historyPath, Int32(HistoryStore.defaultLimit)) else { return nil }
    editor = ed
    history = HistoryStore(editor: ed, path: historyPath)
    self.warn = warn
    completer = Unmanaged.passRetained(CompleterBox(engine: engine))
    nq_set_completer(ed, { ctx, line, length, out in
      guard let ctx, let line, let out, length >= 0 else { return 0 }
      let box = Unmanaged<CompleterBox>.fromOpaque(ctx).takeUnretainedValue()
      let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), count: Int(length))
      let text = String(decoding: bytes, as: UTF8.self)
      guard let edit = box.edit(lineToCursor: text) else { return 0 }
      out.pointee.delete_chars = Int32(clamping: edit.deleteCount)
      out.pointee.insert = edit.insert.isEmpty ? nil : strdup(edit.insert)
      out.pointee.listing = edit.listing.flatMap { strdup($0) }
      return 1
    }, completer.toOpaque())
  }

  public func next(prompt: String) -> String? {
    nq_set_prompt(editor, prompt)
    var length: Int32 = 0
    guard let p = nq_read_line(editor, &length) else { lastLineInterrupted = false; return nil }
    lastLineInterrupted = nq_was_interrupted(editor) != 0
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: Int(max(0, length)))
    return String(decoding: bytes, as: UTF8.self)
  }

  public func remember(_ statement: String) {
    if let w = history.add(statement) { warn(w) }
  }

  deinit {
    nq_close(editor)
    completer.release()
  }
}

/// The prompt without libedit: the prompt is written (without libedit's `\u{1}` markers around
/// escape sequences) and a plain line read; no editing keys, history or completion.
public struct PlainPromptSource: LineSource {
  private var lines: DescriptorLineSource
  private let output: any OutputSink

  public init(fd: Int32, output: any OutputSink) {
    lines = DescriptorLineSource(fd: fd)
    self.output = output
  }

  public mutating func next(prompt: String) -> String? {
    output.write(String(prompt.unicodeScalars.filter { $0 != "\u{1}" }.map(Character.init)))
    output.flush()
    return lines.next(prompt: "")
  }
}

/// Holds what the C completion callback needs.
final class CompleterBox {
  let engine: Engine
  init(engine: Engine) { self.engine = engine }

  func edit(lineToCursor: String) -> CompletionEdit? {
    let cursor = lineToCursor.unicodeScalars.count
    let completion = engine.completions(for: lineToCursor, cursor: cursor, dotCommands: DotCommands.all.map(\.name))
    let width = Terminal.columns()
    return CompletionEdit.make(lineToCursor: lineToCursor, completion: completion, width: width > 0 ? width : 80)
  }
}
