#include "json/JsonNode.h"

#include "json/Decimal.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QVariant>

#include <cmath>
#include <cstring>
#include <new>

using namespace Qt::StringLiterals;

namespace steward::json {

static_assert(sizeof(Node) == 32, "a node is a tag and 24 bytes: the header's promise, and the memory budget");

// The union holds at most one live member, chosen by the kind (and for texts by
// m_inlineSize); only these functions and moveFrom() construct or end it.
void Node::release() noexcept
{
    switch (m_kind) {
    case Kind::Array: m_items.~QList(); break;
    case Kind::Object: m_members.~QList(); break;
    case Kind::Number:
    case Kind::String: m_longText.~QByteArray(); break;
    case Kind::Null:
    case Kind::Bool: break;
    }
}

void Node::copyFrom(const Node &other)
{
    m_bool = other.m_bool;
    m_inlineSize = other.m_inlineSize;
    switch (other.m_kind) {
    case Kind::Array: new (&m_items) QList<Node>(other.m_items); break;
    case Kind::Object: new (&m_members) QList<Member>(other.m_members); break;
    case Kind::Number:
    case Kind::String:
        if (m_inlineSize == kOwning)
            new (&m_longText) QByteArray(other.m_longText);
        else
            std::memcpy(m_shortText, other.m_shortText, m_inlineSize);
        break;
    case Kind::Null:
    case Kind::Bool: break;
    }
    m_kind = other.m_kind;
}

void Node::setText(Kind kind, QByteArrayView utf8)
{
    destroy();
    if (utf8.size() <= kShortText) {
        m_inlineSize = quint8(utf8.size());
        if (!utf8.isEmpty())
            std::memcpy(m_shortText, utf8.data(), size_t(utf8.size()));
    } else {
        m_inlineSize = kOwning;
        new (&m_longText) QByteArray(utf8.data(), utf8.size());
    }
    m_kind = kind;
}

Node::Node(const Node &other)
{
    copyFrom(other);
}

Node &Node::operator=(const Node &other)
{
    if (this != &other) {
        Node copy(other); // other may live inside this node
        destroy();
        moveFrom(copy);
    }
    return *this;
}

Node Node::null()
{
    return Node();
}

Node Node::boolean(bool value)
{
    Node node;
    node.m_kind = Kind::Bool;
    node.m_bool = value;
    return node;
}

Node Node::number(const QString &rawText)
{
    return numberFromUtf8(rawText.toUtf8());
}

Node Node::string(const QString &value)
{
    return stringFromUtf8(value.toUtf8());
}

Node Node::numberFromUtf8(QByteArrayView rawText)
{
    Node node;
    node.setText(Kind::Number, rawText);
    return node;
}

Node Node::stringFromUtf8(QByteArrayView value)
{
    Node node;
    node.setText(Kind::String, value);
    return node;
}

Node Node::array(QList<Node> items)
{
    Node node;
    new (&node.m_items) QList<Node>(std::move(items));
    node.m_kind = Kind::Array;
    node.m_inlineSize = kOwning;
    return node;
}

Node Node::object(QList<Member> members)
{
    Node node;
    new (&node.m_members) QList<Member>(std::move(members));
    node.m_kind = Kind::Object;
    node.m_inlineSize = kOwning;
    return node;
}

const QList<Node> &Node::items() const
{
    static const QList<Node> none;
    return m_kind == Kind::Array ? m_items : none;
}

QList<Node> &Node::items()
{
    if (m_kind != Kind::Array)
        *this = array();
    return m_items;
}

const QList<Node::Member> &Node::members() const
{
    static const QList<Member> none;
    return m_kind == Kind::Object ? m_members : none;
}

QList<Node::Member> &Node::members()
{
    if (m_kind != Kind::Object)
        *this = object();
    return m_members;
}

const Node *Node::member(const QString &key) const
{
    for (const Member &member : members()) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

QString Node::stringMember(const QString &key) const
{
    const Node *value = member(key);
    return value && value->isString() ? value->text() : QString();
}

Node *Node::member(const QString &key)
{
    if (m_kind != Kind::Object)
        return nullptr;
    for (Member &member : m_members) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

void Node::setMember(const QString &key, Node value)
{
    if (Node *existing = member(key)) {
        *existing = std::move(value);
        return;
    }
    members().append(Member(key, std::move(value)));
}

bool Node::removeMember(const QString &key)
{
    if (m_kind != Kind::Object)
        return false;
    for (qsizetype i = 0; i < m_members.size(); ++i) {
        if (m_members.at(i).first == key) {
            m_members.removeAt(i);
            return true;
        }
    }
    return false;
}

qsizetype Node::size() const
{
    switch (m_kind) {
    case Kind::Array: return m_items.size();
    case Kind::Object: return m_members.size();
    default: return 0;
    }
}

bool Node::sameValue(const Node &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null: return true;
    case Kind::Bool: return m_bool == other.m_bool;
    case Kind::Number: return sameText(other) || decimalEqual(text(), other.text());
    case Kind::String: return sameText(other);
    case Kind::Array:
        if (m_items.size() != other.m_items.size())
            return false;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (!m_items.at(i).sameValue(other.m_items.at(i)))
                return false;
        }
        return true;
    case Kind::Object: {
        if (m_members.size() != other.m_members.size())
            return false;
        // Small objects: a linear look-up is cheaper than building an index.
        constexpr qsizetype kIndexFrom = 16;
        if (m_members.size() < kIndexFrom) {
            for (const Member &member : m_members) {
                const Node *counterpart = other.member(member.first);
                if (!counterpart || !member.second.sameValue(*counterpart))
                    return false;
            }
            return true;
        }
        QHash<QString, const Node *> otherByKey;
        otherByKey.reserve(other.m_members.size());
        for (const Member &member : other.m_members)
            otherByKey.insert(member.first, &member.second);
        for (const Member &member : m_members) {
            const Node *counterpart = otherByKey.value(member.first);
            if (!counterpart || !member.second.sameValue(*counterpart))
                return false;
        }
        return true;
    }
    }
    return false;
}

bool Node::identical(const Node &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null: return true;
    case Kind::Bool: return m_bool == other.m_bool;
    case Kind::Number:
    case Kind::String: return sameText(other);
    case Kind::Array:
        if (m_items.size() != other.m_items.size())
            return false;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (!m_items.at(i).identical(other.m_items.at(i)))
                return false;
        }
        return true;
    case Kind::Object:
        if (m_members.size() != other.m_members.size())
            return false;
        for (qsizetype i = 0; i < m_members.size(); ++i) {
            const Member &mine = m_members.at(i);
            const Member &theirs = other.m_members.at(i);
            if (mine.first != theirs.first || !mine.second.identical(theirs.second))
                return false;
        }
        return true;
    }
    return false;
}

