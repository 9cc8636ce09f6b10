import Foundation

/// `signpost check --format json`: the same findings, for editors and CI.
public enum DiagnosticJSON {
    struct Finding: Encodable {
        var file: String, line: Int, column: Int, severity: String, message: String, suggestion: String?
    }

    struct Report: Encodable {
        var errors: Int, warnings: Int, schools: Int, findings: [Finding]
    }

    public static func encode(_ diagnostics: [Diagnostic], schools: Int) -> String {
        let findings = diagnostics.map {
            Finding(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message, suggestion: $0.suggestion)
        }
        let errors = findings.filter { $0.severity == "error" }.count
        let report = Report(errors: errors, warnings: findings.count - errors, schools: schools, findings: findings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }
}
