/// A value with the place it was written, so messages and `signpost explain` can name the file and line.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var file: String
    public var line: Int
    public var column: Int

    public init(_ value: Value, file: String, line: Int, column: Int = 1) {
        self.value = value
        self.file = file
        self.line = line
        self.column = column
    }

    public func map<T: Sendable>(_ transform: (Value) -> T) -> Located<T> {
        Located<T>(transform(value), file: file, line: line, column: column)
    }
}
