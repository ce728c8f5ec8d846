import EdiagModel

/// The words of a report in one language (`labels.<lang>.yaml`), merged over the template folders:
/// a key in a higher folder replaces the same key below it.
struct ReportLabels: Sendable {
    var texts: [String: String]

    /// Reads and merges `labels.<language>.yaml` from every layer, defaults first.
    /// - Throws: `ReportTemplateError` naming the file and line of a value that is not text.
    static func load(_ language: ReportLanguage, from templates: ReportTemplates) throws(ReportTemplateError) -> ReportLabels {
        var texts: [String: String] = [:]
        for file in try templates.layers(of: "labels.\(language.rawValue).yaml").reversed() {
            let document: SourceValue
            do { document = try SourceDocument.parse(file.text, file: file.path) } catch {
                throw ReportTemplateError(file: file.path, line: error.location.line, column: error.location.column, message: error.message)
            }
            guard case .mapping(let pairs, _) = document else {
                throw ReportTemplateError(file: file.path, line: document.location.line,
                                          message: "expected a mapping of label names to texts, found \(document.kindDescription)")
            }
            for pair in pairs {
                guard case .scalar(let text, _, _) = pair.value else {
                    throw ReportTemplateError(file: file.path, line: pair.value.location.line, column: pair.value.location.column,
                                              message: "label '\(pair.key)' must be a text, found \(pair.value.kindDescription)")
                }
                texts[pair.key] = text
            }
        }
        return ReportLabels(texts: texts)
    }

    /// The label, or the key itself so that a missing translation shows up in the report instead of a blank.
    subscript(_ key: String) -> String { texts[key] ?? key }
}
