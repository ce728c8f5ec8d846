import Foundation
import Testing

/// One step of docs/authoring.md, as the reader does it.
private enum TutorialStep {
    /// Write a whole file.
    case file(path: String, text: String)
    /// Replace lines in a file (`- old` / `+ new` pairs).
    case edit(path: String, replacements: [(old: String, new: String)])
    /// Run `ediag …` and see exactly this output (`...` stands for any lines).
    case command(arguments: [String], output: [String])
}

/// Reads the tutorial's fenced blocks: ```lua file=…```, ```yaml file=…```, ```edit file=…``` and ```console```.
private func tutorialSteps(_ markdown: String) -> [TutorialStep] {
    var steps: [TutorialStep] = []
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < lines.count {
        let line = lines[i]
        guard line.hasPrefix("```"), line.count > 3 else { i += 1; continue }
        let info = line.dropFirst(3).split(separator: " ")
        var body: [String] = []
        i += 1
        while i < lines.count, lines[i] != "```" { body.append(lines[i]); i += 1 }
        i += 1
        let path = info.first { $0.hasPrefix("file=") }.map { String($0.dropFirst(5)) }
        switch (info.first.map(String.init), path) {
        case ("edit", let path?):
            var pairs: [(String, String)] = []
            for k in stride(from: 0, to: body.count - 1, by: 2) where body[k].hasPrefix("- ") && body[k + 1].hasPrefix("+ ") {
                pairs.append((String(body[k].dropFirst(2)), String(body[k + 1].dropFirst(2))))
            }
            steps.append(.edit(path: path, replacements: pairs))
        case (_, let path?):
            steps.append(.file(path: path, text: body.joined(separator: "\n") + "\n"))
        case ("console", nil):
            var current: [String]? = nil
            var output: [String] = []
            for b in body {
                if b.hasPrefix("$ ") {
                    if let c = current { steps.append(.command(arguments: c, output: output)) }
                    current = b.dropFirst(2).split(separator: " ").dropFirst().map(String.init)
                    output = []
                } else {
                    output.append(b)
                }
            }
            if let c = current { steps.append(.command(arguments: c, output: output)) }
        default: continue
        }
    }
    return steps
}

/// Whether `actual` matches `expected`, where a `...` line matches any number of lines.
private func matches(_ actual: [String], _ expected: [String]) -> Bool {
    guard let first = expected.first else { return actual.isEmpty }
    if first == "..." { return (0...actual.count).contains { matches(Array(actual[$0...]), Array(expected.dropFirst())) } }
    guard let a = actual.first, a == first else { return false }
    return matches(Array(actual.dropFirst()), Array(expected.dropFirst()))
}

@Suite(.serialized) struct TutorialTests {
    /// docs/authoring.md works as written: its files, edits and commands, run in a copy of the project,
    /// give exactly the output the tutorial shows.
    @Test func tutorialRunsAsWritten() throws {
        let fm = FileManager.default
        let copy = fm.temporaryDirectory.appendingPathComponent("tutorial-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for item in ["rules", "plugins", "examples", "Package.swift"] { try fm.copyItem(atPath: root + "/" + item, toPath: copy + "/" + item) }
        defer { try? fm.removeItem(atPath: copy) }
        let markdown = try String(contentsOfFile: root + "/docs/authoring.md", encoding: .utf8)
        let steps = tutorialSteps(markdown)
        #expect(steps.count >= 8)
        var commands = 0
        for step in steps {
            switch step {
            case .file(let path, let text):
                try fm.createDirectory(atPath: ((copy + "/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: copy + "/" + path, atomically: true, encoding: .utf8)
            case .edit(let path, let replacements):
                var text = try String(contentsOfFile: copy + "/" + path, encoding: .utf8)
                for r in replacements {
                    #expect(text.contains(r.old), "the tutorial edits '\(r.old)', which is not in \(path)")
                    text = text.replacingOccurrences(of: r.old, with: r.new)
                }
                try text.write(toFile: copy + "/" + path, atomically: true, encoding: .utf8)
            case .command(let arguments, let output):
                commands += 1
                let r = try ediag(arguments, in: copy)
                let actual = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(r.out.hasSuffix("\n") ? 1 : 0)
                #expect(matches(Array(actual), output), "ediag \(arguments.joined(separator: " ")) printed:\n\(r.out)\(r.err)")
            }
        }
        #expect(commands >= 5)
    }
}
