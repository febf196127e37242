#include "json/JsonParser.h"

namespace steward::json {
namespace {

// ---------------------------------------------------------------------------------------
// Writing.

void writeString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plainFrom = 0; // bytes that need no escape are copied in runs
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        default: {
            const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
            out.append(escaped, sizeof escaped);
        }
        }
    }
    out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
    out.append('"');
}

void writeNode(QByteArray &out, const Node &node, bool indented, int level)
{
    const auto newline = [&](int atLevel) {
        if (!indented)
            return;
        out.append('\n');
        out.append(atLevel * 4, ' ');
    };
    switch (node.kind()) {
    case Node::Kind::Null: out.append("null", 4); return;
    case Node::Kind::Bool: node.toBool() ? out.append("true", 4) : out.append("false", 5); return;
    case Node::Kind::Number: out.append(node.utf8()); return;
    case Node::Kind::String: writeString(out, node.utf8()); return;
    case Node::Kind::Array:
        out.append('[');
        for (qsizetype i = 0; i < node.items().size(); ++i) {
            if (i > 0)
                out.append(',');
            newline(level + 1);
            writeNode(out, node.items().at(i), indented, level + 1);
        }
        if (!node.items().isEmpty())
            newline(level);
        out.append(']');
        return;
    case Node::Kind::Object:
        out.append('{');
        for (qsizetype i = 0; i < node.members().size(); ++i) {
            if (i > 0)
                out.append(',');
            newline(level + 1);
            writeString(out, node.members().at(i).first.toUtf8());
            indented ? out.append(": ", 2) : out.append(':');
            writeNode(out, node.members().at(i).second, indented, level + 1);
        }
        if (!node.members().isEmpty())
            newline(level);
        out.append('}');
        return;
    }
}

} // namespace

QByteArray serialize(const Node &node, bool indented)
{
    QByteArray out;
    writeNode(out, node, indented, 0);
    return out;
}

} // namespace steward::json
