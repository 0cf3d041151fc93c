import ArgumentParser
import ManagedOS

/// The policy repository to read.
struct InputOptions: ParsableArguments {
    @Argument(help: "The policy repository (a folder), or a file inside one. Default: the current folder.")
    var path: String = "."
}
