import ArgumentParser
import MyoTwitch

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse recorded files (work in progress)."
    )
    @Argument(help: "Files or directories.") var inputs: [String] = []
    func run() throws { throw ValidationError("not implemented yet") }
}