QString kindName(Node::Kind kind)
{
    // JSON's own type names, the same in every language: not translated.
    switch (kind) {
    case Node::Kind::Null: return u"null"_s;
    case Node::Kind::Bool: return u"boolean"_s;
    case Node::Kind::Number: return u"number"_s;
    case Node::Kind::String: return u"string"_s;
    case Node::Kind::Array: return u"array"_s;
    case Node::Kind::Object: return u"object"_s;
    }
    return QString();
}

namespace {

// Plain integers that fit stay exact in Qt's JSON (it stores qint64); the rest become doubles.
QJsonValue numberToQJsonValue(const QString &text)
{
    bool isInteger = false;
    const qint64 integer = text.toLongLong(&isInteger);
    if (isInteger)
        return QJsonValue(integer);
    bool isDouble = false;
    const double value = text.toDouble(&isDouble);
    if (isDouble && std::isfinite(value))
        return QJsonValue(value);
    return QJsonValue(QJsonValue::Null); // out of double's range: Qt's JSON has no such number
}

QString numberText(const QJsonValue &value)
{
    const QVariant variant = value.toVariant();
    if (variant.typeId() == QMetaType::LongLong)
        return QString::number(variant.toLongLong());
    const double number = value.toDouble();
    if (number == std::floor(number) && std::fabs(number) < 1e15)
        return QString::number(qint64(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QJsonValue toQJsonValue(const Node &node)
{
    switch (node.kind()) {
    case Node::Kind::Null: return QJsonValue(QJsonValue::Null);
    case Node::Kind::Bool: return QJsonValue(node.toBool());
    case Node::Kind::Number: return numberToQJsonValue(node.text());
    case Node::Kind::String: return QJsonValue(node.text());
    case Node::Kind::Array: {
        QJsonArray array;
        for (const Node &item : node.items())
            array.append(toQJsonValue(item));
        return array;
    }
    case Node::Kind::Object: {
        QJsonObject object;
        for (const Node::Member &member : node.members())
            object.insert(member.first, toQJsonValue(member.second));
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

Node fromQJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return Node::null();
    case QJsonValue::Bool: return Node::boolean(value.toBool());
    case QJsonValue::Double: return Node::number(numberText(value));
    case QJsonValue::String: return Node::string(value.toString());
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QList<Node> items;
        items.reserve(array.size());
        for (const QJsonValue &item : array)
            items.append(fromQJsonValue(item));
        return Node::array(std::move(items));
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QList<Node::Member> members;
        members.reserve(object.size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            members.append(Node::Member(it.key(), fromQJsonValue(it.value())));
        return Node::object(std::move(members));
    }
    }
    return Node::null();
}

} // namespace steward::json
