import Foundation

/// Joins CSV reports rendered one plant at a time into one table.
public enum CSVTable {
    /// One byte-order mark and one header line (the first document's), then every document's rows.
    /// - Parameter documents: CSV texts as `ReportRenderer.renderPlant(…, format: .csv, …)` returns them.
    public static func concatenate(_ documents: [String]) -> String {
        guard var out = documents.first else { return "" }
        for document in documents.dropFirst() {
            guard let headerEnd = document.range(of: "\r\n") else { continue }
            out += document[headerEnd.upperBound...]
        }
        return out
    }
}
