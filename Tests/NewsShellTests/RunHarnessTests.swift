import Testing

/// The end-to-end harness itself: a child that writes more than a pipe buffer to stderr before
/// its stdout (an ASan report does) must be read in full, not deadlock the test.
@Test func runDrainsALargeStderrWhileReadingStdout() throws {
  let result = try run("/bin/sh", ["-c", "head -c 300000 /dev/zero | tr '\\\\0' e >&2; cat; echo done"], stdin: "in\n")
  #expect(result.status == 0)
  #expect(result.stdout == "in\ndone\n")
  #expect(result.stderr.utf8.count == 300_000)
}

/// A child that exits without reading a large input must not take the test process down.
@Test func runSurvivesAChildThatIgnoresItsInput() throws {
  let result = try run("/bin/sh", ["-c", "exit 3"], stdin: String(repeating: "x", count: 1_000_000))
  #expect(result.status == 3)
}
