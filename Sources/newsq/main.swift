import Glibc
import NewsShell

// The command line is parsed by hand in NewsShell: no argument library, no Foundation.
exit(ShellMain.run(arguments: Array(CommandLine.arguments.dropFirst()), processExitsAfter: true))
