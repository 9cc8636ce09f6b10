import NIOCore

/// The preview server's limits, in one place (the README quotes them).
public struct PreviewLimits: Sendable {
    /// Longest request line (`GET /path HTTP/1.1`); longer gets 414.
    public var requestLine = 8 * 1024
    /// Longest header line, and the whole request head; longer gets 431.
    public var headerLine = 8 * 1024
    public var head = 32 * 1024
    public var headerCount = 100
    /// Open connections at once; more wait in the listen queue until one closes.
    public var connections = 100
    /// A connection that sends nothing for this long (between requests, or in the middle of one) is closed.
    public var idleSeconds: Int64 = 15

    public init() {}
}

/// First in each connection's pipeline, before the HTTP decoder: counts the bytes of each
/// request head as they arrive and answers 414 (request line) or 431 (header lines) as soon
/// as a limit is passed, then closes the connection, so no oversized head is ever buffered
/// or parsed. The preview serves GET and HEAD only, so a request that declares a body is
/// answered 413: the bytes on a connection are then nothing but request heads.
final class RequestHeadLimiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let limits: PreviewLimits
    private var inRequestLine = true
    private var lineLength = 0
    private var lastByte: UInt8 = 0
    private var headLength = 0
    private var headerCount = 0
    /// The start of the current line, lower-cased: enough to recognise the headers that declare a body.
    private var lineStart: [UInt8] = []
    private var declaresBody = false
    private var refused = false

    init(limits: PreviewLimits) { self.limits = limits }

    enum Refusal {
        case uriTooLong, headersTooLarge, bodyNotAccepted

        var response: String {
            let (status, text): (String, String) = switch self {
            case .uriTooLong: ("414 URI Too Long", "The address is too long.")
            case .headersTooLarge: ("431 Request Header Fields Too Large", "The request's headers are too large.")
            case .bodyNotAccepted: ("413 Content Too Large", "The preview accepts no request bodies.")
            }
            return "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(text.utf8.count + 1)\r\nConnection: close\r\n\r\n\(text)\n"
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            if let refusal = scan(byte) {
                refuse(refusal, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    /// One byte of the stream; returns why the request is refused, if it is.
    private func scan(_ byte: UInt8) -> Refusal? {
        headLength += 1
        guard byte == UInt8(ascii: "\n") else {
            lineLength += 1
            lastByte = byte
            if lineStart.count < 32 { lineStart.append(byte | (byte >= 65 && byte <= 90 ? 0x20 : 0)) }
            if inRequestLine { return lineLength > limits.requestLine || headLength > limits.head ? .uriTooLong : nil }
            return lineLength > limits.headerLine || headLength > limits.head ? .headersTooLarge : nil
        }
        let empty = lineLength == 0 || (lineLength == 1 && lastByte == UInt8(ascii: "\r"))
        defer { lineLength = 0; lastByte = 0; lineStart.removeAll(keepingCapacity: true) }
        if empty {
            if !inRequestLine {
                // The head is complete; the next byte starts the next request.
                if declaresBody { return .bodyNotAccepted }
                inRequestLine = true
                headerCount = 0
            }
            headLength = 0   // blank lines before a request line are allowed and not counted
            return nil
        }
        if inRequestLine {
            inRequestLine = false
            return nil
        }
        headerCount += 1
        if headerCount > limits.headerCount { return .headersTooLarge }
        if lineStart.starts(with: Array("transfer-encoding:".utf8)) { declaresBody = true }
        if lineStart.starts(with: Array("content-length:".utf8)) {
            let value = lineStart.dropFirst("content-length:".utf8.count)
            // Only a length of zero (or a value too long to keep, which is not zero) is no body.
            if lineStart.count >= 32 || !value.allSatisfy({ [UInt8(ascii: "0"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains($0) }) {
                declaresBody = true
            }
        }
        return nil
    }

    /// Answers directly on the socket (this handler is first in the pipeline), stops sending,
    /// and drops what the client still sends for a moment before closing: closing with unread
    /// bytes would reset the connection, and the client could lose the answer.
    private func refuse(_ refusal: Refusal, context: ChannelHandlerContext) {
        refused = true
        let channel = context.channel
        let loop = context.eventLoop
        context.writeAndFlush(NIOAny(ByteBuffer(string: refusal.response))).whenComplete { _ in
            channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            loop.scheduleTask(in: RequestHeadLimiter.linger) { channel.close(promise: nil) }
        }
    }

    static let linger = TimeAmount.seconds(2)
}

@available(*, unavailable)
extension RequestHeadLimiter: Sendable {}
