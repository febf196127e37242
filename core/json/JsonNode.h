#pragma once

#include <QList>
#include <QString>

#include <utility>

class QJsonValue;

namespace steward::json {

// A JSON document that loses nothing a reviewer could care about: object members in
// the order written, numbers as their exact decimal text. Value semantics; copying a
// large document copies it (use shared_ptr to share).
class Node
{
public:
    enum class Kind { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<QString, Node>;

    Node() = default; // null
    static Node null();
    static Node boolean(bool value);
    static Node number(const QString &rawText); // text as written, e.g. "100.0", "-1.5e3"
    static Node string(const QString &value);
    static Node array(QList<Node> items = {});
    static Node object(QList<Member> members = {});

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isObject() const { return m_kind == Kind::Object; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isContainer() const { return m_kind == Kind::Array || m_kind == Kind::Object; }

    bool toBool() const { return m_bool; }
    // The string value, or the raw number text.
    const QString &text() const { return m_text; }
    const QList<Node> &items() const { return m_items; }
    QList<Node> &items() { return m_items; }
    const QList<Member> &members() const { return m_members; }
    QList<Member> &members() { return m_members; }

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
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    QString m_text;
    QList<Node> m_items;
    QList<Member> m_members;
};

QString kindName(Node::Kind kind); // "null", "boolean", "number", "string", "array", "object"

// Conversions to and from Qt's JSON (lossy towards Qt: doubles, sorted keys).
QJsonValue toQJsonValue(const Node &node);
Node fromQJsonValue(const QJsonValue &value);

} // namespace steward::json
