#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstring>
#include <utility>

class QJsonValue;

namespace steward::json {

// A JSON document that loses nothing a reviewer could care about: object members in
// the order written, numbers as their exact decimal text. Value semantics; copying a
// document is cheap (lists and long texts are shared until one copy changes).
//
// A node is 32 bytes: string and number texts are kept as UTF-8, up to 24 bytes inside
// the node, longer ones in one shared block, so a parsed document costs about one
// allocation per array, object and long text.
class Node
{
public:
    enum class Kind : quint8 { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<QString, Node>;

    Node() noexcept {} // null
    Node(const Node &other);
    Node(Node &&other) noexcept { moveFrom(other); }
    Node &operator=(const Node &other);
    Node &operator=(Node &&other) noexcept
    {
        if (this != &other) {
            Node taken(std::move(other)); // other may live inside this node
            destroy();
            moveFrom(taken);
        }
        return *this;
    }
    ~Node() { destroy(); }

    static Node null();
    static Node boolean(bool value);
    static Node number(const QString &rawText); // text as written, e.g. "100.0", "-1.5e3"
    static Node string(const QString &value);
    static Node array(QList<Node> items = {});
    static Node object(QList<Member> members = {});
    // The same from UTF-8 text, without passing through UTF-16.
    static Node numberFromUtf8(QByteArrayView rawText);
    static Node stringFromUtf8(QByteArrayView value);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isObject() const { return m_kind == Kind::Object; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isContainer() const { return m_kind == Kind::Array || m_kind == Kind::Object; }

    bool toBool() const { return m_bool; }
    // The string value, or the raw number text; empty for other kinds.
    QString text() const { return QString::fromUtf8(utf8()); }
    // The same as UTF-8, without converting: valid while this node is unchanged.
    QByteArrayView utf8() const
    {
        if (m_kind != Kind::String && m_kind != Kind::Number)
            return {};
        return m_inlineSize == kOwning ? QByteArrayView(m_longText) : QByteArrayView(m_shortText, m_inlineSize);
    }
    bool sameText(const Node &other) const { return utf8() == other.utf8(); }

    // An empty list for other kinds. The non-const forms turn a node of another kind into
    // an empty array (object) first, so what is added to it is never hidden.
    const QList<Node> &items() const;
    QList<Node> &items();
    const QList<Member> &members() const;
    QList<Member> &members();

    // The member named `key`, or nullptr.
    const Node *member(const QString &key) const;
    Node *member(const QString &key);
    // The string value of member `key`; empty when it is absent or not a string.
    QString stringMember(const QString &key) const;
    // Replaces or appends (keeping position when replacing).
    void setMember(const QString &key, Node value);
    bool removeMember(const QString &key);
    qsizetype size() const; // members or items; 0 for scalars

    // Same value: numbers compare as decimals (100.0 == 1e2 == 100), member order ignored.
    bool sameValue(const Node &other) const;
    // Same value and same formatting: number text and member order equal too.
    bool identical(const Node &other) const;

private:
    static constexpr quint8 kShortText = 24;         // bytes of text kept inside the node
    static constexpr quint8 kOwning = kShortText + 1; // m_inlineSize of a list or a long text

    // Only lists and long texts own memory (m_inlineSize == kOwning).
    void destroy() noexcept
    {
        if (m_inlineSize == kOwning)
            release();
        m_kind = Kind::Null;
        m_inlineSize = 0;
    }
    void release() noexcept;
    void copyFrom(const Node &other);
    // Every member of the union is relocatable (Qt's lists and byte arrays are), so a
    // move is a copy of the bytes; the source is left null and owns nothing.
    void moveFrom(Node &other) noexcept
    {
        std::memcpy(static_cast<void *>(this), static_cast<const void *>(&other), sizeof(Node));
        other.m_kind = Kind::Null;
        other.m_inlineSize = 0;
    }
    void setText(Kind kind, QByteArrayView utf8);

    Kind m_kind = Kind::Null;
    bool m_bool = false;
    quint8 m_inlineSize = 0;
    union {
        char m_shortText[kShortText];
        QByteArray m_longText;
        QList<Node> m_items;
        QList<Member> m_members;
    };
};

QString kindName(Node::Kind kind); // "null", "boolean", "number", "string", "array", "object"

// Conversions to and from Qt's JSON (lossy towards Qt: doubles, sorted keys).
QJsonValue toQJsonValue(const Node &node);
Node fromQJsonValue(const QJsonValue &value);

} // namespace steward::json

Q_DECLARE_TYPEINFO(steward::json::Node, Q_RELOCATABLE_TYPE);
