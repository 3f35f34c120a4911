import Foundation

/// A JSON encoder that keeps keys in the order the values encode them and formats numbers the
/// same way on every run.
///
/// Foundation's `JSONEncoder` on Linux emits keys in hash order, which changes from process to
/// process; `.sortedKeys` would be stable but would put `"type"` and `"schema"` in the middle of
/// objects. Non-finite numbers become `null` (JSON has no NaN or infinity).
public struct OrderedJSONEncoder {
    public var pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = JSONNodeBox()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        var out = ""
        out.reserveCapacity(4096)
        root.node.write(to: &out, pretty: pretty, indent: 0)
        return Data(out.utf8)
    }
}

/// A JSON value under construction.
indirect enum JSONNode {
    case object([(String, JSONNodeBox)])
    case array([JSONNodeBox])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.node.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                Self.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.node.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func number(_ value: Double) -> JSONNode {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number("\(value)")
    }
}

/// A reference to a node, so containers can fill it after handing it out.
final class JSONNodeBox {
    var node: JSONNode = .null
    init(_ node: JSONNode = .null) { self.node = node }
}

private struct NodeEncoder: Encoder {
    let box: JSONNodeBox
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleNodeContainer(box: box, codingPath: codingPath)
    }
}

/// Encodes one value into a fresh node (primitives directly, the rest through `Encodable`).
private func makeNode<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws -> JSONNodeBox {
    let box = JSONNodeBox()
    switch value {
    case let v as Double: box.node = JSONNode.number(v)
    case let v as Float: box.node = JSONNode.number(Double(v))
    case let v as Int: box.node = .number(String(v))
    case let v as String: box.node = .string(v)
    case let v as Bool: box.node = .bool(v)
    default: try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
    }
    return box
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNodeBox
    var codingPath: [CodingKey]

    private func set(_ key: Key, _ child: JSONNodeBox) {
        guard case .object(var members) = box.node else { return }
        box.node = .null  // the box lets go, so `members` grows in place instead of being copied
        if let i = members.firstIndex(where: { $0.0 == key.stringValue }) {
            members[i].1 = child
        } else {
            members.append((key.stringValue, child))
        }
        box.node = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, JSONNodeBox(.null)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try makeNode(value, codingPath: codingPath + [key]))
    }
    /// An absent optional is left out, as the standard library's overloads for `Double?`,
    /// `String?`, … do: a key is either present with a value or absent, never `null`.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNodeBox(.object([]))
        set(key, child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = JSONNodeBox(.array([]))
        set(key, child)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> Encoder { NodeEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = JSONNodeBox()
        set(key, child)
        return NodeEncoder(box: child, codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONNodeBox
    var codingPath: [CodingKey]
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    private func append(_ child: JSONNodeBox) {
        guard case .array(var items) = box.node else { return }
        box.node = .null  // the box lets go: appending in place, not a copy per element
        items.append(child)
        box.node = .array(items)
    }

    mutating func encodeNil() throws { append(JSONNodeBox(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        append(try makeNode(value, codingPath: codingPath + [IndexKey(count)]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNodeBox(.object([]))
        append(child)
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = JSONNodeBox(.array([]))
        append(child)
        return UnkeyedNodeContainer(box: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> Encoder {
        let child = JSONNodeBox()
        append(child)
        return NodeEncoder(box: child, codingPath: codingPath)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: JSONNodeBox
    var codingPath: [CodingKey]
    mutating func encodeNil() throws { box.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.node = try makeNode(value, codingPath: codingPath).node
    }
}
